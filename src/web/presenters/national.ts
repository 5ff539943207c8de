/** The national view for the page: its tables in words, from the same published figures as the CSV. */
import { funnelPositionLabels } from '../../domain/national/funnel.js';
import type { NationalAimComparison, NationalRow } from '../../domain/national/national-comparison.js';
import { describeTimescale } from '../../domain/timescale.js';
import { quarterPeriod } from '../../domain/monthly-run-chart.js';
import type { TableModel } from '../views/components.js';
import { countText, formatPercent, formatWeeks } from '../../app/format.js';

const notPublished = 'suppressed';

export interface NationalAimModel {
  readonly number: number;
  readonly name: string;
  /** "Every authority measured by the national definition: within 26 weeks." */
  readonly definition: string;
  /** "Nationally 55.6% in time (95% confidence interval 39.6% to 70.5%), n = 36." */
  readonly headline: string;
  readonly summary: TableModel;
  readonly href: string;
}

export function presentNationalAim(comparison: NationalAimComparison, href: string): NationalAimModel {
  const national = comparison.national;
  return {
    number: comparison.aim.nationalAim ?? 0,
    name: comparison.aim.name,
    definition: `Every authority measured by the national definition: within ${describeTimescale(comparison.aim.timescale)}, every journey that started by the as-at date.`,
    headline:
      national.percentage === null
        ? `No national percentage: its numbers are too small to publish (n = ${countText(national.counts.n)}).`
        : `All authorities: ${formatPercent(national.percentage)} in time${intervalWords(national)}, n = ${countText(national.counts.n)}.`,
    summary: {
      caption: `${comparison.aim.name}: each authority's percentage in time with its 95% confidence interval`,
      columns: ['Authority', 'n', 'In time', '% in time', '95% confidence interval', 'Median weeks'],
      rows: [...comparison.authorities, national].map((r) => [r.name, countText(r.counts.n), countText(r.counts.in_time), percent(r.percentage), interval(r), r.medianWeeks === null ? notPublished : formatWeeks(r.medianWeeks)]),
    },
    href,
  };
}

/** The full table of the funnel plot, as the CSV download has it. */
export function nationalTableModel(comparison: NationalAimComparison): TableModel {
  const rows = [...comparison.authorities, comparison.national];
  return {
    caption: `${comparison.aim.name}: every authority, the counts, the percentage in time with its 95% confidence interval, the median and where the authority sits against the funnel's limits`,
    columns: ['Authority', 'In time', 'Late', 'Overdue or left after the timescale', 'n', 'Waiting, not yet due', '% in time', '95% confidence interval', 'Median weeks', 'Against the funnel limits'],
    rows: rows.map((r) => [
      r.name,
      countText(r.counts.in_time),
      countText(r.counts.late),
      countText(r.counts.overdue),
      countText(r.counts.n),
      countText(r.counts.waiting),
      percent(r.percentage),
      interval(r),
      r.medianWeeks === null ? notPublished : formatWeeks(r.medianWeeks),
      r.code === null ? '' : r.position === null ? notPublished : funnelPositionLabels[r.position],
    ]),
  };
}

function percent(value: number | null): string {
  return value === null ? notPublished : formatPercent(value);
}

function interval(r: NationalRow): string {
  return r.interval === null ? notPublished : `${formatPercent(r.interval.lower)} to ${formatPercent(r.interval.upper)}`;
}

function intervalWords(r: NationalRow): string {
  return r.interval === null ? '' : ` (95% confidence interval ${formatPercent(r.interval.lower)} to ${formatPercent(r.interval.upper)})`;
}

/** Every authority's quarters, and all authorities', as the page's table: in time of n and the percentage, `[c]` where hidden. */
export function nationalQuartersTableModel(comparison: NationalAimComparison): TableModel {
  const { byQuarter } = comparison;
  return {
    caption: `${comparison.aim.name} quarter by quarter: in time of n (the journeys settled in the quarter), the percentage in time and the median weeks of those completed in it, each quarter suppressed as a table of its own`,
    columns: ['Authority', ...byQuarter.quarters.map((q) => quarterPeriod.words(q))],
    rows: [...byQuarter.authorities, byQuarter.national].map((r) => [
      r.name,
      ...r.cells.map((c) => `${countText(c.inTime)} of ${countText(c.n)}${c.percentage === null ? '' : `: ${formatPercent(c.percentage)}`}${c.medianWeeks === null ? '' : `, median ${formatWeeks(c.medianWeeks)}`}`),
    ]),
  };
}
