import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { findAim, type Aim } from '../../domain/aim.js';
import { aimRunChart } from '../../domain/aim-run-chart.js';
import { aimSurvival } from '../../domain/aim-survival.js';
import type { PlainDate } from '../../domain/date.js';
import type { ChildRecord } from '../../domain/records.js';
import { runChartJson } from '../../domain/figures-json.js';
import { stagesForAim } from '../../domain/stages.js';
import { listAims, loadChildRecords, type StoredAuthority } from '../../store/index.js';
import { authorityCodeArgument, dateArgument } from '../args.js';
import { authorityOrReport, exitCodes, withStore, writeJson, type Io } from '../context.js';

interface AimContext {
  readonly found: StoredAuthority;
  readonly aim: Aim;
  readonly records: readonly ChildRecord[];
}

/** Loads the authority, the aim named by national number or id, and the records; or says what is missing. */
async function withAim<T>(io: Io, code: string, aimRef: string, work: (context: AimContext) => T): Promise<T | null> {
  return withStore(io, async (connection) => {
    const found = await authorityOrReport(io, connection, code);
    if (!found) return null;
    const aims = await listAims(connection, found.scope);
    const aim = findAim(aims, aimRef);
    if (!aim) {
      io.err.write(`pace: ${code} has no aim ${aimRef} (its aims: ${aims.map((a) => a.nationalAim ?? a.id).join(', ')})\n`);
      return null;
    }
    return work({ found, aim, records: await loadChildRecords(connection, found.scope) });
  });
}

export function chartsCommand(program: Command, io: Io, done: (code: number) => void): void {
  program
    .command('runchart')
    .description("an aim's run chart as data: points, baseline, centre line, both rule sets, phases, verdicts in words, and the waiting bars")
    .requiredOption('--authority <code>', 'the authority', authorityCodeArgument)
    .requiredOption('--aim <n>', 'the national aim number (1–4) or the aim id')
    .requiredOption('--as-at <date>', 'the date the chart is for', dateArgument)
    .option('--json', 'print JSON')
    .action(async (options: { authority: string; aim: string; asAt: PlainDate; json?: boolean }) => {
      const result = await withAim(io, options.authority, options.aim, ({ found, aim, records }) => ({ aim, chart: aimRunChart(aim, records, options.asAt, found.authority.programmeStart) }));
      if (result === null) return done(exitCodes.refused);
      const json = runChartJson(result.aim, result.chart, options.asAt);
      if (options.json) writeJson(io, json);
      else io.out.write(`${json.points.length} points, ${json.waiting.length} still waiting\n${json.verdicts.map((v) => `- ${v}\n`).join('')}`);
      done(exitCodes.ok);
    });

  program
    .command('chart')
    .description("draw one of an aim's charts to an SVG or PNG file")
    .requiredOption('--authority <code>', 'the authority', authorityCodeArgument)
    .requiredOption('--aim <n>', 'the national aim number (1–4) or the aim id')
    .requiredOption('--as-at <date>', 'the date the chart is for', dateArgument)
    .requiredOption('--type <type>', 'run, waiting, stages or survival')
    .requiredOption('--out <file>', 'FILE.svg or FILE.png')
    .action(async (options: { authority: string; aim: string; asAt: PlainDate; type: string; out: string }) => {
      if (!['run', 'waiting', 'stages', 'survival'].includes(options.type)) {
        io.err.write(`pace: --type must be run, waiting, stages or survival (got ${options.type})\n`);
        return done(exitCodes.usage);
      }
      if (!/\.(svg|png)$/i.test(options.out)) {
        io.err.write(`pace: --out must end in .svg or .png (got ${options.out})\n`);
        return done(exitCodes.usage);
      }
      // The chart libraries load only when a chart is drawn: every other command starts faster.
      const { aimRunChartSvg, aimStageChartSvg, aimSurvivalChartSvg, aimWaitingChartSvg } = await import('../../charts/aim-charts.js');
      const { svgToPng } = await import('../../charts/render.js');
      const svg = await withAim(io, options.authority, options.aim, ({ found, aim, records }) => {
        const programmeStart = found.authority.programmeStart;
        switch (options.type) {
          case 'run':
            return aimRunChartSvg(aim, aimRunChart(aim, records, options.asAt, programmeStart), programmeStart);
          case 'waiting':
            return aimWaitingChartSvg(aim, aimRunChart(aim, records, options.asAt, programmeStart).series);
          case 'stages':
            return aimStageChartSvg(stagesForAim(aim, records, options.asAt));
          default:
            return aimSurvivalChartSvg(aim, aimSurvival(aim, records, options.asAt, programmeStart));
        }
      });
      if (svg === null) return done(exitCodes.refused);
      await writeFile(options.out, /\.png$/i.test(options.out) ? svgToPng(svg) : svg);
      io.out.write(`Wrote ${options.out}\n`);
      done(exitCodes.ok);
    });
}
