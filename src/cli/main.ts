/** The `pace` command: one program, a module per command. */
import { Command, CommanderError } from 'commander';
import { aimsCommand } from './commands/aims.js';
import { auditCommand } from './commands/audit.js';
import { authorityCommand } from './commands/authority.js';
import { calendarCommand } from './commands/calendar.js';
import { chartsCommand } from './commands/charts.js';
import { contactsCommand } from './commands/contacts.js';
import { demoCommand } from './commands/demo.js';
import { digestCommand } from './commands/digest.js';
import { dueCommand } from './commands/due.js';
import { exportCommand } from './commands/export.js';
import { importCommand } from './commands/import.js';
import { journeysCommand } from './commands/journeys.js';
import { migrateCommand } from './commands/migrate.js';
import { nationalCommand } from './commands/national.js';
import { packCommand } from './commands/pack.js';
import { qualityCommand } from './commands/quality.js';
import { spcCommand } from './commands/spc.js';
import { timelineCommand } from './commands/timeline.js';
import { userCommand } from './commands/user.js';
import { exitCodes, type Io } from './context.js';

/** Runs `pace` with `argv` (as process.argv: node, script, …) and returns the exit code. */
export async function main(argv: readonly string[], io: Io = { out: process.stdout, err: process.stderr, env: process.env, stdin: process.stdin }): Promise<number> {
  let exitCode: number = exitCodes.ok;
  const done = (code: number) => {
    exitCode = code;
  };
  const program = new Command('pace')
    .description('pace: permanence planning and improvement for looked after children')
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.out.write(text), writeErr: (text) => io.err.write(text) })
    .showHelpAfterError('(run pace --help for usage)');
  for (const register of [migrateCommand, authorityCommand, demoCommand, journeysCommand, aimsCommand, chartsCommand, spcCommand, timelineCommand, userCommand, importCommand, qualityCommand, dueCommand, contactsCommand, digestCommand, calendarCommand, nationalCommand, exportCommand, auditCommand, packCommand]) register(program, io, done);
  for (const command of program.commands) {
    command.exitOverride();
    for (const sub of command.commands) sub.exitOverride();
  }
  try {
    await program.parseAsync([...argv]);
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? exitCodes.ok : exitCodes.usage;
    io.err.write(`pace: ${error instanceof Error ? error.message : String(error)}\n`);
    if (io.env.PACE_DEBUG && error instanceof Error) io.err.write(`${error.stack ?? ''}\n`);
    return exitCodes.refused;
  }
  return exitCode;
}
