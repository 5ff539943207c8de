/**
 * A table leaving pace for another system, written as CSV (dates as ISO text) or as one sheet of
 * an .xlsx workbook (dates as real date cells). Both writers neutralise formula injection by the
 * same rule (src/charts/formula-injection.ts).
 */
import { csvText } from '../../charts/csv.js';
import { xlsxWorkbook, type Sheet, type SheetCell } from '../../charts/xlsx.js';
import { isoDate } from '../../domain/date.js';

export type ExportTable = Sheet;
export type ExportFormat = 'csv' | 'xlsx';

/** The format a file name asks for by its ending, or null. */
export function exportFormatOf(fileName: string): ExportFormat | null {
  const match = /\.(csv|xlsx)$/i.exec(fileName);
  return match ? ((match[1] as string).toLowerCase() as ExportFormat) : null;
}

export function tableCsv(table: ExportTable): string {
  return csvText(table.columns, table.rows.map((row) => row.map(csvValue)));
}

export function tablesXlsx(tables: readonly ExportTable[]): Promise<Buffer> {
  return xlsxWorkbook(tables);
}

/**
 * One CSV file per table, named from the file asked for: `extract.csv` gives `extract-children.csv`,
 * `extract-placements.csv` and `extract-events.csv`. A single table keeps the name as given.
 */
export function csvFileNames(fileName: string, tables: readonly ExportTable[]): string[] {
  if (tables.length === 1) return [fileName];
  const stem = fileName.replace(/\.csv$/i, '');
  return tables.map((t) => `${stem}-${t.name}.csv`);
}

export const csvContentType = 'text/csv; charset=utf-8';
export { xlsxContentType } from '../../charts/xlsx.js';

function csvValue(cell: SheetCell): string | number | null {
  return cell === null || typeof cell === 'string' || typeof cell === 'number' ? cell : isoDate(cell);
}
