/**
 * Which figures a page shows: as at which date, for whose children (every child, or a team's, a
 * locality's or a worker's), and over which recent window. Read from the address, so that a link
 * or a bookmark shows the same figures; each invalid part is a field error for the page's error
 * summary, and the page falls back to the default for it.
 */
import { z } from 'zod';
import { everyChild, type ChildFilter } from '../../domain/child-filter.js';
import type { PlainDate } from '../../domain/date.js';
import type { FieldError } from '../views/components.js';
import { parseAsAt } from './as-at.js';
import { readQuery, type QueryWords } from './query.js';

/** The recent windows a reader may choose, in months; 12 unless they choose another. */
export const windowChoices = [3, 6, 12, 24] as const;
export const defaultWindowMonths = 12;

export interface FigureScope {
  readonly asAt: PlainDate;
  /** The as-at date as the reader typed it, for the form. */
  readonly asAtText: string;
  readonly filter: ChildFilter;
  /** Months in the recent window. */
  readonly window: number;
}

const text = z.string().trim().max(200).optional();
const scopeFields = z.object({
  as_at: z.unknown().optional(),
  team: text,
  locality: text,
  worker: text,
  window: z.preprocess((value) => (value === '' ? undefined : value), z.coerce.number().refine((months) => (windowChoices as readonly number[]).includes(months)).optional()),
});

const scopeWords: QueryWords = {
  team: (entered) => `Choose a team from the list (you entered ${entered})`,
  locality: (entered) => `Choose a locality from the list (you entered ${entered})`,
  worker: (entered) => `Choose a worker from the list (you entered ${entered})`,
  window: (entered) => `Choose the recent figure's window from the list: ${windowChoices.join(', ')} months (you entered ${entered})`,
};

/** Reads a page's scope from its query; each part it cannot use is named in `errors` and taken at its default. */
export function parseFigureScope(query: unknown, today: PlainDate): { readonly scope: FigureScope; readonly errors: readonly FieldError[] } {
  const read = readQuery(scopeFields, query, scopeWords);
  const asAt = parseAsAt(read.value.as_at, today);
  const chosen = (value: string | undefined) => (value === undefined || value === '' ? null : value);
  return {
    scope: {
      asAt: asAt.ok ? asAt.value : today,
      asAtText: asAt.text,
      filter: { team: chosen(read.value.team), locality: chosen(read.value.locality), worker: chosen(read.value.worker) },
      window: read.value.window ?? defaultWindowMonths,
    },
    errors: [...(asAt.ok ? [] : [asAt.error]), ...read.errors],
  };
}

/** The address's query for a scope: the as-at date always, the filter when there is one, the window when not the default. */
export function scopeQuery(scope: Pick<FigureScope, 'asAt' | 'filter'> & { readonly window?: number }, extra: Readonly<Record<string, string>> = {}): string {
  const params = new URLSearchParams({ as_at: scope.asAt.toString() });
  for (const part of ['team', 'locality', 'worker'] as const) {
    const value = scope.filter[part];
    if (value !== null) params.set(part, value);
  }
  if (scope.window !== undefined && scope.window !== defaultWindowMonths) params.set('window', String(scope.window));
  for (const [name, value] of Object.entries(extra)) params.set(name, value);
  return `?${params.toString()}`;
}

export const everyChildScope = (asAt: PlainDate): FigureScope => ({ asAt, asAtText: asAt.toString(), filter: everyChild, window: defaultWindowMonths });
