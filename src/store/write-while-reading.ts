/**
 * A large first import into a SQLite file is written while it is still being read
 * (docs/decisions/0013-import-speed.md). When the authority holds no records at all, every record
 * read is new, so there is nothing to compare: each record that passes the checks of its own row
 * is sent to a writer thread, which inserts it inside one transaction while this thread reads on
 * and then checks the records together. The transaction is committed, with the import's log and
 * audit entries, only when the whole import is valid; otherwise it is rolled back and nothing is
 * kept. Whatever happens, the database holds all of the import or none of it.
 *
 * It lives in the store beside the other write path (records.ts), and like it raises the
 * authority's data version inside the transaction it commits (data-version.ts).
 */
import type { ControlledTransaction, Kysely } from 'kysely';
import type { CaseEvent, Child, Placement } from '../domain/records.js';
import type { AuthorityScope } from './authorities.js';
import { noteDataChange } from './data-version.js';
import type { Connection, Row } from './dialect.js';
import { childEntity, eventEntity, placementEntity } from './entities.js';
import { kindsWithoutRecords, newRecord, type Author } from './records.js';
import type { Database } from './schema.js';
import type { SqliteWriter } from './sqlite-writer.js';

/** The tables of records an import writes. */
export type RecordTable = 'children' | 'placements' | 'events';

/** Rows sent and not yet written before reading waits for the writer (about 30 MB of them). */
const backlogRows = 200_000;

/** Rows sent to the writer at a time. */
const rowsPerMessage = 4096;

export interface WriteWhileReading {
  /** Sends a record that passed its row's checks to be written. */
  add(table: RecordTable, record: Child | Placement | CaseEvent): void;
  /** Waits while too many rows wait to be written. */
  ready(): Promise<void>;
  /** Waits for every row to be written, then commits with what `finish` writes in the same transaction. */
  commit<T>(finish: (inside: Connection) => Promise<T>, onWritten: (rows: number) => void): Promise<T>;
  /** Rolls back everything written, when the import is refused or fails. */
  abandon(): Promise<void>;
}

/**
 * Starts writing while reading, or gives null when the authority holds records already or the
 * database has no writer thread (PostgreSQL, an in-memory database).
 */
export async function startWritingWhileReading(connection: Connection, scope: AuthorityScope, author: Required<Author>): Promise<WriteWhileReading | null> {
  if (connection.openWriter === undefined) return null;
  // Asked first here, so that an authority with records costs no thread; asked again below.
  if ((await kindsWithoutRecords(connection, scope)).size < 3) return null;
  const writer = connection.openWriter();
  let trx: ControlledTransaction<Database>;
  try {
    trx = await writer.db.startTransaction().execute();
    // Asked inside the writer's transaction, which holds the write lock: nothing can add a record meanwhile.
    if ((await kindsWithoutRecords(inside(writer, trx), scope)).size < 3) {
      await trx.rollback().execute();
      await writer.close();
      return null;
    }
  } catch (error) {
    await writer.close();
    throw error;
  }
  return new Writing(writer, trx, scope, newRecord(scope, author.by, author.at));
}

/** The writer's connection, as seen from inside its transaction. */
function inside(writer: SqliteWriter, trx: ControlledTransaction<Database>): Connection {
  return { ...writer, db: trx as Kysely<Database> };
}

const entityOf = { children: childEntity, placements: placementEntity, events: eventEntity } as const;

class Writing implements WriteWhileReading {
  readonly #writer: SqliteWriter;
  readonly #trx: ControlledTransaction<Database>;
  readonly #scope: AuthorityScope;
  readonly #constants: Row;
  readonly #pending: Record<RecordTable, unknown[]> = { children: [], placements: [], events: [] };
  #done = false;

  constructor(writer: SqliteWriter, trx: ControlledTransaction<Database>, scope: AuthorityScope, constants: Row) {
    this.#writer = writer;
    this.#trx = trx;
    this.#scope = scope;
    this.#constants = constants;
  }

  add(table: RecordTable, record: Child | Placement | CaseEvent): void {
    const entity = entityOf[table];
    const row = (entity.toRow as (record: Child | Placement | CaseEvent) => Row)(record);
    const pending = this.#pending[table];
    for (const column of entity.dataColumns) pending.push(row[column] ?? null);
    if (pending.length >= rowsPerMessage * entity.dataColumns.length) this.#send(table);
  }

  async ready(): Promise<void> {
    await this.#writer.backlog(backlogRows);
  }

  async commit<T>(finish: (inside: Connection) => Promise<T>, onWritten: (rows: number) => void): Promise<T> {
    for (const table of ['children', 'placements', 'events'] as const) this.#send(table);
    // Waiting in steps, to show progress.
    for (let left = backlogRows; left >= 0; left -= rowsPerMessage * 4) {
      await this.#writer.backlog(left);
      onWritten(this.#writer.written());
    }
    try {
      const result = await finish(inside(this.#writer, this.#trx));
      await noteDataChange(this.#trx as Kysely<Database>, this.#scope);
      await this.#trx.commit().execute();
      return result;
    } catch (error) {
      await this.#trx.rollback().execute().catch(() => undefined);
      throw error;
    } finally {
      await this.#close();
    }
  }

  async abandon(): Promise<void> {
    if (this.#done) return;
    await this.#trx.rollback().execute().catch(() => undefined);
    await this.#close();
  }

  #send(table: RecordTable): void {
    const values = this.#pending[table];
    if (values.length === 0) return;
    const entity = entityOf[table];
    void this.#writer.bulkInsert(this.#trx, entity.table, this.#constants, entity.dataColumns, values);
    this.#pending[table] = [];
  }

  async #close(): Promise<void> {
    this.#done = true;
    await this.#writer.close();
  }
}
