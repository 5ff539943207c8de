// Two web processes on one database (issue 18, point 2), as behind a load balancer: each a real
// `npm start` server (src/web/start.ts) in a process of its own. A reader signs in on one, imports
// through the other with the same session, and sees the figures change on the first: sessions, the
// CSRF token and the data version live in the database, not in a process.
import { spawn, type ChildProcess } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addAuthority } from '../../src/store/index.js';
import { d } from '../builders.js';
import { engines } from '../engines.js';
import { cleanExport } from '../ingest/fixtures.js';
import { addTestUser, password, textOf } from './harness.js';

interface Server {
  readonly base: string;
  readonly process: ChildProcess;
}

/** Starts `npm start`'s server from the sources on `url`, on a free port; resolves once it serves. */
async function startServer(url: string): Promise<Server> {
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/web/start.ts'], { env: { ...process.env, DATABASE_URL: url, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'error' }, stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise<void>((resolve, reject) => {
    let said = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      said += chunk.toString();
      if (said.includes('pace is serving')) resolve();
    });
    child.stderr?.on('data', (chunk: Buffer) => (said += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`the server stopped (exit ${code}): ${said}`)));
  });
  return { base: `http://127.0.0.1:${port}`, process: child };
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
    for (let tries = 0; tries < 400; tries += 1) {
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

describe.each(engines)('two web processes on one $name database', (engine) => {
  let dispose: () => Promise<void>;
  let url: string;
  const servers: Server[] = [];

  beforeEach(async () => {
    const opened = await engine.open();
    url = opened.url;
    const north = await addAuthority(opened.connection, { code: 'NORTH', name: 'North Council', programmeStart: d('2020-01-01') }, 'test');
    if (!north.ok) throw new Error('fixture authority');
    await addTestUser(opened.connection, 'dana', [[north.value.scope, 'data-lead']]);
    dispose = opened.dispose;
  });

  afterEach(async () => {
    for (const server of servers.splice(0)) {
      server.process.kill('SIGTERM');
      await new Promise((resolve) => (server.process.exitCode !== null ? resolve(null) : server.process.once('exit', resolve)));
    }
    await dispose();
  });

  it('signs in on one, imports through the other with the same session, and the first shows the new figures', async () => {
    const [one, two] = await Promise.all([startServer(url), startServer(url)]);
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
});
