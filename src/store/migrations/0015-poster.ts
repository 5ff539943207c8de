// Issue 20, point 1: the words a team writes for its poster and keeps with it — what we have done,
// key learning, next steps and whom to contact — one row per authority, with who saved it and when
// (src/store/poster-text.ts). Each earlier version goes to record_history, as every edit's does.
import type { Kysely, Migration } from 'kysely';
import type { Capabilities } from '../dialect.js';

export function posterMigration(caps: Capabilities): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('poster_texts')
        .addColumn('authority_id', 'integer', (c) => c.primaryKey().references('authorities.id'))
        .addColumn('done', 'text', (c) => c.notNull())
        .addColumn('learning', 'text', (c) => c.notNull())
        .addColumn('next_steps', 'text', (c) => c.notNull())
        .addColumn('contact', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('recorded_at', caps.timestampType, (c) => c.notNull())
        .addColumn('recorded_by', 'text', (c) => c.notNull())
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('poster_texts').execute();
    },
  };
}
