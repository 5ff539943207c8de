// `npm run bench:journeys` (issue 2): `pace demo --authorities 32 --children 10000` into a fresh
// SQLite database, then `pace journeys` for one of those authorities, several times. The reference
// in the same run is the sqlite3 command-line tool reading that authority's rows raw.
// Target: pace journeys ≤ 2 s.
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { round, runCommand, runPace, workDir, writeResults } from './lib.js';

const authorities = Number(process.env.BENCH_AUTHORITIES ?? 32);
const children = Number(process.env.BENCH_CHILDREN ?? 10_000);
mkdirSync(workDir, { recursive: true });
const file = join(workDir, 'journeys.sqlite');
for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
const env = { DATABASE_URL: `sqlite:${file}` };

const demo = await runPace(['demo', '--authorities', String(authorities), '--children', String(children), '--seed', 'bench', '--as-at', '2026-11-01'], env);
if (demo.code !== 0) throw new Error(`pace demo failed: ${demo.stderr}`);
const bytes = ['', '-wal'].reduce((sum, suffix) => sum + (existsSync(`${file}${suffix}`) ? statSync(`${file}${suffix}`).size : 0), 0);

const runs: { seconds: number; maxRssMb: number | null; journeys: number }[] = [];
for (let i = 0; i < 3; i++) {
  const run = await runPace(['journeys', '--authority', 'DEMO01', '--as-at', '2026-11-01', '--json'], env);
  if (run.code !== 0) throw new Error(`pace journeys failed: ${run.stderr}`);
  runs.push({ seconds: run.seconds, maxRssMb: run.maxRssMb, journeys: (JSON.parse(run.stdout) as { journeys: unknown[] }).journeys.length });
}
const journeys = [...runs].sort((a, b) => a.seconds - b.seconds)[1] as (typeof runs)[number];

const sqlite3 = '/usr/bin/sqlite3';
let reference: number | null = null;
if (existsSync(sqlite3)) {
  const query = ['children', 'placements', 'events'].map((t) => `select * from ${t} where authority_id = (select id from authorities where code = 'DEMO01');`).join('\n');
  const raw = await runCommand(sqlite3, [file], {}, query);
  reference = raw.seconds;
} else {
  console.warn('sqlite3 is not installed (apt-get install sqlite3): no reference measured');
}

const results = {
  authorities,
  children_per_authority: children,
  demo_seconds: round(demo.seconds, 1),
  demo_peak_rss_mb: demo.maxRssMb === null ? null : round(demo.maxRssMb, 0),
  database_mb: round(bytes / 2 ** 20, 1),
  journeys_seconds: round(journeys.seconds, 3),
  journeys_runs_seconds: runs.map((r) => round(r.seconds, 3)),
  journeys_listed: journeys.journeys,
  journeys_peak_rss_mb: journeys.maxRssMb === null ? null : round(journeys.maxRssMb, 0),
  reference_sqlite3_read_seconds: reference === null ? null : round(reference, 3),
  target_journeys_seconds: 2,
  target_met: journeys.seconds <= 2,
};
writeResults(
  'journeys',
  results,
  [
    '| measure | value |',
    '| --- | --- |',
    `| pace demo --authorities ${authorities} --children ${children} | ${results.demo_seconds} s, peak RSS ${results.demo_peak_rss_mb} MB |`,
    `| database size (SQLite, with WAL) | ${results.database_mb} MB |`,
    `| pace journeys --authority DEMO01 (median of 3, whole process) | ${results.journeys_seconds} s for ${results.journeys_listed} journeys, peak RSS ${results.journeys_peak_rss_mb} MB — target ≤ 2 s ${results.target_met ? '(met)' : '(MISSED)'} |`,
    `| reference: sqlite3 reading DEMO01's rows raw | ${results.reference_sqlite3_read_seconds ?? 'not measured'} s |`,
  ].join('\n'),
);
