/**
 * A length of time a schedule rule counts from its start: days, weeks (7 days each) or calendar
 * months (clamped to the month's last day, as every month sum in pace is: 3 months after
 * 31 August is 30 November).
 */
import { addDays, dateOfEpochDay, epochDayAddingMonths, type PlainDate } from '../date.js';
import type { Timescale } from '../timescale.js';

export const intervalUnits = ['days', 'weeks', 'months'] as const;
export type IntervalUnit = (typeof intervalUnits)[number];

export interface Interval {
  readonly unit: IntervalUnit;
  readonly count: number;
}

export function interval(count: number, unit: IntervalUnit): Interval {
  return { unit, count };
}

/** An aim's timescale as an interval. */
export function intervalOfTimescale(timescale: Timescale): Interval {
  if (timescale.unit === 'days') return interval(timescale.days, 'days');
  return timescale.unit === 'weeks' ? interval(timescale.weeks, 'weeks') : interval(timescale.months, 'months');
}

/**
 * The date `times` intervals after `date`. Months are added all at once from `date` (never month
 * by month), so 6 and then 12 months after 31 August are 28 or 29 February and 31 August, not
 * 28 August.
 */
export function addInterval(date: PlainDate, span: Interval, times = 1): PlainDate {
  switch (span.unit) {
    case 'days':
      return addDays(date, span.count * times);
    case 'weeks':
      return addDays(date, span.count * 7 * times);
    case 'months':
      return dateOfEpochDay(epochDayAddingMonths(date, span.count * times));
    default:
      return unreachable(span.unit);
  }
}

/**
 * The due date of the `n`th time (1, 2, …) a rule falls due: `first` after the start, then `every`
 * after that. When both are in months (or both in days or weeks) they are summed before adding, so
 * the clamping to a month's end never accumulates.
 */
export function nthDue(start: PlainDate, first: Interval, every: Interval | null, n: number): PlainDate {
  if (n === 1 || every === null) return addInterval(start, first);
  const repeats = n - 1;
  if (first.unit === 'months' && every.unit === 'months') return addInterval(start, interval(first.count + every.count * repeats, 'months'));
  if (first.unit !== 'months' && every.unit !== 'months') return addDays(start, daysOf(first) + daysOf(every) * repeats);
  return addInterval(addInterval(start, first), every, repeats);
}

function daysOf(span: Interval): number {
  return span.unit === 'weeks' ? span.count * 7 : span.count;
}

/** "3 days", "1 week", "6 months". */
export function describeInterval(span: Interval): string {
  const singular = { days: 'day', weeks: 'week', months: 'month' }[span.unit];
  return `${span.count} ${span.count === 1 ? singular : span.unit}`;
}

function unreachable(value: never): never {
  throw new Error(`unhandled interval unit: ${String(value)}`);
}
