// Aims: each authority's aim definitions, versioned like every other record.
import type { Kysely, Migration } from 'kysely';
import type { Capabilities } from '../dialect.js';

export function aimsMigration(caps: Capabilities): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('aims')
        .addColumn('authority_id', 'integer', (c) => c.notNull().references('authorities.id'))
        .addColumn('aim_id', 'text', (c) => c.notNull())
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('definition', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('recorded_at', caps.timestampType, (c) => c.notNull())
        .addColumn('recorded_by', 'text', (c) => c.notNull())
        .addColumn('deleted_at', caps.timestampType)
        .addColumn('deleted_by', 'text')
        .addPrimaryKeyConstraint('aims_pk', ['authority_id', 'aim_id'])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('aims').execute();
    },
  };
}
