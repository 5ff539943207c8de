/**
 * The dot chart of an aim's breakdown (docs/decisions/0026-breakdowns.md): one row a group, its
 * percentage in time as a dot and its 95% interval as a line across it with a tick at each end, and
 * the aim's percentage for all children as a dashed line down the chart, so that a group whose line
 * lies wholly to one side of another's stands out. Wide (the page at a desk, and the downloads):
 * the groups' names in a column on the left and the figures on the right. Narrow (a phone): each
 * group's name and figures above its line, so the text stays a readable size on a small screen.
 */
import * as Plot from '@observablehq/plot';
import type { PublishedBreakdown, PublishedGroup } from '../domain/published-breakdown.js';
import { breakdownCountColumns } from '../domain/published-breakdown.js';
import { roundTo } from '../domain/round.js';
import type { ChartTable } from './aim-charts.js';
import { fontFamily, palette, renderSvg } from './render.js';

export interface BreakdownRow {
  /** "12–15", "Foster care", "North". */
  readonly label: string;
  /** 0–100; null draws no dot (no percentage, or one not shown). */
  readonly percentage: number | null;
  readonly interval: { readonly lower: number; readonly upper: number } | null;
  /** The figures beside the row: "62.5% (5 of 8)", "no percentage yet". */
  readonly text: string;
}

export interface BreakdownChartInput {
  readonly rows: readonly BreakdownRow[];
  /** The aim's percentage for all children, and its label; null when there is none to show. */
  readonly overall: { readonly percentage: number; readonly label: string } | null;
  /** What the chart shows, for those who cannot see it: its title and how to read it. */
  readonly label: string;
  readonly layout: 'wide' | 'narrow';
}

/** Text of 13 px wide, as the aim's other charts at the page's full width; 14 px narrow, shown at about 0.9 of its size on a phone. */
const fontPx = { wide: 13, narrow: 14 } as const;

/** Plot measures text in Helvetica's widths; DejaVu Sans, the charts' font, is wider by about this much. */
const dejaVuWider = 1.15;

/** The line width, in ems as Plot counts them, of text of `font` px that must fit in `pixels` (bold text is wider still). */
function ems(pixels: number, font: number, bold = false): number {
  return pixels / font / dejaVuWider / (bold ? 1.1 : 1);
}

/** The dot chart as SVG. */
export function breakdownChartSvg(input: BreakdownChartInput): string {
  return input.layout === 'wide' ? wide(input) : narrow(input);
}

function wide(input: BreakdownChartInput): string {
  const width = 1100;
  const rowHeight = 34;
  const marginTop = 34;
  const marginBottom = 44;
  // The names' column as wide as the longest name needs (about 0.6 em a letter), within limits; a longer name is cut with an ellipsis.
  const font = fontPx.wide;
  const marginLeft = Math.round(Math.min(300, Math.max(110, Math.max(...input.rows.map((r) => r.label.length), 4) * font * 0.6 + 24)));
  const marginRight = 200;
  const plotHeight = Math.max(1, input.rows.length) * rowHeight;
  const rows = input.rows.map((r, i) => ({ ...r, y: i * rowHeight + rowHeight / 2 }));
  const marks = markCommon(rows, input.overall, { plotHeight, tick: 7, dotRadius: 5.5, overallDy: -16 });
  marks.push(
    Plot.text(rows, { x: 0, y: 'y', text: 'label', textAnchor: 'end', dx: -12, lineWidth: ems(marginLeft - 24, font), textOverflow: 'ellipsis', fill: palette.black }),
    Plot.text(rows, { x: 100, y: 'y', text: 'text', textAnchor: 'start', dx: 14, fill: palette.black }),
  );
  return frame(input.label, { width, font, marginTop, marginRight, marginBottom, marginLeft, plotHeight, ticks: 10 }, marks);
}

function narrow(input: BreakdownChartInput): string {
  const width = 400;
  const font = fontPx.narrow;
  const rowHeight = 58;
  const marginTop = 36;
  const marginBottom = 44;
  const marginLeft = 16;
  const marginRight = 20;
  const plotHeight = Math.max(1, input.rows.length) * rowHeight;
  // The name (bold, on the left) and the figures (on the right) at the top of each row, the line below them.
  const rows = input.rows.map((r, i) => ({ ...r, top: i * rowHeight + 16, y: i * rowHeight + 38 }));
  const marks = markCommon(rows, input.overall, { plotHeight, tick: 6, dotRadius: 5.5, overallDy: -18 });
  const figuresPx = Math.max(...input.rows.map((r) => r.text.length), 0) * font * 0.62;
  marks.push(
    Plot.text(rows, { x: 0, y: 'top', text: 'label', textAnchor: 'start', lineWidth: ems(width - marginLeft - marginRight - figuresPx - 12, font, true), textOverflow: 'ellipsis', fill: palette.black, fontWeight: 'bold' }),
    Plot.text(rows, { x: 100, y: 'top', text: 'text', textAnchor: 'end', fill: palette.black }),
  );
  return frame(input.label, { width, font, marginTop, marginRight, marginBottom, marginLeft, plotHeight, ticks: 4 }, marks);
}

