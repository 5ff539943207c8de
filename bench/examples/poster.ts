// The example poster in docs/examples/: the synthetic demo authority loaded by `pace demo` into a
// throwaway database, its improvement work and its team's words from src/demo/improvement.ts, then
// `pace poster` as at the demo's date. It also times the making, as the closing note of issue 20
// reports it: the median and fastest of five runs of each of
// - cold: a new figures cache, so the figures are worked out from the records (as the first request
//   after a change of the data), then the poster and its A3 PDF;
// - warm: the figures already cached (the dashboard has drawn them), then the poster and its PDF;
// - the PDF alone, from the poster's data (what a render thread does).
// Run: npx tsx bench/examples/poster.ts
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FiguresCache } from '../../src/app/figures-cache.js';
import { posterFor } from '../../src/app/poster.js';
import { posterPdf } from '../../src/charts/poster-pdf.js';
import { main } from '../../src/cli/main.js';
import { makeDate } from '../../src/domain/date.js';
import { loadDemoImprovement } from '../../src/demo/improvement.js';
import { closeStore, findAuthority, openStore } from '../../src/store/index.js';

// A fixed date and the demo's own seed, so the poster is the same on every run.
const asAt = makeDate(2024, 3, 27);
const dir = mkdtempSync(join(tmpdir(), 'pace-poster-example-'));
const env = { ...process.env, DATABASE_URL: `sqlite:${join(dir, 'pace.sqlite')}` };
const out = join(import.meta.dirname, '..', '..', 'docs', 'examples', 'poster-demo-a3.pdf');
const io = { out: process.stdout, err: process.stderr, env, stdin: process.stdin };

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

try {
  if ((await main(['node', 'pace', 'demo', '--as-at', asAt.toString()], io)) !== 0) throw new Error('pace demo failed');
  const connection = await openStore(env.DATABASE_URL);
  try {
    const demo = await findAuthority(connection, 'DEMO01');
    if (!demo) throw new Error('the demo authority is missing');
    await loadDemoImprovement(connection, demo.scope, asAt);
    const runs = { cold: [] as number[], warm: [] as number[], pdf: [] as number[] };
    const warmCache = new FiguresCache(connection);
    await warmCache.figures(demo, asAt);
    for (let i = 0; i < 5; i++) {
      let started = performance.now();
      await posterPdf(await posterFor(connection, new FiguresCache(connection), demo, asAt, asAt));
      runs.cold.push(performance.now() - started);
      // A new cache entry for the poster each time (its key holds today's date), the figures cached.
      started = performance.now();
      const poster = await posterFor(connection, warmCache, demo, asAt, makeDate(2024, 3, 27 - i));
      await posterPdf(poster);
      runs.warm.push(performance.now() - started);
      started = performance.now();
      await posterPdf(poster);
      runs.pdf.push(performance.now() - started);
    }
    for (const [name, times] of Object.entries(runs)) console.log(`${name}: median ${seconds(median(times))}, fastest ${seconds(Math.min(...times))} (${times.map((t) => seconds(t)).join(', ')})`);
  } finally {
    await closeStore(connection);
  }
  const started = performance.now();
  if ((await main(['node', 'pace', 'poster', '--authority', 'DEMO01', '--as-at', asAt.toString(), '--out', out], io)) !== 0) throw new Error('pace poster failed');
  console.log(`pace poster (in this process, figures from the records): ${seconds(performance.now() - started)}`);
  console.log(`docs/examples/poster-demo-a3.pdf: ${(statSync(out).size / 1024).toFixed(0)} KB`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
