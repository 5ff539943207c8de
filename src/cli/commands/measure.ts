/**
 * `pace measure`: an aim month by month (src/domain/aim-months.ts) — of the journeys whose outcome
 * was settled in each of the last 36 whole months, the percentage in time — with what the run-chart
 * rules say of the series. `--json` gives the series for another tool.
 */
import type { Command } from 'commander';
import { aimsReport } from '../../app/authority-reports.js';
import { FiguresCache } from '../../app/figures-cache.js';
import { aimMonths, aimMonthsChart, defaultAimMonths } from '../../domain/aim-months.js';
import { monthWords, Temporal, type PlainDate } from '../../domain/date.js';
import { roundTo } from '../../domain/round.js';
import { authorityCodeArgument, dateArgument } from '../args.js';
import { authorityOrReport, exitCodes, withStore, writeJson, type Io } from '../context.js';

export function measureCommand(program: Command, io: Io, done: (code: number) => void): void {
  program
    .command('measure')
    .description('an aim month by month: the percentage in time of the journeys settled in each month, with what the run-chart rules say')
    .requiredOption('--authority <code>', 'the authority', authorityCodeArgument)
    .requiredOption('--id <aim>', "the aim's id (pace aim list)")
    .option('--by <period>', 'the period of each point: month', 'month')
    .option('--months <count>', `how many whole months, up to the last one before the as-at date (default ${defaultAimMonths})`)
    .option('--as-at <date>', 'the date the figures are for (default: today)', dateArgument)
    .option('--json', 'print JSON')
    .action(async (options: { authority: string; id: string; by: string; months?: string; asAt?: PlainDate; json?: boolean }) => {
      if (options.by !== 'month') {
        io.err.write(`pace measure: --by must be month (you gave ${options.by}).\n`);
        return done(exitCodes.usage);
      }
      const count = options.months === undefined ? defaultAimMonths : Number(options.months);
      if (!Number.isInteger(count) || count < 1 || count > 240) {
        io.err.write(`pace measure: --months must be a whole number from 1 to 240 (you gave ${options.months ?? ''}).\n`);
        return done(exitCodes.usage);
      }
      const asAt = options.asAt ?? Temporal.Now.plainDateISO('Europe/London');
      const report = await withStore(io, async (connection) => {
        const found = await authorityOrReport(io, connection, options.authority);
        if (!found) return null;
        return { found, figures: await aimsReport(connection, new FiguresCache(connection), found, asAt, null) };
      });
      if (report === null) return done(exitCodes.refused);
      const result = report.figures.aims.find((a) => a.aim.id === options.id);
      if (!result) {
        io.err.write(`pace measure: ${options.authority} has no aim ${options.id} (pace aim list --authority ${options.authority} lists them).\n`);
        return done(exitCodes.refused);
      }
      const months = aimMonths(result.figures, count);
      const chart = aimMonthsChart(months, report.found.authority.programmeStart);
      if (options.json) {
        writeJson(io, {
          as_at: asAt.toString(),
          aim_id: result.aim.id,
          name: result.aim.name,
          by: 'month',
          months: months.map((m) => ({ month: m.month.toString().slice(0, 7), in_time: m.inTime, n: m.n, percentage: m.value === null ? null : roundTo(m.value, 1) })),
          baseline_months: chart.baselineCount,
          verdicts: chart.verdicts,
        });
      } else {
        io.out.write(`${result.aim.name}, month by month as at ${asAt.toString()}: % in time of the journeys settled in each month\n`);
        for (const m of months) if (m.value !== null) io.out.write(`  ${monthWords(m.month).padEnd(15)} ${`${roundTo(m.value, 1).toFixed(1)}%`.padStart(6)}  (${m.inTime} of ${m.n})\n`);
        for (const v of chart.verdicts) io.out.write(`- ${v}\n`);
      }
      done(exitCodes.ok);
    });
}
