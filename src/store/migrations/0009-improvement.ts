// Improvement work (issue 8): each aim's driver diagram as nodes; tests of change and their PDSA
// cycles; the dated meetings of the champions' group; and the change-idea library shared by every
// authority, first filled from the programme's booklet of tested changes (library-seed.ts).
import type { ColumnDefinitionBuilder, Kysely, Migration } from 'kysely';
import type { Capabilities } from '../dialect.js';
import { ensureLibrarySeed } from '../change-library.js';

export function improvementMigration(caps: Capabilities): Migration {
  const serial = (c: ColumnDefinitionBuilder) => (caps.engine === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey());
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
          .createTable('driver_nodes')
          .addColumn('authority_id', 'integer', (c) => c.notNull().references('authorities.id'))
          .addColumn('node_id', 'integer', (c) => c.notNull())
          .addColumn('aim_id', 'text', (c) => c.notNull())
          // 'primary', 'secondary' or 'change-idea' (domain/improvement/driver-diagram.ts).
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('parent_id', 'integer')
          .addColumn('text', 'text', (c) => c.notNull())
          .addColumn('library_idea', 'integer')
          .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('recorded_at', caps.timestampType, (c) => c.notNull())
        .addColumn('recorded_by', 'text', (c) => c.notNull())
        .addColumn('deleted_at', caps.timestampType)
        .addColumn('deleted_by', 'text')
        .addPrimaryKeyConstraint('driver_nodes_pk', ['authority_id', 'node_id'])
        .execute();

      await db.schema
          .createTable('tests_of_change')
          .addColumn('authority_id', 'integer', (c) => c.notNull().references('authorities.id'))
          .addColumn('test_no', 'integer', (c) => c.notNull())
          .addColumn('title', 'text', (c) => c.notNull())
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('start_date', caps.dateType, (c) => c.notNull())
          // JSON: the rest of what a person says about the test (improvement-json.ts).
          .addColumn('definition', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('recorded_at', caps.timestampType, (c) => c.notNull())
        .addColumn('recorded_by', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('tests_of_change_pk', ['authority_id', 'test_no'])
        .execute();

      await db.schema
          .createTable('pdsa_cycles')
          .addColumn('authority_id', 'integer', (c) => c.notNull().references('authorities.id'))
          .addColumn('test_no', 'integer', (c) => c.notNull())
          .addColumn('cycle_no', 'integer', (c) => c.notNull())
          // JSON: {plan, do, study, act} (improvement-json.ts).
          .addColumn('definition', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('recorded_at', caps.timestampType, (c) => c.notNull())
        .addColumn('recorded_by', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('pdsa_cycles_pk', ['authority_id', 'test_no', 'cycle_no'])
        .execute();

      await db.schema
          .createTable('meetings')
          .addColumn('authority_id', 'integer', (c) => c.notNull().references('authorities.id'))
          .addColumn('meeting_date', caps.dateType, (c) => c.notNull())
          .addColumn('title', 'text', (c) => c.notNull())
          .addColumn('notes', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('recorded_at', caps.timestampType, (c) => c.notNull())
        .addColumn('recorded_by', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('meetings_pk', ['authority_id', 'meeting_date'])
        .execute();

      await db.schema
        .createTable('change_library')
        .addColumn('id', caps.serialType, serial)
        // A seed idea's key, or `published:<authority code>:<test number>`.
        .addColumn('key', 'text', (c) => c.notNull().unique())
        // 'seed' or 'published'.
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('authority_id', 'integer', (c) => c.references('authorities.id'))
        .addColumn('test_no', 'integer')
        .addColumn('title', 'text', (c) => c.notNull())
        // JSON (improvement-json.ts).
        .addColumn('definition', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('recorded_at', caps.timestampType, (c) => c.notNull())
        .addColumn('recorded_by', 'text', (c) => c.notNull())
        .execute();

      await ensureLibrarySeed(db as never, new Date().toISOString());
    },
    async down(db: Kysely<unknown>) {
      for (const table of ['change_library', 'meetings', 'pdsa_cycles', 'tests_of_change', 'driver_nodes']) await db.schema.dropTable(table).execute();
    },
  };
}
