/** What every reminder reads (the reminders commands, the digests and their jobs): the authority's records and its schedule, resolved against its aims. */
import type { PlainDate } from '../domain/date.js';
import type { ChildRecord } from '../domain/records.js';
import { withAllocationsOn } from '../domain/reminders/allocation.js';
import { resolveSchedule, type ResolvedRule } from '../domain/reminders/schedule.js';
import { allocationVersions, listAims, listScheduleRules, loadChildRecords, type Connection, type StoredAuthority } from '../store/index.js';

/** The records with each child's worker and team as allocated on `asAt` (decision 0009), and the schedule. */
export async function loadReminderInputs(connection: Connection, stored: StoredAuthority, asAt: PlainDate): Promise<{ records: ChildRecord[]; schedule: ResolvedRule[] }> {
  const [records, aims, rules, versions] = await Promise.all([loadChildRecords(connection, stored.scope), listAims(connection, stored.scope), listScheduleRules(connection, stored.scope), allocationVersions(connection, stored.scope)]);
  return { records: withAllocationsOn(records, versions, asAt), schedule: resolveSchedule(rules, aims) };
}
