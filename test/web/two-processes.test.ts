// Two web processes on one database (issue 18, point 2), as behind a load balancer: each a real
// `npm start` server (src/web/start.ts) in a process of its own. A reader signs in on one, imports
// through the other with the same session, and sees the figures change on the first: sessions, the
// CSRF token and the data version live in the database, not in a process.
import { spawn, type ChildProcess } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateAuthority } from '../../src/demo/generate.js';
import { writeCanonicalCsv } from '../../src/demo/write-csv.js';
import { sql } from 'kysely';
import { addAuthority, findJob, listImports, type AuthorityScope, type Connection } from '../../src/store/index.js';
import { d } from '../builders.js';
import { engines } from '../engines.js';
import { cleanExport } from '../ingest/fixtures.js';
import { addTestUser, password, textOf } from './harness.js';

interface Server {
  readonly base: string;
  readonly process: ChildProcess;
  /** Everything it has printed so far. */
  said(): string;
}

/**
 * Starts `npm start`'s server from the sources on `url`; resolves once it serves. It listens on a
 * port the system chooses (PORT 0) and says which: a port probed free and handed over could be taken
 * by another test file's server in between.
 */
async function startServer(url: string, env: Record<string, string> = {}): Promise<Server> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/web/start.ts'], { env: { ...process.env, DATABASE_URL: url, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'error', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let said = '';
  const port = await new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      said += chunk.toString();
      const serving = /pace is serving at http:\/\/localhost:(\d+)/.exec(said);
      if (serving) resolve(serving[1] as string);
    });
    child.stderr?.on('data', (chunk: Buffer) => (said += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`the server stopped (exit ${code}): ${said}`)));
  });
  return { base: `http://127.0.0.1:${port}`, process: child, said: () => said };
}

/** A browser over real HTTP: one cookie jar, the CSRF token of the last page it fetched. */
class Browser {
  readonly cookies = new Map<string, string>();
  token = '';

  async get(url: string): Promise<{ status: number; body: string; location: string | null }> {
    return this.keep(await fetch(url, { headers: { cookie: this.cookie() }, redirect: 'manual' }));
  }

  async post(url: string, fields: Record<string, string>): Promise<{ status: number; body: string; location: string | null }> {
    const body = new URLSearchParams({ _csrf: this.token, ...fields }).toString();
    return this.keep(await fetch(url, { method: 'POST', body, headers: { cookie: this.cookie(), 'content-type': 'application/x-www-form-urlencoded', origin: new URL(url).origin }, redirect: 'manual' }));
  }

  async upload(url: string, fields: Record<string, string>, files: Record<string, readonly string[]>): Promise<{ status: number; body: string; location: string | null }> {
    const form = new FormData();
    for (const [name, value] of Object.entries({ _csrf: this.token, ...fields })) form.append(name, value);
    for (const [name, lines] of Object.entries(files)) form.append('files', new Blob([`${lines.join('\r\n')}\r\n`], { type: 'text/csv' }), name);
    return this.keep(await fetch(url, { method: 'POST', body: form, headers: { cookie: this.cookie(), origin: new URL(url).origin }, redirect: 'manual' }));
  }

  /** Asks for `url` until its page stops refreshing itself (a job's page while it runs). */
  async waitFor(url: string): Promise<string> {
    for (let tries = 0; tries < 1200; tries += 1) {
      const page = await this.get(url);
      if (!page.body.includes('http-equiv="refresh"')) return page.body;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`${url} kept refreshing`);
  }

