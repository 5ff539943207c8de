// Changes to accounts that only tests need (no page or command disables an account yet).
import { accessDb } from '../../src/store/access-schema.js';
import type { Connection } from '../../src/store/index.js';

export async function disableUserForTest(connection: Connection, username: string): Promise<void> {
  await accessDb(connection).updateTable('users').set({ disabled_at: new Date().toISOString() }).where('username', '=', username).execute();
}

export async function expireSessionsForTest(connection: Connection): Promise<void> {
  await accessDb(connection).updateTable('sessions').set({ expires_at: '2000-01-01T00:00:00.000Z' }).execute();
}
