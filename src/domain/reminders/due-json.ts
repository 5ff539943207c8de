/**
 * What is due, as the JSON `pace due --json` prints (README, docs/decisions/0009-reminders.md):
 * snake_case, ISO dates, children by reference only.
 */
import type { ScheduledItem } from './due.js';
import type { DueList } from './due-list.js';

export function dueItemJson(item: ScheduledItem) {
  return {
    rule: item.ruleId,
    name: item.name,
    occurrence: item.occurrence,
    journey: item.journeyKind,
    journey_start: item.journeyStart.toString(),
    due: item.due.toString(),
    status: item.status,
    days_to_due: item.daysToDue,
  };
}

export function dueListJson(list: DueList, meta: { readonly authority: string; readonly worker: string | null; readonly team: string | null }) {
  return {
    authority: meta.authority,
    as_at: list.asAt.toString(),
    window_days: list.windowDays,
    worker: meta.worker,
    team: meta.team,
    overdue: list.overdueCount,
    due_soon: list.dueSoonCount,
    children: list.children.map((child) => ({
      child_id: child.childId,
      worker: child.worker,
      team: child.team,
      overdue: child.overdue.map(dueItemJson),
      due_soon: child.dueSoon.map(dueItemJson),
      next: child.next && dueItemJson(child.next),
    })),
  };
}
