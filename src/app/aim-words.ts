/**
 * An aim's figures in words, the same on the dashboard, the aim's page and the meeting pack (page
 * and PDF): the headline, the counts, the target, the median, who is still waiting and the backlog.
 */
import { aimSubject, type Aim } from '../domain/aim.js';
import { answerWords, type AimAnswer } from '../domain/aim-answer.js';
import type { AimFigures } from '../domain/aim-figures.js';
import type { WindowFigures } from '../domain/aim-window.js';
import { milestoneOf } from '../domain/status-words.js';
import type { JourneyStatus } from '../domain/status.js';
import { formatCount, formatPercent, formatWeeks, longDate, plural } from './format.js';

/** The statuses in the order a reader meets them: the four counted in n, then the two that are not. */
export const statusOrder: readonly JourneyStatus[] = ['in_time', 'late', 'overdue', 'left_late', 'waiting', 'left_early'];

export function countedInN(status: JourneyStatus): boolean {
  return status !== 'waiting' && status !== 'left_early';
}

export interface AimWords {
  /** "62.5% in time", or null with `noPercentage` saying why there is none yet. */
  readonly headline: string | null;
  readonly noPercentage: string;
  readonly target: string | null;
  /** Whose journeys these are: "Journeys starting on or after 2 July 2018." */
  readonly cohort: string;
  /** "n = 8: 5 in time, 2 late, 1 overdue, 0 left after the timescale; not counted: …". */
  readonly counts: string;
  readonly median: string;
  readonly waiting: string;
  readonly backlog: string | null;
}

export function aimWords(figures: AimFigures): AimWords {
  const { aim } = figures;
  const c = figures.counts;
  const cohort = figures.fromDate ? `Journeys starting on or after ${longDate(figures.fromDate)}.` : 'Every journey, whenever it started.';
  return {
    headline: figures.percentage === null ? null : `${formatPercent(figures.percentage)} in time`,
    noPercentage: 'No percentage yet: no journey in the cohort has reached its milestone or become overdue.',
    target: aim.targetPercent === null ? null : `Target: ${aim.targetPercent}%${aim.byDate ? ` by ${longDate(aim.byDate)}` : ''}`,
    cohort,
    counts: `n = ${formatCount(figures.n)}: ${formatCount(c.in_time)} in time, ${formatCount(c.late)} late, ${formatCount(c.overdue)} overdue, ${formatCount(c.left_late)} left after the timescale; not counted: ${formatCount(c.waiting)} waiting within the timescale, ${formatCount(c.left_early)} left within it. ${cohort}`,
    median: figures.medianWeeks === null ? 'No journey has reached its milestone yet.' : `Median time to the milestone: ${formatWeeks(figures.medianWeeks)} (journeys that reached it).`,
    waiting:
      figures.stillWaiting === 0
        ? 'Nobody in the cohort is still waiting.'
        : `${plural(figures.stillWaiting, 'child', 'children')} in the cohort still waiting, the longest for ${formatWeeks(figures.longestWaitWeeks ?? 0)}. The waiting chart shows everyone still waiting, whenever they started; nobody who has left is on it.`,
    backlog: figures.backlog
      ? `Backlog: of ${plural(figures.backlog.total, 'journey')} started before ${longDate(figures.backlog.startedBefore)}, ${formatCount(figures.backlog.complete)} had reached the milestone, ${formatCount(figures.backlog.left)} had left without it and ${formatCount(figures.backlog.stillWaiting)} were still waiting (aim: all by ${longDate(figures.backlog.byDate)}).`
      : null,
  };
}

/** The answer to "are we getting better?" as the sentence an aim leads with. */
export function answerSentence(aim: Aim, answer: AimAnswer): string {
  return answerWords(answer, milestoneOf(aimSubject(aim)), aim.timescale.unit === 'days' ? 'days' : 'weeks');
}

/** Which journeys a window's figure counts, in words (decision 0019): its dates, and what settles a journey. */
export function windowSentence(window: WindowFigures): string {
  return `Journeys that reached the milestone in time, or went past their timescale, from ${longDate(window.from)} to ${longDate(window.to)}.`;
}
