import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addAuthority, auditOf, findAuthority, findNationalResult, findUser, isNationalAnalyst, saveRecords, type AuthorityScope, type Connection } from '../src/store/index.js';
import { nationalResultKey } from '../src/app/national-figures.js';
import { child, d, event, placement } from './builders.js';
import { pace } from './cli-harness.js';
import { engines } from './engines.js';
import { clasCsv2021, exportRecords, identifyingTexts } from './export-fixtures.js';
import { threeAuthorities } from './national-fixtures.js';
import { readWorkbook } from './read-workbook.js';

const key = 'a test key that is long enough to use';

describe.each(engines)('pace export, pace national and national analysts on $name', (engine) => {
  let env: NodeJS.ProcessEnv;
  let connection: Connection;
  let dispose: () => Promise<void>;
  let north: AuthorityScope;
  let dir: string;

  beforeEach(async () => {
    const opened = await engine.open();
    ({ connection, dispose } = opened);
    env = { DATABASE_URL: opened.url, USER: 'lead' };
    const added = await addAuthority(connection, { code: 'NORTH', name: 'North Council', programmeStart: null }, 'test');
    if (!added.ok) throw new Error('fixture authority');
    north = added.value.scope;
    const records = exportRecords();
    await saveRecords(connection, north, { children: records.map((r) => r.child), placements: records.flatMap((r) => r.placements), events: records.flatMap((r) => r.events) }, { by: 'fixture' });
    dir = mkdtempSync(join(tmpdir(), 'pace-export-'));
  });

  afterEach(async () => {
    rmSync(dir, { recursive: true, force: true });
    await dispose();
  });

  it('writes the CLAS permanence fields of a return year as CSV, and the export to the audit log', async () => {
    const out = join(dir, 'clas.csv');
    const run = await pace(['export', 'clas', '--authority', 'north', '--year', '2021', '--out', out], env);
    expect(run).toEqual({ code: 0, out: `Wrote the CLAS permanence fields of 8 episodes, NORTH, return year 2020-21 (1 August 2020 to 31 July 2021), to ${out}.\n`, err: '' });
    expect(readFileSync(out, 'utf8')).toBe(clasCsv2021);
    expect((await auditOf(connection, north, 'export', 'clas-2021.csv')).map((e) => [e.username, e.action])).toEqual([['lead', 'export']]);
  });

  it('writes them as a workbook', async () => {
    const out = join(dir, 'clas.xlsx');
    expect((await pace(['export', 'clas', '--authority', 'NORTH', '--year', '2021', '--out', out], env)).code).toBe(0);
    const { clas_permanence: rows } = await readWorkbook(readFileSync(out));
    expect(rows?.map((r) => r[0])).toEqual(['child_id', "'=K9+1", 'K1', 'K2', 'K3', 'K3', 'K4', 'K7', 'K8']);
  });

  it('refuses a file that is neither .csv nor .xlsx, and a year that is not one', async () => {
    expect((await pace(['export', 'clas', '--authority', 'NORTH', '--year', '2021', '--out', join(dir, 'x.txt')], env)).err).toContain('the file must end .csv or .xlsx');
    expect((await pace(['export', 'clas', '--authority', 'NORTH', '--year', '20-21', '--out', join(dir, 'x.csv')], env)).err).toContain('not a return year: 20-21');
  });

  it('writes a pseudonymised extract as three CSV files named from --out, the same under the same key', async () => {
    const out = join(dir, 'extract.csv');
    const run = await pace(['export', 'pseudonymised', '--authority', 'NORTH', '--out', out], { ...env, PACE_PSEUDONYM_KEY: key });
    const files = ['children', 'placements', 'events'].map((t) => join(dir, `extract-${t}.csv`));
    expect(run).toEqual({ code: 0, out: `Wrote a pseudonymised extract of NORTH (9 children, 12 placements, 13 events) to ${files.join(', ')}.\n`, err: '' });
    expect(existsSync(out)).toBe(false);
    const first = files.map((f) => readFileSync(f, 'utf8'));
    for (const identifying of identifyingTexts) expect(first.join('\n')).not.toContain(identifying);
    expect(first[0]?.split('\r\n')[0]).toBe('child_pseudonym,birth_month,sex,sibling_group_pseudonym');
    await pace(['export', 'pseudonymised', '--authority', 'NORTH', '--out', out], { ...env, PACE_PSEUDONYM_KEY: key });
    expect(files.map((f) => readFileSync(f, 'utf8'))).toEqual(first);
    await pace(['export', 'pseudonymised', '--authority', 'NORTH', '--out', out], { ...env, PACE_PSEUDONYM_KEY: `${key}, but another` });
    expect(readFileSync(files[0] as string, 'utf8')).not.toBe(first[0]);
  });

  it('writes a pseudonymised extract as a workbook of three sheets', async () => {
    const out = join(dir, 'extract.xlsx');
    expect((await pace(['export', 'pseudonymised', '--authority', 'NORTH', '--out', out], { ...env, PACE_PSEUDONYM_KEY: key })).code).toBe(0);
    const sheets = await readWorkbook(readFileSync(out));
    expect(Object.keys(sheets)).toEqual(['children', 'placements', 'events']);
    expect(sheets.events?.[0]).toEqual(['child_pseudonym', 'event_pseudonym', 'event_type', 'date', 'route']);
  });

  it('refuses to pseudonymise without a key, or with a short one', async () => {
    const out = join(dir, 'extract.xlsx');
    expect(await pace(['export', 'pseudonymised', '--authority', 'NORTH', '--out', out], env)).toEqual({ code: 1, out: '', err: 'pace: PACE_PSEUDONYM_KEY is not set: a pseudonymised extract needs a secret key (for example: PACE_PSEUDONYM_KEY=$(openssl rand -hex 32))\n' });
    expect((await pace(['export', 'pseudonymised', '--authority', 'NORTH', '--out', out], { ...env, PACE_PSEUDONYM_KEY: 'secret' })).err).toBe('pace: PACE_PSEUDONYM_KEY is too short: 6 characters (at least 32)\n');
    expect(existsSync(out)).toBe(false);
  });

  it('makes and unmakes a national analyst, who may have no authority', async () => {
    const added = await pace(['user', 'add', 'nina', '--national', '--password-stdin'], env, 'a long enough password\n');
    expect(added).toEqual({ code: 0, out: 'Added nina, national analyst.\n', err: '' });
    const nina = await findUser(connection, 'nina');
    expect(await isNationalAnalyst(connection, nina?.id ?? 0)).toBe(true);
    expect((await pace(['user', 'list'], env)).out).toBe(`${'nina'.padEnd(20)} national analyst\n`);
    expect((await pace(['user', 'national', 'nina', '--revoke'], env)).out).toBe('nina is no longer a national analyst.\n');
    expect((await pace(['user', 'national', 'nina', '--revoke'], env)).err).toBe('pace: nina is not a national analyst\n');
    await pace(['user', 'add', 'ada', '--authority', 'NORTH', '--role', 'viewer'], env);
    expect((await pace(['user', 'national', 'ada'], env)).out).toBe('ada is now a national analyst.\n');
    expect((await pace(['user', 'list'], env)).out).toBe(`${'ada'.padEnd(20)} viewer in NORTH, national analyst\n${'nina'.padEnd(20)} no roles\n`);
    expect(await pace(['user', 'add', 'bob'], env)).toEqual({ code: 2, out: '', err: 'pace: give --authority and --role, or --national, or both\n' });
  });
});

