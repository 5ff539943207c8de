// `npm run bench:start` (issue 18, point 6): how long `npm start` takes to serve its first page —
// the first start, which loads the synthetic demo into an empty SQLite database, and a start on that
// database once it exists — after `npm ci` has built dist/ (so `npm start`'s build finds nothing to
// do). The reference, in the same run: a bare Node HTTP server started the same way, the floor for
// any start. Targets: first page of a start on an existing database under 5 s; of the first start
// with the demo under 15 s.
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { root, round, runCommand, workDir, writeResults } from './lib.js';

const port = Number(process.env.BENCH_PORT ?? 3191);
mkdirSync(workDir, { recursive: true });
const file = join(workDir, 'start.sqlite');
for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });

// dist/ as `npm ci` leaves it (its prepare script builds).
const build = await runCommand('npm', ['run', 'build'], {});
if (build.code !== 0) throw new Error(`npm run build failed: ${build.stderr}`);

/** Starts `command`, asks for `path` every 50 ms until it answers 200, and stops it: seconds to that answer. */
async function firstPage(command: string, args: readonly string[], env: NodeJS.ProcessEnv, path: string): Promise<number> {
  const started = performance.now();
  const child = spawn(command, [...args], { cwd: root, env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'error' }, stdio: 'ignore', detached: true });
  try {
    for (;;) {
      const answer = await fetch(`http://127.0.0.1:${port}${path}`).catch(() => null);
      if (answer?.status === 200) return (performance.now() - started) / 1000;
      if (child.exitCode !== null) throw new Error(`${command} ${args.join(' ')} stopped (exit ${child.exitCode})`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    // npm start runs node as its child: stop the whole group.
    process.kill(-(child.pid as number), 'SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

const bare = `require('node:http').createServer((_, res) => res.end('ok')).listen(${port}, '127.0.0.1')`;
const env = { DATABASE_URL: `sqlite:${file}` };
const reference = await firstPage(process.execPath, ['-e', bare], {}, '/');
const firstStart = await firstPage('npm', ['start'], env, '/sign-in');
const againStart = await firstPage('npm', ['start'], env, '/sign-in');
const target = { existing_database_s: 5, first_start_with_demo_s: 15 };
const met = againStart <= target.existing_database_s && firstStart <= target.first_start_with_demo_s;
writeResults(
  'start',
  { reference_bare_node_s: round(reference, 2), first_start_with_demo_s: round(firstStart, 2), start_on_existing_database_s: round(againStart, 2), target, target_met: met },
  [
    '`npm start` after `npm ci` (dist/ already built), SQLite, seconds until the sign-in page answers:',
    '',
    '| start | seconds |',
    '| --- | --- |',
    `| reference: a bare Node HTTP server | ${round(reference, 2)} |`,
    `| the first start: loads the synthetic demo (2,000 children) into an empty database | ${round(firstStart, 2)} |`,
    `| a start on that database | ${round(againStart, 2)} |`,
    '',
    `Targets: a start on an existing database under ${target.existing_database_s} s — ${againStart <= target.existing_database_s ? 'met' : 'MISSED'}; the first start with the demo under ${target.first_start_with_demo_s} s — ${firstStart <= target.first_start_with_demo_s ? 'met' : 'MISSED'}.`,
  ].join('\n'),
);
