/**
 * The national view (docs/domain.md: "a national view compares authorities without exposing
 * children"): each national aim, measured by its national definition over every authority's
 * records, as counts, percentage in time with its 95% Wilson interval, median weeks and the
 * authority's place on the funnel plot — with every count under 5 hidden and the cells that would
 * give one away hidden too (suppression.ts). The result holds no child: only what may be published.
 */
import { nationalAims, type Aim } from '../aim.js';
import { aimFigures } from '../aim-figures.js';
import type { PlainDate } from '../date.js';
import type { Authority, ChildRecord } from '../records.js';
import { median } from '../spc/median.js';
import { funnelPosition, type FunnelPosition } from './funnel.js';
import { firstOfMonth, monthEndOnOrBefore } from './national-period.js';
import { smallCountThreshold, suppressedMark, suppressSmallCounts, type CountSum } from './suppression.js';
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

export interface NationalAimComparison {
  /** The national definition every authority is measured by. */
  readonly aim: Aim;
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
export function nationalComparison(authorities: readonly AuthorityRecords[], askedAsAt: PlainDate, options: { fromDate?: PlainDate | null; threshold?: number } = {}): NationalComparison {
  const asAt = monthEndOnOrBefore(askedAsAt);
  const fromDate = options.fromDate ? firstOfMonth(options.fromDate) : null;
  const threshold = options.threshold ?? smallCountThreshold;
  const ordered = [...authorities].sort((a, b) => a.authority.name.localeCompare(b.authority.name, 'en-GB') || a.authority.code.localeCompare(b.authority.code));
  const aims = nationalAims().map((aim) => compareOnAim(aim, ordered, asAt, fromDate, threshold));
  return { asAt, fromDate, threshold, aims };
}

function compareOnAim(aim: Aim, authorities: readonly AuthorityRecords[], asAt: PlainDate, fromDate: PlainDate | null, threshold: number): NationalAimComparison {
  const rows: RawRow[] = authorities.map(({ authority, records }) => {
    const f = aimFigures(aim, records, asAt, { fromDate });
    return {
      code: authority.code,
      name: authority.name,
      counts: { ...f.counts, n: f.n },
      completedWeeks: f.journeys.filter((j) => j.journey.end !== null).map((j) => j.weeks),
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
  return { aim, authorities: rows.map(publish), national: publish(all, nationalIndex), rate };
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
 * The sums a reader of the table can use: in each row, in time + late + overdue = n; down each
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
