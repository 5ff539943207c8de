/**
 * The national view's figures as worked out by a national refresh job (migration 0020;
 * docs/decisions/0024-durable-jobs.md): one row for each as-at date, from-date and digest of every
 * authority's data version, so that every process reads the same figures and none works them out
 * again while no authority's data has changed. When a new row is kept, the rows of the same dates
 * for older data are removed: they can never be asked for again.
 */
import { sql } from 'kysely';
import type { Connection } from './dialect.js';

export interface NationalResultKey {
  /** ISO dates; from-date '' for none. */
  readonly asAt: string;
  readonly fromDate: string;
  /** A digest of every authority's data version. */
  readonly versions: string;
}

/** The stored result (its JSON, parsed) for `key`; null when there is none. */
export async function findNationalResult(connection: Connection, key: NationalResultKey): Promise<unknown> {
  const { rows } = await sql<{ result: string }>`select result from national_results where as_at = ${key.asAt} and from_date = ${key.fromDate} and versions = ${key.versions}`.execute(connection.db);
  return rows[0] ? (JSON.parse(rows[0].result) as unknown) : null;
}

/** Keeps `result` for `key` (a second process keeping the same figures changes nothing), and forgets those dates' figures for older data. */
export async function keepNationalResult(connection: Connection, key: NationalResultKey, result: unknown, nowMs: number): Promise<void> {
  await connection.db.transaction().execute(async (tx) => {
    await sql`delete from national_results where as_at = ${key.asAt} and from_date = ${key.fromDate} and versions <> ${key.versions}`.execute(tx);
    await sql`insert into national_results (as_at, from_date, versions, result, computed_at) values (${key.asAt}, ${key.fromDate}, ${key.versions}, ${JSON.stringify(result)}, ${nowMs}) on conflict (as_at, from_date, versions) do nothing`.execute(tx);
  });
}
