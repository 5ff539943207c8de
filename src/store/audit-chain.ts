/**
 * The audit log's hash chain in the database (docs/decisions/0015-audit-chain.md; the chain itself
 * is src/domain/audit-chain.ts). Every entry pace writes is chained here, inside the transaction
 * that writes it; `verifyAuditChain` walks an authority's chain and says where it is broken.
 */
import { createHash } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import { AuditChainCheck, auditEntryHash, genesisHash, type AuditChainBreak, type AuditContent, type ChainPoint } from '../domain/audit-chain.js';
import type { AccessTables } from './access-schema.js';
import type { AuthorityScope } from './authorities.js';
import type { Connection } from './dialect.js';
import { timestampToIso } from './rows.js';
import type { Database } from './schema.js';

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** A new entry of audit_log as it is stored, before it is chained. `at` is an ISO instant (`toISOString`). */
export interface UnchainedAuditRow {
  readonly authority_id: number;
  readonly username: string;
  readonly action: string;
  readonly entity: string;
  readonly record_id: string;
  readonly child_id: string | null;
  readonly client_ip: string | null;
  readonly at: string;
}

type ContentRow = Omit<UnchainedAuditRow, 'at'> & { readonly at: string | Date };

/** An entry's content as the hash covers it; an instant that does not read as one is taken as written (so it cannot match). */
export function auditContentOf(row: ContentRow): AuditContent {
  let at: string;
  try {
    at = timestampToIso(row.at) as string;
  } catch {
    at = String(row.at);
  }
  return { authorityId: Number(row.authority_id), username: row.username, action: row.action, entity: row.entity, recordId: row.record_id, childId: row.child_id, clientIp: row.client_ip, at };
}

/** An authority's chain's head: its last entry's id and hash. */
export interface ChainHead {
  readonly lastId: number;
  readonly hash: string;
}

/** The rows chained after `previous`, in order, and the hash of the last. */
function chain(previous: string, rows: readonly UnchainedAuditRow[]): { links: (UnchainedAuditRow & { prev_hash: string; hash: string })[]; hash: string } {
  let hash = previous;
  const links = rows.map((row) => {
    const link = { ...row, prev_hash: hash, hash: auditEntryHash(hash, auditContentOf(row), sha256Hex) };
    hash = link.hash;
    return link;
  });
  return { links, hash };
}

/**
 * Appends one authority's rows to its chain, in order, inside the caller's transaction, and gives
 * the chain's new head. Taking the chain's head is a write (an upsert of its row), so it takes the
 * lock that puts writers in line — SQLite's one write lock, or PostgreSQL's lock on the head row —
 * and holds it until the transaction ends: two writers never chain to the same entry.
 */
export async function appendChained(trx: Transaction<Database> | Kysely<Database>, authorityId: number, rows: readonly UnchainedAuditRow[]): Promise<ChainHead | null> {
  if (rows.length === 0) return null;
  const db = trx.withTables<AccessTables>();
  const head = await db
    .insertInto('audit_chain_heads')
    .values({ authority_id: authorityId, last_id: 0, hash: genesisHash })
    .onConflict((oc) => oc.column('authority_id').doUpdateSet((eb) => ({ last_id: eb.ref('audit_chain_heads.last_id') })))
    .returning(['last_id', 'hash'])
    .executeTakeFirstOrThrow();
  const { links, hash } = chain(head.hash, rows);
  let lastId = Number(head.last_id);
  // 10 values a row: well within either engine's limit of bound parameters a statement. The ids
  // are given in the order of the rows, so the chain's order is the order of the ids.
  for (let i = 0; i < links.length; i += 1000) {
    const ids = await db.insertInto('audit_log').values(links.slice(i, i + 1000)).returning('id').execute();
    for (const { id } of ids) lastId = Math.max(lastId, Number(id));
  }
  await db.updateTable('audit_chain_heads').set({ last_id: lastId, hash }).where('authority_id', '=', authorityId).execute();
  return { lastId, hash };
}

/** The most rows `appendAtHead` writes in its one statement (10 values a row). */
export const atHeadLimit = 1000;

/** What `appendAtHead` did: wrote the rows and moved the head, or wrote nothing, the head being elsewhere (null: not there yet). */
export type AtHead = { readonly written: ChainHead } | { readonly headIs: ChainHead | null };

/**
 * PostgreSQL only: appends one authority's rows (at most `atHeadLimit`) to its chain in ONE
 * statement, outside any transaction, if the chain's head is `expected`, and gives the new head;
 * otherwise writes nothing and gives the head as it is, for the caller to try again after it, or
 * null when the authority has no head yet (then the usual way, appendChained, makes it).
 *
 * The usual way is five round trips to the database (begin, take the head, insert, move the head,
 * commit), each of whose answers waits its turn behind whatever else the process is working out,
 * and a child's page waits for its view's entry. Here the statement locks the head row if it is as
 * expected (`FOR UPDATE`: a writer that holds it is waited for, and the row is then read again as
 * that writer committed it, so a head moved meanwhile is seen, not written over), inserts the rows
 * only if it locked it, and moves the head only if they were inserted: one statement, all or
 * nothing, as one transaction would be. The head it gives back when it wrote nothing is as the
 * statement began (after waiting for a writer, the head before that writer's: the next offer then
 * finds it moved again).
 */
