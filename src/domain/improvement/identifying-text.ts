/**
 * What is published to the shared library must not identify any of the authority's children
 * (docs/decisions/0011-improvement.md, "The change-idea library"). This finds, in a text, every
 * whole word or run of words that is one of their first names, last names or references, the name
 * of a worker or team allocated to one of them, and every date written in a common format that is
 * one of their dates of birth — in any case and any order — so that publishing can refuse the text
 * and show what matched and what kind of thing it is, never whose it is.
 */
import type { PlainDate } from '../date.js';

/** What an authority holds that could identify one of its children in a text. */
export interface IdentifyingValues {
  readonly children: readonly {
    readonly childId: string;
    readonly firstName: string | null;
    readonly lastName: string | null;
    readonly dateOfBirth: PlainDate;
    readonly worker: string | null;
    readonly team: string | null;
  }[];
}

export type IdentifierKind = 'child-reference' | 'first-name' | 'last-name' | 'date-of-birth' | 'worker' | 'team';

export const identifierKindLabels: Readonly<Record<IdentifierKind, string>> = {
  'child-reference': 'a child’s reference',
  'first-name': 'a child’s first name',
  'last-name': 'a child’s last name',
  'date-of-birth': 'a child’s date of birth',
  worker: 'a worker’s name',
  team: 'a team’s name',
};

/** A piece of the text, as it was typed, and what kinds of identifying value it is. */
export interface IdentifyingMatch {
  readonly text: string;
  readonly kinds: readonly IdentifierKind[];
}

interface Token {
  readonly word: string;
  readonly start: number;
  readonly end: number;
}

/** Lower case, accents taken off (Zoë is Zoe), so that a match does not depend on how a name was typed. */
function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Runs of letters and digits; anything else (spaces, hyphens, apostrophes, commas) separates words. */
function tokens(text: string): Token[] {
  const found: Token[] = [];
  for (const match of text.matchAll(/[\p{L}\p{M}\p{N}]+/gu)) found.push({ word: fold(match[0]), start: match.index ?? 0, end: (match.index ?? 0) + match[0].length });
  return found;
}

const words = (text: string) => tokens(text).map((t) => t.word);

/**
 * A reference of fewer than four characters that is all letters or all digits would match ordinary
 * words and numbers ("12 weeks"), so it is left out; C3, N-2207 and 1001 are not.
 */
function distinctiveReference(reference: string): boolean {
  const bare = words(reference).join('');
  return bare.length >= 4 || (/\p{L}/u.test(bare) && /\p{N}/u.test(bare));
}

/** Word sequences to look for, each with its kind. */
function phrases(values: IdentifyingValues): Map<string, { words: readonly string[]; kinds: Set<IdentifierKind> }> {
  const found = new Map<string, { words: readonly string[]; kinds: Set<IdentifierKind> }>();
  const add = (sequence: readonly string[], kind: IdentifierKind) => {
    // A single letter (an initial) is not a name to look for.
    if (sequence.length === 0 || sequence.join('').length < 2) return;
    const key = sequence.join(' ');
    const entry = found.get(key) ?? { words: sequence, kinds: new Set<IdentifierKind>() };
    entry.kinds.add(kind);
    found.set(key, entry);
  };
  for (const child of values.children) {
    if (distinctiveReference(child.childId)) {
      const parts = words(child.childId);
      add(parts, 'child-reference');
      // N-2207 written N2207.
      if (parts.length > 1) add([parts.join('')], 'child-reference');
    }
    if (child.firstName) add(words(child.firstName), 'first-name');
    if (child.lastName) add(words(child.lastName), 'last-name');
    for (const [name, kind] of [
      [child.worker, 'worker'],
      [child.team, 'team'],
    ] as const) {
      if (!name) continue;
      const parts = words(name);
      add(parts, kind);
      // "Fraser, Morag" for Morag Fraser: the last word first.
      if (parts.length > 1) add([...parts.slice(-1), ...parts.slice(0, -1)], kind);
    }
  }
  return found;
}

const monthNumbers: Readonly<Record<string, number>> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11, november: 11, dec: 12, december: 12,
};
const month = Object.keys(monthNumbers).sort((a, b) => b.length - a.length).join('|');
const ordinal = '(?:st|nd|rd|th)?';
const year = '(\\d{4}|\\d{2})';
const notDigitBefore = '(?<![\\p{L}\\p{N}])';
const notDigitAfter = '(?![\\p{L}\\p{N}])';

