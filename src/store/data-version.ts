/**
 * The data version of an authority: one counter, `authorities.record_changes`, that the store raises
 * inside the transaction of every change an authority's figures depend on — its children,
 * placements and events (every write path: forms, the API, imports, delete, restore), its aims, its
 * tests of change and their PDSA cycles, and its programme start. Figures are cached by
 * (authority, as-at date, data version): docs/architecture.md, "The cache". Whichever process made
 * the change, the next request reads a new version and computes afresh.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { AuthorityScope } from './authorities.js';
import type { Connection } from './dialect.js';
import type { Database } from './schema.js';

/** The authority's data version: a count of its changes, read with one indexed look-up. */
export async function dataVersion(connection: Pick<Connection, 'db'>, scope: AuthorityScope): Promise<number> {
  const row = await connection.db.selectFrom('authorities').select('record_changes').where('id', '=', scope.id).executeTakeFirst();
  if (!row) throw new Error(`no authority ${scope.code}`);
  return Number(row.record_changes);
}

/** Every authority's data version, by authority id: what the national figures are computed from. */
export async function dataVersions(connection: Pick<Connection, 'db'>): Promise<Map<number, number>> {
  const rows = await sql<{ id: number; record_changes: number | string }>`select id, record_changes from authorities`.execute(connection.db);
  return new Map(rows.rows.map((r) => [Number(r.id), Number(r.record_changes)]));
}

/** Raises the authority's data version; call it in the transaction of the change. */
export async function noteDataChange(db: Kysely<Database> | Transaction<Database>, scope: AuthorityScope): Promise<void> {
  await db
    .updateTable('authorities')
    .set((eb) => ({ record_changes: eb('record_changes', '+', 1) }))
    .where('id', '=', scope.id)
    .execute();
}
