/**
 * Calendar feeds: a worker's due dates at a secret address that a calendar program reads without
 * signing in. Only the SHA-256 hash of each address's token is stored; a feed can be revoked.
 */
import { normaliseName } from '../domain/reminders/due-list.js';
import type { AuthorityScope, StoredAuthority } from './authorities.js';
import type { Connection } from './dialect.js';
import { remindersDb } from './reminders-schema.js';
import { authorityFromRow, timestampToIso } from './rows.js';

export interface StoredCalendarFeed {
  readonly id: number;
  readonly worker: string;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly revokedAt: string | null;
}

export async function addCalendarFeed(connection: Connection, scope: AuthorityScope, feed: { worker: string; tokenHash: string; by: string }, at = new Date().toISOString()): Promise<number> {
  const row = await remindersDb(connection)
    .insertInto('calendar_feeds')
    .values({ authority_id: scope.id, worker: feed.worker.trim().replace(/\s+/g, ' '), token_hash: feed.tokenHash, created_at: at, created_by: feed.by, revoked_at: null, revoked_by: null })
    .returning(['id'])
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The authority and worker of a live (not revoked) feed, or null. */
export async function findCalendarFeed(connection: Connection, tokenHash: string): Promise<{ id: number; worker: string; authority: StoredAuthority } | null> {
  const row = await remindersDb(connection)
    .selectFrom('calendar_feeds')
    .innerJoin('authorities', 'authorities.id', 'calendar_feeds.authority_id')
    .select(['calendar_feeds.id as id', 'calendar_feeds.worker as worker', 'calendar_feeds.revoked_at as revoked_at', 'authorities.id as authority_id', 'authorities.code as code', 'authorities.name as name', 'authorities.programme_start as programme_start'])
    .where('calendar_feeds.token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (!row || row.revoked_at !== null) return null;
  return { id: row.id, worker: row.worker, authority: { scope: { id: row.authority_id, code: row.code }, authority: authorityFromRow(row) } };
}

/** The authority's feeds (of one worker, when given), newest first, revoked ones included. */
export async function listCalendarFeeds(connection: Connection, scope: AuthorityScope, worker: string | null = null): Promise<StoredCalendarFeed[]> {
  const rows = await remindersDb(connection).selectFrom('calendar_feeds').select(['id', 'worker', 'created_at', 'created_by', 'revoked_at']).where('authority_id', '=', scope.id).orderBy('id', 'desc').execute();
  const wanted = worker === null ? null : normaliseName(worker);
  return rows
    .filter((r) => wanted === null || normaliseName(r.worker) === wanted)
    .map((r) => ({ id: r.id, worker: r.worker, createdAt: timestampToIso(r.created_at) as string, createdBy: r.created_by, revokedAt: timestampToIso(r.revoked_at) }));
}

/** Revokes one of the authority's feeds; false when it has no such live feed. */
export async function revokeCalendarFeed(connection: Connection, scope: AuthorityScope, id: number, by: string, at = new Date().toISOString()): Promise<boolean> {
  const result = await remindersDb(connection)
    .updateTable('calendar_feeds')
    .set({ revoked_at: at, revoked_by: by })
    .where('id', '=', id)
    .where('authority_id', '=', scope.id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
