/**
 * Questions the web pages ask about an authority's records beyond loading them: who owns an id
 * (deleted records included, so an id is never silently reused), a child's whole history of
 * changes, and finding children by reference or name. Every query is scoped by the authority.
 */
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { AuthorityScope } from './authorities.js';
import type { Connection, Row } from './dialect.js';
import { entities, type EntityName } from './entities.js';
import type { HistoryChange } from './history.js';
import { timestampToIso } from './rows.js';
import type { Database } from './schema.js';

/** The child an id belongs to within the authority, and whether that record is deleted; null when unused. */
export async function findRecordOwner(connection: Connection, scope: AuthorityScope, entity: EntityName, id: string): Promise<{ childId: string; deleted: boolean } | null> {
  const descriptor = entities[entity];
  const row = (await connection.db
    .selectFrom(descriptor.table)
    .select([sql.ref('child_id').as('child_id'), sql.ref('deleted_at').as('deleted_at')])
    .where('authority_id', '=', scope.id)
    .where(sql.ref(descriptor.idColumn), '=', id)
    .executeTakeFirst()) as { child_id: string; deleted_at: unknown } | undefined;
  return row ? { childId: row.child_id, deleted: row.deleted_at !== null } : null;
}

/** The owners of many ids at once (see findRecordOwner). */
export async function findRecordOwners(connection: Connection, scope: AuthorityScope, entity: EntityName, ids: readonly string[]): Promise<Map<string, { childId: string; deleted: boolean }>> {
  const descriptor = entities[entity];
  const owners = new Map<string, { childId: string; deleted: boolean }>();
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += 500) {
    const rows = (await connection.db
      .selectFrom(descriptor.table)
      .select([sql.ref(descriptor.idColumn).as('id'), sql.ref('child_id').as('child_id'), sql.ref('deleted_at').as('deleted_at')])
      .where('authority_id', '=', scope.id)
      .where(sql.ref(descriptor.idColumn), 'in', unique.slice(i, i + 500))
      .execute()) as { id: string; child_id: string; deleted_at: unknown }[];
    for (const row of rows) owners.set(row.id, { childId: row.child_id, deleted: row.deleted_at !== null });
  }
  return owners;
}

/** The references of the authority's children that have not been deleted. */
export async function loadChildIds(connection: Connection, scope: AuthorityScope): Promise<string[]> {
  const rows = await connection.db.selectFrom('children').select('child_id').where('authority_id', '=', scope.id).where('deleted_at', 'is', null).execute();
  return rows.map((r) => r.child_id);
}

export interface RecordChange {
  readonly entity: EntityName;
  readonly recordId: string;
  /** The version the change replaced. */
  readonly version: number;
  readonly change: HistoryChange;
  readonly changedAt: string;
  readonly changedBy: string;
  /** The record's data before and after the change. */
  readonly before: Readonly<Row>;
  readonly after: Readonly<Row>;
}

