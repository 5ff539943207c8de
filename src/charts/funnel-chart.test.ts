import { describe, expect, it } from 'vitest';
import { funnelChartSvg, type FunnelChartInput } from './funnel-chart.js';
import { svgToPng } from './render.js';

const input: FunnelChartInput = {
  rate: 0.56,
  dots: [
    { name: 'Alpha Council', n: 20, percentage: 60 },
    { name: 'Delta Council', n: 140, percentage: 72 },
    { name: 'Epsilon Council', n: 60, percentage: 30 },
    { name: 'Zeta Council', n: 62, percentage: 31 },
  ],
  hidden: ['Beta Council', 'Gamma Council'],
};

describe('the funnel plot', () => {
  const svg = funnelChartSvg(input);

  it('draws one dot an authority, naming it with its percentage and n on hover', () => {
    expect(svg.match(/<circle/g)?.length).toBe(4);
    expect(svg).toContain('<title>Delta Council: 72.0% in time of 140</title>');
  });

  it('labels each authority, the national line and both limits, and names those left off', () => {
    for (const label of ['Alpha Council', 'Zeta Council', 'All authorities: 56.0%', '95% limits', '99.8% limits']) expect(svg).toContain(`>${label}</text>`);
    expect(svg).toContain('Not shown, their numbers being too small to publish: Beta Council, Gamma Council');
  });

  it('keeps labels of authorities with nearly the same percentage apart', () => {
    // Epsilon (30%) and Zeta (31%) would overlap; the chart is 400 px high with 336 px for 0–100%.
    const y = (name: string) => Number(new RegExp(`transform="translate\\([\\d.]+,([\\d.]+)\\)"[^>]*>${name}<`).exec(svg)?.[1]);
    expect(Math.abs(y('Epsilon Council') - y('Zeta Council'))).toBeGreaterThanOrEqual(12.9);
  });

  it('says when the national rate cannot be published, and draws no limits', () => {
    const none = funnelChartSvg({ rate: null, dots: [], hidden: [] });
    expect(none).toContain('The national rate is not published: its numbers are too small');
    expect(none).not.toContain('limits');
  });

  it('matches the committed snapshot, and draws as a PNG', async () => {
    await expect(svg).toMatchFileSnapshot('__snapshots__/funnel-chart.svg');
    expect(svgToPng(svg).subarray(1, 4).toString()).toBe('PNG');
  });
});
