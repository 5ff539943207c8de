import { describe, expect, it } from 'vitest';
import { choose } from './binomial.js';

describe('choose', () => {
  it('counts the ways to choose k of n exactly', () => {
    expect(choose(10, 5)).toBe(252n);
    expect(choose(20, 10)).toBe(184756n);
    expect(choose(0, 0)).toBe(1n);
  });

  it('stays exact beyond the range of floating point', () => {
    expect(choose(100, 50)).toBe(100891344545564193334812497256n);
  });

  it('is zero when k is out of range', () => {
    expect(choose(4, -1)).toBe(0n);
    expect(choose(4, 5)).toBe(0n);
    expect(choose(-1, 0)).toBe(0n);
  });
});
