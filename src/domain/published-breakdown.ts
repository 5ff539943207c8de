/**
 * A breakdown as a reader is shown it (docs/decisions/0026-breakdowns.md). The viewer's rule
 * decides: the authority's own staff see every count; a table shared beyond the authority (a
 * partner's view) hides each count under 5, and every count that would give one away, by the
 * national view's method (national/suppression.ts), as `[c]`. A percentage and its interval are
 * then published only when both its counts are, and a median only when 5 or more journeys reached
 * the milestone (a median of fewer is one child's wait, or near it).
 */
import type { Breakdown, BreakdownDimension, BreakdownGroup, GroupKey } from './breakdown.js';
import { smallCountThreshold, suppressedMark, suppressSmallCounts, type CountSum } from './national/suppression.js';

/** The counts of each row, as the table shows them: the four in n, n, then the two not counted in it. */
export const breakdownCountColumns = ['in_time', 'late', 'overdue', 'left_late', 'n', 'waiting', 'left_early'] as const;
export type BreakdownCountColumn = (typeof breakdownCountColumns)[number];

/** A count as published: the number, or `[c]` when it is hidden. */
export type PublishedCount = number | typeof suppressedMark;

export interface PublishedGroup {
  readonly key: GroupKey;
  readonly name: string | null;
  readonly counts: Readonly<Record<BreakdownCountColumn, PublishedCount>>;
  /** 0–100, unrounded; null when n is 0 or when it is hidden. */
  readonly percentage: number | null;
  readonly interval: { readonly lower: number; readonly upper: number } | null;
  /** True when the percentage (and its interval) would give a hidden count away, so is not shown. */
  readonly percentageHidden: boolean;
  readonly medianWeeks: number | null;
  /** True when the median rests on too few journeys to be shown. */
  readonly medianHidden: boolean;
  /**
   * Journeys that reached the milestone; null when small counts are hidden: it is in time + late, a
   * sum the suppression does not know of, so it could give a hidden count away.
   */
  readonly completed: number | null;
}

export interface PublishedBreakdown {
  readonly dimension: BreakdownDimension;
  /** Whether small counts are hidden from this reader. */
  readonly suppressed: boolean;
  readonly threshold: number;
  readonly groups: readonly PublishedGroup[];
  readonly all: PublishedGroup;
}

/** The breakdown as shown to a reader: every count (`suppress` false), or with small counts hidden. */
export function publishBreakdown(breakdown: Breakdown, options: { readonly suppress: boolean; readonly threshold?: number }): PublishedBreakdown {
  const threshold = options.threshold ?? smallCountThreshold;
  const rows = [...breakdown.groups, breakdown.all];
  const raw = (group: BreakdownGroup, column: BreakdownCountColumn) => (column === 'n' ? group.n : group.counts[column]);
  const state = options.suppress
    ? suppressSmallCounts({ values: rows.flatMap((g) => breakdownCountColumns.map((c) => raw(g, c))), sums: tableSums(rows.length), costs: rows.flatMap((_, r) => breakdownCountColumns.map((c) => cellCost(r === rows.length - 1, c))) }, threshold)
    : null;
  const shown = (row: number, column: BreakdownCountColumn) => state === null || state[row * breakdownCountColumns.length + breakdownCountColumns.indexOf(column)] === 'shown';
  const publish = (group: BreakdownGroup, row: number): PublishedGroup => {
    const percentageShown = shown(row, 'in_time') && shown(row, 'n');
    const medianShown = state === null || group.completed >= threshold;
    return {
      key: group.key,
      name: group.name,
      counts: Object.fromEntries(breakdownCountColumns.map((c) => [c, shown(row, c) ? raw(group, c) : suppressedMark])) as Record<BreakdownCountColumn, PublishedCount>,
      percentage: percentageShown ? group.percentage : null,
      interval: percentageShown ? group.interval : null,
      percentageHidden: !percentageShown,
      medianWeeks: medianShown ? group.medianWeeks : null,
      medianHidden: !medianShown,
      completed: state === null ? group.completed : null,
    };
  };
  return { dimension: breakdown.dimension, suppressed: options.suppress, threshold, groups: breakdown.groups.map(publish), all: publish(breakdown.all, rows.length - 1) };
}

/**
 * What hiding a cell costs readers, as in the national view: the row of all journeys most, then in
 * time and n (the percentage needs both), then the other counts.
 */
function cellCost(all: boolean, column: BreakdownCountColumn): number {
  return (all ? 3 : 1) + (column === 'in_time' || column === 'n' ? 1 : 0);
}

/**
 * The sums a reader of the table can use: in each row, in time + late + overdue + left late = n;
 * down each column, the groups add up to the row of all journeys (every journey is in one group).
 * Waiting and left within the timescale are in no row sum.
 */
function tableSums(rowCount: number): CountSum[] {
  const width = breakdownCountColumns.length;
  const at = (row: number, column: BreakdownCountColumn) => row * width + breakdownCountColumns.indexOf(column);
  const sums: CountSum[] = [];
  for (let r = 0; r < rowCount; r++) sums.push({ parts: [at(r, 'in_time'), at(r, 'late'), at(r, 'overdue'), at(r, 'left_late')], total: at(r, 'n') });
  if (rowCount > 1) for (const column of breakdownCountColumns) sums.push({ parts: Array.from({ length: rowCount - 1 }, (_, r) => at(r, column)), total: at(rowCount - 1, column) });
  return sums;
}
