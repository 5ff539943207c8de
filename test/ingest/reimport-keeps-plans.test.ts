// A re-import from a file without a planned_date column (most case-management exports have none)
// keeps the planned date pace holds for each event, whether an earlier file, the event form or
// the API recorded it; a file with the column sets it as it says (docs/decisions/0030-planned-events.md,
// "Re-importing a file without planned dates"). Every path an import is saved by is held to it: the
// usual save, and a later import written while it is read (compared on SQLite's writer thread as it
// is read; on PostgreSQL, whose writer writes first imports only, in one pass after).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importFiles, type ImportOptions } from '../../src/ingest/import-files.js';
import { loadProfile } from '../../src/ingest/profile.js';
import { findChildRecord, recordHistory, saveRecords, type AuthorityScope } from '../../src/store/index.js';
import { d } from '../builders.js';
import { pace } from '../cli-harness.js';
import { engines } from '../engines.js';
import { addTestAuthority, cleanExport, eventsHeader, exportWith, snapshotRecords } from './fixtures.js';

const profile = loadProfile('canonical');
if (!profile.ok) throw new Error('the canonical profile does not load');

/** The clean export's three events, with the days E1 and E2 were planned for. */
const withPlannedDates = [
  `${eventsHeader},planned_date`,
  'C1,E1,permanence_recommendation,2020-06-01,kinship_order,,2020-05-25',
  'C1,E2,adm_decision,2020-08-20,kinship_order,"agreed, with conditions",2020-08-13',
  'C2,E3,childrens_hearing,2019-03-01,,,',
];

/** The same three events, as most exports give them: no planned_date column. */
const withoutPlannedDates = cleanExport['events.csv'];

