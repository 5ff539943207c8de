import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAuthority, saveRecords } from '../src/store/index.js';
import { child, d, event, placement } from './builders.js';
import { pace } from './cli-harness.js';
import { engines } from './engines.js';

const cdi = [17, 12, 27, 20, 20, 18, 22, 19, 19, 24, 17, 16, 24, 19, 19, 22, 25, 19, 17, 6, 25, 17, 11, 14, 9, 11, 7, 13, 5, 5, 3, 5, 9, 4, 5, 9];

describe('pace runchart and pace chart', () => {
  const engine = engines[0]!;
  let env: NodeJS.ProcessEnv;
  let dispose: () => Promise<void>;
  const dir = mkdtempSync(join(tmpdir(), 'pace-charts-'));

  beforeAll(async () => {
    const opened = await engine.open();
    dispose = opened.dispose;
    env = { DATABASE_URL: opened.url };
    await pace(['authority', 'add', 'FIFE', '--name', 'Fife Council', '--programme-start', '2019-01-01'], env);
    const fife = await findAuthority(opened.connection, 'FIFE');
    // One child a point of docs/run-charts.md's cdi series, each recommendation 30 days after the last;
    // and one child still waiting since 2019-06-03, now in residential care.
    const ids = cdi.map((_, i) => `C${String(i + 1).padStart(2, '0')}`);
    await saveRecords(
      opened.connection,
      fife!.scope,
      {
        children: [...ids.map((childId) => child({ childId })), child({ childId: 'W1' })],
        placements: [
          ...cdi.map((weeks, i) => placement(d('2017-01-15').add({ days: i * 30 - weeks * 7 }).toString(), null, 'foster', { childId: ids[i], id: `P${i}` })),
          placement('2019-06-03', '2019-09-30', 'foster', { childId: 'W1', id: 'PW1' }),
          placement('2019-10-01', null, 'residential', { childId: 'W1', id: 'PW2' }),
        ],
        events: cdi.map((_, i) => event('permanence_recommendation', d('2017-01-15').add({ days: i * 30 }).toString(), 'adoption', { childId: ids[i], id: `E${i}` })),
      },
      { by: 'test' },
    );
  });

  afterAll(async () => {
    await dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives the run chart as data with both rule sets, verdicts in words and the waiting bars, the same JSON as the API', async () => {
    const run = await pace(['runchart', '--authority', 'FIFE', '--aim', '2', '--as-at', '2020-01-01', '--json'], env);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.out);
    expect(json.points).toHaveLength(36);
    expect(json.points[0]).toEqual({ point: 1, child_id: 'C01', start: '2016-09-18', end: '2017-01-15', weeks: 17, in_signal: false });
    expect([json.aim_id, json.baseline, json.analysis.cl]).toEqual(['aim-2', { count: 24, from: 1, to: 24, rule: 'programme-start' }, 19]);
    expect(json.analysis.anhoej).toEqual({ n_useful: 31, longest_run: 15, longest_run_max: 8, n_crossings: 8, n_crossings_min: 11, signal: true });
    // The analysis is exactly what pace spc prints for the same series.
    const spc = await pace(['spc', '--freeze', '24', '--rephase', '--json', ...json.points.map((p: { weeks: number }) => String(p.weeks))], env);
    expect(JSON.parse(spc.out)).toEqual(json.analysis);
    expect(json.findings.map((f: { kind: string }) => f.kind)).toContain('shift');
    expect(json.verdicts).toContain('15 points in a row below the baseline median since October 2018: this is not chance.');
    // 2019-06-03 to 2020-01-01 is 212 days: 30.3 weeks, past 26 (due 2019-12-02).
    expect(json.waiting).toEqual([{ child_id: 'W1', start: '2019-06-03', weeks: 30.3, due: '2019-12-02', status: 'overdue', placement_type: 'residential' }]);
  });

  it('draws each chart to SVG and PNG', async () => {
    for (const type of ['run', 'waiting', 'stages', 'survival']) {
      const out = join(dir, `${type}.svg`);
      expect(await pace(['chart', '--authority', 'FIFE', '--aim', 'aim-2', '--as-at', '2020-01-01', '--type', type, '--out', out], env)).toEqual({ code: 0, out: `Wrote ${out}\n`, err: '' });
      expect(readFileSync(out, 'utf8')).toMatch(/^<svg /);
    }
    const png = join(dir, 'run.png');
    await pace(['chart', '--authority', 'FIFE', '--aim', '2', '--as-at', '2020-01-01', '--type', 'run', '--out', png], env);
    expect(readFileSync(png).subarray(1, 4).toString('ascii')).toBe('PNG');
  });

  it('names an aim that does not exist and a chart type it does not know', async () => {
    expect((await pace(['runchart', '--authority', 'FIFE', '--aim', '9', '--as-at', '2020-01-01'], env)).err).toBe('pace: FIFE has no aim 9 (its aims: 1, 2, 3, 4)\n');
    expect((await pace(['chart', '--authority', 'FIFE', '--aim', '2', '--as-at', '2020-01-01', '--type', 'pie', '--out', 'x.svg'], env)).code).toBe(2);
  });
});
