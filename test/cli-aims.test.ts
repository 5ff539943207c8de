import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findAuthority, recordHistory, saveRecords } from '../src/store/index.js';
import { child, d, event, placement } from './builders.js';
import { pace } from './cli-harness.js';
import { engines } from './engines.js';
import { pathwayChildren } from './leaving-fixtures.js';

describe.each(engines)('pace aim and pace aims on $name', (engine) => {
  let env: NodeJS.ProcessEnv;
  let dispose: () => Promise<void>;
  let connection: Awaited<ReturnType<typeof engine.open>>['connection'];

  beforeEach(async () => {
    const opened = await engine.open();
    ({ connection, dispose } = opened);
    env = { DATABASE_URL: opened.url, USER: 'lead' };
    await pace(['authority', 'add', 'FIFE', '--name', 'Fife Council'], env);
    const fife = await findAuthority(connection, 'FIFE');
    if (!fife) throw new Error('no authority');
    // 2020-01-06 → 2020-07-06 is 182 days (in time); 2020-02-03 → 2020-08-04 is 183 (late);
    // 2020-03-02 with no recommendation is 305 days at 2021-01-01 (overdue).
    await saveRecords(
      connection,
      fife.scope,
      {
        children: [child({ childId: 'A' }), child({ childId: 'B' }), child({ childId: 'C' })],
        placements: [
          placement('2020-01-06', null, 'foster', { childId: 'A', id: 'PA' }),
          placement('2020-02-03', null, 'kinship', { childId: 'B', id: 'PB' }),
          placement('2020-03-02', null, 'foster', { childId: 'C', id: 'PC' }),
        ],
        events: [event('permanence_recommendation', '2020-07-06', 'adoption', { childId: 'A', id: 'EA' }), event('permanence_recommendation', '2020-08-04', 'kinship_order', { childId: 'B', id: 'EB' })],
      },
      { by: 'test' },
    );
  });

  afterEach(async () => {
    await dispose();
  });

  it('gives an aim month by month: the percentage in time of the journeys settled in each whole month, and what the rules say', async () => {
    const run = await pace(['measure', '--authority', 'FIFE', '--id', 'aim-2', '--by', 'month', '--months', '6', '--as-at', '2021-01-01', '--json'], env);
    expect(run.code).toBe(0);
    // A in time on 6 July 2020; B late, due 3 August (settled the 4th); C overdue, due 31 August (settled 1 September).
    expect(JSON.parse(run.out)).toEqual({
      as_at: '2021-01-01',
      aim_id: 'aim-2',
      name: 'Aim 2: permanence recommendation',
      by: 'month',
      months: [
        { month: '2020-07', in_time: 1, n: 1, percentage: 100 },
        { month: '2020-08', in_time: 0, n: 1, percentage: 0 },
        { month: '2020-09', in_time: 0, n: 1, percentage: 0 },
        { month: '2020-10', in_time: 0, n: 0, percentage: null },
        { month: '2020-11', in_time: 0, n: 0, percentage: null },
        { month: '2020-12', in_time: 0, n: 0, percentage: null },
      ],
      baseline_months: 3,
      verdicts: ['The baseline is the first 3 months shown, because no programme start date is set.', '10 useful points are needed before these rules can judge; this chart has 1.'],
    });
    const words = await pace(['measure', '--authority', 'FIFE', '--id', 'aim-2', '--as-at', '2021-01-01', '--months', '6'], env);
    expect(words.out.split('\n').slice(0, 4)).toEqual(['Aim 2: permanence recommendation, month by month as at 2021-01-01: % in time of the journeys settled in each month', '  July 2020       100.0%  (1 of 1)', '  August 2020       0.0%  (0 of 1)', '  September 2020    0.0%  (0 of 1)']);
    const wrong = await pace(['measure', '--authority', 'FIFE', '--id', 'aim-9', '--as-at', '2021-01-01'], env);
    expect([wrong.code, wrong.err]).toEqual([1, 'pace measure: FIFE has no aim aim-9 (pace aim list --authority FIFE lists them).\n']);
  });

  it('measures every aim, with counts, n, percentage, median and each journey', async () => {
    const run = await pace(['aims', '--authority', 'FIFE', '--as-at', '2021-01-01', '--json'], env);
    expect(run.code).toBe(0);
    const aim2 = JSON.parse(run.out).aims[1];
    expect(aim2).toEqual({
      aim: 2,
      id: 'aim-2',
      name: 'Aim 2: permanence recommendation',
      national_aim: 2,
      definition: { id: 'aim-2', name: 'Aim 2: permanence recommendation', national_aim: 2, kind: 'accommodation', by_date: null, target_percent: null, from_date: null, timescale: { unit: 'weeks', weeks: 26 }, filters: {}, backlog: null },
      sentence: 'All children who become looked after and accommodated will have a permanence recommendation within 26 weeks of becoming looked after and accommodated.',
      from_date: null,
      counts: { in_time: 1, late: 1, overdue: 1, waiting: 0, left_late: 0, left_early: 0 },
      n: 3,
      percentage: 33.3,
      median_weeks: 26.1,
      still_waiting: 1,
      longest_wait_weeks: 43.6,
      backlog: null,
      journeys: [
        { kind: 2, child_id: 'A', start: '2020-01-06', end: '2020-07-06', leave: null, leave_reason: null, route: 'adoption', status: 'in_time', weeks: 26, due: '2020-07-06' },
        { kind: 2, child_id: 'B', start: '2020-02-03', end: '2020-08-04', leave: null, leave_reason: null, route: 'kinship_order', status: 'late', weeks: 26.1, due: '2020-08-03' },
        { kind: 2, child_id: 'C', start: '2020-03-02', end: null, leave: null, leave_reason: null, route: 'undecided', status: 'overdue', weeks: 43.6, due: '2020-08-31' },
      ],
    });
  });

  it('lets --from override the from-date of every aim', async () => {
    const run = await pace(['aims', '--authority', 'FIFE', '--as-at', '2021-01-01', '--from', '2020-02-01', '--json'], env);
    const aim2 = JSON.parse(run.out).aims[1];
    expect([aim2.from_date, aim2.counts, aim2.percentage]).toEqual(['2020-02-01', { in_time: 0, late: 1, overdue: 1, waiting: 0, left_late: 0, left_early: 0 }, 0]);
  });

  it('changes an aim, keeps its previous definition, and measures with the new one', async () => {
    const edit = await pace(['aim', 'edit', 'aim-2', '--authority', 'FIFE', '--timescale', '36 weeks', '--from', '02/07/2018', '--by', '2021-03-31', '--target', '70'], env);
    expect(edit).toEqual({
      code: 0,
      out: 'Changed aim-2: By 31 March 2021, 70% of children who become looked after and accommodated on or after 2 July 2018 will have a permanence recommendation within 36 weeks of becoming looked after and accommodated.\n',
      err: '',
    });
    const fife = await findAuthority(connection, 'FIFE');
    expect((await recordHistory(connection, fife!.scope, 'aim', 'aim-2')).map((h) => h.changedBy)).toEqual(['lead']);
    const aim2 = JSON.parse((await pace(['aims', '--authority', 'FIFE', '--as-at', '2021-01-01', '--json'], env)).out).aims[1];
    expect(aim2.counts).toEqual({ in_time: 2, late: 0, overdue: 1, waiting: 0, left_late: 0, left_early: 0 });
  });

  it('adds a local aim with filters', async () => {
    const add = await pace(['aim', 'add', '--authority', 'FIFE', '--id', 'aim-2-foster', '--name', 'Aim 2, foster care', '--national', '2', '--timescale', '26 weeks', '--placement-types', 'foster'], env);
    expect(add.code).toBe(0);
    const aims = JSON.parse((await pace(['aims', '--authority', 'FIFE', '--as-at', '2021-01-01', '--json'], env)).out).aims;
    expect(aims.map((a: { id: string; n: number }) => [a.id, a.n])).toEqual([
      ['aim-1', 0],
      ['aim-2', 3],
      ['aim-3', 2],
      ['aim-4', 0],
      ['aim-2-foster', 2],
    ]);
  });

  it('adds a local measure from any start to any end, in days, and gives it month by month', async () => {
    const add = await pace(['aim', 'add', '--authority', 'FIFE', '--id', 'adoption-rec', '--name', 'Adoption recommendation', '--start', 'accommodated', '--end', 'permanence_recommendation:adoption', '--timescale', '183 days', '--target', '75'], env);
    expect(add.code).toBe(0);
    expect(add.out).toBe('Added adoption-rec: 75% of children who become looked after and accommodated will have a permanence recommendation for adoption within 183 days of becoming looked after and accommodated.\n');
    const listed = JSON.parse((await pace(['aim', 'list', '--authority', 'FIFE', '--json'], env)).out).aims.find((a: { id: string }) => a.id === 'adoption-rec');
    expect([listed.kind, listed.measure, listed.timescale]).toEqual(['measure', { start: 'accommodated', ends: ['permanence_recommendation:adoption'] }, { unit: 'days', days: 183 }]);
    // A: 182 days to an adoption recommendation (in time). B's recommendation is for a kinship
    // order, so B is still waiting, overdue since 5 August 2020; C overdue since 2 September.
    const measured = JSON.parse((await pace(['measure', '--authority', 'FIFE', '--id', 'adoption-rec', '--by', 'month', '--months', '6', '--as-at', '2021-01-01', '--json'], env)).out);
    expect(measured.months.slice(0, 3)).toEqual([
      { month: '2020-07', in_time: 1, n: 1, percentage: 100 },
      { month: '2020-08', in_time: 0, n: 1, percentage: 0 },
      { month: '2020-09', in_time: 0, n: 1, percentage: 0 },
    ]);
    const aims = JSON.parse((await pace(['aims', '--authority', 'FIFE', '--as-at', '2021-01-01', '--json'], env)).out).aims;
    const figures = aims.find((a: { id: string }) => a.id === 'adoption-rec');
    expect([figures.counts, figures.n]).toEqual([{ in_time: 1, late: 0, overdue: 2, waiting: 0, left_late: 0, left_early: 0 }, 3]);
  });

  it('adds a measure of reviews held on their planned date, counting those cancelled, from stored plans', async () => {
    const fife = await findAuthority(connection, 'FIFE');
    const review = (id: string, date: string, planned: string) => ({ ...event('lac_review', date, null, { childId: 'A', id }), plannedDate: d(planned) });
    const plan = (id: string, planned: string, status: 'planned' | 'cancelled', reason: string | null) => ({ childId: 'A', eventId: id, type: 'lac_review' as const, status, plannedDate: d(planned), route: null, reason, recordedDate: null });
    await saveRecords(connection, fife!.scope, { events: [review('R1', '2020-03-02', '2020-03-02'), review('R2', '2020-06-09', '2020-06-01'), plan('R3', '2020-09-01', 'cancelled', 'carer unwell'), plan('R4', '2020-12-01', 'planned', null)] }, { by: 'test' });
    const add = await pace(['aim', 'add', '--authority', 'FIFE', '--id', 'reviews-on-the-day', '--name', 'Reviews held on the day', '--start', 'planned:lac_review', '--timescale', '0 days', '--target', '90'], env);
    expect([add.code, add.out]).toEqual([0, 'Added reviews-on-the-day: 90% of children with a looked after child review planned will have had it held on its planned date.\n']);
    const figures = JSON.parse((await pace(['aims', '--authority', 'FIFE', '--as-at', '2021-01-01', '--json'], env)).out).aims.find((a: { id: string }) => a.id === 'reviews-on-the-day');
    // R1 on the day; R2 a week late; R3 cancelled (listed, not counted); R4 planned for 1 December and not recorded as held.
    expect([figures.counts, figures.n, figures.percentage]).toEqual([{ in_time: 1, late: 1, overdue: 1, waiting: 0, left_late: 0, left_early: 1 }, 3, 33.3]);
    expect(figures.journeys.find((j: { leave_reason: string | null }) => j.leave_reason === 'cancelled')).toMatchObject({ child_id: 'A', start: '2020-09-01', leave: '2020-09-01', status: 'left_early' });
  });

  it('names a start or end that is not one, and what is', async () => {
    const noEnd = await pace(['aim', 'add', '--authority', 'FIFE', '--id', 'x', '--name', 'X', '--start', 'permanence_planning_meeting', '--timescale', '12 weeks'], env);
    expect([noEnd.code, noEnd.err]).toEqual([2, 'pace: --start needs --end: which events end the measure? (EVENT[:ROUTE][,…])\n']);
    const badStart = await pace(['aim', 'add', '--authority', 'FIFE', '--id', 'x', '--name', 'X', '--start', 'panel', '--end', 'permanence_panel', '--timescale', '12 weeks'], env);
    expect(badStart.code).toBe(2);
    expect(badStart.err).toContain('pace: --start: "panel" is not an event type (one of referral, planning_meeting_72h,');
    const badTimescale = await pace(['aim', 'add', '--authority', 'FIFE', '--id', 'x', '--name', 'X', '--start', 'spell', '--end', 'planning_meeting_72h', '--timescale', '72 hours'], env);
    expect([badTimescale.code, badTimescale.err]).toEqual([2, 'pace: --timescale must read like "26 weeks", "3 days" or "24 months" (from 0 to 3650 days, 1 to 520 weeks or 1 to 120 months; got 72 hours)\n']);
  });

  it('names what is wrong with an aim and changes nothing', async () => {
    const run = await pace(['aim', 'edit', 'aim-2', '--authority', 'FIFE', '--target', '170', '--by', '31/02/2021'], env);
    expect(run.code).toBe(2);
    expect(run.err).toBe('pace: the aim is not valid:\n  - by_date: not a date (YYYY-MM-DD)\n  - target_percent: Too big: expected number to be <=100\n');
    const fife = await findAuthority(connection, 'FIFE');
    expect(await recordHistory(connection, fife!.scope, 'aim', 'aim-2')).toEqual([]);
  });

  it('lists the aims as sentences', async () => {
    const run = await pace(['aim', 'list', '--authority', 'FIFE'], env);
    expect(run.out.split('\n')[0]).toBe('aim-1            Aim 1: review of children looked after at home (24 months)');
  });
});

