import { describe, expect, it } from 'vitest';
import { ihiRules, runsVerdict } from './ihi.js';

describe('the IHI runs rule', () => {
  it('judges nothing below 10 useful points', () => {
    const result = ihiRules([1, 5, 5, 5, 9, 5, 1, 9, 5, 1], 5);
    expect(result).toMatchObject({ n_useful: 5, n_runs: 5, runs_limits: null, runs_verdict: 'too few points' });
  });

  it('still reports shifts and trends below 10 useful points, for the chart to show', () => {
    const result = ihiRules([1, 1, 1, 1, 1, 0, 0, 1], 0);
    expect(result.shifts).toEqual([{ from: 1, to: 8, n_points: 6, side: 'above' }]);
  });

  it('finds too few runs in 1 to 24, two runs where 8 to 18 are expected', () => {
    const values = Array.from({ length: 24 }, (_, index) => index + 1);
    expect(ihiRules(values, 12.5)).toMatchObject({ n_useful: 24, n_above: 12, n_below: 12, n_runs: 2, runs_limits: [8, 18], runs_verdict: 'too few' });
  });

  it('finds too many runs in 1,2 repeated 12 times, 24 runs where at most 18 are expected', () => {
    const values = Array.from({ length: 24 }, (_, index) => (index % 2) + 1);
    expect(ihiRules(values, 1.5)).toMatchObject({ n_runs: 24, runs_limits: [8, 18], runs_verdict: 'too many' });
  });

  it('judges a count on a limit as expected, and one beyond it as not', () => {
    expect(runsVerdict(3, [3, 9])).toBe('as expected');
    expect(runsVerdict(9, [3, 9])).toBe('as expected');
    expect(runsVerdict(2, [3, 9])).toBe('too few');
    expect(runsVerdict(10, [3, 9])).toBe('too many');
    expect(runsVerdict(5, null)).toBe('too few points');
  });
});
