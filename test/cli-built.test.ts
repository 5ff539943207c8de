// The `pace` command as a user runs it: bin/pace.js, which runs the bundle `npm run build` makes
// (scripts/bundle-cli.mjs; brought up to date before the tests by test/global-build.ts). Bundled,
// pace's modules live in dist/bundle/ rather than in their own folders: these tests show that what
// they find from their own place is still found — the import's writer thread, the shipped profiles
// and a worker's render threads — and that the command's options and messages are the compiled ones.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { generateAuthority } from '../src/demo/generate.js';
import { writeCanonicalCsv } from '../src/demo/write-csv.js';
import { writeWhileReadingFrom } from '../src/ingest/import-files.js';
import { d } from './builders.js';
import { engines } from './engines.js';
import { addTestAuthority } from './ingest/fixtures.js';
import { pdfPageTexts } from './pdf-text.js';
import { northWithAMeeting } from './web/fixtures.js';
import { openWeb, textOf, type WebFixture } from './web/harness.js';

const bin = join(import.meta.dirname, '..', 'bin', 'pace.js');

/** Runs the built `pace` with `args` and `env` added to this process's environment. */
function builtPace(args: readonly string[], env: NodeJS.ProcessEnv): { code: number | null; out: string; err: string } {
  const run = spawnSync(process.execPath, [bin, ...args], { env: { ...process.env, ...env }, encoding: 'utf8', timeout: 100_000 });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

let exportDir = '';

beforeAll(async () => {
  // 1,500 children make files of 1.7 MB: more than the 1 MB from which an import is written while it is read.
  const generated = generateAuthority({ code: 'NORTH', name: 'North', children: 1_500, seed: 'built-command', asAt: d('2026-01-01'), firstYear: 2017 });
  exportDir = mkdtempSync(join(tmpdir(), 'pace-built-'));
  await writeCanonicalCsv(exportDir, generated.records);
  const bytes = readdirSync(exportDir).reduce((sum, name) => sum + statSync(join(exportDir, name)).size, 0);
  if (bytes < writeWhileReadingFrom) throw new Error(`the export is ${bytes} bytes: too small to be written while it is read`);
  return () => rmSync(exportDir, { recursive: true, force: true });
});

describe('the built pace command', () => {
  it('says the import command’s options as the compiled sources have them', () => {
    const help = builtPace(['import', '--help'], {});
    expect(help.code).toBe(0);
    expect(help.out).toContain('Usage: pace import [options] <path>');
    // Wrapped to the width of a terminal.
    expect(help.out.replace(/\s+/g, ' ')).toContain('--profile <name> the mapping profile: a name in profiles/ or the path of a JSON file (default: "canonical")');
    expect(builtPace(['import', exportDir], {})).toEqual({ code: 2, out: '', err: "error: required option '--authority <code>' not specified\n(run pace --help for usage)\n" });
  });
});

describe.each(engines)('the built pace command on $name', (engine) => {
  let opened: Awaited<ReturnType<typeof engine.open>>;

  afterEach(async () => {
    await opened.dispose();
  });

  it('imports a first export in its writer thread, with a shipped profile named, and says what it saved', async () => {
    opened = await engine.open();
    await addTestAuthority(opened.connection);
    const run = builtPace(['import', exportDir, '--authority', 'NORTH', '--profile', 'canonical'], { DATABASE_URL: opened.url });
    expect([run.code, run.err]).toEqual([0, '']);
    expect(run.out).toContain('Read children.csv, placements.csv, events.csv: 1500 children, 2543 placements, 22238 events.');
    expect(run.out).toContain('Imported (import 1): children 1500 added, 0 changed, 0 unchanged; placements 2543 added, 0 changed, 0 unchanged; events 22238 added, 0 changed, 0 unchanged.');
    const stored = await sql<Record<'children' | 'placements' | 'events', number | string>>`select (select count(*) from children) as children, (select count(*) from placements) as placements, (select count(*) from events) as events`.execute(opened.connection.db);
    expect(stored.rows.map((row) => [Number(row.children), Number(row.placements), Number(row.events)])).toEqual([[1500, 2543, 22238]]);
    // A profile that is not shipped is named in the refusal, with the folder it was looked for in.
    const unknown = builtPace(['import', exportDir, '--authority', 'NORTH', '--profile', 'no-such-system'], { DATABASE_URL: opened.url });
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/^pace: the profile no-such-system cannot be used: .*profiles/);
  });
});

describe('the built pace worker', () => {
  let web: WebFixture;
  let worker: ChildProcess | null = null;
  let uploads = '';

  afterEach(async () => {
    worker?.kill('SIGKILL');
    await web.dispose();
    rmSync(uploads, { recursive: true, force: true });
  });

  it('makes a meeting pack asked for on a web process that runs no jobs, drawing its charts in the render threads it starts, and stops when asked', async () => {
    const [sqlite] = engines;
    if (sqlite === undefined) throw new Error('no engine');
    uploads = mkdtempSync(join(tmpdir(), 'pace-built-uploads-'));
    web = await openWeb(sqlite, { runJobs: false, uploadsDir: uploads });
    const client = await northWithAMeeting(web);
    const making = '/a/NORTH/packs/2021-03-10/pdf';
    expect(textOf((await client.get(making)).body)).toContain('Making the PDF: starting…');
    const started = spawn(process.execPath, [bin, 'worker'], { env: { ...process.env, DATABASE_URL: web.url, PACE_UPLOADS_DIR: uploads }, stdio: ['ignore', 'pipe', 'pipe'] });
    worker = started;
    let said = '';
    started.stdout.on('data', (chunk: Buffer) => (said += chunk.toString()));
    started.stderr.on('data', (chunk: Buffer) => (said += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => started.once('exit', (code) => resolve(code)));
    let page = '';
    // Until it is made, or has failed (its page then says why).
    for (let tries = 0; tries < 1200 && !/The PDF is ready|The PDF could not be made/.test(page); tries += 1) {
      await new Promise((done) => setTimeout(done, 50));
      page = textOf((await client.get(making)).body);
    }
    expect(page).toContain('The PDF is ready');
    const pdf = await client.get('/a/NORTH/packs/2021-03-10.pdf');
    expect([pdf.statusCode, pdf.headers['content-type']]).toEqual([200, 'application/pdf']);
    expect(pdfPageTexts(pdf.rawPayload)[0]).toContain("Meeting pack: Champions' group, 10 March 2021");
    started.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(said).toContain(`is running jobs (uploads in ${uploads}). Stop with Ctrl+C.`);
    expect(said).toContain('pace worker: stopping once the job in hand is done.');
    expect(said).not.toContain('failed');
  });
});
