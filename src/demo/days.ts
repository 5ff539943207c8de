/**
 * Day numbers for generating data: arithmetic on integers, and one shared PlainDate per distinct
 * day when the records are made (constructing a PlainDate is the expensive part).
 */
import { epochDay, makeDate, type PlainDate } from '../domain/date.js';

export { epochDay };

/** The calendar date of a day number (Hinnant's civil_from_days). */
export function civilFromDays(day: number): { year: number; month: number; day: number } {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const d = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { year: yearOfEra + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d };
}

/** Makes PlainDates from day numbers, once per distinct day. */
export class DayDates {
  readonly #made = new Map<number, PlainDate>();

  date(day: number): PlainDate {
    let date = this.#made.get(day);
    if (date === undefined) {
      const c = civilFromDays(day);
      date = makeDate(c.year, c.month, c.day);
      this.#made.set(day, date);
    }
    return date;
  }
}
