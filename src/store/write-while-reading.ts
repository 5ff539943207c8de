/**
 * A large import is written while it is still being read (docs/decisions/0013-import-speed.md,
 * 0021-postgres-copy.md). Each record that passes the checks of its own row is sent to a writer of
 * its own — on SQLite a thread with a second connection, on PostgreSQL a connection of the pool
 * writing by COPY — which works on it inside one transaction while this thread reads on and then
 * checks the records together:
 *
 * - When the authority holds no records at all (its first import), every record read is new and
 *   nothing needs comparing: the writer writes each as it comes.
 * - Otherwise, when the writer can compare (SQLite's), it compares each with the stored record of
 *   the same id as it comes, and only the records that differ are saved at the end, in the same
 *   transaction, the usual way (saveRecords). PostgreSQL compares the stored rows in one pass
 *   after reading instead (compare-stored.ts), as any import does that is not written while read.
 *
 * The transaction is committed, with the import's log and audit entries, only when the whole
 * import is valid; otherwise it is rolled back and nothing is kept. Whatever happens, the database
 * holds all of the import or none of it.
 *
 * It lives in the store beside the other write path (records.ts), and like it raises the
 * authority's data version inside the transaction it commits (data-version.ts).
 */
import type { ControlledTransaction, Kysely } from 'kysely';
import type { Child } from '../domain/records.js';
import type { AuthorityScope } from './authorities.js';
import { columnsToCompare, stored } from './compare-stored.js';
import { noteDataChange } from './data-version.js';
import type { Comparer, Connection, Row, Writer } from './dialect.js';
import { childEntity, eventEntity, placementEntity } from './entities.js';
import { insideTransaction } from './imports.js';
import { kindsWithoutRecords, newRecord, type Author } from './records.js';
import { ColumnEncoder, type ColumnRows } from './row-columns.js';
import type { Database } from './schema.js';

/** The tables of records an import writes. */
export type RecordTable = 'children' | 'placements' | 'events';

/** For each table, what the authority holds of the record at each position (`stored` in compare-stored.ts). */
export type Compared = Readonly<Record<RecordTable, Uint8Array>>;

/**
 * Rows sent and not yet written before reading waits for the writer (about 70 MB of them). Enough
 * for the writer to go on alone for about a second and a half on this machine: while the reader
 * reads the children (slower to read than to write) and then checks the records together, so that
 * the writer, whose time is the import's, is never left waiting (docs/decisions/0021-postgres-copy.md).
 */
const backlogRows = 500_000;

/** Rows sent to the writer at a time. */
const rowsPerMessage = 4096;

export interface WriteWhileReading {
  /**
   * Says which data columns of a table its file does not carry, before any of its records is
   * sent: a later import's records are compared without them, and keep the stored values when
   * saved (records.ts, `keepStored`). A first import has nothing stored to keep.
   */
  keepStored(table: RecordTable, columns: readonly string[]): void;
  /** Sends a child that passed its row's checks, at its position among the import's children. */
  add(table: 'children', child: Child, position: number): void;
  /**
   * Sends the placements and events read since the last call (`RecordColumns`), a message's worth
   * at a time, and waits while too many rows wait to be written.
   */
  ready(): Promise<void>;
  /**
   * Waits for every row sent, then commits with what `finish` writes in the same transaction.
   * `finish` is told what was compared (with `counts` records of each kind read), or null when
   * everything sent has been written: a first import.
   */
  commit<T>(counts: Readonly<Record<RecordTable, number>>, finish: (inside: Connection, compared: Compared | null) => Promise<T>, onWritten: (rows: number) => void): Promise<T>;
  /** Rolls back everything written, when the import is refused or fails. */
  abandon(): Promise<void>;
}

/**
 * Where the writer takes the import's placements and events from, as columns (the import's batch,
 * ingest/import-batch.ts): every one that passed its row's checks, by position in the order read.
 */
export interface RecordColumns {
  /** How many of `table`'s records have been read. */
  count(table: 'placements' | 'events'): number;
  /** Records `from` up to `to` of `table`: `columns` of each (stored names), with their positions when asked. */
  columnRows(table: 'placements' | 'events', from: number, to: number, columns: readonly string[], withPositions: boolean): ColumnRows;
}

/**
 * Starts writing while reading, or gives null when the database has no writer (an in-memory
 * SQLite database) or the authority holds records and the writer cannot compare (PostgreSQL's).
 */
