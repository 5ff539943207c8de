// Issue 18, point 1: meeting-pack and poster PDFs are durable jobs (docs/decisions/0024-durable-jobs.md,
// "PDFs"). A job's finished file is kept in the database beside its row, so that any process can
// serve a PDF another made; it is removed with the job's row. A job may carry a key naming what it
// makes (an authority's pack or poster for one data version): while a job of a key is queued,
// running or done, no other job of that kind and key can be added, so a document asked for twice
// — by two readers, or on two processes — is made once. A failed job does not hold its key.
import { sql, type Kysely, type Migration } from 'kysely';
import type { Capabilities } from '../dialect.js';

export function jobFilesMigration(caps: Capabilities): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('jobs').addColumn('job_key', 'text').execute();
      await db.schema
        .createIndex('jobs_one_live_per_key')
        .unique()
        .on('jobs')
        .columns(['kind', 'job_key'])
        .where(sql.ref('job_key'), 'is not', null)
        .where(sql.ref('state'), '<>', 'failed')
        .execute();
      await db.schema
        .createTable('job_files')
        .addColumn('job_id', 'text', (c) => c.primaryKey())
        .addColumn('file_name', 'text', (c) => c.notNull())
        .addColumn('content_type', 'text', (c) => c.notNull())
        .addColumn('bytes', caps.engine === 'postgres' ? 'bytea' : 'blob', (c) => c.notNull())
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('job_files').execute();
      await db.schema.dropIndex('jobs_one_live_per_key').execute();
      await db.schema.alterTable('jobs').dropColumn('job_key').execute();
    },
  };
}
