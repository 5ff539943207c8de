/**
 * The waiting chart (docs/domain.md, "Supplementary bar chart"): one bar a child still waiting, the
 * weeks waited so far as at the report date, longest first, labelled with the weeks and where the
 * child lives now, with the aim line. Overdue bars are darker and say so.
 */
import * as Plot from '@observablehq/plot';
import { fontFamily, palette, renderSvg, type ChartLinks } from './render.js';

export interface WaitingBarInput {
  readonly childId: string;
  readonly weeks: number;
  readonly overdue: boolean;
  /** Plain words: "residential care". */
  readonly placementLabel: string;
}

export interface WaitingChartInput {
  /** Longest first. */
  readonly bars: readonly WaitingBarInput[];
  readonly aimWeeks: number | null;
  readonly aimLabel: string;
  /** Each bar a link to its child (on a page); none in a download or a report. */
  readonly links?: ChartLinks;
}

/** More bars than this and the chart shows the longest waits; the table beside it lists everyone. */
export const maxWaitingBars = 60;

/** The waiting chart as SVG. */
export function waitingChartSvg(input: WaitingChartInput): string {
  const shown = input.bars.slice(0, maxWaitingBars).map((b) => ({
    ...b,
    label: `${Math.floor(b.weeks)} weeks, ${b.placementLabel}${b.overdue ? ' (overdue)' : ''}`,
    title: `${b.childId}: ${b.weeks.toFixed(1)} weeks waiting, ${b.placementLabel}${b.overdue ? ', overdue' : ''}`,
    href: input.links ? input.links.hrefOf(b.childId) : null,
  }));
  const hidden = input.bars.length - shown.length;
  const maxWeeks = Math.max(input.aimWeeks ?? 0, ...shown.map((b) => b.weeks), 1);
  const marks: Plot.Markish[] = [
    Plot.barX(shown, { y: 'childId', x: 'weeks', fill: (d: { overdue: boolean }) => (d.overdue ? palette.darkBlue : palette.blue), title: 'title', sort: { y: '-x' }, ...(input.links ? { href: 'href', ariaLabel: 'title' } : {}) }),
    Plot.text(shown, { y: 'childId', x: 'weeks', text: 'label', textAnchor: 'start', dx: 4, fill: 'currentColor' }),
    Plot.ruleX([0]),
  ];
  if (input.aimWeeks !== null) {
    marks.push(Plot.ruleX([input.aimWeeks], { stroke: palette.red, strokeWidth: 1.5 }));
    marks.push(Plot.text([input.aimLabel], { x: input.aimWeeks, frameAnchor: 'top', dy: -14, fill: palette.red }));
  }
  if (shown.length === 0) marks.push(Plot.text(['Nobody is waiting'], { frameAnchor: 'middle', fill: palette.grey, fontSize: 14 }));
  const caption = hidden > 0 ? `The ${shown.length} longest waits of ${input.bars.length}; the table lists all ${input.bars.length}.` : null;
  if (caption) marks.push(Plot.text([caption], { frameAnchor: 'bottom-left', dy: 30, textAnchor: 'start', fill: palette.grey }));
  return renderSvg({
    width: 760,
    height: Math.max(120, 40 + shown.length * 18 + (caption ? 30 : 0) + 30),
    marginLeft: 90,
    marginRight: 200,
    marginTop: 30,
    marginBottom: caption ? 60 : 36,
    style: { fontFamily, fontSize: '11px' },
    x: { label: 'Weeks waiting so far', grid: true, domain: [0, maxWeeks * 1.05], nice: true },
    y: { label: null, ...(shown.length === 0 ? { domain: [''] } : {}) },
    marks,
  }, input.links ? { label: input.links.label } : null);
}
