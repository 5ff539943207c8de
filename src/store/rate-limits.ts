/**
 * Counts of attempts in fixed windows, kept in the database so that every web process counts the
 * same attempts (issue 18, point 2; migration 0014): the sign-in rate limit of src/web/rate-limit-store.ts.
 * One atomic upsert per attempt: a window that has ended starts again at 1.
 */
import { sql } from 'kysely';
import type { Connection } from './dialect.js';

export interface WindowCount {
  /** Attempts in the current window, this one included. */
  readonly hits: number;
  /** When the current window began, in milliseconds since 1970. */
  readonly windowStart: number;
}

/** Counts one attempt under `key` at `nowMs` in windows of `windowMs`; the count and the window it fell in. */
export async function countAttempt(connection: Connection, key: string, nowMs: number, windowMs: number): Promise<WindowCount> {
  const ended = nowMs - windowMs;
  const { rows } = await sql<{ hits: number | string; window_start: number | string }>`
    insert into rate_limits (key, window_start, hits) values (${key}, ${nowMs}, 1)
    on conflict (key) do update set
      window_start = case when rate_limits.window_start <= ${ended} then ${nowMs} else rate_limits.window_start end,
      hits = case when rate_limits.window_start <= ${ended} then 1 else rate_limits.hits + 1 end
    returning hits, window_start`.execute(connection.db);
  const row = rows[0];
  if (!row) throw new Error('the rate limit upsert returned no row');
  return { hits: Number(row.hits), windowStart: Number(row.window_start) };
}

/** The attempts under `key` in the window current at `nowMs`, without counting one. */
export async function attemptsSoFar(connection: Connection, key: string, nowMs: number, windowMs: number): Promise<WindowCount | null> {
  const { rows } = await sql<{ hits: number | string; window_start: number | string }>`select hits, window_start from rate_limits where key = ${key} and window_start > ${nowMs - windowMs}`.execute(connection.db);
  const row = rows[0];
  return row ? { hits: Number(row.hits), windowStart: Number(row.window_start) } : null;
}

/** Forgets windows that ended before `beforeMs`. */
export async function forgetAttemptsBefore(connection: Connection, beforeMs: number): Promise<void> {
  await sql`delete from rate_limits where window_start < ${beforeMs}`.execute(connection.db);
}