describe.each(engines)('pace national on $name', (engine) => {
  it('compares the authorities on the national aims, counts under 5 suppressed', async () => {
    const { connection, url, dispose } = await engine.open();
    const env = { DATABASE_URL: url };
    for (const { authority, records } of threeAuthorities()) {
      const added = await addAuthority(connection, authority, 'test');
      if (!added.ok) throw new Error('fixture authority');
      await saveRecords(connection, added.value.scope, { children: records.map((r) => r.child), placements: records.flatMap((r) => r.placements), events: records.flatMap((r) => r.events) }, { by: 'fixture' });
    }
    const run = await pace(['national', '--as-at', '2021-06-01', '--json'], env);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.out) as { aims: { aim: number; national_percentage: number | null; authorities: { code: string }[]; national: unknown }[] };
    const aim2 = json.aims[1];
    expect(aim2?.national_percentage).toBe(55.6);
    expect(aim2?.authorities[0]).toEqual({ code: 'ALP', name: 'Alpha Council', in_time: 12, late: '[c]', overdue: '[c]', n: 20, waiting: '[c]', percentage: 60, ci95: { lower: 38.7, upper: 78.1 }, median_weeks: 20, funnel_position: 'within' });
    expect(aim2?.national).toEqual({ code: null, name: 'All authorities', in_time: 20, late: 10, overdue: 6, n: 36, waiting: '[c]', percentage: 55.6, ci95: { lower: 39.6, upper: 70.5 }, median_weeks: 20, funnel_position: null });
    expect(run.out).not.toMatch(/Zebedee|Secret|2012-03-04|ALP-|Kirsty|K1/);
    // Worked out without a worker, and kept for every other process (the web's national pages read it).
    expect(await findNationalResult(connection, await nationalResultKey(connection, d('2021-05-31'), null))).toMatchObject({ version: 1, as_at: '2021-05-31', from_date: null, threshold: 5 });
    const text = (await pace(['national', '--as-at', '2021-06-01'], env)).out;
    // Whole months: as at a day, the figures are as at the end of the last whole month by then. An
    // Alpha child recommended on 15 May 2021 would otherwise tell the 14th from the 15th.
    const alpha = await findAuthority(connection, 'ALP');
    if (!alpha) throw new Error('fixture authority');
    await saveRecords(connection, alpha.scope, { children: [child({ childId: 'ALP-late-may', dateOfBirth: d('2015-01-01') })], placements: [placement('2021-01-04', null, 'foster', { childId: 'ALP-late-may', id: 'P-ALP-late-may' })], events: [event('permanence_recommendation', '2021-05-15', 'home', { childId: 'ALP-late-may', id: 'E-ALP-late-may' })] }, { by: 'fixture' });
    const [the14th, the15th] = [await pace(['national', '--as-at', '2021-05-14', '--json'], env), await pace(['national', '--as-at', '2021-05-15', '--json'], env)];
    expect(the15th.out).toBe(the14th.out);
    expect(JSON.parse(the15th.out)).toMatchObject({ as_at: '2021-04-30', from_date: null, suppressed_mark: '[c]' });
    expect((await pace(['national', '--as-at', '2021-05-15', '--from', '2019-11-20'], env)).out.split('\n')[0]).toBe(
      'National view as at 2021-04-30 (the end of the last whole month by 2021-05-15), journeys starting on or after 2019-11-01. Each authority measured by the national definition of each aim.',
    );
    expect(await pace(['national', '--as-at', 'May 2021'], env)).toEqual({ code: 2, out: '', err: "error: option '--as-at <month>' argument 'May 2021' is invalid. not a month or a date: May 2021 (write YYYY-MM, or a date as YYYY-MM-DD or DD/MM/YYYY)\n(run pace --help for usage)\n" });
    await dispose();
    expect(text).toContain('Aim 2: permanence recommendation (within 26 weeks): 55.6% in time nationally\n');
    expect(text.split('\n')[0]).toBe('National view as at 2021-05-31 (the end of the last whole month by 2021-06-01). Each authority measured by the national definition of each aim.');
    expect(text).toContain('\nAlpha Council                   20       12   [c]      [c]      [c]         60    38.7–78.1          20   within the 95% limits\n');
    expect(text).toContain('\nBeta Council                   [c]      [c]   [c]      [c]      [c]          —            —          25\n');
    expect(text).toContain('\n[c]: confidential, a count under 5, or a count hidden with it so that it cannot be worked out from the totals.');
  });
});
