/** The history of every record: each earlier version, and every delete and restore. */
import type { Kysely, Transaction } from 'kysely';
import type { AuthorityScope } from './authorities.js';
import type { Connection } from './dialect.js';
import { timestampToIso } from './rows.js';
import type { Database } from './schema.js';

export type HistoryEntity = 'child' | 'placement' | 'event' | 'aim' | 'schedule-rule' | 'driver' | 'test-of-change' | 'pdsa-cycle' | 'meeting' | 'library-idea' | 'poster-text' | 'aim-group' | 'meeting-attendance' | 'meeting-action';
export type HistoryChange = 'edit' | 'delete' | 'restore';

export interface HistoryEntry {
  readonly version: number;
  readonly change: HistoryChange;
  readonly changedAt: string;
  readonly changedBy: string;
  /** The record as it was before the change. */
  readonly previous: Readonly<Record<string, unknown>>;
}

export async function appendHistory(
  db: Kysely<Database> | Transaction<Database>,
  entry: { authorityId: number; entity: HistoryEntity; recordId: string; version: number; previous: Readonly<Record<string, unknown>>; change: HistoryChange; by: string; at: string },
): Promise<void> {
  await db
    .insertInto('record_history')
    .values({
      authority_id: entry.authorityId,
      entity: entry.entity,
      record_id: entry.recordId,
      version: entry.version,
      data: JSON.stringify(entry.previous),
      change: entry.change,
      changed_at: entry.at,
      changed_by: entry.by,
    })
    .execute();
}

/** Every earlier version of a record, oldest first. */
export async function recordHistory(connection: Connection, scope: AuthorityScope, entity: HistoryEntity, id: string): Promise<HistoryEntry[]> {
  const rows = await connection.db
    .selectFrom('record_history')
    .select(['version', 'change', 'changed_at', 'changed_by', 'data'])
    .where('authority_id', '=', scope.id)
    .where('entity', '=', entity)
    .where('record_id', '=', id)
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    version: row.version,
    change: row.change as HistoryChange,
    changedAt: timestampToIso(row.changed_at) as string,
    changedBy: row.changed_by,
    previous: JSON.parse(row.data) as Record<string, unknown>,
  }));
}
