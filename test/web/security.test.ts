// The web application's defences, each tried for real against every route the app has
// registered (read from the app, so a new route is covered without being listed): forms refuse a
// forged request, sign-in gives a new session, cookies are HttpOnly and SameSite, stored and
// reflected script is always escaped, injected SQL changes nothing, every answer carries the
// security headers, and a revoked API token opens nothing. docs/security.md maps each threat here.
import type { LightMyRequestResponse } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addUser, appendAudit, findUser, grantRole, revokeApiToken, type Connection } from '../../src/store/index.js';
import { createApiToken } from '../../src/app/accounts.js';
import { hashPassword } from '../../src/app/secrets.js';
import { createCalendarFeed } from '../../src/app/calendar-feeds.js';
import { engines } from '../engines.js';
import { saveNorth } from './fixtures.js';
import { addTestUser, Client, openWeb, password, type WebFixture } from './harness.js';
import { paramsOf, publicByDesign, registeredRoutes, type Route } from './routes.js';
import { attributePayload, north, rawMarkup, saveNorthSecrets, saveScriptedRecords, scriptPayload } from './security-fixtures.js';

/** Every filter, sort and choice any page or endpoint reads from its address. */
const queryParameters = ['q', 'page', 'sort', 'dir', 'aim', 'status', 'placement', 'team', 'worker', 'window', 'revoked', 'as_at', 'from', 'to', 'next', 'year', 'format', 'group', 'sibling_group', 'children', 'weeks', 'months', 'align', 'view', 'child', 'user', 'action', 'rule', 'saved', 'done', 'id', 'by', 'suppress'];

const injections = ["' OR 1=1 --", '1; DROP TABLE children', "NORTH'; DELETE FROM audit_log; --", '" OR ""="', '%27%20OR%201%3D1', '1) UNION SELECT username, password_hash FROM users --'];

/** A value for each path parameter, from a table of NORTH's ids (a parameter not in it fails the test, naming itself). */
function address(route: Route, values: Readonly<Record<string, string>>): string {
  let url = route.url.replace('*', 'css/design-system.min.css');
  for (const param of paramsOf(route.url)) {
    const value = values[`${param}@${route.url}`] ?? values[param];
    if (value === undefined) throw new Error(`no value for :${param} in ${route.method} ${route.url}: add one in test/web/security.test.ts`);
    url = url.replace(`:${param}`, encodeURIComponent(value));
  }
  return url;
}

/** Every table and how many rows each holds (sessions left out: signing in changes them). */
async function tableCounts(connection: Connection): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of await connection.db.introspection.getTables()) {
    if (table.name === 'sessions' || table.name.startsWith('kysely_')) continue;
    // pace's own tables only: on PostgreSQL the job queue keeps pg-boss's in a schema of its own.
    if (table.schema !== undefined && table.schema !== 'public') continue;
    const row = await connection.db.selectFrom(table.name as 'children').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    counts[table.name] = Number(row.n);
  }
  return counts;
}

function setCookies(response: LightMyRequestResponse): string[] {
  const header = response.headers['set-cookie'];
  return header === undefined ? [] : Array.isArray(header) ? header : [header];
}

/** The script payload as a page shows it: `<` escaped (and `>` too, or not: a bare `>` opens nothing). */
const escapedScript = /&lt;script(&gt;|>)alert\(1\)&lt;\/script/;

function isMarkup(response: LightMyRequestResponse): boolean {
  return /text\/html|image\/svg\+xml/.test(String(response.headers['content-type']));
}

