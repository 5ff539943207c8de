/**
 * Calendar dates. Every date in pace is a day on the calendar (`Temporal.PlainDate`), never an
 * instant, so no time zone can move a child's milestone by a day.
 *
 * The polyfill's arithmetic is exact but slow to construct; comparisons and differences here
 * work on day numbers computed from the date's fields, which is fast and equally exact.
 */
import { Temporal } from 'temporal-polyfill';

export { Temporal };
export type PlainDate = Temporal.PlainDate;

// Reading a polyfilled date's fields is not free, and the same few thousand dates are compared
// millions of times, so each date remembers its day number (dates are immutable). It is kept on
// the date itself, under a symbol, not enumerable: a WeakMap look-up cost more than the rest of
// deriving a journey, and its entries slowed every garbage collection.
const dayNumber = Symbol('pace.epochDay');

type NumberedDate = PlainDate & { [dayNumber]?: number };

/** Days since 1970-01-01 (negative before it), from the proleptic Gregorian calendar. */
export function epochDay(date: PlainDate): number {
  const day = (date as NumberedDate)[dayNumber];
  return day === undefined ? rememberDay(date, daysFromCivil(date.year, date.month, date.day)) : day;
}

function rememberDay(date: PlainDate, day: number): number {
  Object.defineProperty(date, dayNumber, { value: day, enumerable: false, writable: false, configurable: false });
  return day;
}

/** Howard Hinnant's days_from_civil: http://howardhinnant.github.io/date_algorithms.html */
export function daysFromCivil(calendarYear: number, month: number, dayOfMonth: number): number {
  const year = calendarYear - (month <= 2 ? 1 : 0);
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + dayOfMonth - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** The number of days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: PlainDate, to: PlainDate): number {
  return epochDay(to) - epochDay(from);
}

/** Negative, zero or positive as `a` is before, on or after `b`. */
export function compareDates(a: PlainDate, b: PlainDate): number {
  return epochDay(a) - epochDay(b);
}

export function isBefore(a: PlainDate, b: PlainDate): boolean {
  return epochDay(a) < epochDay(b);
}

export function isAfter(a: PlainDate, b: PlainDate): boolean {
  return epochDay(a) > epochDay(b);
}

export function addDays(date: PlainDate, days: number): PlainDate {
  return dateOfEpochDay(epochDay(date) + days);
}

/** The day number `months` calendar months after `date`, clamped to the month's last day. */
export function epochDayAddingMonths(date: PlainDate, months: number): number {
  return dayAddingMonths(epochDay(date), months);
}

