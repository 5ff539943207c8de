/**
 * A timescale for reaching a milestone: a number of weeks (counted in days, weeks × 7) or of
 * calendar months (docs/measurement.md, "Status and figures").
 */
import { dateOfEpochDay, dayAddingMonths, epochDay, type PlainDate } from './date.js';

export type Timescale =
  | { readonly unit: 'weeks'; readonly weeks: number }
  | { readonly unit: 'months'; readonly months: number };

export function weeks(count: number): Timescale {
  return { unit: 'weeks', weeks: count };
}

export function months(count: number): Timescale {
  return { unit: 'months', months: count };
}

/**
 * The last day on which a journey started on `start` is still within its timescale: start + T days,
 * or start + T calendar months clamped to the month's last day.
 */
export function dueDate(start: PlainDate, timescale: Timescale): PlainDate {
  return dateOfEpochDay(dueDay(start, timescale));
}

/** The due date as a day number (date.ts), for comparing without making a date. */
export function dueDay(start: PlainDate, timescale: Timescale): number {
  return dueDayFrom(epochDay(start), timescale);
}

/** The due date as a day number from the start's day number. */
export function dueDayFrom(startDay: number, timescale: Timescale): number {
  switch (timescale.unit) {
    case 'weeks':
      return startDay + timescale.weeks * 7;
    case 'months':
      return dayAddingMonths(startDay, timescale.months);
    default:
      return unreachable(timescale);
  }
}

/** "26 weeks", "24 months", "1 month". */
export function describeTimescale(timescale: Timescale): string {
  switch (timescale.unit) {
    case 'weeks':
      return `${timescale.weeks} ${timescale.weeks === 1 ? 'week' : 'weeks'}`;
    case 'months':
      return `${timescale.months} ${timescale.months === 1 ? 'month' : 'months'}`;
    default:
      return unreachable(timescale);
  }
}

function unreachable(value: never): never {
  throw new Error(`unhandled timescale: ${JSON.stringify(value)}`);
}
