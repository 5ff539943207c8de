import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { auditOf, saveRecords } from '../../src/store/index.js';
import { engines } from '../engines.js';
import { clasCsv2021, exportRecords, identifyingTexts } from '../export-fixtures.js';
import { readWorkbook } from '../read-workbook.js';
import { addTestUser, Client, openWeb, textOf, type WebFixture } from './harness.js';

const key = 'a test key that is long enough to use';

describe.each(engines)('the exports page on $name', (engine) => {
  let web: WebFixture;
  let client: Client;

  beforeEach(async () => {
    web = await openWeb(engine);
    const records = exportRecords();
    await saveRecords(web.connection, web.north, { children: records.map((r) => r.child), placements: records.flatMap((r) => r.placements), events: records.flatMap((r) => r.events) }, { by: 'fixture', at: '2021-05-01T09:00:00.000Z' });
    await addTestUser(web.connection, 'dana', [[web.north, 'data-lead']]);
    client = new Client(web.app);
    await client.signIn('dana');
    vi.stubEnv('PACE_PSEUDONYM_KEY', key);
  });

  afterEach(async () => {
    vi.unstubAllEnvs();
    await web.dispose();
  });

  const exportAudit = async (file: string) => (await auditOf(web.connection, web.north, 'export', file)).map((e) => [e.username, e.action, e.entity, e.recordId]);

  it('offers both exports to a data lead, the latest whole return year chosen', async () => {
    const page = await client.get('/a/NORTH/exports');
    expect(page.statusCode).toBe(200);
    const text = textOf(page.body);
    expect(text).toContain('CLAS return: the permanence fields');
    // Today is 2021-06-01: 2020-21 is still running, 2019-20 is the latest whole year.
    expect(page.body).toContain('<option value="2020" selected>2019-20</option>');
    expect(page.body).toContain('<option value="2021">2020-21 (this year, so far)</option>');
    expect(page.body).toContain('href="/a/NORTH/exports/pseudonymised.xlsx"');
    expect(page.body).toContain('href="/a/NORTH/exports/pseudonymised-events.csv"');
    expect(page.body).toContain('href="/a/NORTH/exports"');
  });

  it('sends the chosen year and format to its file', async () => {
    const chosen = await client.get('/a/NORTH/exports/clas?year=2021&format=xlsx');
    expect([chosen.statusCode, chosen.headers.location]).toEqual([303, '/a/NORTH/exports/clas-2021.xlsx']);
    const wrong = await client.get('/a/NORTH/exports/clas?year=2030&format=csv');
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('<a href="#year">Choose a return year from the list</a>');
  });

  it('downloads the CLAS fields as CSV, hand-checked, and writes the download to the audit log', async () => {
    const csv = await client.get('/a/NORTH/exports/clas-2021.csv');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe('attachment; filename="NORTH-clas-2020-21.csv"');
    expect(csv.body).toBe(clasCsv2021);
    expect(await exportAudit('clas-2021.csv')).toEqual([['dana', 'export', 'export', 'clas-2021.csv']]);
  });

  it('downloads the CLAS fields as a workbook', async () => {
    const xlsx = await client.get('/a/NORTH/exports/clas-2021.xlsx');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(xlsx.headers['content-disposition']).toBe('attachment; filename="NORTH-clas-2020-21.xlsx"');
    const { clas_permanence: rows } = await readWorkbook(xlsx.rawPayload);
    expect(rows?.map((r) => r[0])).toEqual(['child_id', "'=K9+1", 'K1', 'K2', 'K3', 'K3', 'K4', 'K7', 'K8']);
    expect(await exportAudit('clas-2021.xlsx')).toEqual([['dana', 'export', 'export', 'clas-2021.xlsx']]);
  });

  it('downloads the pseudonymised extract: no name, date of birth or id of the authority, the same pseudonyms each time', async () => {
    const xlsx = await client.get('/a/NORTH/exports/pseudonymised.xlsx');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-disposition']).toBe('attachment; filename="NORTH-pseudonymised-2021-06-01.xlsx"');
    const sheets = await readWorkbook(xlsx.rawPayload);
    expect(Object.keys(sheets)).toEqual(['children', 'placements', 'events']);
    expect(sheets.children?.[0]).toEqual(['child_pseudonym', 'birth_month', 'sex', 'sibling_group_pseudonym']);
    const children = await client.get('/a/NORTH/exports/pseudonymised-children.csv');
    expect(children.headers['content-disposition']).toBe('attachment; filename="NORTH-pseudonymised-children-2021-06-01.csv"');
    const all = [children.body, (await client.get('/a/NORTH/exports/pseudonymised-placements.csv')).body, (await client.get('/a/NORTH/exports/pseudonymised-events.csv')).body, JSON.stringify(sheets)].join('\n');
    for (const identifying of identifyingTexts) expect(all).not.toContain(identifying);
    expect(all).not.toMatch(/\bK[1-9]\b|PK1|EK1a/);
    // The workbook's children are the CSV's children.
    expect(sheets.children?.slice(1).map((r) => r[0])).toEqual(children.body.trim().split('\r\n').slice(1).map((line) => line.split(',')[0]));
    expect((await client.get('/a/NORTH/exports/pseudonymised-children.csv')).body).toBe(children.body);
    expect(await exportAudit('pseudonymised.xlsx')).toEqual([['dana', 'export', 'export', 'pseudonymised.xlsx']]);
    expect(await exportAudit('pseudonymised-children.csv')).toHaveLength(2);
  });

  it('makes a file once while the records are unchanged, and afresh once they change', async () => {
    const first = await client.get('/a/NORTH/exports/pseudonymised-children.csv');
    expect(first.body.trim().split('\r\n')).toHaveLength(10);
    expect((await client.get('/a/NORTH/exports/pseudonymised-children.csv')).body).toBe(first.body);
    const [record] = exportRecords();
    if (!record) throw new Error('fixture');
    await saveRecords(web.connection, web.north, { children: [{ ...record.child, childId: 'K99' }] }, { by: 'fixture' });
    const after = await client.get('/a/NORTH/exports/pseudonymised-children.csv');
    expect(after.body.trim().split('\r\n')).toHaveLength(11);
    // Both downloads of the unchanged file were audited, as every download is.
    expect(await exportAudit('pseudonymised-children.csv')).toHaveLength(3);
  });

  it('gives other pseudonyms under another key', async () => {
    const first = (await client.get('/a/NORTH/exports/pseudonymised-children.csv')).body;
    vi.stubEnv('PACE_PSEUDONYM_KEY', 'a different key, also long enough to use');
    const second = (await client.get('/a/NORTH/exports/pseudonymised-children.csv')).body;
    const ids = (csv: string) => csv.trim().split('\r\n').slice(1).map((line) => line.split(',')[0]);
    expect(ids(second).some((id) => ids(first).includes(id))).toBe(false);
  });

  it('makes no pseudonymised extract without a key, and says why', async () => {
    vi.stubEnv('PACE_PSEUDONYM_KEY', '');
    expect(textOf((await client.get('/a/NORTH/exports')).body)).toContain('This server has no pseudonymisation key (PACE_PSEUDONYM_KEY)');
    const refused = await client.get('/a/NORTH/exports/pseudonymised.xlsx');
    expect(refused.statusCode).toBe(503);
    expect(await exportAudit('pseudonymised.xlsx')).toEqual([]);
  });

  it('has no file of another name', async () => {
    for (const file of ['clas-2021.txt', 'pseudonymised.csv', 'pseudonymised-children.xlsx', 'clas-1999.csv', 'clas-2030.csv', 'other.csv']) expect((await client.get(`/a/NORTH/exports/${file}`)).statusCode).toBe(404);
  });

  it('does not exist for a user of another authority, and is refused to a viewer', async () => {
    await addTestUser(web.connection, 'sam', [[web.south, 'admin']]);
    await addTestUser(web.connection, 'vic', [[web.north, 'viewer']]);
    const sam = new Client(web.app);
    await sam.signIn('sam');
    for (const url of ['/a/NORTH/exports', '/a/NORTH/exports/clas-2021.csv', '/a/NORTH/exports/pseudonymised.xlsx']) expect((await sam.get(url)).statusCode).toBe(404);
    const vic = new Client(web.app);
    await vic.signIn('vic');
    for (const url of ['/a/NORTH/exports', '/a/NORTH/exports/clas-2021.csv', '/a/NORTH/exports/pseudonymised-events.csv']) expect((await vic.get(url)).statusCode).toBe(403);
    expect(await exportAudit('clas-2021.csv')).toEqual([]);
    // And a viewer's navigation has no Exports.
    expect(textOf((await vic.get('/a/NORTH')).body)).not.toContain('Exports');
  });
});
