// Single sign-on through OpenID Connect, against a real provider (oidc-provider) started here:
// a linked user signs in; a user linked by e-mail is linked at first sign-in (only by a verified
// address); a user with no role, or unknown, is told they have no access and is not signed in;
// and a tampered or forged answer is refused with a plain page and no session.
import { createSign, type KeyObject } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { CustomFetch } from 'openid-client';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addUser, findUserByOidcSubject, setOidcLink } from '../../src/store/index.js';
import { buildApp } from '../../src/web/app.js';
import { oidcSettingsFromEnv, type OidcSettings } from '../../src/web/auth/oidc.js';
import { pace } from '../cli-harness.js';
import { engines } from '../engines.js';
import { Client, openWeb, textOf, today, type WebFixture } from './harness.js';
import { redirectUri, signInAtProvider, startProvider, type TestProvider } from './oidc-provider.js';

const accounts = {
  'sub-linked': { email: 'lin@council.example', email_verified: true },
  'sub-no-role': { email: 'nora@council.example', email_verified: true },
  'sub-new-starter': { email: 'New.Starter@Council.example', email_verified: true },
  'sub-unverified': { email: 'una@council.example', email_verified: false },
  'sub-stranger': { email: 'stranger@elsewhere.example', email_verified: true },
};

let provider: TestProvider;

beforeAll(async () => {
  provider = await startProvider(accounts);
});

afterAll(async () => {
  await provider.close();
});

function settings(extra: Partial<OidcSettings> = {}): OidcSettings {
  return { issuer: provider.issuer, clientId: provider.clients.pace.clientId, clientSecret: provider.clients.pace.clientSecret, redirectUri, ...extra };
}

/** A fetch that hands pace the provider's answers, except the token endpoint's ID token, which `change` rewrites. */
function tamperingFetch(change: (idToken: string) => string): CustomFetch {
  return async (url, options) => {
    const response = await fetch(url, options as RequestInit);
    if (new URL(url).pathname !== '/token' || !response.ok) return response;
    const body = (await response.json()) as { id_token: string };
    return new Response(JSON.stringify({ ...body, id_token: change(body.id_token) }), { status: 200, headers: { 'content-type': 'application/json' } });
  };
}

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** The ID token's claims, changed, signed again with `key`. */
function resigned(idToken: string, key: KeyObject, change: (claims: Record<string, unknown>) => Record<string, unknown>): string {
  const [header, payload] = idToken.split('.') as [string, string];
  const claims = change(JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>);
  const signingInput = `${header}.${base64url(claims)}`;
  return `${signingInput}.${createSign('RSA-SHA256').update(signingInput).sign(key).toString('base64url')}`;
}

describe('single sign-on settings from the environment', () => {
  const env = { OIDC_ISSUER: 'https://login.council.example/', OIDC_CLIENT_ID: 'pace', OIDC_CLIENT_SECRET: 's3cret', OIDC_REDIRECT_URI: 'https://pace.council.example/sign-in/oidc/callback' };

  it('are all four variables, or none (no single sign-on)', () => {
    expect(oidcSettingsFromEnv({})).toEqual({ ok: true, value: null });
    expect(oidcSettingsFromEnv(env)).toEqual({ ok: true, value: { issuer: env.OIDC_ISSUER, clientId: 'pace', clientSecret: 's3cret', redirectUri: env.OIDC_REDIRECT_URI } });
    const partial = oidcSettingsFromEnv({ OIDC_ISSUER: env.OIDC_ISSUER });
    expect(partial.ok ? null : partial.error).toMatch(/^single sign-on needs OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_REDIRECT_URI: OIDC_CLIENT_ID/);
    const elsewhere = oidcSettingsFromEnv({ ...env, OIDC_REDIRECT_URI: 'https://pace.council.example/callback' });
    expect(elsewhere.ok ? null : elsewhere.error).toContain('OIDC_REDIRECT_URI must end in /sign-in/oidc/callback');
  });
});

