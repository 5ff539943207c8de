/**
 * The two engines, and every difference between them, as data (docs/architecture.md, "How the code reads" 7). Queries never ask
 * which engine they run on; they read these capabilities.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type Transaction } from 'kysely';
import { createRequire } from 'node:module';
import type pg from 'pg';
import type { Database } from './schema.js';
import { openSqlite, SqliteInserter } from './sqlite-native.js';
import { openSqliteWriter, type SqliteWriter } from './sqlite-writer.js';

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

export type Row = Record<string, unknown>;
export type Table = keyof Database & string;

/**
 * Writes many rows at once, inside the caller's transaction: `values` holds `columns.length`
 * values a row, one row after another, and every row also gets `constants`. On SQLite it runs
 * prepared statements straight on the one connection (the query builder's per-statement cost
 * dominates bulk loads there); on PostgreSQL it sends multi-row inserts through the transaction.
 */
export type BulkInsert = (trx: Transaction<Database>, table: Table, constants: Readonly<Row>, columns: readonly string[], values: readonly unknown[]) => Promise<void>;

export interface Connection {
  readonly db: Kysely<Database>;
  readonly capabilities: Capabilities;
  readonly bulkInsert: BulkInsert;
  /** A second connection, on a thread of its own, to the same database file (SQLite files only). */
  readonly openWriter?: () => SqliteWriter;
  /** The database's file, as given (SQLite files only: not PostgreSQL, not an in-memory database). */
  readonly file?: string;
}

/** The default database: a file under data/, created on first use. */
export const defaultDatabaseUrl = 'sqlite:data/pace.sqlite';

/** Opens `postgres://…` or `sqlite:PATH` (`sqlite::memory:` for a throwaway database). */
export function connect(url: string): Connection {
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    const { Pool, types } = loadPg();
    const pool = new Pool({ connectionString: url, max: 10, types: { getTypeParser: typeParsers(types) } });
    // An idle connection the server closes (a restart, an administrator) is dropped from the
    // pool and replaced on next use; without a listener it would bring the process down.
    pool.on('error', () => {});
    return { db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }), capabilities: capabilities.postgres, bulkInsert: builderInsert(capabilities.postgres) };
  }
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length);
    const database = openSqlite(path);
    const connection = { db: new Kysely<Database>({ dialect: new SqliteDialect({ database }) }), capabilities: capabilities.sqlite, bulkInsert: preparedInsert(database) };
    return path === ':memory:' ? connection : { ...connection, file: path, openWriter: () => openSqliteWriter(path, capabilities.sqlite) };
  }
  throw new Error(`DATABASE_URL must start with postgres:// or sqlite: (got ${JSON.stringify(url)})`);
}

const DATE_OID = 1082;
const INT8_OID = 20;
const NUMERIC_OID = 1700;

/** The PostgreSQL driver loads only when PostgreSQL is used, so SQLite commands start faster. */
function loadPg(): typeof pg {
  return createRequire(import.meta.url)('pg') as typeof pg;
}

/** Calendar days stay `YYYY-MM-DD` strings (never a JS Date at midnight somewhere); counts are numbers. */
function typeParsers(types: typeof pg.types) {
  return (oid: number, format?: 'text' | 'binary') => {
    if (oid === DATE_OID) return (value: string) => value;
    if (oid === INT8_OID || oid === NUMERIC_OID) return (value: string) => Number(value);
    return format === 'binary' ? types.getTypeParser(oid, 'binary') : types.getTypeParser(oid, 'text');
  };
}

function builderInsert(caps: Capabilities): BulkInsert {
  return async (trx, table, constants, columns, values) => {
    const width = columns.length;
    const perStatement = Math.floor(caps.maxParameters / (width + Object.keys(constants).length));
    for (let first = 0; first < values.length / width; first += perStatement) {
      const objects: Row[] = [];
      for (let at = first * width; at < Math.min(values.length, (first + perStatement) * width); at += width) {
        const object: Row = { ...constants };
        for (let i = 0; i < width; i++) object[columns[i] as string] = values[at + i] ?? null;
        objects.push(object);
      }
      await trx.insertInto(table).values(objects as never).execute();
    }
  };
}

function preparedInsert(database: BetterSqlite3.Database): BulkInsert {
  const inserter = new SqliteInserter(database);
  // The caller holds the query builder's transaction on this same connection, so these
  // statements are part of it.
  return async (_trx, table, constants, columns, values) => inserter.insert(table, constants, columns, values);
}
