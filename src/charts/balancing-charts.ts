/**
 * Balancing measures as run charts (one dot a month) through the same run chart drawing as the
 * aims', with the table of the same data for the page and the CSV download.
 */
import type { BalancingChart, BalancingPoint } from '../domain/improvement/balancing.js';
import { monthWords, type PlainDate } from '../domain/date.js';
import { roundTo } from '../domain/round.js';
import type { ChartTable } from './aim-charts.js';
import { monthlyRunChartSvg } from './monthly-chart.js';
import type { RunChartMark } from './run-chart.js';

/** A measure's value as people read it: rates to two places, percentages to one, counts whole. */
export function formatBalancingValue(chart: Pick<BalancingChart, 'measure'>, value: number | null): string {
  if (value === null) return '—';
  switch (chart.measure.id) {
    case 'placement-moves':
      return value.toFixed(2);
    case 'reaccommodated':
      return `${value.toFixed(1)}%`;
    default:
      return String(Math.round(value));
  }
}

function denominatorText(chart: BalancingChart, point: BalancingPoint): string {
  return chart.measure.id === 'placement-moves' ? point.denominator.toFixed(2) : String(point.denominator);
}

/** A balancing measure's run chart; `small` for a phone's drawing, 560 wide. */
export function balancingChartSvg(chart: BalancingChart, programmeStart: PlainDate | null, marks: readonly RunChartMark[] = [], size: 'full' | 'small' = 'full'): string {
  return monthlyRunChartSvg(chart, chart.measure.points[0]?.month, programmeStart, {
    size,
    title: (p) => `${monthWords(p.month)}: ${formatBalancingValue(chart, p.value)} (${p.numerator} ${chart.measure.numeratorLabel}; ${denominatorText(chart, p)} ${chart.measure.denominatorLabel})`,
    marks,
    xLabel: 'Month',
    yLabel: chart.measure.unit,
    ...(chart.measure.unit.startsWith('%') ? { flatTop: 100 } : {}),
    dotLabel: 'a month',
    valueText: (value) => formatBalancingValue(chart, value),
    emptyText: 'No month to show yet',
  });
}

export function balancingTable(chart: BalancingChart): ChartTable {
  return {
    columns: ['month', chart.measure.numeratorLabel, chart.measure.denominatorLabel, chart.measure.unit],
    rows: chart.measure.points.map((p) => [p.month.toString().slice(0, 7), p.numerator, chart.measure.id === 'placement-moves' ? roundTo(p.denominator, 2) : p.denominator, p.value === null ? null : roundTo(p.value, 2)]),
  };
}
