// `npm run bench:import` (issues 3 and 18): 100,000 synthetic children with their placements and
// events, written as canonical CSV by the demo generator, imported by `pace import` into a fresh
// database, then imported again (every row unchanged), on SQLite and on PostgreSQL. In the same
// run, the reference for each engine is its own tool's raw load of the same three files into bare
// tables: sqlite3's `.import`, and psql's `\copy`. Each is measured `BENCH_RUNS` times (3) and the
// fastest kept: the machine may be busy with other work, which only ever slows a run down, so the
// fastest run is the one least disturbed. Peak RSS is the largest of the runs.
// Targets, on each engine: pace's time ≤ 2.5 × the reference; peak RSS ≤ 512 MB for the first
// import and the re-import alike; the re-import no slower than the first import.
//
// A second measure, for information, says how much of pace's time is the engine's own work: each
// engine's tool loading the rows pace stored (dumped from pace's database after its import) into an
// empty copy of pace's own tables, with their keys, indexes and triggers, in one transaction — what
// any writer of those rows must pay, the bare reference's load plus the tables' upkeep.
//
// PostgreSQL is at BENCH_DATABASE_URL (default postgres://postgres:postgres@127.0.0.1:5432/postgres),
// where the benchmark makes a scratch database, pace_bench_import, and drops it at the end.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { generateAuthorities } from '../src/demo/generate.js';
import { writeCanonicalCsv } from '../src/demo/write-csv.js';
import { Temporal } from '../src/domain/date.js';
import { benchPostgresUrl, postgresAdmin, reapedCpuSeconds, round, runCommand, runPace, workDir, writeResults, type CommandRun } from './lib.js';

const children = Number(process.env.BENCH_CHILDREN ?? 100_000);
const runs = Number(process.env.BENCH_RUNS ?? 3);
const serverUrl = benchPostgresUrl;
const scratchDatabase = 'pace_bench_import';
const floorDatabase = 'pace_bench_import_tables';
const sqlite3 = '/usr/bin/sqlite3';
const psql = '/usr/bin/psql';
const targetRatio = 2.5;
const targetRssMb = 512;
const tables = ['children', 'placements', 'events'] as const;

mkdirSync(workDir, { recursive: true });
const dataDir = join(workDir, 'import-data');

// As at today, so that nothing generated lies in the future of the import.
const asAt = Temporal.Now.plainDateISO('Europe/London');
console.log(`generating ${children} children as at ${asAt.toString()}…`);
const [generated] = generateAuthorities({ authorities: 1, children, seed: 'bench-import', asAt });
if (!generated) throw new Error('the generator made no authority');
const counts = await writeCanonicalCsv(dataDir, generated.records);
const rows = counts.children + counts.placements + counts.events;
console.log(`wrote ${counts.children} children, ${counts.placements} placements, ${counts.events} events (${rows} rows)`);
const fileOf = (table: string) => join(dataDir, `${table}.csv`);

/** One engine: how to start afresh, the DATABASE_URL pace is given, and its reference load (null when its tool is missing). */
interface Engine {
  readonly name: 'sqlite' | 'postgres';
  readonly reference: string;
  fresh(): Promise<void>;
  readonly paceUrl: string;
  loadRaw: (() => Promise<CommandRun>) | null;
  /** Writes the rows pace stored to files, in the form the engine's tool loads. */
  dumpStored(): Promise<void>;
  /** The tool's load of the rows dumped into an empty copy of pace's tables (made first, not timed). */
  loadIntoPaceTables: (() => Promise<CommandRun>) | null;
  /**
   * The processor time, so far, of the database server's processes that have ended (PostgreSQL's
   * backends, one a connection, counted by the server's main process once each ends): null for
   * SQLite, which works inside the command's own process, or for a server not on this machine.
   */
  serverCpuSeconds(): Promise<number | null>;
  dispose(): Promise<void>;
}

