/**
 * Which worker and team a child was allocated to on a date (docs/decisions/0009-reminders.md).
 * Each version of a child's record holds a worker and a team, and the day (in Scotland) it was
 * recorded in pace: that version's allocation is in force from that day until the day the next
 * was recorded. A version recorded after the date does not apply; before the first version was
 * recorded, the earliest known allocation is taken (pace knows no earlier one).
 */
import { compareDates, type PlainDate } from '../date.js';
import type { ChildRecord } from '../records.js';

export interface Allocation {
  readonly worker: string | null;
  readonly team: string | null;
}

/** One version of a child's record: its allocation, and the day it was recorded in pace. */
export interface AllocationVersion extends Allocation {
  readonly recordedOn: PlainDate;
}

/** The allocation in force on `asAt`; null only when no version is known. */
export function allocationOn(versions: readonly AllocationVersion[], asAt: PlainDate): Allocation | null {
  let earliest: AllocationVersion | null = null;
  let inForce: AllocationVersion | null = null;
  for (const version of versions) {
    if (earliest === null || compareDates(version.recordedOn, earliest.recordedOn) < 0) earliest = version;
    // On a tie the later version in the list wins: versions come oldest first.
    if (compareDates(version.recordedOn, asAt) <= 0 && (inForce === null || compareDates(version.recordedOn, inForce.recordedOn) >= 0)) inForce = version;
  }
  const chosen = inForce ?? earliest;
  return chosen === null ? null : { worker: chosen.worker, team: chosen.team };
}

/** The records with each child's worker and team as they were on `asAt` (a child whose versions are not known keeps the record's own). */
export function withAllocationsOn(records: readonly ChildRecord[], versions: ReadonlyMap<string, readonly AllocationVersion[]>, asAt: PlainDate): ChildRecord[] {
  return records.map((record) => {
    const allocation = allocationOn(versions.get(record.child.childId) ?? [], asAt);
    if (allocation === null || (allocation.worker === record.child.worker && allocation.team === record.child.team)) return record;
    return { ...record, child: { ...record.child, ...allocation } };
  });
}
