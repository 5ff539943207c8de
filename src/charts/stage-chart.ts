/**
 * The stage view: for each step on the path to permanence, the median days (bar) with the middle
 * half of journeys (the line from the lower to the upper quartile), and how many journeys it
 * rests on. Where the longest bar is, the delay sits.
 */
import * as Plot from '@observablehq/plot';
import { fontFamily, palette, renderSvg } from './render.js';
import { formatCount } from '../domain/round.js';

export interface StageInput {
  /** "Recommendation → Panel". */
  readonly label: string;
  readonly n: number;
  readonly medianDays: number | null;
  readonly q1Days: number | null;
  readonly q3Days: number | null;
}

/**
 * The stage view as SVG: weeks, as the programme counted. A `small` drawing (a phone's) is 560
 * wide, each stage's name written above its bar rather than beside it.
 */
export function stageChartSvg(stages: readonly StageInput[], size: 'full' | 'small' = 'full'): string {
  const rows = stages.map((s) => ({
    ...s,
    medianWeeks: s.medianDays === null ? 0 : s.medianDays / 7,
    q1Weeks: s.q1Days === null ? null : s.q1Days / 7,
    q3Weeks: s.q3Days === null ? null : s.q3Days / 7,
    text: s.medianDays === null ? 'no journeys yet' : `median ${(s.medianDays / 7).toFixed(1)} weeks (n = ${formatCount(s.n)})`,
  }));
  const withRange = rows.filter((r) => r.q1Weeks !== null && r.q3Weeks !== null);
  const maxWeeks = Math.max(1, ...rows.map((r) => r.q3Weeks ?? r.medianWeeks));
  const small = size === 'small';
  // On a phone each stage's band holds its name above and its bar below: the bar's marks sit lower by `dy`.
  const layout = small
    ? { width: 560, rowHeight: 56, marginLeft: 12, marginRight: 200, insetTop: 28, dy: 11 }
    : // The page's full content width, and text of 13 px there (as the run and waiting charts).
      { width: 1100, rowHeight: 34, marginLeft: 280, marginRight: 240, insetTop: 6, dy: 0 };
  const { dy } = layout;
  return renderSvg({
    width: layout.width,
    height: 60 + rows.length * layout.rowHeight,
    marginLeft: layout.marginLeft,
    marginRight: layout.marginRight,
    style: { fontFamily, fontSize: '13px' },
    x: { label: 'Weeks between milestones', grid: true, domain: [0, maxWeeks * 1.05], nice: true },
    y: { label: null, domain: rows.map((r) => r.label), ...(small ? { axis: null } : {}) },
    marks: [
      Plot.barX(rows, { y: 'label', x: 'medianWeeks', fill: palette.blue, insetTop: layout.insetTop, insetBottom: 6 }),
      Plot.link(withRange, { y1: 'label', y2: 'label', x1: 'q1Weeks', x2: 'q3Weeks', stroke: palette.darkBlue, strokeWidth: 2, dy }),
      Plot.tickX(withRange, { y: 'label', x: 'q1Weeks', stroke: palette.darkBlue, insetTop: layout.insetTop, insetBottom: 6 }),
      Plot.tickX(withRange, { y: 'label', x: 'q3Weeks', stroke: palette.darkBlue, insetTop: layout.insetTop, insetBottom: 6 }),
      Plot.text(rows, { y: 'label', x: (r: { q3Weeks: number | null; medianWeeks: number }) => Math.max(r.q3Weeks ?? 0, r.medianWeeks), text: 'text', textAnchor: 'start', dx: 6, dy }),
      ...(small ? [Plot.text(rows, { y: 'label', x: 0, text: 'label', textAnchor: 'start', dy: -14, fontWeight: 'bold' })] : []),
      Plot.ruleX([0]),
    ],
  });
}
