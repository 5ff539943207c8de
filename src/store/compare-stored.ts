/**
 * Which of an import's records the authority holds already, and which of those are stored exactly
 * as read: one pass over the authority's stored rows of a kind, each looked up among the import's
 * records by its id (docs/decisions/0021-postgres-copy.md). Looking up each record read in the
 * table instead costs an index search a record, and made an unchanged re-import of a large
 * authority slower than its first import. Only the records found to differ need the usual save,
 * which reads each again and keeps its previous version.
 */
import { sql } from 'kysely';
import type { AnyEvent } from '../domain/planned.js';
import type { Child, Placement } from '../domain/records.js';
import type { AuthorityScope } from './authorities.js';
import type { Connection, Row } from './dialect.js';
import { entities, type EntityName } from './entities.js';

/** Records of one kind by position (0 to `count` − 1), found by id. */
export interface RecordsByPosition<R> {
  readonly count: number;
  /** The position of the record with this id, or -1. */
  positionOf(id: string): number;
  /** Whether there is a record at a position (without making it). */
  has(position: number): boolean;
  /** The record at a position, or null when there is none there. */
  at(position: number): R | null;
}

/** What the authority holds of a record: nothing, the same data (and not deleted), or something else. */
export const stored = { none: 0, same: 1, different: 2 } as const;

/**
 * For each position, what the authority holds of the record there (`stored`): inside the caller's
 * transaction when `connection` is in one. The columns in `keepStored` are not compared: the
 * records do not carry them, and a record saved keeps the stored values (records.ts, `keepStored`).
 */
export async function compareWithStored(connection: Connection, scope: AuthorityScope, name: EntityName, records: RecordsByPosition<Child | Placement | AnyEvent>, keepStored: readonly string[] = []): Promise<Uint8Array> {
  const entity = entities[name];
  const columns: readonly string[] = columnsToCompare(entity.dataColumns, keepStored);
  const toRow = entity.toRow as (record: Child | Placement | AnyEvent) => Row;
  const idAt = columns.indexOf(entity.idColumn);
  const found = new Uint8Array(records.count);
  const query = connection.db
    .selectFrom(entity.table)
    .select([...columns, 'deleted_at'].map((column) => sql.ref(column).as(column)))
    .where('authority_id', '=', sql.lit(scope.id))
    .compile();
  await connection.scanRows(connection.db, query, (values) => {
    const at = records.positionOf(values[idAt] as string);
    const record = at < 0 ? null : records.at(at);
    if (record === null) return;
    const row = toRow(record);
    const same = values[columns.length] === null && columns.every((column, i) => (row[column] ?? null) === values[i]);
    found[at] = same ? stored.same : stored.different;
  });
  return found;
}

/** The data columns a comparison reads: all but those kept as stored. */
export function columnsToCompare(dataColumns: readonly string[], keepStored: readonly string[]): readonly string[] {
  return keepStored.length === 0 ? dataColumns : dataColumns.filter((column) => !keepStored.includes(column));
}
