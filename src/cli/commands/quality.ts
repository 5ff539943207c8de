import { qualityCsv } from '../../charts/csv.js';
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { Temporal, type PlainDate } from '../../domain/date.js';
import { qualityJson } from '../../domain/quality/quality-json.js';
import { authorityQuality } from '../../app/authority-reports.js';
import { FiguresCache } from '../../app/figures-cache.js';
import { authorityCodeArgument, dateArgument } from '../args.js';
import { authorityOrReport, exitCodes, withStore, writeJson, type Io } from '../context.js';

/** Lines of one rule shown on a terminal before the rest are counted (all are in --json and --csv). */
const shownPerRule = 50;

export function qualityCommand(program: Command, io: Io, done: (code: number) => void): void {
  program
    .command('quality')
    .description("the data-quality report of an authority's records: completeness, suspicious sequences, recording lag, what to fix")
    .requiredOption('--authority <code>', 'the authority', authorityCodeArgument)
    .option('--as-at <date>', 'the date the report is for (default: today)', dateArgument)
    .option('--json', 'print JSON')
    .option('--csv <file>', 'also write every problem line to a CSV file')
    .action(async (options: { authority: string; asAt?: PlainDate; json?: boolean; csv?: string }) => {
      const asAt = options.asAt ?? Temporal.Now.plainDateISO('Europe/London');
      const report = await withStore(io, async (connection) => {
        const found = await authorityOrReport(io, connection, options.authority);
        if (!found) return null;
        return authorityQuality(new FiguresCache(connection), found, asAt);
      });
      if (report === null) return done(exitCodes.refused);
      const json = qualityJson(report);
      if (options.csv) writeFileSync(options.csv, qualityCsv(json.problems));
      if (options.json) writeJson(io, json);
      else io.out.write(presentQuality(json));
      done(exitCodes.ok);
    });
}

type QualityView = ReturnType<typeof qualityJson>;

function presentQuality(json: QualityView): string {
  const lines = [`Data quality as at ${json.as_at}: ${json.children} children.`, '', 'Milestones recorded, of journeys for which they are due:'];
  for (const { kind, milestones } of json.completeness) {
    for (const m of milestones) lines.push(`  ${kind.padEnd(15)} ${m.milestone.padEnd(26)} ${String(m.recorded).padStart(6)} of ${String(m.due).padEnd(6)} ${m.percent === null ? '—' : `${m.percent}%`}`);
  }
  lines.push('', 'Recording lag (events dated in the last year: days from the event to its record):');
  if (json.recording_lag.length === 0) lines.push('  no events in the last year');
  for (const l of json.recording_lag) lines.push(`  ${l.event_type.padEnd(28)} ${String(l.events).padStart(6)} events, median ${l.median_days} days, 90th percentile ${l.p90_days} days, ${l.late} late`);
  lines.push('', json.problems.length === 0 ? 'No problems found.' : `${json.problems.length} problems:`);
  const shown = new Map<string, number>();
  for (const p of json.problems) {
    const count = (shown.get(p.code) ?? 0) + 1;
    shown.set(p.code, count);
    if (count > shownPerRule) continue;
    lines.push(`  ${p.child_id ?? '—'}${p.record ? ` (${p.record})` : ''}: ${p.message} [${p.rule}]`, `    fix: ${p.fix}`);
  }
  for (const { rule, count } of json.problem_counts) if (count > shownPerRule) lines.push(`  … and ${count - shownPerRule} more: ${rule} (see --json or --csv)`);
  return `${lines.join('\n')}\n`;
}

