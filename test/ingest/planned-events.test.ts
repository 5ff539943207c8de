// Events planned and cancelled (issue 15, point 3; docs/decisions/0030-planned-events.md): the
// optional status and planned_date columns, their rules, and the round trip through the store on
// every engine and every writer (the usual save, and the writer that writes while it reads).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importFiles, type ImportOptions } from '../../src/ingest/import-files.js';
import { loadProfile } from '../../src/ingest/profile.js';
import { findChildRecord, recordHistory, type AuthorityScope } from '../../src/store/index.js';
import { d } from '../builders.js';
import { pace } from '../cli-harness.js';
import { engines } from '../engines.js';
import { addTestAuthority, cleanExport, exportWith, snapshotRecords } from './fixtures.js';

const profile = loadProfile('canonical');
if (!profile.ok) throw new Error('the canonical profile does not load');

const header = 'child_id,event_id,event_type,date,route,note,status,planned_date';
/** C1's held events with one planned for, a review planned (in the future), and one cancelled. */
const withPlans = [
  header,
  'C1,E1,permanence_recommendation,2020-06-01,kinship_order,,held,2020-05-25',
  'C1,E2,adm_decision,2020-08-20,kinship_order,"agreed, with conditions",,',
  'C1,E4,lac_review,,,chair booked,Planned,2099-03-05',
  'C1,E5,lac_review,,,social worker ill,CANCELLED,2020-09-10',
  'C2,E3,childrens_hearing,2019-03-01,,,,',
];

const summarise = (record: Awaited<ReturnType<typeof findChildRecord>>) => ({
  events: record?.events.map((e) => [e.eventId, e.type, e.date.toString(), e.plannedDate?.toString() ?? null]),
  plans: record?.plans?.map((p) => [p.eventId, p.type, p.status, p.plannedDate.toString(), p.reason]),
});

