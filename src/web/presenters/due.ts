/**
 * The due page: for the authority, a worker or a team, every item overdue or due within the window
 * as at a date, the most pressing first, each child linking to their record; for a worker or a
 * team, the recent changes of allocation; for a worker, their calendar feeds.
 */
import { z } from 'zod';
import type { PlainDate } from '../../domain/date.js';
import type { JourneyKind } from '../../domain/journey.js';
import { dueWords, type ScheduledItem } from '../../domain/reminders/due.js';
import { isAllocatedTo, listOf, sameName, type DueChild } from '../../domain/reminders/due-list.js';
import type { ChildRecord } from '../../domain/records.js';
import { distinctNames } from '../../domain/child-filter.js';
import type { AllocationChange, StoredCalendarFeed } from '../../store/index.js';
import { authorityPath } from '../views/layout.js';
import { formatCount, formatInstant, longDate, plural } from '../../app/format.js';

export const defaultWindowDays = 14;

export const dueQuery = z.object({
  as_at: z.string().max(40).optional(),
  worker: z.string().trim().max(200).default(''),
  team: z.string().trim().max(200).default(''),
  locality: z.string().trim().max(200).default(''),
  window: z.coerce.number().int().min(0).max(366).default(defaultWindowDays),
  revoked: z.coerce.number().int().positive().optional(),
});
export type DueQuery = z.infer<typeof dueQuery>;

export interface DueRow {
  readonly childId: string;
  readonly childHref: string;
  readonly childName: string;
  readonly what: string;
  readonly started: string;
  /** "12 April 2021", or "12 April 2021, planned (the schedule's date 4 April 2021)". */
  readonly due: string;
  readonly urgency: 'overdue' | 'due-soon';
  /** "Overdue by 3 weeks", "Due today", "Due in 6 days", "Planned, due in 6 days". */
  readonly when: string;
  readonly worker: string;
  readonly team: string;
}

export interface DuePageModel {
  readonly title: string;
  readonly asAtWords: string;
  readonly query: DueQuery;
  readonly summary: string;
  readonly rows: readonly DueRow[];
  readonly workers: readonly string[];
  readonly teams: readonly string[];
  readonly localities: readonly string[];
  /** For a worker or a team: changes of allocation into or out of it, newest first. */
  readonly allocation: readonly { readonly childId: string; readonly childHref: string; readonly change: string; readonly recorded: string }[] | null;
}

const startWords: Readonly<Record<JourneyKind, string>> = {
  accommodation: 'Accommodated',
  'at-home': 'At home on a CSO from',
  recommendation: 'Recommended',
  adm: 'ADM decision',
};

/** How many changes of allocation the page shows. */
const shownChanges = 20;

export function presentDuePage(input: {
  readonly code: string;
  readonly records: readonly ChildRecord[];
  readonly children: readonly DueChild[];
  readonly asAt: PlainDate;
  readonly query: DueQuery;
  readonly changes: readonly AllocationChange[] | null;
}): DuePageModel {
  const { code, query } = input;
  const list = listOf(
    input.children.filter((c) => isAllocatedTo(c, query)),
    input.asAt,
    query.window,
  );
  const rows = list.children
    .flatMap((child) => [...child.overdue, ...child.dueSoon].map((item) => ({ child, item })))
    .sort((a, b) => a.item.daysToDue - b.item.daysToDue || text(a.child.childId, b.child.childId))
    .map(({ child, item }) => presentRow(code, child, item));
  const who = [query.worker && `for ${query.worker}`, query.team && `for the ${query.team} team`, query.locality && `in ${query.locality}`].filter(Boolean).join(' ');
  return {
    title: `What is due${who ? ` ${who}` : ''}`,
    asAtWords: longDate(input.asAt),
    query,
    summary: `${formatCount(list.overdueCount)} overdue and ${formatCount(list.dueSoonCount)} due within ${plural(query.window, 'day')}, for ${plural(list.children.length, 'child', 'children')}.`,
    rows,
    workers: distinctNames(input.records.map((r) => r.child.worker)),
    teams: distinctNames(input.records.map((r) => r.child.team)),
    localities: distinctNames(input.records.map((r) => r.child.locality)),
    allocation: input.changes === null ? null : presentChanges(code, input.changes, query),
  };
}

function presentRow(code: string, child: DueChild, item: ScheduledItem): DueRow {
  const words = dueWords(item);
  return {
    childId: child.childId,
    childHref: authorityPath(code, `/children/${encodeURIComponent(child.childId)}`),
    childName: child.childName ?? '',
    what: item.name,
    started: `${startWords[item.journeyKind]} ${longDate(item.journeyStart)}`,
    // The child's own planned day stands before the schedule's (docs/decisions/0030-planned-events.md).
    due: item.plan === undefined ? longDate(item.due) : `${longDate(item.due)}, planned (the schedule's date ${longDate(item.plan.ruleDue)})`,
    urgency: item.status === 'overdue' ? 'overdue' : 'due-soon',
    when: words.charAt(0).toUpperCase() + words.slice(1),
    worker: child.worker ?? '',
    team: child.team ?? '',
  };
}

/** Changes into or out of the worker or team asked for. */
function presentChanges(code: string, changes: readonly AllocationChange[], query: DueQuery): NonNullable<DuePageModel['allocation']> {
  const touches = (c: AllocationChange) =>
    (query.worker === '' || sameName(c.from.worker, query.worker) || sameName(c.to.worker, query.worker)) && (query.team === '' || sameName(c.from.team, query.team) || sameName(c.to.team, query.team));
  return changes
    .filter(touches)
    .slice(-shownChanges)
    .reverse()
    .map((c) => ({
      childId: c.childId,
      childHref: authorityPath(code, `/children/${encodeURIComponent(c.childId)}`),
      change: `${allocationWords(c.from)} → ${allocationWords(c.to)}`,
      recorded: `${formatInstant(c.at)} by ${c.by}`,
    }));
}

function allocationWords(allocation: { readonly worker: string | null; readonly team: string | null }): string {
  return `${allocation.worker ?? 'no worker'} (${allocation.team ? `${allocation.team} team` : 'no team'})`;
}

function text(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The due page's address for a worker or team. */
export function dueHref(code: string, change: Partial<Record<'worker' | 'team' | 'locality' | 'as_at' | 'window' | 'revoked', string>>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(change)) if (value !== undefined && value !== '') params.set(key, value);
  const search = params.toString();
  return authorityPath(code, `/due${search ? `?${search}` : ''}`);
}

export interface CalendarFeedRow {
  readonly id: number;
  readonly made: string;
  readonly revokeAction: string | null;
}

export function presentFeeds(code: string, feeds: readonly StoredCalendarFeed[], mayChange: boolean): CalendarFeedRow[] {
  return feeds
    .filter((f) => f.revokedAt === null)
    .map((f) => ({ id: f.id, made: `made ${formatInstant(f.createdAt)} by ${f.createdBy}`, revokeAction: mayChange ? authorityPath(code, `/due/calendar/${f.id}/revoke`) : null }));
}
