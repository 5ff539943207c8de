/**
 * What is due, for many children: each child's overdue items, the items due within a window of
 * days from as-at, and the next item due. The due pages, `pace due`, the e-mail digests and the
 * calendar feeds all read this one list.
 */
import type { PlainDate } from '../date.js';
import { inParts, type Between } from '../in-parts.js';
import type { ChildRecord } from '../records.js';
import { isOpen, scheduleOf, type ScheduledItem } from './due.js';
import type { ResolvedRule } from './schedule.js';

export interface DueListOptions {
  /** Only children allocated to this worker (names compared without regard to case or surrounding spaces). */
  readonly worker?: string | null;
  /** Only children of this team. */
  readonly team?: string | null;
  /** Only children of this locality. */
  readonly locality?: string | null;
  /** Items due on or before as-at + this many days are "due soon". */
  readonly windowDays: number;
}

export interface DueChild {
  readonly childId: string;
  /** "Amy Adams", for pages only: never for e-mail or calendars. */
  readonly childName: string | null;
  readonly worker: string | null;
  readonly team: string | null;
  readonly locality: string | null;
  /** Past their due date and still to be met, oldest first. */
  readonly overdue: readonly ScheduledItem[];
  /** Due from as-at to the end of the window, soonest first. */
  readonly dueSoon: readonly ScheduledItem[];
  /** The next item due on or after as-at, whenever that is (null when nothing more is scheduled). */
  readonly next: ScheduledItem | null;
  /** Every item still to be met, overdue first, then by due date. */
  readonly open: readonly ScheduledItem[];
}

export interface DueList {
  readonly asAt: PlainDate;
  readonly windowDays: number;
  /** Children with something overdue or due soon, the most pressing first. */
  readonly children: readonly DueChild[];
  readonly overdueCount: number;
  readonly dueSoonCount: number;
}

/** Names as people type them: "Ann Smith" and " ann smith" are one worker. */
export function sameName(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return false;
  return normaliseName(a) === normaliseName(b);
}

export function normaliseName(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

const nameOrder = new Intl.Collator('en-GB', { numeric: true });

/**
 * Names (of workers, teams, localities, sibling groups) in the order a reader looks for them:
 * alphabetical, and the numbers in them by value, so that "Worker 2" comes before "Worker 10".
 */
export function compareNames(a: string, b: string): number {
  return nameOrder.compare(a, b);
}

/** Every child's open items as at `asAt` (children with none are left out), in the records' order. */
export function childrenDue(records: readonly ChildRecord[], schedule: readonly ResolvedRule[], asAt: PlainDate, windowDays: number): DueChild[] {
  const due: DueChild[] = [];
  for (const record of records) {
    const child = dueChildOf(record, schedule, asAt, windowDays);
    if (child !== null) due.push(child);
  }
  return due;
}

/**
 * childrenDue a part at a time, awaiting `pause` after each `perPart` children: a web server
 * answers other requests in between (an authority of 20,000 children took a third of a second).
 */
export async function childrenDueInParts(records: readonly ChildRecord[], schedule: readonly ResolvedRule[], asAt: PlainDate, windowDays: number, pause: Between, perPart = 500): Promise<DueChild[]> {
  const due = await inParts(records, perPart, (record) => dueChildOf(record, schedule, asAt, windowDays), pause);
  return due.filter((child): child is DueChild => child !== null);
}

/** A child's open items as at `asAt`; null when there are none. */
function dueChildOf(record: ChildRecord, schedule: readonly ResolvedRule[], asAt: PlainDate, windowDays: number): DueChild | null {
  const open = scheduleOf(record, schedule, asAt).filter(isOpen);
  if (open.length === 0) return null;
  const overdue = open.filter((item) => item.status === 'overdue');
  const upcoming = open.filter((item) => item.status === 'due');
  const { child } = record;
  return {
    childId: child.childId,
    childName: [child.firstName, child.lastName].filter(Boolean).join(' ') || null,
    worker: child.worker,
    team: child.team,
    locality: child.locality,
    overdue,
    dueSoon: upcoming.filter((item) => item.daysToDue <= windowDays),
    next: upcoming[0] ?? null,
    open,
  };
}

/** The list for a worker, a team or the whole authority: children with something overdue or due within the window. */
export function dueList(records: readonly ChildRecord[], schedule: readonly ResolvedRule[], asAt: PlainDate, options: DueListOptions): DueList {
  const chosen = records.filter((r) => isAllocatedTo(r.child, options));
  return listOf(childrenDue(chosen, schedule, asAt, options.windowDays), asAt, options.windowDays);
}

/** Whether a child is allocated to the worker and the team asked for (either left out or empty: any). */
export function isAllocatedTo(child: { readonly worker: string | null; readonly team: string | null; readonly locality?: string | null }, options: Pick<DueListOptions, 'worker' | 'team' | 'locality'>): boolean {
  const any = (name: string | null | undefined) => name === null || name === undefined || name.trim() === '';
  return (
    (any(options.worker) || sameName(child.worker, options.worker as string)) &&
    (any(options.team) || sameName(child.team, options.team as string)) &&
    (any(options.locality) || sameName(child.locality ?? null, options.locality as string))
  );
}

/** Children with something overdue or due soon, the most pressing first (earliest due date, then reference). */
export function listOf(children: readonly DueChild[], asAt: PlainDate, windowDays: number): DueList {
  const listed = children
    .filter((c) => c.overdue.length > 0 || c.dueSoon.length > 0)
    .sort((a, b) => firstDaysToDue(a) - firstDaysToDue(b) || (a.childId < b.childId ? -1 : a.childId > b.childId ? 1 : 0));
  return {
    asAt,
    windowDays,
    children: listed,
    overdueCount: listed.reduce((n, c) => n + c.overdue.length, 0),
    dueSoonCount: listed.reduce((n, c) => n + c.dueSoon.length, 0),
  };
}

function firstDaysToDue(child: DueChild): number {
  return (child.overdue[0] ?? child.dueSoon[0] ?? child.next)?.daysToDue ?? Infinity;
}
