/**
 * What pace does with better-sqlite3 itself rather than through the query builder: opening a
 * database file as every connection to it must be opened, and inserting many rows at once. Shared
 * by the connection in the main thread and the writer thread of a large first import.
 */
import BetterSqlite3 from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Differences } from './dialect.js';
import type { SqliteDatabase } from 'kysely';

/**
 * Opens `path` (`:memory:` for a throwaway database), creating its folder, with `cacheMb` of page
 * cache (SQLite's default is 2 MB: a large transaction would spill index pages to the log again
 * and again).
 */
export function openSqlite(path: string, cacheMb = 64): BetterSqlite3.Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const database = new BetterSqlite3(path);
  // Pages of 8 KB for a new database (an existing one keeps its own): a large import writes a
  // tenth less (docs/decisions/0013-import-speed.md). Set before anything is written, or ignored.
  database.pragma('page_size = 8192');
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  database.pragma(`cache_size = -${cacheMb * 1024}`);
  return database;
}

/** Statements the query builder's connection keeps prepared, by their SQL: the most recently used. */
export const keptStatements = 256;

/**
 * The database as the query builder sees it, each statement prepared once and kept (the last
 * `keptStatements` SQL texts used): kysely prepares every query it runs again, which was half of
 * SQLite's time on a child's page (a tenth of a millisecond a query; a profile, 7 December 2026).
 * A kept statement is run again only when it is not being read (`busy`: a query iterated by
 * `stream()`); otherwise the SQL is prepared afresh, as before. SQLite prepares a kept statement
 * again by itself when the schema changes.
 */
export function keepingStatements(database: BetterSqlite3.Database): SqliteDatabase {
  const kept = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => database.close(),
    prepare(sql: string) {
      const statement = kept.get(sql);
      kept.delete(sql);
      if (statement !== undefined && !statement.busy) {
        kept.set(sql, statement);
        return statement;
      }
      const prepared = database.prepare(sql);
      kept.set(sql, prepared);
      if (kept.size > keptStatements) kept.delete(kept.keys().next().value as string);
      return prepared;
    },
  };
}

/**
 * Rows per prepared multi-row statement: large enough to amortise each call into SQLite (512 rows
 * insert a tenth faster than 64), and far inside its limit of bound values a statement.
 */
const rowsPerStatement = 512;

/**
 * Runs `rows` rows in statements of at most `rowsPerStatement`, what is left over in powers of two,
 * so that a table needs few prepared statements: `run` is given the first row and the count.
 */
function inStatements(rows: number, run: (first: number, count: number) => void): void {
  for (let first = 0; first < rows; ) {
    const count = Math.min(rowsPerStatement, 2 ** Math.floor(Math.log2(rows - first)));
    run(first, count);
    first += count;
  }
}

function rowsOf(values: readonly unknown[], width: number): number {
  const rows = values.length / width;
  if (!Number.isInteger(rows)) throw new Error(`${values.length} values do not make rows of ${width}`);
  return rows;
}

const quoted = (name: string) => `"${name}"`;

/**
 * Many rows into one table, inside whatever transaction the connection holds: multi-row prepared
 * statements, with the values that are the same on every row (the authority, the version, who and
 * when) bound once a statement by name, not once a row.
 */
export class SqliteInserter {
  readonly #database: BetterSqlite3.Database;
  readonly #statements = new Map<string, BetterSqlite3.Statement>();
  readonly #constantsInText: boolean;

  /**
   * With `constantsInText`, the constants are written into each statement's text rather than
   * bound: better-sqlite3 looks for named parameters among all of a statement's thousands of
   * parameters each time an object is bound. Only for a connection that inserts with one set of
   * constants (the writer thread of one import): each new set prepares new statements.
   */
  constructor(database: BetterSqlite3.Database, constantsInText = false) {
    this.#database = database;
    this.#constantsInText = constantsInText;
  }

