/**
 * CSV that Excel opens correctly: UTF-8 with a byte-order mark (so Urdu survives), CRLF line
 * ends, RFC 4180 quoting, and text that Excel would run as a formula (= + - @, tab, CR at the
 * start) prefixed with an apostrophe so it is shown, never evaluated.
 */
export type CsvValue = string | number | undefined | null;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: CsvValue): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const guarded = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) || guarded !== guarded.trim() ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(csvCell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