describe.each(engines)('planned and cancelled events on $name', (engine) => {
  let opened: Awaited<ReturnType<typeof engine.open>>;
  let env: NodeJS.ProcessEnv;
  let north: AuthorityScope;
  const options = (path: string, more: Partial<ImportOptions> = {}): ImportOptions => ({ path, scope: north, profile: profile.value, dryRun: false, by: 'data.lead', today: d('2026-11-01'), at: '2026-03-01T09:00:00.000Z', clientIp: 'cli', ...more });

  beforeEach(async () => {
    opened = await engine.open();
    env = { DATABASE_URL: opened.url, USER: 'data.lead' };
    north = await addTestAuthority(opened.connection);
  });

  afterEach(async () => {
    await opened.dispose();
  });

  it('imports planned and cancelled events beside the held ones, and reads them back as plans', async () => {
    const run = await pace(['import', exportWith({ 'events.csv': withPlans }), '--authority', 'NORTH'], env);
    expect(run.code).toBe(0);
    expect(run.out).toContain('events 5 added, 0 changed, 0 unchanged');
    expect(run.out).not.toContain('[cancelled-reason-missing]');
    expect(summarise(await findChildRecord(opened.connection, north, 'C1'))).toEqual({
      events: [
        ['E1', 'permanence_recommendation', '2020-06-01', '2020-05-25'],
        ['E2', 'adm_decision', '2020-08-20', null],
      ],
      plans: [
        ['E4', 'lac_review', 'planned', '2099-03-05', 'chair booked'],
        ['E5', 'lac_review', 'cancelled', '2020-09-10', 'social worker ill'],
      ],
    });
    // A child with no plans reads exactly as before: no plans at all.
    const ben = await findChildRecord(opened.connection, north, 'C2');
    expect(ben?.plans).toBeUndefined();
    expect(ben?.events).toEqual([{ childId: 'C2', eventId: 'E3', type: 'childrens_hearing', date: d('2019-03-01'), route: null, note: null, recordedDate: null }]);
  });

  it('changes nothing when the same plans are imported again, and counts a change of status or planned date as a change', async () => {
    await pace(['import', exportWith({ 'events.csv': withPlans }), '--authority', 'NORTH'], env);
    const before = await snapshotRecords(opened.connection);
    const again = await pace(['import', exportWith({ 'events.csv': withPlans }), '--authority', 'NORTH'], env);
    expect(again.out).toContain('events 0 added, 0 changed, 5 unchanged');
    expect(await snapshotRecords(opened.connection)).toBe(before);

    // E4 held on 12 March, a week after its planned day; E1's planned date corrected.
    const held = withPlans.map((line) => (line.startsWith('C1,E4') ? 'C1,E4,lac_review,2025-03-12,,chair booked,held,2025-03-05' : line.startsWith('C1,E1') ? 'C1,E1,permanence_recommendation,2020-06-01,kinship_order,,held,2020-05-18' : line));
    const changed = await pace(['import', exportWith({ 'events.csv': held }), '--authority', 'NORTH'], env);
    expect(changed.out).toContain('events 0 added, 2 changed, 3 unchanged');
    const amy = await findChildRecord(opened.connection, north, 'C1');
    expect(summarise(amy)).toEqual({
      events: [
        ['E1', 'permanence_recommendation', '2020-06-01', '2020-05-18'],
        ['E2', 'adm_decision', '2020-08-20', null],
        ['E4', 'lac_review', '2025-03-12', '2025-03-05'],
      ],
      plans: [['E5', 'lac_review', 'cancelled', '2020-09-10', 'social worker ill']],
    });
    const history = await recordHistory(opened.connection, north, 'event', 'E4');
    expect(history.map((h) => [h.version, h.change, h.previous.status, h.previous.planned_date])).toEqual([[1, 'edit', 'planned', '2099-03-05']]);
  });

  it('writes plans the same way when the import is written while it is read, first and later', async () => {
    const first = await importFiles(opened.connection, options(exportWith({ 'events.csv': withPlans }), { writeWhileReadingFrom: 0 }));
    expect([first.outcome, first.saved?.events]).toEqual(['imported', { added: 5, changed: 0, unchanged: 0 }]);
    const cancelled = withPlans.map((line) => (line.startsWith('C1,E4') ? 'C1,E4,lac_review,,,chair ill,cancelled,2099-03-05' : line));
    const later = await importFiles(opened.connection, options(exportWith({ 'events.csv': cancelled }), { writeWhileReadingFrom: 0 }));
    expect([later.outcome, later.saved?.events]).toEqual(['imported', { added: 0, changed: 1, unchanged: 4 }]);
    expect(summarise(await findChildRecord(opened.connection, north, 'C1')).plans).toEqual([
      ['E4', 'lac_review', 'cancelled', '2099-03-05', 'chair ill'],
      ['E5', 'lac_review', 'cancelled', '2020-09-10', 'social worker ill'],
    ]);
  });

  it('warns of a cancelled event without a reason, naming its row and column, and imports it', async () => {
    const run = await pace(['import', exportWith({ 'events.csv': [header, 'C1,E9,planning_meeting_72h,,,,cancelled,2020-01-12'] }), '--authority', 'NORTH'], env);
    expect(run.code).toBe(0);
    expect(run.out.split('\n')).toContain('  events.csv, row 2, note: the cancelled event gives no reason [cancelled-reason-missing]');
    expect(summarise(await findChildRecord(opened.connection, north, 'C1')).plans).toEqual([['E9', 'planning_meeting_72h', 'cancelled', '2020-01-12', null]]);
  });

  it.each([
    { name: 'a planned event with a date', line: 'C1,E9,lac_review,2020-03-01,,,planned,2020-03-01', message: '  events.csv, row 2, date: the planned event has a date (2020-03-01) [date-not-expected]' },
    { name: 'a cancelled event with a date', line: 'C1,E9,lac_review,2020-03-01,,why,cancelled,2020-03-01', message: '  events.csv, row 2, date: the cancelled event has a date (2020-03-01) [date-not-expected]' },
    { name: 'a planned event without a planned date', line: 'C1,E9,lac_review,,,,planned,', message: '  events.csv, row 2, planned_date: the planned event has no planned_date [planned-date-required]' },
    { name: 'a cancelled event without a planned date', line: 'C1,E9,lac_review,,,why,cancelled,', message: '  events.csv, row 2, planned_date: the cancelled event has no planned_date [planned-date-required]' },
    { name: 'a held event without a date', line: 'C1,E9,lac_review,,,,held,2020-03-01', message: '  events.csv, row 2, date: date is empty [value-required]' },
    { name: 'a held event in the future', line: 'C1,E9,lac_review,2099-03-01,,,,', message: /^ {2}events\.csv, row 2, date: date 2099-03-01 is after today \(\d{4}-\d{2}-\d{2}\) \[date-in-future\]$/m },
    { name: 'a status not known', line: 'C1,E9,lac_review,,,,postponed,2020-03-01', message: '  events.csv, row 2, status: unknown status: postponed [event-status-unknown]' },
    { name: 'a planned date that is not a date', line: 'C1,E9,lac_review,,,,planned,next week', message: '  events.csv, row 2, planned_date: invalid planned_date: next week [date-invalid]' },
  ])('refuses $name, naming its row and column', async ({ line, message }) => {
    await pace(['import', exportWith({}), '--authority', 'NORTH'], env);
    const before = await snapshotRecords(opened.connection);
    const run = await pace(['import', exportWith({ 'events.csv': [header, line] }), '--authority', 'NORTH'], env);
    expect(run.code).toBe(1);
    if (typeof message === 'string') expect(run.out.split('\n')).toContain(message);
    else expect(run.out).toMatch(message);
    // One problem for the one thing wrong: no second complaint about the same row.
    expect(run.out.match(/events\.csv, row 2/g)?.length).toBe(1);
    expect(await snapshotRecords(opened.connection)).toBe(before);
  });

  it('refuses a plan for a child who is not known', async () => {
    const run = await pace(['import', exportWith({ 'events.csv': [header, 'C7,E9,lac_review,,,,planned,2099-01-01'] }), '--authority', 'NORTH'], env);
    expect(run.code).toBe(1);
    expect(run.out.split('\n')).toContain('  events.csv, row 2, child_id: event for child C7, who is not in the children file [event-child-unknown]');
  });

  it('imports the clean export, which has neither new column, exactly as before', async () => {
    const run = await pace(['import', exportWith({}), '--authority', 'NORTH'], env);
    expect(run.out).toContain('events 3 added, 0 changed, 0 unchanged');
    expect(run.out).not.toContain('[column-unknown]');
    expect((await findChildRecord(opened.connection, north, 'C1'))?.plans).toBeUndefined();
    expect(cleanExport['events.csv'][0]).not.toContain('status');
  });
});
