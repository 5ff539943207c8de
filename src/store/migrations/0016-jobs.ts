// Issue 18, point 1: durable jobs. A job (a check or an import of uploaded files, for now) is a row
// any process can read — its state, its progress, its result — and any process that runs jobs can
// take: a job outlives the process that queued it. An upload waiting to be imported is a row too,
// naming the folder its files are in (src/store/jobs.ts; docs/decisions/0024-durable-jobs.md).
import type { Kysely, Migration } from 'kysely';

export function jobsMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('jobs')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('authority_id', 'integer', (c) => c.notNull())
        .addColumn('username', 'text', (c) => c.notNull())
        // queued, running, done or failed.
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('input', 'text', (c) => c.notNull())
        .addColumn('progress', 'text')
        .addColumn('result', 'text')
        .addColumn('failure', 'text')
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        // The process running it, and when it last said it was still at it (ms since 1970).
        .addColumn('worker', 'text')
        .addColumn('heartbeat_at', 'bigint')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('finished_at', 'bigint')
        .execute();
      await db.schema.createIndex('jobs_by_state').on('jobs').columns(['state', 'created_at']).execute();
      await db.schema
        .createTable('uploads')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('authority_id', 'integer', (c) => c.notNull())
        .addColumn('username', 'text', (c) => c.notNull())
        .addColumn('dir', 'text', (c) => c.notNull())
        .addColumn('file_names', 'text', (c) => c.notNull())
        // kept (checked without error, waiting to be imported) or taken (an import is reading it).
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('kept_at', 'bigint', (c) => c.notNull())
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('uploads').execute();
      await db.schema.dropTable('jobs').execute();
    },
  };
}
