import { describe, expect, it } from 'vitest';
import { breakdownChartSvg, breakdownTable, type BreakdownChartInput } from './breakdown-chart.js';
import type { PublishedBreakdown, PublishedGroup } from '../domain/published-breakdown.js';
import { svgToPng } from './render.js';

const rows: BreakdownChartInput['rows'] = [
  { label: 'Under 1', percentage: null, interval: null, text: 'no percentage yet' },
  { label: '1–4', percentage: 100, interval: { lower: 67.6, upper: 100 }, text: '100.0% (8 of 8)' },
  { label: '12–15', percentage: 0, interval: { lower: 0, upper: 39 }, text: '0.0% (0 of 6)' },
  { label: 'The Permanence and Care Excellence Team of the North East', percentage: 57.1, interval: { lower: 25, upper: 84.2 }, text: '57.1% (4 of 7)' },
];
const input: BreakdownChartInput = { rows, overall: { percentage: 62.5, label: 'All children: 62.5%' }, label: 'Aim 2 by age band: a dot chart', layout: 'wide' };

function count(svg: string, pattern: RegExp): number {
  return svg.match(pattern)?.length ?? 0;
}

describe("the dot chart of an aim's breakdown", () => {
  const wide = breakdownChartSvg(input);
  const narrow = breakdownChartSvg({ ...input, layout: 'narrow' });

  it('draws one dot a group with a percentage, naming it and its figures on hover, and none for a group without', () => {
    for (const svg of [wide, narrow]) {
      expect(count(svg, /<circle /g)).toBe(3);
      expect(svg).toContain('<title>12–15: 0.0% (0 of 6)</title>');
      expect(svg).not.toContain('<title>Under 1');
      expect(svg).toContain('>no percentage yet</text>');
    }
  });

  it("draws each group's interval with a tick at each end, and all children as a labelled dashed line", () => {
    // Three intervals: a line each, and two ticks each.
    expect(count(wide, /<path [^>]*d="M[\d.]+,[\d.]+L[\d.]+,[\d.]+"/g)).toBeGreaterThanOrEqual(9);
    expect(wide).toContain('stroke-dasharray="6,4"');
    expect(wide).toContain('>All children: 62.5%</text>');
  });

  it('cuts a name too long for its column with an ellipsis, keeping the whole name on hover', () => {
    expect(wide).toMatch(/>The Permanence and Care Excellen[^<]*…<title>The Permanence and Care Excellence Team of the North East<\/title>/);
    expect(narrow).toMatch(/>The Permanence and[^<]*…<title>/);
  });

  it('is a picture with a label for those who cannot see it', () => {
    expect(wide).toMatch(/^<svg [^>]*role="img"/);
    expect(wide).toContain('aria-label="Aim 2 by age band: a dot chart"');
  });

  it('draws no line for all children when there is no percentage for them', () => {
    expect(breakdownChartSvg({ ...input, overall: null })).not.toContain('stroke-dasharray="6,4"');
  });

  it('matches the committed snapshot, and draws as a PNG', async () => {
    await expect(wide).toMatchFileSnapshot('__snapshots__/breakdown-chart.svg');
    expect(svgToPng(wide).subarray(1, 4).toString()).toBe('PNG');
    expect(svgToPng(narrow).subarray(1, 4).toString()).toBe('PNG');
  });
});

describe("the table of an aim's breakdown", () => {
  const group = (key: string, counts: PublishedGroup['counts'], percentage: number | null, percentageHidden: boolean, medianWeeks: number | null, medianHidden: boolean): PublishedGroup => ({
    key,
    name: null,
    counts,
    percentage,
    interval: percentage === null ? null : { lower: 38.64, upper: 81.52 },
    percentageHidden,
    medianWeeks,
    medianHidden,
    completed: null,
  });
  const published: PublishedBreakdown = {
    dimension: 'age',
    suppressed: true,
    threshold: 5,
    groups: [group('under-1', { in_time: '[c]', late: '[c]', overdue: '[c]', left_late: '[c]', n: '[c]', waiting: '[c]', left_early: '[c]' }, null, true, null, true)],
    all: group('all', { in_time: 10, late: '[c]', overdue: '[c]', left_late: '[c]', n: 16, waiting: '[c]', left_early: '[c]' }, 62.5, false, 13, false),
  };

  it('writes [c] for a hidden count and "suppressed" for a hidden figure, rounded to one decimal', () => {
    expect(breakdownTable(published, (g) => (g.key === 'all' ? 'All children' : 'Under 1'))).toEqual({
      columns: ['group', 'in_time', 'late', 'overdue', 'left_late', 'n', 'waiting', 'left_early', 'percent_in_time', 'ci95_lower', 'ci95_upper', 'median_weeks'],
      rows: [
        ['Under 1', '[c]', '[c]', '[c]', '[c]', '[c]', '[c]', '[c]', 'suppressed', 'suppressed', 'suppressed', 'suppressed'],
        ['All children', 10, '[c]', '[c]', '[c]', 16, '[c]', '[c]', 62.5, 38.6, 81.5, 13],
      ],
    });
  });
});
