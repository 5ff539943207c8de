import { describe, expect, it } from 'vitest';
import { rephase } from './rephase.js';

// runcharter's own test data.
const signals = [
  9, 22, 19, 18, 8, 7, 11, 11, 11, 12, 2, 8, 9, 6, 7, 11, 11, 11, 21, 12, 21, 12, 21, 13, 5, 6, 4, 15, 12, 7, 14, 7, 9, 13, 13, 7, 5, 4,
  10, 4, 9, 4, 8, 6, 9, 9, 4, 5, 2, 6, 16, 8, 7, 6, 4,
];

describe('rephasing after a sustained shift', () => {
  it('re-phases runcharter test data from a baseline median of 11 (points 1–9) to 6 over points 36–44', () => {
    expect(rephase(signals, { baselineLength: 9 })).toEqual([
      { type: 'baseline', median: 11, from: 1, to: 9, extended_to: 35 },
      { type: 'sustained', median: 6, from: 36, to: 44, extended_to: 55, side: 'below' },
    ]);
  });

  it('looks only on the side asked for', () => {
    expect(rephase(signals, { baselineLength: 9, side: 'above' })).toEqual([{ type: 'baseline', median: 11, from: 1, to: 9, extended_to: 55 }]);
    expect(rephase(signals, { baselineLength: 9, side: 'below' })).toHaveLength(2);
  });

  it('restarts the search after the ninth point, against the new median', () => {
    const values = [5, 5, 5, ...Array<number>(9).fill(10), 10, 10, ...Array<number>(9).fill(20)];
    expect(rephase(values, { baselineLength: 3 })).toEqual([
      { type: 'baseline', median: 5, from: 1, to: 3, extended_to: 3 },
      { type: 'sustained', median: 10, from: 4, to: 12, extended_to: 14, side: 'above' },
      { type: 'sustained', median: 20, from: 15, to: 23, extended_to: 23, side: 'above' },
    ]);
  });

  it('skips points on the current median and missing points without breaking the run, drawing the median from the useful points', () => {
    const values = [5, 5, 5, 1, 2, 5, null, 3, 1, 2, 3, 1, 2, 3];
    expect(rephase(values, { baselineLength: 3 })).toEqual([
      { type: 'baseline', median: 5, from: 1, to: 3, extended_to: 3 },
      { type: 'sustained', median: 2, from: 4, to: 14, extended_to: 14, side: 'below' },
    ]);
  });

  it('takes a shorter run length when asked', () => {
    expect(rephase([5, 5, 1, 1, 1], { baselineLength: 2, runLength: 3 })).toEqual([
      { type: 'baseline', median: 5, from: 1, to: 2, extended_to: 2 },
      { type: 'sustained', median: 1, from: 3, to: 5, extended_to: 5, side: 'below' },
    ]);
  });

  it('has no phases when the baseline has no values', () => {
    expect(rephase([null, null, 1, 2], { baselineLength: 2 })).toEqual([]);
  });

  it('refuses a baseline longer than the series', () => {
    expect(() => rephase([1, 2], { baselineLength: 3 })).toThrow(RangeError);
  });
});
