/**
 * Signed-in sessions, kept in the database so that any process behind a load balancer can serve
 * any request. The browser holds a random id; the database holds only its SHA-256 hash, so a copy
 * of the database signs nobody in.
 */
import { accessDb } from './access-schema.js';
import type { Connection } from './dialect.js';
import { timestampToIso } from './rows.js';

export interface StoredSession {
  readonly userId: number;
  readonly username: string;
  readonly displayName: string | null;
  /** ISO instant. */
  readonly expiresAt: string;
  readonly userDisabled: boolean;
}

export async function createSession(connection: Connection, session: { idHash: string; userId: number; createdAt: string; expiresAt: string }): Promise<void> {
  await accessDb(connection).insertInto('sessions').values({ id_hash: session.idHash, user_id: session.userId, created_at: session.createdAt, expires_at: session.expiresAt }).execute();
}

/** The session with this id hash and its user, whether or not it has expired (the caller decides). */
export async function findSession(connection: Connection, idHash: string): Promise<StoredSession | null> {
  const row = await accessDb(connection)
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['users.id', 'users.username', 'users.display_name', 'users.disabled_at', 'sessions.expires_at'])
    .where('sessions.id_hash', '=', idHash)
    .executeTakeFirst();
  if (!row) return null;
  return { userId: row.id, username: row.username, displayName: row.display_name, expiresAt: timestampToIso(row.expires_at) as string, userDisabled: row.disabled_at !== null };
}

export async function deleteSession(connection: Connection, idHash: string): Promise<void> {
  await accessDb(connection).deleteFrom('sessions').where('id_hash', '=', idHash).execute();
}

/** Removes every session that expired before `now` (an ISO instant); returns how many. */
export async function deleteExpiredSessions(connection: Connection, now: string): Promise<number> {
  // ISO instants written by toISOString() compare as text in SQLite and as timestamptz in PostgreSQL.
  const result = await accessDb(connection).deleteFrom('sessions').where('expires_at', '<', now).executeTakeFirst();
  return Number(result.numDeletedRows);
}
