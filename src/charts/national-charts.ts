/**
 * The national view's funnel plot and table for one aim, from the published comparison
 * (src/domain/national/national-comparison.ts): only counts that may be shown reach here, and every
 * hidden one is written `[c]` (a hidden percentage, interval, median or position: `suppressed`).
 */
import { funnelPositionLabels } from '../domain/national/funnel.js';
import { quarterKey } from '../domain/aim-quarters.js';
import type { PlainDate } from '../domain/date.js';
import type { NationalAimComparison, NationalRow } from '../domain/national/national-comparison.js';
import { roundTo } from '../domain/round.js';
import type { ChartTable } from './aim-charts.js';
import { funnelChartSvg } from './funnel-chart.js';

/** What a hidden statistic (a percentage, interval, median or funnel position) is shown as. */
export const suppressedStatistic = 'suppressed';

export function nationalFunnelSvg(comparison: NationalAimComparison): string {
  const dots = comparison.authorities.flatMap((r) => (r.position !== null && r.percentage !== null && typeof r.counts.n === 'number' ? [{ name: r.name, n: r.counts.n, percentage: r.percentage }] : []));
  const hidden = comparison.rate === null ? [] : comparison.authorities.filter((r) => r.position === null).map((r) => r.name);
  return funnelChartSvg({ rate: comparison.rate, dots, hidden });
}

export const nationalColumns = ['authority_code', 'authority', 'in_time', 'late', 'overdue_or_left_late', 'n', 'waiting', 'percent_in_time', 'ci95_lower', 'ci95_upper', 'median_weeks', 'funnel_position'] as const;

/** The table of the funnel plot: every authority, then all authorities together. */
export function nationalTable(comparison: NationalAimComparison): ChartTable {
  const row = (r: NationalRow) => [
    r.code ?? '',
    r.name,
    r.counts.in_time,
    r.counts.late,
    r.counts.overdue,
    r.counts.n,
    r.counts.waiting,
    statistic(r.percentage),
    statistic(r.interval?.lower ?? null),
    statistic(r.interval?.upper ?? null),
    statistic(r.medianWeeks),
    r.code === null ? '' : r.position === null ? suppressedStatistic : funnelPositionLabels[r.position],
  ];
  return { columns: nationalColumns, rows: [...comparison.authorities.map(row), row(comparison.national)] };
}

function statistic(value: number | null): number | string {
  return value === null ? suppressedStatistic : roundTo(value);
}

/** The quarters of every authority and of all authorities, one row a quarter: what the quarterly panels show, hidden counts `[c]`. */
export function nationalQuartersTable(comparison: NationalAimComparison): ChartTable {
  const { byQuarter } = comparison;
  return {
    columns: ['authority_code', 'authority', 'quarter', 'first_day', 'in_time', 'n', 'percent_in_time', 'median_weeks'],
    rows: [...byQuarter.authorities, byQuarter.national].flatMap((r) =>
      r.cells.map((c, i) => [r.code ?? '', r.name, quarterKey(byQuarter.quarters[i] as PlainDate), (byQuarter.quarters[i] as PlainDate).toString(), c.inTime, c.n, statistic(c.percentage), statistic(c.medianWeeks)]),
    ),
  };
}
