/**
 * The status of a journey against a timescale, as at a date (MEASUREMENT.md, "Status and figures").
 */
import { daysBetween, epochDay, weeksFromDays, type PlainDate } from './date.js';
import type { Journey } from './journey.js';
import { dueDay, type Timescale } from './timescale.js';

/**
 * - `in_time`: reached its end milestone within the timescale;
 * - `late`: reached it beyond the timescale;
 * - `overdue`: not reached, and as-at is past the timescale;
 * - `waiting`: not reached, and as-at is within the timescale;
 * - `closed`: an at-home run that ended before its due date without a review: the child was
 *   never looked after at home long enough to need one, so the journey leaves the cohort.
 */
export type JourneyStatus = 'in_time' | 'late' | 'overdue' | 'waiting' | 'closed';

/** The status of `journey` against `timescale`, as at `asAt`. */
export function journeyStatus(journey: Journey, timescale: Timescale, asAt: PlainDate): JourneyStatus {
  return statusByDueDay(journey, dueDay(journey.start, timescale), epochDay(asAt));
}

/** The same, for callers that already hold the due date and as-at as day numbers (date.ts). */
export function statusByDueDay(journey: Journey, due: number, asAtDay: number): JourneyStatus {
  if (journey.end !== null) return epochDay(journey.end) <= due ? 'in_time' : 'late';
  if (journey.kind === 'at-home' && journey.runEnd !== null && epochDay(journey.runEnd) < due) return 'closed';
  return asAtDay > due ? 'overdue' : 'waiting';
}

/**
 * Days from the journey's start to its end or, while it has none, to as-at. An at-home journey
 * whose run has ended stops counting on the run's last day: the child is no longer at home.
 */
export function journeyDays(journey: Journey, asAt: PlainDate): number {
  if (journey.end !== null) return daysBetween(journey.start, journey.end);
  if (journey.kind === 'at-home' && journey.runEnd !== null) return daysBetween(journey.start, journey.runEnd);
  return daysBetween(journey.start, asAt);
}

/** Weeks from the journey's start to its end, or waited so far as at `asAt` (days ÷ 7). */
export function journeyWeeks(journey: Journey, asAt: PlainDate): number {
  return weeksFromDays(journeyDays(journey, asAt));
}

/** True while a journey has not reached its end milestone and can still reach it. */
export function isStillWaiting(journey: Journey): boolean {
  return journey.end === null && !(journey.kind === 'at-home' && journey.runEnd !== null);
}
