// The weekly digests sent: one row for each message, by authority, the date it was for and its
// recipient, so that running `pace digest` twice for the same date does not send the same
// message twice (src/store/digests-sent.ts).
import type { Kysely, Migration } from 'kysely';
import type { Capabilities } from '../dialect.js';

export function digestsSentMigration(caps: Capabilities): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('digests_sent')
        .addColumn('authority_id', 'integer', (c) => c.notNull().references('authorities.id'))
        .addColumn('as_at', caps.dateType, (c) => c.notNull())
        // 'worker' or 'team', and the name as contacts.ts keys it.
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('name_key', 'text', (c) => c.notNull())
        .addColumn('email', 'text', (c) => c.notNull())
        .addColumn('sent_at', caps.timestampType, (c) => c.notNull())
        .addColumn('sent_by', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('digests_sent_pk', ['authority_id', 'as_at', 'kind', 'name_key', 'email'])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('digests_sent').execute();
    },
  };
}
