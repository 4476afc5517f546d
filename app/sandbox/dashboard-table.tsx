import type { ReactNode } from 'react';
import { formatJapanTimestamp } from '@/lib/i18n/date-time';

/** The dashboard's building blocks: a captioned table, code spans and times (Japan time, as on /orders). */

export const time = (ms: number | undefined) => (ms === undefined ? '—' : formatJapanTimestamp(ms));

export const code = (text: string) => <code className="break-all font-mono text-xs">{text}</code>;

const tableClass = 'mt-2 w-full border-collapse text-left text-sm';
const captionClass = 'mb-1 text-left text-lg font-semibold';
const cellClass = 'border-b border-gray-200 px-2 py-1 align-top';
const headClass = 'border-b border-gray-400 px-2 py-1';

export function Table({ caption, headers, rows, empty }: { caption: string; headers: string[]; rows: ReactNode[][]; empty: string }) {
  return (
    // Focusable, so a table wider than a phone's screen can be scrolled from the keyboard.
    <div className="mt-8 overflow-x-auto" role="region" aria-label={caption} tabIndex={0}>
      <table className={tableClass}>
        <caption className={captionClass}>{caption}</caption>
        <thead>
          <tr>
            {headers.map((header) => (
              <th key={header} scope="col" className={headClass}>
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={headers.length} className={`${cellClass} text-gray-600`}>
                {empty}
              </td>
            </tr>
          ) : (
            rows.map((cells, index) => (
              <tr key={index}>
                {cells.map((cell, cellIndex) => (
                  <td key={cellIndex} className={cellClass}>
                    {cell}
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
