// Cross-site request forgery, tried for real on the forms: a form's token is bound to the session
// it was given in (and, before sign-in, to a secret cookie that sign-in and sign-out replace), so
// a token from another session, from before sign-in or from a session that has ended is refused;
// the cookies are __Host- cookies over TLS; and a state-changing request that says it came from
// another origin is refused whatever token it carries. Each refusal is the plain error page and
// changes nothing.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findChildRecord, findUser } from '../../src/store/index.js';
import { createApiToken } from '../../src/app/accounts.js';
import { engines } from '../engines.js';
import { addTestUser, Client, openWeb, textOf, type WebFixture } from './harness.js';

const refusal = 'You cannot do that This form has expired or did not come from pace. Go back, reload the page and try again.';

/** The status and, for a refusal, what the page says; for anything else, where it leads. */
function outcome(response: LightMyRequestResponse): string {
  if (response.statusCode !== 403) return `${response.statusCode} ${String(response.headers.location)}`;
  const text = textOf(response.body);
  return `403 ${response.headers['content-type']} ${text.includes(refusal) ? 'refused' : text}`;
}
const refused = '403 text/html; charset=utf-8 refused';

function setCookies(response: LightMyRequestResponse): string[] {
  const header = response.headers['set-cookie'];
  return header === undefined ? [] : Array.isArray(header) ? header : [header];
}

