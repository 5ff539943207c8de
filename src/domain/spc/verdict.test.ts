import { describe, expect, it } from 'vitest';
import { analyseSeries } from './analyse.js';
import { describeVerdict, describeVerdicts, verdictsOf } from './verdict.js';

const cdi = [17, 12, 27, 20, 20, 18, 22, 19, 19, 24, 17, 16, 24, 19, 19, 22, 25, 19, 17, 6, 25, 17, 11, 14, 9, 11, 7, 13, 5, 5, 3, 5, 9, 4, 5, 9];
const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** Point 1 is January 2018. */
const month = (point: number) => `${months[(point - 1) % 12] ?? '?'} ${2018 + Math.floor((point - 1) / 12)}`;

describe('verdicts in words', () => {
  it('say a long run and too few crossings are not chance, for the cdi series frozen at 24', () => {
    expect(describeVerdicts(analyseSeries(cdi, { freeze: 24 }))).toEqual([
      '15 points in a row below the baseline median: this is not chance.',
      'Too few crossings of the baseline median (8; at least 11 expected): the process has shifted.',
      'Shift: 15 points in a row below the baseline median, points 22–36.',
      '9 runs, within the 9 to 18 expected by chance with 9 points above and 22 below the baseline median.',
    ]);
  });

  it('name months when given a label for each point, and say "since" for a run still going on', () => {
    const sentences = describeVerdicts(analyseSeries(cdi, { freeze: 24 }), month);
    expect(sentences[0]).toBe('15 points in a row below the baseline median since October 2019: this is not chance.');
    expect(sentences[2]).toBe('Shift: 15 points in a row below the baseline median, since October 2019.');
  });

  it('give a finished run its first and last months', () => {
    const sentences = describeVerdicts(analyseSeries(cdi), month);
    expect(sentences).toContain('Shift: 8 points in a row above the median, from March 2018 to October 2018.');
  });

  it('give a finished run that began and ended in one month that month once', () => {
    const sentences = describeVerdicts(analyseSeries(cdi), () => 'May 2019');
    expect(sentences).toContain('Shift: 8 points in a row above the median, in May 2019.');
  });

  it('say only that there are too few points, with the count, below 10 useful points', () => {
    expect(describeVerdicts(analyseSeries([1, 2, 3, 4, 5, 6, 7], { centre: 0 }))).toEqual([
      '10 useful points are needed before these rules can judge; this chart has 7.',
    ]);
    expect(verdictsOf(analyseSeries([1, 5, 5, 5, 9, 5, 1, 9, 5, 1]))).toEqual([{ kind: 'too-few-points', n_useful: 5 }]);
  });

  it('say when runs and crossings are as chance would have them', () => {
    expect(describeVerdicts(analyseSeries([3, 7, 8, 4, 2, 6, 9, 5, 1, 7, 3, 6]))).toEqual([
      'The longest run is 2 points; runs of up to 7 are expected by chance.',
      '7 crossings of the median (at least 3 expected): no sign of a shift.',
      '8 runs, within the 4 to 10 expected by chance with 6 points above and 6 below the median.',
    ]);
  });

  it('say when there are too many runs, and too few', () => {
    const alternating = Array.from({ length: 24 }, (_, index) => (index % 2) + 1);
    expect(describeVerdicts(analyseSeries(alternating))).toContain(
      'Too many runs (24; more than 18 is unusual with 12 points above and 12 below the median): the points alternate more than chance would, as when data from different sources are mixed.',
    );
    const rising = Array.from({ length: 24 }, (_, index) => index + 1);
    expect(describeVerdicts(analyseSeries(rising))).toContain(
      'Too few runs (2; fewer than 8 is unusual with 12 points above and 12 below the median): the process has shifted.',
    );
  });

  it('word a trend with its direction and span', () => {
    expect(describeVerdicts(analyseSeries([1, 2, 3, 4, 5, 6, 2, 5, 2, 5, 2, 5]))).toContain('Trend: 6 points in a row going up, points 1–6.');
  });

  it('call a point beyond 3 sigma a candidate for the team to judge, not a verdict', () => {
    const values = [10, 12, 11, 13, 10, 12, 11, 13, 12, 10, 11, 40, 12, 13, 10];
    expect(describeVerdicts(analyseSeries(values), month)).toContain(
      'December 2018 (point 12) is more than 3 sigma from the mean on an XmR chart: a candidate astronomical point, for the team to judge.',
    );
  });

  it('say when and to what the median is re-phased', () => {
    const signals = [
      9, 22, 19, 18, 8, 7, 11, 11, 11, 12, 2, 8, 9, 6, 7, 11, 11, 11, 21, 12, 21, 12, 21, 13, 5, 6, 4, 15, 12, 7, 14, 7, 9, 13, 13, 7, 5, 4,
      10, 4, 9, 4, 8, 6, 9, 9, 4, 5, 2, 6, 16, 8, 7, 6, 4,
    ];
    expect(describeVerdicts(analyseSeries(signals, { freeze: 9, rephase: true }))).toContain(
      'A sustained shift below the median of 11, points 36–44: the median is re-phased to 6.',
    );
  });

  it('give a re-phased median in words to one decimal place', () => {
    const phase = { type: 'sustained', side: 'below', from: 20, to: 28, median: 76.28571428571429 } as const;
    expect(describeVerdict({ kind: 'rephased', phase, previous_median: 80.55 } as never, { n_obs: 40, cl_basis: 'baseline' } as never)).toBe(
      'A sustained shift below the median of 80.6, points 20–28: the median is re-phased to 76.3.',
    );
  });

  it('count one point, crossing or run in the singular', () => {
    const analysis = { n_obs: 12, cl_basis: 'all points' } as const;
    expect(describeVerdict({ kind: 'longest-run', signal: false, longest_run: 1, longest_run_max: 7, run: null }, analysis)).toBe(
      'The longest run is 1 point; runs of up to 7 are expected by chance.',
    );
    expect(describeVerdict({ kind: 'crossings', signal: false, n_crossings: 1, n_crossings_min: 0 }, analysis)).toBe(
      '1 crossing of the median (at least 0 expected): no sign of a shift.',
    );
  });

  it('call a fixed centre line the centre line', () => {
    const verdict = { kind: 'shift', shift: { from: 1, to: 6, n_points: 6, side: 'above' } } as const;
    expect(describeVerdict(verdict, { n_obs: 9, cl_basis: 'fixed' })).toBe('Shift: 6 points in a row above the centre line, points 1–6.');
  });
});
