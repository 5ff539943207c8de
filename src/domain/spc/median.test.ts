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
});
