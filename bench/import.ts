// `npm run bench:import` (issue 3): 100,000 synthetic children with their placements and events,
// written as canonical CSV by the demo generator, imported by `pace import` into a fresh SQLite
// database; in the same run, the sqlite3 command-line tool's raw `.import` of the same three files
// into bare tables is the reference. Targets: pace's time ≤ 3 × sqlite3's, peak RSS ≤ 512 MB.
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateAuthorities } from '../src/demo/generate.js';
import { writeCanonicalCsv } from '../src/demo/write-csv.js';
import { Temporal } from '../src/domain/date.js';
import { round, runCommand, runPace, workDir, writeResults } from './lib.js';

const children = Number(process.env.BENCH_CHILDREN ?? 100_000);
const sqlite3 = '/usr/bin/sqlite3';
const targetRatio = 3;
const targetRssMb = 512;

mkdirSync(workDir, { recursive: true });
const dataDir = join(workDir, 'import-data');
const paceDb = join(workDir, 'import.sqlite');
const rawDb = join(workDir, 'import-raw.sqlite');
for (const file of [paceDb, rawDb]) for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${file}${suffix}`, { force: true });

// As at today, so that nothing generated lies in the future of the import.
const asAt = Temporal.Now.plainDateISO('Europe/London');
console.log(`generating ${children} children as at ${asAt.toString()}…`);
const [generated] = generateAuthorities({ authorities: 1, children, seed: 'bench-import', asAt });
if (!generated) throw new Error('the generator made no authority');
const counts = await writeCanonicalCsv(dataDir, generated.records);
const rows = counts.children + counts.placements + counts.events;
console.log(`wrote ${counts.children} children, ${counts.placements} placements, ${counts.events} events (${rows} rows)`);

const env = { DATABASE_URL: `sqlite:${paceDb}` };
const added = await runPace(['authority', 'add', 'DEMO01', '--name', 'Benchmark Council (synthetic)'], env);
if (added.code !== 0) throw new Error(`pace authority add failed: ${added.stderr}`);
console.log('pace import…');
const imported = await runPace(['import', dataDir, '--authority', 'DEMO01', '--json'], env);
if (imported.code !== 0) throw new Error(`pace import failed (${imported.code}): ${imported.stderr}${imported.stdout.slice(0, 2000)}`);
const report = JSON.parse(imported.stdout) as { warnings: number; saved: Record<string, { added: number }> };
console.log('pace import again (every row unchanged)…');
const again = await runPace(['import', dataDir, '--authority', 'DEMO01', '--json'], env);
if (again.code !== 0) throw new Error(`pace import (again) failed: ${again.stderr}`);

let reference: number | null = null;
if (existsSync(sqlite3)) {
  const script = join(workDir, 'import-raw.sql');
  writeFileSync(
    script,
    [
      'create table children (child_id text, first_name text, last_name text, date_of_birth text, sex text, sibling_group text, worker text, team text);',
      'create table placements (child_id text, placement_id text, start_date text, end_date text, placement_type text, legal_basis text, carer_ref text);',
      'create table events (child_id text, event_id text, event_type text, date text, route text, note text);',
      '.mode csv',
      ...['children', 'placements', 'events'].map((table) => `.import --skip 1 ${join(dataDir, `${table}.csv`)} ${table}`),
      '',
    ].join('\n'),
  );
  console.log('sqlite3 .import…');
  const raw = await runCommand(sqlite3, [rawDb, `.read ${script}`]);
  if (raw.code !== 0) throw new Error(`sqlite3 .import failed: ${raw.stderr}`);
  reference = raw.seconds;
} else {
  console.warn(`NOTICE: ${sqlite3} is missing, so there is no reference and no ratio (apt-get install sqlite3).`);
}

const ratio = reference === null ? null : imported.seconds / reference;
const results = {
  children: counts.children,
  placements: counts.placements,
  events: counts.events,
  rows,
  warnings_reported: report.warnings,
  pace_import_seconds: round(imported.seconds, 2),
  pace_rows_per_second: Math.round(rows / imported.seconds),
  pace_peak_rss_mb: imported.maxRssMb === null ? null : round(imported.maxRssMb, 0),
  pace_reimport_unchanged_seconds: round(again.seconds, 2),
  pace_reimport_peak_rss_mb: again.maxRssMb === null ? null : round(again.maxRssMb, 0),
  sqlite3_import_seconds: reference === null ? null : round(reference, 2),
  sqlite3_rows_per_second: reference === null ? null : Math.round(rows / reference),
  ratio_pace_to_sqlite3: ratio === null ? null : round(ratio, 2),
  target_ratio: targetRatio,
  target_peak_rss_mb: targetRssMb,
  ratio_target_met: ratio === null ? null : ratio <= targetRatio,
  rss_target_met: imported.maxRssMb === null ? null : imported.maxRssMb <= targetRssMb,
};
const met = (value: boolean | null) => (value === null ? '(not measured)' : value ? '(met)' : '(MISSED)');
writeResults(
  'import',
  results,
  [
    `${counts.children} synthetic children, ${counts.placements} placements and ${counts.events} events (${rows} rows) as canonical CSV, imported into a fresh SQLite database; whole processes timed.`,
    '',
    '| measure | value |',
    '| --- | --- |',
    `| pace import (one transaction, every rule checked) | ${results.pace_import_seconds} s, ${results.pace_rows_per_second} rows/s |`,
    `| pace peak RSS | ${results.pace_peak_rss_mb} MB — target ≤ ${targetRssMb} MB ${met(results.rss_target_met)} |`,
    `| reference: sqlite3 \`.import\` into bare tables | ${results.sqlite3_import_seconds ?? 'not measured'} s, ${results.sqlite3_rows_per_second ?? '—'} rows/s |`,
    `| ratio pace ÷ sqlite3 | ${results.ratio_pace_to_sqlite3 ?? '—'} — target ≤ ${targetRatio} ${met(results.ratio_target_met)} |`,
    `| pace import of the same files again (all unchanged) | ${results.pace_reimport_unchanged_seconds} s, peak RSS ${results.pace_reimport_peak_rss_mb} MB |`,
  ].join('\n'),
);
