/**
 * Single sign-on (OpenID Connect): which user an identity provider's subject is, how a user is
 * first linked to their subject, and the sign-ins in progress. A sign-in in progress is kept here,
 * not in the process, so that any process behind a load balancer can finish it; each is used once.
 */
import { accessDb } from './access-schema.js';
import type { Connection } from './dialect.js';
import { timestampToIso } from './rows.js';
import type { StoredUser } from './users.js';

export interface PendingSignIn {
  readonly state: string;
  readonly nonce: string;
  readonly codeVerifier: string;
  /** Where to go once signed in (a path on this site). */
  readonly next: string;
}

export async function savePendingSignIn(connection: Connection, idHash: string, pending: PendingSignIn, expiresAt: string, now = new Date().toISOString()): Promise<void> {
  const db = accessDb(connection);
  await db.deleteFrom('oidc_sign_ins').where('expires_at', '<', now).execute();
  await db.insertInto('oidc_sign_ins').values({ id_hash: idHash, state: pending.state, nonce: pending.nonce, code_verifier: pending.codeVerifier, next: pending.next, expires_at: expiresAt }).execute();
}

/** The sign-in in progress with this id hash, removed as it is read (so it cannot be finished twice); null when unknown or expired. */
export async function takePendingSignIn(connection: Connection, idHash: string, now = new Date().toISOString()): Promise<PendingSignIn | null> {
  const db = accessDb(connection);
  const row = await db.selectFrom('oidc_sign_ins').selectAll().where('id_hash', '=', idHash).executeTakeFirst();
  if (!row) return null;
  const deleted = await db.deleteFrom('oidc_sign_ins').where('id_hash', '=', idHash).executeTakeFirst();
  // Two requests racing with the same cookie: only the one that removed it may go on.
  if (Number(deleted.numDeletedRows) !== 1 || (timestampToIso(row.expires_at) as string) <= now) return null;
  return { state: row.state, nonce: row.nonce, codeVerifier: row.code_verifier, next: row.next };
}

/** The user linked to this subject, or null. */
export async function findUserByOidcSubject(connection: Connection, subject: string): Promise<StoredUser | null> {
  const row = await accessDb(connection).selectFrom('users').selectAll().where('oidc_subject', '=', subject).executeTakeFirst();
  return row ? { id: row.id, username: row.username, displayName: row.display_name, passwordHash: row.password_hash, disabled: row.disabled_at !== null } : null;
}

/**
 * Links the subject to the user an administrator set up with this e-mail address and no subject
 * yet, and returns that user; null when there is no such user. Called only with an address the
 * identity provider says it has verified.
 */
export async function linkOidcSubjectByEmail(connection: Connection, email: string, subject: string): Promise<StoredUser | null> {
  const db = accessDb(connection);
  const linked = await db.updateTable('users').set({ oidc_subject: subject }).where('oidc_email', '=', normaliseEmail(email)).where('oidc_subject', 'is', null).executeTakeFirst();
  return Number(linked.numUpdatedRows) === 1 ? findUserByOidcSubject(connection, subject) : null;
}

export type OidcLinkConflict = { code: 'subject-in-use' | 'email-in-use'; value: string; username: string };
export type OidcLinkResult = { ok: true } | { ok: false; error: OidcLinkConflict };

/** The user other than `userId` who already holds the subject or the e-mail address, if any. */
export async function oidcLinkConflict(connection: Connection, userId: number | null, link: { subject?: string; email?: string }): Promise<OidcLinkConflict | null> {
  const db = accessDb(connection);
  const email = link.email === undefined ? undefined : normaliseEmail(link.email);
  for (const [column, value, code] of [['oidc_subject', link.subject, 'subject-in-use'], ['oidc_email', email, 'email-in-use']] as const) {
    if (value === undefined) continue;
    const holder = await db.selectFrom('users').select(['id', 'username']).where(column, '=', value).executeTakeFirst();
    if (holder && holder.id !== userId) return { code, value, username: holder.username };
  }
  return null;
}

/** Sets how the user signs in through single sign-on: by a known subject, or first by their e-mail address. */
export async function setOidcLink(connection: Connection, userId: number, link: { subject?: string; email?: string }): Promise<OidcLinkResult> {
  if (link.subject === undefined && link.email === undefined) return { ok: true };
  const conflict = await oidcLinkConflict(connection, userId, link);
  if (conflict) return { ok: false, error: conflict };
  const db = accessDb(connection);
  const email = link.email === undefined ? undefined : normaliseEmail(link.email);
  await db
    .updateTable('users')
    .set({ ...(link.subject !== undefined ? { oidc_subject: link.subject } : {}), ...(email !== undefined ? { oidc_email: email } : {}) })
    .where('id', '=', userId)
    .execute();
  return { ok: true };
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
