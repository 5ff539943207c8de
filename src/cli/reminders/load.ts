/** What every reminders command reads: the authority's records and its schedule, resolved against its aims. */
import { InvalidArgumentError } from 'commander';
import type { PlainDate } from '../../domain/date.js';
import type { ChildRecord } from '../../domain/records.js';
import { withAllocationsOn } from '../../domain/reminders/allocation.js';
import { resolveSchedule, type ResolvedRule } from '../../domain/reminders/schedule.js';
import { allocationVersions, listAims, listScheduleRules, loadChildRecords, type Connection, type StoredAuthority } from '../../store/index.js';

/** The records with each child's worker and team as allocated on `asAt` (decision 0009), and the schedule. */
export async function loadReminderInputs(connection: Connection, stored: StoredAuthority, asAt: PlainDate): Promise<{ records: ChildRecord[]; schedule: ResolvedRule[] }> {
  const [records, aims, rules, versions] = await Promise.all([loadChildRecords(connection, stored.scope), listAims(connection, stored.scope), listScheduleRules(connection, stored.scope), allocationVersions(connection, stored.scope)]);
  return { records: withAllocationsOn(records, versions, asAt), schedule: resolveSchedule(rules, aims) };
}

/** A window of days ahead: a whole number from 0 to 366. */
export function windowArgument(value: string): number {
  const days = Number(value);
  if (!/^\d+$/.test(value.trim()) || days > 366) throw new InvalidArgumentError(`not a number of days from 0 to 366: ${value}`);
  return days;
}

/** A worker's or team's name as on the children's records. */
export function nameArgument(value: string): string {
  const name = value.trim().replace(/\s+/g, ' ');
  if (name === '' || name.length > 200) throw new InvalidArgumentError(`not a name: ${JSON.stringify(value)}`);
  return name;
}

export const defaultWindowDays = 14;
