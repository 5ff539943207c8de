/**
 * Spreadsheets pace writes neutralise formula injection (docs/architecture.md, "Security model"): a text
 * cell that a spreadsheet would run as a formula — starting `=`, `+`, `-`, `@`, a tab or a carriage
 * return (OWASP, "CSV Injection") — is prefixed with `'`, so that it is shown as the text it is.
 * The one rule for every format: csv.ts and xlsx.ts both call it.
 */

const formulaStart = /^[=+\-@\t\r]/;

/** The text as a spreadsheet cell may safely hold it. */
export function neutraliseFormula(text: string): string {
  return formulaStart.test(text) ? `'${text}` : text;
}
