/**
 * The answer a team manager asks of an aim's run chart — are we getting better? — worked out from
 * the run-chart rules for the chart's current phase (docs/run-charts.md), fewer weeks being better:
 *
 * - a re-phased median (9 children in a row on one side of the one before) is the strongest sign:
 *   the current phase began with those children;
 * - otherwise, after the baseline, a shift (6 or more in a row on one side of the baseline median)
 *   or a trend (5 or more each lower, or each higher, than the one before) that reaches the latest
 *   child is a sign, said as such;
 * - otherwise there is no change the rules count as more than chance; and below 10 useful points
 *   the rules cannot judge yet.
 */
import type { AimRunChart } from './aim-run-chart.js';
import { dateOfEpochDay, monthWords, type PlainDate } from './date.js';
import { daysWords, formatCount, weeksWords as weeksOnlyWords } from './round.js';

export type AimAnswer =
  /** `points` children on the chart, `useful` of them off the median (points on it do not count): 10 useful are needed. */
  | { readonly kind: 'too-few-points'; readonly points: number; readonly useful: number; readonly needed: number }
  | {
      readonly kind: 'improving' | 'worse';
      /** The first child of the sign, by position, and the day its journey ended. */
      readonly since: number;
      readonly sinceDate: PlainDate;
      readonly evidence: Evidence;
    }
  | { readonly kind: 'no-change'; readonly median: number; readonly points: number };

export type Evidence =
  /** `run` children in a row beyond the previous median: the median is now `median`. */
  | { readonly rule: 'rephased'; readonly run: number; readonly previousMedian: number; readonly median: number }
  /** `run` children in a row beyond the baseline median, up to the latest. */
  | { readonly rule: 'shift'; readonly run: number; readonly median: number }
  /** `run` children each waiting less (or more) than the one before, up to the latest. */
  | { readonly rule: 'trend'; readonly run: number };

/** The answer for a run chart as analysed (aim-run-chart.ts). */
export function aimAnswer(chart: AimRunChart): AimAnswer {
  const { analysis, series } = chart;
  const points = series.weeks.length;
  const at = (position: number) => dateOfEpochDay(series.endDays[position - 1] as number);
  if (analysis.too_few_points !== null || points === 0) return { kind: 'too-few-points', points, useful: analysis.anhoej.n_useful, needed: 10 };
  const phases = analysis.phases;
  const current = phases[phases.length - 1];
  const before = phases[phases.length - 2];
  if (current?.type === 'sustained' && before !== undefined) {
    return {
      kind: current.median < before.median ? 'improving' : 'worse',
      since: current.from,
      sinceDate: at(current.from),
      evidence: { rule: 'rephased', run: current.to - current.from + 1, previousMedian: before.median, median: current.median },
    };
  }
  const baselineEnd = series.baselineCount;
  const last = points;
  const shift = [...analysis.ihi.shifts].reverse().find((s) => s.from > baselineEnd && s.to === last);
  if (shift !== undefined && analysis.cl !== null) {
    return { kind: shift.side === 'below' ? 'improving' : 'worse', since: shift.from, sinceDate: at(shift.from), evidence: { rule: 'shift', run: shift.n_points, median: analysis.cl } };
  }
  const trend = [...analysis.ihi.trends].reverse().find((t) => t.from > baselineEnd && t.to === last);
  if (trend !== undefined) {
    return { kind: trend.direction === 'down' ? 'improving' : 'worse', since: trend.from, sinceDate: at(trend.from), evidence: { rule: 'trend', run: trend.n_points } };
  }
  return { kind: 'no-change', median: current?.median ?? analysis.cl ?? 0, points };
}


/** The answer as the one sentence a manager reads first; `milestone` is "a permanence recommendation". */
export function answerWords(answer: AimAnswer, milestone: string, unit: 'weeks' | 'days' = 'weeks'): string {
  // A measure with a timescale in days (a 72-hour meeting) speaks of days: "a median of 2 days", not "0.3 weeks".
  const weeksWords = unit === 'days' ? (weeks: number) => daysWords(weeks * 7) : weeksOnlyWords;
  const weeksNoun = unit;
  switch (answer.kind) {
    case 'too-few-points':
      if (answer.points < answer.needed) return `Not enough yet: the rules need ${answer.needed} children who have had ${milestone}; there ${answer.points === 1 ? 'is' : 'are'} ${answer.points} so far.`;
      // Children exactly on the median count neither way, so more are needed than have had it.
      return `Not enough yet: the rules need ${answer.needed} children whose ${weeksNoun} are not exactly the median; of the ${formatCount(answer.points)} who have had ${milestone}, ${formatCount(answer.useful)} are.`;
    case 'no-change':
      return `No change yet: the ${weeksNoun} to ${milestone} vary around the median of ${weeksWords(answer.median)}, with no run or trend the rules count as more than chance (${formatCount(answer.points)} children).`;
    case 'improving':
    case 'worse': {
      const since = `since ${monthWords(answer.sinceDate)}`;
      const better = answer.kind === 'improving';
      const head = better ? 'Improving' : 'Getting worse';
      const { evidence } = answer;
      switch (evidence.rule) {
        case 'rephased':
          return `${head}: ${since} the ${weeksNoun} to ${milestone} have stayed ${better ? 'below' : 'above'} the old median of ${weeksWords(evidence.previousMedian)} (${evidence.run} children in a row); the median is now ${weeksWords(evidence.median)}.`;
        case 'shift':
          return `${head}, an early sign: ${since} the last ${evidence.run} children have waited ${better ? 'less' : 'longer'} than the baseline median of ${weeksWords(evidence.median)}; 9 in a row would confirm it.`;
        case 'trend':
          return `${head}, an early sign: ${since} each of the last ${evidence.run} children waited ${better ? 'less' : 'longer'} than the one before.`;
        default:
          return unreachable(evidence);
      }
    }
    default:
      return unreachable(answer);
  }
}

function unreachable(value: never): never {
  throw new Error(`unhandled answer: ${JSON.stringify(value)}`);
}
