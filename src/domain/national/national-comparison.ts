/**
 * The national view (docs/domain.md: "a national view compares authorities without exposing
 * children"): each national aim, measured by its national definition over every authority's
 * records, as counts, percentage in time with its 95% Wilson interval, median weeks and the
 * authority's place on the funnel plot — with every count under 5 hidden and the cells that would
 * give one away hidden too (suppression.ts). The result holds no child: only what may be published.
 */
import { nationalAims, type Aim } from '../aim.js';
import { aimFigures, type AimFigures } from '../aim-figures.js';
import { deriveJourneysInSteps } from '../journey.js';
import { weeksFromDays, type PlainDate } from '../date.js';
import type { Authority, ChildRecord } from '../records.js';
import { median } from '../spc/median.js';
import { funnelPosition, type FunnelPosition } from './funnel.js';
import { firstOfMonth, monthEndOnOrBefore } from './national-period.js';
import { smallCountThreshold, suppressedMark, suppressGrid, suppressSmallCounts, type CountSum } from './suppression.js';
import { aimQuarters, type AimQuarter } from '../aim-quarters.js';
import { quartersEndingBy } from '../monthly-run-chart.js';
import { wilsonInterval } from './wilson.js';

export const countColumns = ['in_time', 'late', 'overdue', 'n', 'waiting'] as const;
export type CountColumn = (typeof countColumns)[number];

/** A count as published: the number, or `[c]` when it is hidden. */
export type PublishedCount = number | typeof suppressedMark;

export interface NationalRow {
  /** The authority's code; null for the row of all authorities. */
  readonly code: string | null;
  readonly name: string;
  readonly counts: Readonly<Record<CountColumn, PublishedCount>>;
  /** Percentage in time (0–100, unrounded); null when it would give a hidden count away. */
  readonly percentage: number | null;
  /** Its 95% Wilson score interval, in percent; null with the percentage. */
  readonly interval: { readonly lower: number; readonly upper: number } | null;
  /** Median weeks of completed journeys; null when fewer than 5 journeys completed. */
  readonly medianWeeks: number | null;
  /** Against the funnel's limits around the national rate; null for the national row, or when the percentage or the rate is not published. */
  readonly position: FunnelPosition | null;
}

/** One authority's (or all authorities') quarter as published: a count under 5, or one that would give one away, is `[c]`. */
export interface NationalQuarterCell {
  readonly inTime: PublishedCount;
  readonly n: PublishedCount;
  /** Percentage in time (0–100, unrounded); null when not published. */
  readonly percentage: number | null;
  /** Median weeks of the journeys completed in the quarter; null when fewer than 5 completed. */
  readonly medianWeeks: number | null;
}

export interface NationalQuarterRow {
  readonly code: string | null;
  readonly name: string;
  /** One cell a quarter, in the order of `NationalQuarters.quarters`. */
  readonly cells: readonly NationalQuarterCell[];
}

/** An aim quarter by quarter for every authority (aim-quarters.ts), each quarter suppressed as a table of its own. */
export interface NationalQuarters {
  /** The first day of each quarter, oldest first: the calendar quarters ending by the as-at date. */
  readonly quarters: readonly PlainDate[];
  readonly authorities: readonly NationalQuarterRow[];
  readonly national: NationalQuarterRow;
}

export interface NationalAimComparison {
  /** The national definition every authority is measured by. */
  readonly aim: Aim;
  /** Quarter by quarter. */
  readonly byQuarter: NationalQuarters;
  /** One row per authority, by name. */
  readonly authorities: readonly NationalRow[];
  readonly national: NationalRow;
  /** The national proportion in time (0–1) the funnel is drawn around; null when not published. */
  readonly rate: number | null;
}

export interface NationalComparison {
  /** The last day of a month. */
  readonly asAt: PlainDate;
  /** The first day of a month, or null. */
  readonly fromDate: PlainDate | null;
  readonly threshold: number;
  readonly aims: readonly NationalAimComparison[];
}

export interface AuthorityRecords {
  readonly authority: Authority;
  readonly records: readonly ChildRecord[];
}

interface RawRow {
  readonly code: string | null;
  readonly name: string;
  readonly counts: Readonly<Record<CountColumn, number>>;
  readonly completedWeeks: readonly number[];
}

/**
 * Compares every authority on each national aim as at `asAt`. Every authority is measured by the
 * national definition of the aim (its default timescale, no filters), not by its own tailored aim,
 * so that all are measured alike; `fromDate` (default: none) limits the cohort to journeys starting
 * on or after it. The dates move in whole months (national-period.ts): as at the last day of
 * `asAt`'s month when it is that day, otherwise of the month before; from the first of `fromDate`'s
 * month. The result says which dates it used.
 */
export function nationalComparison(authorities: readonly AuthorityRecords[], askedAsAt: PlainDate, options: NationalOptions = {}): NationalComparison {
  const { asAt, fromDate, threshold, ordered } = settingsOf(authorities, askedAsAt, options);
  const aims = nationalAims().map((aim) => compareOnAim(aim, ordered, ordered.map(({ records }) => aimFigures(aim, records, asAt, { fromDate })), asAt, threshold));
  return { asAt, fromDate, threshold, aims };
}

