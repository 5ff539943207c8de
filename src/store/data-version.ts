/**
 * Fingerprints of everything an authority's figures are computed from, for the web layer's cache
 * (docs/decisions/0005-web.md), whichever process made the change:
 * - `dataStamp` is cheap (a handful of index look-ups): the count of changes to the authority's
 *   records (`noteRecordChanges`, in the transaction of every change), the latest aim, the latest
 *   history entry and the programme start.
 * - `dataVersion` is exact: it adds the row counts (deleted rows stay counted), so it also changes
 *   for an aim added with a time no later than the newest aim's (clocks of two servers a little
 *   apart, or a caller that supplies the time). Counting is proportional to the records, so it is
 *   asked less often.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { AuthorityScope } from './authorities.js';
import type { Connection } from './dialect.js';
import { timestampToIso } from './rows.js';
import type { Database } from './schema.js';

type Cell = number | string | Date | null;

export async function dataStamp(connection: Connection, scope: AuthorityScope): Promise<string> {
  const row = await sql<{ records: Cell; aims: Cell; history: Cell; programme_start: Cell }>`
    select
      (select record_changes from authorities where id = ${scope.id}) as records,
      (select max(recorded_at) from aims where authority_id = ${scope.id}) as aims,
      (select max(id) from record_history where authority_id = ${scope.id}) as history,
      (select programme_start from authorities where id = ${scope.id}) as programme_start
  `.execute(connection.db);
  const v = row.rows[0];
  if (!v) throw new Error('the data stamp query returned no row');
  const instant = (cell: Cell) => (cell === null ? '-' : (timestampToIso(cell as string | Date) as string));
  return [String(v.records ?? 0), instant(v.aims), String(v.history ?? 0), String(v.programme_start ?? '-')].join('|');
}

/** Counts a change to the authority's children, placements or events; call it in the change's transaction. */
export async function noteRecordChanges(db: Kysely<Database> | Transaction<Database>, scope: AuthorityScope): Promise<void> {
  await db
    .updateTable('authorities')
    .set((eb) => ({ record_changes: eb('record_changes', '+', 1) }))
    .where('id', '=', scope.id)
    .execute();
}

export async function dataVersion(connection: Connection, scope: AuthorityScope): Promise<string> {
  const row = await sql<{ children: Cell; placements: Cell; events: Cell; aims: Cell }>`
    select
      (select count(*) from children where authority_id = ${scope.id}) as children,
      (select count(*) from placements where authority_id = ${scope.id}) as placements,
      (select count(*) from events where authority_id = ${scope.id}) as events,
      (select count(*) from aims where authority_id = ${scope.id}) as aims
  `.execute(connection.db);
  const v = row.rows[0];
  if (!v) throw new Error('the data version query returned no row');
  return `${await dataStamp(connection, scope)}|${[v.children, v.placements, v.events, v.aims].map(String).join('.')}`;
}
