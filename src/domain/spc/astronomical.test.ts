import { describe, expect, it } from 'vitest';
import { astronomicalCandidates } from './astronomical.js';

describe('astronomical point candidates', () => {
  it('flag a point beyond 3 sigma of the XmR chart', () => {
    // Mean 13; moving ranges 1,1,1,1,1,1,1,1,1,1,29,29 → mean 64/12, sigma ≈ 4.73, limit ≈ 14.2 from the mean.
    const values = [10, 11, 10, 11, 10, 11, 10, 11, 10, 11, 10, 39, 10];
    expect(astronomicalCandidates(values)).toEqual([12]);
  });

  it('flag nothing in a series that varies steadily', () => {
    expect(astronomicalCandidates([10, 12, 11, 13, 10, 12, 11, 13, 12, 10])).toEqual([]);
  });

  it('take moving ranges only between neighbours both present', () => {
    // Mean 1.4. Moving ranges 1,1,1: sigma ≈ 0.89, so 5 (3.6 from the mean) is beyond 2.66. Had the gap
    // been bridged, the range 1→5 would widen sigma to ≈ 1.55 and the limit to 4.65.
    expect(astronomicalCandidates([0, 1, 0, 1, null, 5])).toEqual([6]);
  });

  it('flag nothing without two neighbouring points, or without variation between neighbours', () => {
    expect(astronomicalCandidates([5])).toEqual([]);
    expect(astronomicalCandidates([5, null, 9])).toEqual([]);
    expect(astronomicalCandidates([5, 5, null, 9, 9])).toEqual([]);
  });
});