describe.each(engines)('cross-site request forgery on $name', (engine) => {
  let web: WebFixture;
  let uploads: string;

  beforeEach(async () => {
    uploads = mkdtempSync(join(tmpdir(), 'pace-uploads-test-'));
    process.env.PACE_UPLOAD_DIR = uploads;
    web = await openWeb(engine, { trustProxy: { kind: 'hops', hops: 1 } });
    delete process.env.PACE_UPLOAD_DIR;
    await addTestUser(web.connection, 'ada', [[web.north, 'admin']]);
    await addTestUser(web.connection, 'pat', [[web.north, 'practitioner']]);
  });

  afterEach(async () => {
    await web.dispose();
    rmSync(uploads, { recursive: true, force: true });
  });

  const childExists = async (childId: string) => (await findChildRecord(web.connection, web.north, childId)) !== null;
  const addChild = (client: Client, childId: string, extra: Record<string, string> = {}, headers: Record<string, string> = {}) => client.post('/a/NORTH/add-child', { child_id: childId, date_of_birth: '2019-02-28', ...extra }, headers);

  it('refuses a token from one session in another, both ways, even with that session’s cookies planted beside it', async () => {
    const a = new Client(web.app);
    const b = new Client(web.app);
    await a.signIn('ada');
    await b.signIn('pat');
    await a.get('/a/NORTH/add-child');
    await b.get('/a/NORTH/add-child');
    // Every cookie of the other browser but its session: what an attacker who can set cookies would plant.
    const [ofA, ofB] = [new Map(a.cookies), new Map(b.cookies)];
    const plant = (into: Client, from: ReadonlyMap<string, string>) => {
      for (const [name, value] of from) if (!name.endsWith('pace_session')) into.cookies.set(name, value);
    };
    plant(b, ofA);
    plant(a, ofB);
    const outcomes = [outcome(await addChild(b, 'X1', { _csrf: a.lastToken })), outcome(await addChild(a, 'X2', { _csrf: b.lastToken }))];
    expect(outcomes).toEqual([refused, refused]);
    expect([await childExists('X1'), await childExists('X2')]).toEqual([false, false]);
    // Each session's own token still works.
    expect([outcome(await addChild(a, 'X3')), outcome(await addChild(b, 'X4'))]).toEqual(['303 /a/NORTH/children/X3?done=child-added', '303 /a/NORTH/children/X4?done=child-added']);
  });

  it('refuses the token the sign-in page gave once the visitor has signed in', async () => {
    const client = new Client(web.app);
    await client.get('/sign-in');
    const before = client.lastToken;
    expect(outcome(await client.post('/sign-in', { username: 'pat', password: 'correct horse battery' }))).toBe('303 /');
    expect(outcome(await addChild(client, 'X1', { _csrf: before }))).toBe(refused);
    expect(await childExists('X1')).toBe(false);
  });

  it('refuses the tokens of a session once it has been signed out, in the next session and out of any', async () => {
    const client = new Client(web.app);
    await client.signIn('pat');
    await client.get('/a/NORTH/add-child');
    const old = client.lastToken;
    expect(outcome(await client.post('/sign-out', {}))).toBe('303 /sign-in');
    // Out of any session: the sign-in form posted with the old session's token.
    expect(outcome(await client.post('/sign-in', { username: 'pat', password: 'correct horse battery', _csrf: old }))).toBe(refused);
    expect(client.cookies.has('pace_session')).toBe(false);
    await client.signIn('pat');
    expect(outcome(await addChild(client, 'X1', { _csrf: old }))).toBe(refused);
    expect(await childExists('X1')).toBe(false);
  });

  it('names its cookies __Host- and marks them Secure over TLS through the trusted proxy, and names them plainly otherwise', async () => {
    const tls = { 'x-forwarded-proto': 'https' };
    const secure = new Client(web.app);
    const page = await secure.get('/sign-in', tls);
    const signedIn = await secure.post('/sign-in', { username: 'pat', password: 'correct horse battery' }, tls);
    const shape = (cookies: string[]) => cookies.map((c) => c.replace(/=[\w-]{43};/, '=ID;').replace(/Expires=[^;]+/, 'Expires=DATE'));
    expect(shape(setCookies(page))).toEqual(['__Host-pace_csrf=ID; Path=/; HttpOnly; Secure; SameSite=Lax']);
    expect(shape(setCookies(signedIn))).toEqual(['__Host-pace_csrf=; Max-Age=0; Path=/; Expires=DATE; HttpOnly; Secure; SameSite=Lax', '__Host-pace_session=ID; Path=/; Expires=DATE; HttpOnly; Secure; SameSite=Lax']);
    await secure.get('/a/NORTH/add-child', tls);
    expect(outcome(await addChild(secure, 'X1', {}, tls))).toBe('303 /a/NORTH/children/X1?done=child-added');
    // Over TLS a cookie without the prefix is not read: one set by a neighbouring site, or over plain HTTP, opens nothing.
    const session = secure.cookies.get('__Host-pace_session') ?? '';
    const unprefixed = await web.app.inject({ method: 'GET', url: '/a/NORTH', headers: { ...tls, cookie: `pace_session=${session}` } });
    expect(outcome(unprefixed)).toBe('303 /sign-in?next=%2Fa%2FNORTH');

    const plain = new Client(web.app);
    expect(shape(setCookies(await plain.get('/sign-in')))).toEqual(['pace_csrf=ID; Path=/; HttpOnly; SameSite=Lax']);
    expect(shape(setCookies(await plain.post('/sign-in', { username: 'pat', password: 'correct horse battery' })))).toEqual(['pace_csrf=; Max-Age=0; Path=/; Expires=DATE; HttpOnly; SameSite=Lax', 'pace_session=ID; Path=/; Expires=DATE; HttpOnly; SameSite=Lax']);
  });

  it('refuses a form post that says it came from another origin, by Origin or failing that Referer, even with a valid token, changing nothing', async () => {
    const client = new Client(web.app);
    await client.signIn('ada');
    await client.get('/a/NORTH/add-child');
    const tries: [string, Record<string, string>][] = [
      ['evil Origin', { origin: 'https://evil.example' }],
      ['opaque Origin', { origin: 'null' }],
      ['own host, other scheme', { origin: 'https://localhost' }],
      ['own host, other port', { origin: 'http://localhost:3000' }],
      ['evil Referer only', { referer: 'https://evil.example/x' }],
      ['evil Referer, own Origin', { origin: 'http://localhost', referer: 'https://evil.example/x' }],
      ['own Origin', { origin: 'http://localhost' }],
      ['own Origin with its port', { origin: 'http://localhost:80' }],
      ['own Referer only', { referer: 'http://localhost/a/NORTH/add-child' }],
      ['neither', {}],
    ];
    const seen: string[] = [];
    for (const [i, [name, headers]] of tries.entries()) seen.push(`${name}: ${outcome(await addChild(client, `X${i}`, {}, headers))}`);
    expect(seen).toEqual([
      `evil Origin: ${refused}`,
      `opaque Origin: ${refused}`,
      `own host, other scheme: ${refused}`,
      `own host, other port: ${refused}`,
      `evil Referer only: ${refused}`,
      'evil Referer, own Origin: 303 /a/NORTH/children/X5?done=child-added',
      'own Origin: 303 /a/NORTH/children/X6?done=child-added',
      'own Origin with its port: 303 /a/NORTH/children/X7?done=child-added',
      'own Referer only: 303 /a/NORTH/children/X8?done=child-added',
      'neither: 303 /a/NORTH/children/X9?done=child-added',
    ]);
    expect(await Promise.all(['X0', 'X1', 'X2', 'X3', 'X4'].map(childExists))).toEqual([false, false, false, false, false]);

    // An upload from another origin is refused before any file is kept; a sign-in from one signs nobody in.
    await client.get('/a/NORTH/import');
    expect(outcome(await client.upload('/a/NORTH/import', { profile: 'canonical' }, [{ field: 'files', name: 'children.csv', content: 'child_id\nX\n' }], { origin: 'https://evil.example' }))).toBe(refused);
    expect(readdirSync(uploads)).toEqual([]);
    const visitor = new Client(web.app);
    await visitor.get('/sign-in');
    expect(outcome(await visitor.post('/sign-in', { username: 'pat', password: 'correct horse battery' }, { referer: 'https://evil.example/login' }))).toBe(refused);
    expect(visitor.cookies.has('pace_session')).toBe(false);
  });

  it('takes its own origin from the trusted proxy’s X-Forwarded-Proto and X-Forwarded-Host', async () => {
    const forwarded = { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'pace.council.example' };
    const client = new Client(web.app);
    await client.signIn('ada');
    await client.get('/a/NORTH/add-child', forwarded);
    // The client's own cookie jar holds the plain session cookie; over TLS it is the __Host- one that counts.
    const secure = new Client(web.app);
    await secure.get('/sign-in', forwarded);
    await secure.post('/sign-in', { username: 'ada', password: 'correct horse battery' }, { ...forwarded, origin: 'https://pace.council.example' });
    await secure.get('/a/NORTH/add-child', forwarded);
    const seen = [
      outcome(await addChild(secure, 'X1', {}, { ...forwarded, origin: 'https://pace.council.example' })),
      outcome(await addChild(secure, 'X2', {}, { ...forwarded, origin: 'http://pace.council.example' })),
      outcome(await addChild(secure, 'X3', {}, { ...forwarded, origin: 'https://localhost' })),
    ];
    expect(seen).toEqual(['303 /a/NORTH/children/X1?done=child-added', refused, refused]);
    // Without a trusted proxy the same headers are the client's own words: the request is plain HTTP to localhost.
    const direct = await openWeb(engine);
    try {
      await addTestUser(direct.connection, 'ada', [[direct.north, 'admin']]);
      const plain = new Client(direct.app);
      await plain.signIn('ada');
      await plain.get('/a/NORTH/add-child');
      expect(outcome(await addChild(plain, 'X4', {}, { ...forwarded, origin: 'https://pace.council.example' }))).toBe(refused);
    } finally {
      await direct.dispose();
    }
  });

  it('leaves the API to its bearer tokens: a call from another origin is not refused for that', async () => {
    const token = (await createApiToken(web.connection, (await findUser(web.connection, 'ada'))?.id ?? 0, 'cms')).token;
    const response = await web.app.inject({ method: 'PUT', url: '/api/v1/authorities/NORTH/children/API1', headers: { authorization: `Bearer ${token}`, origin: 'https://evil.example' }, payload: { date_of_birth: '2019-02-28' } });
    expect(response.statusCode).toBe(201);
    expect(await childExists('API1')).toBe(true);
  });
});
