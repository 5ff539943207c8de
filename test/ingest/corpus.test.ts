// The bad-input corpus: broken files, each with the message a data lead sees, and the database
// checked unchanged after each refusal. Files are made here, at test time (the large one too).
import { closeSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { findChildRecord, type AuthorityScope } from '../../src/store/index.js';
import { pace } from '../cli-harness.js';
import { engines } from '../engines.js';
import { addTestAuthority, childrenHeader, cleanExport, eventsHeader, exportWith, placementsHeader, snapshotRecords, writeFiles } from './fixtures.js';

interface Refusal {
  readonly name: string;
  readonly path: () => string | Promise<string>;
  readonly message: string | RegExp;
}

const children = cleanExport['children.csv'];
let largeExport = '';
const largeRows = 115_000;

const refusals: readonly Refusal[] = [
  { name: 'an empty file', path: () => exportWith({ 'children.csv': Buffer.alloc(0) }), message: '  children.csv: the file is empty [file-empty]' },
  { name: 'a missing file', path: () => writeFiles({ 'children.csv': children, 'placements.csv': cleanExport['placements.csv'] }), message: '  events.csv: no events.csv found [file-missing]' },
  { name: 'a missing required column', path: () => exportWith({ 'placements.csv': ['child_id,placement_id,end_date,placement_type', 'C1,P1,,foster'] }), message: '  placements.csv, row 1, start_date: required column start_date is missing [column-missing]' },
  { name: 'text in a date column', path: () => exportWith({ 'children.csv': [childrenHeader, 'C1,Amy,Testcase,not known,F,,,', children[2] as string] }), message: '  children.csv, row 2, date_of_birth: invalid date_of_birth: not known [date-invalid]' },
  { name: 'a day that does not exist', path: () => exportWith({ 'placements.csv': [placementsHeader, 'C1,P1,31/02/2020,,foster,,', 'C2,P3,2019-03-01,,home,CSO,'] }), message: '  placements.csv, row 2, start_date: invalid start_date: 31/02/2020 [date-invalid]' },
  { name: 'a date in 2099', path: () => exportWith({ 'events.csv': [eventsHeader, 'C1,E1,lac_review,2099-01-01,,'] }), message: /^ {2}events\.csv, row 2, date: date 2099-01-01 is after today \(\d{4}-\d{2}-\d{2}\) \[date-in-future\]$/m },
  { name: 'duplicate ids', path: () => exportWith({ 'events.csv': [eventsHeader, 'C1,E1,lac_review,2020-03-01,,', 'C2,E1,lac_review,2020-04-01,,'] }), message: '  events.csv, row 3, event_id: event_id E1 appears more than once in the file (first on row 2) [id-duplicate]' },
  { name: 'an unknown child', path: () => exportWith({ 'placements.csv': [placementsHeader, 'C9,P9,2020-01-01,,foster,,'] }), message: '  placements.csv, row 2, child_id: placement for child C9, who is not in the children file [placement-child-unknown]' },
  { name: 'an unknown code', path: () => exportWith({ 'placements.csv': [placementsHeader, 'C1,P1,2020-01-01,,fostr,,'] }), message: '  placements.csv, row 2, placement_type: unknown placement_type: fostr [placement-type-unknown]' },
  { name: 'a route missing where required', path: () => exportWith({ 'events.csv': [eventsHeader, 'C1,E1,adm_decision,2020-03-01,,'] }), message: '  events.csv, row 2, route: adm_decision on 2020-03-01 has no route [route-missing]' },
  { name: 'a placement ending before it starts', path: () => exportWith({ 'placements.csv': [placementsHeader, 'C1,P1,2020-03-01,2020-02-01,foster,,'] }), message: '  placements.csv, row 2, end_date: end_date 2020-02-01 is before start_date 2020-03-01 [placement-end-before-start]' },
  { name: 'overlapping placements', path: () => exportWith({ 'placements.csv': [placementsHeader, 'C1,P1,2020-01-01,2020-06-30,foster,,', 'C1,P2,2020-06-01,,kinship,,'] }), message: '  placements.csv, row 3, start_date: placement P2 (2020-06-01 to open) overlaps placement P1 (2020-01-01 to 2020-06-30) [placements-overlap]' },
  { name: 'an unquoted separator inside a value', path: () => exportWith({ 'children.csv': [childrenHeader, 'C1,Amy,Testcase,2016-02-29,F,,Worker 1,North, East Team'] }), message: '  children.csv, row 2: the row has 9 values but the header has 8 columns [row-too-many-values]' },
  { name: 'a quote never closed', path: () => exportWith({ 'children.csv': [childrenHeader, 'C1,"Amy,Testcase,2016-02-29,F,,,'] }), message: /^ {2}children\.csv, row 2: the row cannot be read as CSV: a quote mark opens a value and is never closed \[csv-malformed\]$/m },
  { name: 'a UTF-16 file without a byte-order mark', path: () => exportWith({ 'children.csv': Buffer.from(`${children.join('\r\n')}\r\n`, 'utf16le') }), message: '  children.csv: the file cannot be read: it holds NUL bytes: it is UTF-16 without a byte-order mark, or not a text file [file-unreadable]' },
  { name: 'a truncated .xlsx', path: truncatedWorkbook, message: /^ {2}export\.xlsx: the file cannot be read: the workbook is damaged or incomplete \(.+\) \[file-unreadable\]$/m },
  { name: 'a 50 MB file with one bad date on its last row', path: () => largeExport, message: `  events.csv, row ${largeRows + 1}, date: invalid date: 2020-13-01 [date-invalid]` },
];

beforeAll(() => {
  // 115,000 events with 400-character notes: a little over 50 MB, written in pieces.
  largeExport = writeFiles({ 'children.csv': [childrenHeader, ...Array.from({ length: 1000 }, (_, i) => `K${i},,,2015-01-01,,,,`)], 'placements.csv': [placementsHeader] });
  const fd = openSync(join(largeExport, 'events.csv'), 'w');
  writeSync(fd, `${eventsHeader}\r\n`);
  const note = 'n'.repeat(400);
  for (let start = 0; start < largeRows; start += 5000) {
    let text = '';
    for (let i = start; i < Math.min(start + 5000, largeRows); i++) text += `K${i % 1000},E${i},lac_review,${i === largeRows - 1 ? '2020-13-01' : '2020-03-01'},,${note}\r\n`;
    writeSync(fd, text);
  }
  closeSync(fd);
});

afterAll(() => {
  largeExport = '';
});

async function truncatedWorkbook(): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  for (const [sheet, lines] of Object.entries(cleanExport)) workbook.addWorksheet(sheet.replace('.csv', '')).addRows(lines.map((line) => line.split(',')));
  const path = join(writeFiles({}), 'export.xlsx');
  await workbook.xlsx.writeFile(path);
  const bytes = readFileSync(path);
  writeFileSync(path, bytes.subarray(0, Math.floor(bytes.length / 2)));
  return path;
}

