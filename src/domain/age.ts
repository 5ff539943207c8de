/**
 * A child's age in years and months, as people say it ("3 years 2 months"), for timelines read
 * by parents, carers, panel members and courts.
 */
import { addDays, addMonths, compareDates, type PlainDate } from './date.js';

/**
 * The day a child born on `dateOfBirth` is `months` calendar months old. A child born on the 31st
 * (or on 29 February) is a month older on the first of the next month when that month has no such
 * day, as ageInYears counts birthdays (date.ts).
 */
export function dateAtAgeInMonths(dateOfBirth: PlainDate, months: number): PlainDate {
  const clamped = addMonths(dateOfBirth, months);
  return clamped.day < dateOfBirth.day ? addDays(clamped, 1) : clamped;
}

/** Age in whole calendar months on `on` (0 before the child is a month old). */
export function ageInMonths(dateOfBirth: PlainDate, on: PlainDate): number {
  let months = (on.year - dateOfBirth.year) * 12 + (on.month - dateOfBirth.month);
  while (months > 0 && compareDates(dateAtAgeInMonths(dateOfBirth, months), on) > 0) months -= 1;
  return Math.max(0, months);
}

/** "3 years 2 months", "1 year", "7 months", "under a month". */
export function describeAge(months: number): string {
  if (months < 1) return 'under a month';
  const years = Math.floor(months / 12);
  const rest = months % 12;
  const parts: string[] = [];
  if (years > 0) parts.push(`${years} ${years === 1 ? 'year' : 'years'}`);
  if (rest > 0) parts.push(`${rest} ${rest === 1 ? 'month' : 'months'}`);
  return parts.join(' ');
}
