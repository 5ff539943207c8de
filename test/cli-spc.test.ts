import { describe, expect, it } from 'vitest';
import { pace } from './cli-harness.js';

const cdi = '17,12,27,20,20,18,22,19,19,24,17,16,24,19,19,22,25,19,17,6,25,17,11,14,9,11,7,13,5,5,3,5,9,4,5,9'.split(',');
const env = { DATABASE_URL: 'sqlite::memory:' };

describe('pace spc', () => {
  it('analyses a series given as arguments, with a frozen baseline', async () => {
    const run = await pace(['spc', '--freeze', '24', '--json', ...cdi], env);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.out);
    expect([json.n_obs, json.cl, json.baseline]).toEqual([36, 19, { from: 1, to: 24 }]);
    expect(json.anhoej).toEqual({ n_useful: 31, longest_run: 15, longest_run_max: 8, n_crossings: 8, n_crossings_min: 11, signal: true });
    expect(json.ihi.shifts).toContainEqual({ from: 22, to: 36, n_points: 15, side: 'below' });
  });

  it('reads values from standard input, with NA for a missing value', async () => {
    const run = await pace(['spc', '--json'], env, '1 NA 2 NA 3 NA 4 NA 5\n');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.out).ihi.trends).toEqual([{ from: 1, to: 9, n_points: 5, direction: 'up' }]);
  });

  it('re-phases after a sustained shift', async () => {
    const values = '9,22,19,18,8,7,11,11,11,12,2,8,9,6,7,11,11,11,21,12,21,12,21,13,5,6,4,15,12,7,14,7,9,13,13,7,5,4,10,4,9,4,8,6,9,9,4,5,2,6,16,8,7,6,4'.split(',');
    const json = JSON.parse((await pace(['spc', '--freeze', '9', '--rephase', '--json', ...values], env)).out);
    expect(json.phases.map((p: { type: string; median: number; from: number; to: number }) => [p.type, p.median, p.from, p.to])).toEqual([
      ['baseline', 11, 1, 9],
      ['sustained', 6, 36, 44],
    ]);
  });

  it('says in words what it finds', async () => {
    const run = await pace(['spc', ...cdi], env);
    expect(run.out.split('\n')[0]).toBe('36 points, centre line 17');
    expect(run.out).toContain('Too few crossings of the median (6; at least 11 expected): the process has shifted.');
  });

  it('names a value that is not a number', async () => {
    expect(await pace(['spc', '1', '2', 'three'], env)).toEqual({ code: 2, out: '', err: 'pace: value 3 is not a number or NA: three\n' });
  });
});