describe.each(engines)('broken files on $name', (engine) => {
  let opened: Awaited<ReturnType<typeof engine.open>>;
  let env: NodeJS.ProcessEnv;
  let north: AuthorityScope;

  beforeEach(async () => {
    opened = await engine.open();
    env = { DATABASE_URL: opened.url };
    north = await addTestAuthority(opened.connection);
    // Something already held, which a refused import must leave exactly as it is.
    await pace(['import', writeFiles(cleanExport), '--authority', 'NORTH'], env);
  });

  afterEach(async () => {
    await opened.dispose();
  });

  it.each(refusals)('refuses $name, saying so, and leaves the database unchanged', async ({ path, message }) => {
    const before = await snapshotRecords(opened.connection);
    const run = await pace(['import', await path(), '--authority', 'NORTH'], env);
    expect(run.code).toBe(1);
    if (typeof message === 'string') expect(run.out.split('\n')).toContain(message);
    else expect(run.out).toMatch(message);
    expect(run.out).toContain('Refused: correct the');
    expect(run.out).not.toMatch(/\n\s+at .*\.(js|ts):\d+/);
    expect(await snapshotRecords(opened.connection)).toBe(before);
  });

  it('stores HTML and spreadsheet formulas in names verbatim, as text, with a warning', async () => {
    const dir = exportWith({ 'children.csv': [childrenHeader, 'C1,"=HYPERLINK(""http://example.invalid"",""x"")",<b>Testcase</b>,2016-02-29,F,,,', children[2] as string] });
    const run = await pace(['import', dir, '--authority', 'NORTH'], env);
    expect(run.code).toBe(0);
    expect(run.out).toContain('  children.csv, row 2, first_name: first_name starts like a spreadsheet formula: =HYPERLINK("http://example.invalid","x") [text-formula]\n');
    expect(run.out).toContain('  children.csv, row 2, last_name: last_name holds HTML markup: <b>Testcase</b> [text-markup]\n');
    const amy = await findChildRecord(opened.connection, north, 'C1');
    expect([amy?.child.firstName, amy?.child.lastName]).toEqual(['=HYPERLINK("http://example.invalid","x")', '<b>Testcase</b>']);
  });

  it('reads a UTF-16 file with a byte-order mark (Excel’s "Unicode text", tab-separated)', async () => {
    const tabbed = cleanExport['children.csv'].map((line) => line.replaceAll(',', '\t').replace('Amy', 'Zoë'));
    const dir = exportWith({ 'children.csv': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${tabbed.join('\r\n')}\r\n`, 'utf16le')]) });
    const run = await pace(['import', dir, '--authority', 'NORTH'], env);
    expect(run.code).toBe(0);
    expect(run.out).toContain('  children.csv: the file is not UTF-8; it was read as UTF-16 (little-endian) [encoding-converted]\n');
    expect((await findChildRecord(opened.connection, north, 'C1'))?.child.firstName).toBe('Zoë');
  });

  it('imports files holding only a header row, warning that nothing is in them', async () => {
    const before = await snapshotRecords(opened.connection);
    const run = await pace(['import', writeFiles({ 'children.csv': [childrenHeader], 'placements.csv': [placementsHeader], 'events.csv': [eventsHeader] }), '--authority', 'NORTH'], env);
    expect(run.code).toBe(0);
    expect(run.out.split('\n')).toContain('  children.csv: the file has a header row but no data [file-no-rows]');
    expect(await snapshotRecords(opened.connection)).toBe(before);
  });
});
