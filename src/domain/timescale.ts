/**
 * A timescale for reaching a milestone: a number of weeks (counted in days, weeks × 7) or of
 * calendar months (docs/measurement.md, "Status and figures").
 */
import { dateOfEpochDay, dayAddingMonths, epochDay, type PlainDate } from './date.js';

export type Timescale =
  | { readonly unit: 'weeks'; readonly weeks: number }
  | { readonly unit: 'months'; readonly months: number }
  /** For process measures counted in days: "a 72-hour meeting within 3 days". 0 days: on the start day itself. */
  | { readonly unit: 'days'; readonly days: number };

export function weeks(count: number): Timescale {
  return { unit: 'weeks', weeks: count };
}

export function months(count: number): Timescale {
  return { unit: 'months', months: count };
}

export function days(count: number): Timescale {
  return { unit: 'days', days: count };
}

/** "12 weeks", "3 days", "24 months", "1 month": what `pace aim add --timescale` and the API take. */
export function parseTimescale(text: string): Timescale | null {
  const match = /^\s*(\d{1,4})\s*(days?|weeks?|months?)\s*$/i.exec(text);
  if (!match) return null;
  const count = Number(match[1]);
  const unit = (match[2] as string).toLowerCase();
  if (unit.startsWith('day')) return count <= 3650 ? days(count) : null;
  if (unit.startsWith('week')) return count >= 1 && count <= 520 ? weeks(count) : null;
  return count >= 1 && count <= 120 ? months(count) : null;
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
    case 'days':
      return startDay + timescale.days;
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
    case 'days':
      return `${timescale.days} ${timescale.days === 1 ? 'day' : 'days'}`;
    default:
      return unreachable(timescale);
  }
}

function unreachable(value: never): never {
  throw new Error(`unhandled timescale: ${JSON.stringify(value)}`);
}
