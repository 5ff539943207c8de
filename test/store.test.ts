import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaseEvent } from '../src/domain/records.js';
import {
  addAuthority,
  compareWithStored,
  deleteRecord,
  findAuthority,
  findChildRecord,
  kindsWithoutRecords,
  listAuthorities,
  loadChildRecords,
  migrateToLatest,
  recordHistory,
  restoreRecord,
  saveRecords,
  stored,
  type AuthorityScope,
  type Connection,
  type RecordsByPosition,
} from '../src/store/index.js';
import { child, d, event, placement } from './builders.js';
import { engines } from './engines.js';

const author = { by: 'test', at: '2024-03-01T10:00:00.000Z' };

describe.each(engines)('the store on $name', (engine) => {
  let connection: Connection;
  let dispose: () => Promise<void>;
  let north: AuthorityScope;
  let south: AuthorityScope;

  beforeEach(async () => {
    ({ connection, dispose } = await engine.open());
    const a = await addAuthority(connection, { code: 'NORTH', name: 'North Council', programmeStart: d('2018-07-02') }, 'test');
    const b = await addAuthority(connection, { code: 'SOUTH', name: 'South Council', programmeStart: null }, 'test');
    if (!a.ok || !b.ok) throw new Error('fixture authorities');
    north = a.value.scope;
    south = b.value.scope;
  });

  afterEach(async () => {
    await dispose();
  });

  const amy = child({ childId: 'C1', firstName: 'Amy', lastName: 'Testcase', dateOfBirth: d('2016-02-29'), sex: 'F', siblingGroup: 'S1', worker: 'Worker 1', team: 'North Team' });
  const amyFoster = placement('2020-01-10', null, 'foster', { id: 'P1', legalBasis: 'CSO', carerRef: 'F-17' });
  const amyRecommendation = event('permanence_recommendation', '2020-06-01', 'adoption', { id: 'E1' });

  it('runs each migration once', async () => {
    expect(await migrateToLatest(connection)).toEqual([]);
  });

  it('keeps authorities with their programme start, and refuses a second with the same code', async () => {
    expect((await listAuthorities(connection)).map((a) => [a.authority.code, a.authority.name, a.authority.programmeStart?.toString() ?? null])).toEqual([
      ['NORTH', 'North Council', '2018-07-02'],
      ['SOUTH', 'South Council', null],
    ]);
    expect(await addAuthority(connection, { code: 'NORTH', name: 'Again', programmeStart: null }, 'test')).toEqual({ ok: false, error: { code: 'authority-exists', authority: 'NORTH' } });
    expect((await findAuthority(connection, 'NOWHERE'))).toBeNull();
  });

  it('gives back exactly the records it was given', async () => {
    const summary = await saveRecords(connection, north, { children: [amy], placements: [amyFoster], events: [amyRecommendation] }, author);
    expect(summary).toEqual({ children: { added: 1, changed: 0, unchanged: 0 }, placements: { added: 1, changed: 0, unchanged: 0 }, events: { added: 1, changed: 0, unchanged: 0 } });
    const [record] = await loadChildRecords(connection, north);
    expect(record?.child).toEqual(amy);
    expect(record?.placements).toEqual([amyFoster]);
    expect(record?.events).toEqual([amyRecommendation]);
    expect(record?.child.dateOfBirth.toString()).toBe('2016-02-29');
  });

  it('changes nothing when the same records are saved again', async () => {
    await saveRecords(connection, north, { children: [amy], placements: [amyFoster] }, author);
    const again = await saveRecords(connection, north, { children: [amy], placements: [amyFoster] }, { by: 'someone else' });
    expect(again.children).toEqual({ added: 0, changed: 0, unchanged: 1 });
    expect(again.placements).toEqual({ added: 0, changed: 0, unchanged: 1 });
    expect(await recordHistory(connection, north, 'child', 'C1')).toEqual([]);
  });

  it('keeps the previous version, with who recorded it and when, when a record is edited', async () => {
    await saveRecords(connection, north, { placements: [amyFoster], children: [amy] }, author);
    const ended: typeof amyFoster = { ...amyFoster, end: d('2020-09-30') };
    const summary = await saveRecords(connection, north, { placements: [ended] }, { by: 'editor', at: '2024-04-02T09:30:00.000Z' });
    expect(summary.placements).toEqual({ added: 0, changed: 1, unchanged: 0 });
    expect((await findChildRecord(connection, north, 'C1'))?.placements[0]?.end?.toString()).toBe('2020-09-30');
    expect(await recordHistory(connection, north, 'placement', 'P1')).toEqual([
      {
        version: 1,
        change: 'edit',
        changedAt: '2024-04-02T09:30:00.000Z',
        changedBy: 'editor',
        previous: {
          version: 1,
          recorded_at: '2024-03-01T10:00:00.000Z',
          recorded_by: 'test',
          placement_id: 'P1',
          child_id: 'C1',
          start_date: '2020-01-10',
          end_date: null,
          placement_type: 'foster',
          legal_basis: 'CSO',
          carer_ref: 'F-17',
          recorded_date: null,
          deleted_at: null,
        },
      },
    ]);
  });

  it('records the time of recording separately from the date of the event', async () => {
    await saveRecords(connection, north, { children: [amy], events: [amyRecommendation] }, { by: 'late recorder', at: '2021-02-03T16:45:00.000Z' });
    await saveRecords(connection, north, { events: [{ ...amyRecommendation, note: 'minuted late' }] }, { by: 'editor' });
    const [entry] = await recordHistory(connection, north, 'event', 'E1');
    expect(entry?.previous).toMatchObject({ event_date: '2020-06-01', recorded_at: '2021-02-03T16:45:00.000Z', recorded_by: 'late recorder' });
  });

  it('makes a delete a recorded act that can be undone', async () => {
    await saveRecords(connection, north, { children: [amy], events: [amyRecommendation] }, author);
    expect(await deleteRecord(connection, north, 'event', 'E1', { by: 'editor' })).toEqual({ ok: true, version: 2 });
    expect((await findChildRecord(connection, north, 'C1'))?.events).toEqual([]);
    expect(await deleteRecord(connection, north, 'event', 'E1', { by: 'editor' })).toEqual({ ok: false, error: { code: 'already-deleted', entity: 'event', id: 'E1' } });
    expect(await restoreRecord(connection, north, 'event', 'E1', { by: 'editor' })).toEqual({ ok: true, version: 3 });
    expect((await findChildRecord(connection, north, 'C1'))?.events).toEqual([amyRecommendation]);
    expect((await recordHistory(connection, north, 'event', 'E1')).map((h) => [h.version, h.change])).toEqual([
      [1, 'delete'],
      [2, 'restore'],
    ]);
  });

  it('hides a deleted child with all their placements and events', async () => {
    await saveRecords(connection, north, { children: [amy], placements: [amyFoster] }, author);
    await deleteRecord(connection, north, 'child', 'C1', { by: 'editor' });
    expect(await loadChildRecords(connection, north)).toEqual([]);
    expect(await findChildRecord(connection, north, 'C1')).toBeNull();
  });

  it('brings a deleted record back when it is saved again, keeping the deleted version', async () => {
    await saveRecords(connection, north, { children: [amy] }, author);
    await deleteRecord(connection, north, 'child', 'C1', { by: 'editor' });
    expect((await saveRecords(connection, north, { children: [amy] }, author)).children).toEqual({ added: 0, changed: 1, unchanged: 0 });
    expect((await recordHistory(connection, north, 'child', 'C1')).map((h) => [h.version, h.change])).toEqual([
      [1, 'delete'],
      [2, 'edit'],
    ]);
  });

  it('never shows one authority the children of another', async () => {
    await saveRecords(connection, north, { children: [amy], placements: [amyFoster] }, author);
    expect(await loadChildRecords(connection, south)).toEqual([]);
    expect(await findChildRecord(connection, south, 'C1')).toBeNull();
    expect(await deleteRecord(connection, south, 'child', 'C1', { by: 'intruder' })).toEqual({ ok: false, error: { code: 'not-found', entity: 'child', id: 'C1' } });
    expect(await recordHistory(connection, south, 'child', 'C1')).toEqual([]);
  });

  it('lets two authorities use the same reference for different children', async () => {
    await saveRecords(connection, north, { children: [amy] }, author);
    await saveRecords(connection, south, { children: [{ ...amy, firstName: 'Bea' }] }, author);
    expect((await findChildRecord(connection, north, 'C1'))?.child.firstName).toBe('Amy');
    expect((await findChildRecord(connection, south, 'C1'))?.child.firstName).toBe('Bea');
  });

  it('writes nothing when any part of a save fails', async () => {
    const broken = { ...amyRecommendation, eventId: 'E2', type: null } as unknown as CaseEvent;
    await expect(saveRecords(connection, north, { children: [amy], placements: [amyFoster], events: [broken] }, author)).rejects.toThrow();
    expect(await loadChildRecords(connection, north)).toEqual([]);
  });

  it('refuses records of an authority that does not exist, and the deletion of an authority that holds records', async () => {
    const nowhere: AuthorityScope = { id: 999, code: 'NOWHERE' };
    const refused = engine.name === 'postgres' ? /insert into table "children" refused: authority 999 does not exist/ : /FOREIGN KEY constraint failed/;
    await expect(saveRecords(connection, nowhere, { children: [amy] }, author)).rejects.toThrow(refused);
    const eventsRefused = engine.name === 'postgres' ? /insert into table "events" refused: authority 999 does not exist/ : /FOREIGN KEY constraint failed/;
    const many = Array.from({ length: 2000 }, (_, i) => event('permanence_recommendation', '2020-06-01', 'adoption', { id: `E${i}` }));
    await expect(saveRecords(connection, nowhere, { events: many }, author)).rejects.toThrow(eventsRefused);
    // A raw statement that mixes a known authority with an unknown one is refused whole.
    const insert = sql`INSERT INTO placements (authority_id, placement_id, child_id, start_date, placement_type, version, recorded_at, recorded_by)
      VALUES (${north.id}, 'P8', 'C1', '2020-01-10', 'foster', 1, '2024-03-01T10:00:00.000Z', 'test'), (999, 'P9', 'C1', '2020-01-10', 'foster', 1, '2024-03-01T10:00:00.000Z', 'test')`;
    await expect(insert.execute(connection.db)).rejects.toThrow(engine.name === 'postgres' ? /"placements" refused: authority 999/ : /FOREIGN KEY constraint failed/);
    expect(await loadChildRecords(connection, north)).toEqual([]);

    // Authorities as the database holds them, without the aims and settings pace gives a new one.
    const bare = async (code: string): Promise<AuthorityScope> => {
      await sql`INSERT INTO authorities (code, name, recorded_at, recorded_by) VALUES (${code}, ${code}, '2024-03-01T10:00:00.000Z', 'test')`.execute(connection.db);
      const found = await sql<{ id: number }>`SELECT id FROM authorities WHERE code = ${code}`.execute(connection.db);
      return { id: Number(found.rows[0]?.id), code };
    };
    const holding = await bare('HOLDING');
    const empty = await bare('EMPTY');
    await saveRecords(connection, holding, { children: [amy], placements: [amyFoster], events: [amyRecommendation] }, author);
    const undeletable = engine.name === 'postgres' ? new RegExp(`authority ${holding.id} still holds records`) : /FOREIGN KEY constraint failed/;
    await expect(sql`DELETE FROM authorities WHERE id = ${holding.id}`.execute(connection.db)).rejects.toThrow(undeletable);
    await expect(sql`UPDATE authorities SET id = 998 WHERE id = ${holding.id}`.execute(connection.db)).rejects.toThrow(undeletable);
    await expect(sql`UPDATE events SET authority_id = 999 WHERE authority_id = ${holding.id}`.execute(connection.db)).rejects.toThrow(
      engine.name === 'postgres' ? /update of table "events" refused: authority 999 does not exist/ : /FOREIGN KEY constraint failed/,
    );
    expect((await loadChildRecords(connection, holding)).map((r) => [r.child.childId, r.placements.length, r.events.length])).toEqual([['C1', 1, 1]]);
    // A record may move to an authority that exists, and an authority that holds none can go (no part of pace does either).
    await sql`UPDATE events SET authority_id = ${empty.id} WHERE authority_id = ${holding.id}`.execute(connection.db);
    await sql`UPDATE events SET authority_id = ${holding.id} WHERE authority_id = ${empty.id}`.execute(connection.db);
    await sql`DELETE FROM authorities WHERE id = ${empty.id}`.execute(connection.db);
    expect((await listAuthorities(connection)).map((a) => a.authority.code)).toEqual(['HOLDING', 'NORTH', 'SOUTH']);
  });

  // PostgreSQL's own (its triggers, migration 0021): SQLite takes one writer at a time, so no insert is open beside a deletion.
  if (engine.name === 'postgres') {
    it('keeps an authority from being deleted while an insert of its records is not yet committed (the check’s lock), and refuses the deletion once it is', async () => {
      await sql`INSERT INTO authorities (code, name, recorded_at, recorded_by) VALUES ('PENDING', 'Pending', '2024-03-01T10:00:00.000Z', 'test')`.execute(connection.db);
      const pending = Number((await sql<{ id: number }>`SELECT id FROM authorities WHERE code = 'PENDING'`.execute(connection.db)).rows[0]?.id);
      const inserting = await connection.db.startTransaction().execute();
      await sql`INSERT INTO children (authority_id, child_id, date_of_birth, version, recorded_at, recorded_by) VALUES (${pending}, 'C1', '2016-02-29', 1, '2024-03-01T10:00:00.000Z', 'test')`.execute(inserting);
      // On another connection, while the insert is open: the deletion waits on the authority's row, and gives up.
      await connection.db.connection().execute(async (other) => {
        await sql`SET lock_timeout = '300ms'`.execute(other);
        await expect(sql`DELETE FROM authorities WHERE id = ${pending}`.execute(other)).rejects.toThrow(/lock timeout/);
      });
      await inserting.commit().execute();
      await expect(sql`DELETE FROM authorities WHERE id = ${pending}`.execute(connection.db)).rejects.toThrow(new RegExp(`authority ${pending} still holds records`));
      expect(Number((await sql<{ n: number }>`SELECT count(*) AS n FROM children WHERE authority_id = ${pending}`.execute(connection.db)).rows[0]?.n)).toBe(1);
    });
  }

  it('saves thousands of records in one go', async () => {
    const children = Array.from({ length: 3000 }, (_, i) => child({ childId: `C${i}` }));
    const placements = children.map((c, i) => placement('2020-01-01', null, 'foster', { id: `P${i}`, childId: c.childId }));
    const summary = await saveRecords(connection, north, { children, placements }, author);
    expect(summary.children.added).toBe(3000);
    const records = await loadChildRecords(connection, north);
    expect(records.length).toBe(3000);
    expect(records.every((r) => r.placements.length === 1)).toBe(true);
  });

  it('tells added, changed and unchanged apart in a large save, and keeps the changed one’s history', async () => {
    const children = Array.from({ length: 6000 }, (_, i) => child({ childId: `C${i}` }));
    await saveRecords(connection, north, { children }, author);
    const edited = children.map((c, i) => (i === 4321 ? { ...c, team: 'South Team' } : c));
    const summary = await saveRecords(connection, north, { children: [...edited, child({ childId: 'NEW' })] }, author);
    expect(summary.children).toEqual({ added: 1, changed: 1, unchanged: 6000 - 1 });
    expect((await recordHistory(connection, north, 'child', 'C4321')).map((h) => h.previous.team)).toEqual([null]);
  });

  it('knows which kinds of record an authority holds none of, and saves those without looking them up', async () => {
    await saveRecords(connection, north, { children: [amy] }, author);
    const without = await kindsWithoutRecords(connection, north);
    expect([...without].sort()).toEqual(['event', 'placement']);
    expect([...(await kindsWithoutRecords(connection, south))].sort()).toEqual(['child', 'event', 'placement']);
    const summary = await saveRecords(connection, north, { placements: [amyFoster], events: [amyRecommendation] }, author, { allNew: without });
    expect(summary.placements).toEqual({ added: 1, changed: 0, unchanged: 0 });
    expect((await loadChildRecords(connection, north))[0]?.events.map((e) => e.eventId)).toEqual(['E1']);
  });

  it('undoes a save that was told its records were new when one was not', async () => {
    await saveRecords(connection, north, { children: [amy] }, author);
    const bella = child({ childId: 'C2', firstName: 'Bella' });
    await expect(saveRecords(connection, north, { children: [bella, { ...amy, team: 'Changed' }] }, author, { allNew: new Set(['child']) })).rejects.toThrow();
    expect((await loadChildRecords(connection, north)).map((r) => [r.child.childId, r.child.team])).toEqual([['C1', 'North Team']]);
  });

  it('gives back awkward text exactly: tabs, line breaks, backslashes, quotes, text that looks like NULL, empty text and any script', async () => {
    // On PostgreSQL these are written and read back by COPY, whose text format escapes some of them.
    const awkward = child({
      childId: 'C\\1\t',
      firstName: 'Tab\there',
      lastName: 'Line\nbreak\r\nand CRLF',
      sex: 'F',
      siblingGroup: '\\N',
      worker: 'back\\slash \\t \\. and a last \\',
      team: '"double" and \'single\' quotes, commas;',
      locality: '',
      dateOfBirth: d('2016-02-29'),
    });
    const unicode = child({ childId: 'C2', firstName: 'Zoë Ünïcødé', lastName: '中文 עברית 😀', dateOfBirth: d('1999-12-31') });
    const end = { ...placement('2000-01-01', null, 'foster', { id: 'P\n1', childId: awkward.childId, carerRef: '\\N', recordedDate: '2000-01-03' }) };
    const note: CaseEvent = { ...event('permanence_recommendation', '2000-02-29', 'adoption', { id: 'E1', childId: awkward.childId }), note: 'a\tb\nc\rd\\e "f" \u0007 end' };
    const records = { children: [awkward, unicode], placements: [end], events: [note] };
    expect(await saveRecords(connection, north, records, author)).toEqual({ children: { added: 2, changed: 0, unchanged: 0 }, placements: { added: 1, changed: 0, unchanged: 0 }, events: { added: 1, changed: 0, unchanged: 0 } });

    const byChild = new Map((await loadChildRecords(connection, north)).map((r) => [r.child.childId, r]));
    expect(byChild.get(awkward.childId)).toEqual({ child: awkward, placements: [end], events: [note] });
    expect(byChild.get('C2')?.child).toEqual(unicode);
    expect(byChild.get('C2')?.child.lastName).toBe('中文 עברית 😀');

    // Read back in one pass (by COPY on PostgreSQL), each is found stored as it was given.
    const byPosition = <R>(list: readonly R[], idOf: (r: R) => string): RecordsByPosition<R> => ({ count: list.length, positionOf: (id) => list.findIndex((r) => idOf(r) === id), has: () => true, at: (i) => list[i] ?? null });
    expect([...(await compareWithStored(connection, north, 'child', byPosition([awkward, unicode, child({ childId: 'C3' })], (c) => c.childId)))]).toEqual([stored.same, stored.same, stored.none]);
    expect([...(await compareWithStored(connection, north, 'placement', byPosition([{ ...end, carerRef: '\\n' }], (p) => p.placementId)))]).toEqual([stored.different]);
    expect([...(await compareWithStored(connection, north, 'event', byPosition([note], (e) => e.eventId)))]).toEqual([stored.same]);
    expect((await saveRecords(connection, north, records, author)).events).toEqual({ added: 0, changed: 0, unchanged: 1 });
  });

  it('keeps the stored values of the columns a save says its records do not carry, and compares without them', async () => {
    const planned: CaseEvent = { ...amyRecommendation, plannedDate: d('2020-05-25'), recordedDate: d('2020-06-03') };
    await saveRecords(connection, north, { children: [amy], events: [planned, { ...amyRecommendation, eventId: 'E2', date: d('2020-07-01'), plannedDate: d('2020-06-24') }] }, author);
    const keepStored = { event: ['planned_date', 'recorded_date'] };
    // As an export without those columns reads the events: neither planned nor recorded date.
    const read = [amyRecommendation, { ...amyRecommendation, eventId: 'E2', date: d('2020-07-02') }, { ...amyRecommendation, eventId: 'E3' }];
    const byPosition: RecordsByPosition<CaseEvent> = { count: read.length, positionOf: (id) => read.findIndex((e) => e.eventId === id), has: () => true, at: (i) => read[i] ?? null };
    expect([...(await compareWithStored(connection, north, 'event', byPosition, keepStored.event))]).toEqual([stored.same, stored.different, stored.none]);
    expect([...(await compareWithStored(connection, north, 'event', byPosition))]).toEqual([stored.different, stored.different, stored.none]);

    const later = { by: 'test', at: '2024-03-02T10:00:00.000Z' };
    expect((await saveRecords(connection, north, { events: read }, later, { keepStored })).events).toEqual({ added: 1, changed: 1, unchanged: 1 });
    const events = (await findChildRecord(connection, north, 'C1'))?.events.map((e) => [e.eventId, e.date.toString(), e.plannedDate?.toString() ?? null, e.recordedDate?.toString() ?? null]);
    expect(events).toEqual([
      ['E1', '2020-06-01', '2020-05-25', '2020-06-03'],
      ['E2', '2020-07-02', '2020-06-24', null],
      ['E3', '2020-06-01', null, null],
    ]);
    await expect(saveRecords(connection, north, { events: read }, later, { keepStored: { event: ['event_id'] } })).rejects.toThrow('a event cannot keep its stored event_id');
  });

  it('refuses, as a programming error, a save that holds the same id twice', async () => {
    await expect(saveRecords(connection, north, { children: [amy, amy] }, author)).rejects.toThrow('one save may not hold the same child id twice');
  });
});
