/**
 * Many rows into one SQLite table, on one better-sqlite3 connection and inside whatever
 * transaction it holds: multi-row prepared statements, with the values that are the same on every
 * row (the authority, the version, who and when) bound once a statement by name, not once a row.
 * Shared by the connection in the main thread and the writer thread of a first import.
 */
import type BetterSqlite3 from 'better-sqlite3';

/** Rows per prepared multi-row INSERT: large enough to amortise each call into SQLite. */
const rowsPerStatement = 64;

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
    for (let first = 0; first < rows; first += rowsPerStatement) {
      const count = Math.min(rowsPerStatement, rows - first);
      const part = first === 0 && count === rows ? values : values.slice(first * width, (first + count) * width);
      this.#statement(table, named, columns, count).run(part, constants);
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
