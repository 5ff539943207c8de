import { join } from 'node:path';
import type { Command } from 'commander';
import { Temporal, type PlainDate } from '../../domain/date.js';
import { demoAuthorityIdentity, generateAuthority } from '../../demo/generate.js';
import { freeDemoIdentities, loadGenerated } from '../../demo/load.js';
import { writeCanonicalCsv } from '../../demo/write-csv.js';
import { dateArgument, positiveIntegerArgument } from '../args.js';
import { exitCodes, withStore, type Io } from '../context.js';
import { savedWords } from '../../app/saved-words.js';

interface DemoOptions {
  authorities: number;
  children: number;
  seed: string;
  asAt?: PlainDate;
  out?: string;
}

export function demoCommand(program: Command, io: Io, done: (code: number) => void): void {
  program
    .command('demo')
    .description('generate synthetic authorities (every child invented) and load them, or write them as canonical CSV')
    .option('--authorities <n>', 'how many authorities', positiveIntegerArgument, 1)
    .option('--children <n>', 'children per authority', positiveIntegerArgument, 2000)
    .option('--seed <text>', 'the same seed gives the same data', 'pace-demo')
    .option('--as-at <date>', 'nothing is dated after this day (default: today)', dateArgument)
    .option('--out <dir>', 'write canonical CSV files here instead of loading them (a folder per authority when there are several)')
    .action(async (options: DemoOptions) => {
      const asAt = options.asAt ?? Temporal.Now.plainDateISO('Europe/London');
      const generate = (index: number, code: string, name: string) =>
        generateAuthority({ code, name, children: options.children, seed: `${options.seed}/${index + 1}`, asAt, firstYear: asAt.year - 9 });
      if (options.out) {
        const out = options.out;
        // One authority at a time, so memory holds one authority's records, not all of them.
        for (let index = 0; index < options.authorities; index++) {
          const { code, name } = demoAuthorityIdentity(index);
          const dir = options.authorities > 1 ? join(out, code) : out;
          const counts = await writeCanonicalCsv(dir, generate(index, code, name).records);
          io.out.write(`${code}: wrote ${counts.children} children, ${counts.placements} placements and ${counts.events} events to ${dir}\n`);
        }
        return done(exitCodes.ok);
      }
      // Every authority made is a new one: codes that exist are passed over, never loaded into.
      const code = await withStore(io, async (connection) => {
        const { chosen, passedOver } = await freeDemoIdentities(connection, options.authorities);
        if (passedOver.length > 0) {
          const one = passedOver.length === 1;
          io.out.write(`${words(passedOver)} ${one ? 'exists' : 'exist'} already and ${one ? 'is left as it is' : 'are left as they are'}: making ${words(chosen.map((c) => c.code))} instead.\n`);
        }
        for (const { index, code, name } of chosen) {
          const loaded = await loadGenerated(connection, generate(index, code, name));
          if (!loaded.ok) {
            io.err.write(`pace: the authority ${loaded.error.authority} was added by someone else meanwhile; it is left as it is. Run pace demo again.\n`);
            return exitCodes.refused;
          }
          const { stored, saved } = loaded.value;
          io.out.write(`${stored.scope.code} ${stored.authority.name}: ${savedWords(saved, String)} (programme start ${stored.authority.programmeStart?.toString() ?? 'none'})\n`);
        }
        return exitCodes.ok;
      });
      return done(code);
    });
}

/** "DEMO01", "DEMO01 and DEMO02", "DEMO01, DEMO02 and DEMO03". */
function words(codes: readonly string[]): string {
  return codes.length <= 1 ? codes.join('') : `${codes.slice(0, -1).join(', ')} and ${codes.at(-1)}`;
}
