/**
 * National analysts (migration 0007): a grant held by a user, tied to no authority. It opens the
 * national view and nothing else; an authority role never opens the national view.
 */
import type { Kysely } from 'kysely';
import type { AccessTables } from './access-schema.js';
import type { Connection } from './dialect.js';
import type { Database, Timestamp } from './schema.js';

export interface NationalAnalystTable {
  user_id: number;
  granted_at: Timestamp;
  granted_by: string;
}

type NationalTables = AccessTables & { national_analysts: NationalAnalystTable };

function nationalDb(connection: Connection): Kysely<Database & NationalTables> {
  return connection.db.withTables<NationalTables>();
}

/** Makes the user a national analyst (again: a second grant changes nothing). */
export async function grantNationalAnalyst(connection: Connection, userId: number, by: string, at = new Date().toISOString()): Promise<void> {
  const db = nationalDb(connection);
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('national_analysts').where('user_id', '=', userId).execute();
    await trx.insertInto('national_analysts').values({ user_id: userId, granted_at: at, granted_by: by }).execute();
  });
}

/** Ends the user's national grant; false when they had none. */
export async function revokeNationalAnalyst(connection: Connection, userId: number): Promise<boolean> {
  const result = await nationalDb(connection).deleteFrom('national_analysts').where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function isNationalAnalyst(connection: Connection, userId: number): Promise<boolean> {
  const row = await nationalDb(connection).selectFrom('national_analysts').select('user_id').where('user_id', '=', userId).executeTakeFirst();
  return row !== undefined;
}

/** The usernames of every national analyst. */
export async function listNationalAnalysts(connection: Connection): Promise<string[]> {
  const rows = await nationalDb(connection).selectFrom('national_analysts').innerJoin('users', 'users.id', 'national_analysts.user_id').select('users.username').orderBy('users.username').execute();
  return rows.map((r) => r.username);
}
