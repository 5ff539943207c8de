/**
 * The poster (issue 20, point 1; docs/decisions/0023-poster.md): an authority's aims, their answers
 * and run charts, its tests of change with what was decided, and the words the team keeps with it.
 * Here: the team's words and the points they make, what in them could identify a child (refused
 * when saved, withheld if found when the poster is made), and each test's outcome as at a date.
 */
import { isAfter, isBefore, type PlainDate } from '../date.js';
import type { ActDecision } from './codes.js';
import { identifyingValuesIn, type IdentifierKind, type IdentifyingMatch, type IdentifyingValues } from './identifying-text.js';
import type { PdsaCycle, TestOfChange } from './test-of-change.js';

/** What the team writes and keeps with its poster, each part one point a line. */
export interface PosterText {
  readonly done: string;
  readonly learning: string;
  readonly nextSteps: string;
  readonly contact: string;
}

export type PosterTextPart = keyof PosterText;

export const posterTextParts: readonly PosterTextPart[] = ['done', 'learning', 'nextSteps', 'contact'];

export const emptyPosterText: PosterText = { done: '', learning: '', nextSteps: '', contact: '' };

/** The points of a part: one a line, blank lines dropped, a bullet, dash or number the line starts with taken off. */
export function posterPoints(text: string): string[] {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) =>
      line
        .trim()
        .replace(/^(?:[-*•‣◦–]|\d{1,2}[.)])\s*/u, '')
        .trim(),
    )
    .filter((line) => line !== '');
}

/** What could identify a child in the team's words: their reference, a name, or a date of birth. */
export type ChildIdentifierKind = 'child-reference' | 'first-name' | 'last-name' | 'whole-name' | 'date-of-birth';

export const childIdentifierKindLabels: Readonly<Record<ChildIdentifierKind, string>> = {
  'child-reference': 'a child’s reference',
  'first-name': 'a child’s first name',
  'last-name': 'a child’s last name',
  'whole-name': 'a child’s name',
  'date-of-birth': 'a child’s date of birth',
};

export interface ChildIdentifier {
  /** As typed. */
  readonly text: string;
  readonly kinds: readonly ChildIdentifierKind[];
}

const childKinds: ReadonlySet<IdentifierKind> = new Set<IdentifierKind>(['child-reference', 'first-name', 'last-name', 'date-of-birth']);

function isChildKind(kind: IdentifierKind): kind is IdentifierKind & ChildIdentifierKind {
  return childKinds.has(kind);
}

/**
 * What in `text` could identify one of the authority's children: a reference, a first or last name,
 * a date of birth (identifying-text.ts). The name of a worker or a team is not a child's: a poster
 * may name the team that did the work.
 */
export function childIdentifiersIn(text: string, values: IdentifyingValues): ChildIdentifier[] {
  return identifyingValuesIn(text, values)
    .map((m) => ({ text: m.text, kinds: m.kinds.filter(isChildKind) }))
    .filter((m) => m.kinds.length > 0);
}

/**
 * What in `text` a multi-agency partner may not read (docs/decisions/0032-partner-charts-and-packs.md):
 * anything that could identify a child (childIdentifiersIn), and the name of a worker or a team
 * allocated to fewer than `threshold` of the authority's children — a worker of two children, named
 * beside a count, all but names them. A worker or team of more may be named, as on the poster.
 */
export function partnerIdentifiersIn(text: string, values: IdentifyingValues, threshold = 5): IdentifyingMatch[] {
  const tally = (name: string | null, counts: Map<string, number>) => name && counts.set(name, (counts.get(name) ?? 0) + 1);
  const workers = new Map<string, number>();
  const teams = new Map<string, number>();
  for (const c of values.children) {
    tally(c.worker, workers);
    tally(c.team, teams);
  }
  const few = (name: string | null, counts: Map<string, number>) => (name !== null && (counts.get(name) ?? 0) < threshold ? name : null);
  const narrowed: IdentifyingValues = { children: values.children.map((c) => ({ ...c, worker: few(c.worker, workers), team: few(c.team, teams) })) };
  return identifyingValuesIn(text, narrowed);
}

/**
 * What in the contact could identify a child: a reference, a date of birth, or a child's whole
 * name (first and last together). The contact names a member of staff, whose first or last name
 * alone may well be a child's too.
 */
