/**
 * A meeting pack as plain data: what the printable page and the PDF both show, in the order they
 * show it. Made by app/meeting-pack.ts from the figures, the actions and attendance of the meetings,
 * the tests of change and the data-quality report; drawn by views/pack.tsx and pack-pdf.ts.
 */
import type { AimAnswer } from '../domain/aim-answer.js';
import type { PartnerTrend } from './partner-trend-chart.js';

export interface PackAim {
  /** The aim's id: the page's run chart is a picture of the aim page's own (its run-chart and run-chart-phone files). */
  readonly id: string;
  readonly name: string;
  /** Are we getting better? The dashboard's answer, which the aim leads with. */
  readonly answer: { readonly kind: AimAnswer['kind']; readonly words: string };
  readonly sentence: string;
  /** "62.5% in time", or null with the reason in `lines`. */
  readonly headline: string | null;
  readonly lines: readonly string[];
  readonly runSvg: string;
  /** What the run chart shows, for a reader who cannot see it: the aim, how many children, the answer. */
  readonly runAlt: string;
  readonly waitingSvg: string;
  readonly waitingSmallSvg: string;
  readonly waitingAlt: string;
  /** What the run-chart rules say, in words. */
  readonly verdicts: readonly string[];
  /** The tests of change marked on the run chart. */
  readonly marksKey: readonly string[];
}

export interface PackCyclePart {
  readonly title: string;
  readonly lines: readonly string[];
}

export interface PackTest {
  readonly heading: string;
  readonly lines: readonly string[];
  readonly cycles: readonly { readonly heading: string; readonly parts: readonly PackCyclePart[] }[];
}

export interface PackBalancing {
  readonly name: string;
  readonly definition: string;
  readonly svg: string;
  /** Drawn for a phone (the page shows it there; the PDF does not use it). */
  readonly smallSvg: string;
  readonly alt: string;
  readonly latest: string;
  readonly verdicts: readonly string[];
}

export interface PackQuality {
  readonly summary: string;
  readonly rows: readonly { readonly code: string; readonly kind: string; readonly count: number }[];
}

/** An action agreed at a meeting, as the pack lists it. */
export interface PackAction {
  /** "A1: Draft the legal advice referral form". */
  readonly text: string;
  /** Its owner and dates: "Owner: Dr A. Sample, NHS health visiting. Due 1 March 2021; done 5 March 2021." */
  readonly details: string;
}

/** The actions the meeting reviews, and who was there. */
export interface PackActions {
  /** What the two lists hold, with the dates. */
  readonly periodWords: string;
  /** Due by the meeting and not done on its day. */
  readonly due: readonly PackAction[];
  /** Done since the previous meeting. */
  readonly done: readonly PackAction[];
  /** Who was at the meeting, by name; null when nobody has recorded it. */
  readonly attendance: readonly string[] | null;
}

/** The headings and empty-list words of the actions, the same on the page and in the PDF. */
export const packActionWords = {
  heading: 'Actions',
  due: 'Due and not done',
  noneDue: 'No action due by this meeting is still open.',
  done: 'Done since the previous meeting',
  noneDone: 'No action was done in this period.',
  attendance: 'Who was at this meeting',
  notRecorded: 'Not recorded yet.',
  nobody: 'Nobody is recorded as there.',
} as const;

export interface PackDocument {
  readonly title: string;
  readonly authorityName: string;
  /** "Champions' group, 10 March 2021". */
  readonly meetingWords: string;
  /** "Since the previous meeting on 10 February 2021 (after it, up to and including this meeting's date)". */
  readonly periodWords: string;
  /** The figures' date (the meeting's, or today for a meeting still to come), as YYYY-MM-DD. */
  readonly asAt: string;
  readonly asAtWords: string;
  readonly notes: string;
  readonly actions: PackActions;
  readonly aims: readonly PackAim[];
  readonly tests: readonly PackTest[];
  readonly balancing: readonly PackBalancing[];
  readonly quality: PackQuality;
}

/** An aim in the partners' pack: figures suppressed, and the months and quarters in place of the run chart (app/partner-trends.ts). */
export interface PartnerPackAim {
  readonly name: string;
  /** The answer without its counts of children and weeks (domain/partner-figures.ts). */
  readonly answer: { readonly kind: AimAnswer['kind']; readonly words: string };
  readonly sentence: string;
  /** The last 12 months and since the from-date: "58.3% in time", "7 of 12 journeys", or `[c]`. */
  readonly figures: readonly { readonly label: string; readonly value: string; readonly counts: string }[];
  readonly target: string | null;
  readonly months: PartnerTrend;
  readonly quarters: PartnerTrend;
}

/** A test of change as a partner reads it: its title (withheld when it could identify a child) and its outcome. */
export interface PartnerPackTest {
  readonly heading: string;
  readonly outcome: string;
  readonly detail: string;
}

/**
 * The partners' version of a meeting pack (docs/decisions/0032-partner-charts-and-packs.md): the
 * aims with suppressed figures and charts, the tests' titles and outcomes, the actions — and no run
 * chart of children, waiting chart, PDSA free text, balancing measure, data quality or notes.
 */
export interface PartnerPackDocument {
  readonly audience: 'partner';
  readonly title: string;
  readonly authorityName: string;
  readonly meetingWords: string;
  readonly asAtWords: string;
  /** What the pack is, and what it leaves out. */
  readonly aboutWords: string;
  readonly aimSentences: readonly string[];
  readonly actions: PackActions;
  readonly aims: readonly PartnerPackAim[];
  readonly tests: readonly PartnerPackTest[];
  readonly testsNote: string | null;
  /** What was withheld because it could identify a child ("the title of T2", "the words of A3"). */
  readonly withheld: readonly string[];
}

/** Either pack, as the PDF maker takes it. */
export type AnyPackDocument = PackDocument | PartnerPackDocument;

export function isPartnerPack(pack: AnyPackDocument): pack is PartnerPackDocument {
  return 'audience' in pack && pack.audience === 'partner';
}
