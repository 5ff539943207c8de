// Issue 18, point 1: national refreshes as durable jobs (docs/decisions/0024-durable-jobs.md). The
// national view's figures, once worked out by whichever process ran the job, are a row every
// process reads: keyed by the as-at date, the from-date ('' for none) and a digest of every
// authority's data version, so that no process works them out again until some authority's data
// changes (src/store/national-results.ts).
import type { Kysely, Migration } from 'kysely';

export function nationalResultsMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('national_results')
        .addColumn('as_at', 'text', (c) => c.notNull())
        .addColumn('from_date', 'text', (c) => c.notNull())
        // A SHA-256 of every authority's id, name and data version (the list itself can be long).
        .addColumn('versions', 'text', (c) => c.notNull())
        // The NationalComparison as JSON (src/app/national-result-json.ts).
        .addColumn('result', 'text', (c) => c.notNull())
        .addColumn('computed_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('national_results_pk', ['as_at', 'from_date', 'versions'])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('national_results').execute();
    },
  };
}
