import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { findUser, grantNationalAnalyst, grantRole, isUserRole, listApiTokens, listNationalAnalysts, listUsers, revokeApiToken, revokeNationalAnalyst, setPasswordHash, userRoles, type UserRole } from '../../store/index.js';
import { createAccount, createApiToken, describeAccountError, passwordProblem, randomPassword } from '../../app/accounts.js';
import { hashPassword } from '../../app/secrets.js';
import { authorityCodeArgument, positiveIntegerArgument } from '../args.js';
import { authorityOrReport, exitCodes, withStore, writeJson, type Io } from '../context.js';
import { describeSso, emailArgument, linkOrReport, ssoConflictReported, subjectArgument, userLinkCommand, wantsSso, type SsoOptions } from './user-sso.js';

function roleArgument(value: string): UserRole {
  const role = value.trim().toLowerCase().replace('_', '-');
  if (!isUserRole(role)) throw new InvalidArgumentError(`not a role: ${value} (one of ${userRoles.join(', ')})`);
  return role;
}

async function readPassword(io: Io): Promise<string> {
  let text = '';
  for await (const chunk of io.stdin) text += chunk.toString();
  return text.replace(/\r?\n$/, '');
}

export function userCommand(program: Command, io: Io, done: (code: number) => void): void {
  const user = program.command('user').description('people who sign in to the web application, their roles and API tokens');

  user
    .command('add')
    .description('add a local account with a role in one authority (roles: partner — a multi-agency partner, who sees figures and never a child — viewer, practitioner, data-lead, admin), or a national analyst (--national)')
    .argument('<username>', 'what they sign in with')
    .option('--authority <code>', 'the authority they work in', authorityCodeArgument)
    .option('--role <role>', `one of ${userRoles.join(', ')}`, roleArgument)
    .option('--national', 'a national analyst: sees the national view (every authority, no child) and no authority’s records')
    .option('--name <name>', 'their name, as shown on pages')
    .option('--password-stdin', 'read the password from standard input (otherwise one is made and printed once)')
    .option('--oidc-subject <sub>', 'sign in through single sign-on as this subject (the ID token’s sub); no password unless --password-stdin', subjectArgument)
    .option('--email <address>', 'link to single sign-on at their first sign-in, when the provider vouches for this e-mail address', emailArgument)
    .action(async (username: string, options: { authority?: string; role?: UserRole; national?: boolean; name?: string; passwordStdin?: boolean } & SsoOptions) => {
      const inAuthority = options.authority !== undefined && options.role !== undefined;
      if ((options.authority === undefined) !== (options.role === undefined) || (!inAuthority && !options.national)) {
        io.err.write('pace: give --authority and --role, or --national, or both\n');
        return done(exitCodes.usage);
      }
      // A single sign-on account has no password unless one is given on standard input.
      const password = options.passwordStdin ? await readPassword(io) : wantsSso(options) ? null : randomPassword();
      done(
        await withStore(io, async (connection) => {
          const found = options.authority === undefined ? null : await authorityOrReport(io, connection, options.authority);
          if (options.authority !== undefined && !found) return exitCodes.refused;
          if (await ssoConflictReported(io, connection, options)) return exitCodes.refused;
          const added = await createAccount(connection, { username, password, displayName: options.name?.trim() || null });
          if (!added.ok) {
            io.err.write(`pace: ${describeAccountError(added.error)}\n`);
            return added.error.code === 'user-exists' ? exitCodes.refused : exitCodes.usage;
          }
          if (!(await linkOrReport(io, connection, added.value.id, options))) return exitCodes.refused;
          const what: string[] = [];
          if (found && options.role) {
            await grantRole(connection, added.value.id, found.scope, options.role, io.env.USER ?? 'cli');
            what.push(`${options.role} in ${found.scope.code}`);
          }
          if (options.national) {
            await grantNationalAnalyst(connection, added.value.id, io.env.USER ?? 'cli');
            what.push('national analyst');
          }
          io.out.write(`Added ${username}, ${what.join(' and ')}.\n`);
          if (wantsSso(options)) io.out.write(describeSso(username, options));
          if (password !== null && !options.passwordStdin) io.out.write(`Password (shown once): ${password}\n`);
          return exitCodes.ok;
        }),
      );
    });

  user
    .command('grant')
    .description("give a user a role in an authority (replacing any role they had there)")
    .argument('<username>')
    .requiredOption('--authority <code>', 'the authority', authorityCodeArgument)
    .requiredOption('--role <role>', `one of ${userRoles.join(', ')}`, roleArgument)
    .action(async (username: string, options: { authority: string; role: UserRole }) => {
      done(
        await withStore(io, async (connection) => {
          const [found, account] = [await authorityOrReport(io, connection, options.authority), await findUser(connection, username)];
          if (!found) return exitCodes.refused;
          if (!account) return refuse(io, `no user called ${username} (see: pace user list)`);
          await grantRole(connection, account.id, found.scope, options.role, io.env.USER ?? 'cli');
          io.out.write(`${username} is now ${options.role} in ${found.scope.code}.\n`);
          return exitCodes.ok;
        }),
      );
    });

  user
    .command('national')
    .description('make a user a national analyst: the national view of every authority, and no child (--revoke ends it)')
    .argument('<username>')
    .option('--revoke', 'end their national grant')
    .action(async (username: string, options: { revoke?: boolean }) => {
      done(
        await withStore(io, async (connection) => {
          const account = await findUser(connection, username);
          if (!account) return refuse(io, `no user called ${username} (see: pace user list)`);
          if (options.revoke) {
            if (!(await revokeNationalAnalyst(connection, account.id))) return refuse(io, `${username} is not a national analyst`);
            io.out.write(`${username} is no longer a national analyst.\n`);
            return exitCodes.ok;
          }
          await grantNationalAnalyst(connection, account.id, io.env.USER ?? 'cli');
          io.out.write(`${username} is now a national analyst.\n`);
          return exitCodes.ok;
        }),
      );
    });

  userLinkCommand(user, io, done);

  user
    .command('password')
    .description("set a user's password, read from standard input")
    .argument('<username>')
    .action(async (username: string) => {
      const password = await readPassword(io);
      done(
        await withStore(io, async (connection) => {
          const account = await findUser(connection, username);
          if (!account) return refuse(io, `no user called ${username} (see: pace user list)`);
          const problem = passwordProblem(password);
          if (problem) return refuse(io, describeAccountError(problem), exitCodes.usage);
          await setPasswordHash(connection, account.id, await hashPassword(password));
          io.out.write(`Password changed for ${username}.\n`);
          return exitCodes.ok;
        }),
      );
    });

  user
    .command('list')
    .description('list users and their roles')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      const [users, national] = await withStore(io, (connection) => Promise.all([listUsers(connection), listNationalAnalysts(connection)]));
      if (options.json) writeJson(io, { users: users.map((u) => ({ ...u, nationalAnalyst: national.includes(u.username) })) });
      else if (users.length === 0) io.out.write('No users yet. Add one with: pace user add USERNAME --authority CODE --role admin\n');
      else for (const u of users) io.out.write(`${u.username.padEnd(20)} ${[...u.roles.map((r) => `${r.role} in ${r.authority}`), ...(national.includes(u.username) ? ['national analyst'] : [])].join(', ') || 'no roles'}${u.disabled ? ' (disabled)' : ''}\n`);
      done(exitCodes.ok);
    });

  user
    .command('token')
    .description("make an API token that acts with the user's roles (printed once; only its hash is kept)")
    .argument('<username>')
    .option('--name <name>', 'what the token is for, e.g. "case management system"', 'API token')
    .action(async (username: string, options: { name: string }) => {
      done(
        await withStore(io, async (connection) => {
          const account = await findUser(connection, username);
          if (!account) return refuse(io, `no user called ${username} (see: pace user list)`);
          const made = await createApiToken(connection, account.id, options.name);
          io.out.write(`API token ${made.id} for ${username} (${options.name}), shown once:\n${made.token}\nSend it as: Authorization: Bearer <token>\n`);
          return exitCodes.ok;
        }),
      );
    });

  user
    .command('tokens')
    .description("list a user's API tokens")
    .argument('<username>')
    .action(async (username: string) => {
      done(
        await withStore(io, async (connection) => {
          const account = await findUser(connection, username);
          if (!account) return refuse(io, `no user called ${username} (see: pace user list)`);
          const tokens = await listApiTokens(connection, account.id);
          if (tokens.length === 0) io.out.write(`${username} has no API tokens.\n`);
          for (const t of tokens) io.out.write(`${String(t.id).padEnd(6)} ${t.name} (made ${t.createdAt}${t.revokedAt ? `, revoked ${t.revokedAt}` : ''})\n`);
          return exitCodes.ok;
        }),
      );
    });

  user
    .command('revoke-token')
    .description('revoke one of a user’s API tokens')
    .argument('<username>')
    .argument('<id>', 'the token number (see: pace user tokens USERNAME)', positiveIntegerArgument)
    .action(async (username: string, id: number) => {
      done(
        await withStore(io, async (connection) => {
          const account = await findUser(connection, username);
          if (!account) return refuse(io, `no user called ${username} (see: pace user list)`);
          if (!(await revokeApiToken(connection, account.id, id))) return refuse(io, `${username} has no live API token ${id}`);
          io.out.write(`Revoked API token ${id} of ${username}.\n`);
          return exitCodes.ok;
        }),
      );
    });
}

function refuse(io: Io, message: string, code: number = exitCodes.refused): number {
  io.err.write(`pace: ${message}\n`);
  return code;
}
