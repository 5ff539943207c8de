import type { Command } from 'commander';
import { listCalendarFeeds, revokeCalendarFeed } from '../../store/index.js';
import { calendarPath, createCalendarFeed } from '../../app/calendar-feeds.js';
import { authorityCodeArgument, positiveIntegerArgument } from '../args.js';
import { authorityOrReport, exitCodes, withStore, type Io } from '../context.js';
import { nameArgument } from '../reminders/load.js';

export function calendarCommand(program: Command, io: Io, done: (code: number) => void): void {
  const calendar = program.command('calendar').description("a worker's due dates as a calendar feed at a secret address (revocable; no sign-in)");

  calendar
    .command('create')
    .description("make a feed of a worker's due dates; its address is printed once (only a hash of it is kept)")
    .requiredOption('--authority <code>', 'the authority', authorityCodeArgument)
    .requiredOption('--worker <name>', "the worker, named as on the children's records", nameArgument)
    .action(async (options: { authority: string; worker: string }) => {
      done(
        await withStore(io, async (connection) => {
          const found = await authorityOrReport(io, connection, options.authority);
          if (!found) return exitCodes.refused;
          const made = await createCalendarFeed(connection, found.scope, options.worker, io.env.USER ?? 'cli');
          const base = io.env.PACE_URL?.trim().replace(/\/+$/, '') ?? '';
          io.out.write(`Calendar feed ${made.id} for ${options.worker} in ${found.scope.code}, shown once:\n${base}${calendarPath(made.token)}\n`);
          if (base === '') io.out.write("Put the server's address (e.g. https://pace.council.example) in front of it, or set PACE_URL.\n");
          return exitCodes.ok;
        }),
      );
    });

  calendar
    .command('list')
    .description("list an authority's calendar feeds (never their addresses)")
    .requiredOption('--authority <code>', 'the authority', authorityCodeArgument)
    .option('--worker <name>', 'only this worker’s', nameArgument)
    .action(async (options: { authority: string; worker?: string }) => {
      done(
        await withStore(io, async (connection) => {
          const found = await authorityOrReport(io, connection, options.authority);
          if (!found) return exitCodes.refused;
          const feeds = await listCalendarFeeds(connection, found.scope, options.worker ?? null);
          if (feeds.length === 0) io.out.write(`${found.scope.code} has no calendar feeds${options.worker ? ` for ${options.worker}` : ''}.\n`);
          for (const f of feeds) io.out.write(`${String(f.id).padEnd(6)} ${f.worker} (made ${f.createdAt} by ${f.createdBy}${f.revokedAt ? `, revoked ${f.revokedAt}` : ''})\n`);
          return exitCodes.ok;
        }),
      );
    });

  calendar
    .command('revoke')
    .description('revoke a calendar feed: its address stops working at once')
    .argument('<id>', 'the feed number (see: pace calendar list)', positiveIntegerArgument)
    .requiredOption('--authority <code>', 'the authority', authorityCodeArgument)
    .action(async (id: number, options: { authority: string }) => {
      done(
        await withStore(io, async (connection) => {
          const found = await authorityOrReport(io, connection, options.authority);
          if (!found) return exitCodes.refused;
          if (!(await revokeCalendarFeed(connection, found.scope, id, io.env.USER ?? 'cli'))) {
            io.err.write(`pace: ${found.scope.code} has no live calendar feed ${id}\n`);
            return exitCodes.refused;
          }
          io.out.write(`Revoked calendar feed ${id} in ${found.scope.code}.\n`);
          return exitCodes.ok;
        }),
      );
    });
}
