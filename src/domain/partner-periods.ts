/**
 * Everything a multi-agency partner reads of an aim's counts, suppressed as one table
 * (docs/decisions/0032-partner-charts-and-packs.md): the figure for the last 12 months, the figure
 * since the from-date, and the percentage in time of each month and each quarter. They are all
 * counts of the same journeys over spans of time that nest and overlap — three months make a
 * quarter, twelve make (nearly) the recent window, every month lies inside the whole — so a reader
 * of all of them can subtract one from another. Suppressing each on its own would let a quarter
 * less two shown months give a hidden month away; so the time is cut into the pieces that no shown
 * span splits (segments), every shown span is a sum of segments, and the national view's own
 * suppression (national/suppression.ts: every count under 5 hidden, then whatever would give a
 * hidden count away, zero included) is worked on the table of all of them at once.
 */
import type { AimFigures } from './aim-figures.js';
import { settledDay } from './aim-window.js';
import { epochDay, epochDayAddingMonths, type PlainDate } from './date.js';
import { monthsEndingBy, quartersEndingBy } from './monthly-run-chart.js';
import type { PublishedCount } from './national/national-comparison.js';
import { smallCountThreshold, suppressedMark, suppressSmallCounts, type CountSum } from './national/suppression.js';

/** A count of journeys settled in a piece of time: in time, and not in time (late, overdue, left after the timescale). */
export interface SplitCount {
  readonly inTime: number;
  readonly notInTime: number;
}

/** A span a reader is shown, as the segments it is made of (indices into the segments). */
export interface ShownSpan {
  readonly segments: readonly number[];
}

/** One span's figure as published: a hidden count reads `[c]`; the percentage is null when either count is hidden, or n is 0. */
export interface PublishedFigure {
  readonly inTime: PublishedCount;
  readonly n: PublishedCount;
  readonly percentage: number | null;
  /** True when a count, and so the percentage, is hidden. */
  readonly suppressed: boolean;
}

// Each row of the table (a segment, or a span made of several) has three cells: in time, not in
// time, n; in each row in time + not in time = n, and down each column a span's segments add up to
// the span. Only in time and n of a shown span are shown: those cost readers something to hide;
// the rest (every segment that is no span of its own, every not-in-time) cost nothing, so secondary
// suppression hides them first. A cell the suppression leaves "shown" that the page does not show is
// taken as known to the reader (it may be worked out from what is shown), which can only hide more.
const width = 3;

/**
 * The spans as a partner may read them. `segments` are disjoint pieces of time and every span is a
 * union of them; a span that is one segment is that segment's row, so no sum merely repeats a cell.
 */
export function publishSpans(segments: readonly SplitCount[], spans: readonly ShownSpan[], threshold: number = smallCountThreshold): PublishedFigure[] {
  const rowOfSpan: number[] = [];
  const composite: { segments: readonly number[]; key: string }[] = [];
  for (const span of spans) {
    const parts = [...new Set(span.segments)].sort((a, b) => a - b);
    if (parts.some((s) => s < 0 || s >= segments.length)) throw new Error(`a span names a segment that is not there: ${parts.join(', ')}`);
    if (parts.length === 1) {
      rowOfSpan.push(parts[0] as number);
      continue;
    }
    const key = parts.join(',');
    let index = composite.findIndex((c) => c.key === key);
    if (index < 0) index = composite.push({ segments: parts, key }) - 1;
    rowOfSpan.push(segments.length + index);
  }
  const rows = [...segments.map((s) => [s.inTime, s.notInTime]), ...composite.map((c) => [0, 1].map((k) => c.segments.reduce((total, s) => total + (k === 0 ? (segments[s] as SplitCount).inTime : (segments[s] as SplitCount).notInTime), 0)))];
  const values = rows.flatMap(([inTime, notInTime]) => [inTime as number, notInTime as number, (inTime as number) + (notInTime as number)]);
  const at = (row: number, column: number) => row * width + column;
  const sums: CountSum[] = rows.map((_, r) => ({ parts: [at(r, 0), at(r, 1)], total: at(r, 2) }));
  composite.forEach((c, i) => {
    for (let column = 0; column < width; column++) sums.push({ parts: c.segments.map((s) => at(s, column)), total: at(segments.length + i, column) });
  });
  const shownRows = new Set(rowOfSpan);
  const costs = values.map((_, cell) => (shownRows.has(Math.floor(cell / width)) && cell % width !== 1 ? 1 : 0));
  const state = suppressSmallCounts({ values, sums, costs }, threshold);
  return rowOfSpan.map((row) => {
    const shown = (column: number) => state[at(row, column)] === 'shown';
    const inTime = values[at(row, 0)] as number;
    const n = values[at(row, 2)] as number;
    const both = shown(0) && shown(2);
    return { inTime: shown(0) ? inTime : suppressedMark, n: shown(2) ? n : suppressedMark, percentage: both && n > 0 ? (inTime / n) * 100 : null, suppressed: !both };
  });
}

