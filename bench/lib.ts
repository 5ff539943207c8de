// Shared by the benchmarks: run a command or a function, time it, read its peak memory, and write
// results to bench/results/ as JSON and a short Markdown table.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const resultsDir = join(root, 'bench', 'results');
export const workDir = join(root, 'bench', 'work');

/** The PostgreSQL server the benchmarks make their scratch databases on. */
export const benchPostgresUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres:postgres@127.0.0.1:5432/postgres';

/** One statement on the benchmarks' PostgreSQL server, outside any database of pace's (making and dropping scratch databases). */
export async function postgresAdmin(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: benchPostgresUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

export interface CommandRun {
  readonly seconds: number;
  /** Processor time of the command's process, all its threads, user and system (null where /proc cannot tell). */
  readonly cpuSeconds: number | null;
  readonly maxRssMb: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly code: number;
}

/** Runs `pace` (the compiled CLI) as its own process, timing it and reading its peak RSS. */
export function runPace(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<CommandRun> {
  return runCommand(process.execPath, ['--import', join(root, 'bench', 'rss-reporter.mjs'), join(root, 'bin', 'pace.js'), ...args], env);
}

export function runCommand(command: string, args: readonly string[], env: NodeJS.ProcessEnv = {}, input?: string): Promise<CommandRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const cpuBefore = reapedCpuSeconds('self');
    const child = spawn(command, [...args], { env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = (performance.now() - started) / 1000;
      const cpuAfter = reapedCpuSeconds('self');
      const cpuSeconds = cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore;
      const rss = /PACE_BENCH_MAX_RSS_KB=(\d+)/.exec(stderr);
      resolve({ seconds, cpuSeconds, maxRssMb: rss ? Number(rss[1]) / 1024 : null, stdout, stderr: stderr.replace(/\n?PACE_BENCH_MAX_RSS_KB=\d+\n/, ''), code: code ?? -1 });
    });
    if (input !== undefined) child.stdin.end(input);
    else child.stdin.end();
  });
}

/** Clock ticks a second, in which /proc counts processor time (`getconf CLK_TCK`: 100 on Linux). */
const ticksPerSecond = 100;

/**
 * The processor time, user and system, of the children `pid` has waited for (`self`: this
 * process), from /proc: a command's run is the difference before and after it, as the command is
 * this process's child and is waited for when it ends. Null where there is no /proc or no such process.
 */
export function reapedCpuSeconds(pid: number | 'self'): number | null {
  const file = `/proc/${pid}/stat`;
  if (!existsSync(file)) return null;
  const stat = readFileSync(file, 'utf8');
  // The fields after the command's name (which may hold spaces, in brackets): state is field 3, cutime 16, cstime 17.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[13]) + Number(fields[14])) / ticksPerSecond;
}

export function machine(): Record<string, string | number> {
  return { node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', memory_gb: Math.round(totalmem() / 2 ** 30) };
}

/** Writes `bench/results/NAME.json` and `NAME.md`. */
export function writeResults(name: string, results: Record<string, unknown>, markdown: string): void {
  mkdirSync(resultsDir, { recursive: true });
  const stamped = { benchmark: name, measured_at: new Date().toISOString(), machine: machine(), ...results };
  writeFileSync(join(resultsDir, `${name}.json`), `${JSON.stringify(stamped, null, 2)}\n`);
  writeFileSync(join(resultsDir, `${name}.md`), `# Benchmark: ${name}\n\nMeasured ${stamped.measured_at} on ${machine().cpus} cores, Node ${process.version}.\n\n${markdown}\n`);
  console.log(markdown);
}

export function round(value: number, places = 2): number {
  const factor = 10 ** places;
  return Math.round(value * factor) / factor;
}
