/**
 * Allocation history: when a child's worker or team changed, read from the versions the store
 * already keeps (record_history holds every earlier version of a child, with its worker and team).
 * A change is dated when it was recorded in pace, which may be later than it happened; what is due
 * as at a date takes the allocation in force then from these versions (domain/reminders/allocation.ts).
 */
import { Temporal, type PlainDate } from '../domain/date.js';
import type { Allocation, AllocationVersion } from '../domain/reminders/allocation.js';
import type { AuthorityScope } from './authorities.js';
import type { Connection } from './dialect.js';
import { timestampToIso } from './rows.js';

export type { Allocation };

export interface AllocationChange {
  readonly childId: string;
  /** When the change was recorded (ISO instant), and by whom. */
  readonly at: string;
  readonly by: string;
  readonly from: Allocation;
  readonly to: Allocation;
}

/** One version of a child's record: its allocation, when it was recorded (an ISO instant and the day in Scotland) and by whom. */
export interface StoredAllocation extends AllocationVersion {
  readonly version: number;
  readonly recordedAt: string;
  readonly recordedBy: string;
}

/**
 * Every version of each of the authority's children (deleted children left out), oldest first:
 * the current row and the earlier versions `record_history` keeps.
 */
export async function allocationVersions(connection: Connection, scope: AuthorityScope): Promise<Map<string, StoredAllocation[]>> {
  const { db } = connection;
  const [current, history] = await Promise.all([
    db.selectFrom('children').select(['child_id', 'worker', 'team', 'version', 'recorded_at', 'recorded_by']).where('authority_id', '=', scope.id).where('deleted_at', 'is', null).execute(),
    db.selectFrom('record_history').select(['record_id', 'data']).where('authority_id', '=', scope.id).where('entity', '=', 'child').orderBy('id').execute(),
  ]);
  const versions = new Map<string, StoredAllocation[]>();
  // The day in Scotland of each instant, worked out once: an import records thousands of children at
  // one instant, and the time-zone arithmetic was most of the time of this function.
  const days = new Map<string, PlainDate>();
  const stored = (version: number, worker: string | null, team: string | null, recordedAt: string, recordedBy: string): StoredAllocation => {
    let recordedOn = days.get(recordedAt);
    if (recordedOn === undefined) days.set(recordedAt, (recordedOn = Temporal.Instant.from(recordedAt).toZonedDateTimeISO('Europe/London').toPlainDate()));
    return { version, worker, team, recordedAt, recordedBy, recordedOn };
  };
  for (const row of current) versions.set(row.child_id, [stored(row.version, row.worker, row.team, timestampToIso(row.recorded_at) as string, row.recorded_by)]);
  for (const row of history) {
    const list = versions.get(row.record_id);
    if (!list) continue;
    const data = JSON.parse(row.data) as { version: number; worker?: string | null; team?: string | null; recorded_at: string; recorded_by: string };
    list.push(stored(data.version, data.worker ?? null, data.team ?? null, timestampToIso(data.recorded_at) as string, data.recorded_by));
  }
  for (const list of versions.values()) list.sort((a, b) => a.version - b.version);
  return versions;
}

/** Every change of worker or team of the authority's children (deleted children left out), oldest first. */
export async function allocationChanges(connection: Connection, scope: AuthorityScope): Promise<AllocationChange[]> {
  const changes: AllocationChange[] = [];
  for (const [childId, list] of await allocationVersions(connection, scope)) {
    for (let i = 1; i < list.length; i++) {
      const before = list[i - 1] as StoredAllocation;
      const after = list[i] as StoredAllocation;
      if (before.worker === after.worker && before.team === after.team) continue;
      changes.push({ childId, at: after.recordedAt, by: after.recordedBy, from: { worker: before.worker, team: before.team }, to: { worker: after.worker, team: after.team } });
    }
  }
  return changes.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.childId < b.childId ? -1 : a.childId > b.childId ? 1 : 0));
}
