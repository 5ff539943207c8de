// Issue 19: the audit log cannot be written over, and each entry is chained to the one before it
// (docs/decisions/0015-audit-chain.md).
//
// SQLite's REPLACE (`REPLACE INTO`, `INSERT OR REPLACE`) deletes the row it conflicts with without
// firing the delete trigger of migration 0008, so an entry could be replaced whole. A trigger now
// refuses, before any insert, an id that is already in the log; REPLACE fires it before it deletes
// anything. PostgreSQL gets the same trigger, so that both engines refuse every attempt with the
// same words (its upsert also fires 0008's update trigger).
//
// Each entry gets `prev_hash` and `hash` (src/domain/audit-chain.ts), and each authority's chain a
// head (`audit_chain_heads`). Entries already in the log are chained here, in the order of their
// ids, with 0008's update trigger lifted for that alone inside this migration's transaction.
import { sql, type Kysely, type Migration } from 'kysely';
import { auditEntryHash, genesisHash } from '../../domain/audit-chain.js';
import { auditContentOf, sha256Hex } from '../audit-chain.js';
import type { Capabilities, Engine } from '../dialect.js';

const refusal = 'audit_log is append-only: an entry with this id is already in the log and cannot be replaced';

const noOverwrite: Readonly<Record<Engine, { readonly up: readonly string[]; readonly down: readonly string[] }>> = {
  sqlite: {
    up: [`CREATE TRIGGER audit_log_no_overwrite BEFORE INSERT ON audit_log WHEN EXISTS (SELECT 1 FROM audit_log WHERE id = NEW.id) BEGIN SELECT RAISE(ABORT, '${refusal}'); END`],
    down: ['DROP TRIGGER IF EXISTS audit_log_no_overwrite'],
  },
  postgres: {
    up: [
      `CREATE FUNCTION audit_log_no_overwrite() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF EXISTS (SELECT 1 FROM audit_log WHERE id = NEW.id) THEN RAISE EXCEPTION '${refusal}' USING ERRCODE = 'insufficient_privilege'; END IF; RETURN NEW; END $$`,
      'CREATE TRIGGER audit_log_no_overwrite BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_no_overwrite()',
    ],
    down: ['DROP TRIGGER IF EXISTS audit_log_no_overwrite ON audit_log', 'DROP FUNCTION IF EXISTS audit_log_no_overwrite()'],
  },
};

/** Runs `work` with migration 0008's update trigger lifted, and puts it back exactly as it was. */
async function withUpdatesAllowed(db: Kysely<unknown>, engine: Engine, work: () => Promise<void>): Promise<void> {
  if (engine === 'postgres') {
    await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change`.execute(db);
    await work();
    await sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_change`.execute(db);
    return;
  }
  const trigger = (await sql<{ sql: string }>`SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'audit_log_no_update'`.execute(db)).rows[0];
  if (trigger === undefined) throw new Error('migration 0008 made audit_log_no_update; it is not there');
  await sql`DROP TRIGGER audit_log_no_update`.execute(db);
  await work();
  await sql.raw(trigger.sql).execute(db);
}

type StoredRow = { id: number; authority_id: number; username: string; action: string; entity: string; record_id: string; child_id: string | null; client_ip: string | null; at: string | Date };

/** Chains every entry already in the log, each authority's in the order of their ids, and gives each chain its head. */
async function chainExisting(db: Kysely<unknown>): Promise<void> {
  const heads = new Map<number, { lastId: number; hash: string }>();
  let after = 0;
  for (;;) {
    const page = (await sql<StoredRow>`SELECT id, authority_id, username, action, entity, record_id, child_id, client_ip, at FROM audit_log WHERE id > ${after} ORDER BY id LIMIT 1000`.execute(db)).rows;
    if (page.length === 0) break;
    const links = page.map((row) => {
      const authorityId = Number(row.authority_id);
      const previous = heads.get(authorityId)?.hash ?? genesisHash;
      const hash = auditEntryHash(previous, auditContentOf(row), sha256Hex);
      heads.set(authorityId, { lastId: Number(row.id), hash });
      return sql`(CAST(${Number(row.id)} AS integer), ${previous}, ${hash})`;
    });
    // VALUES names its columns column1, column2 … on both engines.
    await sql`UPDATE audit_log SET prev_hash = v.column2, hash = v.column3 FROM (VALUES ${sql.join(links)}) AS v WHERE audit_log.id = v.column1`.execute(db);
    after = Number(page[page.length - 1]?.id);
  }
  for (const [authorityId, head] of heads) await sql`INSERT INTO audit_chain_heads (authority_id, last_id, hash) VALUES (${authorityId}, ${head.lastId}, ${head.hash})`.execute(db);
}

export function auditChainMigration(caps: Capabilities): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('audit_log').addColumn('prev_hash', 'text').execute();
      await db.schema.alterTable('audit_log').addColumn('hash', 'text').execute();
      await db.schema
        .createTable('audit_chain_heads')
        .addColumn('authority_id', 'integer', (c) => c.primaryKey().references('authorities.id'))
        .addColumn('last_id', 'integer', (c) => c.notNull())
        .addColumn('hash', 'text', (c) => c.notNull())
        .execute();
      await withUpdatesAllowed(db, caps.engine, () => chainExisting(db));
      for (const statement of noOverwrite[caps.engine].up) await sql.raw(statement).execute(db);
    },
    async down(db: Kysely<unknown>) {
      for (const statement of noOverwrite[caps.engine].down) await sql.raw(statement).execute(db);
      await db.schema.dropTable('audit_chain_heads').execute();
      await db.schema.alterTable('audit_log').dropColumn('hash').execute();
      await db.schema.alterTable('audit_log').dropColumn('prev_hash').execute();
    },
  };
}