describe.each(engines)('a re-import without planned dates, on $name', (engine) => {
  let opened: Awaited<ReturnType<typeof engine.open>>;
  let env: NodeJS.ProcessEnv;
  let north: AuthorityScope;
  const options = (events: readonly string[], more: Partial<ImportOptions> = {}): ImportOptions => ({ path: exportWith({ 'events.csv': events }), scope: north, profile: profile.value, dryRun: false, by: 'data.lead', today: d('2026-11-01'), at: '2026-03-01T09:00:00.000Z', clientIp: 'cli', ...more });
  let writersOpened = 0;
  const importEvents = async (events: readonly string[], more: Partial<ImportOptions> = {}) => {
    const { openWriter } = opened.connection;
    const connection = openWriter === undefined ? opened.connection : { ...opened.connection, openWriter: () => (writersOpened++, openWriter()) };
    const report = await importFiles(connection, options(events, more));
    expect(report.outcome).toBe(more.dryRun === true ? 'dry-run' : 'imported');
    return report.saved?.events;
  };
  /** Each event's planned date, by id. */
  const plannedDates = async () => {
    const records = [await findChildRecord(opened.connection, north, 'C1'), await findChildRecord(opened.connection, north, 'C2')];
    return Object.fromEntries(records.flatMap((r) => r?.events ?? []).map((e) => [e.eventId, e.plannedDate?.toString() ?? null]));
  };

  beforeEach(async () => {
    opened = await engine.open();
    env = { DATABASE_URL: opened.url, USER: 'data.lead' };
    north = await addTestAuthority(opened.connection);
  });

  afterEach(async () => {
    await opened.dispose();
  });

  it('keeps the planned dates an earlier file gave, and finds the events unchanged', async () => {
    expect(await importEvents(withPlannedDates)).toEqual({ added: 3, changed: 0, unchanged: 0 });
    const before = await snapshotRecords(opened.connection);
    const run = await pace(['import', exportWith({ 'events.csv': withoutPlannedDates }), '--authority', 'NORTH'], env);
    expect(run.out.split('\n').at(-2)).toBe('Imported (import 2): children 0 added, 0 changed, 2 unchanged; placements 0 added, 0 changed, 3 unchanged; events 0 added, 0 changed, 3 unchanged.');
    expect(await plannedDates()).toEqual({ E1: '2020-05-25', E2: '2020-08-13', E3: null });
    // Nothing written: no new version, no history.
    expect(await snapshotRecords(opened.connection)).toBe(before);
    expect(await recordHistory(opened.connection, north, 'event', 'E1')).toEqual([]);
  });

  it('keeps a planned date recorded in pace, as the event form saves it, through the weekly re-import', async () => {
    expect(await importEvents(withoutPlannedDates)).toEqual({ added: 3, changed: 0, unchanged: 0 });
    const amy = await findChildRecord(opened.connection, north, 'C1');
    const recommendation = amy?.events.find((e) => e.eventId === 'E1');
    if (recommendation === undefined) throw new Error('E1 was imported');
    const saved = await saveRecords(opened.connection, north, { events: [{ ...recommendation, plannedDate: d('2020-05-25') }] }, { by: 'data.lead', at: '2026-03-02T09:00:00.000Z' }, { audit: { clientIp: '127.0.0.1' } });
    expect(saved.events).toEqual({ added: 0, changed: 1, unchanged: 0 });

    expect(await importEvents(withoutPlannedDates, { dryRun: true })).toEqual({ added: 0, changed: 0, unchanged: 3 });
    expect(await importEvents(withoutPlannedDates)).toEqual({ added: 0, changed: 0, unchanged: 3 });
    expect(await importEvents(withoutPlannedDates)).toEqual({ added: 0, changed: 0, unchanged: 3 });
    expect(await plannedDates()).toEqual({ E1: '2020-05-25', E2: null, E3: null });
  });

  it('keeps the planned date of an event the file changes, and adds a new event without one', async () => {
    await importEvents(withPlannedDates);
    const changed = [...withoutPlannedDates.map((line) => (line.startsWith('C1,E2') ? 'C1,E2,adm_decision,2020-08-21,kinship_order,agreed' : line)), 'C2,E4,lac_review,2019-09-01,,'];
    expect(await importEvents(changed)).toEqual({ added: 1, changed: 1, unchanged: 2 });
    expect(await plannedDates()).toEqual({ E1: '2020-05-25', E2: '2020-08-13', E3: null, E4: null });
    const amy = await findChildRecord(opened.connection, north, 'C1');
    expect(amy?.events.find((e) => e.eventId === 'E2')).toMatchObject({ date: d('2020-08-21'), note: 'agreed', plannedDate: d('2020-08-13') });
    const history = await recordHistory(opened.connection, north, 'event', 'E2');
    expect(history.map((h) => [h.version, h.change, h.previous.event_date, h.previous.note, h.previous.planned_date])).toEqual([[1, 'edit', '2020-08-20', 'agreed, with conditions', '2020-08-13']]);
  });

  it('sets planned dates as a file with the column says: a new day replaces one, an empty cell clears it', async () => {
    await importEvents(withPlannedDates);
    const corrected = withPlannedDates.map((line) => (line.startsWith('C1,E1') ? 'C1,E1,permanence_recommendation,2020-06-01,kinship_order,,' : line.startsWith('C1,E2') ? 'C1,E2,adm_decision,2020-08-20,kinship_order,"agreed, with conditions",2020-08-06' : line));
    expect(await importEvents(corrected)).toEqual({ added: 0, changed: 2, unchanged: 1 });
    expect(await plannedDates()).toEqual({ E1: null, E2: '2020-08-06', E3: null });
    // The cleared day is kept only in the history.
    const history = await recordHistory(opened.connection, north, 'event', 'E1');
    expect(history.map((h) => [h.version, h.change, h.previous.planned_date])).toEqual([[1, 'edit', '2020-05-25']]);
  });

  it('keeps the day a plan was planned for when a file without the column brings it as held', async () => {
    const planned = [`${eventsHeader},status,planned_date`, 'C1,E1,permanence_recommendation,2020-06-01,kinship_order,,,', 'C1,E4,lac_review,,,chair booked,planned,2025-03-05'];
    expect(await importEvents(planned)).toEqual({ added: 2, changed: 0, unchanged: 0 });
    const held = [eventsHeader, 'C1,E1,permanence_recommendation,2020-06-01,kinship_order,', 'C1,E4,lac_review,2025-03-12,,chair booked'];
    expect(await importEvents(held)).toEqual({ added: 0, changed: 1, unchanged: 1 });
    const amy = await findChildRecord(opened.connection, north, 'C1');
    expect(amy?.plans).toBeUndefined();
    expect(amy?.events.find((e) => e.eventId === 'E4')).toMatchObject({ date: d('2025-03-12'), plannedDate: d('2025-03-05') });
  });

  it('does the same when a later import is written while it is read', async () => {
    writersOpened = 0;
    expect(await importEvents(withPlannedDates, { writeWhileReadingFrom: 0 })).toEqual({ added: 3, changed: 0, unchanged: 0 });
    // A first import is written by the engine's writer (a thread on SQLite, COPY on PostgreSQL).
    expect(writersOpened).toBe(1);
    const before = await snapshotRecords(opened.connection);
    expect(await importEvents(withoutPlannedDates, { writeWhileReadingFrom: 0 })).toEqual({ added: 0, changed: 0, unchanged: 3 });
    expect(await snapshotRecords(opened.connection)).toBe(before);
    // A later one is compared on SQLite's writer thread; PostgreSQL's writer cannot compare, and is not opened.
    expect(writersOpened).toBe(opened.connection.capabilities.writerCompares ? 2 : 1);

    const changed = [...withoutPlannedDates.map((line) => (line.startsWith('C1,E2') ? 'C1,E2,adm_decision,2020-08-21,kinship_order,agreed' : line)), 'C2,E4,lac_review,2019-09-01,,'];
    expect(await importEvents(changed, { writeWhileReadingFrom: 0 })).toEqual({ added: 1, changed: 1, unchanged: 2 });
    expect(await plannedDates()).toEqual({ E1: '2020-05-25', E2: '2020-08-13', E3: null, E4: null });

    const cleared = withPlannedDates.map((line) => (line.startsWith('C1,E1') ? 'C1,E1,permanence_recommendation,2020-06-01,kinship_order,,' : line));
    expect(await importEvents([...cleared, 'C2,E4,lac_review,2019-09-01,,,'], { writeWhileReadingFrom: 0 })).toEqual({ added: 0, changed: 2, unchanged: 2 });
    expect(await plannedDates()).toEqual({ E1: null, E2: '2020-08-13', E3: null, E4: null });
  });

  it("keeps a child's names, sex, brothers and sisters, worker, team and locality, and a placement's legal basis and carer, when a file leaves their columns out", async () => {
    const first = await importFiles(opened.connection, { ...options(withoutPlannedDates), path: exportWith({ 'children.csv': [`${cleanExport['children.csv'][0]},locality`, 'C1,Amy,Testcase,2016-02-29,F,S1,Worker 1,North Team,Eastburn', 'C2,Ben,Sample,12/05/2014,M,,Worker 2,South Team,'] }) });
    expect([first.saved?.children, first.saved?.placements]).toEqual([{ added: 2, changed: 0, unchanged: 0 }, { added: 3, changed: 0, unchanged: 0 }]);
    // Ben's locality typed in pace's form.
    const ben = await findChildRecord(opened.connection, north, 'C2');
    if (ben === undefined || ben === null) throw new Error('C2 was imported');
    await saveRecords(opened.connection, north, { children: [{ ...ben.child, locality: 'Westfield' }] }, { by: 'data.lead' });
    const before = await snapshotRecords(opened.connection);

    // An export with the ids and dates alone.
    const bare = exportWith({ 'children.csv': ['child_id,date_of_birth', 'C1,2016-02-29', 'C2,12/05/2014'], 'placements.csv': ['child_id,placement_id,start_date,end_date,placement_type', 'C1,P1,2020-01-10,2020-06-30,foster', 'C1,P2,01/07/2020,,kinship', 'C2,P3,2019-03-01,,home'] });
    for (const more of [{}, { writeWhileReadingFrom: 0 }]) {
      const again = await importFiles(opened.connection, { ...options(withoutPlannedDates, more), path: bare });
      expect([again.saved?.children, again.saved?.placements, again.saved?.events]).toEqual([
        { added: 0, changed: 0, unchanged: 2 },
        { added: 0, changed: 0, unchanged: 3 },
        { added: 0, changed: 0, unchanged: 3 },
      ]);
      expect(await snapshotRecords(opened.connection)).toBe(before);
    }
    const amy = await findChildRecord(opened.connection, north, 'C1');
    expect([amy?.child.firstName, amy?.child.sex, amy?.child.siblingGroup, amy?.child.worker, amy?.child.team, amy?.child.locality]).toEqual(['Amy', 'F', 'S1', 'Worker 1', 'North Team', 'Eastburn']);
    expect(amy?.placements.map((p) => [p.placementId, p.legalBasis, p.carerRef])).toEqual([
      ['P1', 'CSO', 'F-17'],
      ['P2', 'CSO', 'K-3'],
    ]);
    expect((await findChildRecord(opened.connection, north, 'C2'))?.child.locality).toBe('Westfield');

    // A file with the team column speaks for it: a new team replaces the one held, an empty cell clears it.
    const teams = await importFiles(opened.connection, { ...options(withoutPlannedDates), path: exportWith({ 'children.csv': ['child_id,date_of_birth,team', 'C1,2016-02-29,East Team', 'C2,12/05/2014,'] }) });
    expect(teams.saved?.children).toEqual({ added: 0, changed: 2, unchanged: 0 });
    const after = [await findChildRecord(opened.connection, north, 'C1'), await findChildRecord(opened.connection, north, 'C2')].map((r) => [r?.child.team ?? null, r?.child.worker ?? null, r?.child.locality ?? null]);
    expect(after).toEqual([
      ['East Team', 'Worker 1', 'Eastburn'],
      [null, 'Worker 2', 'Westfield'],
    ]);
  });

  describe('and recorded dates, which a file without the column leaves as they are too', () => {
    const placementsWithRecorded = [`${cleanExport['placements.csv'][0]},recorded_date`, 'C1,P1,2020-01-10,2020-06-30,foster,CSO,F-17,2020-01-14', 'C1,P2,01/07/2020,,kinship,CSO,K-3,', 'C2,P3,2019-03-01,,home,CSO,parents,2019-03-04'];
    const eventsWithRecorded = [`${eventsHeader},recorded_date`, 'C1,E1,permanence_recommendation,2020-06-01,kinship_order,,2020-06-03', 'C1,E2,adm_decision,2020-08-20,kinship_order,"agreed, with conditions",', 'C2,E3,childrens_hearing,2019-03-01,,,2019-03-01'];
    const recordedDates = async () => {
      const records = [await findChildRecord(opened.connection, north, 'C1'), await findChildRecord(opened.connection, north, 'C2')];
      const of = (r: { readonly recordedDate: { toString(): string } | null }) => r.recordedDate?.toString() ?? null;
      return Object.fromEntries(records.flatMap((r) => [...(r?.placements ?? []).map((p) => [p.placementId, of(p)]), ...(r?.events ?? []).map((e) => [e.eventId, of(e)])]));
    };

    it('keeps the recorded dates an earlier file or a form gave, and sets them as a file with the column says', async () => {
      const first = await importFiles(opened.connection, { ...options(eventsWithRecorded), path: exportWith({ 'placements.csv': placementsWithRecorded, 'events.csv': eventsWithRecorded }) });
      expect([first.saved?.placements, first.saved?.events]).toEqual([{ added: 3, changed: 0, unchanged: 0 }, { added: 3, changed: 0, unchanged: 0 }]);
      // P2's recorded date typed in pace's form.
      const amy = await findChildRecord(opened.connection, north, 'C1');
      const kinship = amy?.placements.find((p) => p.placementId === 'P2');
      if (kinship === undefined) throw new Error('P2 was imported');
      await saveRecords(opened.connection, north, { placements: [{ ...kinship, recordedDate: d('2020-07-06') }] }, { by: 'data.lead' });
      const before = await snapshotRecords(opened.connection);

      const again = await importFiles(opened.connection, options(withoutPlannedDates));
      expect([again.saved?.placements, again.saved?.events]).toEqual([{ added: 0, changed: 0, unchanged: 3 }, { added: 0, changed: 0, unchanged: 3 }]);
      expect(await snapshotRecords(opened.connection)).toBe(before);
      expect(await recordedDates()).toEqual({ P1: '2020-01-14', P2: '2020-07-06', P3: '2019-03-04', E1: '2020-06-03', E2: null, E3: '2019-03-01' });
      const whileRead = await importFiles(opened.connection, options(withoutPlannedDates, { writeWhileReadingFrom: 0 }));
      expect([whileRead.saved?.placements, whileRead.saved?.events]).toEqual([{ added: 0, changed: 0, unchanged: 3 }, { added: 0, changed: 0, unchanged: 3 }]);

      const cleared = [`${eventsHeader},recorded_date`, 'C1,E1,permanence_recommendation,2020-06-01,kinship_order,,', 'C1,E2,adm_decision,2020-08-20,kinship_order,"agreed, with conditions",', 'C2,E3,childrens_hearing,2019-03-01,,,2019-03-08'];
      const later = await importFiles(opened.connection, options(cleared));
      expect([later.saved?.placements, later.saved?.events]).toEqual([{ added: 0, changed: 0, unchanged: 3 }, { added: 0, changed: 2, unchanged: 1 }]);
      expect(await recordedDates()).toEqual({ P1: '2020-01-14', P2: '2020-07-06', P3: '2019-03-04', E1: null, E2: null, E3: '2019-03-08' });
    });
  });
});
