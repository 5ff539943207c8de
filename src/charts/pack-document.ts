/**
 * A meeting pack as plain data: what the printable page and the PDF both show, in the order they
 * show it. Made by app/meeting-pack.ts from the figures, the actions and attendance of the meetings,
 * the tests of change and the data-quality report; drawn by views/pack.tsx and pack-pdf.ts.
 */
import type { AimAnswer } from '../domain/aim-answer.js';

export interface PackAim {
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
  readonly asAtWords: string;
  readonly notes: string;
  readonly actions: PackActions;
  readonly aims: readonly PackAim[];
  readonly tests: readonly PackTest[];
  readonly balancing: readonly PackBalancing[];
  readonly quality: PackQuality;
}
