// People and access: local accounts, their roles per authority, sessions kept in the database (so
// several processes can serve together), API tokens, and the audit log of who looked at or
// changed a child's record. Secrets are never stored: only scrypt hashes of passwords and SHA-256
// hashes of session ids and API tokens.
import type { ColumnDefinitionBuilder, Kysely, Migration } from 'kysely';
import type { Capabilities } from '../dialect.js';

const versionedTables = ['children', 'placements', 'events', 'aims'] as const;

export function usersMigration(caps: Capabilities): Migration {
  const { timestampType, serialType } = caps;
  const serial = (c: ColumnDefinitionBuilder) => (caps.engine === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey());
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('users')
        .addColumn('id', serialType, serial)
        .addColumn('username', 'text', (c) => c.notNull().unique())
        .addColumn('display_name', 'text')
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('created_at', timestampType, (c) => c.notNull())
        .addColumn('disabled_at', timestampType)
        .execute();

      await db.schema
        .createTable('user_roles')
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('authority_id', 'integer', (c) => c.notNull().references('authorities.id'))
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('granted_at', timestampType, (c) => c.notNull())
        .addColumn('granted_by', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('user_roles_pk', ['user_id', 'authority_id'])
        .execute();

      await db.schema
        .createTable('sessions')
        .addColumn('id_hash', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('created_at', timestampType, (c) => c.notNull())
        .addColumn('expires_at', timestampType, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

      await db.schema
        .createTable('api_tokens')
        .addColumn('id', serialType, serial)
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('created_at', timestampType, (c) => c.notNull())
        .addColumn('revoked_at', timestampType)
        .execute();

      await db.schema
        .createTable('audit_log')
        .addColumn('id', serialType, serial)
        .addColumn('authority_id', 'integer', (c) => c.notNull().references('authorities.id'))
        .addColumn('username', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('entity', 'text', (c) => c.notNull())
        .addColumn('record_id', 'text', (c) => c.notNull())
        .addColumn('at', timestampType, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('audit_log_record').on('audit_log').columns(['authority_id', 'entity', 'record_id']).execute();

      // The web layer's cache of figures asks, on every page, for the latest change to one
      // authority's records (src/store/data-version.ts): these indexes make each a single look-up.
      await db.schema.createIndex('record_history_authority_latest').on('record_history').columns(['authority_id', 'id']).execute();
      for (const table of versionedTables) await db.schema.createIndex(`${table}_authority_recorded`).on(table).columns(['authority_id', 'recorded_at']).execute();
    },
    async down(db: Kysely<unknown>) {
      for (const table of versionedTables) await db.schema.dropIndex(`${table}_authority_recorded`).execute();
      await db.schema.dropIndex('record_history_authority_latest').execute();
      for (const table of ['audit_log', 'api_tokens', 'sessions', 'user_roles', 'users']) await db.schema.dropTable(table).execute();
    },
  };
}
