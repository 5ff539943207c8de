/**
 * An aim quarter by quarter (issue 20, point 4; docs/decisions/0028-quarterly-trends.md): for each
 * calendar quarter, of the journeys whose outcome against the timescale was settled in it (the
 * same day as month by month: in time on the day the milestone was reached; late, overdue or left
 * after the timescale on the day after the due date — aim-window.ts), the percentage in time; and
 * the median weeks of the journeys completed in it (in time or late, by the day of the milestone),
 * as the headline's median is of completed journeys (MEASUREMENT.md). Quarters are the calendar
 * quarters (January to March, April to June, …) ending on or before the as-at date. A quarter with
 * nothing to divide by has no percentage, and none completed no median.
 */
import type { AimFigures, CohortJourney } from './aim-figures.js';
import { settledDay, settledDayAt } from './aim-window.js';
import { epochDay, epochDayAddingMonths, makeDate, weeksFromDays, type PlainDate } from './date.js';
import { monthlyRunChart, quarterPeriod, quartersEndingBy, type MonthlyRunChart } from './monthly-run-chart.js';
import { median } from './spc/median.js';
import { statusCodes } from './status.js';

const { in_time: inTime } = statusCodes;

export interface AimQuarter {
  /** The first day of the quarter. */
  readonly month: PlainDate;
  readonly inTime: number;
  /** Journeys settled in the quarter: in time + late + overdue + left after the timescale. */
  readonly n: number;
  /** inTime ÷ n × 100, unrounded; null when n is 0. */
  readonly value: number | null;
  /** Journeys completed in the quarter (in time or late): what the median is of. */
  readonly completed: number;
  /** The weeks each completed journey took (for a median pooled over authorities). */
  readonly completedWeeks: readonly number[];
  readonly medianWeeks: number | null;
}

/** Quarters shown by default: three years. */
export const defaultAimQuarters = 12;

/** The aim's percentage in time and median weeks in each of the `count` calendar quarters ending on or before its as-at date. */
export function aimQuarters(figures: AimFigures, count = defaultAimQuarters): AimQuarter[] {
  const quarters = quartersEndingBy(figures.asAt, count);
  const starts = [...quarters.map((q) => epochDay(q)), epochDayAddingMonths(quarters[quarters.length - 1] as PlainDate, 3)];
  const indexOf = (day: number | null): number | null => {
    if (day === null || day < (starts[0] as number) || day >= (starts[count] as number)) return null;
    let i = 0;
    while (day >= (starts[i + 1] as number)) i += 1;
    return i;
  };
  const tallies = quarters.map(() => ({ inTime: 0, n: 0, weeks: [] as number[] }));
  // From the cohort's columns: no journey is made as an object.
  const { cohort, places } = figures;
  for (let p = 0; p < places.length; p++) {
    const k = places[p] as number;
    const settled = indexOf(settledDayAt(cohort, k));
    if (settled !== null) {
      const tally = tallies[settled] as (typeof tallies)[number];
      tally.n += 1;
      if (cohort.status[k] === inTime) tally.inTime += 1;
    }
    const completed = cohort.completed(k) ? indexOf(cohort.endDay(k)) : null;
    if (completed !== null) (tallies[completed] as (typeof tallies)[number]).weeks.push(weeksFromDays(cohort.days[k] as number));
  }
  return quarters.map((month, i) => {
    const { inTime, n, weeks } = tallies[i] as (typeof tallies)[number];
    return { month, inTime, n, value: n === 0 ? null : (inTime / n) * 100, completed: weeks.length, completedWeeks: weeks, medianWeeks: median(weeks) };
  });
}

/** The counted journeys settled in the quarter starting on `first`. */
export function journeysSettledInQuarter(figures: AimFigures, first: PlainDate): CohortJourney[] {
  const [from, to] = [epochDay(first), epochDayAddingMonths(first, 3)];
  return figures.journeys.filter((j) => {
    const day = settledDay(j);
    return day !== null && day >= from && day < to;
  });
}

/** The quarters' percentages as a run chart with the rules (monthly-run-chart.ts). */
export function aimQuartersChart(quarters: readonly AimQuarter[], programmeStart: PlainDate | null): MonthlyRunChart<AimQuarter> {
  return monthlyRunChart(quarters, programmeStart, quarterPeriod);
}

/** The first day of the quarter a journey list may be asked for: "2021-Q1" is January to March 2021. */
export function parseQuarter(text: string): PlainDate | null {
  const match = /^(\d{4})-Q([1-4])$/.exec(text);
  return match ? makeDate(Number(match[1]), 3 * Number(match[2]) - 2, 1) : null;
}

/** "2021-Q1" for the quarter starting on `first`. */
export function quarterKey(first: PlainDate): string {
  return `${first.year}-Q${Math.floor((first.month - 1) / 3) + 1}`;
}
