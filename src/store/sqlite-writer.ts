/**
 * A second connection to a SQLite database file, on a thread of its own, for a large import: the
 * main thread goes on reading and checking the files while this thread writes what has been read
 * (a first import) or compares it with the stored rows (a later one), inside one transaction that
 * is committed only when the whole import is valid (docs/decisions/0013-import-speed.md,
 * 0021-postgres-copy.md). The query builder works on it as on any connection, through a driver
 * that sends each compiled query to the thread; rows to insert or compare are sent without waiting.
 */
import { Worker } from 'node:worker_threads';
import { CompiledQuery, Kysely, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler, type DatabaseConnection, type Driver, type QueryResult } from 'kysely';
import { builderScan, type BulkInsert, type Capabilities, type Differences, type Row, type Writer } from './dialect.js';
import { transferables, type ColumnRows } from './row-columns.js';
import type { Database } from './schema.js';

export type WriterRequest =
  | { readonly kind: 'query'; readonly id: number; readonly sql: string; readonly parameters: readonly unknown[] }
  | { readonly kind: 'insert'; readonly table: string; readonly constants: Readonly<Row>; readonly columns: readonly string[]; readonly values: readonly unknown[] }
  | { readonly kind: 'insert-rows'; readonly table: string; readonly constants: Readonly<Row>; readonly columns: readonly string[]; readonly rows: ColumnRows }
  | { readonly kind: 'compare'; readonly table: string; readonly idColumn: string; readonly columns: readonly string[]; readonly authorityId: number; readonly rows: ColumnRows }
  | { readonly kind: 'differences'; readonly id: number; readonly table: string }
  | { readonly kind: 'close'; readonly id: number };

export type WriterReply =
  | { readonly kind: 'result'; readonly id: number; readonly rows: Row[]; readonly changes?: number; readonly lastInsertRowid?: bigint }
  | { readonly kind: 'failed'; readonly id: number; readonly message: string }
  | { readonly kind: 'rows-done'; readonly rows: number }
  | { readonly kind: 'rows-failed'; readonly message: string }
  | { readonly kind: 'differences'; readonly id: number; readonly differences: Differences }
  | { readonly kind: 'closed'; readonly id: number };

/** Opens a writer thread on the database file at `path`. */
export function openSqliteWriter(path: string, capabilities: Capabilities): Writer {
  const thread = new WriterThread(startThread(path));
  const db = new Kysely<Database>({
    dialect: {
      createAdapter: () => new SqliteAdapter(),
      createDriver: () => new ThreadDriver(thread),
      createQueryCompiler: () => new SqliteQueryCompiler(),
      createIntrospector: (kysely) => new SqliteIntrospector(kysely),
    },
  });
  const bulkInsert: BulkInsert = async (_trx, table, constants, columns, values) => thread.send({ kind: 'insert', table, constants, columns, values }, values.length / columns.length);
  return {
    db,
    capabilities,
    bulkInsert,
    sendRows: (_trx, table, constants, columns, rows) => thread.send({ kind: 'insert-rows', table, constants, columns, rows }, rows.rows, transferables(rows)),
    scanRows: builderScan,
    written: () => thread.written,
    backlog: (rows) => thread.backlog(rows),
    // The thread writes in the order sent: a query after the rows waits for them, and fails if any failed.
    flush: () => thread.backlog(0),
    // Rows already sent are written and then rolled back with the rest.
    cancel: () => undefined,
    close: () => db.destroy(),
    comparer: {
      send: (table, idColumn, columns, authorityId, rows) => thread.send({ kind: 'compare', table, idColumn, columns, authorityId, rows }, rows.rows, transferables(rows)),
      differences: async (table) => {
        const reply = await thread.differences(table);
        if (reply.kind !== 'differences') throw new Error(`the writer thread answered ${reply.kind}`);
        return reply.differences;
      },
    },
  };
}

