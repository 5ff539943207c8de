/**
 * What a breakdown says, before its table (docs/decisions/0026-breakdowns.md): does any group wait
 * longer? Read from the published groups only, so a hidden count is never worked into the answer.
 * Two groups differ when their 95% intervals do not overlap. That is a cautious reading: intervals
 * that overlap a little can still differ (Schenker and Gentleman (2001), "On judging the
 * significance of differences by examining the overlap between confidence intervals", The American
 * Statistician 55(3), 182–186), but intervals apart are a difference chance seldom makes, and it is
 * the reading the chart lets anyone check by eye.
 */
import type { PublishedGroup } from './published-breakdown.js';

export type BreakdownVerdict =
  /** No group has a percentage (no journey counted yet, or every one hidden). */
  | { readonly kind: 'no-percentage' }
  /** One group only has a percentage: there is nothing to compare it with. */
  | { readonly kind: 'one-group'; readonly group: PublishedGroup }
  /**
   * Every group's interval overlaps every other's: no group stands out. The groups in time least
   * often and most often (several when they share the percentage; the same when all do).
   */
  | { readonly kind: 'overlapping'; readonly lowest: readonly PublishedGroup[]; readonly highest: readonly PublishedGroup[] }
  /** Some groups lie wholly below others: each, lowest first, with the groups wholly above it (highest first). */
  | { readonly kind: 'apart'; readonly below: readonly { readonly group: PublishedGroup; readonly above: readonly PublishedGroup[] }[] };

export interface BreakdownReading {
  readonly verdict: BreakdownVerdict;
  /**
   * The group with the longest median weeks to the milestone (several when they share it), when
   * two groups or more have a median shown.
   */
  readonly longestMedian: { readonly groups: readonly PublishedGroup[]; readonly weeks: number } | null;
  /** How many groups have a median shown. */
  readonly withMedian: number;
  /** Groups with journeys but no percentage shown (none counted in n yet, or hidden). */
  readonly withoutPercentage: readonly PublishedGroup[];
}

/** Reads the groups in their table order; groups sharing the least or greatest value are all named, in that order. */
export function readBreakdown(groups: readonly PublishedGroup[]): BreakdownReading {
  const compared = groups.filter((g) => g.percentage !== null && g.interval !== null);
  const withMedian = groups.filter((g) => g.medianWeeks !== null);
  return {
    verdict: verdictOf(compared),
    longestMedian: withMedian.length < 2 ? null : longestOf(withMedian),
    withMedian: withMedian.length,
    withoutPercentage: groups.filter((g) => !compared.includes(g)),
  };
}

function verdictOf(compared: readonly PublishedGroup[]): BreakdownVerdict {
  const [first] = compared;
  if (first === undefined) return { kind: 'no-percentage' };
  if (compared.length === 1) return { kind: 'one-group', group: first };
  const byPercentage = [...compared].sort((a, b) => (a.percentage as number) - (b.percentage as number));
  const below = byPercentage
    .map((group) => ({ group, above: compared.filter((other) => whollyBelow(group, other)).sort((a, b) => (b.percentage as number) - (a.percentage as number)) }))
    .filter((entry) => entry.above.length > 0);
  if (below.length > 0) return { kind: 'apart', below };
  const percentage = (g: PublishedGroup) => g.percentage as number;
  return { kind: 'overlapping', lowest: extreme(compared, percentage, 'min').groups, highest: extreme(compared, percentage, 'max').groups };
}

/** The groups sharing the least or greatest value, in table order, and that value. */
function extreme(groups: readonly PublishedGroup[], value: (g: PublishedGroup) => number, which: 'min' | 'max'): { groups: PublishedGroup[]; value: number } {
  const values = groups.map(value);
  const target = which === 'min' ? Math.min(...values) : Math.max(...values);
  return { groups: groups.filter((_, i) => values[i] === target), value: target };
}

function longestOf(withMedian: readonly PublishedGroup[]): { groups: PublishedGroup[]; weeks: number } {
  const longest = extreme(withMedian, (g) => g.medianWeeks as number, 'max');
  return { groups: longest.groups, weeks: longest.value };
}

/** Whether `a`'s interval ends before `b`'s begins (intervals that touch overlap). */
function whollyBelow(a: PublishedGroup, b: PublishedGroup): boolean {
  return a.interval !== null && b.interval !== null && a.interval.upper < b.interval.lower;
}