/** Children whose journeys are derived between two pauses of nationalComparisonInParts. */
const childrenInAPart = 250;

/**
 * How many times nationalComparisonInParts pauses for these authorities at most (once per part of
 * each authority's children, once per authority on each aim, once per aim): fewer when some
 * authority's journeys were derived before.
 */
export function nationalComparisonParts(authorities: readonly AuthorityRecords[]): number {
  return authorities.reduce((sum, a) => sum + Math.floor(a.records.length / childrenInAPart), 0) + nationalAims().length * (authorities.length + 1);
}

/**
 * The same comparison, worked out a part at a time — each authority's journeys 250 children at a
 * time, then each authority's figures on each aim — awaiting `pause` between parts, so that a server
 * goes on answering other requests meanwhile (issue 18, point 3): for 32 authorities the whole takes
 * the best part of a second or more.
 */
export async function nationalComparisonInParts(authorities: readonly AuthorityRecords[], askedAsAt: PlainDate, options: NationalOptions, pause: () => Promise<void>): Promise<NationalComparison> {
  const { asAt, fromDate, threshold, ordered } = settingsOf(authorities, askedAsAt, options);
  for (const { records } of ordered) for (const _ of deriveJourneysInSteps(records, asAt, childrenInAPart)) await pause();
  const aims: NationalAimComparison[] = [];
  for (const aim of nationalAims()) {
    const figures: AimFigures[] = [];
    for (const { records } of ordered) {
      figures.push(aimFigures(aim, records, asAt, { fromDate }));
      await pause();
    }
    aims.push(compareOnAim(aim, ordered, figures, asAt, threshold));
    await pause();
  }
  return { asAt, fromDate, threshold, aims };
}

export interface NationalOptions {
  readonly fromDate?: PlainDate | null;
  readonly threshold?: number;
}

function settingsOf(authorities: readonly AuthorityRecords[], askedAsAt: PlainDate, options: NationalOptions) {
  return {
    asAt: monthEndOnOrBefore(askedAsAt),
    fromDate: options.fromDate ? firstOfMonth(options.fromDate) : null,
    threshold: options.threshold ?? smallCountThreshold,
    ordered: [...authorities].sort((a, b) => a.authority.name.localeCompare(b.authority.name, 'en-GB') || a.authority.code.localeCompare(b.authority.code)),
  };
}

/** The weeks each completed journey of the figures took (in time or late), from the cohort's columns. */
function completedWeeksOf(figures: AimFigures): number[] {
  const weeks: number[] = [];
  for (let p = 0; p < figures.places.length; p++) {
    const k = figures.places[p] as number;
    if (figures.cohort.completed(k)) weeks.push(weeksFromDays(figures.cohort.days[k] as number));
  }
  return weeks;
}

/** The aim compared across `authorities`, from each one's figures on it (`figures`, in the same order). */
function compareOnAim(aim: Aim, authorities: readonly AuthorityRecords[], figures: readonly AimFigures[], asAt: PlainDate, threshold: number): NationalAimComparison {
  const quarterly: { code: string; name: string; quarters: AimQuarter[] }[] = [];
  const rows: RawRow[] = authorities.map(({ authority }, i) => {
    const f = figures[i] as AimFigures;
    quarterly.push({ code: authority.code, name: authority.name, quarters: aimQuarters(f, nationalQuarterCount) });
    return {
      code: authority.code,
      name: authority.name,
      // Past the timescale without the milestone, still waiting or gone: one published count, so that
      // the row adds up to n (a column of its own, nearly always under 5, would be hidden everywhere).
      counts: { in_time: f.counts.in_time, late: f.counts.late, overdue: f.counts.overdue + f.counts.left_late, n: f.n, waiting: f.counts.waiting },
      completedWeeks: completedWeeksOf(f),
    };
  });
  const all: RawRow = {
    code: null,
    name: 'All authorities',
    counts: Object.fromEntries(countColumns.map((c) => [c, rows.reduce((total, r) => total + r.counts[c], 0)])) as Record<CountColumn, number>,
    completedWeeks: rows.flatMap((r) => r.completedWeeks),
  };
  const table = [...rows, all];
  const state = suppressSmallCounts({ values: table.flatMap((r) => countColumns.map((c) => r.counts[c])), sums: tableSums(table.length), costs: table.flatMap((_, r) => countColumns.map((c) => cellCost(r === table.length - 1, c))) }, threshold);
  const shown = (row: number, column: CountColumn) => state[row * countColumns.length + countColumns.indexOf(column)] === 'shown';
  const nationalIndex = table.length - 1;
  const rate = shown(nationalIndex, 'in_time') && shown(nationalIndex, 'n') && all.counts.n > 0 ? all.counts.in_time / all.counts.n : null;
  const publish = (raw: RawRow, index: number): NationalRow => {
    const percentShown = shown(index, 'in_time') && shown(index, 'n') && raw.counts.n > 0;
    const interval = percentShown ? wilsonInterval(raw.counts.in_time, raw.counts.n) : null;
    return {
      code: raw.code,
      name: raw.name,
      counts: Object.fromEntries(countColumns.map((c) => [c, shown(index, c) ? raw.counts[c] : suppressedMark])) as Record<CountColumn, PublishedCount>,
      percentage: percentShown ? (raw.counts.in_time / raw.counts.n) * 100 : null,
      interval: interval && { lower: interval.lower * 100, upper: interval.upper * 100 },
      // A median of fewer than 5 journeys is one child's wait, or near it.
      medianWeeks: raw.completedWeeks.length >= threshold ? median(raw.completedWeeks) : null,
      position: raw.code !== null && percentShown && rate !== null ? funnelPosition(rate, raw.counts.in_time, raw.counts.n) : null,
    };
  };
  return { aim, byQuarter: publishQuarters(quarterly, asAt, threshold), authorities: rows.map(publish), national: publish(all, nationalIndex), rate };
}