/** Each way a date is written, with how to read day, month and year from its groups. */
const datePatterns: readonly { readonly pattern: RegExp; readonly read: (g: readonly string[]) => readonly [string, string, string][] }[] = [
  // 2014-03-07, 2014/03/07, 2014.03.07
  { pattern: new RegExp(`${notDigitBefore}(\\d{4})([-/.])(\\d{1,2})\\2(\\d{1,2})${notDigitAfter}`, 'gu'), read: (g) => [[g[4] as string, g[3] as string, g[1] as string]] },
  // 07/03/2014, 7/3/2014, 07.03.14, 7-3-14: day first, as in Scotland, or month first.
  {
    pattern: new RegExp(`${notDigitBefore}(\\d{1,2})([-/.])(\\d{1,2})\\2${year}${notDigitAfter}`, 'gu'),
    read: (g) => [
      [g[1] as string, g[3] as string, g[4] as string],
      [g[3] as string, g[1] as string, g[4] as string],
    ],
  },
  // 7 March 2014, 7th March 2014, 7th of March, 2014, 7-Mar-14, 07 Mar. 2014
  { pattern: new RegExp(`${notDigitBefore}(\\d{1,2})${ordinal}(?:\\s+of)?[\\s\\-./,]*(${month})\\.?[\\s\\-./,]*${year}${notDigitAfter}`, 'giu'), read: (g) => [[g[1] as string, g[2] as string, g[3] as string]] },
  // March 7 2014, March 7th, 2014, Mar. 7, 14
  { pattern: new RegExp(`(?<![\\p{L}])(${month})\\.?[\\s\\-./,]*(\\d{1,2})${ordinal},?[\\s\\-./,]+${year}${notDigitAfter}`, 'giu'), read: (g) => [[g[2] as string, g[1] as string, g[3] as string]] },
  // 20140307 and 07032014
  {
    pattern: new RegExp(`${notDigitBefore}(\\d{8})${notDigitAfter}`, 'gu'),
    read: (g) => {
      const s = g[1] as string;
      return [
        [s.slice(6, 8), s.slice(4, 6), s.slice(0, 4)],
        [s.slice(0, 2), s.slice(2, 4), s.slice(4, 8)],
      ];
    },
  },
];

/** `MM-DD` of a day and month read from text, or null when they are not a day and month. */
function monthDay(day: string, monthText: string): string | null {
  const m = /^\d+$/.test(monthText) ? Number(monthText) : (monthNumbers[monthText.toLowerCase()] ?? 0);
  const d = Number(day);
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  return `${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The dates in `text` that are one of the dates of birth, with where they are. */
function datesOfBirthIn(text: string, values: IdentifyingValues): { start: number; end: number }[] {
  const births = new Set(values.children.map((c) => c.dateOfBirth.toString()));
  // A two-digit year could be of either century: compare its last two digits.
  const shortBirths = new Set([...births].map((b) => b.slice(2)));
  const found: { start: number; end: number }[] = [];
  for (const { pattern, read } of datePatterns) {
    for (const match of text.matchAll(pattern)) {
      const hit = read([...match] as string[]).some(([day, monthText, yearText]) => {
        const md = monthDay(day, monthText);
        if (md === null) return false;
        return yearText.length === 4 ? births.has(`${yearText}-${md}`) : shortBirths.has(`${yearText}-${md}`);
      });
      if (hit) found.push({ start: match.index ?? 0, end: (match.index ?? 0) + match[0].length });
    }
  }
  return found;
}

/**
 * Every whole word or run of words in `text` that is a first name, last name or reference of one of
 * the children, or the name of their worker or team, in any case, and every date of birth, in the
 * order they appear; each piece of text once (its first appearance, as typed).
 */
export function identifyingValuesIn(text: string, values: IdentifyingValues): IdentifyingMatch[] {
  const hits: { start: number; end: number; kinds: readonly IdentifierKind[] }[] = [];
  const textTokens = tokens(text);
  const byFirstWord = new Map<string, { words: readonly string[]; kinds: Set<IdentifierKind> }[]>();
  for (const phrase of phrases(values).values()) {
    const first = phrase.words[0] as string;
    byFirstWord.set(first, [...(byFirstWord.get(first) ?? []), phrase]);
  }
  textTokens.forEach((token, i) => {
    for (const phrase of byFirstWord.get(token.word) ?? []) {
      if (phrase.words.every((w, j) => textTokens[i + j]?.word === w)) {
        hits.push({ start: token.start, end: (textTokens[i + phrase.words.length - 1] as Token).end, kinds: [...phrase.kinds] });
      }
    }
  });
  for (const date of datesOfBirthIn(text, values)) hits.push({ ...date, kinds: ['date-of-birth'] });
  // Each piece of text once, at its first appearance; a longer match first where two start together.
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  const seen = new Map<string, IdentifyingMatch>();
  const order: string[] = [];
  for (const hit of hits) {
    const shown = text.slice(hit.start, hit.end);
    const key = words(shown).join(' ');
    const existing = seen.get(key);
    const kinds = [...new Set([...(existing?.kinds ?? []), ...hit.kinds])].sort((a, b) => kindOrder.indexOf(a) - kindOrder.indexOf(b));
    if (!existing) order.push(key);
    seen.set(key, { text: existing?.text ?? shown, kinds });
  }
  return order.map((key) => seen.get(key) as IdentifyingMatch);
}

const kindOrder: readonly IdentifierKind[] = ['child-reference', 'first-name', 'last-name', 'date-of-birth', 'worker', 'team'];

/** “Amy” (a child’s first name), “7 March 2014” (a child’s date of birth) */
export function describeIdentifyingMatches(matches: readonly IdentifyingMatch[]): string {
  return matches.map((m) => `“${m.text}” (${m.kinds.map((k) => identifierKindLabels[k]).join(' and ')})`).join(', ');
}
