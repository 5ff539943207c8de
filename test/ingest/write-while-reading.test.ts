// A first import is written by a writer of its own while it is read (src/store/write-while-reading.ts):
// on a thread into a SQLite file, by COPY into PostgreSQL. These tests hold that way to the same
// contract as the other: the same records, log and audit entry; all of the import or none of it.
import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { generateAuthority } from '../../src/demo/generate.js';
import { writeCanonicalCsv } from '../../src/demo/write-csv.js';
import { ImportBatch } from '../../src/ingest/import-batch.js';
import { importFiles, type ImportOptions } from '../../src/ingest/import-files.js';
import { loadProfile } from '../../src/ingest/profile.js';
import { dataVersion, deleteRecord, loadChildRecords, startWritingWhileReading, type AuthorityScope, type Connection } from '../../src/store/index.js';
import { d } from '../builders.js';
import { engines } from '../engines.js';
import { addTestAuthority, cleanExport, snapshotAll, snapshotRecords, writeFiles } from './fixtures.js';

const profile = loadProfile('canonical');
if (!profile.ok) throw new Error('the canonical profile does not load');
const at = '2026-03-01T09:00:00.000Z';
let demoDir = '';

beforeAll(async () => {
  const generated = generateAuthority({ code: 'NORTH', name: 'North', children: 400, seed: 'write-while-reading', asAt: d('2026-01-01'), firstYear: 2017 });
  demoDir = mkdtempSync(join(tmpdir(), 'pace-wwr-'));
  await writeCanonicalCsv(demoDir, generated.records);
});

/** The connection, counting the writer threads it opens. */
function counting(connection: Connection): { connection: Connection; writers: () => number } {
  let opened = 0;
  const { openWriter } = connection;
  if (openWriter === undefined) return { connection, writers: () => opened };
  return { connection: { ...connection, openWriter: () => (opened++, openWriter()) }, writers: () => opened };
}

/** Everything an import can write: records, history, the import log and the audit log. */
async function everything(connection: Connection): Promise<string> {
  const audit = (await sql`select authority_id, username, action, entity, record_id, child_id, client_ip, at from audit_log order by id`.execute(connection.db)).rows;
  return `${await snapshotAll(connection)}${JSON.stringify(audit)}`;
}

