/** The as-at date of a page: today unless the reader asks about another day. */
import { isAfter, parseDate, type PlainDate } from '../../domain/date.js';
import type { FieldError } from '../views/components.js';
import { enteredText } from './query.js';

export type AsAtResult = { readonly ok: true; readonly value: PlainDate; readonly text: string } | { readonly ok: false; readonly error: FieldError; readonly text: string };

/** Reads the as-at date as entered; a field given twice in an address (`?as_at=…&as_at=…`) is not a date either. */
export function parseAsAt(text: unknown, today: PlainDate): AsAtResult {
  const raw = enteredText(text).trim();
  if (raw === '') return { ok: true, value: today, text: today.toString() };
  const parsed = parseDate(raw);
  if (!parsed.ok) return { ok: false, text: raw, error: { field: 'as_at', message: asAtMessage(raw) } };
  if (isAfter(parsed.value, today)) return { ok: false, text: raw, error: { field: 'as_at', message: `The as-at date cannot be after today, ${today.toString()} (you entered ${raw})` } };
  return { ok: true, value: parsed.value, text: parsed.value.toString() };
}

/** The message for an as-at date that is not a date, echoing what was entered. */
export function asAtMessage(entered: string): string {
  return `Enter the as-at date as a real date, such as 2024-03-01 or 01/03/2024 (you entered ${entered})`;
}