/** Every change to the child and to their placements and events (deleted ones included), newest first. */
export async function childHistory(connection: Connection, scope: AuthorityScope, childId: string): Promise<RecordChange[]> {
  const { db } = connection;
  // Every read is sent at once, not one after another: on PostgreSQL each is a round trip, and a
  // round trip's answer waits its turn behind whatever else the server is working out (app/turns.ts).
  const names = ['child', 'placement', 'event'] as const;
  const ofTheChild = (name: EntityName) => {
    const { table, idColumn } = entities[name];
    return db.selectFrom(table).select(sql<string>`${sql.ref(idColumn)}`.as('id')).where('authority_id', '=', scope.id).where(sql.ref('child_id'), '=', childId);
  };
  const historyOf = (name: EntityName, which: (eb: ExpressionBuilder<Database, 'record_history'>) => Expression<SqlBool>) =>
    db.selectFrom('record_history').select(['id', 'entity', 'record_id', 'version', 'change', 'changed_at', 'changed_by', 'data']).where('authority_id', '=', scope.id).where('entity', '=', name).where(which);
  const [stored, found] = await Promise.all([
    Promise.all(
      names.map(async (name) => {
        const descriptor = entities[name];
        const rows = (await db
          .selectFrom(descriptor.table)
          .select([...descriptor.dataColumns.map((c) => sql.ref(c).as(c)), sql.ref('deleted_at').as('deleted_at')])
          .where('authority_id', '=', scope.id)
          .where(sql.ref('child_id'), '=', childId)
          .execute()) as Row[];
        return rows.map((row) => [`${name}:${String(row[descriptor.idColumn])}`, { ...row, deleted_at: timestampToIso(row.deleted_at as string | null) }] as const);
      }),
    ),
    // The history of the child and of each of their placements and events (deleted ones included),
    // each kind looked up by the index of record and id.
    historyOf('child', (eb) => eb('record_id', '=', childId))
      .unionAll(historyOf('placement', (eb) => eb('record_id', 'in', ofTheChild('placement'))))
      .unionAll(historyOf('event', (eb) => eb('record_id', 'in', ofTheChild('event'))))
      .execute(),
  ]);
  const current = new Map<string, Row>(stored.flat());
  if (current.size === 0) return [];
  // The child's entries first, then the placements', then the events', each kind in the order written.
  const history = found
    .map((row) => ({ ...row, entity: row.entity as (typeof names)[number] }))
    .sort((x, y) => names.indexOf(x.entity) - names.indexOf(y.entity) || Number(x.id) - Number(y.id));
  // Each entry holds the record before its change; what came after is the next entry's "before",
  // or the record as it is now.
  const changes: RecordChange[] = [];
  const byRecord = new Map<string, typeof history>();
  for (const h of history) {
    const key = `${h.entity}:${h.record_id}`;
    byRecord.set(key, [...(byRecord.get(key) ?? []), h]);
  }
  for (const [key, entries] of byRecord) {
    entries.sort((a, b) => a.version - b.version);
    entries.forEach((entry, index) => {
      const next = entries[index + 1];
      changes.push({
        entity: entry.entity,
        recordId: entry.record_id,
        version: entry.version,
        change: entry.change as HistoryChange,
        changedAt: timestampToIso(entry.changed_at) as string,
        changedBy: entry.changed_by,
        before: JSON.parse(entry.data) as Row,
        after: next ? (JSON.parse(next.data) as Row) : (current.get(key) ?? {}),
      });
    });
  }
  return changes.sort((a, b) => (a.changedAt < b.changedAt ? 1 : a.changedAt > b.changedAt ? -1 : b.version - a.version));
}

export interface ChildListing {
  readonly childId: string;
  readonly firstName: string | null;
  readonly lastName: string | null;
  readonly dateOfBirth: string;
}

/** Children whose reference or name contains `search` (any case), in reference order, a page at a time. */
export async function searchChildren(connection: Connection, scope: AuthorityScope, search: string, page: { offset: number; limit: number }): Promise<{ total: number; children: ChildListing[] }> {
  let query = connection.db.selectFrom('children').where('authority_id', '=', scope.id).where('deleted_at', 'is', null);
  const text = search.trim().toLowerCase();
  if (text !== '') {
    const like = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([
        sql<boolean>`lower(child_id) like ${like} escape '\\'`,
        sql<boolean>`lower(coalesce(first_name, '') || ' ' || coalesce(last_name, '')) like ${like} escape '\\'`,
      ]),
    );
  }
  const total = await query.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  const rows = await query.select(['child_id', 'first_name', 'last_name', 'date_of_birth']).orderBy('child_id').offset(page.offset).limit(page.limit).execute();
  return { total: Number(total.n), children: rows.map((r) => ({ childId: r.child_id, firstName: r.first_name, lastName: r.last_name, dateOfBirth: String(r.date_of_birth) })) };
}
