// National analysts: people who compare authorities on the national aims (the national view) and
// see no child. Their grant is a row here, tied to no authority, kept apart from user_roles so that
// no authority role can give the national view and this grant can give no authority's records.
import type { Kysely, Migration } from 'kysely';
import type { Capabilities } from '../dialect.js';

export function nationalMigration(caps: Capabilities): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('national_analysts')
        .addColumn('user_id', 'integer', (c) => c.primaryKey().references('users.id'))
        .addColumn('granted_at', caps.timestampType, (c) => c.notNull())
        .addColumn('granted_by', 'text', (c) => c.notNull())
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('national_analysts').execute();
    },
  };
}