export async function appendAtHead(db: Kysely<Database>, authorityId: number, expected: ChainHead, rows: readonly UnchainedAuditRow[]): Promise<AtHead> {
  if (rows.length === 0 || rows.length > atHeadLimit) throw new Error(`appendAtHead writes 1 to ${atHeadLimit} rows, not ${rows.length}`);
  const { links, hash } = chain(expected.hash, rows);
  const values = sql.join(
    links.map(
      (l) =>
        sql`(${l.authority_id}::integer, ${l.username}::text, ${l.action}::text, ${l.entity}::text, ${l.record_id}::text, ${l.child_id}::text, ${l.client_ip}::text, ${l.at}::timestamptz, ${l.prev_hash}::text, ${l.hash}::text)`,
    ),
  );
  // `expected` locks the head row only if the head is as expected (a head found elsewhere is only
  // read, as `found` reads it: a statement that takes no lock and writes nothing commits without
  // waiting for the write-ahead log to reach the disk).
  const found = await sql<{ moved_to: number | string | null; last_id: number | string; hash: string }>`
    WITH expected AS (
      SELECT 1 FROM audit_chain_heads WHERE authority_id = ${authorityId} AND last_id = ${expected.lastId} AND hash = ${expected.hash}
      FOR UPDATE
    ), added AS (
      INSERT INTO audit_log (authority_id, username, action, entity, record_id, child_id, client_ip, at, prev_hash, hash)
      SELECT * FROM (VALUES ${values}) AS v (authority_id, username, action, entity, record_id, child_id, client_ip, at, prev_hash, hash)
      WHERE EXISTS (SELECT 1 FROM expected)
      RETURNING id
    ), moved AS (
      UPDATE audit_chain_heads SET last_id = (SELECT max(id) FROM added), hash = ${hash}
      WHERE authority_id = ${authorityId} AND EXISTS (SELECT 1 FROM added)
      RETURNING last_id
    ), found AS (
      SELECT last_id, hash FROM audit_chain_heads WHERE authority_id = ${authorityId}
    )
    SELECT (SELECT last_id FROM moved) AS moved_to, last_id, hash FROM found`.execute(db);
  const row = found.rows[0];
  if (row === undefined) return { headIs: null };
  if (row.moved_to !== null) return { written: { lastId: Number(row.moved_to), hash } };
  return { headIs: { lastId: Number(row.last_id), hash: row.hash } };
}

export interface AuditChainReport {
  /** How many entries were checked (up to the break, when there is one). */
  readonly entries: number;
  /** The last entry checked. */
  readonly last: ChainPoint | null;
  /** The first break, or null when the chain is whole. */
  readonly broken: AuditChainBreak | null;
}

/** Entries read at a time. */
const pageSize = 5000;

/**
 * Walks the authority's chain from its first entry, in one snapshot of the database, and gives the
 * first break; `anchor` (an entry and hash an earlier check printed) must still be in the chain.
 */
export async function verifyAuditChain(connection: Connection, scope: AuthorityScope, anchor: ChainPoint | null = null): Promise<AuditChainReport> {
  // Repeatable read on PostgreSQL; SQLite's transaction reads one snapshot anyway.
  return connection.db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      const db = trx.withTables<AccessTables>();
      const head = await db.selectFrom('audit_chain_heads').select(['last_id', 'hash']).where('authority_id', '=', scope.id).executeTakeFirst();
      const check = new AuditChainCheck(head ? { id: Number(head.last_id), hash: head.hash } : null, anchor, sha256Hex);
      let after: number | null = null;
      for (;;) {
        let query = db
          .selectFrom('audit_log')
          .select(['id', 'authority_id', 'username', 'action', 'entity', 'record_id', 'child_id', 'client_ip', 'at', 'prev_hash', 'hash'])
          .where('authority_id', '=', scope.id);
        if (after !== null) query = query.where('id', '>', after);
        const page = await query.orderBy('id').limit(pageSize).execute();
        for (const row of page) {
          const broken = check.add({ id: Number(row.id), content: auditContentOf(row), prevHash: row.prev_hash, hash: row.hash });
          if (broken) return { entries: check.entries, last: check.last, broken };
        }
        if (page.length < pageSize) break;
        after = Number(page[page.length - 1]?.id);
      }
      return { entries: check.entries, last: check.last, broken: check.finish() };
    });
}
