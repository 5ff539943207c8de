/**
 * The run chart (DOMAIN.md): one dot a child at the date their journey ended, height the weeks it
 * took; the aim line; the programme start; the baseline median solid over the baseline and dashed
 * beyond it; later phases; points in a signal highlighted.
 */
import * as Plot from '@observablehq/plot';
import type { PlainDate } from '../domain/date.js';
import { chartDate, fontFamily, palette, renderSvg } from './render.js';

export interface RunChartPointInput {
  readonly position: number;
  readonly childId: string;
  readonly end: PlainDate;
  readonly weeks: number;
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
}

/** The run chart as SVG. */
export function runChartSvg(input: RunChartInput): string {
  const points = input.points.map((p) => ({ ...p, x: chartDate(p.end), signal: input.highlighted.has(p.position), title: `${p.childId}: ${p.weeks.toFixed(1)} weeks, ended ${p.end.toString()}` }));
  const segments = medianSegments(input, points);
  const marks: Plot.Markish[] = [
    Plot.ruleY([0], { stroke: palette.lightGrey }),
    Plot.line(segments.filter((s) => s.solid), { x: 'x', y: 'y', z: 'segment', stroke: palette.darkBlue, strokeWidth: 1.5 }),
    Plot.line(segments.filter((s) => !s.solid), { x: 'x', y: 'y', z: 'segment', stroke: palette.darkBlue, strokeWidth: 1.5, strokeDasharray: '5,4' }),
    Plot.dot(points, { x: 'x', y: 'weeks', r: (d: { signal: boolean }) => (d.signal ? 4.5 : 3), fill: (d: { signal: boolean }) => (d.signal ? palette.orange : palette.blue), symbol: (d: { signal: boolean }) => (d.signal ? 'diamond' : 'circle'), title: 'title' }),
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
  if (points.length === 0) marks.push(Plot.text(['No completed journeys yet'], { frameAnchor: 'middle', fill: palette.grey, fontSize: 14 }));
  return renderSvg({
    width: 760,
    height: 360,
    marginLeft: 50,
    marginTop: 24,
    style: { fontFamily, fontSize: '11px' },
    // With no points there are no dates to show: no axis rather than an invented year.
    x: points.length === 0 ? { type: 'utc', axis: null, domain: [new Date(0), new Date(1)] } : { type: 'utc', label: 'Date the milestone was reached' },
    y: { label: 'Weeks', grid: true, zero: true, nice: true },
    marks,
  });
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
