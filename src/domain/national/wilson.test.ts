import { describe, expect, it } from 'vitest';
import { wilsonInterval } from './wilson.js';

// Hand-computed with z = 1.96, p̂ = x/n: centre = (p̂ + z²/2n)/(1 + z²/n),
// half-width = z/(1 + z²/n) · √(p̂(1−p̂)/n + z²/4n²).
const percent = (interval: { lower: number; upper: number } | null) => interval && [Math.round(interval.lower * 1000) / 10, Math.round(interval.upper * 1000) / 10];

describe('the Wilson score interval', () => {
  it('for 7 of 10 is 39.7% to 89.2%', () => {
    // centre 0.89208/1.38416 = 0.64449, half-width 1.41602 × √0.030604 = 0.24772.
    expect(percent(wilsonInterval(7, 10))).toEqual([39.7, 89.2]);
  });

  it('for 12 of 20 is 38.7% to 78.1%', () => {
    // centre 0.69604/1.19208 = 0.58389, half-width 1.64419 × √0.014401 = 0.19731.
    expect(percent(wilsonInterval(12, 20))).toEqual([38.7, 78.1]);
  });

  it('for 50 of 100 is 40.4% to 59.6%, symmetric about a half', () => {
    // centre 0.5, half-width 1.88749 × √0.00259604 = 0.09617.
    expect(percent(wilsonInterval(50, 100))).toEqual([40.4, 59.6]);
  });

  it('stays inside 0–100%: 0 of 10 is 0% to 27.8%, 10 of 10 is 72.2% to 100%', () => {
    // centre = half-width = 0.19208/1.38416 = 0.13877.
    expect(percent(wilsonInterval(0, 10))).toEqual([0, 27.8]);
    expect(percent(wilsonInterval(10, 10))).toEqual([72.2, 100]);
  });

  it('has no interval when there is nobody to count', () => {
    expect(wilsonInterval(0, 0)).toBeNull();
  });

  it('refuses more successes than trials', () => {
    expect(() => wilsonInterval(3, 2)).toThrow('0 ≤ successes ≤ n');
  });
});
