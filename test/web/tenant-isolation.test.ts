// Every page and every API endpoint, asked by someone who works only in another authority, for
// NORTH's real records: each answers 404 and shows nothing of NORTH. The routes are read from the
// app itself, so a route added later is tested without anyone remembering to list it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '../../src/app/accounts.js';
import { engines } from '../engines.js';
import { cleanExport } from '../ingest/fixtures.js';
import { addTestUser, Client, openWeb, type WebFixture } from './harness.js';
import { addressOf } from './route-addresses.js';
import { paramsOf, publicByDesign, registeredRoutes, type Route } from './routes.js';
import { north, northWords, saveNorthSecrets } from './security-fixtures.js';

const key = (route: Route) => `${route.method} ${route.url}`;

describe.each(engines)('every page and API endpoint, asked for another authority’s records, on $name', (engine) => {
  let web: WebFixture;
  let routes: Route[];
  let ids: { feedId: number; jobId: string };
  let southToken: string;
  let northToken: string;
  let uploads: string;

  beforeAll(async () => {
    uploads = mkdtempSync(join(tmpdir(), 'pace-uploads-test-'));
    process.env.PACE_UPLOAD_DIR = uploads;
    web = await openWeb(engine);
    delete process.env.PACE_UPLOAD_DIR;
    const { feedId } = await saveNorthSecrets(web.connection, web.north);
    const nadia = await addTestUser(web.connection, 'nadia', [[web.north, 'data-lead']]);
    // An admin of SOUTH: the highest role there, and none in NORTH.
    const sam = await addTestUser(web.connection, 'sam', [[web.south, 'admin']]);
    southToken = (await createApiToken(web.connection, sam, 'south system')).token;
    northToken = (await createApiToken(web.connection, nadia, 'north system')).token;
    // One of NORTH's checked uploads, for the routes of an import.
    const lead = new Client(web.app);
    await lead.signIn('nadia');
    await lead.get('/a/NORTH/import');
    const files = Object.entries(cleanExport).map(([name, lines]) => ({ field: 'files', name, content: `${lines.join('\r\n')}\r\n` }));
    const checked = await lead.upload('/a/NORTH/import', { profile: 'canonical' }, files);
    const jobId = /\/import\/(\w+)$/.exec(String(checked.headers.location))?.[1];
    if (!jobId) throw new Error(`no import job: ${checked.statusCode}`);
    ids = { feedId, jobId };
    await web.app.ready();
    routes = registeredRoutes(web.app);
  });

  afterAll(async () => {
    await web.dispose();
    rmSync(uploads, { recursive: true, force: true });
  });

  it('reads every route from the app, including the ones this test is about', () => {
    const keys = routes.map(key);
    for (const expected of ['GET /a/:code/children/:childId', 'POST /a/:code/children/:childId/events/:id/edit', 'PUT /api/v1/authorities/:code/children/:childId/events/:eventId', 'GET /a/:code/audit']) expect(keys).toContain(expected);
    for (const excluded of publicByDesign.keys()) expect(keys, `${excluded} is listed as public but is not a route`).toContain(excluded);
  });

  it('answers 404 with nothing of NORTH to a SOUTH administrator, on every page and every form', async () => {
    const client = new Client(web.app);
    await client.signIn('sam');
    const pages = routes.filter((r) => !r.url.startsWith('/api/') && !publicByDesign.has(key(r)));
    expect(pages.length).toBeGreaterThan(40);
    const failures: string[] = [];
    for (const route of pages) {
      const url = addressOf(route, ids);
      await client.get('/a/SOUTH');
      const response = route.method === 'GET' ? await client.get(url) : await client.post(url, { child_id: 'X1', date_of_birth: '2015-01-01', worker: north.worker });
      const leaked = northWords.filter((word) => response.body.includes(word));
      const expected = paramsOf(route.url).includes('code') ? [404] : [200, 303, 404];
      if (!expected.includes(response.statusCode) || leaked.length > 0) failures.push(`${route.method} ${url}: ${response.statusCode}${leaked.length ? `, shows ${leaked.join(', ')}` : ''}`);
      // Signing out ends this client's session: sign in again for the routes after it.
      if (!client.cookies.has('pace_session')) await client.signIn('sam');
    }
    expect(failures).toEqual([]);
  });

  it('answers 404 with nothing of NORTH to a SOUTH token, on every API endpoint', async () => {
    const endpoints = routes.filter((r) => r.url.startsWith('/api/') && !publicByDesign.has(key(r)));
    expect(endpoints.length).toBeGreaterThan(7);
    const failures: string[] = [];
    for (const route of endpoints) {
      const url = addressOf(route, ids);
      const body = route.method === 'GET' ? {} : { payload: { date_of_birth: '2015-01-01', event_type: 'lac_review', date: '2021-01-01', start_date: '2021-01-01', placement_type: 'foster', children: [{ child_id: north.childId, date_of_birth: '2015-01-01' }] } };
      const response = await web.app.inject({ method: route.method as 'GET', url, headers: { authorization: `Bearer ${southToken}` }, ...body });
      const leaked = northWords.filter((word) => response.body.includes(word));
      const expected = paramsOf(route.url).includes('code') ? [404] : [200];
      if (!expected.includes(response.statusCode) || leaked.length > 0) failures.push(`${route.method} ${url}: ${response.statusCode}${leaked.length ? `, shows ${leaked.join(', ')}` : ''}`);
    }
    expect(failures).toEqual([]);
  });

  it('uses ids that are real: NORTH’s own data lead gets every one of those pages and endpoints', async () => {
    const client = new Client(web.app);
    await client.signIn('nadia');
    const reads = routes.filter((r) => r.method === 'GET' && paramsOf(r.url).includes('code'));
    const failures: string[] = [];
    for (const route of reads) {
      const url = addressOf(route, ids);
      const response = route.url.startsWith('/api/') ? await web.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${northToken}` } }) : await client.get(url);
      if (response.statusCode === 404 || response.statusCode >= 500) failures.push(`${url}: ${response.statusCode}`);
    }
    expect(failures).toEqual([]);
  });
});
