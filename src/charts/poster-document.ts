/**
 * An authority's poster as plain data (issue 20, point 1): what the print page and the PDF both
 * show, in reading order — the aims as sentences; each aim's answer, figures and run chart; the
 * tests of change with their outcomes; and the team's own words. Made by app/poster.ts; drawn by
 * views/poster.tsx and poster-pdf.ts. It holds aggregates only: no child's name, reference or id.
 */
import type { AimAnswer } from '../domain/aim-answer.js';
import type { PartnerTrend } from './partner-trend-chart.js';

/** A percentage in time with its counts: "Last 12 months", "58.3%", "7 of 12 journeys". */
export interface PosterFigure {
  readonly label: string;
  /** "58.3% in time", or "No figure yet". */
  readonly value: string;
  readonly counts: string;
}

export interface PosterAim {
  /** The aim's id: the page shows its charts as pictures, `…/poster/:aim/run-chart.svg` and `…/quarters.svg`. */
  readonly id: string;
  readonly name: string;
  /** Are we getting better? The dashboard's answer. */
  readonly answer: { readonly kind: AimAnswer['kind']; readonly words: string };
  readonly figures: readonly PosterFigure[];
  /** "Target: 70% by 31 January 2019", or null. */
  readonly target: string | null;
  /** The run chart, small, with the tests of change marked; no dot names its child. */
  readonly runSvg: string;
  /** What the run chart shows, for a reader who cannot see it. */
  readonly runAlt: string;
  /**
   * The partners' poster only: the month-by-month and quarter-by-quarter charts, suppressed
   * (app/partner-trends.ts); the run chart is then the months', and the quarters' follows it.
   */
  readonly trends?: { readonly months: PartnerTrend; readonly quarters: PartnerTrend };
}

/** The outcome of a test, the three decisions of an Act and where a test without one has got. */
export type PosterOutcomeKind = 'adopt' | 'adapt' | 'abandon' | 'business-as-usual' | 'testing' | 'idea';

export interface PosterTest {
  /** "T1: Legal advice referral form". */
  readonly heading: string;
  readonly outcomeKind: PosterOutcomeKind;
  /** "Adopt", "Adapt", "Abandon", "Business as usual", "Being tested", "Not tested yet". */
  readonly outcome: string;
  /** The cycles and their decisions, and the aims the test serves. */
  readonly detail: string;
}

/** A part of the team's words: its heading and its points (one a line as written). */
export interface PosterSection {
  readonly heading: string;
  readonly points: readonly string[];
}

export interface PosterDocument {
  /** "Demoshire Council – PACE". */
  readonly title: string;
  readonly authorityName: string;
  readonly subtitle: string;
  /** "Figures as at 27 March 2024; programme start 1 May 2019." */
  readonly asAtWords: string;
  /** Each aim as a sentence, in order. */
  readonly aimSentences: readonly string[];
  readonly aims: readonly PosterAim[];
  readonly tests: readonly PosterTest[];
  /** Why a test is not listed, or there are none: null when every test is listed. */
  readonly testsNote: string | null;
  /** What we have done, key learning, next steps and the contact, as the team wrote them; an empty one has no points. */
  readonly sections: readonly PosterSection[];
  /** The headings of sections (and "titles of tests") withheld because they could identify a child. */
  readonly withheld: readonly string[];
  /** What the poster is made from, in a sentence. */
  readonly footer: string;
}
