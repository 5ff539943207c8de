import { describe, expect, it } from 'vitest';
import { findTrends } from './trend.js';

describe('IHI trends', () => {
  it('find a trend up over points 1–6 with 5 counted in 1,2,3,3,4,5,1: a repeated value neither counts nor breaks', () => {
    expect(findTrends([1, 2, 3, 3, 4, 5, 1])).toEqual([{ from: 1, to: 6, n_points: 5, direction: 'up' }]);
  });

  it('find no trend in 1,2,3,4,2,3,1,2,3,4', () => {
    expect(findTrends([1, 2, 3, 4, 2, 3, 1, 2, 3, 4])).toEqual([]);
  });

  it('find a trend down over points 1–6 with 5 counted in 5,4,3,3,2,1,1, keeping the first of repeated values', () => {
    expect(findTrends([5, 4, 3, 3, 2, 1, 1])).toEqual([{ from: 1, to: 6, n_points: 5, direction: 'down' }]);
  });

  it('share the turning point between a trend up over 1–5 and a trend down over 5–10 in 1..5 then −1..−5', () => {
    expect(findTrends([1, 2, 3, 4, 5, -1, -2, -3, -4, -5])).toEqual([
      { from: 1, to: 5, n_points: 5, direction: 'up' },
      { from: 5, to: 10, n_points: 6, direction: 'down' },
    ]);
  });

  it('drop missing values, so 1,NA,2,NA,3,NA,4,NA,5 is a trend up over points 1–9', () => {
    expect(findTrends([1, null, 2, null, 3, null, 4, null, 5])).toEqual([{ from: 1, to: 9, n_points: 5, direction: 'up' }]);
  });

  it('compare a value after a missing one with the last value present, dropping it when equal', () => {
    expect(findTrends([1, 2, null, 2, 3, 4, 5])).toEqual([{ from: 1, to: 7, n_points: 5, direction: 'up' }]);
  });

  it('find nothing in a series too short or flat to turn', () => {
    expect(findTrends([])).toEqual([]);
    expect(findTrends([3])).toEqual([]);
    expect(findTrends([3, 3, 3, 3, 3, 3])).toEqual([]);
  });
});
