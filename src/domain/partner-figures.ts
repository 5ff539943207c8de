/**
 * An aim's figures as a multi-agency partner sees them (docs/decisions/0027-partner-access.md): the
 * percentage in time, with in time and n, for the recent window and since the from-date, every
 * count under 5 read `[c]` and others hidden with it by the national view's own secondary
 * suppression (national/suppression.ts, docs/decisions/0010-national-view.md); and the answer to
 * "are we getting better?" without the counts of children and weeks the full sentence carries.
 */
import type { AimAnswer } from './aim-answer.js';
import type { AimFigures } from './aim-figures.js';
import type { WindowFigures } from './aim-window.js';
import { monthWords } from './date.js';
import { smallCountThreshold } from './national/suppression.js';
import { publishSpans, type PublishedFigure, type SplitCount } from './partner-periods.js';

export type { PublishedFigure } from './partner-periods.js';

export interface PartnerAimFigures {
  readonly recent: PublishedFigure;
  readonly whole: PublishedFigure;
}

function split(counts: { in_time: number; late: number; overdue: number; left_late: number }): SplitCount {
  return { inTime: counts.in_time, notInTime: counts.late + counts.overdue + counts.left_late };
}

/**
 * The aim's figures for the recent window and since the from-date, suppressed for a reader outside
 * the authority: two segments, the recent journeys and the earlier ones (the whole less the recent,
 * never shown but worked out by subtraction), the recent figure the first and the whole both
 * (partner-periods.ts, where the months and quarters join them on the overview).
 */
export function partnerFigures(whole: Pick<AimFigures, 'counts' | 'n'>, recent: Pick<WindowFigures, 'counts' | 'n'>, threshold: number = smallCountThreshold): PartnerAimFigures {
  const r = split(recent.counts);
  const w = split(whole.counts);
  const earlier = { inTime: w.inTime - r.inTime, notInTime: w.notInTime - r.notInTime };
  if (earlier.inTime < 0 || earlier.notInTime < 0) throw new Error('the recent window holds journeys the whole figure does not');
  const [recentFigure, wholeFigure] = publishSpans([r, earlier], [{ segments: [0] }, { segments: [0, 1] }], threshold) as [PublishedFigure, PublishedFigure];
  return { recent: recentFigure, whole: wholeFigure };
}

/**
 * The answer to "are we getting better?" for a partner: the verdict and the month it dates from,
 * without the numbers of children, runs and median weeks of the full sentence (a few children's
 * weeks, or a count under 5).
 */
export function partnerAnswerWords(answer: AimAnswer): string {
  switch (answer.kind) {
    case 'too-few-points':
      return 'Not enough yet: too few children have reached this milestone for the run-chart rules to say.';
    case 'no-change':
      return 'No change yet: the weeks taken vary with no run or trend the rules count as more than chance.';
    case 'improving':
    case 'worse': {
      const head = answer.kind === 'improving' ? 'Improving' : 'Getting worse';
      const early = answer.evidence.rule === 'rephased' ? '' : ', an early sign';
      return `${head}${early}: since ${monthWords(answer.sinceDate)}, by the run-chart rules.`;
    }
    default:
      return unreachable(answer);
  }
}

function unreachable(value: never): never {
  throw new Error(`unhandled answer: ${JSON.stringify(value)}`);
}
