/**
 * What an aim's charts show (docs/measurement.md, "Run chart and waiting chart"): the run chart's
 * points, one a completed journey ordered by end date, with its baseline; and the waiting chart's
 * bars, one a journey still waiting, longest first.
 */
import type { Aim } from './aim.js';
import { measuredJourneys } from './aim-figures.js';
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
  const completed = journeys
    .filter((j) => j.journey.end !== null)
    .sort((a, b) => (a.endDay as number) - (b.endDay as number) || a.startDay - b.startDay || compareText(a.journey.childId, b.journey.childId));
  const points = completed.map((j, index) => ({ position: index + 1, childId: j.journey.childId, start: j.journey.start, end: j.journey.end as PlainDate, days: j.days, weeks: j.weeks }));
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
      placementType: placementOn(j.placements, asAt)?.type ?? null,
    }))
    .sort((a, b) => b.days - a.days || compareText(a.childId, b.childId));
  return { points, baselineCount: count, baselineRule: rule, waiting };
}

function baselineOf(points: readonly RunChartPoint[], programmeStart: PlainDate | null): { count: number; rule: BaselineRule } {
  if (programmeStart !== null) {
    const startDay = epochDay(programmeStart);
    const beforeStart = points.filter((p) => epochDay(p.end) < startDay).length;
    if (beforeStart >= minimumBaseline) return { count: beforeStart, rule: { kind: 'programme-start', programmeStart } };
    return { count: Math.min(fallbackBaseline, points.length), rule: { kind: 'first-points', programmeStart, beforeStart } };
  }
  return { count: Math.min(fallbackBaseline, points.length), rule: { kind: 'first-points', programmeStart: null, beforeStart: 0 } };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
