// A partner's trend chart in a page: drawn for a desk and for a phone, each labelled, as the
// aim's charts are (the stylesheet shows the one that fits: app-css.ts).
import { render } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import type { PartnerTrend } from '../../src/charts/partner-trend-chart.js';
import { PartnerTrendPart } from '../../src/web/views/partner-trend.js';

const drawing = (width: number) => `<svg role="img" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} 250" width="${width}" height="250"><text>60%</text></svg>`;

const trend: PartnerTrend = {
  heading: 'Month by month: % in time',
  svg: drawing(1100),
  smallSvg: drawing(560),
  alt: 'Aim 2, month by month: the percentage in time of the journeys settled in each month',
  shown: 12,
  verdicts: ['No signal yet.'],
  rows: [{ period: 'May 2021', percentage: '60.0%', inTime: '6', n: '10' }],
};

describe("a partner's trend chart", () => {
  it('is drawn 1,100 wide for a desk and 560 wide for a phone, both with the words a reader who cannot see it is given', () => {
    const html = render(PartnerTrendPart({ trend, aimName: 'Aim 2' }));
    const label = 'aria-label="Aim 2, month by month: the percentage in time of the journeys settled in each month"';
    expect(html).toContain(`<div class="pace-chart pace-chart--wide"><svg ${label} role="img" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1100 250"`);
    expect(html).toContain(`<div class="pace-chart pace-chart--narrow"><svg ${label} role="img" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 560 250"`);
  });

  it('draws nothing when every month is hidden', () => {
    expect(render(PartnerTrendPart({ trend: { ...trend, shown: 0 }, aimName: 'Aim 2' }))).not.toContain('<svg');
  });
});
