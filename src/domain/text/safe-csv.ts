import Papa from 'papaparse';

/** A CSV cell: text is written as it is, numbers as numbers, empty for null. */
export type CsvCell = string | number | boolean | null;

/**
 * Rows as CSV text for spreadsheets. Text cells starting with `=`, `+`, `-`, `@`, a tab or a
 * carriage return get a leading `'` (papaparse's `escapeFormulae`), so a name like
 * `=HYPERLINK(…)` stays text in Excel or Sheets instead of running as a formula (OWASP's "CSV
 * injection"). Numbers, negative ones included, are written as numbers.
 */
export function toSafeCsv(rows: readonly (readonly CsvCell[])[]): string {
  return `${Papa.unparse(rows as CsvCell[][], { newline: '\n', escapeFormulae: true })}\n`;
}
