/**
 * The run chart in the convention PACE teams were taught (docs/domain.md, "How the programme looked
 * at its data"): one dot a child at the date their journey reached the milestone, height the weeks
 * it took; a green aim line; a red "PACE start" line at the programme start; the orange baseline
 * median, solid over the baseline and dashed beyond it, and each re-phased median after it; the
 * children in a run or trend the rules count ringed; tests of change above the chart in lanes that
 * never overlap. A legend under the chart says what each mark is, and every line is labelled.
 */
import * as Plot from '@observablehq/plot';
import { epochDay, isoDate, monthWords, type PlainDate } from '../domain/date.js';
import { weeksWords } from '../domain/round.js';
import { bulkDot } from './bulk-dot.js';
import { chartDate, fontFamily, palette, renderSvg, type ChartLinks, type LegendItem } from './render.js';

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
  /** The baseline first, then each re-phased median in order. */
  readonly phases: readonly RunChartPhase[];
  /** Positions of points that are part of a signal (a shift, a trend, the longest run). */
  readonly highlighted: ReadonlySet<number>;
  readonly aimWeeks: number | null;
  readonly aimLabel: string;
  readonly programmeStart: PlainDate | null;
  /** Dates the time axis reaches whether or not a point is there (a partner's months, most of them hidden). */
  readonly span?: readonly PlainDate[];
  /** Dated marks on the time axis, e.g. tests of change. */
  readonly markers?: readonly { readonly date: PlainDate; readonly label: string }[];
  /** Tests of change: a rule at each start and each Act, its label in a lane above the chart so that none overlap. */
  readonly marks?: readonly RunChartMark[];
  /** Axis labels, for a series that is not weeks to a milestone. */
  readonly xLabel?: string;
  readonly yLabel?: string;
  /** What one dot is, for the legend: "a child: weeks to the milestone". */
  readonly dotLabel?: string;
  /** A value in words, for the medians' labels; weeks by default. */
  readonly valueText?: (value: number) => string;
  readonly emptyText?: string;
  /**
   * The top of the value axis when every value drawn is 0 (an axis from 0 to 0 has no scale: its
   * one tick read "0.000000" and the dots floated mid-chart): 100 for a percentage; 1 by default.
   */
  readonly flatTop?: number;
  /** Each dot a link to its child (on a page); none in a download or a report. */
  readonly links?: ChartLinks;
  /** A smaller chart (the dashboard's): the same marks, fewer words. */
  readonly size?: 'full' | 'small';
}

/** The chart's size and margins: fixed, so that a mark's place can be known from its date. */
export const runChartLayout = { width: 1100, height: 440, marginLeft: 56, marginRight: 24, marginTop: 28, laneHeight: 16 } as const;
const smallLayout = { width: 560, height: 250 } as const;

/** More dots than this and each is drawn smaller and fainter, so that a decade of children stays readable. */
const manyPoints = 300;

