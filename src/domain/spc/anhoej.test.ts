import { describe, expect, it } from 'vitest';
import { anhoejRules, crossingsMin, longestRunMax } from './anhoej.js';
import { median } from './median.js';

const cdi = [17, 12, 27, 20, 20, 18, 22, 19, 19, 24, 17, 16, 24, 19, 19, 22, 25, 19, 17, 6, 25, 17, 11, 14, 9, 11, 7, 13, 5, 5, 3, 5, 9, 4, 5, 9];

function againstMedian(values: readonly (number | null)[]) {
  return anhoejRules(values, median(values) as number);
}

describe('Anhøj critical values', () => {
  it('match the published table for 10 to 40 useful points', () => {
    const n = Array.from({ length: 31 }, (_, index) => index + 10);
    expect(n.map(longestRunMax)).toEqual([6, 6, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8]);
    expect(n.map(crossingsMin)).toEqual([2, 2, 3, 3, 4, 4, 4, 5, 5, 6, 6, 6, 7, 7, 8, 8, 8, 9, 9, 10, 10, 11, 11, 11, 12, 12, 13, 13, 14, 14, 14]);
  });

  it('round log2 of the useful points as floating point does, at every power-of-two boundary up to 2^20', () => {
    // R rounds halves to even, JavaScript up; log2(n) is never a half-integer for whole n, so they agree.
    for (let n = 1; n <= 1 << 20; n = n < 64 ? n + 1 : Math.floor(n * 1.37)) {
      expect(longestRunMax(n)).toBe(Math.round(Math.log2(n)) + 3);
    }
    for (let k = 1; k <= 20; k += 1) {
      const boundary = Math.SQRT2 * 2 ** k;
      for (const n of [Math.floor(boundary), Math.ceil(boundary)]) expect(longestRunMax(n)).toBe(Math.round(Math.log2(n)) + 3);
    }
  });

  it('take the fewest crossings as the 5% quantile of Binomial(n − 1, ½), ties included', () => {
    // n = 5: P(X ≤ 0) = 1/16 = 0.0625 ≥ 0.05, so 0. n = 6: P(X ≤ 0) = 1/32 < 0.05, P(X ≤ 1) = 6/32, so 1.
    expect(crossingsMin(5)).toBe(0);
    expect(crossingsMin(6)).toBe(1);
    expect(crossingsMin(1)).toBe(0);
  });

  it('compute exactly for long series', () => {
    // The normal approximation puts the 5% point at 499.5 − 1.645 × 15.8 ≈ 473.5.
    expect(crossingsMin(1000)).toBe(474);
    expect(longestRunMax(1000)).toBe(13);
  });

  it('refuse a count that is not a positive whole number', () => {
    expect(() => longestRunMax(0)).toThrow(RangeError);
    expect(() => crossingsMin(2.5)).toThrow(RangeError);
  });
});

describe('Anhøj rules on the public test vectors', () => {
  it('find a long run and too few crossings in the cdi series against the median of all points', () => {
    expect(againstMedian(cdi)).toEqual({ n_useful: 32, longest_run: 14, longest_run_max: 8, n_crossings: 6, n_crossings_min: 11, signal: true });
  });

  it('find a run of 15 below the baseline median in the cdi series frozen at 24 points', () => {
    const cl = median(cdi.slice(0, 24)) as number;
    expect(cl).toBe(19);
    expect(anhoejRules(cdi, cl)).toEqual({ n_useful: 31, longest_run: 15, longest_run_max: 8, n_crossings: 8, n_crossings_min: 11, signal: true });
  });

  it('signal on 1 to 24, which crosses its median once', () => {
    const values = Array.from({ length: 24 }, (_, index) => index + 1);
    expect(median(values)).toBe(12.5);
    expect(againstMedian(values)).toMatchObject({ longest_run: 12, n_crossings: 1, signal: true });
  });

  it('do not signal on 1, 2 repeated 12 times, which crosses every time (there is no too-many-crossings rule)', () => {
    const values = Array.from({ length: 24 }, (_, index) => (index % 2) + 1);
    expect(median(values)).toBe(1.5);
    expect(againstMedian(values)).toMatchObject({ longest_run: 1, n_crossings: 23, signal: false });
  });

  it('count only the 5 points off the median in 1,5,5,5,9,5,1,9,5,1 and find no signal', () => {
    const values = [1, 5, 5, 5, 9, 5, 1, 9, 5, 1];
    expect(median(values)).toBe(5);
    expect(againstMedian(values)).toEqual({ n_useful: 5, longest_run: 1, longest_run_max: 5, n_crossings: 4, n_crossings_min: 0, signal: false });
  });

  it('give no limits and no signal when no point is off the centre line', () => {
    expect(anhoejRules([5, null, 5], 5)).toEqual({ n_useful: 0, longest_run: 0, longest_run_max: null, n_crossings: 0, n_crossings_min: null, signal: false });
  });
});

describe('fewest crossings for long series', () => {
  /** The whole-number answer, whatever the length. */
  function wholeNumberCrossingsMin(nUseful: number): number {
    const trials = nUseful - 1;
    const outcomes = 2n ** BigInt(trials);
    let ways = 1n;
    let cumulative = 0n;
    for (let k = 0; ; k += 1) {
      cumulative += ways;
      if (cumulative * 20n >= outcomes) return k;
      ways = (ways * BigInt(trials - k)) / BigInt(k + 1);
    }
  }

  it('is the same as the whole-number answer', () => {
    for (const n of [402, 500, 777, 1000, 2501, 4000]) expect(crossingsMin(n)).toBe(wholeNumberCrossingsMin(n));
  });
});