describe.each(engines)('an import written while it is read, on $name', (engine) => {
  let opened: Awaited<ReturnType<typeof engine.open>>;
  let north: AuthorityScope;
  const options = (path: string, more: Partial<ImportOptions> = {}): ImportOptions => ({ path, scope: north, profile: profile.value, dryRun: false, by: 'data.lead', today: d('2026-11-01'), at, clientIp: 'cli', writeWhileReadingFrom: 0, ...more });

  beforeEach(async () => {
    opened = await engine.open();
    north = await addTestAuthority(opened.connection);
  });

  afterEach(async () => {
    await opened.dispose();
  });

  it('stores exactly what the same import stores when it is checked first and written after', async () => {
    const { connection, writers } = counting(opened.connection);
    const version = await dataVersion(opened.connection, north);
    const report = await importFiles(connection, options(demoDir));
    expect(report.outcome).toBe('imported');
    // The web cache sees the change.
    expect(await dataVersion(opened.connection, north)).toBeGreaterThan(version);
    expect(writers()).toBe(1);

    const other = await engine.open();
    try {
      const scope = await addTestAuthority(other.connection);
      const usual = await importFiles(other.connection, { ...options(demoDir), scope, writeWhileReadingFrom: Number.POSITIVE_INFINITY });
      expect(report.saved).toEqual(usual.saved);
      expect(report.problemCounts).toEqual(usual.problemCounts);
      expect(await everything(opened.connection)).toBe(await everything(other.connection));
    } finally {
      await other.dispose();
    }
    const events = readFileSync(join(demoDir, 'events.csv'), 'utf8').trim().split('\n').length - 1;
    expect(report.saved?.events).toEqual({ added: events, changed: 0, unchanged: 0 });
  });

  it('keeps nothing of an import refused by a check across records, and logs the refusal', async () => {
    // A third placement of C1 overlaps the first: only the check across a child's records sees it.
    const dir = writeFiles({ ...cleanExport, 'placements.csv': [...cleanExport['placements.csv'], 'C1,P9,2020-02-01,2020-03-01,foster,,'] });
    const { connection, writers } = counting(opened.connection);
    const before = await snapshotRecords(opened.connection);
    const report = await importFiles(connection, options(dir));
    expect(writers()).toBe(1);
    expect(report.outcome).toBe('refused');
    expect(report.problems.map((p) => p.code)).toContain('placements-overlap');
    expect(await snapshotRecords(opened.connection)).toBe(before);
    const log = (await sql<{ outcome: string }>`select outcome from imports`.execute(opened.connection.db)).rows;
    expect(log).toEqual([{ outcome: 'refused' }]);
  });

  it('keeps nothing of an import with an event id used twice, though both rows were sent to be written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pace-wwr-repeat-'));
    for (const name of ['children.csv', 'placements.csv', 'events.csv']) writeFileSync(join(dir, name), readFileSync(join(demoDir, name)));
    const firstEvent = readFileSync(join(demoDir, 'events.csv'), 'utf8').split('\n')[1] as string;
    appendFileSync(join(dir, 'events.csv'), `${firstEvent}\n`);
    const before = await snapshotRecords(opened.connection);
    const report = await importFiles(opened.connection, options(dir));
    expect(report.outcome).toBe('refused');
    expect(report.problemCounts).toContainEqual({ code: 'id-duplicate', severity: 'error', count: 1 });
    const lines = readFileSync(join(dir, 'events.csv'), 'utf8').trimEnd().split('\n').length;
    expect(report.problems.find((p) => p.code === 'id-duplicate')).toMatchObject({ file: 'events.csv', row: lines, value: firstEvent.split(',')[1], message: `event_id ${firstEvent.split(',')[1]} appears more than once in the file (first on row 2)` });
    expect(await snapshotRecords(opened.connection)).toBe(before);
  });

  it('names a placement id used twice at its file, row and column, and keeps nothing, though both rows were sent to be written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pace-wwr-repeat-placement-'));
    for (const name of ['children.csv', 'placements.csv', 'events.csv']) writeFileSync(join(dir, name), readFileSync(join(demoDir, name)));
    const [header, first, second] = readFileSync(join(demoDir, 'placements.csv'), 'utf8').split('\n') as [string, string, string];
    // The second placement takes the first one's id, on row 3 of the file.
    const repeated = second.split(',');
    const id = first.split(',')[header.split(',').indexOf('placement_id')] as string;
    repeated[header.split(',').indexOf('placement_id')] = id;
    const lines = readFileSync(join(dir, 'placements.csv'), 'utf8').split('\n');
    lines[2] = repeated.join(',');
    writeFileSync(join(dir, 'placements.csv'), lines.join('\n'));
    const before = await snapshotRecords(opened.connection);
    const report = await importFiles(opened.connection, options(dir));
    expect(report.outcome).toBe('refused');
    expect(report.problems.filter((p) => p.code === 'id-duplicate')).toEqual([
      expect.objectContaining({ file: 'placements.csv', row: 3, column: 'placement_id', value: id, severity: 'error', message: `placement_id ${id} appears more than once in the file (first on row 2)` }),
    ]);
    expect(await snapshotRecords(opened.connection)).toBe(before);
  });

  it('compares a later import with the stored records while it is read, and stores exactly what the usual way stores', async () => {
    const other = await engine.open();
    try {
      const scope = await addTestAuthority(other.connection);
      const lines = (name: string) => readFileSync(join(demoDir, name), 'utf8').trimEnd().split(/\r?\n/);
      const [firstEvent, ...events] = lines('events.csv').slice(1);
      const deleted = (events[0] as string).split(',')[1] as string;
      for (const [connection, authority] of [[opened.connection, north], [other.connection, scope]] as const) {
        expect((await importFiles(connection, { ...options(demoDir), scope: authority, writeWhileReadingFrom: undefined })).outcome).toBe('imported');
        expect((await deleteRecord(connection, authority, 'event', deleted, { by: 'data.lead', at })).ok).toBe(true);
      }
      // One child changed and one new; one event changed, one new, and one deleted since and imported again.
      const children = lines('children.csv');
      const changedChild = (children[1] as string).split(',');
      changedChild[6] = 'Another Worker';
      const changedEvent = (firstEvent as string).split(',');
      changedEvent[5] = 'a note now';
      const newEvent = (firstEvent as string).split(',');
      newEvent[1] = 'E-NEW';
      const dir = writeFiles({
        'children.csv': [children[0] as string, changedChild.join(','), ...children.slice(2), 'C-NEW,New,Child,2020-01-01,F,,Worker 1,North Team,'],
        'placements.csv': lines('placements.csv'),
        'events.csv': [lines('events.csv')[0] as string, changedEvent.join(','), ...events, newEvent.join(',')],
      });

      const { connection, writers } = counting(opened.connection);
      const report = await importFiles(connection, options(dir));
      expect(writers()).toBe(opened.connection.capabilities.writerCompares ? 1 : 0);
      const usual = await importFiles(other.connection, { ...options(dir), scope, writeWhileReadingFrom: Number.POSITIVE_INFINITY });
      const placements = lines('placements.csv').length - 1;
      expect(report.saved).toEqual({
        children: { added: 1, changed: 1, unchanged: 399 },
        placements: { added: 0, changed: 0, unchanged: placements },
        events: { added: 1, changed: 2, unchanged: events.length - 1 },
      });
      expect(usual.saved).toEqual(report.saved);
      expect(await everything(opened.connection)).toBe(await everything(other.connection));
    } finally {
      await other.dispose();
    }
  });

  it('keeps the planned dates held when a later import comes from a file without them, as the usual way does', async () => {
    const other = await engine.open();
    try {
      const scope = await addTestAuthority(other.connection);
      for (const [connection, authority] of [[opened.connection, north], [other.connection, scope]] as const) {
        expect((await importFiles(connection, { ...options(demoDir), scope: authority, writeWhileReadingFrom: undefined })).outcome).toBe('imported');
      }
      const planned = sql<{ count: number | string }>`select count(*) as count from events where planned_date is not null and status is null`;
      const plannedHeld = Number((await planned.execute(opened.connection.db)).rows[0]?.count);
      expect(plannedHeld).toBeGreaterThan(100);
      // The weekly export of most systems: the held events alone, with neither status nor planned_date.
      const lines = (name: string) => readFileSync(join(demoDir, name), 'utf8').trimEnd().split(/\r?\n/);
      const [header, ...rows] = lines('events.csv');
      expect(header?.endsWith(',status,planned_date')).toBe(true);
      const held = rows.filter((row) => /,,(\d{4}-\d{2}-\d{2})?$/.test(row)).map((row) => row.replace(/,,(\d{4}-\d{2}-\d{2})?$/, ''));
      const dir = writeFiles({ 'children.csv': lines('children.csv'), 'placements.csv': lines('placements.csv'), 'events.csv': [(header as string).replace(/,status,planned_date$/, ''), ...held] });

      const before = await snapshotRecords(opened.connection);
      const { connection, writers } = counting(opened.connection);
      const report = await importFiles(connection, options(dir));
      expect(writers()).toBe(opened.connection.capabilities.writerCompares ? 1 : 0);
      expect(report.saved).toEqual({ children: { added: 0, changed: 0, unchanged: 400 }, placements: { added: 0, changed: 0, unchanged: lines('placements.csv').length - 1 }, events: { added: 0, changed: 0, unchanged: held.length } });
      expect(await snapshotRecords(opened.connection)).toBe(before);
      expect(Number((await planned.execute(opened.connection.db)).rows[0]?.count)).toBe(plannedHeld);
      const usual = await importFiles(other.connection, { ...options(dir), scope, writeWhileReadingFrom: Number.POSITIVE_INFINITY });
      expect(usual.saved).toEqual(report.saved);
      expect(await everything(opened.connection)).toBe(await everything(other.connection));
    } finally {
      await other.dispose();
    }
  });

  it('writes awkward text exactly while reading, and finds it unchanged when it is imported again', async () => {
    const dir = writeFiles({
      'children.csv': ['child_id,first_name,last_name,date_of_birth,sex,sibling_group,worker,team', 'C1,Tab\there,"Line\nbreak",2016-02-29,F,\\N,back\\slash \\t \\.,"""double"" and \'single\', commas;"', 'C2,Zoë Ünïcødé,中文 עברית 😀,1999-12-31,M,,,'],
      'placements.csv': ['child_id,placement_id,start_date,end_date,placement_type,legal_basis,carer_ref', 'C1,P1,2020-01-10,,foster,CSO,\\N', 'C2,P2,2020-02-01,,kinship,CSO,K\\1'],
      'events.csv': ['child_id,event_id,event_type,date,route,note', 'C1,E1,permanence_recommendation,2020-06-01,adoption,"a\tb\nc\\d ""f"" end"'],
    });
    const first = await importFiles(opened.connection, options(dir));
    expect(first.saved?.children).toEqual({ added: 2, changed: 0, unchanged: 0 });
    const [c1, c2] = await loadChildRecords(opened.connection, north);
    expect([c1?.child.firstName, c1?.child.lastName, c1?.child.siblingGroup, c1?.child.worker, c1?.child.team, c1?.placements[0]?.carerRef, c1?.events[0]?.note]).toEqual([
      'Tab\there',
      'Line\nbreak',
      '\\N',
      'back\\slash \\t \\.',
      '"double" and \'single\', commas;',
      '\\N',
      'a\tb\nc\\d "f" end',
    ]);
    expect([c2?.child.firstName, c2?.child.lastName, c2?.child.worker, c2?.placements[0]?.carerRef]).toEqual(['Zoë Ünïcødé', '中文 עברית 😀', null, 'K\\1']);
    const again = await importFiles(opened.connection, options(dir));
    expect(again.saved).toEqual({ children: { added: 0, changed: 0, unchanged: 2 }, placements: { added: 0, changed: 0, unchanged: 2 }, events: { added: 0, changed: 0, unchanged: 1 } });
  });

  it('is not taken unless asked for, nor for a dry run; into an authority that holds records, only by a writer that compares', async () => {
    const { connection, writers } = counting(opened.connection);
    // The web server does not ask: its other writes would wait on the import's lock.
    expect((await importFiles(connection, { ...options(writeFiles(cleanExport)), writeWhileReadingFrom: undefined })).outcome).toBe('imported');
    expect(writers()).toBe(0);
    const dry = await importFiles(connection, options(demoDir, { dryRun: true }));
    expect(dry.outcome).toBe('dry-run');
    expect(writers()).toBe(0);
    const again = await importFiles(connection, options(demoDir));
    expect(again.outcome).toBe('imported');
    expect(writers()).toBe(opened.connection.capabilities.writerCompares ? 1 : 0);
    expect(again.saved?.children.added).toBe(400);
  });

  it('writes without comparing only when the authority still holds no records inside the writer\'s own transaction', async () => {
    const { openWriter } = opened.connection;
    if (openWriter === undefined) throw new Error('a database file or PostgreSQL has a writer');
    expect((await importFiles(opened.connection, options(writeFiles(cleanExport), { writeWhileReadingFrom: undefined }))).outcome).toBe('imported');
    // The first look is taken on an empty database (as if before another process's import landed);
    // the writer opens the database that now holds records.
    const empty = await engine.open();
    try {
      expect((await addTestAuthority(empty.connection)).id).toBe(north.id);
      const before = await snapshotAll(opened.connection);
      const writing = await startWritingWhileReading({ ...empty.connection, openWriter }, north, { by: 'data.lead', at }, new ImportBatch());
      // A writer that compares takes the import as a later one; one that cannot declines it.
      expect(writing === null).toBe(!opened.connection.capabilities.writerCompares);
      await writing?.abandon();
      expect(await snapshotAll(opened.connection)).toBe(before);
    } finally {
      await empty.dispose();
    }
  });
});
