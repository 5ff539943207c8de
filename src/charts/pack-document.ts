/**
 * A meeting pack as plain data: what the printable page and the PDF both show, in the order they
 * show it. Made by web/packs/meeting-pack.ts from the figures, the tests of change and the
 * data-quality report; drawn by views/pack.tsx and pack-pdf.ts.
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

export interface PackDocument {
  readonly title: string;
  readonly authorityName: string;
  /** "Champions' group, 10 March 2021". */
  readonly meetingWords: string;
  /** "Since the previous meeting on 10 February 2021 (after it, up to and including this meeting's date)". */
  readonly periodWords: string;
  readonly asAtWords: string;
  readonly notes: string;
  readonly aims: readonly PackAim[];
  readonly tests: readonly PackTest[];
  readonly balancing: readonly PackBalancing[];
  readonly quality: PackQuality;
}
