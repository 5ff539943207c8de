// The import log: every import of files, who made it and when, the files by name and SHA-256
// hash, and how many records it added, changed and left unchanged in each table.
import type { Kysely, Migration } from 'kysely';
import type { Capabilities } from '../dialect.js';

const countColumns = ['children', 'placements', 'events'].flatMap((table) => ['added', 'changed', 'unchanged'].map((count) => `${table}_${count}`));

export function importsMigration(caps: Capabilities): Migration {
  return {
    async up(db: Kysely<unknown>) {
      let table = db.schema
        .createTable('imports')
        .addColumn('id', caps.serialType, (c) => (caps.engine === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey()))
        .addColumn('authority_id', 'integer', (c) => c.notNull().references('authorities.id'))
        .addColumn('imported_at', caps.timestampType, (c) => c.notNull())
        .addColumn('imported_by', 'text', (c) => c.notNull())
        .addColumn('outcome', 'text', (c) => c.notNull())
        .addColumn('dry_run', 'integer', (c) => c.notNull())
        .addColumn('profile', 'text', (c) => c.notNull())
        // JSON: [{name, sha256, bytes}].
        .addColumn('files', 'text', (c) => c.notNull())
        .addColumn('errors', 'integer', (c) => c.notNull())
        .addColumn('warnings', 'integer', (c) => c.notNull());
      for (const column of countColumns) table = table.addColumn(column, 'integer', (c) => c.notNull());
      await table.execute();
      await db.schema.createIndex('imports_authority').on('imports').columns(['authority_id', 'id']).execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('imports').execute();
    },
  };
}
