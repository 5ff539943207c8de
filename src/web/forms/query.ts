/**
 * A page's query string (its GET form, or an address a reader typed or changed), read so that a
 * value the page cannot use never ends in an error page: each such value is named in the page's
 * error summary with what was entered, and the page is shown with that field's default
 * (docs/decisions/0005-web.md, "A query a page cannot use").
 */
import type { z } from 'zod';
import type { FieldError } from '../views/components.js';

/** For each field, the message for a value it cannot take, given the value as entered. */
export type QueryWords = Readonly<Record<string, (entered: string) => string>>;

export interface ReadQuery<T> {
  /** The query, every field that could not be used at its default. */
  readonly value: T;
  /** One for each field that could not be used, in the order of the schema's problems. */
  readonly errors: readonly FieldError[];
  /** What was entered in each field that could not be used (for the form to show it again). */
  readonly entered: Readonly<Record<string, string>>;
}

/** The longest entered value a message echoes; a longer one is cut, with an ellipsis. */
const echoed = 60;

/**
 * Reads `query` with `schema`, whose every field is optional or has a default. A field whose value
 * the schema refuses is left out (so it takes its default) and named with its message from `words`.
 */
export function readQuery<T>(schema: z.ZodType<T>, query: unknown, words: QueryWords): ReadQuery<T> {
  const fields: Record<string, unknown> = typeof query === 'object' && query !== null ? { ...(query as Record<string, unknown>) } : {};
  const first = schema.safeParse(fields);
  if (first.success) return { value: first.data, errors: [], entered: {} };
  const errors: FieldError[] = [];
  const entered: Record<string, string> = {};
  for (const issue of first.error.issues) {
    const field = String(issue.path[0] ?? '');
    if (field === '' || field in entered) continue;
    entered[field] = enteredText(fields[field]);
    const message = words[field] ?? ((text: string) => `The ${field} cannot be ${text === '' ? 'empty' : 'that'}`);
    errors.push({ field, message: message(echo(entered[field])) });
    delete fields[field];
  }
  const second = schema.safeParse(fields);
  // Every field is optional or has a default: what is left always reads. Otherwise the schema is a bug.
  if (!second.success) throw second.error;
  return { value: second.data, errors, entered };
}

/** A value of a query as entered: a repeated field's values joined, as a reader would see them; none, empty. */
export function enteredText(value: unknown): string {
  if (Array.isArray(value)) return value.map(enteredText).join(', ');
  return typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value);
}

/** What a message says was entered: the text, cut to a length a message can hold. */
export function echo(text: string): string {
  const trimmed = text.trim();
  return trimmed.length > echoed ? `${trimmed.slice(0, echoed)}…` : trimmed;
}
