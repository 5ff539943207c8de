// The permanence record: authorities, children, placements, events and their history.
import type { CreateTableBuilder, Kysely, Migration } from 'kysely';
import type { Capabilities } from '../dialect.js';

// Migrations see the database as it is at their time, not as the schema is now.
type AnyDb = Kysely<unknown>;

export function recordsMigration(caps: Capabilities): Migration {
  const { dateType, timestampType, serialType } = caps;
  return {
    async up(db: AnyDb) {
      await db.schema
        .createTable('authorities')
        .addColumn('id', serialType, (c) => (caps.engine === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey()))
        .addColumn('code', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('programme_start', dateType)
        .addColumn('recorded_at', timestampType, (c) => c.notNull())
        .addColumn('recorded_by', 'text', (c) => c.notNull())
        .execute();

      const recorded = (table: CreateTableBuilder<string, string>): CreateTableBuilder<string, string> =>
        table
          .addColumn('version', 'integer', (c) => c.notNull())
          .addColumn('recorded_at', timestampType, (c) => c.notNull())
          .addColumn('recorded_by', 'text', (c) => c.notNull())
          .addColumn('deleted_at', timestampType)
          .addColumn('deleted_by', 'text');

      await recorded(
        db.schema
          .createTable('children')
          .addColumn('authority_id', 'integer', (c) => c.notNull().references('authorities.id'))
          .addColumn('child_id', 'text', (c) => c.notNull())
          .addColumn('first_name', 'text')
          .addColumn('last_name', 'text')
          .addColumn('date_of_birth', dateType, (c) => c.notNull())
          .addColumn('sex', 'text')
          .addColumn('sibling_group', 'text')
          .addColumn('worker', 'text')
          .addColumn('team', 'text'),
      )
        .addPrimaryKeyConstraint('children_pk', ['authority_id', 'child_id'])
        .execute();

      await recorded(
        db.schema
          .createTable('placements')
          .addColumn('authority_id', 'integer', (c) => c.notNull().references('authorities.id'))
          .addColumn('placement_id', 'text', (c) => c.notNull())
          .addColumn('child_id', 'text', (c) => c.notNull())
          .addColumn('start_date', dateType, (c) => c.notNull())
          .addColumn('end_date', dateType)
          .addColumn('placement_type', 'text', (c) => c.notNull())
          .addColumn('legal_basis', 'text')
          .addColumn('carer_ref', 'text'),
      )
        .addPrimaryKeyConstraint('placements_pk', ['authority_id', 'placement_id'])
        .execute();
      await db.schema.createIndex('placements_child').on('placements').columns(['authority_id', 'child_id']).execute();

      await recorded(
        db.schema
          .createTable('events')
          .addColumn('authority_id', 'integer', (c) => c.notNull().references('authorities.id'))
          .addColumn('event_id', 'text', (c) => c.notNull())
          .addColumn('child_id', 'text', (c) => c.notNull())
          .addColumn('event_type', 'text', (c) => c.notNull())
          .addColumn('event_date', dateType, (c) => c.notNull())
          .addColumn('route', 'text')
          .addColumn('note', 'text'),
      )
        .addPrimaryKeyConstraint('events_pk', ['authority_id', 'event_id'])
        .execute();
      await db.schema.createIndex('events_child').on('events').columns(['authority_id', 'child_id']).execute();

      await db.schema
        .createTable('record_history')
        .addColumn('id', serialType, (c) => (caps.engine === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey()))
        .addColumn('authority_id', 'integer', (c) => c.notNull().references('authorities.id'))
        .addColumn('entity', 'text', (c) => c.notNull())
        .addColumn('record_id', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('data', 'text', (c) => c.notNull())
        .addColumn('change', 'text', (c) => c.notNull())
        .addColumn('changed_at', timestampType, (c) => c.notNull())
        .addColumn('changed_by', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('record_history_record').on('record_history').columns(['authority_id', 'entity', 'record_id']).execute();
    },
    async down(db: AnyDb) {
      for (const table of ['record_history', 'events', 'placements', 'children', 'authorities']) {
        await db.schema.dropTable(table).execute();
      }
    },
  };
}
