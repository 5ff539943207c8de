import { describe, expect, it } from 'vitest';
import { analyseSeries, checkSpcOptions } from './analyse.js';

const cdi = [17, 12, 27, 20, 20, 18, 22, 19, 19, 24, 17, 16, 24, 19, 19, 22, 25, 19, 17, 6, 25, 17, 11, 14, 9, 11, 7, 13, 5, 5, 3, 5, 9, 4, 5, 9];
const signals = [
  9, 22, 19, 18, 8, 7, 11, 11, 11, 12, 2, 8, 9, 6, 7, 11, 11, 11, 21, 12, 21, 12, 21, 13, 5, 6, 4, 15, 12, 7, 14, 7, 9, 13, 13, 7, 5, 4,
  10, 4, 9, 4, 8, 6, 9, 9, 4, 5, 2, 6, 16, 8, 7, 6, 4,
];

describe('analysing a series as `pace spc` does', () => {
  it('gives the whole analysis of the cdi series against the median of all points', () => {
    expect(analyseSeries(cdi)).toEqual({
      n_obs: 36,
      cl: 17,
      cl_basis: 'all points',
      baseline: null,
      anhoej: { n_useful: 32, longest_run: 14, longest_run_max: 8, n_crossings: 6, n_crossings_min: 11, signal: true },
      ihi: {
        n_useful: 32,
        n_above: 15,
        n_below: 17,
        shifts: [
          { from: 3, to: 10, n_points: 8, side: 'above' },
          { from: 13, to: 18, n_points: 6, side: 'above' },
          { from: 23, to: 36, n_points: 14, side: 'below' },
        ],
        trends: [],
        n_runs: 7,
        runs_limits: [12, 22],
        runs_verdict: 'too few',
      },
      phases: [{ type: 'baseline', median: 17, from: 1, to: 36, extended_to: 36 }],
      astronomical_candidates: [],
      too_few_points: null,
    });
  });

  it('tests every point of the cdi series against the median of its first 24 when frozen at 24', () => {
    const analysis = analyseSeries(cdi, { freeze: 24 });
    expect(analysis).toMatchObject({ n_obs: 36, cl: 19, cl_basis: 'baseline', baseline: { from: 1, to: 24 } });
    expect(analysis.anhoej).toEqual({ n_useful: 31, longest_run: 15, longest_run_max: 8, n_crossings: 8, n_crossings_min: 11, signal: true });
    expect(analysis.ihi.shifts).toEqual([{ from: 22, to: 36, n_points: 15, side: 'below' }]);
    expect(analysis.ihi).toMatchObject({ n_above: 9, n_below: 22, n_runs: 9, runs_limits: [9, 18], runs_verdict: 'as expected' });
    expect(analysis.phases).toEqual([{ type: 'baseline', median: 19, from: 1, to: 24, extended_to: 36 }]);
  });

  it('shows the rules but says there are too few points in 1,5,5,5,9,5,1,9,5,1', () => {
    const analysis = analyseSeries([1, 5, 5, 5, 9, 5, 1, 9, 5, 1]);
    expect(analysis.cl).toBe(5);
    expect(analysis.anhoej).toMatchObject({ n_useful: 5, longest_run: 1, n_crossings: 4, signal: false });
    expect(analysis.ihi.runs_verdict).toBe('too few points');
    expect(analysis.too_few_points).toBe('10 useful points are needed before these rules can judge; this chart has 5');
  });

  it('tests against a fixed centre line when given one', () => {
    expect(analyseSeries([1, 1, 1, 1, 1, 0, 0, 1], { centre: 0 })).toMatchObject({
      cl: 0,
      cl_basis: 'fixed',
      baseline: null,
      ihi: { shifts: [{ from: 1, to: 8, n_points: 6, side: 'above' }] },
    });
    expect(analyseSeries([1, 2, 3, 4, 5, 6, -1, 1, 2], { centre: 0 }).ihi.shifts).toEqual([{ from: 1, to: 6, n_points: 6, side: 'above' }]);
  });

  it('adds the sustained phases when re-phasing runcharter test data from a baseline of 9', () => {
    const analysis = analyseSeries(signals, { freeze: 9, rephase: true });
    expect(analysis.cl).toBe(11);
    expect(analysis.phases).toEqual([
      { type: 'baseline', median: 11, from: 1, to: 9, extended_to: 35 },
      { type: 'sustained', median: 6, from: 36, to: 44, extended_to: 55, side: 'below' },
    ]);
  });

  it('takes the first 12 points as the baseline when re-phasing without a freeze', () => {
    const analysis = analyseSeries(signals, { rephase: true });
    expect(analysis.baseline).toEqual({ from: 1, to: 12 });
    expect(analysis.cl).toBe(11);
    expect(analysis.phases[0]).toEqual({ type: 'baseline', median: 11, from: 1, to: 12, extended_to: 35 });
  });

  it('passes the run length and side on to rephasing', () => {
    const analysis = analyseSeries(signals, { freeze: 9, rephase: true, rephaseSide: 'above' });
    expect(analysis.phases).toHaveLength(1);
    expect(analyseSeries([5, 5, 1, 1, 1], { freeze: 2, rephase: true, rephaseRun: 3 }).phases).toHaveLength(2);
  });

  it('has no centre line, no useful points and no phases when every value is missing', () => {
    expect(analyseSeries([null, null, null])).toMatchObject({
      n_obs: 3,
      cl: null,
      anhoej: { n_useful: 0, signal: false },
      ihi: { n_useful: 0, runs_verdict: 'too few points' },
      phases: [],
      too_few_points: '10 useful points are needed before these rules can judge; this chart has 0',
    });
  });

  it('still finds trends when the baseline is all missing', () => {
    expect(analyseSeries([null, null, 1, 2, 3, 4, 5], { freeze: 2 }).ihi.trends).toEqual([{ from: 3, to: 7, n_points: 5, direction: 'up' }]);
  });
});

describe('checking a series and its options', () => {
  it('accepts sound ones', () => {
    expect(checkSpcOptions(cdi, { freeze: 24, rephase: true, rephaseRun: 9 })).toBeNull();
  });

  it('names a value that is not a finite number, and its point', () => {
    expect(checkSpcOptions([1, Number.NaN], {})).toMatchObject({ code: 'invalid-value', point: 2, message: 'invalid value at point 2: NaN' });
  });

  it('refuses a freeze beyond the series, echoing it', () => {
    expect(checkSpcOptions([1, 2, 3], { freeze: 4 })).toMatchObject({ code: 'invalid-freeze', value: 4, message: 'invalid freeze: 4 (the series has 3 points)' });
    expect(checkSpcOptions([1, 2, 3], { freeze: 0 })?.code).toBe('invalid-freeze');
  });

  it('refuses a fixed centre with a baseline, and a run length that is not a positive whole number', () => {
    expect(checkSpcOptions([1, 2], { centre: 0, freeze: 1 })?.code).toBe('centre-with-baseline');
    expect(checkSpcOptions([1, 2], { centre: Number.POSITIVE_INFINITY })?.code).toBe('invalid-centre');
    expect(checkSpcOptions([1, 2], { rephaseRun: 0 })?.code).toBe('invalid-rephase-run');
  });

  it('makes analyseSeries throw on options a caller should have checked', () => {
    expect(() => analyseSeries([1, 2, 3], { freeze: 4 })).toThrow('invalid freeze: 4');
  });
});
