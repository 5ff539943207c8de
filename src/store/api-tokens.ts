/**
 * API tokens: a case-management system pushing milestones signs its requests with a token made
 * for one user, and acts with that user's roles. Only the token's SHA-256 hash is stored.
 */
import { accessDb } from './access-schema.js';
import type { Connection } from './dialect.js';
import { timestampToIso } from './rows.js';

export interface StoredApiToken {
  readonly id: number;
  readonly name: string;
  readonly createdAt: string;
  readonly revokedAt: string | null;
}

export async function addApiToken(connection: Connection, token: { userId: number; name: string; tokenHash: string }, at = new Date().toISOString()): Promise<number> {
  const row = await accessDb(connection)
    .insertInto('api_tokens')
    .values({ user_id: token.userId, name: token.name, token_hash: token.tokenHash, created_at: at, revoked_at: null })
    .returning(['id'])
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The user a live (not revoked, user not disabled) token belongs to, or null. */
export async function findApiTokenUser(connection: Connection, tokenHash: string): Promise<{ userId: number; username: string; tokenId: number } | null> {
  const row = await accessDb(connection)
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .select(['api_tokens.id as tokenId', 'users.id as userId', 'users.username', 'api_tokens.revoked_at', 'users.disabled_at'])
    .where('api_tokens.token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (!row || row.revoked_at !== null || row.disabled_at !== null) return null;
  return { userId: row.userId, username: row.username, tokenId: row.tokenId };
}

export async function listApiTokens(connection: Connection, userId: number): Promise<StoredApiToken[]> {
  const rows = await accessDb(connection).selectFrom('api_tokens').select(['id', 'name', 'created_at', 'revoked_at']).where('user_id', '=', userId).orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, name: r.name, createdAt: timestampToIso(r.created_at) as string, revokedAt: timestampToIso(r.revoked_at) }));
}

/** Revokes the user's token; false when the user has no such live token. */
export async function revokeApiToken(connection: Connection, userId: number, tokenId: number, at = new Date().toISOString()): Promise<boolean> {
  const result = await accessDb(connection).updateTable('api_tokens').set({ revoked_at: at }).where('id', '=', tokenId).where('user_id', '=', userId).where('revoked_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
