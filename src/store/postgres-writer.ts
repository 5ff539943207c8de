/**
 * The PostgreSQL writer of a large first import (write-while-reading.ts): the rows read go into the
 * import's transaction by COPY as they are read, one COPY a table, while PostgreSQL inserts them in
 * a process of its own and this one reads on (docs/decisions/0021-postgres-copy.md). Sending never
 * waits: the text waits in a queue that the COPY takes from as PostgreSQL accepts it, and the
 * reader waits (`backlog`) only when too much is queued. A COPY that fails (a repeated id) takes
 * nothing more, and the failure is given when the import asks for every row to be written (`flush`)
 * or is rolled back.
 */
import { CompiledQuery, type Kysely, type Transaction } from 'kysely';
import type { BulkInsert, Capabilities, Writer } from './dialect.js';
import { CopyIn, copyScan, copyStatement, copyText } from './postgres-copy.js';
import { ColumnDecoder } from './row-columns.js';
import type { Database } from './schema.js';

/** A writer for one transaction of `db` (a pool: the transaction the import starts on it holds a connection of its own). */
export function openPostgresWriter(db: Kysely<Database>, capabilities: Capabilities): Writer {
  let copy: { statement: string; feed: CopyFeed; done: Promise<void> } | null = null;
  let failure: Error | null = null;
  let sent = 0;
  let written = 0;
  const waiting: { rows: number; resolve: () => void }[] = [];
  const wake = () => {
    for (let i = waiting.length - 1; i >= 0; i--) {
      const waiter = waiting[i] as (typeof waiting)[number];
      if (failure !== null || sent - written <= waiter.rows) {
        waiting.splice(i, 1);
        waiter.resolve();
      }
    }
  };
  const start = (trx: Transaction<Database>, statement: string) => {
    const feed = new CopyFeed((rows) => {
      written += rows;
      wake();
    });
    // Queued behind the COPY before it on the transaction's one connection.
    const done = trx.executeQuery(CompiledQuery.raw(statement, [new CopyIn(feed)])).then(
      () => undefined,
      (error: unknown) => {
        failure ??= error instanceof Error ? error : new Error(String(error));
        wake();
      },
    );
    return { statement, feed, done };
  };
  const bulkInsert: BulkInsert = async (trx, table, constants, columns, values) => {
    if (failure !== null || values.length === 0) return;
    const statement = copyStatement(table, columns, constants);
    if (copy?.statement !== statement) {
      copy?.feed.end();
      copy = start(trx, statement);
    }
    const rows = values.length / columns.length;
    sent += rows;
    copy.feed.push([...copyText(values, columns.length, constants)].join(''), rows);
  };
  // Each table's dictionaries of the columns sent so far (row-columns.ts).
  const decoders = new Map<string, ColumnDecoder>();
  return {
    db,
    capabilities,
    bulkInsert,
    sendRows(trx, table, constants, columns, rows) {
      let decoder = decoders.get(table);
      if (decoder === undefined) decoders.set(table, (decoder = new ColumnDecoder()));
      void bulkInsert(trx, table, constants, columns, decoder.flat(rows));
    },
    scanRows: copyScan,
    written: () => written,
    backlog: (rows) => (failure !== null || sent - written <= rows ? Promise.resolve() : new Promise((resolve) => waiting.push({ rows, resolve }))),
    async flush() {
      const last = copy;
      copy = null;
      last?.feed.end();
      await last?.done;
      if (failure !== null) throw failure;
    },
    cancel() {
      copy?.feed.fail(new Error('the import was abandoned'));
      copy = null;
    },
    // The transaction's connection goes back to the pool when it is committed or rolled back.
    close: async () => undefined,
  };
}

/** The text of one COPY, queued as it is made and taken as the COPY can send it. */
class CopyFeed implements AsyncIterable<string> {
  readonly #chunks: { text: string; rows: number }[] = [];
  readonly #onTaken: (rows: number) => void;
  #ended = false;
  #failure: Error | null = null;
  #wake: (() => void) | null = null;

  constructor(onTaken: (rows: number) => void) {
    this.#onTaken = onTaken;
  }

  push(text: string, rows: number): void {
    this.#chunks.push({ text, rows });
    this.#wakeUp();
  }

  end(): void {
    this.#ended = true;
    this.#wakeUp();
  }

  /** Ends the COPY with an error: PostgreSQL is told to fail it, and keeps none of its rows. */
  fail(error: Error): void {
    this.#failure = error;
    this.#wakeUp();
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<string> {
    for (;;) {
      if (this.#failure !== null) throw this.#failure;
      const chunk = this.#chunks.shift();
      if (chunk !== undefined) {
        this.#onTaken(chunk.rows);
        yield chunk.text;
      } else if (this.#ended) {
        return;
      } else {
        await new Promise<void>((resolve) => (this.#wake = resolve));
      }
    }
  }

  #wakeUp(): void {
    this.#wake?.();
    this.#wake = null;
  }
}
