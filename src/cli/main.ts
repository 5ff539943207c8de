/**
 * The `pace` command: one program, a module per command. Only the module of the command asked
 * for is loaded (all of them for help or a name not known): some load a spreadsheet library, a
 * PDF writer or the charts, and every command should start quickly.
 */
import { Command, CommanderError } from 'commander';
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
  for (const register of await commandsFor(argv[2])) register(program, io, done);
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

type Register = (program: Command, io: Io, done: (code: number) => void) => void;

/** Each command module, by the names of the commands it adds, in the order help lists them. */
const commandModules: readonly { readonly names: readonly string[]; readonly load: () => Promise<Register> }[] = [
  { names: ['migrate'], load: async () => (await import('./commands/migrate.js')).migrateCommand },
  { names: ['authority'], load: async () => (await import('./commands/authority.js')).authorityCommand },
  { names: ['demo'], load: async () => (await import('./commands/demo.js')).demoCommand },
  { names: ['journeys'], load: async () => (await import('./commands/journeys.js')).journeysCommand },
  { names: ['aims', 'aim'], load: async () => (await import('./commands/aims.js')).aimsCommand },
  { names: ['measure'], load: async () => (await import('./commands/measure.js')).measureCommand },
  { names: ['runchart', 'chart'], load: async () => (await import('./commands/charts.js')).chartsCommand },
  { names: ['spc'], load: async () => (await import('./commands/spc.js')).spcCommand },
  { names: ['timeline'], load: async () => (await import('./commands/timeline.js')).timelineCommand },
  { names: ['user'], load: async () => (await import('./commands/user.js')).userCommand },
  { names: ['import'], load: async () => (await import('./commands/import.js')).importCommand },
  { names: ['quality'], load: async () => (await import('./commands/quality.js')).qualityCommand },
  { names: ['due'], load: async () => (await import('./commands/due.js')).dueCommand },
  { names: ['contacts'], load: async () => (await import('./commands/contacts.js')).contactsCommand },
  { names: ['digest'], load: async () => (await import('./commands/digest.js')).digestCommand },
  { names: ['calendar'], load: async () => (await import('./commands/calendar.js')).calendarCommand },
  { names: ['national'], load: async () => (await import('./commands/national.js')).nationalCommand },
  { names: ['export'], load: async () => (await import('./commands/export.js')).exportCommand },
  { names: ['audit'], load: async () => (await import('./commands/audit.js')).auditCommand },
  { names: ['pack'], load: async () => (await import('./commands/pack.js')).packCommand },
  { names: ['poster'], load: async () => (await import('./commands/poster.js')).posterCommand },
  { names: ['worker'], load: async () => (await import('./commands/worker.js')).workerCommand },
];

async function commandsFor(name: string | undefined): Promise<Register[]> {
  const named = commandModules.find((module) => name !== undefined && module.names.includes(name));
  return Promise.all((named ? [named] : commandModules).map((module) => module.load()));
}