describe.each(engines)('aim filters that exclude, on $name', (engine) => {
  let env: NodeJS.ProcessEnv;
  let dispose: () => Promise<void>;

  beforeEach(async () => {
    const opened = await engine.open();
    dispose = opened.dispose;
    env = { DATABASE_URL: opened.url, USER: 'lead' };
    await pace(['authority', 'add', 'FIFE', '--name', 'Fife Council'], env);
    const fife = await findAuthority(opened.connection, 'FIFE');
    await saveRecords(opened.connection, fife!.scope, { children: pathwayChildren.map((r) => ({ ...r.child, team: r.child.childId.startsWith('U') ? 'South Team' : 'North Team' })), placements: pathwayChildren.flatMap((r) => r.placements), events: pathwayChildren.flatMap((r) => r.events) }, { by: 'test' });
  });

  afterEach(async () => {
    await dispose();
  });

  it('leaves out kinship and return-home plans and keeps the children with no plan yet, and says so in the sentence', async () => {
    const add = await pace(['aim', 'add', '--authority', 'FIFE', '--id', 'aim-2-away', '--name', 'Aim 2 away from family', '--national', '2', '--timescale', '26 weeks', '--routes-not', 'kinship_order,home'], env);
    expect(add).toEqual({
      code: 0,
      out: 'Added aim-2-away: All children who become looked after and accommodated, excluding children with a kinship or return-home plan, will have a permanence recommendation within 26 weeks of becoming looked after and accommodated.\n',
      err: '',
    });
    const aims = JSON.parse((await pace(['aims', '--authority', 'FIFE', '--as-at', '2024-06-30', '--json'], env)).out).aims;
    const away = aims.find((a: { id: string }) => a.id === 'aim-2-away');
    expect([away.counts, away.n, away.percentage, away.journeys.map((j: { child_id: string }) => j.child_id)]).toEqual([
      { in_time: 2, late: 0, overdue: 4, waiting: 0, left_late: 0, left_early: 0 },
      6,
      33.3,
      ['P1', 'P2', 'U1', 'U2', 'U3', 'U4'],
    ]);
  });

  it('keeps only the routes asked for, the teams asked for, or children outside sibling groups', async () => {
    await pace(['aim', 'add', '--authority', 'FIFE', '--id', 'only-permanence', '--name', 'PO and adoption', '--national', '2', '--timescale', '26 weeks', '--routes', 'permanence_order,poa,adoption'], env);
    await pace(['aim', 'add', '--authority', 'FIFE', '--id', 'south', '--name', 'South', '--national', '2', '--timescale', '26 weeks', '--teams', 'South Team', '--sibling-group', 'not-in'], env);
    const aims = JSON.parse((await pace(['aims', '--authority', 'FIFE', '--as-at', '2024-06-30', '--json'], env)).out).aims;
    const of = (id: string) => aims.find((a: { id: string }) => a.id === id);
    expect([of('only-permanence').n, of('only-permanence').percentage]).toEqual([2, 100]);
    expect(of('south').journeys.map((j: { child_id: string }) => j.child_id)).toEqual(['U1', 'U2', 'U3', 'U4']);
    expect(of('south').sentence).toBe('All children who become looked after and accommodated (allocated to South Team), excluding children in a sibling group, will have a permanence recommendation within 26 weeks of becoming looked after and accommodated.');
  });

  it('says what replaced --plan-routes, and refuses a route both kept and left out', async () => {
    const old = await pace(['aim', 'edit', 'aim-2', '--authority', 'FIFE', '--plan-routes', 'adoption'], env);
    expect([old.code, old.err]).toEqual([2, 'pace: --plan-routes was replaced: --routes LIST keeps only journeys whose own route is in LIST, --routes-not LIST leaves them out (undecided journeys stay)\n']);
    const both = await pace(['aim', 'edit', 'aim-2', '--authority', 'FIFE', '--routes', 'home', '--routes-not', 'home'], env);
    expect([both.code, both.err]).toEqual([2, 'pace: the aim is not valid:\n  - filters: home is both in routes and in routes_not\n']);
  });
});
