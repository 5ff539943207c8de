/** Making a worker's calendar feed: a random token (32 bytes) in the address, only its SHA-256 hash kept. */
import { addCalendarFeed, type AuthorityScope, type Connection } from '../store/index.js';
import { newSecret, sha256 } from './secrets.js';

export async function createCalendarFeed(connection: Connection, scope: AuthorityScope, worker: string, by: string): Promise<{ id: number; token: string }> {
  const token = newSecret();
  const id = await addCalendarFeed(connection, scope, { worker, tokenHash: sha256(token), by });
  return { id, token };
}

/** The feed's address on this server, from its origin (e.g. https://pace.council.example). */
export function calendarPath(token: string): string {
  return `/calendar/${token}.ics`;
}

export function calendarTokenHash(token: string): string {
  return sha256(token);
}
