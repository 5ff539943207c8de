/** Linking users to single sign-on (OpenID Connect) from the command line: `pace user add … --oidc-subject/--email` and `pace user link`. */
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { findUser, oidcLinkConflict, setOidcLink, type Connection } from '../../store/index.js';
import { exitCodes, withStore, type Io } from '../context.js';

export interface SsoOptions {
  oidcSubject?: string;
  email?: string;
}

/** Adds --oidc-subject and --email to a command. */
export function withSsoOptions(command: Command): Command {
  return command
    .option('--oidc-subject <sub>', 'sign in through single sign-on as this subject (the ID token’s sub); no password unless --password-stdin', subjectArgument)
    .option('--email <address>', 'link to single sign-on at their first sign-in, when the provider vouches for this e-mail address', emailArgument);
}

/** Says, and returns true, when the subject or address is already another user's. */
export async function ssoConflictReported(io: Io, connection: Connection, options: SsoOptions, userId: number | null = null): Promise<boolean> {
  const conflict = await oidcLinkConflict(connection, userId, { ...(options.oidcSubject !== undefined ? { subject: options.oidcSubject } : {}), ...(options.email !== undefined ? { email: options.email } : {}) });
  if (conflict) io.err.write(`pace: ${conflict.code === 'subject-in-use' ? 'the subject' : 'the e-mail address'} ${conflict.value} is already linked to ${conflict.username}\n`);
  return conflict !== null;
}

export function wantsSso(options: SsoOptions): boolean {
  return options.oidcSubject !== undefined || options.email !== undefined;
}

/** Links the user as the options say; false after saying why it could not. */
export async function linkOrReport(io: Io, connection: Connection, userId: number, options: SsoOptions): Promise<boolean> {
  const linked = await setOidcLink(connection, userId, { ...(options.oidcSubject !== undefined ? { subject: options.oidcSubject } : {}), ...(options.email !== undefined ? { email: options.email } : {}) });
  if (linked.ok) return true;
  io.err.write(`pace: ${linked.error.code === 'subject-in-use' ? 'the subject' : 'the e-mail address'} ${linked.error.value} is already linked to ${linked.error.username}\n`);
  return false;
}

/** "signs in through single sign-on as SUB" / "…, linked at their first sign-in by ADDRESS". */
export function describeSso(username: string, options: SsoOptions): string {
  const parts = [...(options.oidcSubject !== undefined ? [`as ${options.oidcSubject}`] : []), ...(options.email !== undefined ? [`linked at their first sign-in by ${options.email}`] : [])];
  return `${username} signs in through single sign-on ${parts.join('; ')}.\n`;
}

export function userLinkCommand(user: Command, io: Io, done: (code: number) => void): void {
  withSsoOptions(
    user
      .command('link')
      .description('link a user to single sign-on: by the subject (sub) of their ID token, or by an e-mail address the provider verifies at their first sign-in')
      .argument('<username>'),
  ).action(async (username: string, options: SsoOptions) => {
    if (!wantsSso(options)) {
      io.err.write('pace: give --oidc-subject or --email (or both)\n');
      return done(exitCodes.usage);
    }
    done(
      await withStore(io, async (connection) => {
        const account = await findUser(connection, username);
        if (!account) {
          io.err.write(`pace: no user called ${username} (see: pace user list)\n`);
          return exitCodes.refused;
        }
        if (!(await linkOrReport(io, connection, account.id, options))) return exitCodes.refused;
        io.out.write(describeSso(username, options));
        return exitCodes.ok;
      }),
    );
  });
}

export function subjectArgument(value: string): string {
  const trimmed = value.trim();
  if (trimmed === '' || trimmed.length > 255) throw new InvalidArgumentError(`not a subject: ${JSON.stringify(value)} (1–255 characters)`);
  return trimmed;
}

export function emailArgument(value: string): string {
  const trimmed = value.trim();
  if (!/^[^\s@]+@[^\s@]+$/.test(trimmed) || trimmed.length > 254) throw new InvalidArgumentError(`not an e-mail address: ${value}`);
  return trimmed;
}
