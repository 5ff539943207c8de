/**
 * Workbooks for spreadsheets: one sheet per table, a bold, frozen header row, dates as real date
 * cells shown `yyyy-mm-dd`, numbers as numbers, and text neutralised against formula injection by
 * the same rule as CSV (formula-injection.ts). No cell is ever written as a formula.
 */
import ExcelJS from 'exceljs';
import type { PlainDate } from '../domain/date.js';
import { Temporal } from '../domain/date.js';
import { neutraliseFormula } from './formula-injection.js';

export type SheetCell = string | number | PlainDate | null;

export interface Sheet {
  /** At most 31 characters, none of `\ / ? * [ ] :` (Excel's rule). */
  readonly name: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly SheetCell[])[];
}

export const xlsxContentType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The sheets as an .xlsx workbook. */
export async function xlsxWorkbook(sheets: readonly Sheet[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'pace';
  for (const sheet of sheets) {
    if (!/^[^\\/?*[\]:]{1,31}$/.test(sheet.name)) throw new Error(`not a sheet name Excel accepts: ${sheet.name}`);
    const worksheet = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    worksheet.addRow(sheet.columns.map(neutraliseFormula)).font = { bold: true };
    for (const row of sheet.rows) {
      const added = worksheet.addRow(row.map(xlsxCellValue));
      row.forEach((cell, i) => {
        if (cell instanceof Temporal.PlainDate) added.getCell(i + 1).numFmt = 'yyyy-mm-dd';
      });
    }
    sheet.columns.forEach((name, i) => {
      const widest = Math.max(name.length, ...sheet.rows.map((row) => displayLength(row[i] ?? null)));
      worksheet.getColumn(i + 1).width = Math.min(60, Math.max(10, widest + 2));
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A cell's value as ExcelJS writes it: a date at UTC midnight (a whole-day serial, no time of day), text neutralised. */
export function xlsxCellValue(cell: SheetCell): ExcelJS.CellValue {
  if (cell === null) return null;
  if (typeof cell === 'number') return cell;
  if (typeof cell === 'string') return neutraliseFormula(cell);
  return new Date(Date.UTC(cell.year, cell.month - 1, cell.day));
}

function displayLength(cell: SheetCell): number {
  if (cell === null) return 0;
  return typeof cell === 'string' ? cell.length : typeof cell === 'number' ? String(cell).length : 10;
}