export function childIdentifiersInContact(text: string, values: IdentifyingValues): ChildIdentifier[] {
  const wholeNames: IdentifyingValues = {
    children: values.children.map((c) => ({ ...c, firstName: c.firstName && c.lastName ? `${c.firstName} ${c.lastName}` : null, lastName: null, worker: null, team: null })),
  };
  return childIdentifiersIn(text, wholeNames).map((m) => ({ text: m.text, kinds: m.kinds.map((k) => (k === 'first-name' ? 'whole-name' : k)) }));
}

/** What in each part of the team's words could identify a child; the parts with nothing are left out. */
export function posterTextIdentifiers(text: PosterText, values: IdentifyingValues): { readonly part: PosterTextPart; readonly found: readonly ChildIdentifier[] }[] {
  return posterTextParts
    .map((part) => ({ part, found: part === 'contact' ? childIdentifiersInContact(text[part], values) : childIdentifiersIn(text[part], values) }))
    .filter((p) => p.found.length > 0);
}

/** “Amy” (a child’s first name), “7 March 2014” (a child’s date of birth) */
export function describeChildIdentifiers(found: readonly ChildIdentifier[]): string {
  return found.map((m) => `“${m.text}” (${m.kinds.map((k) => childIdentifierKindLabels[k]).join(' and ')})`).join(', ');
}

/** A test of change as at a date: what the team last decided, or where it has got. */
export type TestOutcome =
  /** The latest Act dated by then; `decisions` are every Act's, in cycle order. */
  | { readonly kind: 'decided'; readonly decision: ActDecision; readonly decisions: readonly ActDecision[]; readonly cycles: number; readonly date: PlainDate }
  /** Adopted, and since made business as usual (known only for a poster as at today). */
  | { readonly kind: 'business-as-usual'; readonly decisions: readonly ActDecision[]; readonly cycles: number }
  /** Abandoned by the team without an Act saying so (known only for a poster as at today). */
  | { readonly kind: 'abandoned'; readonly decisions: readonly ActDecision[]; readonly cycles: number }
  /** A cycle planned or under way, none acted on yet. */
  | { readonly kind: 'testing'; readonly cycles: number }
  /** Started, with no cycle yet. */
  | { readonly kind: 'idea' };

/**
 * The outcome of `test` as at `asAt`, or null when it had not started by then. Only cycles planned
 * for, and Acts dated, on or before `asAt` count; a status a person set without a dated Act
 * (business as usual, abandoned) counts only when the poster is as at `today` or later.
 */
export function testOutcome(test: TestOfChange, asAt: PlainDate, today: PlainDate): TestOutcome | null {
  if (isAfter(test.start, asAt)) return null;
  const current = !isBefore(asAt, today);
  const cycles = current ? test.cycles : test.cycles.filter((c) => !isAfter(c.plan.when, asAt) || (c.do !== null && !isAfter(c.do.date, asAt)));
  const acted = cycles.filter((c): c is PdsaCycle & { act: NonNullable<PdsaCycle['act']> } => c.act !== null && !isAfter(c.act.date, asAt));
  const decisions = acted.map((c) => c.act.decision);
  if (current && test.status === 'business-as-usual') return { kind: 'business-as-usual', decisions, cycles: cycles.length };
  const last = acted[acted.length - 1];
  if (current && test.status === 'abandoned' && last?.act.decision !== 'abandon') return { kind: 'abandoned', decisions, cycles: cycles.length };
  if (last) return { kind: 'decided', decision: last.act.decision, decisions, cycles: cycles.length, date: last.act.date };
  if (cycles.length > 0) return { kind: 'testing', cycles: cycles.length };
  return { kind: 'idea' };
}

/** The order a poster lists tests in: what was adopted first, then adapted, being tested, abandoned, not yet tested. */
export function outcomeRank(outcome: TestOutcome): number {
  switch (outcome.kind) {
    case 'business-as-usual':
      return 0;
    case 'decided':
      return outcome.decision === 'adopt' ? 1 : outcome.decision === 'adapt' ? 2 : 4;
    case 'testing':
      return 3;
    case 'abandoned':
      return 4;
    case 'idea':
      return 5;
    default: {
      const never: never = outcome;
      return never;
    }
  }
}
