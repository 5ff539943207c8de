/**
 * What an aim's charts show (docs/measurement.md, "Run chart and waiting chart"): the run chart's
 * points, one a completed journey ordered by end date, with its baseline; and the waiting chart's
 * bars, one a journey still waiting, longest first.
 */
import type { Aim } from './aim.js';
import { measuredCohort, type MeasuredCohort } from './aim-figures.js';
import type { PlacementType } from './codes.js';
import { dateOfEpochDay, epochDay, weeksFromDays, type PlainDate } from './date.js';
import { placementTypesOnAsAt } from './journey.js';
import type { ChildRecord } from './records.js';
import { statusCodes } from './status.js';

// The statuses as a cohort keeps them (MeasuredCohort): their places in journeyStatuses.
const { overdue } = statusCodes;

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
  /**
   * The run chart's points, made as objects the first time something reads them (a chart, a list
   * of children): the figures and the analysis read `weeks` and `endDays` alone.
   */
  readonly points: readonly RunChartPoint[];
  /** Each point's weeks, in the chart's order. */
  readonly weeks: readonly number[];
  /** Each point's end as a day number (date.ts), in the chart's order. */
  readonly endDays: Int32Array;
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
  // From the cohort's columns (MeasuredCohort): no journey is made as an object for the charts.
  const cohort = measuredCohort(aim, records, asAt);
  // The completed journeys and those still waiting, as places in the cohort, with their end and start days.
  // Whether the journeys come child by child in order of child id (records loaded from the store
  // are, and a list's journeys are record after record): then those that share an end and a start,
  // or a wait, are already in the order of their children.
  let byChild = recordsInChildOrder(cohort.list.childIds);
  let lastRecord = -1;
  let n = 0;
  let waitingCount = 0;
  for (let k = 0; k < cohort.count; k++) {
    if (cohort.completed(k)) n += 1;
    else if (cohort.stillWaiting(k)) waitingCount += 1;
    const record = cohort.list.recordIndex[cohort.row[k] as number] as number;
    if (record < lastRecord) byChild = false;
    lastRecord = record;
  }
  // The places in the cohort of the completed journeys and of those still waiting, in its order.
  const completed = new Int32Array(n);
  const stillWaiting = new Int32Array(waitingCount);
  for (let k = 0, c = 0, w = 0; k < cohort.count; k++) {
    if (cohort.completed(k)) completed[c++] = k;
    else if (cohort.stillWaiting(k)) stillWaiting[w++] = k;
  }
  const ends = new Int32Array(n);
  const starts = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const k = completed[i] as number;
    ends[i] = cohort.endDay(k);
    starts[i] = cohort.startDay(k);
  }
  const order = inRunChartOrder(ends, starts, (i) => cohort.childId(completed[i] as number), byChild);
  const weeks = new Array<number>(n);
  const endDays = new Int32Array(n);
  // Each point's journey, as its place in the cohort: all the points need when they are made.
  const journeyAt = new Int32Array(n);
  for (let at = 0; at < n; at++) {
    const i = order[at] as number;
    const k = completed[i] as number;
    weeks[at] = weeksFromDays(cohort.days[k] as number);
    endDays[at] = ends[i] as number;
    journeyAt[at] = k;
  }
  const { count, rule } = baselineOf(endDays, programmeStart);
  // The waiting bars, like the points, are made the first time something reads them (a chart, a
  // list of children): the figures count the waiting by status.
  const waitingAt = inWaitingOrder(stillWaiting, cohort, byChild);
  let points: readonly RunChartPoint[] | null = null;
  let waiting: readonly WaitingBar[] | null = null;
  return {
    get points() {
      points ??= Array.from(journeyAt, (k, at): RunChartPoint => ({ position: at + 1, childId: cohort.childId(k), start: dateOfEpochDay(cohort.startDay(k)), end: dateOfEpochDay(endDays[at] as number), days: cohort.days[k] as number, weeks: weeks[at] as number }));
      return points;
    },
    weeks,
    endDays,
    baselineCount: count,
    baselineRule: rule,
    get waiting() {
      if (waiting === null) {
        const placementTypeOf = placementTypesOnAsAt(records, asAt);
        waiting = Array.from(waitingAt, (k): WaitingBar => {
          const waited = cohort.days[k] as number;
          return {
            childId: cohort.childId(k),
            start: dateOfEpochDay(cohort.startDay(k)),
            days: waited,
            weeks: weeksFromDays(waited),
            due: dateOfEpochDay(cohort.dueDay(k)),
            overdue: cohort.status[k] === overdue,
            placementType: placementTypeOf(cohort.list.recordIndex[cohort.row[k] as number] as number),
          };
        });
      }
      return waiting;
    },
  };
}

/**
 * The places of the journeys still waiting in the waiting chart's order: longest first, then by
 * child. Sorted by counting the days (stable), after a sort by child when they did not come in it.
 */
function inWaitingOrder(stillWaiting: Int32Array, cohort: MeasuredCohort, byChild: boolean): Int32Array {
  const n = stillWaiting.length;
  if (!byChild) stillWaiting.sort((a, b) => compareText(cohort.childId(a), cohort.childId(b)));
  if (n < 2) return stillWaiting;
  let least = Infinity;
  let most = -Infinity;
  for (let i = 0; i < n; i++) {
    const waited = cohort.days[stillWaiting[i] as number] as number;
    if (waited < least) least = waited;
    if (waited > most) most = waited;
  }
  const span = most - least + 1;
  if (span > 8 * n + 65_536) return stillWaiting.sort((a, b) => (cohort.days[b] as number) - (cohort.days[a] as number));
  return byDays(stillWaiting, cohort.days, least, span, 'longest first');
}

