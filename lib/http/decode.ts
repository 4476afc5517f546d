/** `value` with its percent-encoding decoded; undefined when it is not valid percent-encoding (`%`, `%E3%81`). */
export function percentDecoded(value: string): string | undefined {
  if (!value.includes('%')) return value;
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}
