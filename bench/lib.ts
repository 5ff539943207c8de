// Shared by the benchmarks: run a command or a function, time it, read its peak memory, and write
// results to bench/results/ as JSON and a short Markdown table.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const resultsDir = join(root, 'bench', 'results');
export const workDir = join(root, 'bench', 'work');

export interface CommandRun {
  readonly seconds: number;
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
    const child = spawn(command, [...args], { env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = (performance.now() - started) / 1000;
      const rss = /PACE_BENCH_MAX_RSS_KB=(\d+)/.exec(stderr);
      resolve({ seconds, maxRssMb: rss ? Number(rss[1]) / 1024 : null, stdout, stderr: stderr.replace(/\n?PACE_BENCH_MAX_RSS_KB=\d+\n/, ''), code: code ?? -1 });
    });
    if (input !== undefined) child.stdin.end(input);
    else child.stdin.end();
  });
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