function baselineOf(endDays: Int32Array, programmeStart: PlainDate | null): { count: number; rule: BaselineRule } {
  const points = endDays.length;
  if (programmeStart !== null) {
    const startDay = epochDay(programmeStart);
    let beforeStart = 0;
    for (let at = 0; at < points; at++) if ((endDays[at] as number) < startDay) beforeStart += 1;
    if (beforeStart >= minimumBaseline) return { count: beforeStart, rule: { kind: 'programme-start', programmeStart } };
    return { count: Math.min(fallbackBaseline, points), rule: { kind: 'first-points', programmeStart, beforeStart } };
  }
  return { count: Math.min(fallbackBaseline, points), rule: { kind: 'first-points', programmeStart: null, beforeStart: 0 } };
}

/**
 * The places of completed journeys (their end days, start days and children) in the run chart's
 * order: by end day, then start day, then child id, as a stable sort would put them. The days are
 * sorted by counting (an aim's journeys span some thousands of days; a comparator over every
 * journey was most of the series' time); child ids are compared only among journeys that share an
 * end and a start.
 */
function inRunChartOrder(ends: Int32Array, starts: Int32Array, childOf: (i: number) => string, byChild: boolean): Int32Array {
  const n = ends.length;
  let minEnd = Infinity;
  let maxEnd = -Infinity;
  let minStart = Infinity;
  let maxStart = -Infinity;
  for (let i = 0; i < n; i++) {
    const end = ends[i] as number;
    const start = starts[i] as number;
    if (end < minEnd) minEnd = end;
    if (end > maxEnd) maxEnd = end;
    if (start < minStart) minStart = start;
    if (start > maxStart) maxStart = start;
  }
  const startSpan = maxStart - minStart + 1;
  const endSpan = maxEnd - minEnd + 1;
  let order: Int32Array = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  if (n < 2) return order;
  if (startSpan + endSpan <= 8 * n + 65_536) {
    // Two stable counting sorts, by start then by end, over the days' spans (an aim's journeys span
    // some thousands of days): no comparison made, the journeys' own order kept among equals.
    order = byDays(byDays(order, starts, minStart, startSpan), ends, minEnd, endSpan);
  } else {
    order.sort((a, b) => (ends[a] as number) - (ends[b] as number) || (starts[a] as number) - (starts[b] as number) || a - b);
  }
  // Journeys sharing an end and a start, by child: already so when they came in order of child and
  // were sorted stably (the sort by comparator keeps it too, ties broken by place).
  if (byChild) return order;
  let tieFrom = 0;
  for (let i = 1; i <= n; i++) {
    if (i < n && ends[order[i] as number] === ends[order[tieFrom] as number] && starts[order[i] as number] === starts[order[tieFrom] as number]) continue;
    if (i - 1 > tieFrom) sortByChild(order, childOf, tieFrom, i - 1);
    tieFrom = i;
  }
  return order;
}

/**
 * `order` stably sorted by `days` (each from `min`, within `span` days) by counting: fewest days
 * first, or most days first.
 */
function byDays(order: Int32Array, days: Int32Array, min: number, span: number, direction: 'fewest first' | 'longest first' = 'fewest first'): Int32Array {
  const longestFirst = direction === 'longest first';
  const most = min + span - 1;
  const counts = new Int32Array(span + 1);
  for (let i = 0; i < order.length; i++) {
    const day = days[order[i] as number] as number;
    const slot = (longestFirst ? most - day : day - min) + 1;
    counts[slot] = (counts[slot] as number) + 1;
  }
  for (let d = 1; d <= span; d++) counts[d] = (counts[d] as number) + (counts[d - 1] as number);
  const sorted = new Int32Array(order.length);
  for (let i = 0; i < order.length; i++) {
    const place = order[i] as number;
    const day = days[place] as number;
    const slot = longestFirst ? most - day : day - min;
    sorted[counts[slot] as number] = place;
    counts[slot] = (counts[slot] as number) + 1;
  }
  return sorted;
}

/**
 * Places `from` to `to` of an order (journeys sharing an end and a start) by child id, keeping their
 * order otherwise. Such ties are mostly of two or three (siblings), sorted in place by insertion,
 * which is stable; a long one, as an import of made-up dates might give, by the stable sort.
 */
function sortByChild(order: Int32Array, childOf: (i: number) => string, from: number, to: number): void {
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

// Whether a list of child ids is in order (strictly: one record a child), worked out once a list.
const inChildOrder = new WeakMap<readonly string[], boolean>();

function recordsInChildOrder(childIds: readonly string[]): boolean {
  let known = inChildOrder.get(childIds);
  if (known === undefined) {
    known = true;
    for (let i = 1; i < childIds.length; i++) {
      if ((childIds[i - 1] as string) >= (childIds[i] as string)) {
        known = false;
        break;
      }
    }
    inChildOrder.set(childIds, known);
  }
  return known;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