/** The run chart as SVG. */
export function runChartSvg(input: RunChartInput): string {
  const links = input.links;
  const small = input.size === 'small';
  const width = small ? smallLayout.width : runChartLayout.width;
  const many = input.points.length > manyPoints;
  // Each point's date as chartDate's time, a number: Date objects for thousands of points are made
  // by no-one (bulk-dot.ts), only for the few marks drawn at points.
  const times = new Float64Array(input.points.length);
  input.points.forEach((p, i) => (times[i] = epochDay(p.end) * 86_400_000));
  const dateAt = (i: number) => new Date(times[i] as number);
  // Each mark's dots as columns of the points' times and weeks; the tooltips and links are written
  // as each dot is.
  const plain: number[] = [];
  const ringed: number[] = [];
  input.points.forEach((p, i) => (input.highlighted.has(p.position) ? ringed : plain).push(i));
  const dotOptions = (indices: readonly number[]) => {
    const point = (k: number) => input.points[indices[k] as number] as RunChartPointInput;
    const title = (k: number) => titleOf(point(k));
    // Times for bulkDot to put through the x scale, and weeks for Plot's y channel, as typed
    // arrays: Plot takes one as it is, where it would copy an array through an iterator.
    const x = new Float64Array(indices.length);
    const y = new Float64Array(indices.length);
    indices.forEach((i, k) => {
      x[k] = times[i] as number;
      y[k] = (input.points[i] as RunChartPointInput).weeks;
    });
    return {
      x,
      y,
      title,
      ...(links ? { href: (k: number) => links.hrefOf(point(k).childId), ariaLabel: title } : {}),
    };
  };
  const segments = medianSegments(input, dateAt, input.valueText ?? weeksWords);
  const radius = many ? 2.2 : 3.5;
  const marks: Plot.Markish[] = [
    Plot.ruleY([0], { stroke: palette.lightGrey }),
    // The medians under the dots, so that a dot on the median stays visible (and can be selected).
    Plot.line(segments.filter((s) => s.solid), { x: 'x', y: 'y', z: 'segment', stroke: palette.orange, strokeWidth: 2.5, title: 'title' }),
    Plot.line(segments.filter((s) => !s.solid), { x: 'x', y: 'y', z: 'segment', stroke: palette.orange, strokeWidth: 2.5, strokeDasharray: '6,5', title: 'title' }),
    bulkDot(plain, { ...dotOptions(plain), r: radius, fill: palette.blue, fillOpacity: many ? 0.6 : 0.9 }),
    bulkDot(ringed, { ...dotOptions(ringed), r: radius + 1.5, fill: palette.blue, stroke: palette.black, strokeWidth: 2 }),
  ];
  if (input.aimWeeks !== null) marks.push(Plot.ruleY([input.aimWeeks], { stroke: palette.green, strokeWidth: 2.5 }));
  marks.push(...lineLabels(input, dateAt, small));
  if (input.programmeStart && times.length > 0) {
    const x = chartDate(input.programmeStart);
    marks.push(Plot.ruleX([x], { stroke: palette.red, strokeWidth: 2 }));
    // The label sits right of the line, or left of it when the line is near the right edge (the
    // programme start after the latest dot), so that it is never cut off.
    let first = x.getTime();
    let last = x.getTime();
    for (const time of times) {
      first = Math.min(first, time);
      last = Math.max(last, time);
    }
    const nearRight = last > first && (x.getTime() - first) / (last - first) > 0.8;
    marks.push(Plot.text(['PACE start'], { x, frameAnchor: 'top', dy: 4, textAnchor: nearRight ? 'end' : 'start', dx: nearRight ? -5 : 5, fill: palette.red, fontWeight: 'bold', ...halo }));
  }
  for (const marker of input.markers ?? []) {
    const x = chartDate(marker.date);
    marks.push(Plot.ruleX([x], { stroke: palette.purple, strokeDasharray: '1,2' }));
    marks.push(Plot.text([marker.label], { x, frameAnchor: 'bottom', rotate: -90, textAnchor: 'start', dx: -3, fill: palette.purple }));
  }
  if (times.length === 0) marks.push(Plot.text([input.emptyText ?? 'No child has reached the milestone yet'], { frameAnchor: 'middle', fill: palette.grey, fontSize: 16 }));
  const changes = input.marks && input.marks.length > 0 && times.length > 0 ? changeMarks(input, input.marks, width, small) : null;
  if (changes) marks.push(...changes.marks);
  const xLabel = input.xLabel ?? 'Date the milestone was reached';
  const legend: LegendItem[] = times.length === 0 ? [] : [
    { label: input.dotLabel ?? 'a child: weeks to the milestone', symbol: 'dot', colour: palette.blue },
    ...(input.highlighted.size > 0 ? [{ label: 'in a run or trend the rules count', symbol: 'ring', colour: palette.black } as const] : []),
    { label: input.phases.length > 1 ? 'median, re-phased after a shift; dashed where extended' : 'baseline median, dashed where extended', symbol: 'dashed-line', colour: palette.orange },
    ...(input.aimWeeks !== null ? [{ label: 'aim', symbol: 'line', colour: palette.green } as const] : []),
    ...(input.programmeStart ? [{ label: 'PACE start', symbol: 'rule', colour: palette.red } as const] : []),
    ...(changes ? [{ label: 'test of change: start, Act', symbol: 'rule', colour: palette.purple } as const] : []),
  ];
  const height = (small ? smallLayout.height : runChartLayout.height) + (changes ? changes.extraTop : 0);
  return renderSvg(
    {
      width,
      height,
      marginLeft: runChartLayout.marginLeft,
      marginRight: runChartLayout.marginRight,
      marginTop: runChartLayout.marginTop + (changes ? changes.extraTop : 0),
      marginBottom: 44,
      style: { fontFamily, fontSize: '13px' },
      // With no points there are no dates to show: no axis rather than an invented year.
      x: times.length === 0 ? { type: 'utc', axis: null, domain: [new Date(0), new Date(1)] } : { type: 'utc', label: xLabel, labelAnchor: 'center', labelArrow: 'none', domain: runChartDomain(input) },
      y: { label: input.yLabel ?? 'Weeks', grid: true, zero: true, nice: true, labelArrow: 'none', ...flatAxis(input) },
      marks,
    },
    links ? { label: links.label, keyboard: !many } : null,
    legend,
  );
}

const halo = { stroke: 'white', strokeWidth: 4, paintOrder: 'stroke' } as const;

