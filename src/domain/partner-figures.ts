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
import type { PublishedCount } from './national/national-comparison.js';
import { smallCountThreshold, suppressedMark, suppressSmallCounts, type CountSum } from './national/suppression.js';

/** One window's figure as published: a hidden count reads `[c]`; the percentage is null when either count is hidden, or n is 0. */
export interface PublishedFigure {
  readonly inTime: PublishedCount;
  readonly n: PublishedCount;
  readonly percentage: number | null;
  /** True when a count, and so the percentage, is hidden. */
  readonly suppressed: boolean;
}

export interface PartnerAimFigures {
  readonly recent: PublishedFigure;
  readonly whole: PublishedFigure;
}

// The table a reader of both figures holds: rows recent (R), earlier (E = whole − recent, never
// shown but worked out by subtraction: the recent journeys are some of the whole's) and whole (W);
// columns in time, late (late and left after the timescale), overdue, n. Sums: in each row in time
// + late + overdue = n; down each column R + E = W. Only in time and n of R and W are shown; the
// other cells cost nothing to hide, and one the suppression leaves "shown" is taken as known to the
// reader, which can only hide more.
const columns = ['in_time', 'late', 'overdue', 'n'] as const;
const rows = 3;
const at = (row: number, column: number) => row * columns.length + column;
const sums: CountSum[] = [
  ...Array.from({ length: rows }, (_, r) => ({ parts: [0, 1, 2].map((c) => at(r, c)), total: at(r, 3) })),
  ...columns.map((_, c) => ({ parts: [at(0, c), at(1, c)], total: at(2, c) })),
];
const shownColumns = new Set([0, 3]);
const costs = Array.from({ length: rows * columns.length }, (_, i) => (Math.floor(i / columns.length) !== 1 && shownColumns.has(i % columns.length) ? 1 : 0));

function countsOf(counts: { in_time: number; late: number; overdue: number; left_late: number }, n: number): number[] {
  return [counts.in_time, counts.late + counts.left_late, counts.overdue, n];
}

/** The aim's figures for the recent window and since the from-date, suppressed for a reader outside the authority. */
export function partnerFigures(whole: Pick<AimFigures, 'counts' | 'n'>, recent: Pick<WindowFigures, 'counts' | 'n'>, threshold: number = smallCountThreshold): PartnerAimFigures {
  const r = countsOf(recent.counts, recent.n);
  const w = countsOf(whole.counts, whole.n);
  const e = w.map((value, c) => value - (r[c] as number));
  if (e.some((value) => value < 0)) throw new Error('the recent window holds journeys the whole figure does not');
  const state = suppressSmallCounts({ values: [...r, ...e, ...w], sums, costs }, threshold);
  const publish = (row: number, values: readonly number[]): PublishedFigure => {
    const shown = (c: number) => state[at(row, c)] === 'shown';
    const inTime = values[0] as number;
    const n = values[3] as number;
    const both = shown(0) && shown(3);
    return { inTime: shown(0) ? inTime : suppressedMark, n: shown(3) ? n : suppressedMark, percentage: both && n > 0 ? (inTime / n) * 100 : null, suppressed: !both };
  };
  return { recent: publish(0, r), whole: publish(2, w) };
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