/** An empty database of pace's own tables at `url`, holding the benchmark's authority as pace's does. */
async function paceTables(url: string): Promise<void> {
  const added = await runPace(['authority', 'add', 'DEMO01', '--name', 'Benchmark Council (synthetic)'], { DATABASE_URL: url });
  if (added.code !== 0) throw new Error(`pace authority add failed at ${url}: ${added.stderr}`);
}

/** The query that counts the records of each table, as `children,placements,events`. */
const countQuery = `select ${tables.map((table) => `(select count(*) from ${table})`).join(` || ',' || `)}`;

/** Fails unless `counted` (a tool's output of countQuery) holds every row the files hold. */
function holdsEveryRow(counted: CommandRun, where: string): void {
  const expected = tables.map((table) => counts[table]).join(',');
  if (counted.stdout.trim() !== expected) throw new Error(`${where} holds ${counted.stdout.trim()} rows, not ${expected}: ${counted.stderr}`);
}

/** Fails loudly when a tool's run did. */
function succeeded(run: CommandRun, what: string): CommandRun {
  if (run.code !== 0 || run.stderr.trim() !== '') throw new Error(`${what} failed (${run.code}): ${run.stderr}`);
  return run;
}

function sqliteEngine(): Engine {
  const paceDb = join(workDir, 'import.sqlite');
  const rawDb = join(workDir, 'import-raw.sqlite');
  const tablesDb = join(workDir, 'import-tables.sqlite');
  const script = join(workDir, 'import-raw.sql');
  const dumpScript = join(workDir, 'import-dump.sql');
  const tablesScript = join(workDir, 'import-tables.sql');
  const dumped = (table: string) => join(workDir, `stored-${table}.csv`);
  writeFileSync(dumpScript, ['.mode csv', ...tables.flatMap((table) => [`.output ${dumped(table)}`, `select * from ${table};`]), ''].join('\n'));
  // As pace's connection is set (sqlite-native.ts; the page size and the log's mode are the file's own,
  // set when pace made it); into tables that exist, `.import` takes every line as a row. An empty field
  // goes in as empty text where pace has NULL: the same rows, a few bytes apart.
  writeFileSync(
    tablesScript,
    ['pragma synchronous = normal;', 'pragma foreign_keys = on;', 'pragma cache_size = -65536;', '.mode csv', 'begin;', ...tables.map((table) => `.import ${dumped(table)} ${table}`), 'commit;', ''].join('\n'),
  );
  // Importing into a table that does not exist makes it, with a text column for each header name.
  writeFileSync(script, ['.mode csv', ...tables.map((table) => `.import ${fileOf(table)} ${table}`), ''].join('\n'));
  const removeDatabase = (file: string) => {
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${file}${suffix}`, { force: true });
  };
  const remove = () => [paceDb, rawDb, tablesDb].forEach(removeDatabase);
  return {
    name: 'sqlite',
    reference: 'sqlite3 `.import`',
    paceUrl: `sqlite:${paceDb}`,
    fresh: async () => remove(),
    loadRaw: existsSync(sqlite3) ? () => runCommand(sqlite3, [rawDb, `.read ${script}`]) : null,
    dumpStored: async () => {
      succeeded(await runCommand(sqlite3, [paceDb, `.read ${dumpScript}`]), 'sqlite3, writing the rows pace stored');
    },
    loadIntoPaceTables: existsSync(sqlite3)
      ? async () => {
          removeDatabase(tablesDb);
          await paceTables(`sqlite:${tablesDb}`);
          const run = succeeded(await runCommand(sqlite3, [tablesDb, `.read ${tablesScript}`]), 'sqlite3 `.import` into pace\'s tables');
          holdsEveryRow(await runCommand(sqlite3, [tablesDb, countQuery]), 'the copy of pace\'s tables (sqlite)');
          return run;
        }
      : null,
    serverCpuSeconds: async () => null,
    dispose: async () => {
      remove();
      for (const table of tables) rmSync(dumped(table), { force: true });
    },
  };
}

function postgresEngine(): Engine {
  const scratch = new URL(serverUrl);
  scratch.pathname = `/${scratchDatabase}`;
  const script = join(workDir, 'import-raw-psql.sql');
  const dumpScript = join(workDir, 'import-dump-psql.sql');
  const tablesScript = join(workDir, 'import-tables-psql.sql');
  const dumped = (table: string) => join(workDir, `stored-${table}.copy`);
  const tablesUrl = new URL(serverUrl);
  tablesUrl.pathname = `/${floorDatabase}`;
  // COPY's own text format, NULL as NULL: the rows exactly as pace stored them.
  writeFileSync(dumpScript, [...tables.map((table) => `\\copy ${table} to '${dumped(table)}'`), ''].join('\n'));
  writeFileSync(tablesScript, [...tables.map((table) => `\\copy ${table} from '${dumped(table)}'`), ''].join('\n'));
  const columnsOf = (table: string) => (readFileSync(fileOf(table), 'utf8').split(/\r?\n/, 1)[0] as string).split(',');
  // The reference's bare tables, one text column for each header name, in a schema of their own.
  writeFileSync(
    script,
    [
      'create schema bare;',
      ...tables.map((table) => `create table bare.${table} (${columnsOf(table).map((column) => `"${column}" text`).join(', ')});`),
      ...tables.map((table) => `\\copy bare.${table} from '${fileOf(table)}' with (format csv, header true)`),
      '',
    ].join('\n'),
  );
  const admin = postgresAdmin;
  // The server's main process, the parent of every backend, when the server runs on this machine.
  let postmaster: number | null | undefined;
  const serverCpuSeconds = async () => {
    if (postmaster === undefined) {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      const backend = ((await client.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0] as { pid: number }).pid;
      // Read while the backend lives: it ends with the connection.
      const status = existsSync(`/proc/${backend}/status`) ? readFileSync(`/proc/${backend}/status`, 'utf8') : '';
      await client.end();
      const parent = /^PPid:\s*(\d+)/m.exec(status);
      postmaster = parent ? Number(parent[1]) : null;
    }
    return postmaster === null ? null : reapedCpuSeconds(postmaster);
  };
  const drop = async () => {
    await admin(`drop database if exists ${scratchDatabase} with (force)`);
    await admin(`drop database if exists ${floorDatabase} with (force)`);
  };
  return {
    name: 'postgres',
    reference: 'psql `\\copy`',
    paceUrl: scratch.toString(),
    fresh: async () => {
      await drop();
      await admin(`create database ${scratchDatabase}`);
    },
    loadRaw: existsSync(psql) ? () => runCommand(psql, [scratch.toString(), '-q', '-v', 'ON_ERROR_STOP=1', '-f', script]) : null,
    dumpStored: async () => {
      succeeded(await runCommand(psql, [scratch.toString(), '-q', '-v', 'ON_ERROR_STOP=1', '-f', dumpScript]), 'psql, writing the rows pace stored');
    },
    loadIntoPaceTables: existsSync(psql)
      ? async () => {
          await admin(`drop database if exists ${floorDatabase} with (force)`);
          await admin(`create database ${floorDatabase}`);
          await paceTables(tablesUrl.toString());
          // One transaction (`-1`), as pace's import is.
          const run = succeeded(await runCommand(psql, [tablesUrl.toString(), '-q', '-1', '-v', 'ON_ERROR_STOP=1', '-f', tablesScript]), 'psql `\\copy` into pace\'s tables');
          holdsEveryRow(await runCommand(psql, [tablesUrl.toString(), '-At', '-c', countQuery]), 'the copy of pace\'s tables (postgres)');
          return run;
        }
      : null,
    serverCpuSeconds,
    dispose: async () => {
      await drop();
      for (const table of tables) rmSync(dumped(table), { force: true });
    },
  };
}

interface Round {
  readonly reference: number | null;
  /** The tool's load into pace's own tables. */
  readonly tables: number | null;
  readonly first: CommandRun;
  readonly again: CommandRun;
  /** Processor time of the reference's and of the first import's work: the command's own, and the server's (null on SQLite). */
  readonly referenceCpu: ProcessorTime;
  readonly firstCpu: ProcessorTime;
}

interface ProcessorTime {
  readonly command: number | null;
  readonly server: number | null;
}

/**
 * The server's processor time once it has stopped growing: a backend is counted when the server
 * has noticed that it ended, a moment after its client did.
 */
async function settledServerCpu(engine: Engine): Promise<number | null> {
  let last = await engine.serverCpuSeconds();
  for (let i = 0; last !== null && i < 30; i++) {
    await sleep(100);
    const now = await engine.serverCpuSeconds();
    if (now === last) break;
    last = now;
  }
  return last;
}

/** Runs `command`, with its processor time and the server's spent meanwhile. */
async function withProcessorTime(engine: Engine, command: () => Promise<CommandRun>): Promise<{ run: CommandRun; cpu: ProcessorTime }> {
  const before = await settledServerCpu(engine);
  const run = await command();
  const after = await settledServerCpu(engine);
  return { run, cpu: { command: run.cpuSeconds, server: before === null || after === null ? null : after - before } };
}

async function measure(engine: Engine): Promise<Round[]> {
  const measured: Round[] = [];
  const env = { DATABASE_URL: engine.paceUrl };
  for (let i = 1; i <= runs; i++) {
    await engine.fresh();
    const added = await runPace(['authority', 'add', 'DEMO01', '--name', 'Benchmark Council (synthetic)'], env);
    if (added.code !== 0) throw new Error(`pace authority add failed on ${engine.name}: ${added.stderr}`);
    console.log(`${engine.name}, run ${i} of ${runs}: ${engine.reference}, pace import, pace import again…`);
    let reference: number | null = null;
    let referenceCpu: ProcessorTime = { command: null, server: null };
    if (engine.loadRaw !== null) {
      const { run: raw, cpu } = await withProcessorTime(engine, engine.loadRaw);
      if (raw.code !== 0) throw new Error(`${engine.reference} failed: ${raw.stderr}`);
      reference = raw.seconds;
      referenceCpu = cpu;
    }
    const { run: first, cpu: firstCpu } = await withProcessorTime(engine, () => runPace(['import', dataDir, '--authority', 'DEMO01', '--json'], env));
    if (first.code !== 0) throw new Error(`pace import failed on ${engine.name} (${first.code}): ${first.stderr}${first.stdout.slice(0, 2000)}`);
    const again = await runPace(['import', dataDir, '--authority', 'DEMO01', '--json'], env);
    if (again.code !== 0) throw new Error(`pace import (again) failed on ${engine.name}: ${again.stderr}`);
    const unchanged = (JSON.parse(again.stdout) as { saved: Record<string, { unchanged: number }> }).saved;
    if (tables.some((table) => unchanged[table]?.unchanged !== counts[table])) throw new Error(`the re-import on ${engine.name} did not find every row unchanged: ${JSON.stringify(unchanged)}`);
    let intoTables: number | null = null;
    if (engine.loadIntoPaceTables !== null) {
      if (i === 1) await engine.dumpStored();
      intoTables = (await engine.loadIntoPaceTables()).seconds;
    }
    measured.push({ reference, tables: intoTables, first, again, referenceCpu, firstCpu });
  }
  await engine.dispose();
  return measured;
}

const cores = availableParallelism();
/** All of a piece of work's processor time, the command's and the server's; null when the command's is unknown. */
const totalOf = (cpu: ProcessorTime) => (cpu.command === null ? null : cpu.command + (cpu.server ?? 0));
/** Of several runs' processor times, the least in all (the runs least disturbed). */
function leastProcessorTime(times: readonly ProcessorTime[]): ProcessorTime | null {
  const known = times.filter((time) => totalOf(time) !== null);
  return known.length === 0 ? null : known.reduce((least, time) => ((totalOf(time) as number) < (totalOf(least) as number) ? time : least));
}
const roundedTime = (time: ProcessorTime | null) => (time === null ? null : { command_seconds: time.command === null ? null : round(time.command, 2), server_seconds: time.server === null ? null : round(time.server, 2) });

const largest = (values: readonly (number | null)[]) => (values.some((v) => v === null) ? null : Math.max(...(values as number[])));

function summarise(engine: Engine, measured: readonly Round[]) {
  const first = Math.min(...measured.map((r) => r.first.seconds));
  const again = Math.min(...measured.map((r) => r.again.seconds));
  const reference = measured.some((r) => r.reference === null) ? null : Math.min(...measured.map((r) => r.reference as number));
  const firstRss = largest(measured.map((r) => r.first.maxRssMb));
  const againRss = largest(measured.map((r) => r.again.maxRssMb));
  const ratio = reference === null ? null : first / reference;
  const intoTables = measured.some((r) => r.tables === null) ? null : Math.min(...measured.map((r) => r.tables as number));
  const referenceCpu = leastProcessorTime(measured.map((r) => r.referenceCpu));
  const paceCpu = leastProcessorTime(measured.map((r) => r.firstCpu));
  // However well the work overlapped, the machine's cores could not do it in less than this.
  const paceFloor = paceCpu === null ? null : (totalOf(paceCpu) as number) / cores;
  return {
    engine: engine.name,
    reference: engine.reference,
    pace_import_seconds: round(first, 2),
    pace_rows_per_second: Math.round(rows / first),
    pace_peak_rss_mb: firstRss === null ? null : round(firstRss, 0),
    pace_reimport_unchanged_seconds: round(again, 2),
    pace_reimport_peak_rss_mb: againRss === null ? null : round(againRss, 0),
    reference_seconds: reference === null ? null : round(reference, 2),
    reference_rows_per_second: reference === null ? null : Math.round(rows / reference),
    ratio_pace_to_reference: ratio === null ? null : round(ratio, 2),
    ratio_target_met: ratio === null ? null : ratio <= targetRatio,
    pace_tables_seconds: intoTables === null ? null : round(intoTables, 2),
    ratio_pace_tables_to_reference: intoTables === null || reference === null ? null : round(intoTables / reference, 2),
    ratio_pace_to_pace_tables: intoTables === null ? null : round(first / intoTables, 2),
    rss_target_met: firstRss === null || againRss === null ? null : Math.max(firstRss, againRss) <= targetRssMb,
    reimport_target_met: again <= first,
    reference_processor_seconds: roundedTime(referenceCpu),
    pace_processor_seconds: roundedTime(paceCpu),
    cores,
    pace_processor_floor_seconds: paceFloor === null ? null : round(paceFloor, 2),
    ratio_pace_processor_floor_to_reference: paceFloor === null || reference === null ? null : round(paceFloor / reference, 2),
    runs: measured.map((r) => ({
      reference_seconds: r.reference === null ? null : round(r.reference, 2),
      pace_tables_seconds: r.tables === null ? null : round(r.tables, 2),
      pace_import_seconds: round(r.first.seconds, 2),
      pace_peak_rss_mb: r.first.maxRssMb === null ? null : round(r.first.maxRssMb, 0),
      pace_reimport_seconds: round(r.again.seconds, 2),
      pace_reimport_peak_rss_mb: r.again.maxRssMb === null ? null : round(r.again.maxRssMb, 0),
      reference_processor_seconds: roundedTime(r.referenceCpu),
      pace_processor_seconds: roundedTime(r.firstCpu),
    })),
  };
}

const engines = [sqliteEngine(), postgresEngine()];
const results = [];
for (const engine of engines) {
  if (engine.loadRaw === null) console.warn(`NOTICE: ${engine.name === 'sqlite' ? sqlite3 : psql} is missing, so there is no reference and no ratio on ${engine.name}.`);
  results.push(summarise(engine, await measure(engine)));
}

/** A processor time as the table shows it: the command's, and the server's after a plus where there is a server. */
const processorText = (time: { command_seconds: number | null; server_seconds: number | null } | null, command: string) =>
  time === null || time.command_seconds === null ? 'not measured' : `${time.command_seconds} s ${command}${time.server_seconds === null ? '' : ` + ${time.server_seconds} s the server`}`;
const met = (value: boolean | null) => (value === null ? '(not measured)' : value ? '(met)' : '(MISSED)');
writeResults(
  'import',
  { children: counts.children, placements: counts.placements, events: counts.events, rows, runs, target_ratio: targetRatio, target_peak_rss_mb: targetRssMb, engines: results },
  [
    `${counts.children} synthetic children, ${counts.placements} placements and ${counts.events} events (${rows} rows) as canonical CSV, imported by \`pace import\` into a fresh database, then imported again (every row unchanged); whole processes timed, the fastest of ${runs} runs (peak RSS: the largest of them; every run is in import.json). The reference is each engine's own tool loading the same three files into bare tables, in the same run. For information, the same tool also loads the rows pace stored (dumped from pace's database) into an empty copy of pace's own tables: the engine's cost of the tables' keys, indexes and triggers, which any writer of these rows pays.`,
    '',
    `| measure | ${results.map((r) => r.engine).join(' | ')} |`,
    `| --- |${results.map(() => ' --- |').join('')}`,
    `| pace import (one transaction, every rule checked) | ${results.map((r) => `${r.pace_import_seconds} s, ${r.pace_rows_per_second} rows/s`).join(' | ')} |`,
    `| reference: bare tables | ${results.map((r) => (r.reference_seconds === null ? 'not measured' : `${r.reference} ${r.reference_seconds} s, ${r.reference_rows_per_second} rows/s`)).join(' | ')} |`,
    `| ratio pace ÷ reference (target ≤ ${targetRatio}) | ${results.map((r) => `${r.ratio_pace_to_reference ?? '—'} ${met(r.ratio_target_met)}`).join(' | ')} |`,
    `| pace import again, all unchanged (target ≤ the first import) | ${results.map((r) => `${r.pace_reimport_unchanged_seconds} s ${met(r.reimport_target_met)}`).join(' | ')} |`,
    `| for information: the same tool loading the rows pace stored into an empty copy of pace's tables (keys, indexes, triggers), one transaction | ${results.map((r) => (r.pace_tables_seconds === null ? 'not measured' : `${r.pace_tables_seconds} s, ${r.ratio_pace_tables_to_reference} × the reference`)).join(' | ')} |`,
    `| for information: pace import ÷ that load | ${results.map((r) => r.ratio_pace_to_pace_tables?.toFixed(2) ?? '—').join(' | ')} |`,
    `| for information: processor time of the reference's load (its tool; the database server's processes) | ${results.map((r) => processorText(r.reference_processor_seconds, r.engine === 'sqlite' ? 'sqlite3' : 'psql')).join(' | ')} |`,
    `| for information: processor time of pace's import (pace's process, all its threads; the database server's processes) | ${results.map((r) => processorText(r.pace_processor_seconds, 'pace')).join(' | ')} |`,
    `| for information: the least time ${cores} cores could do pace's import in (its processor time ÷ ${cores}), ÷ the reference | ${results.map((r) => (r.pace_processor_floor_seconds === null ? 'not measured' : `${r.pace_processor_floor_seconds} s, ${r.ratio_pace_processor_floor_to_reference} ×`)).join(' | ')} |`,
    `| peak RSS, first import / again (target ≤ ${targetRssMb} MB) | ${results.map((r) => `${r.pace_peak_rss_mb} / ${r.pace_reimport_peak_rss_mb} MB ${met(r.rss_target_met)}`).join(' | ')} |`,
  ].join('\n'),
);
