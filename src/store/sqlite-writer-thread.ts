/**
 * The writer thread of a large first import (see sqlite-writer.ts): one connection to the database
 * file, taking queries and rows to insert from the main thread in the order they were sent. After a
 * failed insert every later query fails too, until the transaction is rolled back.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openSqlite, SqliteInserter } from './sqlite-native.js';
import type { WriterReply, WriterRequest } from './sqlite-writer.js';

const port = parentPort;
if (port === null) throw new Error('sqlite-writer-thread runs as a worker thread');
// A first import appends in key order, so a smaller page cache than the main connection's serves.
const database = openSqlite((workerData as { path: string }).path, 16);
const inserter = new SqliteInserter(database);
let failure: string | null = null;

const reply = (message: WriterReply) => port.postMessage(message);
const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

port.on('message', (request: WriterRequest) => {
  if (request.kind === 'insert') {
    if (failure !== null) return;
    try {
      inserter.insert(request.table, request.constants, request.columns, request.values);
      reply({ kind: 'inserted', rows: request.values.length / request.columns.length });
    } catch (error) {
      failure = describe(error);
      reply({ kind: 'insert-failed', message: failure });
    }
    return;
  }
  if (request.kind === 'close') {
    database.close();
    reply({ kind: 'closed', id: request.id });
    port.close();
    return;
  }
  const { id, sql, parameters } = request;
  const rollback = /^\s*rollback\b/i.test(sql);
  if (failure !== null && !rollback) return reply({ kind: 'failed', id, message: `an earlier insert failed: ${failure}` });
  try {
    const statement = database.prepare(sql);
    if (statement.reader) {
      reply({ kind: 'result', id, rows: statement.all(parameters) as Record<string, unknown>[] });
    } else {
      const { changes, lastInsertRowid } = statement.run(parameters);
      reply({ kind: 'result', id, rows: [], changes, lastInsertRowid: BigInt(lastInsertRowid) });
    }
    if (rollback) failure = null;
  } catch (error) {
    reply({ kind: 'failed', id, message: describe(error) });
  }
});
