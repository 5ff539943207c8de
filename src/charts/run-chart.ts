/**
 * The run chart (docs/domain.md): one dot a child at the date their journey ended, height the weeks it
 * took; the aim line; the programme start; the baseline median solid over the baseline and dashed
 * beyond it; later phases; points in a signal highlighted.
 */
import * as Plot from '@observablehq/plot';
import type { PlainDate } from '../domain/date.js';
import { chartDate, fontFamily, palette, renderSvg, type ChartLinks } from './render.js';

export interface RunChartPointInput {
  readonly position: number;
  readonly childId: string;
  readonly end: PlainDate;
  readonly weeks: number;
  /** The dot's tooltip; by default the child, the weeks and the end date. */
  readonly title?: string;
}

/** A dated mark of a test of change: a rule at its date, labelled above the chart (docs/decisions/0011-improvement.md). */
export interface RunChartMark {
  readonly date: PlainDate;
  readonly kind: 'start' | 'act';
  /** Short: "T3", "T3.2". */
  readonly label: string;
  /** In full, for the tooltip. */
  readonly description: string;
}

export interface RunChartPhase {
  readonly kind: 'baseline' | 'sustained';
  readonly median: number;
  /** 1-based point positions. */
  readonly from: number;
  readonly to: number;
}

export interface RunChartInput {
  readonly points: readonly RunChartPointInput[];
  readonly phases: readonly RunChartPhase[];
  /** Positions of points that are part of a signal (a shift, a trend, the longest run). */
  readonly highlighted: ReadonlySet<number>;
  readonly aimWeeks: number | null;
  readonly aimLabel: string;
  readonly programmeStart: PlainDate | null;
  /** Dated marks on the time axis, e.g. tests of change. */
  readonly markers?: readonly { readonly date: PlainDate; readonly label: string }[];
  /** Tests of change: a rule at each start and each Act, its label in a lane above the chart so that none overlap. */
  readonly marks?: readonly RunChartMark[];
  /** Axis labels, for a series that is not weeks to a milestone. */
  readonly xLabel?: string;
  readonly yLabel?: string;
  readonly emptyText?: string;
  /** Each dot a link to its child (on a page); none in a download or a report. */
  readonly links?: ChartLinks;
}

/** The chart's size and margins: fixed, so that a mark's place can be known from its date. */
export const runChartLayout = { width: 760, height: 360, marginLeft: 50, marginRight: 20, marginTop: 24, laneHeight: 12 } as const;

/** The run chart as SVG. */
export function runChartSvg(input: RunChartInput): string {
  const links = input.links;
  const points = input.points.map((p) => ({ ...p, x: chartDate(p.end), signal: input.highlighted.has(p.position), title: p.title ?? `${p.childId}: ${p.weeks.toFixed(1)} weeks, ended ${p.end.toString()}`, href: links ? links.hrefOf(p.childId) : null }));
  const segments = medianSegments(input, points);
  const marks: Plot.Markish[] = [
    Plot.ruleY([0], { stroke: palette.lightGrey }),
    Plot.line(segments.filter((s) => s.solid), { x: 'x', y: 'y', z: 'segment', stroke: palette.darkBlue, strokeWidth: 1.5 }),
    Plot.line(segments.filter((s) => !s.solid), { x: 'x', y: 'y', z: 'segment', stroke: palette.darkBlue, strokeWidth: 1.5, strokeDasharray: '5,4' }),
    Plot.dot(points, { x: 'x', y: 'weeks', r: (d: { signal: boolean }) => (d.signal ? 4.5 : 3), fill: (d: { signal: boolean }) => (d.signal ? palette.orange : palette.blue), symbol: (d: { signal: boolean }) => (d.signal ? 'diamond' : 'circle'), title: 'title', ...(links ? { href: 'href', ariaLabel: 'title' } : {}) }),
  ];
  if (input.aimWeeks !== null) {
    marks.push(Plot.ruleY([input.aimWeeks], { stroke: palette.red, strokeWidth: 1.5 }));
    marks.push(Plot.text([input.aimLabel], { y: input.aimWeeks, frameAnchor: 'left', textAnchor: 'start', dx: 4, dy: -8, fill: palette.red }));
  }
  if (input.programmeStart) {
    const x = chartDate(input.programmeStart);
    marks.push(Plot.ruleX([x], { stroke: palette.grey, strokeDasharray: '2,3' }));
    marks.push(Plot.text(['Programme start'], { x, frameAnchor: 'top', dy: -2, textAnchor: 'start', dx: 4, fill: palette.grey }));
  }
  for (const marker of input.markers ?? []) {
    const x = chartDate(marker.date);
    marks.push(Plot.ruleX([x], { stroke: palette.green, strokeDasharray: '1,2' }));
    marks.push(Plot.text([marker.label], { x, frameAnchor: 'bottom', rotate: -90, textAnchor: 'start', dx: -3, fill: palette.green }));
  }
  if (points.length === 0) marks.push(Plot.text([input.emptyText ?? 'No completed journeys yet'], { frameAnchor: 'middle', fill: palette.grey, fontSize: 14 }));
  const changes = input.marks && input.marks.length > 0 ? changeMarks(input, input.marks) : null;
  if (changes) marks.push(...changes.marks);
  const xLabel = input.xLabel ?? 'Date the milestone was reached';
  return renderSvg({
    width: runChartLayout.width,
    height: runChartLayout.height + (changes ? changes.extraTop : 0),
    marginLeft: runChartLayout.marginLeft,
    marginTop: runChartLayout.marginTop + (changes ? changes.extraTop : 0),
    ...(changes ? { marginRight: runChartLayout.marginRight } : {}),
    style: { fontFamily, fontSize: '11px' },
    // With no points there are no dates to show: no axis rather than an invented year.
    x: points.length === 0 && !changes ? { type: 'utc', axis: null, domain: [new Date(0), new Date(1)] } : changes ? { type: 'utc', label: xLabel, domain: changes.domain } : { type: 'utc', label: xLabel },
    y: { label: input.yLabel ?? 'Weeks', grid: true, zero: true, nice: true },
    marks,
  }, links ? { label: links.label } : null);
}

