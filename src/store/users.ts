/**
 * Local accounts and their roles, one per authority. The store keeps only a password's hash; the
 * hashing itself is the web layer's (src/web/auth/password.ts).
 */
import type { Authority } from '../domain/records.js';
import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import { accessDb, type AccessDatabase } from './access-schema.js';
import type { AuthorityScope } from './authorities.js';
import type { Connection } from './dialect.js';
import { authorityFromRow } from './rows.js';

/**
 * In rising order of what they may do: aggregate figures only, never a child (a multi-agency
 * partner, docs/decisions/0027-partner-access.md); read; record; import and set aims; everything.
 */
export const userRoles = ['partner', 'viewer', 'practitioner', 'data-lead', 'admin'] as const;
export type UserRole = (typeof userRoles)[number];

export function isUserRole(value: string): value is UserRole {
  return (userRoles as readonly string[]).includes(value);
}

export interface StoredUser {
  readonly id: number;
  readonly username: string;
  readonly displayName: string | null;
  readonly passwordHash: string;
  readonly disabled: boolean;
}

export interface UserGrant {
  readonly scope: AuthorityScope;
  readonly authority: Authority;
  readonly role: UserRole;
}

export type AddUserResult = { ok: true; value: { id: number } } | { ok: false; error: { code: 'user-exists'; username: string } };

export async function addUser(connection: Connection, user: { username: string; displayName: string | null; passwordHash: string }, at = new Date().toISOString()): Promise<AddUserResult> {
  const db = accessDb(connection);
  if (await findUser(connection, user.username)) return { ok: false, error: { code: 'user-exists', username: user.username } };
  const row = await db
    .insertInto('users')
    .values({ username: user.username, display_name: user.displayName, password_hash: user.passwordHash, created_at: at, disabled_at: null })
    .returning(['id'])
    .executeTakeFirstOrThrow();
  return { ok: true, value: { id: row.id } };
}

export async function findUser(connection: Connection, username: string): Promise<StoredUser | null> {
  const row = await accessDb(connection).selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
  return row ? { id: row.id, username: row.username, displayName: row.display_name, passwordHash: row.password_hash, disabled: row.disabled_at !== null } : null;
}

export async function setPasswordHash(connection: Connection, userId: number, passwordHash: string): Promise<void> {
  await accessDb(connection).updateTable('users').set({ password_hash: passwordHash }).where('id', '=', userId).execute();
}

/** Gives the user `role` in the authority, replacing any role they had there. */
export async function grantRole(connection: Connection, userId: number, scope: AuthorityScope, role: UserRole, by: string, at = new Date().toISOString()): Promise<void> {
  const db = accessDb(connection);
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('user_roles').where('user_id', '=', userId).where('authority_id', '=', scope.id).execute();
    await trx.insertInto('user_roles').values({ user_id: userId, authority_id: scope.id, role, granted_at: at, granted_by: by }).execute();
  });
}

/** The authorities the user may see, with their role in each, by authority code. */
export async function grantsOf(connection: Connection, userId: number): Promise<UserGrant[]> {
  return grantsWhere(connection, (eb) => eb('user_roles.user_id', '=', userId));
}

/**
 * The grants of the user whose session has this id hash (none when there is no such session),
 * asked at the same time as the session itself (findSession): one round trip to the database for
 * both on every page, not one after the other.
 */
export async function grantsOfSession(connection: Connection, idHash: string): Promise<UserGrant[]> {
  return grantsWhere(connection, (eb) => eb('user_roles.user_id', 'in', eb.selectFrom('sessions').select('sessions.user_id').where('sessions.id_hash', '=', idHash)));
}

async function grantsWhere(connection: Connection, whose: (eb: ExpressionBuilder<AccessDatabase, 'user_roles' | 'authorities'>) => Expression<SqlBool>): Promise<UserGrant[]> {
  const rows = await accessDb(connection)
    .selectFrom('user_roles')
    .innerJoin('authorities', 'authorities.id', 'user_roles.authority_id')
    .select(['authorities.id', 'authorities.code', 'authorities.name', 'authorities.programme_start', 'user_roles.role'])
    .where(whose)
    .orderBy('authorities.code')
    .execute();
  return rows.map((row) => {
    if (!isUserRole(row.role)) throw new Error(`stored role is not known: ${row.role}`);
    return { scope: { id: row.id, code: row.code }, authority: authorityFromRow(row), role: row.role };
  });
}

export interface UserSummary {
  readonly username: string;
  readonly displayName: string | null;
  readonly disabled: boolean;
  readonly roles: readonly { readonly authority: string; readonly role: string }[];
}

export async function listUsers(connection: Connection): Promise<UserSummary[]> {
  const db = accessDb(connection);
  const users = await db.selectFrom('users').select(['id', 'username', 'display_name', 'disabled_at']).orderBy('username').execute();
  const roles = await db.selectFrom('user_roles').innerJoin('authorities', 'authorities.id', 'user_roles.authority_id').select(['user_roles.user_id', 'authorities.code', 'user_roles.role']).orderBy('authorities.code').execute();
  return users.map((u) => ({
    username: u.username,
    displayName: u.display_name,
    disabled: u.disabled_at !== null,
    roles: roles.filter((r) => r.user_id === u.id).map((r) => ({ authority: r.code, role: r.role })),
  }));
}

export async function countUsers(connection: Connection): Promise<number> {
  const row = await accessDb(connection).selectFrom('users').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Someone with a role in an authority, as a list of people to choose from names them. */
export interface AuthorityUser {
  readonly id: number;
  readonly username: string;
  /** The display name, or the user name when there is none. */
  readonly name: string;
}

/** The authority's users who may sign in (any role), by name. */
export async function listAuthorityUsers(connection: Connection, scope: AuthorityScope): Promise<AuthorityUser[]> {
  const rows = await accessDb(connection)
    .selectFrom('user_roles')
    .innerJoin('users', 'users.id', 'user_roles.user_id')
    .select(['users.id', 'users.username', 'users.display_name'])
    .where('user_roles.authority_id', '=', scope.id)
    .where('users.disabled_at', 'is', null)
    .execute();
  return rows.map((row) => ({ id: row.id, username: row.username, name: row.display_name ?? row.username })).sort((a, b) => a.name.localeCompare(b.name, 'en-GB') || a.id - b.id);
}