  private cookie(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  private async keep(response: Response): Promise<{ status: number; body: string; location: string | null }> {
    for (const set of response.headers.getSetCookie()) {
      const [pair] = set.split(';');
      const at = (pair as string).indexOf('=');
      const [name, value] = [(pair as string).slice(0, at), (pair as string).slice(at + 1)];
      if (value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const body = await response.text();
    const token = /name="_csrf" value="([^"]+)"/.exec(body)?.[1];
    if (token) this.token = token;
    return { status: response.status, body, location: response.headers.get('location') };
  }
}

async function countChildren(connection: Connection, scope: AuthorityScope): Promise<number> {
  const { rows } = await sql<{ n: number | string }>`select count(*) as n from children where authority_id = ${scope.id}`.execute(connection.db);
  return Number(rows[0]?.n);
}

/** `pace worker` from the sources, on `url`: runs jobs, serves no pages. */
function startWorker(url: string, env: Record<string, string>): ChildProcess {
  const script = "const { main } = await import('./src/cli/main.ts'); process.exitCode = await main(['node', 'pace', 'worker']);";
  return spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '--eval', script], { env: { ...process.env, DATABASE_URL: url, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
}

describe.each(engines)('two web processes on one $name database', (engine) => {
  let dispose: () => Promise<void>;
  let url: string;
  let connection: Connection;
  let north: AuthorityScope;
  const servers: Server[] = [];
  const others: ChildProcess[] = [];
  // The processes' own uploads folder: PostgreSQL's is otherwise data/uploads under the working
  // directory, which every test on PostgreSQL that runs at the same time would share.
  let uploads: string;
  const withUploads = (env: Record<string, string> = {}) => ({ PACE_UPLOADS_DIR: uploads, ...env });

  beforeEach(async () => {
    uploads = mkdtempSync(join(tmpdir(), 'pace-two-processes-'));
    const opened = await engine.open();
    url = opened.url;
    connection = opened.connection;
    const added = await addAuthority(opened.connection, { code: 'NORTH', name: 'North Council', programmeStart: d('2020-01-01') }, 'test');
    if (!added.ok) throw new Error('fixture authority');
    north = added.value.scope;
    await addTestUser(opened.connection, 'dana', [[north, 'data-lead']]);
    dispose = opened.dispose;
  });

  afterEach(async () => {
    for (const child of [...servers.splice(0).map((s) => s.process), ...others.splice(0)]) {
      if (child.exitCode !== null || child.signalCode !== null) continue;
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
    await dispose();
    rmSync(uploads, { recursive: true, force: true });
  });

  it('signs in on one, imports through the other with the same session, and the first shows the new figures', async () => {
    const [one, two] = await Promise.all([startServer(url, withUploads()), startServer(url, withUploads())]);
    servers.push(one, two);
    const browser = new Browser();
    await browser.get(`${one.base}/sign-in`);
    expect((await browser.post(`${one.base}/sign-in`, { username: 'dana', password })).status).toBe(303);
    const aim2 = async () => textOf((await browser.get(`${one.base}/a/NORTH/aims/aim-2`)).body);
    expect(await aim2()).toContain('Since records began No figure yet 0 of 0 journeys');

    // The other process knows the session, and takes the form's token, without having seen either.
    await browser.get(`${two.base}/a/NORTH/import`);
    const checked = await browser.upload(`${two.base}/a/NORTH/import`, { profile: 'canonical' }, cleanExport);
    expect(checked.status).toBe(303);
    const job = `${two.base}${checked.location as string}`;
    expect(textOf(await browser.waitFor(job))).toContain('Import these records');
    const committed = await browser.post(`${job}/commit`, {});
    expect(committed.status).toBe(303);
    expect(textOf(await browser.waitFor(`${two.base}${committed.location as string}`))).toContain('Imported (import 2): children 2 added, 0 changed, 0 unchanged; placements 3 added, 0 changed, 0 unchanged; events 3 added, 0 changed, 0 unchanged.');

    // C1, accommodated on 10 January 2020 and recommended on 1 June 2020 (20.4 weeks): in time.
    expect(await aim2()).toContain('Since records began 100.0% in time 1 of 1 journey');
  });

  it('kill -9 of the process importing: another process takes the job up from the beginning, and it is neither lost nor doubled', async () => {
    // 12,000 synthetic children: an import that takes a few seconds.
    const dir = mkdtempSync(join(tmpdir(), 'pace-kill-import-'));
    const generated = generateAuthority({ code: 'NORTH', name: 'North', children: 12_000, seed: 'kill-9', asAt: d('2026-01-01'), firstYear: 2017 });
    await writeCanonicalCsv(dir, generated.records);
    const files = Object.fromEntries(['children.csv', 'placements.csv', 'events.csv'].map((name) => [name, readFileSync(join(dir, name), 'utf8').trimEnd().split(/\r?\n/)]));
    rmSync(dir, { recursive: true, force: true });
    // A heartbeat every half second; a job without one for two seconds is queued again.
    const settings = { PACE_JOB_STALE_SECONDS: '2' };
    // `one` runs jobs; `two` only serves pages.
    const [one, two] = await Promise.all([startServer(url, withUploads(settings)), startServer(url, withUploads({ ...settings, PACE_RUN_JOBS: '0' }))]);
    servers.push(one, two);
    const browser = new Browser();
    await browser.get(`${two.base}/sign-in`);
    expect((await browser.post(`${two.base}/sign-in`, { username: 'dana', password })).status).toBe(303);
    await browser.get(`${two.base}/a/NORTH/import`);
    const checked = await browser.upload(`${two.base}/a/NORTH/import`, { profile: 'canonical' }, files);
    expect(textOf(await browser.waitFor(`${two.base}${checked.location as string}`))).toContain('Import these records');
    const committed = await browser.post(`${two.base}${checked.location as string}/commit`, {});
    const jobId = (committed.location as string).split('/').pop() as string;

    // As soon as `one` has taken the import, it is killed.
    for (let tries = 0; (await findJob(connection, jobId))?.state !== 'running'; tries += 1) {
      if (tries > 2000) throw new Error('the import never started');
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    one.process.kill('SIGKILL');
    await new Promise((resolve) => one.process.once('exit', resolve));
    expect(await countChildren(connection, north)).toBe(0);

    // A worker takes it up once its heartbeat has stopped for two seconds.
    const worker = startWorker(url, withUploads(settings));
    others.push(worker);
    let said = '';
    worker.stdout?.on('data', (chunk: Buffer) => (said += chunk.toString()));
    worker.stderr?.on('data', (chunk: Buffer) => (said += chunk.toString()));
    const page = textOf(
      await browser.waitFor(`${two.base}${committed.location as string}`).catch(async (error: unknown) => {
        throw new Error(`${String(error)}\nthe worker said: ${said}\nthe job: ${JSON.stringify(await findJob(connection, jobId))}`);
      }),
    );
    expect(page).toContain('children 12,000 added, 0 changed, 0 unchanged');
    expect((await findJob(connection, jobId))?.attempts).toBe(2);
    expect(await countChildren(connection, north)).toBe(12_000);
    // One check and one import in the import log: the killed attempt wrote nothing.
    expect((await listImports(connection, north)).map((entry) => entry.outcome)).toEqual(['imported', 'dry-run']);
  }, 120_000);

  it('serves from two processes with PACE_PROCESSES=2, and starts another when one is killed, answering throughout', async () => {
    const server = await startServer(url, withUploads({ PACE_PROCESSES: '2' }));
    servers.push(server);
    const pids = () => [...server.said().matchAll(/\(pid (\d+)\) is serving/g)].map((m) => Number(m[1]));
    expect(server.said()).toContain('from 2 processes');
    const [first, second] = pids();
    expect(new Set([first, second]).size).toBe(2);
    const browser = new Browser();
    await browser.get(`${server.base}/sign-in`);
    expect((await browser.post(`${server.base}/sign-in`, { username: 'dana', password })).status).toBe(303);

    process.kill(first as number, 'SIGKILL');
    // (A moment for the client to see its kept-alive connection to that process closed: a browser retries such a request itself.)
    await new Promise((resolve) => setTimeout(resolve, 200));
    // The session is in the database: whichever process answers knows it.
    for (let i = 0; i < 20; i += 1) expect((await browser.get(`${server.base}/a/NORTH`)).status).toBe(200);
    for (let tries = 0; pids().length < 3; tries += 1) {
      if (tries > 600) throw new Error(`no process was started in place of the killed one: ${server.said()}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(server.said()).toContain(`(pid ${first}) stopped (SIGKILL); starting another`);
    expect(pids().slice(2)).toHaveLength(1);
    for (let i = 0; i < 20; i += 1) expect((await browser.get(`${server.base}/a/NORTH`)).status).toBe(200);
  }, 60_000);
});