/** Every date the chart shows, so that the x scale can be fixed and each mark's label placed before drawing. */
export function runChartDomain(input: RunChartInput): [Date, Date] {
  const times = [...input.points.map((p) => p.end), ...(input.programmeStart ? [input.programmeStart] : []), ...(input.markers ?? []).map((m) => m.date), ...(input.marks ?? []).map((m) => m.date)].map((d) => chartDate(d).getTime());
  const low = Math.min(...times);
  const high = Math.max(...times);
  // One date alone gets a week either side, so that it has somewhere to be.
  return low === high ? [new Date(low - 7 * 86_400_000), new Date(high + 7 * 86_400_000)] : [new Date(low), new Date(high)];
}

/** Where a date falls across the chart, in the SVG's pixels, for a chart with marks. */
export function runChartX(date: PlainDate, domain: readonly [Date, Date]): number {
  const { width, marginLeft, marginRight } = runChartLayout;
  const [low, high] = [domain[0].getTime(), domain[1].getTime()];
  return marginLeft + ((chartDate(date).getTime() - low) / (high - low)) * (width - marginLeft - marginRight);
}

/** Labels wider than this many pixels a character are assumed: 10px text, with room. */
const characterWidth = 6.5;
const maxLanes = 4;

function changeMarks(input: RunChartInput, changes: readonly RunChartMark[]): { marks: Plot.Markish[]; extraTop: number; domain: [Date, Date] } {
  const domain = runChartDomain(input);
  // Each label takes the first lane above the chart where it does not touch the one before it.
  const laneEnds: number[] = [];
  const placed = [...changes]
    .sort((a, b) => chartDate(a.date).getTime() - chartDate(b.date).getTime())
    .map((mark) => {
      const x = runChartX(mark.date, domain);
      const width = mark.label.length * characterWidth + 4;
      let lane = laneEnds.findIndex((end) => end < x - 2);
      if (lane < 0) lane = laneEnds.length < maxLanes ? laneEnds.length : laneEnds.indexOf(Math.min(...laneEnds));
      laneEnds[lane] = x + width;
      return { ...mark, x: chartDate(mark.date), lane };
    });
  const lanes = Math.max(1, laneEnds.length);
  const rule = (kind: RunChartMark['kind']) =>
    Plot.ruleX(
      placed.filter((m) => m.kind === kind),
      { x: 'x', stroke: palette.green, strokeWidth: kind === 'start' ? 1.5 : 1, strokeDasharray: kind === 'start' ? undefined : '4,3', title: 'description', ariaLabel: kind === 'start' ? 'test of change starts' : 'test of change acts' },
    );
  return {
    domain,
    extraTop: lanes * runChartLayout.laneHeight,
    marks: [
      rule('start'),
      rule('act'),
      ...Array.from({ length: lanes }, (_, lane) =>
        Plot.text(
          placed.filter((m) => m.lane === lane),
          { x: 'x', text: 'label', frameAnchor: 'top', textAnchor: 'start', dx: 2, dy: -14 - lane * runChartLayout.laneHeight, fill: palette.green, fontSize: 10, fontWeight: 'bold', title: 'description' },
        ),
      ),
    ],
  };
}

interface Segment {
  readonly segment: number;
  readonly solid: boolean;
  readonly x: Date;
  readonly y: number;
}

/** Each phase's median: solid over its own points, dashed on to the next phase or the last point. */
function medianSegments(input: RunChartInput, points: readonly { x: Date }[]): Segment[] {
  const xAt = (position: number) => (points[Math.min(Math.max(position, 1), points.length) - 1] as { x: Date }).x;
  const segments: Segment[] = [];
  if (points.length === 0) return segments;
  input.phases.forEach((phase, index) => {
    const next = input.phases[index + 1];
    const extendTo = next ? next.from : points.length;
    segments.push({ segment: index * 2, solid: true, x: xAt(phase.from), y: phase.median }, { segment: index * 2, solid: true, x: xAt(phase.to), y: phase.median });
    if (extendTo > phase.to) segments.push({ segment: index * 2 + 1, solid: false, x: xAt(phase.to), y: phase.median }, { segment: index * 2 + 1, solid: false, x: xAt(extendTo), y: phase.median });
  });
  return segments;
}
