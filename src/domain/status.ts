/**
 * The status of a journey against a timescale, as at a date (docs/measurement.md, "Status and
 * figures"). Every journey has exactly one.
 */
import { daysBetween, epochDay, weeksFromDays, type PlainDate } from './date.js';
import type { Journey } from './journey.js';
import { dueDay, type Timescale } from './timescale.js';

export const journeyStatuses = ['in_time', 'late', 'overdue', 'waiting', 'left_late', 'left_early'] as const;

/** Each status as its place in journeyStatuses: how an aim's cohort keeps it (aim-figures.ts, MeasuredCohort). */
export const statusCodes: { readonly [S in (typeof journeyStatuses)[number]]: number } = Object.freeze(Object.fromEntries(journeyStatuses.map((status, code) => [status, code])) as { [S in (typeof journeyStatuses)[number]]: number });

/**
 * - `in_time`: reached its milestone within the timescale;
 * - `late`: reached it after the due date;
 * - `overdue`: not reached, the child has not left, and as-at is past the due date;
 * - `waiting`: not reached, the child has not left, and as-at is on or before the due date;
 * - `left_late`: the child left after the due date without the milestone (counts against the aim);
 * - `left_early`: the child left on or before the due date without it (out of the denominator,
 *   still listed and counted).
 */
export type JourneyStatus = (typeof journeyStatuses)[number];

/** The statuses of the denominator: in_time ÷ (in_time + late + overdue + left_late). */
export const countedStatuses: readonly JourneyStatus[] = ['in_time', 'late', 'overdue', 'left_late'];

/** The status of `journey` against `timescale`, as at `asAt`. */
export function journeyStatus(journey: Journey, timescale: Timescale, asAt: PlainDate): JourneyStatus {
  return statusByDueDay(journey, dueDay(journey.start, timescale), epochDay(asAt));
}

/** The same, for callers that already hold the due date and as-at as day numbers (date.ts). */
export function statusByDueDay(journey: Journey, due: number, asAtDay: number): JourneyStatus {
  return statusOfDays(journey.end === null ? null : epochDay(journey.end), journey.leave === null ? null : epochDay(journey.leave), due, asAtDay);
}

/** The same from the journey's end and leave days (null when it has none), for callers that hold them already. */
export function statusOfDays(endDay: number | null, leaveDay: number | null, due: number, asAtDay: number): JourneyStatus {
  if (endDay !== null) return endDay <= due ? 'in_time' : 'late';
  if (leaveDay !== null) return leaveDay > due ? 'left_late' : 'left_early';
  return asAtDay > due ? 'overdue' : 'waiting';
}

/** Days from the journey's start to its end, to its leave date, or (while the child is on it) to as-at. */
export function journeyDays(journey: Journey, asAt: PlainDate): number {
  return daysBetween(journey.start, journey.end ?? journey.leave ?? asAt);
}

/** Weeks from the journey's start to its end or leave date, or waited so far as at `asAt` (days ÷ 7). */
export function journeyWeeks(journey: Journey, asAt: PlainDate): number {
  return weeksFromDays(journeyDays(journey, asAt));
}

/** True while a journey has not reached its milestone and the child has not left it: waiting or overdue. */
export function isStillWaiting(journey: Journey): boolean {
  return journey.end === null && journey.leave === null;
}
