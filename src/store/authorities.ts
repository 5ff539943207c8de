/** Authorities: the tenants. Every query about children is scoped by one of these. A new one starts with the four national aims. */
import type { PlainDate } from '../domain/date.js';
import type { Authority } from '../domain/records.js';
import { addNationalAims } from './aims.js';
import { noteDataChange } from './data-version.js';
import type { Connection } from './dialect.js';
import { authorityFromRow } from './rows.js';

/** The key every record query takes: an authority's row id, with its code for messages. */
export interface AuthorityScope {
  readonly id: number;
  readonly code: string;
}

export interface StoredAuthority {
  readonly scope: AuthorityScope;
  readonly authority: Authority;
}

export type AddAuthorityResult = { ok: true; value: StoredAuthority } | { ok: false; error: { code: 'authority-exists'; authority: string } };

export async function addAuthority(connection: Connection, authority: Authority, by: string, at = new Date().toISOString()): Promise<AddAuthorityResult> {
  if (await findAuthority(connection, authority.code)) return { ok: false, error: { code: 'authority-exists', authority: authority.code } };
  const row = await connection.db
    .insertInto('authorities')
    .values({ code: authority.code, name: authority.name, programme_start: authority.programmeStart?.toString() ?? null, recorded_at: at, recorded_by: by })
    .returning(['id'])
    .executeTakeFirstOrThrow();
  const scope = { id: row.id, code: authority.code };
  await addNationalAims(connection, scope, { by, at });
  return { ok: true, value: { scope, authority } };
}

export async function findAuthority(connection: Connection, code: string): Promise<StoredAuthority | null> {
  const row = await connection.db.selectFrom('authorities').select(['id', 'code', 'name', 'programme_start']).where('code', '=', code).executeTakeFirst();
  return row ? { scope: { id: row.id, code: row.code }, authority: authorityFromRow(row) } : null;
}

export async function listAuthorities(connection: Connection): Promise<StoredAuthority[]> {
  const rows = await connection.db.selectFrom('authorities').select(['id', 'code', 'name', 'programme_start']).orderBy('code').execute();
  return rows.map((row) => ({ scope: { id: row.id, code: row.code }, authority: authorityFromRow(row) }));
}

export async function setProgrammeStart(connection: Connection, scope: AuthorityScope, programmeStart: PlainDate | null): Promise<void> {
  await connection.db.transaction().execute(async (trx) => {
    await trx.updateTable('authorities').set({ programme_start: programmeStart?.toString() ?? null }).where('id', '=', scope.id).execute();
    await noteDataChange(trx, scope);
  });
}
