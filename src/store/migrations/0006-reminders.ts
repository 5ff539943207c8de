// Reminders: each authority's changes to the schedule rules (the defaults live in the domain), the
// e-mail addresses of workers and team managers for the weekly digests, and the secret calendar
// feeds of workers' due dates (only a SHA-256 hash of each feed's token is kept).
import type { ColumnDefinitionBuilder, Kysely, Migration } from 'kysely';
import type { Capabilities } from '../dialect.js';

export function remindersMigration(caps: Capabilities): Migration {
  const serial = (c: ColumnDefinitionBuilder) => (caps.engine === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey());
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('schedule_rules')
        .addColumn('authority_id', 'integer', (c) => c.notNull().references('authorities.id'))
        .addColumn('rule_id', 'text', (c) => c.notNull())
        // JSON: {name, enabled, after, every} (schedule-rule-json.ts).
        .addColumn('definition', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('recorded_at', caps.timestampType, (c) => c.notNull())
        .addColumn('recorded_by', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('schedule_rules_pk', ['authority_id', 'rule_id'])
        .execute();

      await db.schema
        .createTable('reminder_contacts')
        .addColumn('authority_id', 'integer', (c) => c.notNull().references('authorities.id'))
        // 'worker' or 'team' (a team's address is its manager's).
        .addColumn('kind', 'text', (c) => c.notNull())
        // The name as on the children's records, trimmed, spaces collapsed and lower-cased: the key.
        .addColumn('name_key', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('email', 'text', (c) => c.notNull())
        .addColumn('recorded_at', caps.timestampType, (c) => c.notNull())
        .addColumn('recorded_by', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('reminder_contacts_pk', ['authority_id', 'kind', 'name_key'])
        .execute();

      await db.schema
        .createTable('calendar_feeds')
        .addColumn('id', caps.serialType, serial)
        .addColumn('authority_id', 'integer', (c) => c.notNull().references('authorities.id'))
        .addColumn('worker', 'text', (c) => c.notNull())
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('created_at', caps.timestampType, (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('revoked_at', caps.timestampType)
        .addColumn('revoked_by', 'text')
        .execute();
      await db.schema.createIndex('calendar_feeds_authority').on('calendar_feeds').columns(['authority_id', 'id']).execute();
    },
    async down(db: Kysely<unknown>) {
      for (const table of ['calendar_feeds', 'reminder_contacts', 'schedule_rules']) await db.schema.dropTable(table).execute();
    },
  };
}
