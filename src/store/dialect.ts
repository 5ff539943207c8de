/**
 * The two engines, and every difference between them, as data (docs/architecture.md, "How the code reads" 7). Queries never ask
 * which engine they run on; they read these capabilities.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type CompiledQuery, type Transaction } from 'kysely';
import { createRequire } from 'node:module';
import type pg from 'pg';
import { copyingPool, copyInsert, copyScan } from './postgres-copy.js';
import { openPostgresWriter } from './postgres-writer.js';
import type { Database } from './schema.js';
import { keepingStatements, openSqlite, SqliteInserter } from './sqlite-native.js';
import { openSqliteWriter } from './sqlite-writer.js';
import type { ColumnRows } from './row-columns.js';

export type Engine = 'sqlite' | 'postgres';

export interface Capabilities {
  readonly engine: Engine;
  /** Column types for a calendar day and an instant. */
  readonly dateType: 'date' | 'text';
  readonly timestampType: 'timestamptz' | 'text';
  /** The column type of a generated integer key. */
  readonly serialType: 'serial' | 'integer';
  /**
   * Whether a writer (`Connection.openWriter`) also compares a later import's rows with the stored
   * ones while they are read (`Writer.comparer`), or only writes a first import's.
   */
  readonly writerCompares: boolean;
}

const capabilities: Readonly<Record<Engine, Capabilities>> = {
  sqlite: { engine: 'sqlite', dateType: 'text', timestampType: 'text', serialType: 'integer', writerCompares: true },
  postgres: { engine: 'postgres', dateType: 'date', timestampType: 'timestamptz', serialType: 'serial', writerCompares: false },
};

export type Row = Record<string, unknown>;
export type Table = keyof Database & string;

/**
 * Writes many rows at once, inside the caller's transaction: `values` holds `columns.length`
 * values a row, one row after another, and every row also gets `constants`. On SQLite it runs
 * prepared statements straight on the one connection (the query builder's per-statement cost
 * dominates bulk loads there); on PostgreSQL it is one COPY through the transaction's connection.
 */
export type BulkInsert = (trx: Transaction<Database>, table: Table, constants: Readonly<Row>, columns: readonly string[], values: readonly unknown[]) => Promise<void>;

/**
 * Reads every row of a query, inside the caller's transaction (`db`), handing each to `onRow` as
 * its values in the order selected, without an object a row: for reading a whole table of an
 * authority. Values come as the engine gives them, text as text and NULL as null (PostgreSQL gives
 * every value as text). On SQLite it steps a prepared statement; on PostgreSQL it is one COPY, which
 * binds no parameters: the query carries its values as literals.
 */
export type ScanRows = (db: Kysely<Database>, query: CompiledQuery, onRow: (values: readonly unknown[]) => void) => Promise<void>;

export interface Connection {
  readonly db: Kysely<Database>;
  readonly capabilities: Capabilities;
  readonly bulkInsert: BulkInsert;
  readonly scanRows: ScanRows;
  /**
   * A writer of its own for a large import, into which rows are sent while the import is still
   * read (write-while-reading.ts): a thread with a second connection to the same file (SQLite
   * files), or a connection of the pool writing by COPY (PostgreSQL).
   */
  readonly openWriter?: () => Writer;
  /** The database's file, as given (SQLite files only: not PostgreSQL, not an in-memory database). */
  readonly file?: string;
}

/**
 * A connection for one transaction into which rows are sent (`bulkInsert`) without waiting for
 * them to be written, while the caller goes on reading.
 */
export interface Writer extends Connection {
  /**
   * Sends rows to insert into `table` (`columns`, then `constants`), without waiting: the rows
   * of a first import, as columns (row-columns.ts). They go into the writer's transaction in the
   * order sent; a failure is given by `flush`.
   */
  readonly sendRows: (trx: Transaction<Database>, table: Table, constants: Readonly<Row>, columns: readonly string[], rows: ColumnRows) => void;
  /** Rows written so far. */
  readonly written: () => number;
  /** Resolves once no more than `rows` of the rows sent are still waiting to be written. */
  readonly backlog: (rows: number) => Promise<void>;
  /** Resolves once every row sent has been written; rejects when any could not be. */
  readonly flush: () => Promise<void>;
  /** Stops writing the rows sent, before a rollback. */
  readonly cancel: () => void;
  /** Ends the writer (commit or roll back first: an open transaction is rolled back). */
  readonly close: () => Promise<void>;
  /** Compares rows with the stored ones as they are read, when the engine's writers can (`Capabilities.writerCompares`). */
  readonly comparer?: Comparer;
}

/**
 * Compares rows with the authority's stored rows of the same ids, inside the writer's transaction,
 * without waiting: the rows of a later import, while it is still read (write-while-reading.ts).
 */
export interface Comparer {
  /** Sends rows of `table` to compare: `columns` of each, with its position among the import's records (`ColumnRows.positions`). */
  send(table: Table, idColumn: string, columns: readonly string[], authorityId: number, rows: ColumnRows): void;
  /** Once every row of `table` sent has been compared: where they differ from what is stored. */
  differences(table: Table): Promise<Differences>;
}

/** The positions of the rows compared that the authority does not hold, and of those it holds otherwise (or deleted). */
export interface Differences {
  readonly absent: number[];
  readonly different: number[];
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
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: copyingPool(pool) }) });
    return { db, capabilities: capabilities.postgres, bulkInsert: copyInsert, scanRows: copyScan, openWriter: () => openPostgresWriter(db, capabilities.postgres) };
  }
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length);
    const database = openSqlite(path);
    const connection = { db: new Kysely<Database>({ dialect: new SqliteDialect({ database: keepingStatements(database) }) }), capabilities: capabilities.sqlite, bulkInsert: preparedInsert(database), scanRows: preparedScan(database) };
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

/**
 * Reads a query through the query builder, an object a row: for a connection that has no faster
 * way (the SQLite writer thread, which never needs to read much).
 */
export const builderScan: ScanRows = async (db, query, onRow) => {
  for (const row of (await db.executeQuery<Row>(query)).rows) onRow(Object.values(row));
};

function preparedInsert(database: BetterSqlite3.Database): BulkInsert {
  const inserter = new SqliteInserter(database);
  // The caller holds the query builder's transaction on this same connection, so these
  // statements are part of it.
  return async (_trx, table, constants, columns, values) => inserter.insert(table, constants, columns, values);
}

function preparedScan(database: BetterSqlite3.Database): ScanRows {
  // The caller holds the query builder's transaction on this same connection, so this reads inside it.
  return async (_db, query, onRow) => {
    for (const row of database.prepare(query.sql).raw(true).iterate(...query.parameters)) onRow(row as unknown[]);
  };
}
