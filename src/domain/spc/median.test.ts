import { describe, expect, it } from 'vitest';
import { median } from './median.js';

describe('median', () => {
  it('is the middle value of an odd count', () => {
    expect(median([27, 12, 17])).toBe(17);
  });

  it('is the mean of the two middle values of an even count', () => {
    expect(median([1, 24, 12, 13])).toBe(12.5);
  });

  it('ignores missing values', () => {
    expect(median([null, 3, null, 1, 2])).toBe(2);
  });

  it('is null when every value is missing, or there are none', () => {
    expect(median([null, null])).toBeNull();
    expect(median([])).toBeNull();
  });

  it('does not reorder the values it is given', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });

  it('gives each series its own median, a long one before short ones or after', () => {
    // 1 000 values 1…1000 in a shuffled order: median 500.5.
    const long = Array.from({ length: 1000 }, (_, i) => ((i * 389) % 1000) + 1);
    expect(median([7, 3, null, 5])).toBe(5);
    expect(median(long)).toBe(500.5);
    expect(median([9, 1])).toBe(5);
    expect(median([null, 4, 8, 6])).toBe(6);
    expect(median([...long, -0, 1001])).toBe(500.5);
    expect(median([2])).toBe(2);
  });
});
