import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { librarySeed } from '../src/domain/improvement/library-seed.js';
import { addCycle, newTest, recordCyclePart } from '../src/domain/improvement/test-of-change.js';
import {
  addDriverNode,
  addTest,
  changeDriverNode,
  ensureLibrarySeed,
  findTest,
  listDriverNodes,
  listLibraryIdeas,
  listMeetings,
  listTests,
  publishToLibrary,
  recordHistory,
  removeDriverNode,
  saveMeeting,
  saveTest,
  type AuthorityScope,
  type Connection,
} from '../src/store/index.js';
import { improvementDb } from '../src/store/improvement-schema.js';
import { d } from './builders.js';
import { engines, openTwoAuthorities } from './engines.js';

const details = {
  title: 'Legal advice referral form',
  change: 'A referral form for legal advice',
  changeIdea: null,
  libraryIdea: null,
  agencies: ['legal', 'social-work'] as const,
  owner: 'Team leader',
  aimIds: ['aim-2'],
  driverIds: [],
  start: d('2021-01-04'),
  scale: 'one-team' as const,
};

/**
 * Every change documented in the programme's booklet (shared/seeds/002), by the title the booklet
 * gives it. "Permanence planning meeting for children in kinship care" is the booklet's second
 * title for "Permanence Planning Meeting for kinship care".
 */
const bookletTitles = [
  "Children's Hearing Panel Members have a checklist",
  'Permanence policy implementation',
  'Five days of permanence training',
  'Concurrency planning',
  "Involvement of health in Children's Hearings",
  'Standard agenda for 72-hour post admission meeting',
  'Alert to SCRA pre-birth',
  'Permanence Planning Meeting for kinship care',
  'Supervised contact template',
  'Wellbeing baby tool',
  'Information for children',
  'Looked after review 2 weeks from becoming accommodated',
  'All children have permanence plans',
  'Concurrent assessment of kinship carers by independent worker',
  'Permanence planning meeting for children in kinship care',
  'Legal advice in advance of permanence looked after review',
  "Using a Referral Form to request legal advice on child's permanence plan",
  'Using visual timeline',
  'Health assessment checklist taken to permanence planning meeting',
  'Reduction in process',
  'Establishing Kinship Care Panel',
  'Cease use of Form E part 2',
  'Mentoring for staff',
  'Recorded delivery for advice hearings',
  'Reduction in number of productions for court',
  'Gathering feedback from young people',
  'Timescales for PO aligned with POAs',
  'Reduction in number of reports produced',
  'Permanence plans reviewed by independent reviewer',
];

