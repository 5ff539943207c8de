import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as auditModule from '../../src/store/audit.js';
import { appendAudit, deleteRecord, queryAudit, restoreRecord, saveMeeting, type AuditEntry } from '../../src/store/index.js';
import { createApiToken } from '../../src/app/accounts.js';
import { d } from '../builders.js';
import { pace } from '../cli-harness.js';
import { engines } from '../engines.js';
import { cleanExport, writeFiles } from '../ingest/fixtures.js';
import { saveNorth, saveSiblings } from './fixtures.js';
import { addTestUser, Client, openWeb, textOf, type WebFixture } from './harness.js';

const what = (entries: readonly AuditEntry[]) => entries.map((e) => `${e.username} ${e.action} ${e.entity} ${e.recordId} child=${e.childId ?? '-'} from=${e.clientIp ?? '-'}`);

describe('the audit log in the code', () => {
  it('offers nothing that changes or deletes an entry: the store module only appends and reads', () => {
    expect(Object.keys(auditModule).sort()).toEqual(['appendAudit', 'auditActions', 'auditOf', 'insertAuditEntries', 'isAuditAction', 'queryAudit']);
  });

  it('is never updated or deleted from anywhere in the application', () => {
    // Migrations are left out: 0008 fills in a new column before it makes the table append-only.
    const files = (dir: string): string[] => readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? (name === 'migrations' ? [] : files(join(dir, name))) : [join(dir, name)]));
    const offending = files('src').filter((file) => /(updateTable|deleteFrom)\(\s*['"]audit_log['"]|(update|delete\s+from|truncate)\s+"?audit_log/i.test(readFileSync(file, 'utf8')));
    expect(offending).toEqual([]);
  });
});

