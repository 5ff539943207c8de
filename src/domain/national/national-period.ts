/**
 * The national view's dates move in whole months (docs/decisions/0010-national-view.md). Two tables
 * as at dates a day apart would differ only by the journeys of that day — a child or two, whose
 * counts could be worked out by subtracting one table from the other. So the figures are as at the
 * last day of a month that has ended, and a from-date is the first day of a month: tables can
 * differ by a month of journeys at the least.
 */
import { compareDates, makeDate, parseDate, type PlainDate } from '../date.js';

/** What a reader asked for: a whole month, or a day (taken to a month by the rules below). */
export type MonthOrDay = { readonly kind: 'month'; readonly year: number; readonly month: number } | { readonly kind: 'day'; readonly date: PlainDate };

/** `2024-03`, `03/2024` or `3/2024`, or any date `parseDate` reads; null when it is neither. */
export function parseMonthOrDay(text: string): MonthOrDay | null {
  const trimmed = text.trim();
  const iso = /^(\d{4})-(\d{1,2})$/.exec(trimmed);
  const uk = /^(\d{1,2})\/(\d{4})$/.exec(trimmed);
  const [year, month] = iso ? [Number(iso[1]), Number(iso[2])] : uk ? [Number(uk[2]), Number(uk[1])] : [0, 0];
  if (iso || uk) return year >= 1 && month >= 1 && month <= 12 ? { kind: 'month', year, month } : null;
  const day = parseDate(trimmed);
  return day.ok ? { kind: 'day', date: day.value } : null;
}

/** The first day of the month `date` is in. */
export function firstOfMonth(date: PlainDate): PlainDate {
  return makeDate(date.year, date.month, 1);
}

/** The last day of the month before the one `date` is in. */
function endOfPreviousMonth(date: PlainDate): PlainDate {
  return firstOfMonth(date).subtract({ days: 1 });
}

/** `date` when it is the last day of its month, otherwise the last day of the month before. */
export function monthEndOnOrBefore(date: PlainDate): PlainDate {
  return date.add({ days: 1 }).day === 1 ? date : endOfPreviousMonth(date);
}

export interface NationalPeriod {
  /** The last day of a month that has ended. */
  readonly asAt: PlainDate;
  /**
   * Why that day: the end of the month asked for; the end of the last whole month by the day asked
   * for (that day itself when it ends a month); or the end of the last month that has ended by
   * today (nothing asked, or a month not yet ended).
   */
  readonly asAtIs: 'month-asked' | 'month-end-by-day' | 'last-ended-month';
  /** The first day of a month, or null for every journey. */
  readonly fromDate: PlainDate | null;
}

/**
 * The dates the national figures are for. As at: the last day of the month asked for, or, for a
 * day, of the last month that had ended by it (the day itself when it is a month's last); never
 * later than the last month that has ended by `today` (a month still running would change from day
 * to day); by default that month. From: the first day of the month asked for, or of the day's month.
 */
export function nationalPeriod(asked: { readonly asAt: MonthOrDay | null; readonly from: MonthOrDay | null }, today: PlainDate): NationalPeriod {
  const latest = endOfPreviousMonth(today);
  const fromDate = asked.from === null ? null : asked.from.kind === 'month' ? makeDate(asked.from.year, asked.from.month, 1) : firstOfMonth(asked.from.date);
  const wanted = asked.asAt === null ? null : asked.asAt.kind === 'month' ? endOfPreviousMonth(makeDate(asked.asAt.year, asked.asAt.month, 1).add({ months: 1 })) : monthEndOnOrBefore(asked.asAt.date);
  if (wanted === null || compareDates(wanted, latest) > 0) return { asAt: latest, asAtIs: 'last-ended-month', fromDate };
  return { asAt: wanted, asAtIs: asked.asAt?.kind === 'month' ? 'month-asked' : 'month-end-by-day', fromDate };
}

/** `2024-03`: the month of a national date, as the address and the form write it. */
export function monthText(date: PlainDate): string {
  return date.toString().slice(0, 7);
}

/**
 * The date a partner's figures are as at (docs/decisions/0032-partner-charts-and-packs.md): like the
 * national view's, the end of the last month that had ended by the day asked for, so that two
 * partners' views a day apart cannot be subtracted to single out the journeys of that day.
 */
export function partnerAsAt(asked: PlainDate, today: PlainDate): PlainDate {
  return nationalPeriod({ asAt: { kind: 'day', date: compareDates(asked, today) > 0 ? today : asked }, from: null }, today).asAt;
}