describe.each(engines)('improvement work on $name', (engine) => {
  let connection: Connection;
  let dispose: () => Promise<void>;
  let north: AuthorityScope;
  let south: AuthorityScope;

  beforeEach(async () => {
    ({ connection, north, south, dispose } = await openTwoAuthorities(engine));
  });

  afterEach(async () => {
    await dispose();
  });

  it('holds every change of the booklet in the library, loaded once', async () => {
    const ideas = await listLibraryIdeas(connection);
    const titles = new Set(ideas.flatMap((i) => [i.title, ...i.alsoKnownAs]));
    expect(bookletTitles.filter((t) => !titles.has(t))).toEqual([]);
    expect(ideas.length).toBe(librarySeed.length);
    expect(ideas.length).toBe(bookletTitles.length - 1);
    expect(await ensureLibrarySeed(improvementDb(connection), new Date().toISOString())).toBe(0);
    expect((await listLibraryIdeas(connection)).length).toBe(librarySeed.length);
  });

  it('keeps a test and its cycles, each change in the history, and each authority to its own', async () => {
    const number = await addTest(connection, north, details, { by: 'amy' });
    expect(number).toBe(1);
    expect(await addTest(connection, south, details, { by: 'sam' })).toBe(1);
    let test = (await findTest(connection, north, 1)) ?? newTest(1, details);
    const plan = { what: 'Try it', who: 'Two workers', where: 'North team', when: d('2021-01-11'), prediction: 'Faster advice', measures: 'Days' };
    const planned = addCycle(test, plan, d('2021-06-01'));
    if (!planned.ok) throw new Error('plan');
    await saveTest(connection, north, planned.value, { by: 'amy' });
    const done = recordCyclePart(planned.value, 1, { part: 'do', value: { date: d('2021-02-01'), whatHappened: 'Done', observations: '' } }, d('2021-06-01'));
    if (!done.ok) throw new Error('do');
    await saveTest(connection, north, done.value, { by: 'ben' });
    test = (await findTest(connection, north, 1)) as typeof test;
    expect([test.status, test.cycles.length, test.cycles[0]?.do?.whatHappened, test.start.toString(), test.agencies]).toEqual(['testing', 1, 'Done', '2021-01-04', ['legal', 'social-work']]);
    expect((await recordHistory(connection, north, 'test-of-change', 'T1')).map((h) => h.previous.status)).toEqual(['idea']);
    expect((await recordHistory(connection, north, 'pdsa-cycle', 'T1.1')).map((h) => h.changedBy)).toEqual(['ben']);
    expect((await listTests(connection, south))[0]?.cycles).toEqual([]);
  });

  it('keeps who a test runs with and its Study numbers; a test stored before either reads as everyone with none', async () => {
    await addTest(connection, north, { ...details, runsWith: { kind: 'team', team: 'North' } }, { by: 'amy' });
    await addTest(connection, north, { ...details, runsWith: { kind: 'children', childIds: ['N-0001', 'N-0007'] } }, { by: 'amy' });
    await addTest(connection, north, details, { by: 'amy' });
    const today = d('2021-06-01');
    const ok = <T,>(result: { ok: true; value: T } | { ok: false }): T => {
      if (!result.ok) throw new Error('refused');
      return result.value;
    };
    let test = ok(addCycle((await findTest(connection, north, 1)) ?? newTest(1, details), { what: 'Try it', who: 'w', where: 'w', when: d('2021-01-11'), prediction: 'p', measures: 'm' }, today));
    test = ok(recordCyclePart(test, 1, { part: 'do', value: { date: d('2021-02-01'), whatHappened: 'Done', observations: '' } }, today));
    const measurements = [
      { date: d('2021-02-08'), count: 7, outOf: 9, label: 'meetings held within 72 hours' },
      { date: d('2021-02-10'), count: 12, outOf: null, label: 'referrals sent' },
    ];
    test = ok(recordCyclePart(test, 1, { part: 'study', value: { date: d('2021-02-15'), result: 'Better', numbers: 'Seven of nine', quotes: '', measurements } }, today));
    await saveTest(connection, north, test, { by: 'amy' });
    const [team, children, plain] = await listTests(connection, north);
    expect([team?.runsWith, children?.runsWith, plain?.runsWith]).toEqual([{ kind: 'team', team: 'North' }, { kind: 'children', childIds: ['N-0001', 'N-0007'] }, undefined]);
    expect(team?.cycles[0]?.study).toEqual({ date: d('2021-02-15'), result: 'Better', numbers: 'Seven of nine', quotes: '', measurements });
    // Saving what was read changes nothing; a study of words alone is stored as before, with no numbers.
    await saveTest(connection, north, team as typeof test, { by: 'ben' });
    expect([(await recordHistory(connection, north, 'pdsa-cycle', 'T1.1')).length, (await recordHistory(connection, north, 'test-of-change', 'T1')).length]).toEqual([0, 1]);
    const rows = await improvementDb(connection).selectFrom('tests_of_change').select(['test_no', 'definition']).where('authority_id', '=', north.id).orderBy('test_no').execute();
    expect(rows.map((r) => (JSON.parse(r.definition) as { runs_with?: unknown }).runs_with)).toEqual([{ kind: 'team', team: 'North' }, { kind: 'children', child_ids: ['N-0001', 'N-0007'] }, undefined]);
    const older = ok(recordCyclePart(team as typeof test, 1, { part: 'study', value: { date: d('2021-02-15'), result: 'Better', numbers: 'Seven of nine', quotes: '' } }, today));
    await saveTest(connection, north, older, { by: 'ben' });
    const cycle = await improvementDb(connection).selectFrom('pdsa_cycles').select('definition').where('authority_id', '=', north.id).where('test_no', '=', 1).executeTakeFirstOrThrow();
    expect((JSON.parse(cycle.definition) as { study: Record<string, unknown> }).study).toEqual({ date: '2021-02-15', result: 'Better', numbers: 'Seven of nine', quotes: '' });
    expect((await findTest(connection, north, 1))?.cycles[0]?.study?.measurements).toBeUndefined();
  });

  it('keeps driver nodes in order, with changes and removals in the history', async () => {
    const primary = await addDriverNode(connection, north, { aimId: 'aim-2', kind: 'primary', parentId: null, text: 'Early information', libraryIdea: null }, { by: 'amy' });
    const second = await addDriverNode(connection, north, { aimId: 'aim-2', kind: 'primary', parentId: null, text: 'Fewer steps', libraryIdea: null }, { by: 'amy' });
    const secondary = await addDriverNode(connection, north, { aimId: 'aim-2', kind: 'secondary', parentId: primary.id, text: 'Legal advice early', libraryIdea: null }, { by: 'amy' });
    expect([primary.position, second.position, secondary.position]).toEqual([1, 2, 1]);
    await changeDriverNode(connection, north, { ...second, text: 'No needless steps' }, { by: 'ben' });
    await removeDriverNode(connection, north, secondary.id, { by: 'ben' });
    expect((await listDriverNodes(connection, north, 'aim-2')).map((n) => n.text)).toEqual(['Early information', 'No needless steps']);
    expect((await recordHistory(connection, north, 'driver', String(second.id))).map((h) => h.previous.text)).toEqual(['Fewer steps']);
    expect((await recordHistory(connection, north, 'driver', String(secondary.id))).map((h) => h.change)).toEqual(['delete']);
    expect(await listDriverNodes(connection, south)).toEqual([]);
  });

  it('keeps meetings by date, a change to one in the history', async () => {
    expect(await saveMeeting(connection, north, { date: d('2021-03-10'), title: "Champions' group", notes: '' }, { by: 'amy' })).toBe('added');
    expect(await saveMeeting(connection, north, { date: d('2021-02-10'), title: "Champions' group", notes: '' }, { by: 'amy' })).toBe('added');
    expect(await saveMeeting(connection, north, { date: d('2021-03-10'), title: "Champions' group", notes: 'Moved room' }, { by: 'amy' })).toBe('changed');
    expect((await listMeetings(connection, north)).map((m) => [m.date.toString(), m.notes])).toEqual([
      ['2021-02-10', ''],
      ['2021-03-10', 'Moved room'],
    ]);
    expect((await recordHistory(connection, north, 'meeting', '2021-03-10')).length).toBe(1);
    expect(await listMeetings(connection, south)).toEqual([]);
  });

  it('publishes a test to the library, and publishing again replaces it', async () => {
    const publication = { testNumber: 1, authorityName: 'North Council', title: 'Referral form', change: 'A form', agencies: ['legal'] as const, aims: [2], studySummary: 'Advice in 3 weeks', actSummary: 'Adopted' };
    const id = await publishToLibrary(connection, north, publication, { by: 'dl' });
    expect(await publishToLibrary(connection, north, { ...publication, actSummary: 'Adopted everywhere' }, { by: 'dl' })).toBe(id);
    const idea = (await listLibraryIdeas(connection)).find((i) => i.id === id);
    expect([idea?.source, idea?.actSummary, idea?.publishedBy?.authorityName]).toEqual(['published', 'Adopted everywhere', 'North Council']);
  });
});
