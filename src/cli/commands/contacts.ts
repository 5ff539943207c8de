import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { z } from 'zod';
import type { Contact } from '../../domain/reminders/digest.js';
import { listContacts, removeContact, setContact } from '../../store/index.js';
import { authorityCodeArgument } from '../args.js';
import { authorityOrReport, exitCodes, withStore, writeJson, type Io } from '../context.js';
import { nameArgument } from '../reminders/load.js';

const emailSchema = z.email();

function emailArgument(value: string): string {
  const email = value.trim();
  if (!emailSchema.safeParse(email).success) throw new InvalidArgumentError(`not an e-mail address: ${value}`);
  return email;
}

interface ContactOptions {
  authority: string;
  worker?: string;
  team?: string;
  email?: string;
  managerEmail?: string;
}

export function contactsCommand(program: Command, io: Io, done: (code: number) => void): void {
  const contacts = program.command('contacts').description("the e-mail addresses of allocated workers and team managers, for the weekly digests (see: pace digest)");

  contacts
    .command('set')
    .description('set the address of a worker (--worker NAME --email ADDRESS) or of a team\'s manager (--team NAME --manager-email ADDRESS)')
    .requiredOption('--authority <code>', 'the authority', authorityCodeArgument)
    .option('--worker <name>', 'the worker, named as on the children\'s records', nameArgument)
    .option('--email <address>', "the worker's address", emailArgument)
    .option('--team <name>', 'the team, named as on the children\'s records', nameArgument)
    .option('--manager-email <address>', "the address of the team's manager", emailArgument)
    .action(async (options: ContactOptions) => {
      const contact = contactOf(options);
      if (typeof contact === 'string') {
        io.err.write(`pace: ${contact}\n`);
        return done(exitCodes.usage);
      }
      done(
        await withStore(io, async (connection) => {
          const found = await authorityOrReport(io, connection, options.authority);
          if (!found) return exitCodes.refused;
          const change = await setContact(connection, found.scope, contact, { by: io.env.USER ?? 'cli' });
          io.out.write(`${change === 'added' ? 'Set' : 'Changed'} the address of ${describe(contact)} in ${found.scope.code}: ${contact.email}\n`);
          return exitCodes.ok;
        }),
      );
    });

  contacts
    .command('remove')
    .description("remove a worker's or team's address (no more digests go there)")
    .requiredOption('--authority <code>', 'the authority', authorityCodeArgument)
    .option('--worker <name>', 'the worker', nameArgument)
    .option('--team <name>', 'the team', nameArgument)
    .action(async (options: { authority: string; worker?: string; team?: string }) => {
      if ((options.worker === undefined) === (options.team === undefined)) {
        io.err.write('pace: name either --worker or --team\n');
        return done(exitCodes.usage);
      }
      const kind = options.worker !== undefined ? 'worker' : 'team';
      const name = (options.worker ?? options.team) as string;
      done(
        await withStore(io, async (connection) => {
          const found = await authorityOrReport(io, connection, options.authority);
          if (!found) return exitCodes.refused;
          if (!(await removeContact(connection, found.scope, kind, name))) {
            io.err.write(`pace: ${found.scope.code} has no address for ${kind} ${name}\n`);
            return exitCodes.refused;
          }
          io.out.write(`Removed the address of ${kind} ${name} in ${found.scope.code}.\n`);
          return exitCodes.ok;
        }),
      );
    });

  contacts
    .command('list')
    .description('list the addresses an authority holds')
    .requiredOption('--authority <code>', 'the authority', authorityCodeArgument)
    .option('--json', 'print JSON')
    .action(async (options: { authority: string; json?: boolean }) => {
      const list = await withStore(io, async (connection) => {
        const found = await authorityOrReport(io, connection, options.authority);
        return found ? listContacts(connection, found.scope) : null;
      });
      if (list === null) return done(exitCodes.refused);
      if (options.json) writeJson(io, { contacts: list });
      else if (list.length === 0) io.out.write(`${options.authority} has no addresses yet. Set one with: pace contacts set --authority ${options.authority} --worker NAME --email ADDRESS\n`);
      else for (const c of list) io.out.write(`${c.kind.padEnd(7)} ${c.name.padEnd(30)} ${c.email}\n`);
      done(exitCodes.ok);
    });
}

function contactOf(options: ContactOptions): Contact | string {
  if (options.worker !== undefined && options.team === undefined) {
    if (options.email === undefined || options.managerEmail !== undefined) return 'a worker needs --email ADDRESS (and no --manager-email)';
    return { kind: 'worker', name: options.worker, email: options.email };
  }
  if (options.team !== undefined && options.worker === undefined) {
    if (options.managerEmail === undefined || options.email !== undefined) return 'a team needs --manager-email ADDRESS (and no --email)';
    return { kind: 'team', name: options.team, email: options.managerEmail };
  }
  return 'name either --worker NAME with --email ADDRESS, or --team NAME with --manager-email ADDRESS';
}

function describe(contact: Contact): string {
  return contact.kind === 'worker' ? `worker ${contact.name}` : `the manager of team ${contact.name}`;
}
