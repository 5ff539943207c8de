import { describe, expect, it } from 'vitest';
import { summariseRuns, usefulPoints } from './runs.js';

describe('useful points and runs', () => {
  it('drops missing points and points exactly on the centre line', () => {
    expect(usefulPoints([1, null, 5, 9], 5)).toEqual([
      { point: 1, value: 1, side: 'below' },
      { point: 4, value: 9, side: 'above' },
    ]);
  });

  it('joins the runs on either side of a point on the centre line', () => {
    const summary = summariseRuns([1, 1, 5, 1, 9], 5);
    expect(summary.runs).toEqual([
      { side: 'below', from: 1, to: 4, n_points: 3 },
      { side: 'above', from: 5, to: 5, n_points: 1 },
    ]);
    expect(summary.longest_run).toBe(3);
    expect(summary.n_crossings).toBe(1);
  });

  it('counts crossings as runs minus one', () => {
    const summary = summariseRuns([1, 9, 1, 9, 1], 5);
    expect(summary.runs).toHaveLength(5);
    expect(summary.n_crossings).toBe(4);
  });

  it('counts the useful points above and below', () => {
    expect(summariseRuns([1, 9, 9, 5, null, 1], 5)).toMatchObject({ n_useful: 4, n_above: 2, n_below: 2 });
  });

  it('has no runs, no longest run and no crossings without useful points', () => {
    expect(summariseRuns([5, null, 5], 5)).toEqual({ n_useful: 0, n_above: 0, n_below: 0, runs: [], longest_run: 0, n_crossings: 0 });
  });
});
