/**
 * An aim's figure for a recent window — the last 12 months, say — beside its figure since the
 * from-date, so that an improvement shows when it happens. A journey counts in the window when its
 * outcome against the timescale was settled in it (docs/decisions/0019-answers.md), a day that never
 * moves once known:
 * - in time: the day it reached its milestone;
 * - late, overdue or left after the timescale: the day after its due date, when it could no longer
 *   be in time (a journey overdue in one window and reached late in the next is counted once);
 * - waiting and left within the timescale are never counted, as in the percentage.
 */
import type { AimFigures, CohortJourney } from './aim-figures.js';
import { dateOfEpochDay, epochDay, epochDayAddingMonths, weeksFromDays, type PlainDate } from './date.js';
import { median } from './spc/median.js';

/** The day (a day number) a counted journey's status was settled; null for one not counted. */
export function settledDay(j: CohortJourney): number | null {
  switch (j.status) {
    case 'in_time':
      return j.endDay;
    case 'late':
    case 'overdue':
    case 'left_late':
      return epochDay(j.due) + 1;
    case 'waiting':
    case 'left_early':
      return null;
    default:
      return unreachable(j.status);
  }
}

export interface WindowFigures {
  readonly months: number;
  /** The first and last day of the window: `months` calendar months up to and including as-at. */
  readonly from: PlainDate;
  readonly to: PlainDate;
  /** The counted journeys settled in the window. */
  readonly journeys: readonly CohortJourney[];
  readonly counts: { readonly in_time: number; readonly late: number; readonly overdue: number; readonly left_late: number };
  readonly n: number;
  /** in time ÷ n × 100, unrounded; null when n is 0. */
  readonly percentage: number | null;
  /** Median weeks of the journeys that reached the milestone in the window. */
  readonly medianWeeks: number | null;
}

/** The journeys of `figures` settled in the `months` calendar months up to its as-at date. */
export function windowFigures(figures: AimFigures, months: number): WindowFigures {
  const toDay = epochDay(figures.asAt);
  const fromDay = epochDayAddingMonths(figures.asAt, -months) + 1;
  const journeys = figures.journeys.filter((j) => {
    const day = settledDay(j);
    return day !== null && day >= fromDay && day <= toDay;
  });
  const counts = { in_time: 0, late: 0, overdue: 0, left_late: 0 };
  for (const j of journeys) if (j.status !== 'waiting' && j.status !== 'left_early') counts[j.status] += 1;
  const n = journeys.length;
  return {
    months,
    from: dateOfEpochDay(fromDay),
    to: figures.asAt,
    journeys,
    counts,
    n,
    percentage: n === 0 ? null : (counts.in_time / n) * 100,
    medianWeeks: median(journeys.filter((j) => j.endDay !== null).map((j) => weeksFromDays(j.days))),
  };
}

function unreachable(value: never): never {
  throw new Error(`unhandled status: ${String(value)}`);
}
