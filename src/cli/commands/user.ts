import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { findUser, grantRole, isUserRole, listApiTokens, listUsers, revokeApiToken, setPasswordHash, userRoles, type UserRole } from '../../store/index.js';
import { createAccount, createApiToken, describeAccountError, passwordProblem, randomPassword } from '../../web/auth/accounts.js';
import { hashPassword } from '../../web/auth/secrets.js';
import { authorityCodeArgument, positiveIntegerArgument } from '../args.js';
import { authorityOrReport, exitCodes, withStore, writeJson, type Io } from '../context.js';

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
    .description('add a local account with a role in one authority (roles: viewer, practitioner, data-lead, admin)')
    .argument('<username>', 'what they sign in with')
    .requiredOption('--authority <code>', 'the authority they work in', authorityCodeArgument)
    .requiredOption('--role <role>', `one of ${userRoles.join(', ')}`, roleArgument)
    .option('--name <name>', 'their name, as shown on pages')
    .option('--password-stdin', 'read the password from standard input (otherwise one is made and printed once)')
    .action(async (username: string, options: { authority: string; role: UserRole; name?: string; passwordStdin?: boolean }) => {
      const password = options.passwordStdin ? await readPassword(io) : randomPassword();
      done(
        await withStore(io, async (connection) => {
          const found = await authorityOrReport(io, connection, options.authority);
          if (!found) return exitCodes.refused;
          const added = await createAccount(connection, { username, password, displayName: options.name?.trim() || null });
          if (!added.ok) {
            io.err.write(`pace: ${describeAccountError(added.error)}\n`);
            return added.error.code === 'user-exists' ? exitCodes.refused : exitCodes.usage;
          }
          await grantRole(connection, added.value.id, found.scope, options.role, io.env.USER ?? 'cli');
          io.out.write(`Added ${username}, ${options.role} in ${found.scope.code}.\n`);
          if (!options.passwordStdin) io.out.write(`Password (shown once): ${password}\n`);
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
      const users = await withStore(io, (connection) => listUsers(connection));
      if (options.json) writeJson(io, { users });
      else if (users.length === 0) io.out.write('No users yet. Add one with: pace user add USERNAME --authority CODE --role admin\n');
      else for (const u of users) io.out.write(`${u.username.padEnd(20)} ${u.roles.map((r) => `${r.role} in ${r.authority}`).join(', ') || 'no roles'}${u.disabled ? ' (disabled)' : ''}\n`);
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
