import { describe, expect, it } from 'vitest';
import { funnelCurve, funnelLimits, funnelPosition } from './funnel.js';

const rounded = (limits: { lower: number; upper: number }) => [Math.round(limits.lower * 10000) / 10000, Math.round(limits.upper * 10000) / 10000];

describe('funnel plot limits', () => {
  it('are p ± 1.96·√(p(1−p)/n) for 95%: around 50% at n = 100, 40.2% to 59.8%', () => {
    // √(0.25/100) = 0.05; × 1.96 = 0.098.
    expect(rounded(funnelLimits(0.5, 100, 1.96))).toEqual([0.402, 0.598]);
  });

  it('are p ± 3.09·√(p(1−p)/n) for 99.8%: around 50% at n = 100, 34.55% to 65.45%', () => {
    expect(rounded(funnelLimits(0.5, 100, 3.09))).toEqual([0.3455, 0.6545]);
  });

  it('around 70% at n = 25: 52.04%–87.96% (95%) and 41.68%–98.32% (99.8%)', () => {
    // √(0.21/25) = 0.0916515; × 1.96 = 0.179637; × 3.09 = 0.283203.
    expect(rounded(funnelLimits(0.7, 25, 1.96))).toEqual([0.5204, 0.8796]);
    expect(rounded(funnelLimits(0.7, 25, 3.09))).toEqual([0.4168, 0.9832]);
  });

  it('are clamped to 0–100%: around 90% at n = 4 the 99.8% upper limit would be 136%', () => {
    // √(0.09/4) = 0.15; × 3.09 = 0.4635.
    expect(rounded(funnelLimits(0.9, 4, 3.09))).toEqual([0.4365, 1]);
  });

  it('narrow as n grows, drawn from n = 1 to the largest authority', () => {
    const curve = funnelCurve(0.5, 400, 1.96);
    expect(curve[0]).toMatchObject({ n: 1 });
    expect(curve.at(-1)).toMatchObject({ n: 400 });
    for (let i = 1; i < curve.length; i++) expect((curve[i]?.upper ?? 0) <= (curve[i - 1]?.upper ?? 0)).toBe(true);
  });

  it('place an authority above, within or below them; on a limit is within', () => {
    // Around 50% at n = 100: 95% limits 40.2–59.8, 99.8% limits 34.55–65.45.
    expect(funnelPosition(0.5, 70, 100)).toBe('above-99.8');
    expect(funnelPosition(0.5, 62, 100)).toBe('above-95');
    expect(funnelPosition(0.5, 50, 100)).toBe('within');
    expect(funnelPosition(0.5, 38, 100)).toBe('below-95');
    expect(funnelPosition(0.5, 30, 100)).toBe('below-99.8');
    // Around 50% at n = 4 the 95% limits are 0.5 ± 0.49 = 1% to 99%, and 0 or 4 of 4 fall outside.
    expect(funnelPosition(0.5, 4, 4)).toBe('above-95');
  });
});
