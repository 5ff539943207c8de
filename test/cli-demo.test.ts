import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedDemoIfEmpty } from '../src/demo/seed.js';
import { findAuthority, listAims, loadChildRecords } from '../src/store/index.js';
import { d } from './builders.js';
import { pace } from './cli-harness.js';
import { engines } from './engines.js';

describe.each(engines)('synthetic demo data on $name', (engine) => {
  let opened: Awaited<ReturnType<typeof engine.open>>;
  let env: NodeJS.ProcessEnv;

  beforeEach(async () => {
    opened = await engine.open();
    env = { DATABASE_URL: opened.url };
  });

  afterEach(async () => {
    await opened.dispose();
  });

  it('loads generated authorities with their national aims, and loading again changes nothing', async () => {
    const args = ['demo', '--authorities', '2', '--children', '60', '--seed', 's', '--as-at', '2026-11-01'];
    const first = await pace(args, env);
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/^DEMO01 Demoshire Council \(synthetic demo\): 60 children added, 0 unchanged;/);
    const again = await pace(args, env);
    expect(again.out).toMatch(/^DEMO01 Demoshire Council \(synthetic demo\): 0 children added, 60 unchanged; 0 placements and events added/);
    const demo2 = await findAuthority(opened.connection, 'DEMO02');
    expect((await loadChildRecords(opened.connection, demo2!.scope)).length).toBe(60);
    expect((await listAims(opened.connection, demo2!.scope)).map((a) => a.id)).toEqual(['aim-1', 'aim-2', 'aim-3', 'aim-4']);
  });

  it('seeds one demo authority into an empty database only', async () => {
    expect(await seedDemoIfEmpty(opened.connection, { asAt: d('2026-11-01'), children: 40 })).toEqual({ seeded: true, code: 'DEMO01', name: 'Demoshire Council (synthetic demo)' });
    expect(await seedDemoIfEmpty(opened.connection, { asAt: d('2026-11-01'), children: 40 })).toEqual({ seeded: false, code: 'DEMO01', name: 'Demoshire Council (synthetic demo)' });
  });
});

describe('pace demo --out', () => {
  it('writes canonical CSV files, a folder per authority', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pace-demo-'));
    const run = await pace(['demo', '--authorities', '2', '--children', '25', '--as-at', '2026-11-01', '--out', dir], { DATABASE_URL: 'sqlite::memory:' });
    expect(run.out.split('\n')[0]).toMatch(/^DEMO01: wrote 25 children, \d+ placements and \d+ events to .*DEMO01$/);
    expect(readFileSync(join(dir, 'DEMO02', 'children.csv'), 'utf8').split('\r\n')).toHaveLength(27);
    rmSync(dir, { recursive: true, force: true });
  });
});