export async function startWritingWhileReading(connection: Connection, scope: AuthorityScope, author: Required<Author>, records: RecordColumns): Promise<WriteWhileReading | null> {
  if (connection.openWriter === undefined) return null;
  // Asked first here, so that an authority with records costs no writer that cannot compare; asked again below.
  if (!connection.capabilities.writerCompares && (await kindsWithoutRecords(connection, scope)).size < 3) return null;
  const writer = connection.openWriter();
  let trx: ControlledTransaction<Database> | null = null;
  try {
    trx = await writer.db.startTransaction().execute();
    const empty = (await kindsWithoutRecords(inside(writer, trx), scope)).size === 3;
    if (empty) {
      // A first import changes the authority's records: noting it first, on PostgreSQL, locks the
      // authority's row until the import ends, so that another import into it waits (SQLite's
      // writer has locked the whole database already). Then, asked again inside the lock, nothing
      // can add a record meanwhile.
      await noteDataChange(trx as Kysely<Database>, scope);
      if ((await kindsWithoutRecords(inside(writer, trx), scope)).size === 3) return new Writing(writer, trx, scope, newRecord(scope, author.by, author.at), null, records);
    } else if (writer.comparer !== undefined) {
      return new Writing(writer, trx, scope, newRecord(scope, author.by, author.at), writer.comparer, records);
    }
    await trx.rollback().execute();
    await writer.close();
    return null;
  } catch (error) {
    await trx?.rollback().execute().catch(() => undefined);
    await writer.close();
    throw error;
  }
}

/** The writer's connection, as seen from inside its transaction. */
function inside(writer: Writer, trx: ControlledTransaction<Database>): Connection {
  return insideTransaction(writer, trx);
}

const entityOf = { children: childEntity, placements: placementEntity, events: eventEntity } as const;
const tables = ['children', 'placements', 'events'] as const;

/**
 * The columns of the children sent by dictionary (row-columns.ts): days and codes, whose values are
 * the same few strings over and over (a day's text is made once, rows.ts), and text that repeats
 * row after row (a worker's name on each child). A child's id and names are sent as they are: each
 * row's is a string of its own, and looking it up cost more than sending it. Placements and events
 * are sent from the columns the import holds them in (`RecordColumns`).
 */
const codedChildColumns: ReadonlySet<string> = new Set(['date_of_birth', 'sex', 'sibling_group', 'worker', 'team', 'locality']);

class Writing implements WriteWhileReading {
  readonly #writer: Writer;
  readonly #trx: ControlledTransaction<Database>;
  readonly #scope: AuthorityScope;
  readonly #constants: Row;
  /** Null for a first import, whose records are written as they are read. */
  readonly #comparer: Comparer | null;
  readonly #records: RecordColumns;
  /** The children not yet sent, made once their columns are known (at the first child). */
  #pendingChildren: ColumnEncoder | null = null;
  /** How many of the placements and events read have been sent. */
  readonly #sentUpTo = { placements: 0, events: 0 };
  /** The data columns sent of each table: all of them, but for those a later import's file does not carry. */
  readonly #columns: Record<RecordTable, readonly string[]> = { children: childEntity.dataColumns, placements: placementEntity.dataColumns, events: eventEntity.dataColumns };
  /** The positions sent to be compared, by table. */
  readonly #sent: Record<RecordTable, Uint8Array> = { children: new Uint8Array(1024), placements: new Uint8Array(1024), events: new Uint8Array(1024) };
  #done = false;

  constructor(writer: Writer, trx: ControlledTransaction<Database>, scope: AuthorityScope, constants: Row, comparer: Comparer | null, records: RecordColumns) {
    this.#writer = writer;
    this.#trx = trx;
    this.#scope = scope;
    this.#constants = constants;
    this.#comparer = comparer;
    this.#records = records;
  }