  /** Inserts `values` (a row is `columns.length` of them, one after another), each row also given `constants`. */
  insert(table: string, constants: Readonly<Record<string, unknown>>, columns: readonly string[], values: readonly unknown[]): void {
    const width = columns.length;
    const rows = rowsOf(values, width);
    const named = Object.keys(constants);
    const literals = this.#constantsInText ? named.map((name) => sqlLiteral(constants[name])) : null;
    inStatements(rows, (first, count) => {
      const part = first === 0 && count === rows ? values : values.slice(first * width, (first + count) * width);
      const statement = this.#statement(table, named, literals, columns, count);
      if (literals === null) statement.run(part, constants);
      else statement.run(part);
    });
  }

  /** The statement for `count` rows: the constants bound by name, or written in as `literals`. */
  #statement(table: string, named: readonly string[], literals: readonly string[] | null, columns: readonly string[], count: number): BetterSqlite3.Statement {
    const key = `${table}|${named.join(',')}|${literals?.join(',') ?? ''}|${columns.join(',')}|${count}`;
    let statement = this.#statements.get(key);
    if (statement === undefined) {
      const tuple = `(${[...(literals ?? named.map((name) => `@${name}`)), ...columns.map(() => '?')].join(',')})`;
      const names = [...named, ...columns].map(quoted).join(',');
      statement = this.#database.prepare(`insert into ${quoted(table)} (${names}) values ${Array<string>(count).fill(tuple).join(',')}`);
      this.#statements.set(key, statement);
    }
    return statement;
  }
}

/** A constant as SQL text: NULL, an integer, or a quoted string. */
export function sqlLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  if (typeof value === 'string') return `'${value.replaceAll("'", "''")}'`;
  throw new Error(`a constant written into SQL is null, an integer or text, not ${typeof value} ${String(value)}`);
}

/**
 * Many rows compared with the authority's stored rows of the same ids by SQLite itself, inside
 * whatever transaction the connection holds: each statement joins a multi-row VALUES list to the
 * table by its key, and gives back only the rows whose stored row is missing, deleted or different
 * (`is` compares as `===` does, NULL equal to NULL), so that rows stored as they are cost no value
 * read back. The same rule as compareWithStored (compare-stored.ts).
 */
export class SqliteComparer {
  readonly #database: BetterSqlite3.Database;
  readonly #statements = new Map<string, BetterSqlite3.Statement>();

  constructor(database: BetterSqlite3.Database) {
    this.#database = database;
  }

  /** Compares `values` (a row is its position, then `columns.length` values), adding to `into` what differs. */
  compare(table: string, idColumn: string, columns: readonly string[], authorityId: number, values: readonly unknown[], into: Differences): void {
    const width = columns.length + 1;
    const rows = rowsOf(values, width);
    inStatements(rows, (first, count) => {
      const part = first === 0 && count === rows ? values : values.slice(first * width, (first + count) * width);
      for (const [position, absent] of this.#statement(table, idColumn, columns, count).all(part, { authority: authorityId }) as [number, number][]) {
        (absent === 1 ? into.absent : into.different).push(position);
      }
    });
  }

  #statement(table: string, idColumn: string, columns: readonly string[], count: number): BetterSqlite3.Statement {
    const key = `${table}|${columns.join(',')}|${count}`;
    let statement = this.#statements.get(key);
    if (statement === undefined) {
      const tuple = `(${Array<string>(columns.length + 1).fill('?').join(',')})`;
      const same = columns.map((column) => `stored.${quoted(column)} is sent.${quoted(column)}`).join(' and ');
      const id = quoted(idColumn);
      statement = this.#database
        .prepare(
          `with sent(${['position', ...columns].map(quoted).join(',')}) as (values ${Array<string>(count).fill(tuple).join(',')}) ` +
            `select sent.position, stored.${id} is null from sent left join ${quoted(table)} as stored on stored.authority_id = @authority and stored.${id} = sent.${id} ` +
            `where stored.${id} is null or stored.deleted_at is not null or not (${same})`,
        )
        .raw(true);
      this.#statements.set(key, statement);
    }
    return statement;
  }
}