function startThread(path: string): Worker {
  const here = new URL(import.meta.url);
  if (!here.pathname.endsWith('.ts')) return new Worker(new URL('../store/sqlite-writer-thread.js', here), { workerData: { path } });
  // Run from the TypeScript sources (the tests): the thread compiles its modules as tsx does.
  const module = JSON.stringify(new URL('../store/sqlite-writer-thread.ts', here).href);
  return new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${module}); });`, { eval: true, workerData: { path } });
}

/** The main thread's end of the writer thread: queries answered in order, rows counted as written. */
class WriterThread {
  readonly #worker: Worker;
  readonly #waiting = new Map<number, { resolve: (reply: WriterReply) => void; reject: (error: Error) => void }>();
  readonly #backlogWaiters: { rows: number; resolve: () => void }[] = [];
  #nextId = 1;
  #sent = 0;
  written = 0;
  #broken: Error | null = null;

  constructor(worker: Worker) {
    this.#worker = worker;
    worker.on('message', (reply: WriterReply) => this.#receive(reply));
    worker.on('error', (error) => this.#break(error));
    worker.on('exit', (code) => this.#break(new Error(`the writer thread ended (exit code ${code})`)));
  }

  /** Sends rows to insert or compare, without waiting (moving `transfer` to the thread). */
  send(request: WriterRequest & { kind: 'insert' | 'insert-rows' | 'compare' }, rows: number, transfer: ArrayBuffer[] = []): void {
    if (this.#broken) throw this.#broken;
    this.#worker.postMessage(request, transfer);
    this.#sent += rows;
  }

  differences(table: string): Promise<WriterReply> {
    return this.#ask((id) => ({ kind: 'differences', id, table }));
  }

  backlog(rows: number): Promise<void> {
    if (this.#sent - this.written <= rows || this.#broken) return Promise.resolve();
    return new Promise((resolve) => this.#backlogWaiters.push({ rows, resolve }));
  }

  query(sql: string, parameters: readonly unknown[]): Promise<WriterReply> {
    return this.#ask((id) => ({ kind: 'query', id, sql, parameters }));
  }

  close(): Promise<WriterReply> {
    return this.#ask((id) => ({ kind: 'close', id }));
  }

  #ask(request: (id: number) => WriterRequest): Promise<WriterReply> {
    if (this.#broken) return Promise.reject(this.#broken);
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#waiting.set(id, { resolve, reject });
      this.#worker.postMessage(request(id));
    });
  }

  #receive(reply: WriterReply): void {
    if (reply.kind === 'rows-done') {
      this.written += reply.rows;
      this.#wake(false);
    } else if (reply.kind === 'rows-failed') {
      this.#wake(true);
    } else {
      const waiting = this.#waiting.get(reply.id);
      this.#waiting.delete(reply.id);
      waiting?.resolve(reply);
      if (reply.kind === 'closed') this.#broken = new Error('the writer thread is closed');
    }
  }

  #wake(all: boolean): void {
    for (let i = this.#backlogWaiters.length - 1; i >= 0; i--) {
      const waiter = this.#backlogWaiters[i] as { rows: number; resolve: () => void };
      if (all || this.#sent - this.written <= waiter.rows) {
        this.#backlogWaiters.splice(i, 1);
        waiter.resolve();
      }
    }
  }

  #break(error: Error): void {
    this.#broken ??= error;
    for (const { reject } of this.#waiting.values()) reject(error);
    this.#waiting.clear();
    this.#wake(true);
  }
}

/** The query builder's driver for the writer thread: one connection, held by one user at a time. */
class ThreadDriver implements Driver {
  readonly #thread: WriterThread;
  readonly #connection: DatabaseConnection;
  #held: Promise<void> = Promise.resolve();
  #release: (() => void) | null = null;

  constructor(thread: WriterThread) {
    this.#thread = thread;
    this.#connection = {
      executeQuery: async <R>(compiled: CompiledQuery): Promise<QueryResult<R>> => {
        const reply = await thread.query(compiled.sql, compiled.parameters);
        if (reply.kind === 'failed') throw new Error(reply.message);
        if (reply.kind !== 'result') throw new Error(`the writer thread answered ${reply.kind}`);
        if (reply.changes === undefined) return { rows: reply.rows as R[] };
        return { rows: reply.rows as R[], numAffectedRows: BigInt(reply.changes), ...(reply.lastInsertRowid === undefined ? {} : { insertId: reply.lastInsertRowid }) };
      },
      streamQuery: () => {
        throw new Error('the writer thread does not stream query results');
      },
    };
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    const before = this.#held;
    let release = () => {};
    this.#held = new Promise((resolve) => (release = resolve));
    await before;
    this.#release = release;
    return this.#connection;
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    // Takes the write lock at once: the thread is there to write.
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('rollback'));
  }

  // Savepoints: a later import saves its records in parts inside the one transaction.
  async savepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`savepoint "${name}"`));
  }

  async rollbackToSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`rollback to "${name}"`));
  }

  async releaseSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`release "${name}"`));
  }

  async releaseConnection(): Promise<void> {
    this.#release?.();
    this.#release = null;
  }

  async destroy(): Promise<void> {
    await this.#thread.close().catch(() => undefined);
  }
}
