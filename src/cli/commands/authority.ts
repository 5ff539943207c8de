import type { Command } from 'commander';
import type { PlainDate } from '../../domain/date.js';
import { addAuthority, listAuthorities } from '../../store/index.js';
import { authorityCodeArgument, dateArgument } from '../args.js';
import { exitCodes, withStore, writeJson, type Io } from '../context.js';

export function authorityCommand(program: Command, io: Io, done: (code: number) => void): void {
  const authority = program.command('authority').description('the local authorities held in this database');

  authority
    .command('add')
    .description('add an authority')
    .argument('<code>', 'a short code, e.g. FIFE', authorityCodeArgument)
    .requiredOption('--name <name>', 'its name, e.g. "Fife Council"')
    .option('--programme-start <date>', 'the day its improvement programme started (the "PACE start" line)', dateArgument)
    .action(async (code: string, options: { name: string; programmeStart?: PlainDate }) => {
      const result = await withStore(io, (connection) =>
        addAuthority(connection, { code, name: options.name.trim(), programmeStart: options.programmeStart ?? null }, io.env.USER ?? 'cli'),
      );
      if (!result.ok) {
        io.err.write(`pace: an authority with code ${result.error.authority} already exists\n`);
        return done(exitCodes.refused);
      }
      io.out.write(`Added ${code}: ${options.name.trim()}\n`);
      done(exitCodes.ok);
    });

  authority
    .command('list')
    .description('list the authorities')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      const authorities = await withStore(io, (connection) => listAuthorities(connection));
      const rows = authorities.map(({ authority: a }) => ({ code: a.code, name: a.name, programme_start: a.programmeStart?.toString() ?? null }));
      if (options.json) writeJson(io, { authorities: rows });
      else if (rows.length === 0) io.out.write('No authorities yet. Add one with: pace authority add CODE --name NAME\n');
      else for (const row of rows) io.out.write(`${row.code.padEnd(10)} ${row.name}${row.programme_start ? ` (programme start ${row.programme_start})` : ''}\n`);
      done(exitCodes.ok);
    });
}