  keepStored(table: RecordTable, columns: readonly string[]): void {
    if (this.#comparer !== null) this.#columns[table] = columnsToCompare(entityOf[table].dataColumns, columns);
  }

  add(table: 'children', child: Child, position: number): void {
    const row = childEntity.toRow(child) as Row;
    const columns = this.#columns[table];
    const pending = (this.#pendingChildren ??= new ColumnEncoder(columns, codedChildColumns, this.#comparer !== null, rowsPerMessage));
    pending.startRow(position);
    for (const column of columns) pending.push(row[column]);
    pending.endRow();
    if (this.#comparer !== null) this.#markSent(table, position, position + 1);
    if (pending.rows >= rowsPerMessage) this.#sendChildren();
  }

  async ready(): Promise<void> {
    this.#sendRead(false);
    await this.#writer.backlog(backlogRows);
  }

  async commit<T>(counts: Readonly<Record<RecordTable, number>>, finish: (inside: Connection, compared: Compared | null) => Promise<T>, onWritten: (rows: number) => void): Promise<T> {
    this.#sendRead(true);
    try {
      // Waiting in steps, to show progress (of the rows written; the rows compared are counted as they are saved).
      for (let left = backlogRows; left >= 0; left -= rowsPerMessage * 4) {
        await this.#writer.backlog(left);
        if (this.#comparer === null) onWritten(this.#writer.written());
      }
      await this.#writer.flush();
      const result = await finish(inside(this.#writer, this.#trx), this.#comparer === null ? null : await this.#compared(this.#comparer, counts));
      await this.#trx.commit().execute();
      return result;
    } catch (error) {
      await this.#rollback();
      throw error;
    } finally {
      await this.#close();
    }
  }

  async abandon(): Promise<void> {
    if (this.#done) return;
    await this.#rollback();
    await this.#close();
  }

  /** What the authority holds of each record: the same as sent, unless the writer found otherwise; a record never sent is compared again when saved. */
  async #compared(comparer: Comparer, counts: Readonly<Record<RecordTable, number>>): Promise<Compared> {
    const compared = { children: new Uint8Array(0), placements: new Uint8Array(0), events: new Uint8Array(0) };
    for (const table of tables) {
      const found = new Uint8Array(counts[table]);
      const sent = this.#sent[table];
      for (let i = 0; i < found.length; i++) found[i] = i < sent.length && sent[i] === 1 ? stored.same : stored.different;
      const { absent, different } = await comparer.differences(entityOf[table].table);
      for (const at of absent) found[at] = stored.none;
      for (const at of different) found[at] = stored.different;
      compared[table] = found;
    }
    return compared;
  }

  async #rollback(): Promise<void> {
    this.#writer.cancel();
    await this.#trx.rollback().execute().catch(() => undefined);
  }

  #markSent(table: RecordTable, from: number, to: number): void {
    let sent = this.#sent[table];
    if (to > sent.length) {
      const grown = new Uint8Array(Math.max(sent.length * 2, to));
      grown.set(sent);
      this.#sent[table] = sent = grown;
    }
    sent.fill(1, from, to);
  }

  /**
   * Sends what has been read and not yet sent, in messages of `rowsPerMessage` rows; the rest of a
   * table too once a later table has begun (a PostgreSQL writer writes one table at a time), and
   * the rest of every table when `all`.
   */
  #sendRead(all: boolean): void {
    const placements = this.#records.count('placements');
    const events = this.#records.count('events');
    if (all || placements > 0 || events > 0) this.#sendChildren();
    this.#sendColumns('placements', all || events > 0);
    this.#sendColumns('events', all);
  }

  #sendChildren(): void {
    const pending = this.#pendingChildren;
    if (pending !== null && pending.rows > 0) this.#dispatch('children', pending.take());
  }

  #sendColumns(table: 'placements' | 'events', rest: boolean): void {
    const read = this.#records.count(table);
    for (let from = this.#sentUpTo[table]; read - from >= rowsPerMessage || (rest && read > from); from = this.#sentUpTo[table]) {
      const to = Math.min(read, from + rowsPerMessage);
      this.#dispatch(table, this.#records.columnRows(table, from, to, this.#columns[table], this.#comparer !== null));
      if (this.#comparer !== null) this.#markSent(table, from, to);
      this.#sentUpTo[table] = to;
    }
  }

  #dispatch(table: RecordTable, rows: ColumnRows): void {
    const entity = entityOf[table];
    if (this.#comparer === null) this.#writer.sendRows(this.#trx, entity.table, this.#constants, this.#columns[table], rows);
    else this.#comparer.send(entity.table, entity.idColumn, this.#columns[table], this.#scope.id, rows);
  }

  async #close(): Promise<void> {
    this.#done = true;
    await this.#writer.close();
  }
}
