/**
 * CSV for spreadsheets: RFC 4180 quoting, CRLF line ends, and a cell a spreadsheet would run as a
 * formula (starting `=`, `+`, `-`, `@`, a tab or a carriage return) prefixed with `'` so that it
 * is shown as text (formula-injection.ts, docs/architecture.md). Numbers are written as they are.
 */
import type { QualityLine } from '../domain/quality/quality-json.js';
import { neutraliseFormula } from './formula-injection.js';

export type CsvCell = string | number | null;

export function csvText(columns: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [columns.map(csvCell).join(','), ...rows.map((row) => row.map(csvCell).join(','))].join('\r\n') + '\r\n';
}

export function csvCell(value: CsvCell): string {
  if (value === null) return '';
  const text = typeof value === 'string' ? neutraliseFormula(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const qualityColumns = ['severity', 'rule', 'code', 'child_id', 'record', 'column', 'value', 'message', 'fix'] as const;

/** Every problem line as CSV; a cell that a spreadsheet would run as a formula is prefixed with ' (docs/architecture.md). */
export function qualityCsv(problems: readonly QualityLine[]): string {
  return csvText(qualityColumns, problems.map((p) => qualityColumns.map((c) => p[c])));
}
