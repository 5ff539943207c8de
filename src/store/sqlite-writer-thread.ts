/**
 * The writer thread of a large import (see sqlite-writer.ts): one connection to the database file,
 * taking queries, rows to insert and rows to compare from the main thread in the order they were
 * sent. After a failed insert or comparison every later query fails too, until the transaction is
 * rolled back.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Differences } from './dialect.js';
import { ColumnDecoder } from './row-columns.js';
import { openSqlite, SqliteComparer, SqliteInserter } from './sqlite-native.js';
import type { WriterReply, WriterRequest } from './sqlite-writer.js';

const port = parentPort;
if (port === null) throw new Error('sqlite-writer-thread runs as a worker thread');
// A first import appends in key order, so a smaller page cache than the main connection's serves.
const database = openSqlite((workerData as { path: string }).path, 16);
// The statement journal a multi-row insert keeps, to undo itself alone should it fail, stays in memory.
database.pragma('temp_store = MEMORY');
// One import's rows, with one set of constants (its authority, who and when).
const inserter = new SqliteInserter(database, true);
const comparer = new SqliteComparer(database);
/** What the rows compared so far differ in, by table, until asked for. */
const differences = new Map<string, Differences>();
let failure: string | null = null;
/** For each table, the dictionaries of the columns sent to it so far (row-columns.ts). */
const decoders = new Map<string, ColumnDecoder>();
const decoderOf = (key: string) => {
  let decoder = decoders.get(key);
  if (decoder === undefined) decoders.set(key, (decoder = new ColumnDecoder()));
  return decoder;
};

const reply = (message: WriterReply) => port.postMessage(message);
const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

port.on('message', (request: WriterRequest) => {
  if (request.kind === 'insert' || request.kind === 'insert-rows' || request.kind === 'compare') {
    if (failure !== null) return;
    try {
      if (request.kind === 'insert') {
        inserter.insert(request.table, request.constants, request.columns, request.values);
        reply({ kind: 'rows-done', rows: request.values.length / request.columns.length });
      } else if (request.kind === 'insert-rows') {
        inserter.insert(request.table, request.constants, request.columns, decoderOf(`insert ${request.table}`).flat(request.rows));
        reply({ kind: 'rows-done', rows: request.rows.rows });
      } else {
        let into = differences.get(request.table);
        if (into === undefined) differences.set(request.table, (into = { absent: [], different: [] }));
        comparer.compare(request.table, request.idColumn, request.columns, request.authorityId, decoderOf(`compare ${request.table}`).flat(request.rows, true), into);
        reply({ kind: 'rows-done', rows: request.rows.rows });
      }
    } catch (error) {
      failure = describe(error);
      reply({ kind: 'rows-failed', message: failure });
    }
    return;
  }
  if (request.kind === 'differences') {
    reply({ kind: 'differences', id: request.id, differences: differences.get(request.table) ?? { absent: [], different: [] } });
    differences.delete(request.table);
    return;
  }
  if (request.kind === 'close') {
    database.close();
    reply({ kind: 'closed', id: request.id });
    port.close();
    return;
  }
  const { id, sql, parameters } = request;
  // A rollback runs after a failure; only the whole transaction's (not one to a savepoint) clears it.
  const rollback = /^\s*rollback\b/i.test(sql);
  const whole = rollback && !/^\s*rollback\s+to\b/i.test(sql);
  if (failure !== null && !rollback) return reply({ kind: 'failed', id, message: `an earlier insert or comparison failed: ${failure}` });
  try {
    const statement = database.prepare(sql);
    if (statement.reader) {
      reply({ kind: 'result', id, rows: statement.all(parameters) as Record<string, unknown>[] });
    } else {
      const { changes, lastInsertRowid } = statement.run(parameters);
      reply({ kind: 'result', id, rows: [], changes, lastInsertRowid: BigInt(lastInsertRowid) });
    }
    if (whole) failure = null;
  } catch (error) {
    reply({ kind: 'failed', id, message: describe(error) });
  }
});
