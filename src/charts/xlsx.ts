/**
 * Workbooks for spreadsheets: one sheet per table, a bold, frozen header row, dates as real date
 * cells shown `yyyy-mm-dd`, numbers as numbers, and text neutralised against formula injection by
 * the same rule as CSV (formula-injection.ts). No cell is ever written as a formula.
 *
 * A workbook is written from sheets in their text form (TextSheet: dates as ISO text in the
 * columns that hold dates), which is plain data: a render thread can be sent it (render-worker.ts).
 */
import type * as ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
import type { PlainDate } from '../domain/date.js';
import { isoDate, Temporal } from '../domain/date.js';
import type { CsvCell } from './csv.js';
import { neutraliseFormula } from './formula-injection.js';

export type SheetCell = string | number | PlainDate | null;

export interface Sheet {
  /** At most 31 characters, none of `\ / ? * [ ] :` (Excel's rule). */
  readonly name: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly SheetCell[])[];
}

/** A sheet as plain data: every date as ISO text (`yyyy-mm-dd`), in the columns `dateColumns` lists (by index). */
export interface TextSheet {
  readonly name: string;
  readonly columns: readonly string[];
  readonly dateColumns: readonly number[];
  readonly rows: readonly (readonly CsvCell[])[];
}

export const xlsxContentType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The sheets as an .xlsx workbook. */
export function xlsxWorkbook(sheets: readonly Sheet[]): Promise<Buffer> {
  return xlsxWorkbookOfText(sheets.map((sheet) => textSheet(sheet)));
}

/**
 * The sheet in its text form; with `rowsDone`, the rows are converted in parts, `rowsDone` awaited
 * after each (a server lets other requests in between).
 */
export function textSheet(sheet: Sheet): TextSheet;
export function textSheet(sheet: Sheet, rowsDone: () => Promise<void>): Promise<TextSheet>;
export function textSheet(sheet: Sheet, rowsDone?: () => Promise<void>): TextSheet | Promise<TextSheet> {
  // Which columns hold dates is learnt on the same pass that turns dates to text: a column holds
  // dates when any of its cells is one, and then must hold nothing but dates and empty cells.
  const hasDate = sheet.columns.map(() => false);
  const other: (SheetCell | undefined)[] = sheet.columns.map(() => undefined);
  const asText = (row: readonly SheetCell[]): CsvCell[] =>
    row.map((cell, i) => {
      if (cell instanceof Temporal.PlainDate) {
        hasDate[i] = true;
        return isoDate(cell);
      }
      if (cell !== null && other[i] === undefined) other[i] = cell;
      return cell;
    });
  const of = (rows: CsvCell[][]): TextSheet => {
    const dateColumns = hasDate.flatMap((dated, i) => (dated ? [i] : []));
    for (const i of dateColumns) if (other[i] !== undefined) throw new Error(`column ${sheet.columns[i]} of ${sheet.name} holds both dates and ${String(other[i])}`);
    return { name: sheet.name, columns: sheet.columns, dateColumns, rows };
  };
  if (!rowsDone) return of(sheet.rows.map(asText));
  return (async () => {
    const rows: CsvCell[][] = [];
    for (let start = 0; start < sheet.rows.length; start += rowsInAPart) {
      for (let i = start; i < Math.min(start + rowsInAPart, sheet.rows.length); i++) rows.push(asText(sheet.rows[i] as readonly SheetCell[]));
      await rowsDone();
    }
    return of(rows);
  })();
}

/** Rows converted between two awaits of textSheet's `rowsDone`: a few milliseconds' work. */
const rowsInAPart = 5_000;

/**
 * The sheets, in their text form, as an .xlsx workbook, written by ExcelJS's streaming writer: each
 * row goes out as XML when it is added, compressed while the next are written, so a sheet of
 * 300,000 rows takes a few seconds and tens of megabytes, where ExcelJS's workbook of cell objects
 * took a minute and 3.6 GB (docs/decisions/0035-streamed-workbooks.md).
 */
export async function xlsxWorkbookOfText(sheets: readonly TextSheet[]): Promise<Buffer> {
  for (const sheet of sheets) if (!/^[^\\/?*[\]:]{1,31}$/.test(sheet.name)) throw new Error(`not a sheet name Excel accepts: ${sheet.name}`);
  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  const excel = await exceljs();
  const workbook = new excel.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  workbook.creator = 'pace';
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    // Widths first: the streaming writer writes the columns before the first row.
    worksheet.columns = sheet.columns.map((name, i) => {
      // A loop, not Math.max(...cells): a sheet of 300,000 rows is more arguments than a call can take.
      let widest = name.length;
      for (const row of sheet.rows) widest = Math.max(widest, String(row[i] ?? '').length);
      return { width: Math.min(60, Math.max(10, widest + 2)) };
    });
    const header = worksheet.addRow(sheet.columns.map(neutraliseFormula));
    header.font = { bold: true };
    header.commit();
    const dates = new Set(sheet.dateColumns);
    for (let at = 0; at < sheet.rows.length; at++) {
      const row = sheet.rows[at] as readonly CsvCell[];
      const added = worksheet.addRow(row.map((cell, i) => (dates.has(i) ? dateCellValue(cell) : textCellValue(cell))));
      // One style object for all plain cells and one for all dates: the writer looks a style it has
      // seen up by the object, where a cell's own object would be described and matched each time.
      added.eachCell((cell, column) => {
        cell.style = dates.has(column - 1) ? dateStyle : plainStyle;
      });
      added.commit();
      // Let the compressor take what is written, so that the XML does not pile up in memory.
      if (at % rowsBetweenDrains === rowsBetweenDrains - 1) await new Promise((resolve) => setImmediate(resolve));
    }
    worksheet.commit();
  }
  await workbook.commit();
  await ended;
  return Buffer.concat(chunks);
}

const plainStyle: Partial<ExcelJS.Style> = {};
const dateStyle: Partial<ExcelJS.Style> = { numFmt: 'yyyy-mm-dd' };

/** Rows written between two turns of the event loop in which the compressor takes them. */
const rowsBetweenDrains = 2_000;

/** A date as ExcelJS writes it: UTC midnight of the day (a whole-day serial, no time of day). */
function dateCellValue(cell: CsvCell): ExcelJS.CellValue {
  if (cell === null) return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(cell));
  if (!match) throw new Error(`not a date: ${String(cell)}`);
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
}

/** Text neutralised; numbers as numbers. */
function textCellValue(cell: CsvCell): ExcelJS.CellValue {
  return typeof cell === 'string' ? neutraliseFormula(cell) : cell;
}

/** ExcelJS, loaded when a workbook is first read or written: loading it takes a sixth of a second, which no command or page that has no workbook should wait for. */
async function exceljs() {
  return (await import('exceljs')).default;
}
