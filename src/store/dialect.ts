/**
 * The two engines, and every difference between them, as data (STYLE.md, 7). Queries never ask
 * which engine they run on; they read these capabilities.
 */
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import pg from 'pg';
import type { Database } from './schema.js';

export type Engine = 'sqlite' | 'postgres';

export interface Capabilities {
  readonly engine: Engine;
  /** Column types for a calendar day and an instant. */
  readonly dateType: 'date' | 'text';
  readonly timestampType: 'timestamptz' | 'text';
  /** The column type of a generated integer key. */
  readonly serialType: 'serial' | 'integer';
  /** How many bind parameters one statement may carry. */
  readonly maxParameters: number;
}

const capabilities: Readonly<Record<Engine, Capabilities>> = {
  sqlite: { engine: 'sqlite', dateType: 'text', timestampType: 'text', serialType: 'integer', maxParameters: 32_000 },
  postgres: { engine: 'postgres', dateType: 'date', timestampType: 'timestamptz', serialType: 'serial', maxParameters: 65_000 },
};

export interface Connection {
  readonly db: Kysely<Database>;
  readonly capabilities: Capabilities;
}

/** The default database: a file under data/, created on first use. */
export const defaultDatabaseUrl = 'sqlite:data/pace.sqlite';

/** Opens `postgres://…` or `sqlite:PATH` (`sqlite::memory:` for a throwaway database). */
export function connect(url: string): Connection {
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    const pool = new pg.Pool({ connectionString: url, max: 10, types: { getTypeParser } });
    return { db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }), capabilities: capabilities.postgres };
  }
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length);
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    const database = new BetterSqlite3(path);
    database.pragma('journal_mode = WAL');
    database.pragma('synchronous = NORMAL');
    database.pragma('foreign_keys = ON');
    database.pragma('busy_timeout = 5000');
    return { db: new Kysely<Database>({ dialect: new SqliteDialect({ database }) }), capabilities: capabilities.sqlite };
  }
  throw new Error(`DATABASE_URL must start with postgres:// or sqlite: (got ${JSON.stringify(url)})`);
}

const DATE_OID = 1082;
const INT8_OID = 20;
const NUMERIC_OID = 1700;

/** Calendar days stay `YYYY-MM-DD` strings (never a JS Date at midnight somewhere); counts are numbers. */
function getTypeParser(oid: number, format?: 'text' | 'binary') {
  if (oid === DATE_OID) return (value: string) => value;
  if (oid === INT8_OID || oid === NUMERIC_OID) return (value: string) => Number(value);
  return format === 'binary' ? pg.types.getTypeParser(oid, 'binary') : pg.types.getTypeParser(oid, 'text');
}
