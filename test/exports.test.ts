// The export files: formula injection neutralised in CSV and .xlsx alike, dates as date cells in a
// workbook and ISO text in CSV, keyed pseudonyms, and the CLAS table of the fixture authority.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { csvCell, csvText } from '../src/charts/csv.js';
import { xlsxWorkbook } from '../src/charts/xlsx.js';
import { clasPermanenceRows, clasYear } from '../src/domain/exports/clas.js';
import { pseudonymisedExtract } from '../src/domain/exports/pseudonymise.js';
import { clasTable } from '../src/app/exports/clas-export.js';
import { csvFileNames, exportFormatOf, tableCsv } from '../src/app/exports/export-table.js';
import { hmacPseudonymiser, readPseudonymKey } from '../src/app/exports/pseudonym-key.js';
import { pseudonymisedTables } from '../src/app/exports/pseudonymised-export.js';
import { d } from './builders.js';
import { clasCsv2021, exportRecords, identifyingTexts } from './export-fixtures.js';
import { readWorkbook } from './read-workbook.js';

const key = 'k'.repeat(32);
const otherKey = 'another secret key of 32 chars!!';

describe('formula injection', () => {
  const dangerous = ['=1+2', '+SUM(A1)', '-2+3', '@cmd', '\tTAB', '\rCR', 'plain', '1=1'];

  it('is neutralised in CSV: a cell starting =, +, -, @, tab or CR gets a leading quote mark', () => {
    expect(dangerous.map((t) => csvCell(t))).toEqual(["'=1+2", "'+SUM(A1)", "'-2+3", "'@cmd", "'\tTAB", '"\'\rCR"', 'plain', '1=1']);
    // A negative number is a number, not a formula.
    expect(csvCell(-5)).toBe('-5');
    expect(csvText(['=a'], [['=HYPERLINK("x")']])).toBe('\'=a\r\n"\'=HYPERLINK(""x"")"\r\n');
  });

  it('is neutralised in .xlsx by the same rule: read back, every such cell is text with the quote mark, never a formula', async () => {
    const bytes = await xlsxWorkbook([{ name: 'cells', columns: ['=header', 'number', 'date'], rows: dangerous.map((t, i) => [t, i === 0 ? -5 : i, i === 0 ? d('2021-07-31') : null]) }]);
    const { cells } = await readWorkbook(bytes);
    expect(cells?.[0]).toEqual(["'=header", 'number', 'date']);
    // (Reading XML turns the carriage return into a line feed; the quote mark is what matters.)
    expect(cells?.slice(1).map((row) => row[0])).toEqual(["'=1+2", "'+SUM(A1)", "'-2+3", "'@cmd", "'\tTAB", "'\nCR", 'plain', '1=1']);
    expect(cells?.[1]?.[1]).toBe(-5);
    // A date is a date cell at midnight UTC (a whole-day serial), shown yyyy-mm-dd.
    expect(cells?.[1]?.[2]).toEqual(new Date(Date.UTC(2021, 6, 31)));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('cells');
    expect(sheet?.getCell('C2').numFmt).toBe('yyyy-mm-dd');
    sheet?.eachRow((row) => row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)));
  });

  it('writes a sheet of 200,000 rows (an extract of 20,000 children has about 300,000 events)', async () => {
    // Sizing the columns once spread every cell into one call, more arguments than a call can take.
    const rows = Array.from({ length: 200_000 }, (_, i) => [`E${i + 1}`, d('2021-07-31')]);
    const { events } = await readWorkbook(await xlsxWorkbook([{ name: 'events', columns: ['event', 'date'], rows }]));
    expect(events).toHaveLength(200_001);
    expect(events?.[200_000]).toEqual(['E200000', new Date(Date.UTC(2021, 6, 31))]);
  });
});

