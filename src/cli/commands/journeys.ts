import type { Command } from 'commander';
import type { PlainDate } from '../../domain/date.js';
import { journeyJson } from '../../domain/figures-json.js';
import { authorityJourneys } from '../../app/authority-reports.js';
import { FiguresCache } from '../../app/figures-cache.js';
import { authorityCodeArgument, dateArgument } from '../args.js';
import { authorityOrReport, exitCodes, withStore, writeJson, type Io } from '../context.js';

export function journeysCommand(program: Command, io: Io, done: (code: number) => void): void {
  program
    .command('journeys')
    .description('every journey of every kind for an authority, with its status against the national timescales')
    .requiredOption('--authority <code>', 'the authority', authorityCodeArgument)
    .requiredOption('--as-at <date>', 'the date the report is for', dateArgument)
    .option('--json', 'print JSON')
    .action(async (options: { authority: string; asAt: PlainDate; json?: boolean }) => {
      const measured = await withStore(io, async (connection) => {
        const found = await authorityOrReport(io, connection, options.authority);
        if (!found) return null;
        return authorityJourneys(new FiguresCache(connection), found, options.asAt);
      });
      if (measured === null) return done(exitCodes.refused);
      const journeys = measured.map(({ journey, status, days }) => journeyJson(journey, status, days));
      if (options.json) {
        writeJson(io, { journeys });
      } else {
        io.out.write('child      aim  start       end         left        route             weeks  status\n');
        for (const j of journeys) {
          io.out.write(`${j.child_id.padEnd(10)} ${String(j.kind).padEnd(4)} ${j.start}  ${(j.end ?? '—').padEnd(10)}  ${(j.leave ?? '—').padEnd(10)}  ${j.route.padEnd(16)}  ${String(j.weeks).padStart(5)}  ${j.status}\n`);
        }
        io.out.write(`${journeys.length} journeys as at ${options.asAt.toString()}\n`);
      }
      done(exitCodes.ok);
    });
}