describe.each(engines)('the audit log on $name', (engine) => {
  let web: WebFixture;

  beforeEach(async () => {
    web = await openWeb(engine);
    await saveNorth(web.connection, web.north);
    await addTestUser(web.connection, 'pat', [[web.north, 'practitioner']]);
    await addTestUser(web.connection, 'dana', [[web.north, 'data-lead']]);
    await addTestUser(web.connection, 'ada', [[web.north, 'admin']]);
    await addTestUser(web.connection, 'vic', [[web.north, 'viewer']]);
  });

  afterEach(async () => {
    await web.dispose();
  });

  const entriesOf = async (childId: string) => (await queryAudit(web.connection, web.north, { childId }, { offset: 0, limit: 100, order: 'oldest' })).entries;

  it('refuses a raw UPDATE, DELETE (and on PostgreSQL TRUNCATE) of its rows in the database itself', async () => {
    await appendAudit(web.connection, web.north, { username: 'pat', action: 'view', entity: 'child', recordId: 'A1', clientIp: '192.0.2.1' });
    await expect(sql`UPDATE audit_log SET username = 'someone else'`.execute(web.connection.db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit_log`.execute(web.connection.db)).rejects.toThrow(/append-only/);
    if (engine.name === 'postgres') await expect(sql`TRUNCATE audit_log`.execute(web.connection.db)).rejects.toThrow(/append-only/);
    expect(what(await entriesOf('A1'))).toEqual(['pat view child A1 child=A1 from=192.0.2.1']);
  });

  it('records every change made through the forms, with who, what, which child and from where', async () => {
    const client = new Client(web.app);
    await client.signIn('pat');
    await client.get('/a/NORTH/add-child');
    expect((await client.post('/a/NORTH/add-child', { child_id: 'F6', date_of_birth: '2019-02-28' })).statusCode).toBe(303);
    await client.get('/a/NORTH/children/F6/edit');
    await client.post('/a/NORTH/children/F6/edit', { date_of_birth: '2019-02-28', team: 'East' });
    await client.post('/a/NORTH/children/F6/edit', { date_of_birth: '2019-02-28', team: 'East' });
    await client.post('/a/NORTH/children/F6/placements/new', { placement_id: 'PF6', start_date: '2021-01-04', placement_type: 'foster' });
    await client.post('/a/NORTH/children/F6/placements/PF6/edit', { start_date: '2021-01-04', placement_type: 'kinship' });
    await client.post('/a/NORTH/children/F6/events/new', { event_id: 'EF6', event_type: 'lac_review', date: '2021-02-15' });
    await client.post('/a/NORTH/children/F6/events/EF6/edit', { event_type: 'lac_review', date: '2021-02-16' });
    expect(what(await entriesOf('F6'))).toEqual([
      'pat add child F6 child=F6 from=127.0.0.1',
      'pat edit child F6 child=F6 from=127.0.0.1',
      'pat add placement PF6 child=F6 from=127.0.0.1',
      'pat edit placement PF6 child=F6 from=127.0.0.1',
      'pat add event EF6 child=F6 from=127.0.0.1',
      'pat edit event EF6 child=F6 from=127.0.0.1',
    ]);
  });

  it('records every view and change made through the API, a batch record by record', async () => {
    const token = (await createApiToken(web.connection, (await addTestUser(web.connection, 'cms', [[web.north, 'practitioner']])), 'cms')).token;
    const call = (method: 'GET' | 'PUT' | 'POST', url: string, payload?: object) => web.app.inject({ method, url, remoteAddress: '198.51.100.9', headers: { authorization: `Bearer ${token}` }, ...(payload ? { payload } : {}) });
    await call('PUT', '/api/v1/authorities/NORTH/children/G7', { date_of_birth: '2019-02-28' });
    await call('PUT', '/api/v1/authorities/NORTH/children/G7/placements/PG7', { start_date: '2021-01-04', placement_type: 'foster' });
    await call('PUT', '/api/v1/authorities/NORTH/children/G7/events/EG7', { event_type: 'lac_review', date: '2021-02-15' });
    await call('PUT', '/api/v1/authorities/NORTH/children/G7/events/EG7', { event_type: 'lac_review', date: '2021-02-15' });
    await call('GET', '/api/v1/authorities/NORTH/children/G7');
    await call('POST', '/api/v1/authorities/NORTH/records', { children: [{ child_id: 'G7', date_of_birth: '2019-03-01' }], events: [{ child_id: 'G7', event_id: 'EG8', event_type: 'lac_review', date: '2021-03-15' }] });
    expect(what(await entriesOf('G7'))).toEqual([
      'cms add child G7 child=G7 from=198.51.100.9',
      'cms add placement PG7 child=G7 from=198.51.100.9',
      'cms add event EG7 child=G7 from=198.51.100.9',
      'cms view child G7 child=G7 from=198.51.100.9',
      'cms edit child G7 child=G7 from=198.51.100.9',
      'cms add event EG8 child=G7 from=198.51.100.9',
    ]);
  });

  it('records a delete and a restore in the same transaction as the change', async () => {
    await deleteRecord(web.connection, web.north, 'event', 'EA1', { by: 'dana' }, { clientIp: '203.0.113.5' });
    await restoreRecord(web.connection, web.north, 'event', 'EA1', { by: 'dana' }, { clientIp: '203.0.113.5' });
    expect(await deleteRecord(web.connection, web.north, 'event', 'NOPE', { by: 'dana' })).toMatchObject({ ok: false });
    expect(what(await entriesOf('A1'))).toEqual(['dana delete event EA1 child=A1 from=203.0.113.5', 'dana restore event EA1 child=A1 from=203.0.113.5']);
  });

  it('records an import, from the browser and from the command line, once for the whole import', async () => {
    const client = new Client(web.app);
    await client.signIn('dana');
    await client.get('/a/NORTH/import');
    const files = Object.entries(cleanExport).map(([name, lines]) => ({ field: 'files', name, content: `${lines.join('\r\n')}\r\n` }));
    const checked = await client.upload('/a/NORTH/import', { profile: 'canonical' }, files);
    const job = String(checked.headers.location);
    for (let i = 0; i < 200 && (await client.get(job)).body.includes('http-equiv="refresh"'); i++) await new Promise((resolve) => setTimeout(resolve, 25));
    const committed = await client.post(`${job}/commit`, {});
    for (let i = 0; i < 200 && (await client.get(String(committed.headers.location))).body.includes('http-equiv="refresh"'); i++) await new Promise((resolve) => setTimeout(resolve, 25));
    const run = await pace(['import', writeFiles(cleanExport), '--authority', 'NORTH'], { DATABASE_URL: web.url, USER: 'ops' });
    expect(run.code).toBe(0);
    const imports = (await queryAudit(web.connection, web.north, { action: 'import' }, { offset: 0, limit: 10, order: 'oldest' })).entries;
    expect(imports.map((e) => `${e.username} ${e.entity} from=${e.clientIp}`)).toEqual(['dana import from=127.0.0.1', 'ops import from=cli']);
    expect(imports.every((e) => /^\d+$/.test(e.recordId) && e.childId === null)).toBe(true);
  });

  it('records one entry for each view of a list of children, naming the list and what was asked for, with who and from where', async () => {
    await saveSiblings(web.connection, web.north);
    await saveMeeting(web.connection, web.north, { date: d('2021-05-20'), title: 'Champions', notes: '' }, { by: 'test' });
    const token = (await createApiToken(web.connection, await addTestUser(web.connection, 'cms', [[web.north, 'viewer']]), 'cms')).token;
    const client = new Client(web.app);
    await client.signIn('dana');
    const total = async () => (await queryAudit(web.connection, web.north, {}, { offset: 0, limit: 1 })).total;
    /** Requests the address and gives the list entries it added (the views of each child a group timeline draws are written too, as views of their records). */
    const view = async (url: string, api = false) => {
      const before = await total();
      const response = api
        ? await web.app.inject({ method: 'GET', url, remoteAddress: '198.51.100.9', headers: { authorization: `Bearer ${token}` } })
        : await web.app.inject({ method: 'GET', url, remoteAddress: '203.0.113.7', headers: { cookie: client.cookieHeader() } });
      expect(response.statusCode, url).toBe(200);
      const added = (await queryAudit(web.connection, web.north, {}, { offset: 0, limit: (await total()) - before, order: 'newest' })).entries;
      return what(added.filter((e) => e.entity !== 'child'));
    };
    const lists: [string, string][] = [
      ['/a/NORTH/waiting?aim=aim-2&sort=weeks', 'waiting-list'],
      ['/a/NORTH/children?q=Adams', 'children-list'],
      ['/a/NORTH/due', 'due-list'],
      ['/a/NORTH/due?worker=Ann%20Smith&as_at=2021-05-01', 'due-list'],
      ['/a/NORTH/due?team=North%20East', 'due-list'],
      ['/a/NORTH/data-quality?rule=no-placement', 'data-quality'],
      ['/a/NORTH/data-quality.csv', 'data-quality'],
      ['/a/NORTH/packs/2021-05-20', 'meeting-pack'],
      ['/a/NORTH/packs/2021-05-20.pdf', 'meeting-pack'],
      ['/a/NORTH/timelines?group=siblings&sibling_group=SG1', 'group-timeline'],
      ['/a/NORTH/timelines.svg?group=siblings&sibling_group=SG1', 'group-timeline'],
      ['/a/NORTH/timelines.png?group=siblings&sibling_group=SG1', 'group-timeline'],
      ['/a/NORTH/timelines/print?group=siblings&sibling_group=SG1', 'group-timeline'],
    ];
    for (const [url, list] of lists) expect(await view(url)).toEqual([`dana view ${list} ${url} child=- from=203.0.113.7`]);
    for (const [url, list] of [
      ['/api/v1/authorities/NORTH/waiting?as_at=2021-05-01', 'waiting-list'],
      ['/api/v1/authorities/NORTH/aims/aim-2/run-chart', 'run-chart'],
    ] as const) {
      expect(await view(url, true)).toEqual([`cms view ${list} ${url} child=- from=198.51.100.9`]);
    }
    // A list of no child (the figures of each aim) writes nothing.
    expect(await view('/api/v1/authorities/NORTH/aims', true)).toEqual([]);

    const log = textOf((await client.get('/a/NORTH/audit?user=dana&action=view')).body);
    expect(log).toContain('dana Viewed Waiting list: /a/NORTH/waiting?aim=aim-2&sort=weeks 203.0.113.7');
    expect(log).toContain('dana Viewed Children (search): /a/NORTH/children?q=Adams 203.0.113.7');
    expect(log).toContain('dana Viewed What is due: /a/NORTH/due?worker=Ann Smith&as_at=2021-05-01 203.0.113.7');
    expect(log).toContain('dana Viewed Data quality report: /a/NORTH/data-quality.csv 203.0.113.7');
    expect(log).toContain('dana Viewed Meeting pack: /a/NORTH/packs/2021-05-20.pdf 203.0.113.7');
    expect(log).toContain('dana Viewed Group timeline: /a/NORTH/timelines/print?group=siblings&sibling_group=SG1 203.0.113.7');
    expect(textOf((await client.get('/a/NORTH/audit?user=cms')).body)).toContain('cms Viewed Run chart: /api/v1/authorities/NORTH/aims/aim-2/run-chart 198.51.100.9');
  });

  it('shows the log to data leads and administrators only', async () => {
    for (const [username, status] of [['ada', 200], ['dana', 200], ['pat', 403], ['vic', 403]] as const) {
      const client = new Client(web.app);
      await client.signIn(username);
      expect((await client.get('/a/NORTH/audit')).statusCode, username).toBe(status);
      expect((await client.get('/a/NORTH')).body.includes('href="/a/NORTH/audit"'), username).toBe(status === 200);
    }
  });

  it('finds entries by child reference, user, action and dates in Scotland, newest first, a page at a time', async () => {
    const entry = (username: string, action: 'view' | 'edit', recordId: string, at: string, childId = recordId) => appendAudit(web.connection, web.north, { username, action, entity: 'child', recordId, childId, clientIp: '192.0.2.44', at });
    await entry('pat', 'view', 'A1', '2024-06-30T22:59:59.000Z'); // 23:59:59 on 30 June in Scotland (BST)
    await entry('pat', 'view', 'A1', '2024-06-30T23:00:00.000Z'); // midnight, 1 July
    await entry('vic', 'view', 'A1', '2024-07-01T12:00:00.000Z');
    await entry('pat', 'edit', 'B2', '2024-07-02T12:00:00.000Z');
    await entry('pat', 'view', 'A1', '2024-07-02T23:00:00.000Z'); // 00:00 on 3 July
    for (let i = 0; i < 105; i++) await entry('bulk', 'view', 'C3', '2024-08-01T09:00:00.000Z');
    const client = new Client(web.app);
    await client.signIn('dana');
    const rows = async (query: string) => {
      const response = await client.get(`/a/NORTH/audit?${query}`);
      expect(response.statusCode, query).toBe(200);
      return textOf(response.body);
    };
    const pat = await rows('child=A1&user=pat&from=2024-07-01&to=2024-07-02');
    expect(pat).toContain('1 entry, newest first.');
    expect(pat).toContain('1 July 2024 at 00:00 pat Viewed child A1 192.0.2.44');
    expect(await rows('child=A1&from=01/07/2024&to=02/07/2024')).toContain('2 entries, newest first.');
    expect(await rows('action=edit')).toContain('1 entry, newest first. Audit log entries, newest first When Who Action What Child From 2 July 2024 at 13:00 pat Changed child B2 192.0.2.44');
    const first = await rows('user=bulk');
    expect(first).toContain('105 entries, newest first.');
    expect(first).toContain('Page 1 of 2 Next');
    const second = await client.get('/a/NORTH/audit?user=bulk&page=2');
    expect((second.body.match(/<tr>/g) ?? []).length).toBe(1 + 5);
    const bad = await client.get('/a/NORTH/audit?from=2024-02-30&to=yesterday&action=burn');
    expect(bad.statusCode).toBe(400);
    expect(textOf(bad.body)).toContain('There is a problem Enter the from date as a real date, such as 2024-03-01 or 01/03/2024 (you entered 2024-02-30) Enter the to date as a real date, such as 2024-03-01 or 01/03/2024 (you entered yesterday) Choose an action from the list');
  });

  it('is printed by pace audit, filtered the same way, as text or JSON', async () => {
    await appendAudit(web.connection, web.north, { username: 'pat', action: 'view', entity: 'child', recordId: 'A1', clientIp: '192.0.2.44', at: '2024-07-01T12:00:00.000Z' });
    await appendAudit(web.connection, web.north, { username: 'pat', action: 'edit', entity: 'event', recordId: 'EA1', childId: 'A1', clientIp: 'cli', at: '2024-07-02T12:00:00.000Z' });
    await appendAudit(web.connection, web.north, { username: 'vic', action: 'view', entity: 'child', recordId: 'B2', clientIp: '192.0.2.45', at: '2024-07-03T12:00:00.000Z' });
    const env = { DATABASE_URL: web.url, USER: 'ops' };
    expect(await pace(['audit', '--authority', 'north', '--child', 'A1'], env)).toEqual({
      code: 0,
      out: '2024-07-01T12:00:00.000Z  pat  view  child A1  from 192.0.2.44\n2024-07-02T12:00:00.000Z  pat  edit  event EA1  (child A1)  from cli\n',
      err: '',
    });
    const json = JSON.parse((await pace(['audit', '--authority', 'NORTH', '--user', 'vic', '--from', '2024-07-03', '--to', '2024-07-03', '--json'], env)).out) as unknown;
    expect(json).toEqual({ authority: 'NORTH', entries: [{ at: '2024-07-03T12:00:00.000Z', username: 'vic', action: 'view', entity: 'child', record_id: 'B2', child_id: 'B2', client_ip: '192.0.2.45' }] });
    expect((await pace(['audit', '--authority', 'NORTH', '--action', 'burn'], env)).code).toBe(2);
    expect(await pace(['audit', '--authority', 'NORTH', '--from', '2024-07-03', '--to', '2024-07-01'], env)).toEqual({ code: 2, out: '', err: 'pace: --to 2024-07-01 is before --from 2024-07-03\n' });
    expect((await pace(['audit', '--authority', 'NOWHERE'], env)).code).toBe(1);
    expect((await pace(['audit', '--authority', 'NORTH', '--child', 'Z9'], env)).out).toBe('No audit entries in NORTH match.\n');
  });

  it('finds nothing of another authority', async () => {
    await appendAudit(web.connection, web.south, { username: 'sam', action: 'view', entity: 'child', recordId: 'A1' });
    expect((await queryAudit(web.connection, web.north, { childId: 'A1' }, { offset: 0, limit: 10 })).total).toBe(0);
    expect((await queryAudit(web.connection, web.north, { from: d('2000-01-01') }, { offset: 0, limit: 10 })).total).toBe(0);
  });
});
