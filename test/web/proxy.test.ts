// Behind a proxy (TRUST_PROXY): the client's address is the one the trusted proxy added, never one
// the client wrote itself, for the sign-in limit and the audit log alike; the X-Forwarded-*
// headers count only from a trusted proxy; and pace refuses to start with a value it cannot read.
import { spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { queryAudit } from '../../src/store/index.js';
import type { TrustProxy } from '../../src/web/trust-proxy.js';
import { engines } from '../engines.js';
import { saveNorth } from './fixtures.js';
import { addTestUser, Client, openWeb, type WebFixture } from './harness.js';

const proxy = '10.0.0.1';
const oneHop: TrustProxy = { kind: 'hops', hops: 1 };

describe('starting pace', () => {
  it('refuses to start with a TRUST_PROXY it cannot read, naming the variable and the value', () => {
    const started = spawnSync(process.execPath, ['--import', 'tsx', 'src/web/start.ts'], { env: { ...process.env, TRUST_PROXY: 'true', DATABASE_URL: 'sqlite:/nonexistent/never-opened.sqlite', PORT: '0' }, encoding: 'utf8', timeout: 30_000 });
    expect([started.status, started.stderr.trim()]).toEqual([1, 'pace: invalid TRUST_PROXY: true (give the number of proxies in front of pace, 0 for none, or a comma-separated list of their addresses or CIDR ranges)']);
  });
});

describe.each(engines)('behind a proxy on $name', (engine) => {
  let web: WebFixture;

  const open = async (trustProxy: TrustProxy | undefined) => {
    web = await openWeb(engine, { signInLimit: { max: 3, timeWindow: 60_000 }, ...(trustProxy ? { trustProxy } : {}) });
    await saveNorth(web.connection, web.north);
    await addTestUser(web.connection, 'amy', [[web.north, 'viewer']]);
  };

  afterEach(async () => {
    await web.dispose();
  });

  /** Where the audit log says each view of A1 came from. */
  const viewsFrom = async () => (await queryAudit(web.connection, web.north, { childId: 'A1' }, { offset: 0, limit: 100, order: 'oldest' })).entries.map((e) => e.clientIp);

  it('with one trusted hop, limits sign-in by the address the proxy added, however the client forges the first', async () => {
    await open(oneHop);
    // The client writes its own X-Forwarded-For; the proxy appends the address it saw (203.0.113.7).
    const client = new Client(web.app, { remoteAddress: proxy });
    await client.get('/sign-in', { 'x-forwarded-for': '6.6.6.0, 203.0.113.7' });
    const statuses: number[] = [];
    for (let i = 1; i <= 20; i++) statuses.push((await client.post('/sign-in', { username: 'amy', password: 'wrong password!' }, { 'x-forwarded-for': `6.6.6.${i}, 203.0.113.7` })).statusCode);
    expect(statuses).toEqual([401, 401, 401, ...Array<number>(17).fill(429)]);
    // Another client behind the same proxy is not held back.
    const other = new Client(web.app, { remoteAddress: proxy });
    await other.get('/sign-in', { 'x-forwarded-for': '203.0.113.8' });
    expect((await other.post('/sign-in', { username: 'amy', password: 'correct horse battery' }, { 'x-forwarded-for': '203.0.113.8' })).statusCode).toBe(303);
  });

  it('with one trusted hop, records in the audit log the address the proxy added, not one the client wrote', async () => {
    await open(oneHop);
    const client = new Client(web.app, { remoteAddress: proxy });
    const through = { 'x-forwarded-for': '6.6.6.6, 10.0.0.5' };
    await client.get('/sign-in', through);
    expect((await client.post('/sign-in', { username: 'amy', password: 'correct horse battery' }, through)).statusCode).toBe(303);
    expect((await client.get('/a/NORTH/children/A1', through)).statusCode).toBe(200);
    expect(await viewsFrom()).toEqual(['10.0.0.5']);
  });

  it('believes X-Forwarded-For and X-Forwarded-Proto only from a listed proxy, never from a client that reaches pace directly', async () => {
    await open({ kind: 'addresses', addresses: ['10.0.0.1', '10.0.1.0/24'] });
    const forwarded = { 'x-forwarded-for': '6.6.6.6, 10.0.0.5', 'x-forwarded-proto': 'https' };
    const throughProxy = new Client(web.app, { remoteAddress: proxy });
    const direct = new Client(web.app, { remoteAddress: '192.0.2.9' });
    const secure: boolean[] = [];
    for (const client of [throughProxy, direct]) {
      secure.push(String((await client.get('/sign-in', forwarded)).headers['set-cookie']).includes('; Secure'));
      expect((await client.post('/sign-in', { username: 'amy', password: 'correct horse battery' }, forwarded)).statusCode).toBe(303);
      expect((await client.get('/a/NORTH/children/A1', forwarded)).statusCode).toBe(200);
    }
    expect(secure).toEqual([true, false]);
    expect(await viewsFrom()).toEqual(['10.0.0.5', '192.0.2.9']);
  });

  it('believes no X-Forwarded-* header when it trusts no proxy', async () => {
    await open(undefined);
    const client = new Client(web.app, { remoteAddress: proxy });
    const forwarded = { 'x-forwarded-for': '6.6.6.6, 10.0.0.5', 'x-forwarded-proto': 'https' };
    expect(String((await client.get('/sign-in', forwarded)).headers['set-cookie']).includes('; Secure')).toBe(false);
    await client.post('/sign-in', { username: 'amy', password: 'correct horse battery' }, forwarded);
    await client.get('/a/NORTH/children/A1', forwarded);
    expect(await viewsFrom()).toEqual([proxy]);
  });
});
