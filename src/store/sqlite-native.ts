/**
 * What pace does with better-sqlite3 itself rather than through the query builder: opening a
 * database file as every connection to it must be opened, and inserting many rows at once. Shared
 * by the connection in the main thread and the writer thread of a large first import.
 */
import BetterSqlite3 from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Opens `path` (`:memory:` for a throwaway database), creating its folder, with `cacheMb` of page
 * cache (SQLite's default is 2 MB: a large transaction would spill index pages to the log again
 * and again).
 */
export function openSqlite(path: string, cacheMb = 64): BetterSqlite3.Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const database = new BetterSqlite3(path);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  database.pragma(`cache_size = -${cacheMb * 1024}`);
  return database;
}

/**
 * Many rows into one table, inside whatever transaction the connection holds: multi-row prepared
 * statements, with the values that are the same on every row (the authority, the version, who and
 * when) bound once a statement by name, not once a row.
 */
/**
 * Rows per prepared multi-row INSERT: large enough to amortise each call into SQLite (512 rows
 * insert a tenth faster than 64), and far inside its limit of bound values a statement.
 */
const rowsPerStatement = 512;

export class SqliteInserter {
  readonly #database: BetterSqlite3.Database;
  readonly #statements = new Map<string, BetterSqlite3.Statement>();

  constructor(database: BetterSqlite3.Database) {
    this.#database = database;
  }

  /** Inserts `values` (a row is `columns.length` of them, one after another), each row also given `constants`. */
  insert(table: string, constants: Readonly<Record<string, unknown>>, columns: readonly string[], values: readonly unknown[]): void {
    const width = columns.length;
    const rows = values.length / width;
    if (!Number.isInteger(rows)) throw new Error(`${values.length} values do not make rows of ${width}`);
    const named = Object.keys(constants);
    for (let first = 0; first < rows; ) {
      // What is left over is written in powers of two, so that a table needs few statements.
      const count = Math.min(rowsPerStatement, 2 ** Math.floor(Math.log2(rows - first)));
      const part = first === 0 && count === rows ? values : values.slice(first * width, (first + count) * width);
      this.#statement(table, named, columns, count).run(part, constants);
      first += count;
    }
  }

  #statement(table: string, named: readonly string[], columns: readonly string[], count: number): BetterSqlite3.Statement {
    const key = `${table}|${named.join(',')}|${columns.join(',')}|${count}`;
    let statement = this.#statements.get(key);
    if (statement === undefined) {
      const tuple = `(${[...named.map((name) => `@${name}`), ...columns.map(() => '?')].join(',')})`;
      const names = [...named, ...columns].map((column) => `"${column}"`).join(',');
      statement = this.#database.prepare(`insert into "${table}" (${names}) values ${Array<string>(count).fill(tuple).join(',')}`);
      this.#statements.set(key, statement);
    }
    return statement;
  }
}
