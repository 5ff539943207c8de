// The example meeting pack in docs/examples/: the synthetic demo authority loaded by `pace demo`
// into a throwaway database, its improvement work from src/demo/improvement.ts, then `pace pack`
// for the last of its meetings. Run: npx tsx bench/examples/meeting-pack.ts
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';
import { makeDate } from '../../src/domain/date.js';
import { loadDemoImprovement } from '../../src/demo/improvement.js';
import { closeStore, findAuthority, openStore } from '../../src/store/index.js';

// A fixed date and the demo's own seed, so the pack is the same on every run.
const asAt = makeDate(2024, 3, 27);
const dir = mkdtempSync(join(tmpdir(), 'pace-pack-example-'));
const env = { ...process.env, DATABASE_URL: `sqlite:${join(dir, 'pace.sqlite')}` };
const out = join(import.meta.dirname, '..', '..', 'docs', 'examples', 'meeting-pack.pdf');
const io = { out: process.stdout, err: process.stderr, env, stdin: process.stdin };
try {
  if ((await main(['node', 'pace', 'demo', '--as-at', asAt.toString()], io)) !== 0) throw new Error('pace demo failed');
  const connection = await openStore(env.DATABASE_URL);
  try {
    const demo = await findAuthority(connection, 'DEMO01');
    if (!demo) throw new Error('the demo authority is missing');
    await loadDemoImprovement(connection, demo.scope, asAt);
  } finally {
    await closeStore(connection);
  }
  if ((await main(['node', 'pace', 'pack', '--authority', 'DEMO01', '--date', asAt.toString(), '--out', out], io)) !== 0) throw new Error('pace pack failed');
  console.log(`docs/examples/meeting-pack.pdf: ${(statSync(out).size / 1024 / 1024).toFixed(2)} MB`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
