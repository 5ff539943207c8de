// Measurement version 2 through the store and the pace command, on every engine: the children of
// test/leaving-fixtures.ts saved, read back and measured give exactly the hand-worked figures.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findAuthority, saveRecords } from '../src/store/index.js';
import { pace } from './cli-harness.js';
import { engines } from './engines.js';
import { leavingChildren } from './leaving-fixtures.js';

describe.each(engines)('journeys that stop when the child leaves, through the store on $name', (engine) => {
  let env: NodeJS.ProcessEnv;
  let dispose: () => Promise<void>;

  beforeEach(async () => {
    const opened = await engine.open();
    dispose = opened.dispose;
    env = { DATABASE_URL: opened.url, USER: 'lead' };
    await pace(['authority', 'add', 'FIFE', '--name', 'Fife Council'], env);
    const fife = await findAuthority(opened.connection, 'FIFE');
    await saveRecords(opened.connection, fife!.scope, { children: leavingChildren.map((r) => r.child), placements: leavingChildren.flatMap((r) => r.placements), events: leavingChildren.flatMap((r) => r.events) }, { by: 'test' });
  });

  afterEach(async () => {
    await dispose();
  });

  it('lists every journey, those the child left included, with its leave date, route, status and weeks', async () => {
    const run = await pace(['journeys', '--authority', 'FIFE', '--as-at', '2024-06-30', '--json'], env);
    const rows = (JSON.parse(run.out).journeys as { child_id: string; kind: number; start: string; end: string | null; leave: string | null; route: string; status: string; weeks: number }[]).map((j) => [j.child_id, j.kind, j.start, j.end ?? j.leave, j.route, j.status, j.weeks]);
    // Children in reference order (the store reads them back sorted by child_id).
    expect(rows).toEqual([
      ['ADE', 2, '2022-11-01', '2023-02-01', 'kinship_order', 'in_time', 13.1],
      ['ADE', 3, '2023-02-01', '2023-05-01', 'kinship_order', 'in_time', 12.7],
      ['ADE', 4, '2023-05-01', '2023-05-10', 'kinship_order', 'left_early', 1.3],
      ['ADM', 2, '2020-01-06', '2020-09-01', 'poa', 'late', 34.1],
      ['ADM', 3, '2020-09-01', '2021-02-01', 'poa', 'late', 21.9],
      ['ADM', 4, '2021-02-01', '2021-03-31', 'poa', 'left_late', 8.3],
      ['ADM', 4, '2021-04-01', '2021-04-10', 'adoption', 'in_time', 1.3],
      ['CSD', 2, '2023-06-01', '2023-09-15', 'undecided', 'left_early', 15.1],
      ['L1A', 1, '2022-01-01', '2022-06-30', 'undecided', 'left_early', 25.7],
      ['L1A', 2, '2022-07-01', null, 'undecided', 'overdue', 104.3],
      ['L1B', 1, '2020-03-01', '2022-05-31', 'undecided', 'left_late', 117.3],
      ['L2A', 2, '2023-01-10', '2023-02-28', 'undecided', 'left_early', 7],
      ['L2B', 1, '2023-01-01', null, 'undecided', 'waiting', 78],
      ['L2B', 2, '2022-03-01', '2022-12-31', 'undecided', 'left_late', 43.6],
      ['SAME', 2, '2023-03-01', '2023-08-01', 'kinship_order', 'in_time', 21.9],
      ['SAME', 3, '2023-08-01', '2023-08-01', 'adoption', 'left_early', 0],
      ['SAME', 3, '2023-08-01', null, 'adoption', 'overdue', 47.7],
      ['SUP', 2, '2021-01-04', '2022-01-10', 'permanence_order', 'late', 53],
      ['SUP', 3, '2022-01-10', '2022-05-31', 'permanence_order', 'left_late', 20.1],
      ['SUP', 3, '2022-06-01', '2022-07-15', 'adoption', 'in_time', 6.3],
      ['SUP', 4, '2022-07-15', null, 'adoption', 'overdue', 102.3],
      ['T18', 2, '2021-05-01', '2022-02-28', 'undecided', 'left_late', 43.3],
    ]);
  });

  it('counts all six statuses for each aim, and the percentage over in time, late, overdue and left late', async () => {
    const aims = JSON.parse((await pace(['aims', '--authority', 'FIFE', '--as-at', '2024-06-30', '--json'], env)).out).aims as { id: string; counts: Record<string, number>; n: number; percentage: number | null }[];
    expect(aims.map((a) => [a.id, a.counts, a.n, a.percentage])).toEqual([
      ['aim-1', { in_time: 0, late: 0, overdue: 0, waiting: 1, left_late: 1, left_early: 1 }, 1, 0],
      ['aim-2', { in_time: 2, late: 2, overdue: 1, waiting: 0, left_late: 2, left_early: 2 }, 7, 28.6],
      ['aim-3', { in_time: 2, late: 1, overdue: 1, waiting: 0, left_late: 1, left_early: 1 }, 5, 40],
      ['aim-4', { in_time: 1, late: 0, overdue: 1, waiting: 0, left_late: 1, left_early: 1 }, 3, 33.3],
    ]);
  });

  it('prints in words what is not counted', async () => {
    const run = await pace(['aims', '--authority', 'FIFE', '--as-at', '2024-06-30'], env);
    expect(run.out).toContain('  28.6% in time (n = 7: 2 in time, 2 late, 1 overdue, 2 left after the timescale; not counted: 0 waiting within the timescale, 2 left within it)\n');
  });
});
