import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChildRecord } from '../src/domain/records.js';
import { findAuthority, saveRecords } from '../src/store/index.js';
import { placement, record } from './builders.js';
import { pace } from './cli-harness.js';
import { engines } from './engines.js';
import { manyMoves } from './timeline-fixtures.js';

describe('pace timeline', () => {
  const engine = engines[0]!;
  let env: NodeJS.ProcessEnv;
  let dispose: () => Promise<void>;
  const dir = mkdtempSync(join(tmpdir(), 'pace-timeline-'));
  const out = (name: string) => join(dir, name);

  beforeAll(async () => {
    const opened = await engine.open();
    dispose = opened.dispose;
    env = { DATABASE_URL: opened.url };
    await pace(['authority', 'add', 'FIFE', '--name', 'Fife Council'], env);
    const fife = await findAuthority(opened.connection, 'FIFE');
    // C7 and C8 are brothers (SG1); H1 has been at home on a supervision order since 2016-05-01;
    // W1 has been in foster care since 2017-06-01 with no recommendation yet.
    const records: ChildRecord[] = [
      manyMoves({ childId: 'C7', siblingGroup: 'SG1' }),
      manyMoves({ childId: 'C8', siblingGroup: 'SG1', dateOfBirth: '2013-02-01' }),
      record([placement('2016-05-01', null, 'home', { childId: 'H1', legalBasis: 'CSO', id: 'PH1' })], [], { childId: 'H1' }),
      record([placement('2017-06-01', null, 'foster', { childId: 'W1', id: 'PW1' })], [], { childId: 'W1' }),
    ];
    await saveRecords(opened.connection, fife!.scope, { children: records.map((r) => r.child), placements: records.flatMap((r) => r.placements), events: records.flatMap((r) => r.events) }, { by: 'test' });
  });

  afterAll(async () => {
    await dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it("draws one child's timeline with its bands, marks, gaps and due dates", async () => {
    const run = await pace(['timeline', '--authority', 'fife', '--child', 'C7', '--as-at', '2018-09-30', '--out', out('c7.svg')], env);
    expect(run).toEqual({ code: 0, out: `Wrote ${out('c7.svg')} (6 placements, 4 moves, 11 events, 5 gaps)\n`, err: '' });
    const svg = readFileSync(out('c7.svg'), 'utf8');
    expect(svg).toMatch(/^<svg /);
    for (const words of ['Timeline for Alex Example (C7)', 'Residential care from 1 April 2017 to 15 October 2017 (carer RES-1)', '27 weeks', '52 weeks so far', 'Permanence recommendation due (26 weeks)', '2 years 6 months']) expect(svg).toContain(words);
  });

  it('leaves the name out when asked', async () => {
    await pace(['timeline', '--authority', 'FIFE', '--child', 'C7', '--as-at', '2018-09-30', '--without-names', '--out', out('c7-anonymous.svg')], env);
    const svg = readFileSync(out('c7-anonymous.svg'), 'utf8');
    expect([svg.includes('Timeline for C7'), svg.includes('Alex')]).toEqual([true, false]);
  });

  it('draws a sibling group on one axis, as SVG or PNG', async () => {
    const run = await pace(['timeline', '--authority', 'FIFE', '--group', 'SG1', '--as-at', '2018-09-30', '--out', out('sg1.svg')], env);
    expect(run.out).toBe(`Wrote ${out('sg1.svg')} (2 children)\n`);
    const svg = readFileSync(out('sg1.svg'), 'utf8');
    expect(svg).toContain('Brothers and sisters (sibling group SG1)');
    expect(svg.indexOf('C8, born 1 Feb 2013')).toBeLessThan(svg.indexOf('C7, born 15 Jun 2015'));
    await pace(['timeline', '--authority', 'FIFE', '--group', 'SG1', '--as-at', '2018-09-30', '--align', 'journey', '--view', 'placements', '--out', out('sg1.png')], env);
    expect(readFileSync(out('sg1.png')).subarray(1, 4).toString('ascii')).toBe('PNG');
  });

  it('draws children at home for more than 18 months, and children waiting more than 52 weeks for an aim', async () => {
    expect((await pace(['timeline', '--authority', 'FIFE', '--at-home-months', '18', '--as-at', '2018-09-30', '--align', 'journey', '--out', out('home.svg')], env)).out).toBe(`Wrote ${out('home.svg')} (1 child)\n`);
    expect(readFileSync(out('home.svg'), 'utf8')).toContain('Weeks since looked after at home →');
    // W1: 2017-06-01 → 2018-09-30 is 365 + 30 + 31 + 31 + 29 = 486 days, 69.4 weeks. C7 and C8 had
    // their recommendation within 27 weeks.
    const run = await pace(['timeline', '--authority', 'FIFE', '--waiting-weeks', '52', '--aim', '2', '--as-at', '2018-09-30', '--out', out('waiting.svg')], env);
    expect(run.out).toBe(`Wrote ${out('waiting.svg')} (1 child)\n`);
    expect(readFileSync(out('waiting.svg'), 'utf8')).toContain('Waiting more than 52 weeks (Aim 2: permanence recommendation)');
    const none = await pace(['timeline', '--authority', 'FIFE', '--waiting-weeks', '70', '--aim', '2', '--as-at', '2018-09-30', '--out', out('none.svg')], env);
    expect([none.code, none.err]).toEqual([1, 'pace: no children to draw: waiting more than 70 weeks (Aim 2: permanence recommendation)\n']);
  });

  it('says what is missing or wrong', async () => {
    expect(await pace(['timeline', '--authority', 'FIFE', '--child', 'NOPE', '--out', out('x.svg')], env)).toEqual({ code: 1, out: '', err: 'pace: FIFE has no child NOPE\n' });
    expect((await pace(['timeline', '--authority', 'FIFE', '--out', out('x.svg')], env)).code).toBe(2);
    expect((await pace(['timeline', '--authority', 'FIFE', '--child', 'C7', '--group', 'SG1', '--out', out('x.svg')], env)).code).toBe(2);
    expect((await pace(['timeline', '--authority', 'FIFE', '--child', 'C7', '--out', out('x.pdf')], env)).err).toBe(`pace: --out must end in .svg or .png (got ${out('x.pdf')})\n`);
    expect((await pace(['timeline', '--authority', 'FIFE', '--group', 'SG1', '--align', 'sideways', '--out', out('x.svg')], env)).code).toBe(2);
    expect((await pace(['timeline', '--authority', 'FIFE', '--waiting-weeks', '52', '--out', out('x.svg')], env)).err).toBe('pace: --waiting-weeks and --aim go together\n');
  });
});
