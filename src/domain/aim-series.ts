/**
 * What an aim's charts show (docs/measurement.md, "Run chart and waiting chart"): the run chart's
 * points, one a completed journey ordered by end date, with its baseline; and the waiting chart's
 * bars, one a journey still waiting, longest first.
 */
import type { Aim } from './aim.js';
import { measuredJourneys, type CohortJourney } from './aim-figures.js';
import type { PlacementType } from './codes.js';
import { epochDay, type PlainDate } from './date.js';
import { placementOn } from './placement.js';
import type { ChildRecord } from './records.js';

export interface RunChartPoint {
  /** 1-based position on the chart, as a person reads it. */
  readonly position: number;
  readonly childId: string;
  readonly start: PlainDate;
  readonly end: PlainDate;
  readonly days: number;
  readonly weeks: number;
}

export type BaselineRule =
  /** The points that ended before the programme start. */
  | { readonly kind: 'programme-start'; readonly programmeStart: PlainDate }
  /** Fewer than 10 such points, or no programme start: the first 12 points (or all, if fewer). */
  | { readonly kind: 'first-points'; readonly programmeStart: PlainDate | null; readonly beforeStart: number };

export interface WaitingBar {
  readonly childId: string;
  readonly start: PlainDate;
  readonly days: number;
  readonly weeks: number;
  readonly due: PlainDate;
  readonly overdue: boolean;
  /** The placement the child is in at as-at. */
  readonly placementType: PlacementType | null;
}

export interface AimSeries {
  readonly points: readonly RunChartPoint[];
  /** The first `baselineCount` points are the baseline. */
  readonly baselineCount: number;
  readonly baselineRule: BaselineRule;
  readonly waiting: readonly WaitingBar[];
}

/** Fewer baseline points than this and the first `fallbackBaseline` points are used instead. */
export const minimumBaseline = 10;
export const fallbackBaseline = 12;

/**
 * The run chart's points and the waiting chart's bars for an aim, as at `asAt`. The from-date
 * does not apply, so the baseline before the programme start stays visible.
 */
export function aimSeries(aim: Aim, records: readonly ChildRecord[], asAt: PlainDate, programmeStart: PlainDate | null): AimSeries {
  const journeys = measuredJourneys(aim, records, asAt);
  const completed = journeys.filter((j) => j.endDay !== null);
  // Each point made in the measured journeys' own order, which reads them (and their journeys) one
  // after another in memory, and then put in the run chart's order and numbered.
  const unordered = completed.map((j) => ({ position: 0, childId: j.journey.childId, start: j.journey.start, end: j.journey.end as PlainDate, days: j.days, weeks: j.weeks }));
  const points = inRunChartOrder(completed).map((index, at) => {
    const point = unordered[index] as RunChartPoint & { position: number };
    point.position = at + 1;
    return point;
  });
  const { count, rule } = baselineOf(points, programmeStart);
  const waiting = journeys
    .filter((j) => j.stillWaiting)
    .map((j) => ({
      childId: j.journey.childId,
      start: j.journey.start,
      days: j.days,
      weeks: j.weeks,
      due: j.due,
      overdue: j.status === 'overdue',
      placementType: placementOn((records[j.recordIndex] as ChildRecord).placements, asAt)?.type ?? null,
    }))
    .sort((a, b) => b.days - a.days || compareText(a.childId, b.childId));
  return { points, baselineCount: count, baselineRule: rule, waiting };
}

function baselineOf(points: readonly RunChartPoint[], programmeStart: PlainDate | null): { count: number; rule: BaselineRule } {
  if (programmeStart !== null) {
    const startDay = epochDay(programmeStart);
    let beforeStart = 0;
    for (const p of points) if (epochDay(p.end) < startDay) beforeStart += 1;
    if (beforeStart >= minimumBaseline) return { count: beforeStart, rule: { kind: 'programme-start', programmeStart } };
    return { count: Math.min(fallbackBaseline, points.length), rule: { kind: 'first-points', programmeStart, beforeStart } };
  }
  return { count: Math.min(fallbackBaseline, points.length), rule: { kind: 'first-points', programmeStart: null, beforeStart: 0 } };
}

/**
 * The places of completed journeys in the run chart's order: by end day, then start day, then child
 * id, as a stable sort would put them. Each journey's end and start make one number that a typed
 * array sorts natively, with the journey's place appended so that ties keep their order; child ids
 * are compared only among journeys that share an end and a start. (A comparator over every journey
 * was most of the series' time.)
 */
function inRunChartOrder(completed: readonly CohortJourney[]): number[] {
  const n = completed.length;
  let minEnd = Infinity;
  let maxEnd = -Infinity;
  let minStart = Infinity;
  let maxStart = -Infinity;
  for (let i = 0; i < n; i++) {
    const j = completed[i] as CohortJourney;
    const end = j.endDay as number;
    if (end < minEnd) minEnd = end;
    if (end > maxEnd) maxEnd = end;
    if (j.startDay < minStart) minStart = j.startDay;
    if (j.startDay > maxStart) maxStart = j.startDay;
  }
  const startSpan = maxStart - minStart + 1;
  const order = new Array<number>(n);
  // Beyond 2^53 the numbers are no longer exact (centuries of days): compare as before.
  if (n < 2 || (maxEnd - minEnd + 1) * startSpan * n > Number.MAX_SAFE_INTEGER) {
    for (let i = 0; i < n; i++) order[i] = i;
    return order.sort((a, b) => byEndStartChild(completed[a] as CohortJourney, completed[b] as CohortJourney));
  }
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const j = completed[i] as CohortJourney;
    keys[i] = (((j.endDay as number) - minEnd) * startSpan + (j.startDay - minStart)) * n + i;
  }
  keys.sort();
  let tieFrom = 0;
  for (let i = 0; i < n; i++) {
    const key = keys[i] as number;
    order[i] = key % n;
    if (i + 1 < n && Math.floor((keys[i + 1] as number) / n) === Math.floor(key / n)) continue;
    if (i > tieFrom) sortByChild(order, completed, tieFrom, i);
    tieFrom = i + 1;
  }
  return order;
}

/**
 * Places `from` to `to` of an order (journeys sharing an end and a start) by child id, keeping their
 * order otherwise. Such ties are mostly of two or three (siblings), sorted in place by insertion,
 * which is stable; a long one, as an import of made-up dates might give, by the stable sort.
 */
function sortByChild(order: number[], completed: readonly CohortJourney[], from: number, to: number): void {
  const childOf = (place: number) => (completed[place] as CohortJourney).journey.childId;
  if (to - from > 16) {
    const tied = order.slice(from, to + 1).sort((a, b) => compareText(childOf(a), childOf(b)));
    for (let k = 0; k < tied.length; k++) order[from + k] = tied[k] as number;
    return;
  }
  for (let k = from + 1; k <= to; k++) {
    const moving = order[k] as number;
    let at = k;
    while (at > from && compareText(childOf(order[at - 1] as number), childOf(moving)) > 0) {
      order[at] = order[at - 1] as number;
      at -= 1;
    }
    order[at] = moving;
  }
}

function byEndStartChild(a: CohortJourney, b: CohortJourney): number {
  return (a.endDay as number) - (b.endDay as number) || a.startDay - b.startDay || compareText(a.journey.childId, b.journey.childId);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
