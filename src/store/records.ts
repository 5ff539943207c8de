/**
 * Saving, deleting and restoring children, placements and events. Every write is scoped by the
 * authority; an edit keeps the previous version in `record_history`; a delete is recorded and can
 * be undone. Saving the same record again changes nothing.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { AnyEvent } from '../domain/planned.js';
import type { Child, Placement } from '../domain/records.js';
import type { AuthorityScope } from './authorities.js';
import type { Connection, Row } from './dialect.js';
import { childEntity, entities, eventEntity, placementEntity, type AnyEntity, type EntityName } from './entities.js';
import { insertAuditEntries, type AuditAction } from './audit.js';
import { noteDataChange } from './data-version.js';
import { appendHistory, type HistoryChange } from './history.js';
import { timestampToIso } from './rows.js';
import type { Database } from './schema.js';

export interface SaveBatch {
  readonly children?: readonly Child[];
  readonly placements?: readonly Placement[];
  /** Held, planned and cancelled events alike: one table, one id space. */
  readonly events?: readonly AnyEvent[];
}

export interface SaveCounts {
  added: number;
  changed: number;
  unchanged: number;
}

export interface SaveSummary {
  readonly children: SaveCounts;
  readonly placements: SaveCounts;
  readonly events: SaveCounts;
}

/** Who made a change and when (`at` is an ISO timestamp; now, unless a test fixes it). */
export interface Author {
  readonly by: string;
  readonly at?: string;
}

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Adds new records and replaces known ones (by id, within the authority), in one transaction.
 * A record identical to the stored one is left alone; a changed or deleted one gets a new version
 * and its previous version goes to the history.
 */
export interface SaveOptions {
  /**
   * Kinds of record of which every record in this save is new, as the caller found in the same
   * transaction (the authority held none of the kind, `kindsWithoutRecords`, or none of these ids,
   * `compareWithStored`): none is looked up. A record that is not new after all fails on the
   * table's key and the transaction is undone.
   */
  readonly allNew?: ReadonlySet<EntityName>;
  /**
   * Data columns, by kind of record, that the records do not carry: an import whose file had no
   * such column (docs/decisions/0030-planned-events.md, "Re-importing a file without planned
   * dates"). A record the authority holds keeps the stored value of each; a new one has none.
   */
  readonly keepStored?: Readonly<Partial<Record<EntityName, readonly string[]>>>;
  /**
   * Write each record added or changed to the audit log, in the same transaction (so a change is
   * never kept unaudited), saying where the request came from. Imports leave this out: an import
   * is audited once, as a whole.
   */
  readonly audit?: AuditContext;
}

/** Where a change came from, for the audit log: the client's IP address, or `cli`. */
export interface AuditContext {
  readonly clientIp: string | null;
}

export async function saveRecords(connection: Connection, scope: AuthorityScope, batch: SaveBatch, author: Author, options: SaveOptions = {}): Promise<SaveSummary> {
  const at = author.at ?? new Date().toISOString();
  const changes: Change[] = [];
  const save = (trx: Transaction<Database>, entity: AnyEntity, rows: readonly Row[]) =>
    saveEntity(trx, connection, scope, entity, rows, { by: author.by, at, allNew: options.allNew?.has(entity.name) === true, keepStored: keptColumns(entity, options.keepStored?.[entity.name]), changes: options.audit ? changes : null });
  return connection.db.transaction().execute(async (trx) => {
    const summary = {
      children: await save(trx, childEntity, (batch.children ?? []).map(childEntity.toRow)),
      placements: await save(trx, placementEntity, (batch.placements ?? []).map(placementEntity.toRow)),
      events: await save(trx, eventEntity, (batch.events ?? []).map(eventEntity.toRow)),
    };
    if (options.audit) await insertAuditEntries(trx, scope, changes.map((c) => ({ ...c, username: author.by, clientIp: options.audit?.clientIp ?? null, at })));
    if ((['children', 'placements', 'events'] as const).some((kind) => summary[kind].added + summary[kind].changed > 0)) await noteDataChange(trx, scope);
    return summary;
  });
}

/** One record added, changed, deleted or restored, for the audit log. */
type Change = { readonly action: AuditAction; readonly entity: EntityName; readonly recordId: string; readonly childId: string };