/** A month's (or a quarter's) figure as a partner reads it; `value` is the percentage, null when hidden: not plotted. */
export interface PartnerPeriod extends PublishedFigure {
  /** The first day of the month (of the quarter). */
  readonly month: PlainDate;
  readonly value: number | null;
}

export interface PartnerAimPeriods {
  /** The last `recentMonths` months up to the as-at date (aim-window.ts). */
  readonly recent: PublishedFigure;
  /** Since the from-date: every counted journey. */
  readonly whole: PublishedFigure;
  /** The calendar months ending by the as-at date, oldest first (aim-months.ts). */
  readonly months: readonly PartnerPeriod[];
  /** The calendar quarters ending by the as-at date, oldest first (aim-quarters.ts). */
  readonly quarters: readonly PartnerPeriod[];
}

export interface PartnerPeriodCounts {
  readonly recentMonths: number;
  readonly months: number;
  readonly quarters: number;
}

/**
 * The aim's recent and whole figures, months and quarters, suppressed together. Each counted journey
 * is placed by the day its outcome was settled (aim-window.ts), as the aim's months, quarters and
 * recent window place it, so every span here holds exactly the journeys those count.
 */
export function partnerAimPeriods(figures: Pick<AimFigures, 'asAt' | 'journeys'>, counts: PartnerPeriodCounts, threshold: number = smallCountThreshold): PartnerAimPeriods {
  const months = monthsEndingBy(figures.asAt, counts.months);
  const quarters = quartersEndingBy(figures.asAt, counts.quarters);
  const recentFrom = epochDayAddingMonths(figures.asAt, -counts.recentMonths) + 1;
  const afterAsAt = epochDay(figures.asAt) + 1;
  const monthSpans = months.map((m) => [epochDay(m), epochDayAddingMonths(m, 1)] as const);
  const quarterSpans = quarters.map((q) => [epochDay(q), epochDayAddingMonths(q, 3)] as const);
  // The segments: the time between one boundary of a shown span and the next, with the time before
  // the first and after the last (the earlier journeys of the whole) at either end.
  const boundaries = [...new Set([...monthSpans.flat(), ...quarterSpans.flat(), recentFrom, afterAsAt])].sort((a, b) => a - b);
  const segmentOf = (day: number): number => {
    let i = 0;
    while (i < boundaries.length && day >= (boundaries[i] as number)) i += 1;
    return i;
  };
  const tallies = Array.from({ length: boundaries.length + 1 }, () => ({ inTime: 0, notInTime: 0 }));
  for (const j of figures.journeys) {
    const day = settledDay(j);
    if (day === null) continue;
    const tally = tallies[segmentOf(day)] as { inTime: number; notInTime: number };
    if (j.status === 'in_time') tally.inTime += 1;
    else tally.notInTime += 1;
  }
  // Segment s runs from boundary s − 1 (none for the first) up to boundary s (none for the last).
  const between = (from: number, to: number): ShownSpan => ({ segments: tallies.map((_, s) => s).filter((s) => s >= 1 && (boundaries[s - 1] as number) >= from && (boundaries[s] ?? Infinity) <= to) });
  const spans = [between(recentFrom, afterAsAt), { segments: tallies.map((_, s) => s) }, ...monthSpans.map(([from, to]) => between(from, to)), ...quarterSpans.map(([from, to]) => between(from, to))];
  // A span with no segment (none can, as every boundary is a segment's edge) would be a bug.
  if (spans.some((s) => s.segments.length === 0)) throw new Error('a shown span holds no segment');
  const published = publishSpans(tallies, spans, threshold);
  const period = (month: PlainDate, figure: PublishedFigure): PartnerPeriod => ({ month, ...figure, value: figure.percentage });
  return {
    recent: published[0] as PublishedFigure,
    whole: published[1] as PublishedFigure,
    months: months.map((m, i) => period(m, published[2 + i] as PublishedFigure)),
    quarters: quarters.map((q, i) => period(q, published[2 + months.length + i] as PublishedFigure)),
  };
}
