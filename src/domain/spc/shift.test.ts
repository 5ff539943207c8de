import { describe, expect, it } from 'vitest';
import { median } from './median.js';
import { findShifts } from './shift.js';

describe('IHI shifts', () => {
  it('find 6 below the median over points 2–8, skipping the point on it, in 10,1,1,1,5,1,1,1,10,10,10,10,10', () => {
    const values = [10, 1, 1, 1, 5, 1, 1, 1, 10, 10, 10, 10, 10];
    expect(median(values)).toBe(5);
    expect(findShifts(values, 5)).toEqual([{ from: 2, to: 8, n_points: 6, side: 'below' }]);
  });

  it('span points 1–8 of 1,1,1,1,1,0,0,1 against a fixed centre line of 0: points on the line neither break nor count', () => {
    expect(findShifts([1, 1, 1, 1, 1, 0, 0, 1], 0)).toEqual([{ from: 1, to: 8, n_points: 6, side: 'above' }]);
  });

  it('end at point 6 of 1,2,3,4,5,6,−1,1,2 against a fixed centre line of 0: a point on the other side breaks a shift', () => {
    expect(findShifts([1, 2, 3, 4, 5, 6, -1, 1, 2], 0)).toEqual([{ from: 1, to: 6, n_points: 6, side: 'above' }]);
  });

  it('skip missing points without breaking the shift', () => {
    expect(findShifts([1, 1, null, 1, 1, null, 1, 1], 0)).toEqual([{ from: 1, to: 8, n_points: 6, side: 'above' }]);
  });

  it('need 6 points: 5 in a row is no shift', () => {
    expect(findShifts([1, 1, 1, 1, 1, -1], 0)).toEqual([]);
  });

  it('report every maximal shift, on either side', () => {
    expect(findShifts([1, 1, 1, 1, 1, 1, -1, -1, -1, -1, -1, -1, -1], 0)).toEqual([
      { from: 1, to: 6, n_points: 6, side: 'above' },
      { from: 7, to: 13, n_points: 7, side: 'below' },
    ]);
  });
});
