/**
 * Allocation history: when a child's worker or team changed, read from the versions the store
 * already keeps (record_history holds every earlier version of a child, with its worker and team).
 * A change is dated when it was recorded in pace, which may be later than it happened.
 */
import type { AuthorityScope } from './authorities.js';
import type { Connection } from './dialect.js';
import { timestampToIso } from './rows.js';

export interface Allocation {
  readonly worker: string | null;
  readonly team: string | null;
}

export interface AllocationChange {
  readonly childId: string;
  /** When the change was recorded (ISO instant), and by whom. */
  readonly at: string;
  readonly by: string;
  readonly from: Allocation;
  readonly to: Allocation;
}

interface Version extends Allocation {
  readonly version: number;
  readonly recordedAt: string;
  readonly recordedBy: string;
}

/** Every change of worker or team of the authority's children (deleted children left out), oldest first. */
export async function allocationChanges(connection: Connection, scope: AuthorityScope): Promise<AllocationChange[]> {
  const { db } = connection;
  const [current, history] = await Promise.all([
    db.selectFrom('children').select(['child_id', 'worker', 'team', 'version', 'recorded_at', 'recorded_by']).where('authority_id', '=', scope.id).where('deleted_at', 'is', null).execute(),
    db.selectFrom('record_history').select(['record_id', 'data']).where('authority_id', '=', scope.id).where('entity', '=', 'child').orderBy('id').execute(),
  ]);
  const versions = new Map<string, Version[]>();
  for (const row of current) versions.set(row.child_id, [{ version: row.version, worker: row.worker, team: row.team, recordedAt: timestampToIso(row.recorded_at) as string, recordedBy: row.recorded_by }]);
  for (const row of history) {
    const list = versions.get(row.record_id);
    if (!list) continue;
    const data = JSON.parse(row.data) as { version: number; worker?: string | null; team?: string | null; recorded_at: string; recorded_by: string };
    list.push({ version: data.version, worker: data.worker ?? null, team: data.team ?? null, recordedAt: data.recorded_at, recordedBy: data.recorded_by });
  }
  const changes: AllocationChange[] = [];
  for (const [childId, list] of versions) {
    list.sort((a, b) => a.version - b.version);
    for (let i = 1; i < list.length; i++) {
      const before = list[i - 1] as Version;
      const after = list[i] as Version;
      if (before.worker === after.worker && before.team === after.team) continue;
      changes.push({ childId, at: after.recordedAt, by: after.recordedBy, from: { worker: before.worker, team: before.team }, to: { worker: after.worker, team: after.team } });
    }
  }
  return changes.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.childId < b.childId ? -1 : a.childId > b.childId ? 1 : 0));
}
