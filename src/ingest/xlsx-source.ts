/**
 * Reading a workbook with ExcelJS's streaming reader: the sheets named in the profile, row by row,
 * in the order the workbook stores them. Date cells become dates; a formula is kept as its text
 * (`=…`) and never calculated; other cells become the text they show.
 */
import type * as ExcelJS from 'exceljs';
import type { Readable } from 'node:stream';
import { Open } from 'unzipper';
import { dateOfEpochDay, daysFromCivil } from '../domain/date.js';
import type { Profile } from './profile.js';
import { batchSize, type RawRow, type RawValue, type RowBatch, type SourceFailure, type TableSource } from './source.js';
import { tableNames, type TableName } from './tables.js';

export type WorkbookItem = TableSource | { readonly failure: SourceFailure };

/**
 * The workbook's tables, each to be read to the end before the next is asked for. A damaged or
 * truncated workbook ends with a failure. `path` is where the workbook can be read again whole.
 */
export async function* workbookTables(input: string | Readable, label: string, profile: Profile, path: string | null = typeof input === 'string' ? input : null): AsyncGenerator<WorkbookItem> {
  const wanted = new Map<string, TableName>(tableNames.map((table) => [profile.tables[table].sheet.trim().toLowerCase(), table]));
  // Read such a workbook whole from the start: the streaming reader would first copy each sheet to
  // a temporary file, and then fail and leave those copies of children's records behind.
  if (path !== null && (await storesSheetsBeforeIndex(path))) {
    yield* wholeWorkbookTables(path, label, wanted);
    return;
  }
  const excel = await exceljs();
  const reader = new excel.stream.xlsx.WorkbookReader(input, { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore' });
  const failure = (error: unknown): { failure: SourceFailure } => ({ failure: { code: 'file-unreadable', row: null, detail: describeError(error) } });
  // The reader may report a damaged file as an event as well as by rejecting; the rejection is what we act on.
  (reader as unknown as NodeJS.EventEmitter).on('error', () => {});
  let started = false;
  try {
    for await (const sheet of reader) {
      const name = String((sheet as unknown as { name?: string }).name ?? '');
      const table = wanted.get(name.trim().toLowerCase());
      if (table === undefined) continue;
      let ended = false;
      started = true;
      yield { table, label: `${label}, sheet ${name}`, batches: sheetBatches(sheet, () => (ended = true)) };
      // The caller reads the sheet's rows before asking for the next sheet; a failure inside ends the workbook too.
      if (!ended) return;
    }
  } catch (error) {
    // ExcelJS's streaming reader cannot name a sheet stored before the workbook's own index
    // (xl/workbook.xml), which some writers, ExcelJS among them, sometimes do: such a file is
    // read whole instead. A file that cannot be read that way either is damaged.
    if (!started && path !== null) yield* wholeWorkbookTables(path, label, wanted);
    else yield failure(error);
  }
}

/**
 * Whether the workbook stores a sheet before the parts the streaming reader needs to name it (the
 * index, its relationships and the shared strings), read from the zip's central directory alone.
 * A file that is not a readable zip is left to the reader, which names the damage.
 */
async function storesSheetsBeforeIndex(path: string): Promise<boolean> {
  let files: readonly { readonly path: string; readonly offsetToLocalFileHeader: number }[];
  try {
    files = (await Open.file(path)).files;
  } catch {
    return false;
  }
  const offsetOf = (name: string) => files.find((f) => f.path === name)?.offsetToLocalFileHeader ?? -1;
  const index = Math.max(offsetOf('xl/workbook.xml'), offsetOf('xl/_rels/workbook.xml.rels'), offsetOf('xl/sharedStrings.xml'));
  return files.some((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f.path) && f.offsetToLocalFileHeader < index);
}

/** The same tables from a workbook read whole into memory (ExcelJS's ordinary reader). */
async function* wholeWorkbookTables(path: string, label: string, wanted: ReadonlyMap<string, TableName>): AsyncGenerator<WorkbookItem> {
  const excel = await exceljs();
  const workbook = new excel.Workbook();
  try {
    await workbook.xlsx.readFile(path);
  } catch (error) {
    yield { failure: { code: 'file-unreadable', row: null, detail: describeError(error) } };
    return;
  }
  for (const sheet of workbook.worksheets) {
    const table = wanted.get(sheet.name.trim().toLowerCase());
    if (table === undefined) continue;
    yield { table, label: `${label}, sheet ${sheet.name}`, batches: rowsOf(sheet) };
  }
}

async function* rowsOf(sheet: ExcelJS.Worksheet): AsyncGenerator<RowBatch> {
  let rows: RawRow[] = [];
  for (let number = 1; number <= sheet.rowCount; number++) {
    const values = rowValues(sheet.getRow(number));
    if (values.every((v) => v === '')) continue;
    rows.push({ row: number, values });
    if (rows.length === batchSize) {
      yield { rows };
      rows = [];
    }
  }
  if (rows.length > 0) yield { rows };
}

async function* sheetBatches(sheet: ExcelJS.stream.xlsx.WorksheetReader, onEnd: () => void): AsyncGenerator<RowBatch> {
  let rows: RawRow[] = [];
  try {
    for await (const row of sheet) {
      const values = rowValues(row);
      if (values.every((v) => v === '')) continue;
      rows.push({ row: row.number, values });
      if (rows.length === batchSize) {
        yield { rows };
        rows = [];
      }
    }
  } catch (error) {
    if (rows.length > 0) yield { rows };
    yield { failure: { code: 'file-unreadable', row: null, detail: describeError(error) } };
    return;
  }
  if (rows.length > 0) yield { rows };
  onEnd();
}

function rowValues(row: ExcelJS.Row): RawValue[] {
  // row.values is 1-based, with holes for empty cells.
  const cells = row.values as readonly ExcelJS.CellValue[];
  const values: RawValue[] = [];
  for (let i = 1; i < cells.length; i++) values.push(cellValue(cells[i]));
  return values;
}

function cellValue(value: ExcelJS.CellValue | undefined): RawValue {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    // ExcelJS gives a date cell as midnight UTC of its day (plus any time of day): the day is the UTC date.
    return dateOfEpochDay(daysFromCivil(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate()));
  }
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if ('formula' in value && typeof value.formula === 'string') return `=${value.formula}`;
  if ('sharedFormula' in value) return `=${String(value.sharedFormula)}`;
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('text' in value) return String(value.text);
  if ('error' in value) return String(value.error);
  return '';
}

function describeError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return `the workbook is damaged or incomplete (${message})`;
}

/** ExcelJS, loaded when a workbook is first read or written: loading it takes a sixth of a second, which no command or page that has no workbook should wait for. */
async function exceljs() {
  return (await import('exceljs')).default;
}