/** Quarters shown nationally: two years. */
export const nationalQuarterCount = 8;

/**
 * Each quarter published as a table of its own — one row an authority and a row of all
 * authorities; in time, not in time and n — suppressed as every national table is (suppression.ts):
 * a count under 5 hidden, and whatever would give one away hidden too. A percentage is published
 * when its in time and n are; a median when at least 5 journeys were completed in the quarter.
 */
function publishQuarters(quarterly: readonly { code: string; name: string; quarters: readonly AimQuarter[] }[], asAt: PlainDate, threshold: number): NationalQuarters {
  const quarters = quarterly[0]?.quarters.map((q) => q.month) ?? quartersEndingBy(asAt, nationalQuarterCount);
  const rows: { code: string | null; name: string }[] = [...quarterly, { code: null, name: 'All authorities' }];
  // No authority: nothing to publish but an empty national row.
  if (quarterly.length === 0) return { quarters, authorities: [], national: { code: null, name: 'All authorities', cells: quarters.map(() => ({ inTime: 0, n: 0, percentage: null, medianWeeks: null })) } };
  const cells: NationalQuarterCell[][] = rows.map(() => []);
  quarters.forEach((_, qi) => {
    const counts = quarterly.map((a) => a.quarters[qi] as AimQuarter);
    const total = { inTime: counts.reduce((t, q) => t + q.inTime, 0), n: counts.reduce((t, q) => t + q.n, 0) };
    const completedWeeks = counts.flatMap((q) => q.completedWeeks);
    const grid = [...counts.map((q) => [q.inTime, q.n - q.inTime, q.n]), [total.inTime, total.n - total.inTime, total.n]];
    const published = suppressGrid(grid, threshold);
    rows.forEach((row, ri) => {
      const [inTime, , n] = published[ri] as (number | typeof suppressedMark)[];
      const raw = ri < counts.length ? (counts[ri] as AimQuarter) : null;
      const percentShown = typeof inTime === 'number' && typeof n === 'number' && n > 0;
      // The national median is of every authority's completed journeys: pooled from their weeks.
      const medianWeeks = raw ? (raw.completed >= threshold ? raw.medianWeeks : null) : completedWeeks.length >= threshold ? median(completedWeeks) : null;
      (cells[ri] as NationalQuarterCell[]).push({ inTime: inTime as PublishedCount, n: n as PublishedCount, percentage: percentShown ? ((inTime as number) / (n as number)) * 100 : null, medianWeeks });
    });
  });
  const published = rows.map((row, ri) => ({ code: row.code, name: row.name, cells: cells[ri] as NationalQuarterCell[] }));
  return { quarters, authorities: published.slice(0, -1), national: published[published.length - 1] as NationalQuarterRow };
}

/**
 * What hiding a cell costs readers: the row of all authorities most, then in time and n (the
 * percentage needs both), then late, overdue and waiting.
 */
function cellCost(national: boolean, column: CountColumn): number {
  const forPercentage = column === 'in_time' || column === 'n';
  return (national ? 3 : 1) + (forPercentage ? 1 : 0);
}

/**
 * The sums a reader of the table can use: in each row, in time + late + overdue = n, where overdue
 * counts the journeys past their timescale without the milestone, the child still waiting or gone
 * (overdue and left after the timescale: both in n since MEASUREMENT.md version 2); down each
 * column, the authorities add up to the national row. (Waiting journeys are in no row sum.)
 */
function tableSums(rowCount: number): CountSum[] {
  const width = countColumns.length;
  const at = (row: number, column: CountColumn) => row * width + countColumns.indexOf(column);
  const sums: CountSum[] = [];
  for (let r = 0; r < rowCount; r++) sums.push({ parts: [at(r, 'in_time'), at(r, 'late'), at(r, 'overdue')], total: at(r, 'n') });
  // With no authority there is nothing to add up (and the national row is all zeros).
  if (rowCount > 1) for (const column of countColumns) sums.push({ parts: Array.from({ length: rowCount - 1 }, (_, r) => at(r, column)), total: at(rowCount - 1, column) });
  return sums;
}
