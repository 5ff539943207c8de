import type { Command } from 'commander';
import { setFlagsFromString } from 'node:v8';
import { Temporal } from '../../domain/date.js';
import { importFiles, type ImportReport } from '../../ingest/import-files.js';
import type { ImportProblem } from '../../ingest/import-problem.js';
import { loadProfile } from '../../ingest/profile.js';
import { writeWhileReadingFrom } from '../../ingest/import-files.js';
import { authorityCodeArgument } from '../args.js';
import { authorityOrReport, exitCodes, withStore, writeJson, type Io } from '../context.js';
import { importProgress } from '../import-progress.js';
import { savedWords } from '../../app/saved-words.js';

interface ImportOptions {
  authority: string;
  profile: string;
  dryRun?: boolean;
  json?: boolean;
  progress?: boolean;
}

/** Problems of one rule shown on a terminal before the rest are counted (all are in --json). */
const shownPerRule = 20;

/**
 * How much V8 lets its heap grow after each full collection, in per cent. V8 picks the factor
 * itself, up to 4 ×, from how fast collecting went; on a busy machine a large import, about 200 MB
 * live, reached 560–650 MB of RSS before the next collection, and the same import 420–650 MB from
 * one run to the next. Half as much again as is live kept it at 420–450 MB on SQLite and 340–360
 * MB on PostgreSQL, with a few more full collections (docs/decisions/0021-postgres-copy.md). The
 * flag is read at each collection, so setting it here is enough; it applies to the writer thread
 * too.
 */
const heapGrowingPercent = 50;

export function importCommand(program: Command, io: Io, done: (code: number) => void): void {
  program
    .command('import')
    .description('import an export in the canonical format (a folder of CSV files or an .xlsx workbook), or mapped by a profile; all of it or nothing')
    .argument('<path>', 'a folder holding children.csv, placements.csv and events.csv, or an .xlsx workbook')
    .requiredOption('--authority <code>', 'the authority the records belong to', authorityCodeArgument)
    .option('--profile <name>', 'the mapping profile: a name in profiles/ or the path of a JSON file', 'canonical')
    .option('--dry-run', 'check everything and report what would change, writing nothing')
    .option('--json', 'print the report as JSON')
    .option('--progress', 'when not on a terminal, print a line as each phase starts')
    .action(async (path: string, options: ImportOptions) => {
      const profile = loadProfile(options.profile);
      if (!profile.ok) {
        io.err.write(`pace: the profile ${profile.error.name} cannot be used: ${profile.error.detail}\n`);
        return done(exitCodes.usage);
      }
      setFlagsFromString(`--heap-growing-percent=${heapGrowingPercent}`);
      const progress = importProgress(io, options.progress === true && !options.json);
      const report = await withStore(io, async (connection) => {
        const found = await authorityOrReport(io, connection, options.authority);
        if (!found) return null;
        try {
          return await importFiles(connection, {
            path,
            scope: found.scope,
            profile: profile.value,
            dryRun: options.dryRun === true,
            by: io.env.USER ?? 'cli',
            clientIp: 'cli',
            today: Temporal.Now.plainDateISO('Europe/London'),
            onProgress: progress.update,
            // Nothing else uses this process's connection meanwhile.
            writeWhileReadingFrom,
          });
        } finally {
          progress.stop();
        }
      });
      if (report === null) return done(exitCodes.refused);
      if (options.json) writeJson(io, report);
      else io.out.write(presentReport(report));
      done(report.outcome === 'refused' ? exitCodes.refused : exitCodes.ok);
    });
}

export function presentReport(report: ImportReport): string {
  const lines: string[] = [];
  const read = report.files.map((f) => f.name).join(', ');
  lines.push(`Read ${read || 'no files'}: ${report.rows.children} children, ${report.rows.placements} placements, ${report.rows.events} events.`);
  const section = (severity: 'error' | 'warning', heading: string) => {
    const problems = report.problems.filter((p) => p.severity === severity);
    if (problems.length === 0) return;
    lines.push('', heading);
    const shown = new Map<string, number>();
    for (const problem of problems) {
      const count = (shown.get(problem.code) ?? 0) + 1;
      shown.set(problem.code, count);
      if (count <= shownPerRule) lines.push(...presentProblem(problem));
    }
    for (const { code, count } of report.problemCounts) {
      if (count > shownPerRule && problems.some((p) => p.code === code)) lines.push(`  … and ${count - shownPerRule} more ${code} (see --json)`);
    }
  };
  section('error', `${report.errors} ${report.errors === 1 ? 'error' : 'errors'}${report.dryRun ? '' : ' — nothing was imported'}:`);
  section('warning', `${report.warnings} ${report.warnings === 1 ? 'warning' : 'warnings'} (these do not stop an import):`);
  lines.push('');
  if (report.saved === null) {
    lines.push(`Refused: correct the ${report.errors === 1 ? 'error' : 'errors'} above and import again. Nothing was written.`);
  } else {
    const counts = savedWords(report.saved, String);
    lines.push(report.dryRun ? `Dry run, nothing written. Would import: ${counts}.` : `Imported (import ${report.importId}): ${counts}.`);
  }
  return `${lines.join('\n')}\n`;
}

function presentProblem(problem: ImportProblem): string[] {
  const where = [problem.file, problem.row === null ? null : `row ${problem.row}`, problem.column].filter((part) => part !== null).join(', ');
  return [`  ${where}: ${problem.message} [${problem.code}]`, `    fix: ${problem.fix}`];
}
