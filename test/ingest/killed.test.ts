// A process killed in the middle of an import leaves the database exactly as it was: the compiled
// `pace` is started as a child process, killed with SIGKILL while it writes, and everything stored
// is compared with before.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { generateAuthority } from '../../src/demo/generate.js';
import { writeCanonicalCsv } from '../../src/demo/write-csv.js';
import { d } from '../builders.js';
import { pace } from '../cli-harness.js';
import { engines } from '../engines.js';
import { addTestAuthority, snapshotAll } from './fixtures.js';

const root = join(import.meta.dirname, '..', '..');
let bigDir = '';
let smallDir = '';

beforeAll(async () => {
  // The child process runs the built command (bin/pace.js), brought up to date before the tests (test/global-build.ts).
  const generated = generateAuthority({ code: 'NORTH', name: 'North', children: 12_000, seed: 'killed', asAt: d('2026-01-01'), firstYear: 2017 });
  bigDir = mkdtempSync(join(tmpdir(), 'pace-killed-big-'));
  smallDir = mkdtempSync(join(tmpdir(), 'pace-killed-small-'));
  await writeCanonicalCsv(bigDir, generated.records);
  // The first 100 children as they were before, with another worker: a committed import would change them.
  await writeCanonicalCsv(smallDir, generated.records.slice(0, 100).map((r) => ({ ...r, child: { ...r.child, worker: 'Earlier Worker' } })));
}, 120_000);

describe.each(engines)('an import killed mid-way on $name', (engine) => {
  let opened: Awaited<ReturnType<typeof engine.open>>;

  beforeEach(async () => {
    opened = await engine.open();
    await addTestAuthority(opened.connection);
  });

  afterEach(async () => {
    await opened.dispose();
  });

  /** Starts the big import and kills it as soon as stderr shows `phase`; resolves when it has died. */
  async function killedAt(phase: string, env: NodeJS.ProcessEnv, delay: number): Promise<{ signal: NodeJS.Signals | null; stdout: string }> {
    const child = spawn(process.execPath, [join(root, 'bin', 'pace.js'), 'import', bigDir, '--authority', 'NORTH', '--progress'], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    child.stderr.on('data', (chunk: Buffer) => {
      const seen = stderr.includes(phase);
      stderr += chunk.toString();
      if (!seen && stderr.includes(phase)) setTimeout(() => child.kill('SIGKILL'), delay);
    });
    return { signal: await exited, stdout };
  }

  it('leaves the database exactly as it was', async () => {
    const env = { DATABASE_URL: opened.url };
    expect((await pace(['import', smallDir, '--authority', 'NORTH'], env)).code).toBe(0);
    const before = await snapshotAll(opened.connection);
    // Killed a moment after writing starts: inside the import's transaction.
    const killed = await killedAt('pace: writing', env, 300);
    expect(killed).toEqual({ signal: 'SIGKILL', stdout: '' });
    expect(await snapshotAll(opened.connection)).toBe(before);
  }, 60_000);

  it('leaves the database exactly as it was when killed in a first import, written while it is read', async () => {
    const env = { DATABASE_URL: opened.url };
    const before = await snapshotAll(opened.connection);
    // On SQLite the records have been sent to the writer thread, and most written, by the time checking starts.
    const killed = await killedAt('pace: checking', env, 50);
    expect(killed).toEqual({ signal: 'SIGKILL', stdout: '' });
    expect(await snapshotAll(opened.connection)).toBe(before);
    // And the authority can still be imported, all of it.
    expect((await pace(['import', bigDir, '--authority', 'NORTH'], env)).code).toBe(0);
    expect(await snapshotAll(opened.connection)).not.toBe(before);
  }, 60_000);
});
