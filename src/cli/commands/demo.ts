import { join } from 'node:path';
import type { Command } from 'commander';
import { Temporal, type PlainDate } from '../../domain/date.js';
import { demoAuthorityIdentity, generateAuthority } from '../../demo/generate.js';
import { loadGenerated } from '../../demo/load.js';
import { writeCanonicalCsv } from '../../demo/write-csv.js';
import { dateArgument, positiveIntegerArgument } from '../args.js';
import { exitCodes, withStore, type Io } from '../context.js';

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
      // One authority at a time, so memory holds one authority's records, not all of them.
      const each = async (work: (index: number, code: string, name: string) => Promise<string>) => {
        for (let index = 0; index < options.authorities; index++) {
          const { code, name } = demoAuthorityIdentity(index);
          io.out.write(`${await work(index, code, name)}\n`);
        }
      };
      const generate = (index: number, code: string, name: string) =>
        generateAuthority({ code, name, children: options.children, seed: `${options.seed}/${index + 1}`, asAt, firstYear: asAt.year - 9 });
      if (options.out) {
        const out = options.out;
        await each(async (index, code, name) => {
          const dir = options.authorities > 1 ? join(out, code) : out;
          const counts = await writeCanonicalCsv(dir, generate(index, code, name).records);
          return `${code}: wrote ${counts.children} children, ${counts.placements} placements and ${counts.events} events to ${dir}`;
        });
      } else {
        await withStore(io, (connection) =>
          each(async (index, code, name) => {
            const generated = generate(index, code, name);
            const saved = await loadGenerated(connection, generated);
            const start = generated.authority.programmeStart?.toString() ?? 'none';
            return `${code} ${name}: ${saved.children.added} children added, ${saved.children.unchanged} unchanged; ${saved.placements.added + saved.events.added} placements and events added (programme start ${start})`;
          }),
        );
      }
      done(exitCodes.ok);
    });
}