/** The same from a day number. */
export function dayAddingMonths(day: number, months: number): number {
  // From the packed date (packedCivil), making no object: this runs for every journey of an aim
  // whose timescale is in months.
  const packed = packedCivil(day);
  const fromYear = Math.floor(packed / 512);
  const monthDay = packed - fromYear * 512;
  const total = fromYear * 12 + (Math.floor(monthDay / 32) - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  return daysFromCivil(year, month, Math.min(monthDay % 32, daysInMonth(year, month)));
}

// The same few thousand days are written out again and again, so each date remembers its text
// too, in the same way as its day number.
const isoText = Symbol('pace.isoDate');

type TextedDate = PlainDate & { [isoText]?: string };

/** `YYYY-MM-DD`. */
export function isoDate(date: PlainDate): string {
  return (date as TextedDate)[isoText] ?? rememberText(date);
}

function rememberText(date: PlainDate): string {
  const text = date.toString();
  Object.defineProperty(date, isoText, { value: text, enumerable: false, writable: false, configurable: false });
  return text;
}

// Shared dates by day number: days from 1800 to 2199 in an array (the records' days, looked up
// millions of times), any others in a map.
const firstListedDay = daysFromCivil(1800, 1, 1);
const listedDates: (PlainDate | undefined)[] = new Array<PlainDate | undefined>(daysFromCivil(2200, 1, 1) - firstListedDay);
const otherDates = new Map<number, PlainDate>();
/** packedCivil of the same days (0: not yet worked out; no day packs to 0). */
const listedCivil = new Int32Array(listedDates.length);

/** The date of a day number, one shared date per day (constructing a date is the slow part). */
export function dateOfEpochDay(day: number): PlainDate {
  const listed = day >= firstListedDay && day - firstListedDay < listedDates.length;
  let date = listed ? listedDates[day - firstListedDay] : otherDates.get(day);
  if (date === undefined) {
    const c = civilFromDays(day);
    date = new Temporal.PlainDate(c.year, c.month, c.day);
    if (listed) listedDates[day - firstListedDay] = date;
    else otherDates.set(day, date);
    rememberDay(date, day);
    rememberText(date);
  }
  return date;
}

/** The calendar date of a day number (Hinnant's civil_from_days). */
export function civilFromDays(day: number): { year: number; month: number; day: number } {
  const packed = packedCivil(day);
  const year = Math.floor(packed / 512);
  const monthDay = packed - year * 512;
  return { year, month: Math.floor(monthDay / 32), day: monthDay % 32 };
}

/**
 * civilFromDays as one number, year × 512 + month × 32 + day, for code that runs for every journey
 * and should make no object: within a year, the remainder by 512 orders as the dates do. Days from
 * 1800 to 2199 are remembered once worked out (Hinnant's eight floored divisions cost more than
 * the rest of an age), in a table filled as days are asked for.
 */
function packedCivil(day: number): number {
  const listed = day >= firstListedDay && day - firstListedDay < listedCivil.length;
  if (!listed) return computedPackedCivil(day);
  const remembered = listedCivil[day - firstListedDay] as number;
  if (remembered !== 0) return remembered;
  const packed = computedPackedCivil(day);
  listedCivil[day - firstListedDay] = packed;
  return packed;
}

function computedPackedCivil(day: number): number {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const d = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return (yearOfEra + era * 400 + (m <= 2 ? 1 : 0)) * 512 + m * 32 + d;
}

/**
 * The date `months` calendar months after `date`, clamped to the last day of the month when
 * that day does not exist: 6 months after 2019-08-31 is 2020-02-29.
 */
export function addMonths(date: PlainDate, months: number): PlainDate {
  return dateOfEpochDay(epochDayAddingMonths(date, months));
}

/** Weeks = days ÷ 7 (docs/measurement.md), unrounded. */
export function weeksFromDays(days: number): number {
  return days / 7;
}

/**
 * Age in whole years on `on`. A child born on 29 February turns a year older on 1 March in a
 * year without one (Age of Legal Capacity (Scotland) Act 1991, s.6).
 */
export function ageInYears(dateOfBirth: PlainDate, on: PlainDate): number {
  return ageOnDay(epochDay(dateOfBirth), epochDay(on));
}

/** ageInYears from day numbers: packed, as this runs for every journey. */
export function ageOnDay(dayOfBirth: number, onDay: number): number {
  const born = packedCivil(dayOfBirth);
  const day = packedCivil(onDay);
  const bornYear = Math.floor(born / 512);
  const year = Math.floor(day / 512);
  const beforeBirthday = day - year * 512 < born - bornYear * 512;
  return year - bornYear - (beforeBirthday ? 1 : 0);
}

export function latestDate(a: PlainDate, b: PlainDate): PlainDate {
  return isAfter(b, a) ? b : a;
}

export function makeDate(year: number, month: number, day: number): PlainDate {
  return new Temporal.PlainDate(year, month, day);
}

export type DateParseError = { readonly code: 'invalid-date'; readonly value: string };
export type DateParseResult = { readonly ok: true; readonly value: PlainDate } | { readonly ok: false; readonly error: DateParseError };

const isoPattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const ukPattern = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/**
 * Reads a date written as ISO `YYYY-MM-DD` or UK `DD/MM/YYYY` (docs/measurement.md). A date that does
 * not exist on the calendar (31/02/2020) is an error, never silently moved to another day.
 */
export function parseDate(text: string): DateParseResult {
  const trimmed = text.trim();
  const iso = isoPattern.exec(trimmed);
  const uk = iso ? null : ukPattern.exec(trimmed);
  const parts = iso ? [iso[1], iso[2], iso[3]] : uk ? [uk[3], uk[2], uk[1]] : null;
  if (!parts) return { ok: false, error: { code: 'invalid-date', value: text } };
  const [year, month, day] = parts.map(Number) as [number, number, number];
  if (!isRealDay(year, month, day)) return { ok: false, error: { code: 'invalid-date', value: text } };
  return { ok: true, value: makeDate(year, month, day) };
}

/** Parses a date known to be valid (from our own database or code); a bad one is a bug. */
export function parseDateOrThrow(text: string): PlainDate {
  const parsed = parseDate(text);
  if (!parsed.ok) throw new Error(`invalid date: ${text}`);
  return parsed.value;
}

export function isRealDay(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** `YYYY-MM-DD`. */
export function formatIsoDate(date: PlainDate): string {
  return date.toString();
}

export const monthNames = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "March 2025": a month as a reader says it. */
export function monthWords(date: PlainDate): string {
  return `${monthNames[date.month - 1]} ${date.year}`;
}

/** "31 January 2019". */
export function longDate(date: PlainDate): string {
  return `${date.day} ${monthWords(date)}`;
}
