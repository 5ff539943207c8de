import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { aimViews } from '../../app/aim-views.js';
import type { AimResult, AuthorityFigures } from '../../app/authority-figures.js';
import { FiguresCache } from '../../app/figures-cache.js';
import { findAim } from '../../domain/aim.js';
import type { PlainDate } from '../../domain/date.js';
import { runChartJson } from '../../domain/figures-json.js';
import type { StoredAuthority } from '../../store/index.js';
import { authorityCodeArgument, dateArgument } from '../args.js';
import { authorityOrReport, exitCodes, withStore, writeJson, type Io } from '../context.js';

interface AimContext {
  readonly cache: FiguresCache;
  readonly found: StoredAuthority;
  readonly figures: AuthorityFigures;
  readonly result: AimResult;
}

/** The authority's figures as at `asAt` and the aim named by national number or id; or says what is missing. */
async function withAim<T>(io: Io, code: string, aimRef: string, asAt: PlainDate, work: (context: AimContext) => T | Promise<T>): Promise<T | null> {
  return withStore(io, async (connection) => {
    const found = await authorityOrReport(io, connection, code);
    if (!found) return null;
    const cache = new FiguresCache(connection);
    const figures = await cache.figures(found, asAt);
    const aim = findAim(figures.aims.map((r) => r.aim), aimRef);
    const result = figures.aims.find((r) => r.aim === aim);
    if (!result) {
      io.err.write(`pace: ${code} has no aim ${aimRef} (its aims: ${figures.aims.map((r) => r.aim.nationalAim ?? r.aim.id).join(', ')})\n`);
      return null;
    }
    return work({ cache, found, figures, result });
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
      const json = await withAim(io, options.authority, options.aim, options.asAt, ({ result }) => runChartJson(result.aim, result.chart, options.asAt));
      if (json === null) return done(exitCodes.refused);
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
      const svg = await withAim(io, options.authority, options.aim, options.asAt, async ({ cache, found, figures, result }) => {
        const { aim, chart } = result;
        switch (options.type) {
          case 'run':
            return aimRunChartSvg(aim, chart, figures.authority.programmeStart, result.marks);
          case 'waiting':
            return aimWaitingChartSvg(aim, chart.series);
          case 'stages':
            return aimStageChartSvg((await aimViews(cache, found, figures, result)).stages);
          default:
            return aimSurvivalChartSvg(aim, (await aimViews(cache, found, figures, result)).survival);
        }
      });
      if (svg === null) return done(exitCodes.refused);
      await writeFile(options.out, /\.png$/i.test(options.out) ? svgToPng(svg) : svg);
      io.out.write(`Wrote ${options.out}\n`);
      done(exitCodes.ok);
    });
}
