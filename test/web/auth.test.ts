import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { disableUserForTest, expireSessionsForTest } from './user-helpers.js';
import { buildApp } from '../../src/web/app.js';
import { closeStore, openStore } from '../../src/store/index.js';
import { engines } from '../engines.js';
import { addTestUser, Client, openWeb, textOf, type WebFixture } from './harness.js';

describe.each(engines)('signing in and out on $name', (engine) => {
  let web: WebFixture;

  beforeEach(async () => {
    web = await openWeb(engine, { signInLimit: { max: 3, timeWindow: 60_000 } });
    await addTestUser(web.connection, 'amy', [[web.north, 'viewer']]);
  });

  afterEach(async () => {
    await web.dispose();
  });

  it('sends a visitor who is not signed in to the sign-in page, remembering where they were going', async () => {
    const response = await new Client(web.app).get('/a/NORTH/waiting?aim=aim-2');
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/sign-in?next=%2Fa%2FNORTH%2Fwaiting%3Faim%3Daim-2');
  });

  it('signs in with the right password and goes where the visitor was going', async () => {
    const client = new Client(web.app);
    await client.get('/sign-in?next=/a/NORTH/waiting');
    const response = await client.post('/sign-in', { username: 'amy', password: 'correct horse battery', next: '/a/NORTH/waiting' });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/a/NORTH/waiting');
    expect((await client.get('/a/NORTH/waiting')).statusCode).toBe(200);
  });

  it('takes a user of one authority from the start page straight to its dashboard', async () => {
    const client = new Client(web.app);
    await client.signIn('amy');
    const response = await client.get('/');
    expect([response.statusCode, response.headers.location]).toEqual([303, '/a/NORTH']);
  });

  it('never redirects to another site after signing in', async () => {
    const client = new Client(web.app);
    await client.get('/sign-in');
    for (const next of ['https://evil.example/', '//evil.example/', '/\\evil.example']) {
      const response = await client.post('/sign-in', { username: 'amy', password: 'correct horse battery', next });
      expect(response.headers.location).toBe('/');
      await client.post('/sign-out', {});
      await client.get('/sign-in');
    }
  });

  /** `next` as a query string carries it, and where each must lead: every trick that a browser would follow to another site ends on the start page. */
  const nextInAddress: readonly [string, string][] = [
    ['/%09/evil.example/phish', '/'],
    ['/%0a/evil.example/phish', '/'],
    ['/%0d/evil.example/phish', '/'],
    ['/%00/evil.example/phish', '/'],
    ['/%7F/evil.example/phish', '/'],
    ['/%5Cevil.example/phish', '/'],
    ['/%5C/evil.example/phish', '/'],
    ['//evil.example/phish', '/'],
    ['/%2F%2Fevil.example/phish', '/'],
    ['%2F%2Fevil.example/phish', '/'],
    ['/.//evil.example/phish', '/'],
    ['/a/../..//evil.example/phish', '/'],
    ['https://evil.example/phish', '/'],
    ['https:evil.example/phish', '/'],
    ['javascript:alert(1)', '/'],
    ['evil.example/phish', '/'],
    // Encoded twice, the slashes reach pace as %2F: a path on this site, which a browser never reads as a host.
    ['/%252F%252Fevil.example/phish', '/%2F%2Fevil.example/phish'],
    ['/a/NORTH/waiting%3Faim%3Daim-2%23top', '/a/NORTH/waiting?aim=aim-2'],
    ['/a/NORTH/children%3Fq%3Dan%20o%E2%80%99neil', '/a/NORTH/children?q=an%20o%E2%80%99neil'],
  ];

  it('keeps only a path on this site from next on the sign-in page: no control character, backslash, second slash or other origin', async () => {
    const visitor = new Client(web.app);
    const signedIn = new Client(web.app);
    await signedIn.signIn('amy');
    const seen: string[] = [];
    for (const [next] of nextInAddress) {
      const page = await visitor.get(`/sign-in?next=${next}`);
      const hidden = /name="next" value="([^"]*)"/.exec(page.body)?.[1];
      const redirect = await signedIn.get(`/sign-in?next=${next}`);
      seen.push(`${next} -> ${page.statusCode} ${hidden} | ${redirect.statusCode} ${redirect.headers.location}`);
    }
    expect(seen).toEqual(nextInAddress.map(([next, expected]) => `${next} -> 200 ${expected} | 303 ${expected}`));
  });

  it('never redirects to another site after signing in, whatever control character, backslash or slash the posted next hides', async () => {
    const posted: readonly [string, string][] = [
      ['/\t/evil.example/phish', '/'],
      ['/\n/evil.example/phish', '/'],
      ['/\r/evil.example/phish', '/'],
      ['/\r\nSet-Cookie: x=1', '/'],
      ['/\0/evil.example/phish', '/'],
      ['/\x7f/evil.example/phish', '/'],
      ['/\\evil.example/phish', '/'],
      ['/\\/evil.example/phish', '/'],
      ['//evil.example/phish', '/'],
      ['/.//evil.example/phish', '/'],
      ['https://evil.example/phish', '/'],
      ['/%2F%2Fevil.example/phish', '/%2F%2Fevil.example/phish'],
      ['/a/NORTH/waiting?aim=aim-2', '/a/NORTH/waiting?aim=aim-2'],
    ];
    // One address signs in more often here than the limit of this suite allows.
    const app = await buildApp({ connection: web.connection, signInLimit: { max: 100, timeWindow: 60_000 } });
    const seen: string[] = [];
    for (const [next] of posted) {
      const client = new Client(app);
      await client.get('/sign-in');
      const response = await client.post('/sign-in', { username: 'amy', password: 'correct horse battery', next });
      seen.push(`${JSON.stringify(next)} -> ${response.statusCode} ${response.headers.location}`);
    }
    await app.close();
    expect(seen).toEqual(posted.map(([next, expected]) => `${JSON.stringify(next)} -> 303 ${expected}`));
  });

  it('keeps the session in an HttpOnly, SameSite=Lax cookie holding no user data', async () => {
    const client = new Client(web.app);
    await client.get('/sign-in');
    const response = await client.post('/sign-in', { username: 'amy', password: 'correct horse battery' });
    const cookie = String(response.headers['set-cookie']).split(/,(?=\s*\w+=)/).find((c) => c.startsWith('pace_session='));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/amy/);
  });

  it('marks its cookies Secure when the request came over TLS through a trusted proxy', async () => {
    const behindProxy = await buildApp({ connection: web.connection, trustProxy: { kind: 'hops', hops: 1 } });
    const page = await behindProxy.inject({ method: 'GET', url: '/sign-in', headers: { 'x-forwarded-proto': 'https' } });
    expect(String(page.headers['set-cookie'])).toMatch(/^__Host-pace_csrf=[^;]+; Path=\/; HttpOnly; Secure; SameSite=Lax$/);
    const plain = await behindProxy.inject({ method: 'GET', url: '/sign-in' });
    expect(String(plain.headers['set-cookie'])).not.toContain('Secure');
    await behindProxy.close();
  });

  it('says only that the username or password is not right, for a wrong password and an unknown user alike', async () => {
    const client = new Client(web.app);
    await client.get('/sign-in');
    for (const [username, password] of [['amy', 'wrong password!'], ['nobody', 'correct horse battery']] as const) {
      const response = await client.post('/sign-in', { username, password });
      expect(response.statusCode).toBe(401);
      expect(textOf(response.body)).toContain('There is a problem The username or password is not right');
      expect(client.cookies.has('pace_session')).toBe(false);
    }
  });

  it('names each empty field in the error summary, linked to the field', async () => {
    const client = new Client(web.app);
    await client.get('/sign-in');
    const response = await client.post('/sign-in', { username: '', password: '' });
    expect(response.statusCode).toBe(401);
    expect(response.body).toContain('<a href="#username">Enter your username</a>');
    expect(response.body).toContain('<a href="#password">Enter your password</a>');
    expect(response.body).toContain('<title>Error: Sign in – pace</title>');
  });

  it('refuses a sign-in form that does not carry the token the form was given', async () => {
    const client = new Client(web.app);
    await client.get('/sign-in');
    const response = await client.post('/sign-in', { username: 'amy', password: 'correct horse battery', _csrf: 'forged' });
    expect(response.statusCode).toBe(403);
    expect(textOf(response.body)).toContain('This form has expired or did not come from pace.');
  });

  it('limits sign-in attempts from one address', async () => {
    const client = new Client(web.app);
    await client.get('/sign-in');
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await client.post('/sign-in', { username: 'amy', password: 'wrong password!' })).statusCode);
    expect(statuses).toEqual([401, 401, 401, 429]);
    const blocked = await client.post('/sign-in', { username: 'amy', password: 'correct horse battery' });
    expect(blocked.statusCode).toBe(429);
    expect(textOf(blocked.body)).toContain('Too many attempts from here. Wait a minute, then try again.');
  });

  it('counts sign-in attempts in the database: two processes on one database share the limit, and a new process remembers it', async () => {
    // A second web process over the same database, with its own connection.
    const connection = await openStore(web.url);
    const second = await buildApp({ connection, signInLimit: { max: 3, timeWindow: 60_000 } });
    try {
      const first = new Client(web.app);
      const other = new Client(second);
      await first.get('/sign-in');
      await other.get('/sign-in');
      const statuses = [
        (await first.post('/sign-in', { username: 'amy', password: 'wrong password!' })).statusCode,
        (await other.post('/sign-in', { username: 'amy', password: 'wrong password!' })).statusCode,
        (await first.post('/sign-in', { username: 'amy', password: 'wrong password!' })).statusCode,
        (await other.post('/sign-in', { username: 'amy', password: 'correct horse battery' })).statusCode,
      ];
      expect(statuses).toEqual([401, 401, 401, 429]);
      // A process started afterwards (a restart) still refuses, until the window ends.
      const third = await buildApp({ connection, signInLimit: { max: 3, timeWindow: 60_000 } });
      const restarted = new Client(third);
      await restarted.get('/sign-in');
      expect((await restarted.post('/sign-in', { username: 'amy', password: 'correct horse battery' })).statusCode).toBe(429);
      await third.close();
    } finally {
      await second.close();
      await closeStore(connection);
    }
  });

  it('ends the session everywhere on signing out: the old cookie no longer works', async () => {
    const client = new Client(web.app);
    await client.signIn('amy');
    const stolen = client.cookieHeader();
    await client.get('/a/NORTH');
    expect((await client.post('/sign-out', {})).headers.location).toBe('/sign-in');
    const replay = await web.app.inject({ method: 'GET', url: '/a/NORTH', headers: { cookie: stolen } });
    expect(replay.statusCode).toBe(303);
  });

  it('lets nobody in whose account has been disabled, even with a live session', async () => {
    const client = new Client(web.app);
    await client.signIn('amy');
    await disableUserForTest(web.connection, 'amy');
    expect((await client.get('/a/NORTH')).statusCode).toBe(303);
  });

  it('asks for signing in again once the session has expired', async () => {
    const client = new Client(web.app);
    await client.signIn('amy');
    await expireSessionsForTest(web.connection);
    const response = await client.get('/a/NORTH');
    expect([response.statusCode, response.headers.location]).toEqual([303, '/sign-in?next=%2Fa%2FNORTH']);
  });

  it('sends the security headers on every page', async () => {
    const response = await new Client(web.app).get('/sign-in');
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
  });
});
