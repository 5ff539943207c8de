/**
 * A team's, a locality's or a worker's own figures: the same measures on fewer children
 * (docs/decisions/0019-answers.md). A child is in a filter when their record names that team,
 * locality and worker — the team and worker as allocated on the as-at date (decision 0009), so that
 * a past date shows the children each team held then. Names match without regard to case or
 * spacing, as on the list of what is due.
 */
import type { ChildRecord } from './records.js';
import { compareNames, normaliseName, sameName } from './reminders/due-list.js';

export interface ChildFilter {
  readonly team: string | null;
  readonly locality: string | null;
  readonly worker: string | null;
}

export const everyChild: ChildFilter = { team: null, locality: null, worker: null };

const parts = ['team', 'locality', 'worker'] as const;

export function isEveryChild(filter: ChildFilter): boolean {
  return parts.every((part) => filter[part] === null);
}

/** One string per filter, for a cache key: "" for every child. */
export function filterKey(filter: ChildFilter): string {
  return isEveryChild(filter) ? '' : JSON.stringify(parts.map((part) => filter[part]));
}

export function inFilter(record: ChildRecord, filter: ChildFilter): boolean {
  return parts.every((part) => filter[part] === null || sameName(record.child[part], filter[part]));
}

/** "North Team, Eastburn, worker Jo Bloggs" ("East team" for a team named "East"); null for every child. */
export function filterWords(filter: ChildFilter): string | null {
  const words = [
    filter.team === null ? null : /\bteam\b/i.test(filter.team) ? filter.team : `${filter.team} team`,
    filter.locality,
    filter.worker === null ? null : `worker ${filter.worker}`,
  ].filter((word): word is string => word !== null);
  return words.length === 0 ? null : words.join(', ');
}

export interface FilterChoices {
  readonly teams: readonly string[];
  readonly localities: readonly string[];
  readonly workers: readonly string[];
}

/** Every team, locality and worker the records name (each once, as first written), in the order of names (compareNames), for a form's choices. */
export function filterChoices(records: readonly ChildRecord[]): FilterChoices {
  return {
    teams: distinctNames(records.map((r) => r.child.team)),
    localities: distinctNames(records.map((r) => r.child.locality)),
    workers: distinctNames(records.map((r) => r.child.worker)),
  };
}

/** Each name once, as first written (names that differ only in case or spacing are one), in the order of names; blanks left out. */
export function distinctNames(values: Iterable<string | null>): string[] {
  // Each name as written is normalised once: thousands of children share a few dozen teams and workers.
  const normalised = new Map<string, string>();
  const seen = new Map<string, string>();
  for (const value of values) {
    if (value === null) continue;
    let key = normalised.get(value);
    if (key === undefined) normalised.set(value, (key = normaliseName(value)));
    if (key !== '' && !seen.has(key)) seen.set(key, value.trim());
  }
  return [...seen.values()].sort(compareNames);
}
