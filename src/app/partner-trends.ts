/**
 * An aim's trend as a multi-agency partner reads it (docs/decisions/0032-partner-charts-and-packs.md):
 * its figures for the last 12 months and since the from-date, and its percentage in time month by
 * month and quarter by quarter, all suppressed as one table (domain/partner-periods.ts). Each
 * chart's points are the months (quarters) whose counts may be shown; a hidden one is listed as
 * `[c]` in the chart's table and not drawn; the run-chart rules are worked on the points shown, and
 * the words say so. The overview, the partners' poster and the partners' meeting pack show these.
 */
import { partnerTrendSvg, type PartnerTrend } from '../charts/partner-trend-chart.js';
import { defaultAimMonths } from '../domain/aim-months.js';
import { defaultAimQuarters } from '../domain/aim-quarters.js';
import type { PlainDate } from '../domain/date.js';
import { monthlyRunChart, monthPeriod, quarterPeriod, type Period } from '../domain/monthly-run-chart.js';
import { suppressedMark } from '../domain/national/suppression.js';
import { partnerAimPeriods, type PartnerPeriod, type PublishedFigure } from '../domain/partner-periods.js';
import type { AimResult } from './authority-figures.js';
import { countText, formatPercent, plural } from './format.js';

export interface PartnerAimTrends {
  readonly recent: PublishedFigure;
  readonly whole: PublishedFigure;
  readonly months: PartnerTrend;
  readonly quarters: PartnerTrend;
}

/** The aim's figures, months and quarters for a partner; `recentMonths` the window of the recent figure. */
export function partnerAimTrends(result: AimResult, programmeStart: PlainDate | null, recentMonths: number): PartnerAimTrends {
  const periods = partnerAimPeriods(result.figures, { recentMonths, months: defaultAimMonths, quarters: defaultAimQuarters });
  return {
    recent: periods.recent,
    whole: periods.whole,
    months: trend(result, periods.months, monthPeriod, programmeStart, 'Month by month: % in time'),
    quarters: trend(result, periods.quarters, quarterPeriod, programmeStart, 'Quarter by quarter: % in time'),
  };
}

function trend(result: AimResult, periods: readonly PartnerPeriod[], period: Period, programmeStart: PlainDate | null, heading: string): PartnerTrend {
  const chart = monthlyRunChart(periods, programmeStart, period);
  const hidden = periods.filter((p) => p.value === null).length;
  const shownWords =
    chart.plotted.length === 0
      ? `Every one of the ${plural(periods.length, period.one, period.many)} has a count under 5, or one that would give one away (${suppressedMark}), so none is drawn and the run-chart rules have nothing to work on.`
      : hidden === 0
      ? `The rules are worked on all ${plural(periods.length, period.one, period.many)}.`
      : `The rules are worked on the ${plural(chart.plotted.length, period.one, period.many)} shown; the ${plural(hidden, period.one, period.many)} whose counts are hidden (${suppressedMark}) are left out, as if they had no journeys.`;
  const last = chart.plotted[chart.plotted.length - 1];
  return {
    heading,
    svg: partnerTrendSvg(result.aim, chart, periods, period, programmeStart),
    smallSvg: partnerTrendSvg(result.aim, chart, periods, period, programmeStart, 'small'),
    alt: `${result.aim.name}, ${period.one} by ${period.one}: the percentage in time of the journeys settled in each ${period.one}, one dot a ${period.one}; ${plural(chart.plotted.length, period.one, period.many)} shown, ${hidden} hidden (${suppressedMark}: a count under 5, or one that would give one away)${last ? `; the latest shown, ${period.words(last.month)}, ${formatPercent(last.value as number)}` : ''}.`,
    shown: chart.plotted.length,
    verdicts: chart.plotted.length === 0 ? [shownWords] : [shownWords, ...chart.verdicts],
    rows: periods.map((p) => ({ period: period.words(p.month), percentage: p.percentage === null ? suppressedMark : formatPercent(p.percentage), inTime: countText(p.inTime), n: countText(p.n) })),
  };
}