/** The kinds of record of which the authority holds none, deleted or not. */
export async function kindsWithoutRecords(connection: Connection, scope: AuthorityScope): Promise<Set<EntityName>> {
  const without = new Set<EntityName>();
  for (const entity of Object.values(entities)) {
    const row = await connection.db.selectFrom(entity.table).select(sql.lit(1).as('one')).where('authority_id', '=', scope.id).limit(1).executeTakeFirst();
    if (row === undefined) without.add(entity.name);
  }
  return without;
}

/** How one kind of record is saved: by whom and when, whether all are new, the columns kept as stored, and where audited changes go. */
interface EntitySave {
  readonly by: string;
  readonly at: string;
  readonly allNew: boolean;
  readonly keepStored: readonly string[];
  readonly changes: Change[] | null;
}

async function saveEntity(trx: Transaction<Database>, connection: Connection, scope: AuthorityScope, entity: AnyEntity, rows: readonly Row[], { by, at, allNew, keepStored, changes }: EntitySave): Promise<SaveCounts> {
  const counts: SaveCounts = { added: 0, changed: 0, unchanged: 0 };
  if (rows.length === 0) return counts;
  const ids = rows.map((row) => row[entity.idColumn] as string);
  if (new Set(ids).size !== ids.length) throw new Error(`one save may not hold the same ${entity.name} id twice`);
  const existing = allNew ? new Map<string, Row>() : await findExisting(trx, scope, entity, ids);
  const inserts: unknown[] = [];
  for (const read of rows) {
    const id = read[entity.idColumn] as string;
    const stored = existing.get(id);
    // The stored row was read with every data column: keeping a value costs no query.
    const row = stored === undefined || keepStored.length === 0 ? read : withStored(read, stored, keepStored);
    if (stored === undefined) {
      for (const column of entity.dataColumns) inserts.push(row[column] ?? null);
      counts.added += 1;
      changes?.push({ action: 'add', entity: entity.name, recordId: id, childId: row.child_id as string });
    } else if (stored.deleted_at === null && sameData(entity, stored, row)) {
      counts.unchanged += 1;
    } else {
      await keepHistory(trx, scope, entity, id, 'edit', by, at);
      await updateRow(trx, scope, entity, id, { ...row, version: (stored.version as number) + 1, recorded_at: at, recorded_by: by, deleted_at: null, deleted_by: null });
      counts.changed += 1;
      changes?.push({ action: 'edit', entity: entity.name, recordId: id, childId: row.child_id as string });
    }
  }
  if (inserts.length > 0) await connection.bulkInsert(trx, entity.table, newRecord(scope, by, at), entity.dataColumns, inserts);
  return counts;
}

/** The data columns to keep as stored for one kind; a column that is not one of its data columns, or is its id, is a bug. */
function keptColumns(entity: AnyEntity, columns: readonly string[] | undefined): readonly string[] {
  for (const column of columns ?? []) {
    if (!(entity.dataColumns as readonly string[]).includes(column) || column === entity.idColumn) throw new Error(`a ${entity.name} cannot keep its stored ${column}`);
  }
  return columns ?? [];
}

/** The row read, with the stored values of the columns it does not carry. */
function withStored(read: Row, stored: Row, columns: readonly string[]): Row {
  const row = { ...read };
  for (const column of columns) row[column] = stored[column] ?? null;
  return row;
}

/** What every newly added record holds besides its data: its authority, version 1, who and when. */
export function newRecord(scope: AuthorityScope, by: string, at: string): Row {
  return { authority_id: scope.id, version: 1, recorded_at: at, recorded_by: by, deleted_at: null, deleted_by: null };
}

export type RecordChangeResult = { ok: true; version: number } | { ok: false; error: { code: 'not-found' | 'already-deleted' | 'not-deleted'; entity: EntityName; id: string } };

/** Deletes a record as a recorded act: the row is marked deleted, its last version kept, and the act audited. */
export async function deleteRecord(connection: Connection, scope: AuthorityScope, name: EntityName, id: string, author: Author, audit: AuditContext = { clientIp: null }): Promise<RecordChangeResult> {
  return setDeleted(connection, scope, name, id, author, true, audit);
}

/** Undoes a delete (audited). */
export async function restoreRecord(connection: Connection, scope: AuthorityScope, name: EntityName, id: string, author: Author, audit: AuditContext = { clientIp: null }): Promise<RecordChangeResult> {
  return setDeleted(connection, scope, name, id, author, false, audit);
}

