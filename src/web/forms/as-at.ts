/** The as-at date of a page: today unless the reader asks about another day. */
import { isAfter, parseDate, type PlainDate } from '../../domain/date.js';
import type { FieldError } from '../views/components.js';

export type AsAtResult = { readonly ok: true; readonly value: PlainDate; readonly text: string } | { readonly ok: false; readonly error: FieldError; readonly text: string };

export function parseAsAt(text: string | undefined, today: PlainDate): AsAtResult {
  const raw = (text ?? '').trim();
  if (raw === '') return { ok: true, value: today, text: today.toString() };
  const parsed = parseDate(raw);
  if (!parsed.ok) return { ok: false, text: raw, error: { field: 'as_at', message: `Enter the as-at date as a real date, such as 2024-03-01 or 01/03/2024 (you entered ${raw})` } };
  if (isAfter(parsed.value, today)) return { ok: false, text: raw, error: { field: 'as_at', message: `The as-at date cannot be after today, ${today.toString()} (you entered ${raw})` } };
  return { ok: true, value: parsed.value, text: parsed.value.toString() };
}
