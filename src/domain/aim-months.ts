/**
 * An aim month by month (issue 15, point 2; docs/decisions/0020-aim-months.md): of the journeys whose
 * outcome against the timescale was settled in each calendar month — in time on the day the
 * milestone was reached; late, overdue or left after the timescale on the day after the due date
 * (aim-window.ts) — the percentage in time. It is the process measure PACE teams plot as a run
 * chart of monthly percentages: it moves when practice changes, where the cumulative figure since
 * the from-date hardly moves. Months are the calendar months ending on or before as-at; a month
 * with no settled journey has no percentage and is not plotted.
 */
import type { AimFigures, CohortJourney } from './aim-figures.js';
import { settledDay, settledDayAt } from './aim-window.js';
import { epochDay, epochDayAddingMonths, makeDate, type PlainDate } from './date.js';
import { monthlyRunChart, monthsEndingBy, type MonthlyRunChart } from './monthly-run-chart.js';
import { statusCodes } from './status.js';

const { in_time: inTime } = statusCodes;

export interface AimMonth {
  /** The first day of the month. */
  readonly month: PlainDate;
  readonly inTime: number;
  /** Journeys settled in the month: in time + late + overdue + left after the timescale. */
  readonly n: number;
  /** inTime ÷ n × 100, unrounded; null when n is 0. */
  readonly value: number | null;
}

/** Months shown by default: three years. */
export const defaultAimMonths = 36;

/** The aim's percentage in time in each of the `count` calendar months ending on or before its as-at date. */
export function aimMonths(figures: AimFigures, count = defaultAimMonths): AimMonth[] {
  const months = monthsEndingBy(figures.asAt, count);
  // Each month as the day numbers it starts on, and the day after the last: a journey's settled
  // day is placed by comparing numbers, with no date made for it.
  const starts = [...months.map((m) => epochDay(m)), epochDayAddingMonths(months[months.length - 1] as PlainDate, 1)];
  const tallies = months.map(() => ({ inTime: 0, n: 0 }));
  // From the cohort's columns: no journey is made as an object.
  const { cohort, places } = figures;
  for (let p = 0; p < places.length; p++) {
    const k = places[p] as number;
    const day = settledDayAt(cohort, k);
    if (day === null || day < (starts[0] as number) || day >= (starts[count] as number)) continue;
    let i = 0;
    while (day >= (starts[i + 1] as number)) i += 1;
    const tally = tallies[i] as { inTime: number; n: number };
    tally.n += 1;
    if (cohort.status[k] === inTime) tally.inTime += 1;
  }
  return months.map((month, i) => {
    const { inTime, n } = tallies[i] as { inTime: number; n: number };
    return { month, inTime, n, value: n === 0 ? null : (inTime / n) * 100 };
  });
}

/** The counted journeys settled in `month` (its first day). */
export function journeysSettledIn(figures: AimFigures, month: PlainDate): CohortJourney[] {
  const [from, to] = [epochDay(month), epochDayAddingMonths(month, 1)];
  return figures.journeys.filter((j) => {
    const day = settledDay(j);
    return day !== null && day >= from && day < to;
  });
}

/** The months as a run chart with the rules (monthly-run-chart.ts). */
export function aimMonthsChart(months: readonly AimMonth[], programmeStart: PlainDate | null): MonthlyRunChart<AimMonth> {
  return monthlyRunChart(months, programmeStart);
}

/** The first day of each month a journey list may be asked for: "2021-03" is March 2021. */
export function parseMonth(text: string): PlainDate | null {
  const match = /^(\d{4})-(\d{2})$/.exec(text);
  if (!match) return null;
  const month = Number(match[2]);
  if (month < 1 || month > 12) return null;
  return makeDate(Number(match[1]), month, 1);
}
