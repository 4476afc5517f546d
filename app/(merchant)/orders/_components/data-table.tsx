import type { ReactNode } from 'react';

/**
 * A captioned table with column headers, the shape every list on the order page shares. Headers never wrap,
 * and `cell` gives a column's cells a width rule (`whitespace-nowrap`, `min-w-…`), so that on a phone no
 * column is squeezed to one character a line: a table wider than the screen scrolls sideways in its card,
 * which can be focused to scroll it from the keyboard.
 */
export function DataTable(props: {
  caption: string;
  columns: { label: string; numeric?: boolean; cell?: string }[];
  rows: ReactNode[][];
  empty?: string;
  testId: string;
}) {
  const { caption, columns, rows, empty, testId } = props;
  return (
    <section className="card overflow-x-auto p-4" aria-labelledby={`${testId}-caption`} tabIndex={0}>
      <table className="w-full border-collapse text-sm" data-testid={testId}>
        <caption id={`${testId}-caption`} className="mb-2 text-left text-lg font-semibold">
          {caption}
        </caption>
        <thead className="border-b border-stone-200">
          <tr>
            {columns.map((column) => (
              <th key={column.label} scope="col" className={`whitespace-nowrap px-2 py-1.5 font-semibold ${column.numeric ? 'text-right' : 'text-left'}`}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && empty ? (
            <tr>
              <td colSpan={columns.length} className="px-2 py-3 text-stone-600" data-testid={`${testId}-empty`}>
                {empty}
              </td>
            </tr>
          ) : (
            rows.map((cells, index) => (
              <tr key={index} className="border-b border-stone-100 last:border-0" data-testid={`${testId}-row`}>
                {cells.map((cell, column) => (
                  <td key={column} className={`px-2 py-1.5 align-top ${columns[column]?.numeric ? 'whitespace-nowrap text-right' : ''} ${columns[column]?.cell ?? ''}`}>
                    {cell}
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </section>
  );
}
