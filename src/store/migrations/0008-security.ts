// Security (issue 6): the audit log learns where each request came from and which child an entry
// is about (so it can be searched by child reference), and becomes append-only in the database
// itself: a trigger refuses every UPDATE and DELETE of its rows, whatever role connects. Users
// can be linked to an OpenID Connect subject (single sign-on), and a sign-in in progress keeps its
// state, nonce and PKCE verifier here, so that any process can finish it.
import { sql, type Kysely, type Migration } from 'kysely';
import type { Capabilities, Engine } from '../dialect.js';

const refusal = 'audit_log is append-only: its rows cannot be changed or deleted';

/** The statements that make audit_log append-only, and those that undo it, on each engine. */
const appendOnly: Readonly<Record<Engine, { readonly up: readonly string[]; readonly down: readonly string[] }>> = {
  sqlite: {
    up: [
      `CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, '${refusal}'); END`,
      `CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, '${refusal}'); END`,
    ],
    down: ['DROP TRIGGER IF EXISTS audit_log_no_update', 'DROP TRIGGER IF EXISTS audit_log_no_delete'],
  },
  postgres: {
    up: [
      `CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION '${refusal}' USING ERRCODE = 'insufficient_privilege'; END $$`,
      'CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()',
      // TRUNCATE fires no row trigger: refuse it as a statement.
      'CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()',
    ],
    down: ['DROP TRIGGER IF EXISTS audit_log_no_truncate ON audit_log', 'DROP TRIGGER IF EXISTS audit_log_no_change ON audit_log', 'DROP FUNCTION IF EXISTS audit_log_append_only()'],
  },
};

export function securityMigration(caps: Capabilities): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('audit_log').addColumn('client_ip', 'text').execute();
      await db.schema.alterTable('audit_log').addColumn('child_id', 'text').execute();
      // Entries written before this migration name their child only as the record they are about.
      await sql`UPDATE audit_log SET child_id = record_id WHERE entity = 'child'`.execute(db);
      await db.schema.createIndex('audit_log_authority_id').on('audit_log').columns(['authority_id', 'id']).execute();
      await db.schema.createIndex('audit_log_child').on('audit_log').columns(['authority_id', 'child_id']).execute();
      await db.schema.createIndex('audit_log_user').on('audit_log').columns(['authority_id', 'username']).execute();
      for (const statement of appendOnly[caps.engine].up) await sql.raw(statement).execute(db);

      await db.schema.alterTable('users').addColumn('oidc_subject', 'text').execute();
      await db.schema.alterTable('users').addColumn('oidc_email', 'text').execute();
      await db.schema.createIndex('users_oidc_subject').on('users').column('oidc_subject').unique().execute();
      await db.schema.createIndex('users_oidc_email').on('users').column('oidc_email').unique().execute();

      await db.schema
        .createTable('oidc_sign_ins')
        // SHA-256 of the random id in the browser's short-lived cookie.
        .addColumn('id_hash', 'text', (c) => c.primaryKey())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('nonce', 'text', (c) => c.notNull())
        .addColumn('code_verifier', 'text', (c) => c.notNull())
        .addColumn('next', 'text', (c) => c.notNull())
        .addColumn('expires_at', caps.timestampType, (c) => c.notNull())
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('oidc_sign_ins').execute();
      await db.schema.dropIndex('users_oidc_email').execute();
      await db.schema.dropIndex('users_oidc_subject').execute();
      await db.schema.alterTable('users').dropColumn('oidc_email').execute();
      await db.schema.alterTable('users').dropColumn('oidc_subject').execute();
      for (const statement of appendOnly[caps.engine].down) await sql.raw(statement).execute(db);
      for (const index of ['audit_log_user', 'audit_log_child', 'audit_log_authority_id']) await db.schema.dropIndex(index).execute();
      await db.schema.alterTable('audit_log').dropColumn('child_id').execute();
      await db.schema.alterTable('audit_log').dropColumn('client_ip').execute();
    },
  };
}