/** The value axis of a run chart: flat (flatValueAxis) when every value it draws (dots, medians, the aim line) is 0. */
function flatAxis(input: RunChartInput): FlatValueAxis {
  const flat = input.points.every((p) => p.weeks === 0) && input.phases.every((p) => p.median === 0) && (input.aimWeeks ?? 0) === 0;
  return flatValueAxis(flat, input.flatTop ?? 1);
}

export interface FlatValueAxis {
  readonly domain?: [number, number];
  readonly ticks?: number[];
  readonly tickFormat?: string;
}

/**
 * For a chart whose every value is 0 (`flat`), a value axis from 0 to `top` (only its ends marked
 * when that is 1: no tenths of a child); otherwise nothing, and the axis is the data's own.
 */
export function flatValueAxis(flat: boolean, top = 1): FlatValueAxis {
  if (!flat) return {};
  return top === 1 ? { domain: [0, 1], ticks: [0, 1], tickFormat: 'd' } : { domain: [0, top] };
}

/** A dot's tooltip: by default the child, the weeks and the end date. */
function titleOf(p: RunChartPointInput): string {
  return p.title ?? `${p.childId}: ${p.weeks.toFixed(1)} weeks, ended ${isoDate(p.end)}`;
}

/**
 * The words on the lines: the aim at the left under its line, the baseline median at the left over
 * its line, and the latest re-phased median at the right-hand end of the chart, "New median 25.4
 * weeks, from May 2025" (over the aim line when it runs just above). The earlier re-phased medians are drawn but not named (their tooltips
 * name them, and the findings list each). Where the baseline median sits just under the aim, the
 * two swap sides of their lines so that neither label covers the other.
 */
function lineLabels(input: RunChartInput, dateAt: (index: number) => Date, small: boolean): Plot.Markish[] {
  const marks: Plot.Markish[] = [];
  const [baseline, ...later] = input.phases;
  const latest = later.at(-1);
  const count = input.points.length;
  const first = count > 0 ? dateAt(0) : undefined;
  const last = count > 0 ? dateAt(count - 1) : undefined;
  const valueText = input.valueText ?? weeksWords;
  // Pixels a unit of the y axis, near enough to tell when two labels would meet.
  let top = Math.max(1, input.aimWeeks ?? 0);
  for (const p of input.points) top = Math.max(top, p.weeks);
  const plotHeight = (small ? smallLayout.height : runChartLayout.height) - runChartLayout.marginTop - 44;
  const close = (a: number, b: number) => Math.abs(a - b) * (plotHeight / top) < 34;
  const swap = baseline !== undefined && input.aimWeeks !== null && baseline.median <= input.aimWeeks && close(baseline.median, input.aimWeeks);
  if (input.aimWeeks !== null) {
    marks.push(Plot.text([input.aimLabel], { y: input.aimWeeks, frameAnchor: 'left', textAnchor: 'start', dx: 4, dy: swap ? -13 : 13, fill: palette.green, fontWeight: 'bold', ...halo }));
  }
  if (baseline && first) {
    marks.push(Plot.text([`Baseline median ${valueText(baseline.median)}`], { x: first, y: baseline.median, textAnchor: 'start', dx: 4, dy: swap ? 13 : -13, fill: palette.orange, fontWeight: 'bold', ...halo }));
  }
  const start = latest ? input.points[latest.from - 1] : undefined;
  if (latest && start && last) {
    // Over the aim line too when the aim runs just above it, so that the aim line does not strike it through.
    const y = input.aimWeeks !== null && latest.median <= input.aimWeeks && close(latest.median, input.aimWeeks) ? input.aimWeeks : latest.median;
    const words = small ? `New median ${valueText(latest.median)}` : `New median ${valueText(latest.median)}, from ${monthWords(start.end)}`;
    marks.push(Plot.text([words], { x: last, y, textAnchor: 'end', dx: -2, dy: -13, fill: palette.orange, fontWeight: 'bold', ...halo }));
  }
  return marks;
}

/** Every date the chart shows, so that the x scale can be fixed and each mark's label placed before drawing. */
export function runChartDomain(input: RunChartInput): [Date, Date] {
  let low = Infinity;
  let high = -Infinity;
  // Each date in turn rather than all spread into Math.min (thousands of points), as the day
  // number's midnight, which is chartDate's time.
  const include = (date: PlainDate) => {
    const time = epochDay(date) * 86_400_000;
    low = Math.min(low, time);
    high = Math.max(high, time);
  };
  for (const p of input.points) include(p.end);
  for (const date of input.span ?? []) include(date);
  if (input.programmeStart) include(input.programmeStart);
  for (const marker of input.markers ?? []) include(marker.date);
  for (const mark of input.marks ?? []) include(mark.date);
  // One date alone gets a week either side, so that it has somewhere to be.
  return low === high ? [new Date(low - 7 * 86_400_000), new Date(high + 7 * 86_400_000)] : [new Date(low), new Date(high)];
}

