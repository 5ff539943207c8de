// Issue 18, point 4 (docs/decisions/0033-record-authority-check.md): on PostgreSQL, each child,
// placement and event is still refused unless its authority exists, but the check is made once for
// each statement's rows rather than once a row. A foreign key looks up and locks the authority for
// every row inserted — 1.5 million look-ups of the same row in a first import, about 5 s of its
// 14 — so the three foreign keys to `authorities` become triggers that do what they did:
// - after an INSERT, the rows it added are checked as a set: their authorities are locked (KEY
//   SHARE, as the foreign key's check does, so that none is deleted before the insert commits),
//   and a row whose authority does not exist fails the statement;
// - a record moved to another authority (no UPDATE of pace's does so) is checked as before, by a
//   trigger on each row whose authority changes;
// - an authority that still holds a child, placement or event cannot be deleted, nor its id changed.
// SQLite keeps its foreign keys: there they cost nothing measurable (decision 0021, "Later still").
import { sql, type Kysely, type Migration } from 'kysely';
import type { Capabilities } from '../dialect.js';

const recordTables = ['children', 'placements', 'events'] as const;

const up: readonly string[] = [
  `CREATE FUNCTION records_authority_exists() RETURNS trigger LANGUAGE plpgsql AS $$
   DECLARE missing integer;
   BEGIN
     PERFORM 1 FROM authorities WHERE id IN (SELECT DISTINCT authority_id FROM added) FOR KEY SHARE;
     SELECT a.authority_id INTO missing FROM (SELECT DISTINCT authority_id FROM added) a
       WHERE NOT EXISTS (SELECT 1 FROM authorities WHERE id = a.authority_id) LIMIT 1;
     IF FOUND THEN
       RAISE EXCEPTION 'insert into table "%" refused: authority % does not exist', TG_TABLE_NAME, missing
         USING ERRCODE = 'foreign_key_violation';
     END IF;
     RETURN NULL;
   END $$`,
  `CREATE FUNCTION record_authority_exists() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     PERFORM 1 FROM authorities WHERE id = NEW.authority_id FOR KEY SHARE;
     IF NOT FOUND THEN
       RAISE EXCEPTION 'update of table "%" refused: authority % does not exist', TG_TABLE_NAME, NEW.authority_id
         USING ERRCODE = 'foreign_key_violation';
     END IF;
     RETURN NULL;
   END $$`,
  `CREATE FUNCTION authority_without_records() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     IF EXISTS (SELECT 1 FROM children WHERE authority_id = OLD.id)
        OR EXISTS (SELECT 1 FROM placements WHERE authority_id = OLD.id)
        OR EXISTS (SELECT 1 FROM events WHERE authority_id = OLD.id) THEN
       RAISE EXCEPTION 'authority % still holds records: it cannot be deleted or renumbered', OLD.id
         USING ERRCODE = 'foreign_key_violation';
     END IF;
     RETURN NULL;
   END $$`,
  ...recordTables.flatMap((table) => [
    `ALTER TABLE ${table} DROP CONSTRAINT ${table}_authority_id_fkey`,
    `CREATE TRIGGER ${table}_authority_exists AFTER INSERT ON ${table} REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION records_authority_exists()`,
    `CREATE TRIGGER ${table}_authority_moved AFTER UPDATE ON ${table} FOR EACH ROW WHEN (NEW.authority_id IS DISTINCT FROM OLD.authority_id) EXECUTE FUNCTION record_authority_exists()`,
  ]),
  'CREATE TRIGGER authority_without_records AFTER DELETE ON authorities FOR EACH ROW EXECUTE FUNCTION authority_without_records()',
  'CREATE TRIGGER authority_renumbered AFTER UPDATE ON authorities FOR EACH ROW WHEN (NEW.id IS DISTINCT FROM OLD.id) EXECUTE FUNCTION authority_without_records()',
];

const down: readonly string[] = [
  'DROP TRIGGER authority_renumbered ON authorities',
  'DROP TRIGGER authority_without_records ON authorities',
  ...recordTables.flatMap((table) => [
    `DROP TRIGGER ${table}_authority_moved ON ${table}`,
    `DROP TRIGGER ${table}_authority_exists ON ${table}`,
    `ALTER TABLE ${table} ADD CONSTRAINT ${table}_authority_id_fkey FOREIGN KEY (authority_id) REFERENCES authorities (id)`,
  ]),
  'DROP FUNCTION authority_without_records()',
  'DROP FUNCTION record_authority_exists()',
  'DROP FUNCTION records_authority_exists()',
];

export function recordAuthorityCheckMigration(caps: Capabilities): Migration {
  return {
    async up(db: Kysely<unknown>) {
      if (caps.engine === 'postgres') for (const statement of up) await sql.raw(statement).execute(db);
    },
    async down(db: Kysely<unknown>) {
      if (caps.engine === 'postgres') for (const statement of down) await sql.raw(statement).execute(db);
    },
  };
}
