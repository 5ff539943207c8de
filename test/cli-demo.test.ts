import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
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

  /** How many records and earlier versions each authority holds. */
  const recordStamp = async () => (await sql<{ authority_id: number; n: number }>`select authority_id, count(*) as n from record_history group by authority_id order by authority_id`.execute(opened.connection.db)).rows.map((r) => [Number(r.authority_id), Number(r.n)]);

  it('loads generated authorities with their national aims, each new, with its counts and its stored programme start', async () => {
    const first = await pace(['demo', '--authorities', '2', '--children', '60', '--seed', 's', '--as-at', '2026-11-01'], env);
    expect(first.code).toBe(0);
    const demo1 = await findAuthority(opened.connection, 'DEMO01');
    const demo2 = await findAuthority(opened.connection, 'DEMO02');
    const lines = first.out.split('\n');
    expect(lines[0]).toMatch(new RegExp(`^DEMO01 Demoshire Council \\(synthetic demo\\): children 60 added, 0 changed, 0 unchanged; placements \\d+ added, 0 changed, 0 unchanged; events \\d+ added, 0 changed, 0 unchanged \\(programme start ${demo1?.authority.programmeStart?.toString()}\\)$`));
    expect(lines[1]).toMatch(new RegExp(`^DEMO02 Demo Authority 2 \\(synthetic\\): children 60 added, .* \\(programme start ${demo2?.authority.programmeStart?.toString()}\\)$`));
    expect((await loadChildRecords(opened.connection, demo2!.scope)).length).toBe(60);
    expect((await listAims(opened.connection, demo2!.scope)).map((a) => a.id)).toEqual(['aim-1', 'aim-2', 'aim-3', 'aim-4']);
  });

  it('never changes an authority it was not asked to make: a second run takes the next free codes and says so', async () => {
    await pace(['demo', '--authorities', '2', '--children', '60', '--seed', 's', '--as-at', '2026-11-01'], env);
    const demo1 = await findAuthority(opened.connection, 'DEMO01');
    const before = JSON.stringify([demo1, await loadChildRecords(opened.connection, demo1!.scope), await findAuthority(opened.connection, 'DEMO02')]);
    const stamp = await recordStamp();

    const again = await pace(['demo', '--authorities', '2', '--children', '30', '--seed', 'other', '--as-at', '2026-11-01'], env);
    expect(again.code).toBe(0);
    const demo3 = await findAuthority(opened.connection, 'DEMO03');
    const demo4 = await findAuthority(opened.connection, 'DEMO04');
    const lines = again.out.split('\n');
    expect(lines[0]).toBe('DEMO01 and DEMO02 exist already and are left as they are: making DEMO03 and DEMO04 instead.');
    expect(lines[1]).toMatch(new RegExp(`^DEMO03 Demo Authority 3 \\(synthetic\\): children 30 added, 0 changed, 0 unchanged; .* \\(programme start ${demo3?.authority.programmeStart?.toString()}\\)$`));
    expect(lines[2]).toMatch(/^DEMO04 Demo Authority 4 \(synthetic\): children 30 added, 0 changed, 0 unchanged;/);
    expect((await loadChildRecords(opened.connection, demo4!.scope)).length).toBe(30);
    expect(JSON.stringify([await findAuthority(opened.connection, 'DEMO01'), await loadChildRecords(opened.connection, demo1!.scope), await findAuthority(opened.connection, 'DEMO02')])).toBe(before);
    // No earlier version of any record of DEMO01 or DEMO02 was kept: none was replaced.
    expect(await recordStamp()).toEqual(stamp);
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
