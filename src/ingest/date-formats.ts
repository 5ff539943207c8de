/**
 * Reading dates written in the formats a profile names (`YYYY-MM-DD`, `DD/MM/YYYY`, `DD-MMM-YYYY`,
 * …). A day that does not exist (31/02/2020) is never moved to another day. A time of day after the
 * date (`03/02/2023 00:00`, as some exports write) is ignored: a milestone is a day.
 */
import { dateOfEpochDay, daysFromCivil, isRealDay, type PlainDate } from '../domain/date.js';

const tokenPattern = /YYYY|MMM|MM|DD/g;
const formatPattern = /^(?:YYYY|MMM|MM|DD|[^A-Za-z])+$/;
const monthNames = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const timeOfDay = String.raw`(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?`;

/** Whether a format string is one this reader understands: YYYY, MMM, MM and DD with separators between. */
export function isDateFormat(format: string): boolean {
  const tokens: string[] = format.match(tokenPattern) ?? [];
  return formatPattern.test(format) && tokens.includes('YYYY') && tokens.includes('DD') && (tokens.includes('MM') || tokens.includes('MMM'));
}

type Part = 'year' | 'month' | 'monthName' | 'day';

interface CompiledFormat {
  readonly pattern: RegExp;
  readonly parts: readonly Part[];
}

function compile(format: string): CompiledFormat {
  const parts: Part[] = [];
  let source = '';
  let last = 0;
  for (const match of format.matchAll(tokenPattern)) {
    source += escape(format.slice(last, match.index));
    const token = match[0];
    parts.push(token === 'YYYY' ? 'year' : token === 'MMM' ? 'monthName' : token === 'MM' ? 'month' : 'day');
    source += token === 'YYYY' ? String.raw`(\d{4})` : token === 'MMM' ? '([A-Za-z]{3})' : String.raw`(\d{1,2})`;
    last = match.index + token.length;
  }
  source += escape(format.slice(last));
  return { pattern: new RegExp(`^${source}${timeOfDay}$`), parts };
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A reader for dates in any of `formats`, tried in order. It remembers each text it has read:
 * a file repeats the same few thousand days many times over.
 */
export function dateReader(formats: readonly string[]): (text: string) => PlainDate | null {
  const compiled = formats.map(compile);
  const seen = new Map<string, PlainDate | null>();
  const isoFirst = formats[0] === 'YYYY-MM-DD';
  return (text) => {
    // The canonical form is read from its characters, without hashing the text to look it up.
    const iso = isoFirst ? isoDay(text) : null;
    if (iso !== null) return dateOfEpochDay(iso);
    let date = seen.get(text);
    if (date === undefined) {
      date = read(compiled, text.trim());
      if (seen.size < 100_000) seen.set(text, date);
    }
    return date;
  };
}

/** The day number of exactly `YYYY-MM-DD` naming a real day; null for anything else. */
function isoDay(text: string): number | null {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return null;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 7);
  const day = digits(text, 8, 10);
  return year < 0 || month < 0 || day < 0 || !isRealDay(year, month, day) ? null : daysFromCivil(year, month, day);
}

/** The number the digits from `start` to `end` make; -1 if any is not a digit. */
function digits(text: string, start: number, end: number): number {
  let value = 0;
  for (let i = start; i < end; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

function read(formats: readonly CompiledFormat[], text: string): PlainDate | null {
  for (const format of formats) {
    const match = format.pattern.exec(text);
    if (!match) continue;
    let year = 0;
    let month = 0;
    let day = 0;
    format.parts.forEach((part, index) => {
      const value = match[index + 1] ?? '';
      if (part === 'year') year = Number(value);
      else if (part === 'month') month = Number(value);
      else if (part === 'monthName') month = monthNames.indexOf(value.toLowerCase()) + 1;
      else day = Number(value);
    });
    // One shared date per day, whatever text it was written as.
    if (isRealDay(year, month, day)) return dateOfEpochDay(daysFromCivil(year, month, day));
  }
  return null;
}
