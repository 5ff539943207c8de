/**
 * PostgreSQL's COPY, through the query builder's own connections (docs/decisions/0021-postgres-copy.md):
 * many rows written with `COPY … FROM STDIN` and read with `COPY (…) TO STDOUT`, in PostgreSQL's
 * text format, by pg-copy-streams. A COPY is an ordinary query whose one parameter holds its rows
 * (`CopyIn`) or takes them (`CopyOut`); the pool's clients hand such a query to pg-copy-streams
 * instead of binding it. So a COPY runs on the connection of the transaction that executes it, and
 * is part of that transaction like any other statement: all of it is kept, or none.
 */
import { CompiledQuery, type Kysely, type PostgresPool, type PostgresPoolClient, type PostgresQueryResult } from 'kysely';
import { createRequire } from 'node:module';
import { pipeline } from 'node:stream/promises';
import { StringDecoder } from 'node:string_decoder';
import type pg from 'pg';
import type * as copyStreams from 'pg-copy-streams';
import type { BulkInsert, ScanRows } from './dialect.js';
import type { Database } from './schema.js';

/** The rows of a `COPY … FROM STDIN`, as text in COPY's format: the one parameter of its query. */
export class CopyIn {
  constructor(readonly text: Iterable<string> | AsyncIterable<string>) {}
}

/** Where each row of a `COPY … TO STDOUT` goes, as its fields (null for NULL): the one parameter of its query. */
export class CopyOut {
  constructor(readonly onRow: (fields: (string | null)[]) => void) {}
}

/** `pool` as the query builder sees it: each client runs a query that carries `CopyIn` or `CopyOut` as a COPY. */
export function copyingPool(pool: pg.Pool): PostgresPool {
  // One wrapper a client: the query builder keeps its connections by client.
  const wrappers = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  return {
    async connect() {
      const client = await pool.connect();
      let wrapper = wrappers.get(client);
      if (wrapper === undefined) {
        // The query builder asks for a cursor only when its dialect is given one; pace's is not.
        const query = (sql: string, parameters: readonly unknown[]) => run(client, sql, parameters);
        wrapper = { query: query as PostgresPoolClient['query'], release: () => client.release() };
        wrappers.set(client, wrapper);
      }
      return wrapper;
    },
    end: () => pool.end(),
  };
}

/** Loaded when PostgreSQL is used, as its driver is (dialect.ts), so that SQLite commands start faster. */
let streams: typeof copyStreams | null = null;
const loadCopyStreams = () => (streams ??= createRequire(import.meta.url)('pg-copy-streams') as typeof copyStreams);

async function run(client: pg.PoolClient, sql: string, parameters: readonly unknown[]): Promise<PostgresQueryResult<unknown>> {
  const [rows] = parameters;
  if (rows instanceof CopyIn) {
    const copy = client.query(loadCopyStreams().from(sql));
    await pipeline(rows.text, copy);
    return copied(copy.rowCount);
  }
  if (rows instanceof CopyOut) return copied(await readCopy(client.query(loadCopyStreams().to(sql)), rows.onRow));
  return (await client.query(sql, parameters as unknown[])) as PostgresQueryResult<unknown>;
}

function copied(rowCount: number): PostgresQueryResult<unknown> {
  return { command: 'COPY' as PostgresQueryResult<unknown>['command'], rowCount, rows: [] };
}

/** Splits COPY's output into rows (a row ends at a newline, which a value never holds unescaped). */
async function readCopy(stream: AsyncIterable<Buffer>, onRow: (fields: (string | null)[]) => void): Promise<number> {
  const decoder = new StringDecoder('utf8');
  let rest = '';
  let rows = 0;
  for await (const chunk of stream) {
    const text = rest + decoder.write(chunk);
    let start = 0;
    for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
      onRow(text.slice(start, end).split('\t').map(readField));
      rows += 1;
      start = end + 1;
    }
    rest = text.slice(start);
  }
  return rows;
}

// COPY's text format (https://www.postgresql.org/docs/current/sql-copy.html, "Text Format"): a
// field is `\N` for NULL; a backslash, and the newline, carriage return and tab that would end a
// field or a row, are written after a backslash. On output PostgreSQL also writes backspace, form
// feed and vertical tab so, and never an octal or hexadecimal escape.
const escapes: Readonly<Record<string, string>> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };
const unescapes: Readonly<Record<string, string>> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', v: '\v' };

function readField(field: string): string | null {
  if (field === '\\N') return null;
  return field.includes('\\') ? field.replace(/\\(.)/g, (_, c: string) => unescapes[c] ?? c) : field;
}

/** One value as a field of COPY's text format. */
export function copyField(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'string') return /[\\\n\r\t]/.test(value) ? value.replace(/[\\\n\r\t]/g, (c) => escapes[c] as string) : value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (value instanceof Date) return value.toISOString();
  throw new Error(`COPY cannot write a value of type ${typeof value}`);
}

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** The COPY that writes `columns` and then the names of `constants` into `table`. */
export function copyStatement(table: string, columns: readonly string[], constants: Readonly<Record<string, unknown>>): string {
  return `copy ${quoted(table)} (${[...columns, ...Object.keys(constants)].map(quoted).join(', ')}) from stdin`;
}

/** Rows in COPY's text format, about 64 KB at a time: `values` holds `width` a row, and each row ends with `constants`. */
export function* copyText(values: readonly unknown[], width: number, constants: Readonly<Record<string, unknown>>): Generator<string> {
  const tail = Object.values(constants).map((value) => `\t${copyField(value)}`).join('');
  let text = '';
  for (let at = 0; at < values.length; at += width) {
    let row = copyField(values[at]);
    for (let i = 1; i < width; i++) row += `\t${copyField(values[at + i])}`;
    text += `${row}${tail}\n`;
    if (text.length >= 65_536) {
      yield text;
      text = '';
    }
  }
  if (text !== '') yield text;
}

/** Writes rows with one COPY, inside the caller's transaction. */
export const copyInsert: BulkInsert = async (trx, table, constants, columns, values) => {
  if (values.length === 0) return;
  await trx.executeQuery(CompiledQuery.raw(copyStatement(table, columns, constants), [new CopyIn(copyText(values, columns.length, constants))]));
};

/** Reads a query's rows with one COPY, inside the caller's transaction. COPY binds no parameters: literal values only. */
export const copyScan: ScanRows = async (db: Kysely<Database>, query, onRow) => {
  if (query.parameters.length > 0) throw new Error('a query read by COPY may not have parameters (write its values with sql.lit)');
  await db.executeQuery(CompiledQuery.raw(`copy (${query.sql}) to stdout`, [new CopyOut(onRow)]));
};
