import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadDemoImprovement } from '../src/demo/improvement.js';
import { findAuthority, listTests } from '../src/store/index.js';
import { d } from './builders.js';
import { pace } from './cli-harness.js';
import { engines } from './engines.js';
import { pdfPageTexts } from './pdf-text.js';

describe.each(engines)('pace pack on $name', (engine) => {
  let opened: Awaited<ReturnType<typeof engine.open>>;
  let env: NodeJS.ProcessEnv;
  let dir: string;

  beforeEach(async () => {
    opened = await engine.open();
    env = { DATABASE_URL: opened.url };
    dir = mkdtempSync(join(tmpdir(), 'pace-pack-'));
    expect((await pace(['demo', '--children', '150', '--as-at', '2024-03-27'], env)).code).toBe(0);
    const demo = await findAuthority(opened.connection, 'DEMO01');
    if (!demo) throw new Error('demo authority');
    await loadDemoImprovement(opened.connection, demo.scope, d('2024-03-27'));
  });

  afterEach(async () => {
    await opened.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('loads the demo improvement work through the lifecycle rules', async () => {
    const demo = await findAuthority(opened.connection, 'DEMO01');
    const tests = await listTests(opened.connection, demo!.scope);
    expect(tests.map((t) => [t.number, t.status, t.cycles.length])).toEqual([
      [1, 'adopted', 2],
      [2, 'testing', 2],
      [3, 'testing', 2],
      [4, 'abandoned', 1],
      [5, 'testing', 1],
    ]);
  });

  it('writes the meeting pack as a PDF with every aim sentence and the tests since the previous meeting', async () => {
    const out = join(dir, 'pack.pdf');
    const run = await pace(['pack', '--authority', 'DEMO01', '--date', '2024-03-27', '--out', out], env);
    expect([run.code, run.err]).toEqual([0, '']);
    expect(run.out).toMatch(/^wrote .*pack\.pdf: Meeting pack: Champions' group, 27 March 2024 \(\d+ KB\)\n$/);
    const pdf = readFileSync(out);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfPageTexts(pdf).join(' ');
    for (const sentence of [
      'All children looked after at home on a Compulsory Supervision Order will have a review of their whole period at home within 24 months of becoming looked after at home.',
      'All children who become looked after and accommodated will have a permanence recommendation within 26 weeks of becoming looked after and accommodated.',
    ])
      expect(text).toContain(sentence);
    expect(text).toContain('after the previous meeting on 6 March 2024, up to 27 March 2024');
    expect(text).toContain('T4: Remove the ratifying looked after review');
    expect(text).not.toContain('T1: Legal advice referral form Status');
  });

  it('refuses a date with no meeting, naming the meetings there are', async () => {
    const run = await pace(['pack', '--authority', 'DEMO01', '--date', '2024-03-28', '--out', join(dir, 'x.pdf')], env);
    expect(run.code).toBe(1);
    expect(run.err).toBe('pace: DEMO01 has no meeting on 2024-03-28 (meetings: 2024-01-10, 2024-02-07, 2024-03-06, 2024-03-27); record it on the meetings page first\n');
  });
});
