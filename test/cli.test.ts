import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findAuthority, saveRecords } from '../src/store/index.js';
import { child, event, placement } from './builders.js';
import { pace } from './cli-harness.js';
import { engines } from './engines.js';

describe.each(engines)('the pace command on $name', (engine) => {
  let env: NodeJS.ProcessEnv;
  let dispose: () => Promise<void>;
  let connection: Awaited<ReturnType<typeof engine.open>>['connection'];

  beforeEach(async () => {
    const opened = await engine.open();
    ({ connection, dispose } = opened);
    env = { DATABASE_URL: opened.url, USER: 'tester' };
  });

  afterEach(async () => {
    await dispose();
  });

  it('adds and lists authorities', async () => {
    expect(await pace(['authority', 'add', 'fife', '--name', 'Fife Council', '--programme-start', '2018-07-02'], env)).toEqual({ code: 0, out: 'Added FIFE: Fife Council\n', err: '' });
    const listed = await pace(['authority', 'list', '--json'], env);
    expect(JSON.parse(listed.out)).toEqual({ authorities: [{ code: 'FIFE', name: 'Fife Council', programme_start: '2018-07-02' }] });
  });

  it('refuses a second authority with the same code', async () => {
    await pace(['authority', 'add', 'FIFE', '--name', 'Fife Council'], env);
    expect(await pace(['authority', 'add', 'FIFE', '--name', 'Again'], env)).toEqual({ code: 1, out: '', err: 'pace: an authority with code FIFE already exists\n' });
  });

  it('names a date that does not exist as a usage error', async () => {
    const run = await pace(['authority', 'add', 'FIFE', '--name', 'Fife', '--programme-start', '31/02/2019'], env);
    expect(run.code).toBe(2);
    expect(run.err).toContain('not a date: 31/02/2019');
  });

  it('prints every journey with its status against the national timescales', async () => {
    await pace(['authority', 'add', 'FIFE', '--name', 'Fife Council'], env);
    const fife = await findAuthority(connection, 'FIFE');
    if (!fife) throw new Error('no authority');
    await saveRecords(
      connection,
      fife.scope,
      {
        children: [child({ childId: 'A1' }), child({ childId: 'B2' })],
        placements: [
          placement('2019-01-01', '2019-12-31', 'home', { childId: 'A1', legalBasis: 'CSO', id: 'P1' }),
          placement('2020-01-01', null, 'foster', { childId: 'A1', id: 'P2' }),
          placement('2021-03-01', null, 'kinship', { childId: 'B2', id: 'P3' }),
        ],
        events: [
          event('permanence_recommendation', '2020-07-01', 'poa', { childId: 'A1', id: 'E1' }),
          event('adm_decision', '2020-10-07', 'poa', { childId: 'A1', id: 'E2' }),
          event('court_application_lodged', '2020-11-10', 'poa', { childId: 'A1', id: 'E3' }),
        ],
      },
      { by: 'test' },
    );
    const run = await pace(['journeys', '--authority', 'FIFE', '--as-at', '2021-06-01', '--json'], env);
    expect(run.code).toBe(0);
    // A1's time at home ended on 2019-12-31 (364 days, 52 weeks) without a review, before its 24
    // months were up: left_early, still listed. Aim 2: 2020-01-01 → 2020-07-01 is 182 days (in time).
    // Aim 3: 2020-07-01 → 2020-10-07 is 98 days = 14 weeks (in time). Aim 4: 2020-10-07 → 2020-11-10
    // is 34 days > 21 (late). B2 accommodated 2021-03-01: 92 days by as-at (waiting). Routes: POA for
    // A1 (each milestone names it); B2 has no plan yet.
    expect(JSON.parse(run.out)).toEqual({
      journeys: [
        { child_id: 'A1', kind: 1, start: '2019-01-01', end: null, leave: '2019-12-31', leave_reason: 'run-ended', route: 'undecided', status: 'left_early', weeks: 52 },
        { child_id: 'A1', kind: 2, start: '2020-01-01', end: '2020-07-01', leave: null, leave_reason: null, route: 'poa', status: 'in_time', weeks: 26 },
        { child_id: 'A1', kind: 3, start: '2020-07-01', end: '2020-10-07', leave: null, leave_reason: null, route: 'poa', status: 'in_time', weeks: 14 },
        { child_id: 'A1', kind: 4, start: '2020-10-07', end: '2020-11-10', leave: null, leave_reason: null, route: 'poa', status: 'late', weeks: 4.9 },
        { child_id: 'B2', kind: 2, start: '2021-03-01', end: null, leave: null, leave_reason: null, route: 'undecided', status: 'waiting', weeks: 13.1 },
      ],
    });
  });

  it('says so when the authority does not exist', async () => {
    expect(await pace(['journeys', '--authority', 'NOPE', '--as-at', '2021-06-01'], env)).toEqual({ code: 1, out: '', err: 'pace: no authority with code NOPE (see: pace authority list)\n' });
  });
});
