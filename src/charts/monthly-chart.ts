/**
 * A monthly run chart (src/domain/monthly-run-chart.ts) drawn by the run chart: one dot a month
 * with a value, the medians and signals the rules found, the programme start when it falls within
 * the months shown. The balancing measures and an aim month by month each say what a month's value
 * is in their own words.
 */
import { compareDates, type PlainDate } from '../domain/date.js';
import type { MonthlyRunChart, MonthValue } from '../domain/monthly-run-chart.js';
import type { ChartLinks } from './render.js';
import { runChartSvg, type RunChartMark } from './run-chart.js';

export interface MonthlyChartWords<P extends MonthValue> {
  /** A month's tooltip and accessible name. */
  readonly title: (point: P) => string;
  readonly xLabel: string;
  readonly yLabel: string;
  /** What one dot is, for the legend. */
  readonly dotLabel: string;
  readonly valueText: (value: number) => string;
  readonly emptyText: string;
  /** An aim line, when the measure has a target. */
  readonly aim?: { readonly value: number; readonly label: string } | null;
  /** Each dot a link (the month as "2021-03"). */
  readonly links?: ChartLinks;
  readonly marks?: readonly RunChartMark[];
  /** The first and last months the time axis reaches, with a point or not. */
  readonly span?: readonly PlainDate[];
  /** A small picture (for a dashboard's card), or the full chart (default). */
  readonly size?: 'full' | 'small';
  /** The top of the value axis when every value is 0 (RunChartInput.flatTop): 100 for a percentage. */
  readonly flatTop?: number;
}

/** `firstMonth` is the first month shown (with or without a value). */
export function monthlyRunChartSvg<P extends MonthValue>(chart: MonthlyRunChart<P>, firstMonth: PlainDate | undefined, programmeStart: PlainDate | null, words: MonthlyChartWords<P>): string {
  // A programme start long before the months shown would squeeze them into a corner: drawn only within them.
  const start = programmeStart && firstMonth && compareDates(programmeStart, firstMonth) >= 0 ? programmeStart : null;
  return runChartSvg({
    ...(words.links ? { links: words.links } : {}),
    points: chart.plotted.map((p, i) => ({ position: i + 1, childId: p.month.toString().slice(0, 7), end: p.month, weeks: p.value as number, title: words.title(p) })),
    phases: chart.analysis.phases.map((p) => ({ kind: p.type, median: p.median, from: p.from, to: p.to })),
    highlighted: chart.highlighted,
    aimWeeks: words.aim?.value ?? null,
    aimLabel: words.aim?.label ?? '',
    programmeStart: start,
    marks: words.marks ?? [],
    xLabel: words.xLabel,
    yLabel: words.yLabel,
    dotLabel: words.dotLabel,
    valueText: words.valueText,
    emptyText: words.emptyText,
    ...(words.size ? { size: words.size } : {}),
    ...(words.span ? { span: words.span } : {}),
    ...(words.flatTop !== undefined ? { flatTop: words.flatTop } : {}),
  });
}