async function setDeleted(connection: Connection, scope: AuthorityScope, name: EntityName, id: string, author: Author, deleted: boolean, audit: AuditContext): Promise<RecordChangeResult> {
  const entity = entities[name];
  const at = author.at ?? new Date().toISOString();
  return connection.db.transaction().execute(async (trx): Promise<RecordChangeResult> => {
    const stored = (await findExisting(trx, scope, entity, [id])).get(id);
    if (stored === undefined) return { ok: false, error: { code: 'not-found', entity: name, id } };
    if ((stored.deleted_at !== null) === deleted) return { ok: false, error: { code: deleted ? 'already-deleted' : 'not-deleted', entity: name, id } };
    await keepHistory(trx, scope, entity, id, deleted ? 'delete' : 'restore', author.by, at);
    const version = (stored.version as number) + 1;
    await updateRow(trx, scope, entity, id, { version, recorded_at: at, recorded_by: author.by, deleted_at: deleted ? at : null, deleted_by: deleted ? author.by : null });
    const childId = (name === 'child' ? id : stored.child_id) as string;
    await insertAuditEntries(trx, scope, [{ username: author.by, action: deleted ? 'delete' : 'restore', entity: name, recordId: id, childId, clientIp: audit.clientIp, at }]);
    await noteDataChange(trx, scope);
    return { ok: true, version };
  });
}

/** Past this many ids, one scan of the authority's rows is cheaper than looking each batch up. */
const scanThreshold = 5_000;

async function findExisting(db: Db, scope: AuthorityScope, entity: AnyEntity, ids: readonly string[]): Promise<Map<string, Row>> {
  const found = new Map<string, Row>();
  const unique = [...new Set(ids)];
  if (unique.length > scanThreshold) {
    const wanted = new Set(unique);
    const rows = (await db.selectFrom(entity.table).select(comparedColumns(entity)).where('authority_id', '=', scope.id).execute()) as Row[];
    for (const row of rows) {
      const id = row[entity.idColumn] as string;
      if (wanted.has(id)) found.set(id, row);
    }
    return found;
  }
  for (let i = 0; i < unique.length; i += 500) {
    const rows = (await db
      .selectFrom(entity.table)
      .select(comparedColumns(entity))
      .where('authority_id', '=', scope.id)
      .where(sql.ref(entity.idColumn), 'in', unique.slice(i, i + 500))
      .execute()) as Row[];
    for (const row of rows) found.set(row[entity.idColumn] as string, row);
  }
  return found;
}

/** What deciding between unchanged, changed and added needs: the data, the version, the deleted mark. */
function comparedColumns(entity: AnyEntity) {
  return [...entity.dataColumns, 'version', 'deleted_at'].map((column) => sql.ref(column).as(column));
}

function sameData(entity: AnyEntity, stored: Row, row: Row): boolean {
  return entity.dataColumns.every((column) => (stored[column] ?? null) === (row[column] ?? null));
}

/** Copies the stored row, as it is before a change, into the history. */
async function keepHistory(db: Db, scope: AuthorityScope, entity: AnyEntity, id: string, change: HistoryChange, by: string, at: string): Promise<void> {
  const stored = (await db
    .selectFrom(entity.table)
    .selectAll()
    .where('authority_id', '=', scope.id)
    .where(sql.ref(entity.idColumn), '=', id)
    .executeTakeFirstOrThrow()) as Row;
  const previous: Row = { version: stored.version, recorded_at: timestampToIso(stored.recorded_at as string), recorded_by: stored.recorded_by };
  for (const column of entity.dataColumns) previous[column] = stored[column] ?? null;
  previous.deleted_at = timestampToIso((stored.deleted_at as string | null) ?? null);
  await appendHistory(db, { authorityId: scope.id, entity: entity.name, recordId: id, version: stored.version as number, previous, change, by, at });
}

async function updateRow(db: Db, scope: AuthorityScope, entity: AnyEntity, id: string, values: Row): Promise<void> {
  await db
    .updateTable(entity.table)
    .set(values as never)
    .where('authority_id', '=', scope.id)
    .where(sql.ref(entity.idColumn), '=', id)
    .execute();
}
