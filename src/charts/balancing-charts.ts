/**
 * Balancing measures as run charts (one dot a month) through the same run chart drawing as the
 * aims', with the table of the same data for the page and the CSV download.
 */
import type { BalancingChart, BalancingPoint } from '../domain/improvement/balancing.js';
import { monthWords } from '../domain/date.js';
import { compareDates, type PlainDate } from '../domain/date.js';
import { roundTo } from '../domain/round.js';
import type { ChartTable } from './aim-charts.js';
import { runChartSvg, type RunChartMark } from './run-chart.js';

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

export function balancingChartSvg(chart: BalancingChart, programmeStart: PlainDate | null, marks: readonly RunChartMark[] = []): string {
  // A programme start long before the months shown would squeeze them into a corner: it is drawn only within them.
  const first = chart.measure.points[0]?.month;
  const start = programmeStart && first && compareDates(programmeStart, first) >= 0 ? programmeStart : null;
  return runChartSvg({
    points: chart.plotted.map((p, i) => ({
      position: i + 1,
      childId: p.month.toString().slice(0, 7),
      end: p.month,
      weeks: p.value as number,
      title: `${monthWords(p.month)}: ${formatBalancingValue(chart, p.value)} (${p.numerator} ${chart.measure.numeratorLabel}; ${denominatorText(chart, p)} ${chart.measure.denominatorLabel})`,
    })),
    phases: chart.analysis.phases.map((p) => ({ kind: p.type, median: p.median, from: p.from, to: p.to })),
    highlighted: chart.highlighted,
    aimWeeks: null,
    aimLabel: '',
    programmeStart: start,
    marks,
    xLabel: 'Month',
    yLabel: chart.measure.unit,
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