describe.each(engines)('single sign-on with OpenID Connect on $name', (engine) => {
  let web: WebFixture;
  const others: FastifyInstance[] = [];

  /** Another app over the same database, with other settings. */
  const appWith = async (extra: Partial<OidcSettings>) => {
    const other = await buildApp({ connection: web.connection, today: () => today, oidc: settings(extra) });
    others.push(other);
    return other;
  };

  beforeEach(async () => {
    web = await openWeb(engine, { oidc: settings() });
    // Set up as an administrator would: by subject, or by e-mail address for the first sign-in.
    expect((await pace(['user', 'add', 'lin', '--authority', 'NORTH', '--role', 'viewer', '--oidc-subject', 'sub-linked'], { DATABASE_URL: web.url, USER: 'admin' })).code).toBe(0);
    expect((await pace(['user', 'add', 'newbie', '--authority', 'NORTH', '--role', 'practitioner', '--email', 'new.starter@council.example'], { DATABASE_URL: web.url, USER: 'admin' })).code).toBe(0);
    expect((await pace(['user', 'add', 'una', '--authority', 'NORTH', '--role', 'viewer', '--email', 'una@council.example'], { DATABASE_URL: web.url, USER: 'admin' })).code).toBe(0);
    const nora = await addUser(web.connection, { username: 'nora', displayName: null, passwordHash: '!no-password' });
    if (!nora.ok) throw new Error('user');
    await setOidcLink(web.connection, nora.value.id, { subject: 'sub-no-role' });
  });

  afterEach(async () => {
    for (const other of others.splice(0)) await other.close();
    await web.dispose();
  });

  /** Starts at pace, signs in at the provider, and returns the address the provider sends back to (and the client). */
  async function throughProvider(app: FastifyInstance, login: string, change: (start: URL) => URL = (start) => start, next = '/a/NORTH/children') {
    const client = new Client(app);
    const started = await client.get(`/sign-in/oidc?next=${next}`);
    expect(started.statusCode).toBe(303);
    const start = change(new URL(String(started.headers.location)));
    const back = await signInAtProvider(start.href, login);
    return { client, started, back: `${back.pathname}${back.search}` };
  }

  function expectRefused(response: Awaited<ReturnType<Client['get']>>, client: Client) {
    expect(response.statusCode).toBe(401);
    expect(textOf(response.body)).toContain('Single sign-on did not work');
    expect(client.cookies.has('pace_session')).toBe(false);
  }

  it('offers single sign-on on the sign-in page only when it is configured', async () => {
    const client = new Client(web.app);
    expect((await client.get('/sign-in?next=/a/NORTH')).body).toContain('<a class="ds_button" href="/sign-in/oidc?next=%2Fa%2FNORTH">Sign in with your organisation’s account</a>');
    const plain = await buildApp({ connection: web.connection });
    others.push(plain);
    expect((await new Client(plain).get('/sign-in')).body).not.toContain('/sign-in/oidc');
    expect((await new Client(plain).get('/sign-in/oidc')).statusCode).toBe(404);
    expect((await new Client(plain).get('/sign-in/oidc/callback?code=x&state=y')).statusCode).toBe(404);
  });

  it('signs in a linked user with the authorization code flow, PKCE, state and nonce, in a new session', async () => {
    const { client, started, back } = await throughProvider(web.app, 'sub-linked');
    const start = new URL(String(started.headers.location));
    expect(`${start.origin}${start.pathname}`).toBe(`${provider.issuer}/auth`);
    expect(Object.fromEntries([...start.searchParams].filter(([k]) => ['client_id', 'response_type', 'code_challenge_method', 'redirect_uri', 'scope'].includes(k)))).toEqual({ client_id: 'pace', response_type: 'code', code_challenge_method: 'S256', redirect_uri: redirectUri, scope: 'openid email' });
    for (const check of ['state', 'nonce', 'code_challenge']) expect(start.searchParams.get(check)).toMatch(/^[\w-]{43}$/);
    // The sign-in in progress is named by an HttpOnly, SameSite=Lax cookie holding nothing but a random id.
    expect(String(started.headers['set-cookie'])).toMatch(/^pace_oidc=[\w-]{43}; Max-Age=600; Path=\/sign-in\/oidc; HttpOnly; SameSite=Lax/);
    const planted = 'planted-before-sign-in';
    client.cookies.set('pace_session', planted);
    const finished = await client.get(back);
    expect([finished.statusCode, finished.headers.location]).toEqual([303, '/a/NORTH/children']);
    expect(client.cookies.get('pace_session')).toMatch(/^[\w-]{43}$/);
    expect(client.cookies.has('pace_oidc')).toBe(false);
    expect(textOf((await client.get('/a/NORTH/children')).body)).toContain('Signed in as lin');
    // The same answer a second time finds no sign-in in progress.
    const again = new Client(web.app);
    again.cookies.set('pace_oidc', 'x'.repeat(43));
    expectRefused(await again.get(back), again);
  });

  it('goes back only to a path on this site after single sign-on, whatever control character, backslash or slash next hides', async () => {
    const nexts: readonly [string, string][] = [
      ['/%09/evil.example/phish', '/'],
      ['/%0d/evil.example/phish', '/'],
      ['/%0a/evil.example/phish', '/'],
      ['/%00/evil.example/phish', '/'],
      ['/%5Cevil.example/phish', '/'],
      ['//evil.example/phish', '/'],
      ['/%2F%2Fevil.example/phish', '/'],
      ['https://evil.example/phish', '/'],
      ['/a/NORTH/children%3Fq%3Dan%20o%E2%80%99neil', '/a/NORTH/children?q=an%20o%E2%80%99neil'],
    ];
    const seen: string[] = [];
    for (const [next] of nexts) {
      // The sign-in page's button carries only what would be kept.
      const link = /href="(\/sign-in\/oidc[^"]*)"/.exec((await new Client(web.app).get(`/sign-in?next=${next}`)).body)?.[1];
      const { client, back } = await throughProvider(web.app, 'sub-linked', undefined, next);
      const finished = await client.get(back);
      seen.push(`${next} -> ${link} ${finished.statusCode} ${finished.headers.location}`);
    }
    expect(seen).toEqual(nexts.map(([next, expected]) => `${next} -> ${expected === '/' ? '/sign-in/oidc' : `/sign-in/oidc?next=${encodeURIComponent(expected)}`} 303 ${expected}`));
  });

  it('links a user set up by e-mail at their first sign-in, only when the provider has verified the address', async () => {
    const { client, back } = await throughProvider(web.app, 'sub-new-starter');
    expect((await client.get(back)).statusCode).toBe(303);
    expect(textOf((await client.get('/a/NORTH')).body)).toContain('Signed in as newbie');
    expect((await findUserByOidcSubject(web.connection, 'sub-new-starter'))?.username).toBe('newbie');

    const unverified = await throughProvider(web.app, 'sub-unverified');
    const refused = await unverified.client.get(unverified.back);
    expect(refused.statusCode).toBe(403);
    expect(unverified.client.cookies.has('pace_session')).toBe(false);
    expect(await findUserByOidcSubject(web.connection, 'sub-unverified')).toBeNull();
  });

  it('tells a user with no role, or no account, that they have no access, and signs nobody in', async () => {
    for (const login of ['sub-no-role', 'sub-stranger']) {
      const { client, back } = await throughProvider(web.app, login);
      const response = await client.get(back);
      expect(response.statusCode).toBe(403);
      expect(textOf(response.body)).toContain(`You do not have access to pace Your organisation’s sign-in service knows you, but you have no role in pace, so you have not been signed in. Ask your pace administrator to give you access, quoting this reference: ${login}`);
      expect(client.cookies.has('pace_session')).toBe(false);
      expect((await client.get('/a/NORTH')).statusCode).toBe(303);
    }
  });

  it('refuses an answer whose state was changed on the way back', async () => {
    const { client, back } = await throughProvider(web.app, 'sub-linked');
    const url = new URL(back, 'http://localhost');
    url.searchParams.set('state', 'x'.repeat(43));
    expectRefused(await client.get(`${url.pathname}${url.search}`), client);
  });

  it('refuses an ID token carrying a nonce other than the one pace sent', async () => {
    const { client, back } = await throughProvider(web.app, 'sub-linked', (start) => {
      start.searchParams.set('nonce', 'n'.repeat(43));
      return start;
    });
    expectRefused(await client.get(back), client);
  });

  it('refuses an ID token whose signature does not verify', async () => {
    const app = await appWith({ fetch: tamperingFetch((token) => `${token.slice(0, -6)}${token.endsWith('AAAAAA') ? 'BBBBBB' : 'AAAAAA'}`) });
    const { client, back } = await throughProvider(app, 'sub-linked');
    expectRefused(await client.get(back), client);
  });

  it("refuses an ID token signed with the provider's own key but made out for another client", async () => {
    const app = await appWith({ fetch: tamperingFetch((token) => resigned(token, provider.signingKey, (claims) => ({ ...claims, aud: provider.clients.other.clientId, azp: provider.clients.other.clientId }))) });
    const { client, back } = await throughProvider(app, 'sub-linked');
    expectRefused(await client.get(back), client);
    // The same token, still made out for pace, is accepted: only the audience made the difference.
    const control = await appWith({ fetch: tamperingFetch((token) => resigned(token, provider.signingKey, (claims) => claims)) });
    const fine = await throughProvider(control, 'sub-linked');
    expect((await fine.client.get(fine.back)).statusCode).toBe(303);
  });

  it('refuses to sign in through a client the provider does not know', async () => {
    const app = await appWith({ clientId: 'stranger-client', clientSecret: 'not-known-there' });
    const client = new Client(app);
    const started = await client.get('/sign-in/oidc');
    expect(started.statusCode).toBe(303);
    const start = new URL(String(started.headers.location));
    // The provider will not send the browser back for a client it does not know…
    const atProvider = await fetch(start, { redirect: 'manual' });
    expect(atProvider.status).toBe(400);
    expect(await atProvider.text()).toContain('invalid_client');
    // …and a made-up answer with the right state is refused when pace exchanges its code.
    expectRefused(await client.get(`/sign-in/oidc/callback?code=made-up&state=${start.searchParams.get('state') ?? ''}&iss=${encodeURIComponent(provider.issuer)}`), client);
  });

  it('refuses an answer that did not start in this browser', async () => {
    const { back } = await throughProvider(web.app, 'sub-linked');
    expectRefused(await new Client(web.app).get(back), new Client(web.app));
  });

  it('shows a plain page when the provider cannot be reached, signing nobody in', async () => {
    const app = await appWith({ issuer: 'http://127.0.0.1:9/' });
    const client = new Client(app);
    const response = await client.get('/sign-in/oidc');
    expect(response.statusCode).toBe(502);
    expect(textOf(response.body)).toContain('Your organisation’s sign-in service cannot be reached');
    expect(client.cookies.has('pace_oidc')).toBe(false);
  });

  it('never accepts a password for an account that signs in only through single sign-on', async () => {
    const client = new Client(web.app);
    await client.get('/sign-in');
    const response = await client.post('/sign-in', { username: 'nora', password: '!no-password' });
    expect(response.statusCode).toBe(401);
  });
});