describe.each(engines)('defences of the web application on $name', (engine) => {
  let web: WebFixture;
  let routes: Route[];
  let ids: Record<string, string>;

  beforeEach(async () => {
    web = await openWeb(engine, { signInLimit: { max: 5, timeWindow: 60_000 } });
    await saveNorth(web.connection, web.north);
    const { feedId } = await saveNorthSecrets(web.connection, web.north);
    await addTestUser(web.connection, 'ada', [[web.north, 'admin']]);
    await web.app.ready();
    routes = registeredRoutes(web.app);
    ids = {
      code: 'NORTH',
      childId: north.childId,
      placementId: north.placementId,
      eventId: north.eventId,
      aimId: north.aimId,
      ruleId: 'planning-meeting',
      jobId: '0123456789abcdef0123456789abcdef',
      aim: 'aim-2',
      token: 'A'.repeat(43),
      'id@/a/:code/children/:childId/placements/:id/edit': north.placementId,
      'id@/a/:code/children/:childId/events/:id/edit': north.eventId,
      'id@/a/:code/due/calendar/:id/revoke': String(feedId),
      'file@/a/:code/aims/:aimId/:file': 'run-chart.svg',
      'file@/a/:code/poster/:aimId/:file': 'run-chart.svg',
      'file@/a/:code/aims/:aimId/breakdown/:file': 'team.csv',
      'file@/a/:code/exports/:file': 'clas-2021.csv',
      'file@/national/aims/:aim/:file': 'table.csv',
      // Improvement work (security-fixtures.ts): test T1 with cycle 1, driver 1, a meeting on 2021-03-10 with action A1.
      date: '2021-03-10',
      n: '1',
      c: '1',
      part: 'do',
      'id@/a/:code/drivers/:id': '1',
      'id@/a/:code/drivers/:id/remove': '1',
      'id@/a/:code/library/:id': '1',
      'file@/a/:code/packs/:file': '2021-03-10',
      'file@/a/:code/packs/:file/pdf': '2021-03-10',
      'file@/a/:code/balancing/:file': 'placement-moves.csv',
    };
  });

  afterEach(async () => {
    await web.dispose();
  });

  it('refuses every form post that does not carry the token its form was given, changing nothing', async () => {
    const client = new Client(web.app);
    await client.signIn('ada');
    await client.get('/a/NORTH');
    const before = await tableCounts(web.connection);
    const posts = routes.filter((r) => r.method === 'POST' && !r.url.startsWith('/api/'));
    expect(posts.length).toBeGreaterThan(10);
    const failures: string[] = [];
    for (const route of posts) {
      const url = address(route, ids);
      const fields = { child_id: 'CSRF1', date_of_birth: '2015-01-01', worker: 'Someone', event_type: 'lac_review', date: '2021-01-01', start_date: '2021-01-01', placement_type: 'foster' };
      // Forged, missing, and (for an upload) a multipart body with a forged token.
      const forged = await client.post(url, { ...fields, _csrf: 'forged' });
      const missing = await web.app.inject({ method: 'POST', url, payload: new URLSearchParams(fields).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: client.cookieHeader() } });
      const upload = await client.upload(url, { _csrf: 'forged', ...fields }, [{ field: 'files', name: 'children.csv', content: 'child_id\nX\n' }]);
      // A route that takes only uploads refuses a plain form as the wrong kind of request before reading it.
      for (const [kind, response] of [['forged', forged], ['missing', missing], ['upload', upload]] as const) {
        const refused = response.statusCode === 403 && response.body.includes('This form has expired or did not come from pace.');
        if (!refused && !(kind !== 'upload' && response.statusCode === 415)) failures.push(`${route.method} ${url} (${kind} token): ${response.statusCode}`);
      }
      if (!client.cookies.has('pace_session')) failures.push(`${route.method} ${url} signed the user out`);
    }
    expect(failures).toEqual([]);
    expect(await tableCounts(web.connection)).toEqual(before);
  });

  it('refuses every form post from another origin, even with the token its form was given, changing nothing', async () => {
    const client = new Client(web.app);
    await client.signIn('ada');
    await client.get('/a/NORTH');
    const before = await tableCounts(web.connection);
    const posts = routes.filter((r) => r.method === 'POST' && !r.url.startsWith('/api/'));
    expect(posts.length).toBeGreaterThan(10);
    const failures: string[] = [];
    for (const route of posts) {
      const url = address(route, ids);
      const fields = { child_id: 'CSRF1', date_of_birth: '2015-01-01', worker: 'Someone', event_type: 'lac_review', date: '2021-01-01', start_date: '2021-01-01', placement_type: 'foster' };
      const answers = [
        ['Origin', await client.post(url, fields, { origin: 'https://evil.example' })],
        ['Referer', await client.post(url, fields, { referer: 'https://evil.example/x' })],
        ['Origin, upload', await client.upload(url, fields, [{ field: 'files', name: 'children.csv', content: 'child_id\nX\n' }], { origin: 'https://evil.example' })],
      ] as const;
      for (const [kind, response] of answers) {
        if (response.statusCode !== 403 || !response.body.includes('This form has expired or did not come from pace.')) failures.push(`${route.method} ${url} (${kind}): ${response.statusCode}`);
      }
      if (!client.cookies.has('pace_session')) failures.push(`${route.method} ${url} signed the user out`);
    }
    expect(failures).toEqual([]);
    expect(await tableCounts(web.connection)).toEqual(before);
  });

  it('gives a new session id at sign-in: an id planted before, or held from an earlier sign-in, never works after', async () => {
    await addTestUser(web.connection, 'amy', [[web.north, 'viewer']]);
    const client = new Client(web.app);
    client.cookies.set('pace_session', 'planted-by-an-attacker');
    await client.signIn('amy');
    const first = client.cookies.get('pace_session');
    expect(first).toBeDefined();
    expect(first).not.toBe('planted-by-an-attacker');
    expect((await web.app.inject({ method: 'GET', url: '/a/NORTH', headers: { cookie: 'pace_session=planted-by-an-attacker' } })).statusCode).toBe(303);
    // Signing in again (as someone else on a shared computer, say) ends the first session.
    await client.post('/sign-in', { username: 'ada', password });
    const second = client.cookies.get('pace_session');
    expect(second).not.toBe(first);
    expect((await web.app.inject({ method: 'GET', url: '/a/NORTH', headers: { cookie: `pace_session=${first}` } })).statusCode).toBe(303);
    expect((await web.app.inject({ method: 'GET', url: '/a/NORTH', headers: { cookie: `pace_session=${second}` } })).statusCode).toBe(200);
  });

  it('sets every cookie HttpOnly and SameSite=Lax, holding nothing about the user', async () => {
    const client = new Client(web.app);
    const cookies = [...setCookies(await client.get('/sign-in')), ...setCookies(await client.post('/sign-in', { username: 'ada', password })), ...setCookies(await client.get('/a/NORTH')), ...setCookies(await client.post('/sign-out', {}))];
    expect(cookies.map((c) => c.split('=')[0]).sort()).toEqual(expect.arrayContaining(['pace_csrf', 'pace_session']));
    for (const cookie of cookies) {
      expect(cookie).toMatch(/; HttpOnly/);
      expect(cookie).toMatch(/; SameSite=Lax/);
      // Its value is a random token (or nothing, to clear it), with no name, role or authority in it,
      // written out or encoded. (Read as text, a random token may spell "ada" by chance: one did.)
      const [nameAndValue = '', ...attributes] = cookie.split('; ');
      const value = nameAndValue.slice(nameAndValue.indexOf('=') + 1);
      expect(value).toMatch(/^(?:[A-Za-z0-9_-]{32,})?$/);
      expect(`${attributes.join('; ')} ${Buffer.from(value, 'base64url').toString('latin1')}`).not.toMatch(/ada|admin|NORTH/);
    }
  });

  it('limits sign-in attempts per address: another address can still sign in', async () => {
    const from = (remoteAddress: string, pass: string) => web.app.inject({ method: 'POST', url: '/sign-in', remoteAddress, payload: new URLSearchParams({ username: 'ada', password: pass }).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    const statuses: number[] = [];
    // No CSRF token: refused as forged, but each attempt still counts against the address.
    for (let i = 0; i < 6; i++) statuses.push((await from('192.0.2.10', 'wrong password!')).statusCode);
    expect(statuses).toEqual([403, 403, 403, 403, 403, 429]);
    const elsewhere = new Client(web.app);
    expect((await elsewhere.signIn('ada')).statusCode).toBe(303);
  });

  it('escapes script stored in every free-text field, and script in every query parameter, on every page that shows them', async () => {
    const { childIds } = await saveScriptedRecords(web.connection, web.north);
    // The signed-in user's own name is shown in the header of every page.
    const added = await addUser(web.connection, { username: 'xss', displayName: scriptPayload, passwordHash: await hashPassword(password) });
    if (!added.ok) throw new Error('user');
    await grantRole(web.connection, added.value.id, web.north, 'admin', 'test');
    await createCalendarFeed(web.connection, web.north, scriptPayload, attributePayload);
    await appendAudit(web.connection, web.north, { username: scriptPayload, action: 'view', entity: 'child', recordId: scriptPayload, clientIp: attributePayload });
    const client = new Client(web.app);
    await client.signIn('xss');
    const addresses = new Set<string>();
    for (const childId of childIds) {
      const scripted = { ...ids, childId, 'id@/a/:code/children/:childId/placements/:id/edit': childId, 'id@/a/:code/children/:childId/events/:id/edit': `${childId}-e`, aimId: 'aim-1' };
      for (const route of routes.filter((r) => r.method === 'GET' && !r.url.startsWith('/api/'))) addresses.add(address(route, scripted));
    }
    // Pages that show stored text only when asked for it.
    const asked = [`group=siblings&sibling_group=${encodeURIComponent(scriptPayload)}`, `group=chosen&children=${encodeURIComponent(childIds.join(','))}`];
    for (const query of asked) for (const path of ['/a/NORTH/timelines', '/a/NORTH/timelines.svg', '/a/NORTH/timelines/print']) addresses.add(`${path}?${query}`);
    for (const query of [`worker=${encodeURIComponent(scriptPayload)}`, `team=${encodeURIComponent(attributePayload)}`]) for (const path of ['/a/NORTH/due', '/a/NORTH/waiting']) addresses.add(`${path}?${query}`);
    // The breakdowns by team, whose groups are the teams' names, on the page and in the chart, and a group's journey list.
    for (const path of ['/a/NORTH/aims/aim-2/breakdown?by=team', '/a/NORTH/aims/aim-2/breakdown/team.svg', '/a/NORTH/aims/aim-2/journeys?status=all&by=team&group=not-recorded']) addresses.add(path);
    // Every address again with script in every query parameter the app reads.
    for (const url of [...addresses]) for (const payload of [scriptPayload, attributePayload]) addresses.add(`${url.split('?')[0]}?${new URLSearchParams(queryParameters.map((p) => [p, payload])).toString()}`);

    const failures: string[] = [];
    let escapedSeen = 0;
    for (const url of addresses) {
      const response = await client.get(url);
      if (response.statusCode >= 500) failures.push(`${url}: ${response.statusCode}`);
      if (!isMarkup(response)) {
        // Not markup (CSV, PNG, JSON, calendar): a browser is told not to guess otherwise.
        if (response.headers['x-content-type-options'] !== 'nosniff') failures.push(`${url}: ${String(response.headers['content-type'])} without nosniff`);
        continue;
      }
      for (const raw of rawMarkup) if (response.body.includes(raw)) failures.push(`${url} shows ${raw} unescaped`);
      if (escapedScript.test(response.body)) escapedSeen += 1;
    }
    expect(failures).toEqual([]);
    // The payloads did reach the pages (escaped): the child's record, the lists, the forms, the timelines.
    const record = (await client.get(`/a/NORTH/children/${encodeURIComponent(scriptPayload)}`)).body;
    expect(record).toMatch(escapedScript);
    expect(record).toMatch(/&quot;(&gt;|>)&lt;img src=x onerror=alert\(1\)/);
    expect(escapedSeen).toBeGreaterThan(100);
  });

  it('answers SQL injected into every filter, sort and path parameter with an error or a normal page, never a fault, and loses no table', async () => {
    const client = new Client(web.app);
    await client.signIn('ada');
    const token = (await createApiToken(web.connection, (await findUser(web.connection, 'ada'))?.id ?? 0, 'sqli')).token;
    const tablesBefore = await tableCounts(web.connection);
    const reads = routes.filter((r) => r.method === 'GET' && !publicByDesign.has(`${r.method} ${r.url}`));
    const failures: string[] = [];
    for (const route of reads) {
      for (const injection of injections) {
        const urls = [`${address(route, ids)}?${new URLSearchParams(queryParameters.map((p) => [p, injection])).toString()}`];
        // And in each path parameter in turn.
        for (const param of paramsOf(route.url)) urls.push(address(route, { ...ids, [param]: injection, [`${param}@${route.url}`]: injection }));
        for (const url of urls) {
          const response = route.url.startsWith('/api/') ? await web.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } }) : await client.get(url);
          if (response.statusCode >= 500) failures.push(`${url}: ${response.statusCode}`);
        }
      }
    }
    expect(failures).toEqual([]);
    // The views are audited: the log grows, and its chain's head is written with its first entry. A
    // PDF asked for is a job, its file kept with it (decision 0024): those may grow, never shrink.
    const tablesAfter = await tableCounts(web.connection);
    expect(tablesAfter).toEqual({ ...tablesBefore, audit_log: expect.any(Number) as number, audit_chain_heads: expect.any(Number) as number, jobs: expect.any(Number) as number, job_files: expect.any(Number) as number });
    expect([(tablesAfter.jobs ?? 0) >= (tablesBefore.jobs ?? 0), (tablesAfter.job_files ?? 0) >= (tablesBefore.job_files ?? 0)]).toEqual([true, true]);
    expect((await client.get('/a/NORTH/children?q=%27%20OR%201%3D1%20--')).body).toContain('0 children matching');
  });

  it('sends the security headers with every answer: pages, files, errors and the API', async () => {
    const client = new Client(web.app);
    await client.signIn('ada');
    const failures: string[] = [];
    for (const route of routes.filter((r) => r.method === 'GET')) {
      const url = address(route, ids);
      const response = route.url.startsWith('/api/') ? await web.app.inject({ method: 'GET', url }) : await client.get(url);
      const h = response.headers;
      const missing = [
        String(h['content-security-policy']).includes("frame-ancestors 'none'") ? null : 'frame-ancestors',
        String(h['content-security-policy']).includes("script-src 'self'") ? null : 'script-src',
        String(h['content-security-policy']).includes("object-src 'none'") ? null : 'object-src',
        h['x-content-type-options'] === 'nosniff' ? null : 'nosniff',
        h['referrer-policy'] === 'same-origin' ? null : 'referrer-policy',
        h['x-frame-options'] === 'SAMEORIGIN' ? null : 'x-frame-options',
        route.url.startsWith('/assets/') || h['cache-control'] === 'no-store' ? null : 'no-store',
      ].filter(Boolean);
      if (missing.length) failures.push(`${url}: ${missing.join(', ')}`);
    }
    expect(failures).toEqual([]);
  });

  it('refuses a revoked API token on every endpoint', async () => {
    const userId = (await findUser(web.connection, 'ada'))?.id ?? 0;
    const made = await createApiToken(web.connection, userId, 'to be revoked');
    const call = (route: Route) => web.app.inject({ method: route.method as 'GET', url: address(route, ids), headers: { authorization: `Bearer ${made.token}` }, ...(route.method === 'GET' ? {} : { payload: {} }) });
    const endpoints = routes.filter((r) => r.url.startsWith('/api/v1/'));
    expect((await call({ method: 'GET', url: '/api/v1/authorities' })).statusCode).toBe(200);
    expect(await revokeApiToken(web.connection, userId, made.id)).toBe(true);
    const answers = await Promise.all(endpoints.map(async (r) => `${r.method} ${r.url} ${(await call(r)).statusCode}`));
    expect(answers).toEqual(endpoints.map((r) => `${r.method} ${r.url} 401`));
  });
});
