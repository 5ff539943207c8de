/**
 * What an import needs from the store: one transaction around many saves, the log of imports,
 * the children already held, and when each event was recorded (for the quality report).
 */
import type { ControlledTransaction, Generated, Kysely, Transaction } from 'kysely';
import type { AuthorityScope } from './authorities.js';
import type { Connection } from './dialect.js';
import type { SaveCounts, SaveSummary } from './records.js';
import { timestampToIso } from './rows.js';
import type { Database, Timestamp } from './schema.js';

export type ImportOutcome = 'imported' | 'refused' | 'dry-run';

export interface ImportFile {
  readonly name: string;
  readonly sha256: string;
  readonly bytes: number;
}

export interface ImportLogEntry {
  readonly id: number;
  readonly at: string;
  readonly by: string;
  readonly outcome: ImportOutcome;
  readonly dryRun: boolean;
  readonly profile: string;
  readonly files: readonly ImportFile[];
  readonly errors: number;
  readonly warnings: number;
  readonly counts: SaveSummary;
}

interface ImportTable {
  id: Generated<number>;
  authority_id: number;
  imported_at: Timestamp;
  imported_by: string;
  outcome: string;
  dry_run: number;
  profile: string;
  files: string;
  errors: number;
  warnings: number;
  children_added: number;
  children_changed: number;
  children_unchanged: number;
  placements_added: number;
  placements_changed: number;
  placements_unchanged: number;
  events_added: number;
  events_changed: number;
  events_unchanged: number;
}

type ImportDb = Kysely<Database & { imports: ImportTable }>;

const tables = ['children', 'placements', 'events'] as const;

function importDb(db: Kysely<Database> | Transaction<Database>): ImportDb {
  return db.withTables<{ imports: ImportTable }>();
}

/** Adds an entry to the import log (inside the import's own transaction when given one). */
export async function recordImport(db: Kysely<Database> | Transaction<Database>, scope: AuthorityScope, entry: Omit<ImportLogEntry, 'id'>): Promise<number> {
  const counts: Record<string, number> = {};
  for (const table of tables) for (const key of ['added', 'changed', 'unchanged'] as const) counts[`${table}_${key}`] = entry.counts[table][key];
  const row = await importDb(db)
    .insertInto('imports')
    .values({
      authority_id: scope.id,
      imported_at: entry.at,
      imported_by: entry.by,
      outcome: entry.outcome,
      dry_run: entry.dryRun ? 1 : 0,
      profile: entry.profile,
      files: JSON.stringify(entry.files),
      errors: entry.errors,
      warnings: entry.warnings,
      ...(counts as Pick<ImportTable, `${(typeof tables)[number]}_${keyof SaveCounts}`>),
    })
    .returning(['id'])
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The authority's imports, newest first. */
export async function listImports(connection: Connection, scope: AuthorityScope): Promise<ImportLogEntry[]> {
  const rows = await importDb(connection.db).selectFrom('imports').selectAll().where('authority_id', '=', scope.id).orderBy('id', 'desc').execute();
  return rows.map((row) => ({
    id: row.id,
    at: timestampToIso(row.imported_at) as string,
    by: row.imported_by,
    outcome: row.outcome as ImportOutcome,
    dryRun: row.dry_run === 1,
    profile: row.profile,
    files: JSON.parse(row.files) as ImportFile[],
    errors: row.errors,
    warnings: row.warnings,
    counts: {
      children: { added: row.children_added, changed: row.children_changed, unchanged: row.children_unchanged },
      placements: { added: row.placements_added, changed: row.placements_changed, unchanged: row.placements_unchanged },
      events: { added: row.events_added, changed: row.events_changed, unchanged: row.events_unchanged },
    },
  }));
}

/**
 * Runs `work` in one transaction, committed only when `commit` is true and `work` succeeds;
 * otherwise rolled back, leaving the database exactly as it was. `work` is handed a connection on
 * which each `saveRecords` (which opens a transaction of its own) runs as a savepoint inside this
 * one, so an import can save in parts, holding only a part in memory, and still be all or nothing.
 * Nothing else may use `connection` until `work` is done (SQLite has one connection, held here).
 */
export async function inOneTransaction<T>(connection: Connection, commit: boolean, work: (inside: Connection) => Promise<T>): Promise<T> {
  const trx = await connection.db.startTransaction().execute();
  try {
    const result = await work(insideTransaction(connection, trx));
    if (commit) await trx.commit().execute();
    else await trx.rollback().execute();
    return result;
  } catch (error) {
    await trx.rollback().execute();
    throw error;
  }
}

/** `connection` as seen from inside `trx`: a transaction begun on it is a savepoint inside `trx`. */
export function insideTransaction(connection: Connection, trx: ControlledTransaction<Database>): Connection {
  let savepoints = 0;
  const asSavepoint = {
    execute: async <R>(body: (inner: Transaction<Database>) => Promise<R>): Promise<R> => {
      const name = `import_part_${++savepoints}`;
      const part = await trx.savepoint(name).execute();
      try {
        const result = await body(part);
        await part.releaseSavepoint(name).execute();
        return result;
      } catch (error) {
        await part.rollbackToSavepoint(name).execute();
        throw error;
      }
    },
  };
  const db = new Proxy(trx, {
    get(target, property) {
      if (property === 'transaction') return () => asSavepoint;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  }) as ControlledTransaction<Database> as Kysely<Database>;
  return { ...connection, db };
}

/** The ids of the authority's children that are held and not deleted. */
export async function storedChildIds(connection: Connection, scope: AuthorityScope): Promise<Set<string>> {
  const rows = await connection.db.selectFrom('children').select('child_id').where('authority_id', '=', scope.id).where('deleted_at', 'is', null).execute();
  return new Set(rows.map((row) => row.child_id));
}
