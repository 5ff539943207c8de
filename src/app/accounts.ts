/** Making accounts and API tokens: shared by `pace user` and the demo set-up, so the rules live in one place. */
import { addApiToken, addUser, type Connection } from '../store/index.js';
import { hashPassword, minimumPasswordLength, newSecret, noPasswordHash, sha256 } from './secrets.js';

export type AccountError =
  | { readonly code: 'invalid-username'; readonly username: string }
  | { readonly code: 'weak-password'; readonly length: number }
  | { readonly code: 'user-exists'; readonly username: string };

export const usernamePattern = /^[a-z0-9][a-z0-9._@-]{1,63}$/i;

export function describeAccountError(error: AccountError): string {
  switch (error.code) {
    case 'invalid-username':
      return `not a username: ${error.username} (2–64 letters, digits, dots, dashes, underscores or @, starting with a letter or digit)`;
    case 'weak-password':
      return `the password is too short: ${error.length} characters (at least ${minimumPasswordLength})`;
    case 'user-exists':
      return `a user called ${error.username} already exists`;
    default:
      return unreachable(error);
  }
}

/** A local account; with no password (null), one that signs in only through single sign-on. */
export async function createAccount(connection: Connection, account: { username: string; password: string | null; displayName: string | null }): Promise<{ ok: true; value: { id: number } } | { ok: false; error: AccountError }> {
  if (!usernamePattern.test(account.username)) return { ok: false, error: { code: 'invalid-username', username: account.username } };
  const problem = account.password === null ? null : passwordProblem(account.password);
  if (problem) return { ok: false, error: problem };
  const passwordHash = account.password === null ? noPasswordHash : await hashPassword(account.password);
  const added = await addUser(connection, { username: account.username, displayName: account.displayName, passwordHash });
  return added.ok ? added : { ok: false, error: added.error };
}

export function passwordProblem(password: string): AccountError | null {
  return password.length < minimumPasswordLength ? { code: 'weak-password', length: password.length } : null;
}

/** A new API token for the user: returned once, stored only as a hash. */
export async function createApiToken(connection: Connection, userId: number, name: string): Promise<{ id: number; token: string }> {
  const token = newSecret('pace_');
  const id = await addApiToken(connection, { userId, name, tokenHash: sha256(token) });
  return { id, token };
}

/** A password for someone who did not choose one: 20 characters, about 120 bits. */
export function randomPassword(): string {
  return newSecret().slice(0, 20);
}

function unreachable(value: never): never {
  throw new Error(`unhandled account error: ${JSON.stringify(value)}`);
}
