/**
 * A run chart of one value a month (the balancing measures, an aim's percentage in time month by
 * month) or a quarter (an aim quarter by quarter): the periods with a value are the points; the
 * baseline is the periods before the programme start when there are enough of them, else the
 * first ones shown (as for an aim's run chart); both rule sets, with re-phasing, and their verdicts
 * in words.
 */
import { fallbackBaseline, minimumBaseline } from './aim-series.js';
import { addDays, addMonths, epochDay, isBefore, makeDate, monthNames, monthWords, type PlainDate } from './date.js';
import { analyseSeries, describeVerdicts, type SpcAnalysis } from './spc/index.js';

export interface MonthValue {
  /** The first day of the month (of the quarter, for a quarterly chart). */
  readonly month: PlainDate;
  /** Null when the month has nothing to divide by: not plotted. */
  readonly value: number | null;
}

export interface MonthlyRunChart<P extends MonthValue> {
  /** The months with a value, in month order: the run chart's points. */
  readonly plotted: readonly P[];
  readonly baselineCount: number;
  readonly analysis: SpcAnalysis;
  readonly verdicts: readonly string[];
  readonly highlighted: ReadonlySet<number>;
}

export function lastDayOfMonth(month: PlainDate): PlainDate {
  return addDays(addMonths(month, 1), -1);
}

/** A run chart's period: a calendar month, or a calendar quarter (January to March, …). */
export interface Period {
  readonly one: string;
  readonly many: string;
  /** "March 2021"; "January to March 2021". */
  readonly words: (first: PlainDate) => string;
  readonly lastDay: (first: PlainDate) => PlainDate;
}

export const monthPeriod: Period = { one: 'month', many: 'months', words: monthWords, lastDay: lastDayOfMonth };

export const quarterPeriod: Period = {
  one: 'quarter',
  many: 'quarters',
  words: (first) => `${monthNames[first.month - 1]} to ${monthNames[first.month + 1]} ${first.year}`,
  lastDay: (first) => addDays(addMonths(first, 3), -1),
};

/** The `count` calendar quarters ending with the last that ends on or before `lastDay`, each as its first day. */
export function quartersEndingBy(lastDay: PlainDate, count: number): PlainDate[] {
  let last = makeDate(lastDay.year, lastDay.month - ((lastDay.month - 1) % 3), 1);
  if (epochDay(quarterPeriod.lastDay(last)) > epochDay(lastDay)) last = addMonths(last, -3);
  return Array.from({ length: count }, (_, i) => addMonths(last, 3 * (i - count + 1)));
}

/** The `count` calendar months ending with the last month that ends on or before `lastDay`. */
export function monthsEndingBy(lastDay: PlainDate, count: number): PlainDate[] {
  let last = makeDate(lastDay.year, lastDay.month, 1);
  if (epochDay(lastDayOfMonth(last)) > epochDay(lastDay)) last = addMonths(last, -1);
  return Array.from({ length: count }, (_, i) => addMonths(last, i - count + 1));
}

export function monthlyRunChart<P extends MonthValue>(points: readonly P[], programmeStart: PlainDate | null, period: Period = monthPeriod): MonthlyRunChart<P> {
  const plotted = points.filter((p) => p.value !== null);
  const beforeStart = programmeStart === null ? 0 : plotted.filter((p) => isBefore(period.lastDay(p.month), programmeStart)).length;
  const baselineCount = beforeStart >= minimumBaseline ? beforeStart : Math.min(fallbackBaseline, plotted.length);
  const analysis = analyseSeries(
    plotted.map((p) => p.value as number),
    baselineCount > 0 ? { freeze: baselineCount, rephase: true } : {},
  );
  const highlighted = new Set<number>();
  for (const span of [...analysis.ihi.shifts, ...analysis.ihi.trends]) for (let p = span.from; p <= span.to; p++) highlighted.add(p);
  const label = (position: number) => {
    const point = plotted[position - 1];
    return point ? period.words(point.month) : `point ${position}`;
  };
  const { one, many } = period;
  const baseline =
    plotted.length === 0
      ? `No ${one} has a value yet, so there is no baseline.`
      : beforeStart >= minimumBaseline
        ? `The baseline is the ${baselineCount} ${many} before the programme start.`
        : `The baseline is the first ${baselineCount === 1 ? one : `${baselineCount} ${many}`} shown, because ${programmeStart === null ? 'no programme start date is set' : beforeStart === 0 ? `none of the ${many} shown ended before the programme start` : `only ${beforeStart} of the ${many} shown ended before the programme start`}.`;
  return { plotted, baselineCount, analysis, verdicts: [baseline, ...describeVerdicts(analysis, label)], highlighted };
}
