/**
 * The demo sign-in: when `npm start` loads the synthetic demo authority into an empty database, it
 * also makes an account that can use it (and only it), with a password printed on the console
 * and in the README. The account has no role in any other authority.
 */
import { findAuthority, findUser, grantRole, type Connection } from '../store/index.js';
import { createAccount } from '../app/accounts.js';
import { verifyPassword } from '../app/secrets.js';

export const demoUsername = 'demo';
export const demoPassword = 'permanence';

/** Makes the demo account, administrator of the demo authority, unless it exists. */
export async function ensureDemoAccount(connection: Connection, authorityCode: string): Promise<void> {
  const authority = await findAuthority(connection, authorityCode);
  if (!authority || (await findUser(connection, demoUsername))) return;
  const made = await createAccount(connection, { username: demoUsername, password: demoPassword, displayName: 'Demo user' });
  if (!made.ok) throw new Error(`could not make the demo account: ${made.error.code}`);
  await grantRole(connection, made.value.id, authority.scope, 'admin', 'npm start');
}

/** True while the demo account still has the published password (so it is safe to print it). */
export async function demoAccountUsable(connection: Connection): Promise<boolean> {
  const user = await findUser(connection, demoUsername);
  return user !== null && !user.disabled && (await verifyPassword(demoPassword, user.passwordHash));
}
