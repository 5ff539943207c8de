/**
 * The waiting list: every journey still waiting for its milestone, across the authority's aims,
 * filtered and sorted as the reader asks, a page at a time. Overdue journeys and those due within
 * four weeks are marked.
 */
import { z } from 'zod';
import { placementTypes } from '../../domain/codes.js';
import { filterWords, type ChildFilter } from '../../domain/child-filter.js';
import { compareDates, type PlainDate } from '../../domain/date.js';
import type { AuthorityFigures, WaitingRow } from '../../app/authority-figures.js';
import { authorityPath } from '../views/layout.js';
import { formatWeeks, longDate, placementLabel } from '../../app/format.js';
import type { LinkedCount } from './dashboard.js';
import { timescaleWeeks, waitingGroupHref } from './timeline-group.js';

/** Due within this many days (four weeks) and not yet overdue: marked as due soon. */
export const dueSoonDays = 28;
export const pageSize = 50;

export const waitingSorts = ['weeks', 'due', 'child', 'aim', 'placement'] as const;
export type WaitingSort = (typeof waitingSorts)[number];

export const waitingQuery = z.object({
  as_at: z.string().optional(),
  aim: z.string().max(40).default(''),
  status: z.enum(['', 'overdue', 'due-soon', 'waiting']).default(''),
  placement: z.enum(['', 'none', ...placementTypes]).default(''),
  sort: z.enum(waitingSorts).default('weeks'),
  dir: z.enum(['asc', 'desc']).default('desc'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  /** Whose children (child-filter.ts): a team, a locality, a worker; empty for everyone. */
  team: z.string().trim().max(200).default(''),
  locality: z.string().trim().max(200).default(''),
  worker: z.string().trim().max(200).default(''),
});
export type WaitingQuery = z.infer<typeof waitingQuery>;

export type Urgency = 'overdue' | 'due-soon' | 'waiting';

export interface WaitingListRow {
  readonly childId: string;
  readonly childHref: string;
  readonly childName: string;
  readonly aimName: string;
  readonly started: string;
  readonly weeks: string;
  readonly due: string;
  readonly urgency: Urgency;
  readonly urgencyLabel: string;
  readonly placement: string;
}

export interface WaitingListModel {
  readonly asAtWords: string;
  /** "team North East", or null for every child. */
  readonly filterWords: string | null;
  readonly query: WaitingQuery;
  readonly aims: readonly { readonly id: string; readonly name: string }[];
  readonly total: number;
  /** Of those, overdue and due within four weeks, each leading to the list of just those. */
  readonly overdue: LinkedCount;
  readonly dueSoon: LinkedCount;
  readonly rows: readonly WaitingListRow[];
  readonly page: number;
  readonly pages: number;
  /** The group timelines page for the children listed: one link for the aim chosen, else one for each aim. */
  readonly timelines: readonly { readonly text: string; readonly href: string }[];
}

export function urgencyOf(row: WaitingRow): Urgency {
  if (row.status === 'overdue') return 'overdue';
  return row.daysToDue <= dueSoonDays ? 'due-soon' : 'waiting';
}

const urgencyLabels: Readonly<Record<Urgency, string>> = { overdue: 'Overdue', 'due-soon': 'Due within 4 weeks', waiting: 'Waiting' };

/**
 * The list for a query. `rowsFor` may keep the filtered, sorted rows of each query (they depend only
 * on the figures and the query), so paging through them costs no sorting.
 */
export function presentWaitingList(figures: AuthorityFigures, query: WaitingQuery, rowsFor: (key: string, make: () => readonly WaitingRow[]) => readonly WaitingRow[] = (_key, make) => make()): WaitingListModel {
  const key = `waiting|${query.aim}|${query.status}|${query.placement}|${query.sort}|${query.dir}`;
  const sorted = rowsFor(key, () => filterAndSort(figures, query));
  const pages = Math.max(1, Math.ceil(sorted.length / pageSize));
  const page = Math.min(query.page, pages);
  return {
    asAtWords: longDate(figures.asAt),
    filterWords: filterWords(figures.filter),
    query,
    aims: figures.aims.map((a) => ({ id: a.aim.id, name: a.aim.name })),
    total: sorted.length,
    overdue: { count: sorted.filter((r) => r.status === 'overdue').length, href: waitingHref(figures.authority.code, query, { status: 'overdue' }) },
    dueSoon: { count: sorted.filter((r) => urgencyOf(r) === 'due-soon').length, href: waitingHref(figures.authority.code, query, { status: 'due-soon' }) },
    rows: sorted.slice((page - 1) * pageSize, page * pageSize).map((row) => presentRow(figures.authority.code, row)),
    page,
    pages,
    timelines: timelineLinks(figures, query),
  };
}

/**
 * With an aim chosen, the children waiting for it (more than its timescale when only the overdue
 * are listed); otherwise everyone waiting, one aim at a time.
 */
function timelineLinks(figures: AuthorityFigures, query: WaitingQuery): { text: string; href: string }[] {
  const code = figures.authority.code;
  const chosen = figures.aims.find((r) => r.aim.id === query.aim);
  if (!chosen) return figures.aims.map(({ aim }) => ({ text: `Everyone waiting for ${aim.name}`, href: waitingGroupHref(code, aim, 0, figures.asAt) }));
  const weeks = query.status === 'overdue' ? timescaleWeeks(chosen.aim.timescale) : 0;
  const exact = (query.status === '' || query.status === 'overdue') && query.placement === '';
  return [{ text: exact ? 'See these children on one timeline' : `See everyone waiting for ${chosen.aim.name}${weeks > 0 ? ` more than ${weeks} weeks` : ''} on one timeline`, href: waitingGroupHref(code, chosen.aim, weeks, figures.asAt) }];
}

function filterAndSort(figures: AuthorityFigures, query: WaitingQuery): WaitingRow[] {
  const matching = figures.waiting.filter(
    (row) =>
      (query.aim === '' || row.aimId === query.aim) &&
      (query.status === '' || (query.status === 'waiting' ? row.status === 'waiting' : urgencyOf(row) === query.status)) &&
      (query.placement === '' || (query.placement === 'none' ? row.placementType === null : row.placementType === query.placement)),
  );
  const sign = query.dir === 'asc' ? 1 : -1;
  return matching.sort((a, b) => sign * compareRows(a, b, query.sort) || b.weeks - a.weeks || text(a.childId, b.childId));
}

function presentRow(code: string, row: WaitingRow): WaitingListRow {
  const urgency = urgencyOf(row);
  return {
    childId: row.childId,
    childHref: authorityPath(code, `/children/${encodeURIComponent(row.childId)}`),
    childName: row.childName ?? '',
    aimName: row.aimName,
    started: longDate(row.start),
    weeks: formatWeeks(row.weeks),
    due: longDate(row.due),
    urgency,
    urgencyLabel: urgencyLabels[urgency],
    placement: placementLabel(row.placementType),
  };
}

function compareRows(a: WaitingRow, b: WaitingRow, sort: WaitingSort): number {
  switch (sort) {
    case 'weeks':
      return a.weeks - b.weeks;
    case 'due':
      return compareDates(a.due as PlainDate, b.due as PlainDate);
    case 'child':
      return text(a.childId, b.childId);
    case 'aim':
      return text(a.aimName, b.aimName);
    case 'placement':
      return text(placementLabel(a.placementType), placementLabel(b.placementType));
    default:
      return unreachable(sort);
  }
}

function text(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function unreachable(value: never): never {
  throw new Error(`unhandled sort: ${String(value)}`);
}

/** The address of the list with some of its query changed (page back to 1 unless given). */
export function waitingHref(code: string, query: WaitingQuery, change: Partial<WaitingQuery>): string {
  const merged = { ...query, page: 1, ...change };
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(merged)) if (value !== '' && value !== undefined && !(key === 'page' && value === 1)) params.set(key, String(value));
  const search = params.toString();
  return authorityPath(code, `/waiting${search ? `?${search}` : ''}`);
}

/** Whose children a waiting list's query asks for. */
export function waitingFilter(query: WaitingQuery): ChildFilter {
  return { team: query.team === '' ? null : query.team, locality: query.locality === '' ? null : query.locality, worker: query.worker === '' ? null : query.worker };
}
