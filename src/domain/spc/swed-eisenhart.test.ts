import { describe, expect, it } from 'vitest';
import { runsDistribution, runsLimits } from './swed-eisenhart.js';

/** P(R ≤ r) for r = 2, 3, …, rounded to 3 decimals as published tables print it. */
function cumulativeFrom2(nAbove: number, nBelow: number, count: number): number[] {
  const { orders, total } = runsDistribution(nAbove, nBelow);
  let cumulative = 0n;
  const result = orders.map((ways) => {
    cumulative += ways;
    return Math.round((Number(cumulative) / Number(total)) * 1000) / 1000;
  });
  return result.slice(2, 2 + count);
}

describe('the Swed–Eisenhart distribution of the number of runs', () => {
  it('accounts for every order of the points exactly once', () => {
    for (const [a, b] of [[5, 5], [3, 10], [12, 19], [1, 7], [0, 4]] as const) {
      const { orders, total } = runsDistribution(a, b);
      expect(orders.reduce((sum, ways) => sum + ways, 0n)).toBe(total);
    }
  });

  it('matches the published cumulative probabilities for 5 and 5, 4 and 6, 3 and 10, 5 and 10', () => {
    // Walpole, Myers, Myers & Ye, Probability and Statistics for Engineers and Scientists, Table A.18.
    expect(cumulativeFrom2(5, 5, 9)).toEqual([0.008, 0.04, 0.167, 0.357, 0.643, 0.833, 0.96, 0.992, 1]);
    expect(cumulativeFrom2(4, 6, 8)).toEqual([0.01, 0.048, 0.19, 0.405, 0.69, 0.881, 0.976, 1]);
    expect(cumulativeFrom2(3, 10, 6)).toEqual([0.007, 0.045, 0.171, 0.455, 0.706, 1]);
    expect(cumulativeFrom2(5, 10, 9)).toEqual([0.001, 0.005, 0.029, 0.095, 0.239, 0.455, 0.678, 0.874, 0.958]);
  });

  it('is a single run when every useful point is on one side', () => {
    expect(runsDistribution(0, 4)).toEqual({ orders: [0n, 1n, 0n, 0n, 0n], total: 1n });
  });
});

describe('the two-sided 5% limits for the number of runs', () => {
  it('are 3 and 9 for 10 useful points split 5 and 5 (Perla, Provost & Murray 2011, Table 1)', () => {
    expect(runsLimits(5, 5)).toEqual([3, 9]);
  });

  it('flag exactly the Swed–Eisenhart critical values for even splits: 2|10, 3|13, 6|16, 7|19, 10|22, 14|28', () => {
    // The published tables list the flagged counts (r ≤ lower, r ≥ upper); the limits here are one inside them.
    const published: [number, number, number][] = [[5, 2, 10], [7, 3, 13], [10, 6, 16], [12, 7, 19], [15, 10, 22], [20, 14, 28]];
    for (const [half, tooFew, tooMany] of published) expect(runsLimits(half, half)).toEqual([tooFew + 1, tooMany - 1]);
  });

  it('are 7 and 15 for 20 useful points split 10 and 10, so 6 runs are too few and 16 too many', () => {
    expect(runsLimits(10, 10)).toEqual([7, 15]);
  });

  it('agree with the rows of Perla Table 1 that assume an even split, where the exact tails allow', () => {
    const table: [number, number, number][] = [[10, 3, 9], [14, 4, 12], [16, 5, 13], [18, 6, 14], [19, 6, 15], [24, 8, 18], [30, 11, 21], [31, 11, 22]];
    for (const [n, lower, upper] of table) expect(runsLimits(Math.ceil(n / 2), Math.floor(n / 2))).toEqual([lower, upper]);
  });

  it('do not flag a tail of 0.02506, just over 2.5% (7 and 7, 4 runs)', () => {
    // P(R ≤ 4) = 86/3432: a floating-point comparison could go either way; whole numbers cannot.
    const { orders, total } = runsDistribution(7, 7);
    expect((orders[2] as bigint) + (orders[3] as bigint) + (orders[4] as bigint)).toBe(86n);
    expect(total).toBe(3432n);
    expect(runsLimits(7, 7)[0]).toBe(4);
  });

  it('use the actual split, which is narrower when it is uneven', () => {
    expect(runsLimits(9, 22)).toEqual([9, 18]);
    expect(runsLimits(16, 15)).toEqual([11, 22]);
  });

  it('are both 1 when every useful point is on one side', () => {
    expect(runsLimits(12, 0)).toEqual([1, 1]);
  });

  it('refuse a negative count', () => {
    expect(() => runsLimits(-1, 3)).toThrow(RangeError);
  });
});

describe('limits for long series', () => {
  /** The limits summed on whole numbers, whatever the length. */
  function wholeNumberLimits(nAbove: number, nBelow: number): [number, number] {
    const { orders, total } = runsDistribution(nAbove, nBelow);
    let lower = 0;
    for (let c = 0n; lower < orders.length; lower += 1) {
      c += orders[lower] as bigint;
      if (c * 40n > total) break;
    }
    let upper = orders.length - 1;
    for (let c = 0n; upper >= 0; upper -= 1) {
      c += orders[upper] as bigint;
      if (c * 40n > total) break;
    }
    return [lower, upper];
  }

  it('are the same as the whole-number limits, split evenly or not', () => {
    for (const [above, below] of [[201, 200], [250, 300], [400, 17], [500, 500], [1000, 3], [700, 900]] as const) {
      expect(runsLimits(above, below)).toEqual(wholeNumberLimits(above, below));
    }
  });
});