describe('the CLAS export', () => {
  const table = clasTable(clasPermanenceRows(exportRecords(), clasYear(2021)));

  it('writes the hand-checked rows of the fixture authority as CSV, the formula-like id neutralised', () => {
    expect(tableCsv(table)).toBe(clasCsv2021);
  });

  it('writes the same rows as a workbook sheet, dates as date cells', async () => {
    const { clas_permanence: rows } = await readWorkbook(await xlsxWorkbook([table]));
    expect(rows?.length).toBe(9);
    expect(rows?.[0]?.[0]).toBe('child_id');
    expect(rows?.[1]?.[0]).toBe("'=K9+1");
    expect(rows?.[2]).toEqual(['K1', new Date(Date.UTC(2019, 4, 1)), undefined, new Date(Date.UTC(2019, 9, 1)), 'adoption', new Date(Date.UTC(2020, 0, 15)), 'adoption', new Date(Date.UTC(2020, 8, 10)), 'adoption']);
  });
});

describe('pseudonyms', () => {
  const tablesWith = (k: string) => pseudonymisedTables(pseudonymisedExtract(exportRecords(), hmacPseudonymiser(k, 'NORTH')));

  it('are HMAC-SHA256 of authority, kind and id under the key, in hex', () => {
    // From another implementation: printf 'NORTH\x1fchild\x1fK1' | openssl dgst -sha256 -hmac kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk
    expect(hmacPseudonymiser(key, 'NORTH')('child', 'K1')).toBe('1ef85fcf6b9cf36c5cc4ddee8954573a6e4f0a4ec8a38a73693c96f5d0093af6');
    expect(hmacPseudonymiser(key, 'NORTH')('child', 'K1')).not.toBe(hmacPseudonymiser(key, 'SOUTH')('child', 'K1'));
    expect(hmacPseudonymiser(key, 'NORTH')('child', 'K1')).not.toBe(hmacPseudonymiser(key, 'NORTH')('event', 'K1'));
  });

  it('are the same under the same key, so extracts link, and different under another', () => {
    const [first, again, other] = [tablesWith(key), tablesWith(key), tablesWith(otherKey)];
    expect(again).toEqual(first);
    const ids = (tables: typeof first) => new Set(tables[0]?.rows.map((r) => r[0]));
    expect([...ids(other)].some((id) => ids(first).has(id))).toBe(false);
    expect(ids(first).size).toBe(9);
  });

  it('leave no name, full date of birth or id of the authority in the extract', () => {
    const text = tablesWith(key).map(tableCsv).join('\n');
    for (const identifying of identifyingTexts) expect(text).not.toContain(identifying);
    for (const id of ['K1', 'PK1', 'EK1a', '=K9+1']) expect(text).not.toMatch(new RegExp(`(^|,)${id.replace(/[+=]/g, '\\$&')}(,|\\r)`, 'm'));
    expect(text).toContain(',2014-02,F,');
  });

  it('need a key of at least 32 characters', () => {
    expect(readPseudonymKey(undefined)).toMatchObject({ ok: false, error: { code: 'no-key' } });
    expect(readPseudonymKey('  ')).toMatchObject({ ok: false, error: { code: 'no-key' } });
    expect(readPseudonymKey('short')).toMatchObject({ ok: false, error: { code: 'key-too-short', message: 'PACE_PSEUDONYM_KEY is too short: 5 characters (at least 32)' } });
    expect(readPseudonymKey(key)).toEqual({ ok: true, key });
  });
});

describe('export files', () => {
  it('take their format from the file name', () => {
    expect([exportFormatOf('a.csv'), exportFormatOf('A.XLSX'), exportFormatOf('a.txt')]).toEqual(['csv', 'xlsx', null]);
  });

  it('write several tables as CSV files named from the one asked for', () => {
    expect(csvFileNames('out/extract.csv', [{ name: 'children', columns: [], rows: [] }, { name: 'events', columns: [], rows: [] }])).toEqual(['out/extract-children.csv', 'out/extract-events.csv']);
    expect(csvFileNames('out/clas.csv', [{ name: 'clas_permanence', columns: [], rows: [] }])).toEqual(['out/clas.csv']);
  });
});