/** The chart around its rows' marks: the percentage axis below (`ticks` of them), one row every so many pixels down. */
function frame(label: string, size: { width: number; font: number; marginTop: number; marginRight: number; marginBottom: number; marginLeft: number; plotHeight: number; ticks: number }, marks: Plot.Markish[]): string {
  const { width, font, marginTop, marginRight, marginBottom, marginLeft, plotHeight, ticks } = size;
  return renderSvg({
    width,
    height: marginTop + plotHeight + marginBottom,
    marginLeft,
    marginRight,
    marginTop,
    marginBottom,
    style: { fontFamily, fontSize: `${font}px` },
    ariaLabel: label,
    x: { domain: [0, 100], label: '% in time, with its 95% interval', labelAnchor: 'center', labelOffset: 36, grid: true, ticks },
    y: { domain: [0, plotHeight], range: [marginTop, marginTop + plotHeight], axis: null },
    marks,
  });
}

type Placed = BreakdownRow & { readonly y: number };

/** The overall line, each interval with its end ticks, and each dot with its figures on hover. */
function markCommon(rows: readonly Placed[], overall: BreakdownChartInput['overall'], size: { plotHeight: number; tick: number; dotRadius: number; overallDy: number }): Plot.Markish[] {
  const withInterval = rows.filter((r) => r.interval !== null).map((r) => ({ ...r, lower: (r.interval as { lower: number }).lower, upper: (r.interval as { upper: number }).upper }));
  const withDot = rows.filter((r) => r.percentage !== null).map((r) => ({ ...r, title: `${r.label}: ${r.text}` }));
  const marks: Plot.Markish[] = [Plot.ruleX([0], { stroke: palette.grey })];
  if (overall !== null) {
    // Its label at the top, on the side of the line with more room.
    const left = overall.percentage > 55;
    marks.push(
      Plot.ruleX([overall.percentage], { y1: 0, y2: size.plotHeight, stroke: palette.darkBlue, strokeWidth: 1.5, strokeDasharray: '6,4' }),
      Plot.text([overall.label], { x: overall.percentage, frameAnchor: 'top', dy: size.overallDy, textAnchor: left ? 'end' : 'start', dx: left ? -4 : 4, fill: palette.darkBlue, fontWeight: 'bold' }),
    );
  }
  marks.push(
    Plot.link(withInterval, { x1: 'lower', x2: 'upper', y1: 'y', y2: 'y', stroke: palette.blue, strokeWidth: 2.5 }),
    Plot.link(withInterval, { x1: 'lower', x2: 'lower', y1: (r: Placed) => r.y - size.tick, y2: (r: Placed) => r.y + size.tick, stroke: palette.blue, strokeWidth: 2 }),
    Plot.link(withInterval, { x1: 'upper', x2: 'upper', y1: (r: Placed) => r.y - size.tick, y2: (r: Placed) => r.y + size.tick, stroke: palette.blue, strokeWidth: 2 }),
    Plot.dot(withDot, { x: 'percentage', y: 'y', r: size.dotRadius, fill: palette.blue, stroke: 'white', strokeWidth: 1.5, title: 'title' }),
  );
  return marks;
}

/** The chart's data as a table (its CSV): every group, then all children; `[c]` for a hidden count, `suppressed` for a hidden statistic, empty for none. */
export function breakdownTable(published: PublishedBreakdown, labelOf: (group: PublishedGroup) => string): ChartTable {
  const statistic = (value: number | null, hidden: boolean) => (hidden ? 'suppressed' : value === null ? null : roundTo(value));
  return {
    columns: ['group', ...breakdownCountColumns, 'percent_in_time', 'ci95_lower', 'ci95_upper', 'median_weeks'],
    rows: [...published.groups, published.all].map((g) => [
      labelOf(g),
      ...breakdownCountColumns.map((c) => g.counts[c]),
      statistic(g.percentage, g.percentageHidden),
      statistic(g.interval?.lower ?? null, g.percentageHidden),
      statistic(g.interval?.upper ?? null, g.percentageHidden),
      statistic(g.medianWeeks, g.medianHidden),
    ]),
  };
}