/** Where a date falls across the chart, in the SVG's pixels, for a chart with marks. */
export function runChartX(date: PlainDate, domain: readonly [Date, Date], width: number = runChartLayout.width): number {
  const { marginLeft, marginRight } = runChartLayout;
  const [low, high] = [domain[0].getTime(), domain[1].getTime()];
  return marginLeft + ((chartDate(date).getTime() - low) / (high - low)) * (width - marginLeft - marginRight);
}

/**
 * A test of change's label: bold, 12 px on a desk's chart and 13 px, as the rest of its words, on the
 * smaller one, which a phone shows at about two thirds of its size (8.3 px, where 12 px gave 7.7);
 * each assumed this many pixels a character, with room, in lanes this high.
 */
const changeLabels = {
  full: { fontSize: 12, characterWidth: 8, laneHeight: runChartLayout.laneHeight },
  small: { fontSize: 13, characterWidth: 9, laneHeight: runChartLayout.laneHeight + 1 },
} as const;
const maxLanes = 6;

function changeMarks(input: RunChartInput, changes: readonly RunChartMark[], width: number, small: boolean): { marks: Plot.Markish[]; extraTop: number } {
  const { fontSize, characterWidth, laneHeight } = changeLabels[small ? 'small' : 'full'];
  const domain = runChartDomain(input);
  // Each label takes the first lane above the chart where it does not touch the one before it; a
  // label that finds no free lane is left off (its rule and tooltip stay, and the key lists it).
  const laneEnds: number[] = [];
  const placed = [...changes]
    .sort((a, b) => chartDate(a.date).getTime() - chartDate(b.date).getTime())
    .map((mark) => {
      const x = runChartX(mark.date, domain, width);
      const labelWidth = mark.label.length * characterWidth + 6;
      // A label that would run past the right-hand edge goes left of its rule instead.
      const leftOfRule = x + labelWidth > width - runChartLayout.marginRight;
      const start = leftOfRule ? x - labelWidth : x;
      let lane = laneEnds.findIndex((end) => end < start - 2);
      if (lane < 0 && laneEnds.length < maxLanes) lane = laneEnds.length;
      if (lane >= 0) laneEnds[lane] = leftOfRule ? x : x + labelWidth;
      return { ...mark, x: chartDate(mark.date), lane, leftOfRule };
    });
  const lanes = Math.max(1, laneEnds.length);
  const rule = (kind: RunChartMark['kind']) =>
    Plot.ruleX(
      placed.filter((m) => m.kind === kind),
      { x: 'x', stroke: palette.purple, strokeWidth: kind === 'start' ? 2 : 1.5, strokeDasharray: kind === 'start' ? undefined : '4,3', title: 'description', ariaLabel: kind === 'start' ? 'test of change starts' : 'test of change acts' },
    );
  return {
    extraTop: lanes * laneHeight,
    marks: [
      rule('start'),
      rule('act'),
      ...Array.from({ length: lanes }, (_, lane) =>
        [false, true].map((leftOfRule) =>
          Plot.text(
            placed.filter((m) => m.lane === lane && m.leftOfRule === leftOfRule),
            { x: 'x', text: 'label', frameAnchor: 'top', textAnchor: leftOfRule ? 'end' : 'start', dx: leftOfRule ? -2 : 2, dy: -16 - lane * laneHeight, fill: palette.purple, fontSize, fontWeight: 'bold', title: 'description' },
          ),
        ),
      ).flat(),
    ],
  };
}

interface Segment {
  readonly segment: number;
  /** The tooltip: "Baseline median 42.9 weeks, points 1 to 493". */
  readonly title: string;
  readonly solid: boolean;
  readonly x: Date;
  readonly y: number;
}

/** Each phase's median: solid over its own points, dashed on to the next phase or the last point. */
function medianSegments(input: RunChartInput, dateAt: (index: number) => Date, valueText: (value: number) => string): Segment[] {
  const count = input.points.length;
  const xAt = (position: number) => dateAt(Math.min(Math.max(position, 1), count) - 1);
  const segments: Segment[] = [];
  if (count === 0) return segments;
  input.phases.forEach((phase, index) => {
    const next = input.phases[index + 1];
    const extendTo = next ? next.from : count;
    const title = `${index === 0 ? 'Baseline median' : 'Re-phased median'} ${valueText(phase.median)}, points ${phase.from} to ${phase.to}`;
    const solid = { segment: index * 2, solid: true, title, y: phase.median };
    segments.push({ ...solid, x: xAt(phase.from) }, { ...solid, x: xAt(phase.to) });
    const dashed = { segment: index * 2 + 1, solid: false, title: `${title}, extended`, y: phase.median };
    if (extendTo > phase.to) segments.push({ ...dashed, x: xAt(phase.to) }, { ...dashed, x: xAt(extendTo) });
  });
  return segments;
}
