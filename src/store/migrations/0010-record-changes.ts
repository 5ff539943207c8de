// A count of the changes to each authority's children, placements and events, kept by the store
// in the transaction of each change: the web cache's data stamp reads it (src/store/data-version.ts).
// It replaces an index by recorded_at on each of those tables, which cost a quarter of the time of
// writing a large import (docs/decisions/0013-import-speed.md).
import type { Kysely, Migration } from 'kysely';

const tables = ['children', 'placements', 'events'] as const;

export function recordChangesMigration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('authorities').addColumn('record_changes', 'integer', (c) => c.notNull().defaultTo(0)).execute();
      for (const table of tables) await db.schema.dropIndex(`${table}_authority_recorded`).execute();
    },
    async down(db: Kysely<unknown>) {
      for (const table of tables) await db.schema.createIndex(`${table}_authority_recorded`).on(table).columns(['authority_id', 'recorded_at']).execute();
      await db.schema.alterTable('authorities').dropColumn('record_changes').execute();
    },
  };
}
