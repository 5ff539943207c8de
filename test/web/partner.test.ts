// A multi-agency partner (docs/decisions/0027-partner-access.md) asks for every page, form, file and
// API endpoint the app registers, with NORTH's real ids in the address: only the pages that show no
// child answer, and nothing a partner reaches holds a child's name, reference or date of birth. The
// routes are read from the app itself, so a route added later is swept without anyone listing it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '../../src/app/accounts.js';
import { FiguresCache } from '../../src/app/figures-cache.js';
import { partnerMeetingPackFor } from '../../src/app/partner-pack.js';
import { addDriverNode, addTest, findAuthority, saveRecords } from '../../src/store/index.js';
import { child, d, event, placement } from '../builders.js';
import { engines } from '../engines.js';
import { cleanExport } from '../ingest/fixtures.js';
import { addTestUser, Client, openWeb, textOf, type WebFixture } from './harness.js';
import { addressOf } from './route-addresses.js';
import { paramsOf, publicByDesign, registeredRoutes, type Route } from './routes.js';
import { north, saveNorthSecrets } from './security-fixtures.js';

const key = (route: Route) => `${route.method} ${route.url}`;

/**
 * What would identify NORTH's child: its reference, names and date of birth, in every form a page
 * writes a date, and its worker and team, each allocated to fewer than 5 children.
 */
const childWords: readonly string[] = [north.childId, north.firstName, north.lastName, '2014-02-02', '2 February 2014', '02/02/2014', '2 Feb 2014', north.worker, north.team];

/** The pages a partner may open, and what each answers. Every other page of an authority refuses them. */
const partnerPages: ReadonlyMap<string, number> = new Map([
  ['GET /a/:code', 303],
  ['GET /a/:code/partner', 200],
  ['GET /a/:code/poster', 200],
  ['GET /a/:code/poster/pdf', 200],
  ['GET /a/:code/poster/:aimId/:file', 200],
  ['GET /a/:code/poster-a3.pdf', 200],
  ['GET /a/:code/poster-a4.pdf', 200],
  ['GET /a/:code/meetings', 200],
  ['GET /a/:code/packs/:file', 200],
  ['GET /a/:code/packs/:file/pdf', 200],
]);

describe.each(engines)('a multi-agency partner, on $name', (engine) => {
  let web: WebFixture;
  let routes: Route[];
  let ids: { feedId: number; jobId: string };
  let partnerToken: string;
  let uploads: string;

  beforeAll(async () => {
    uploads = mkdtempSync(join(tmpdir(), 'pace-uploads-test-'));
    process.env.PACE_UPLOAD_DIR = uploads;
    web = await openWeb(engine);
    delete process.env.PACE_UPLOAD_DIR;
    const { feedId } = await saveNorthSecrets(web.connection, web.north);
    // Three more children of NORTH, each with a permanence recommendation 13 weeks after being
    // accommodated, in the last 12 months: counts under 5 on aim 2.
    const refs = ['NRT-SMALL-1', 'NRT-SMALL-2', 'NRT-SMALL-3'];
    await saveRecords(
      web.connection,
      web.north,
      {
        children: refs.map((childId) => child({ childId, dateOfBirth: d('2016-04-04') })),
        placements: refs.map((childId) => placement('2020-09-01', null, 'foster', { childId })),
        events: refs.map((childId) => event('permanence_recommendation', '2020-12-01', 'adoption', { childId })),
      },
      { by: 'fixture', at: '2021-05-01T09:00:00.000Z' },
    );
    // Team-written words that name NORTH's child: a driver and a test's title, which a partner must never see.
    await addDriverNode(web.connection, web.north, { aimId: north.aimId, kind: 'primary', parentId: null, text: `Ask ${north.firstName} ${north.lastName}’s carers`, libraryIdea: null }, { by: 'fixture' });
    await addTest(web.connection, web.north, { title: `Review ${north.childId} early`, change: 'Earlier review', changeIdea: null, libraryIdea: null, agencies: ['health'], owner: 'Lead', aimIds: [north.aimId], driverIds: [], start: d('2021-02-01'), scale: 'one-team' }, { by: 'fixture' });
    await addTestUser(web.connection, 'nadia', [[web.north, 'data-lead']]);
    await addTestUser(web.connection, 'vicky', [[web.north, 'viewer']]);
    const pat = await addTestUser(web.connection, 'pat', [[web.north, 'partner']]);
    partnerToken = (await createApiToken(web.connection, pat, 'partner system')).token;
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

  it('opens only the overview, the poster and the meeting packs, refuses every other page and form of the authority, and shows no child on any page it reaches', async () => {
    const client = new Client(web.app);
    await client.signIn('pat');
    for (const page of partnerPages.keys()) expect(routes.map(key), `${page} is listed as a partner's page but is not a route`).toContain(page);
    const pages = routes.filter((r) => !r.url.startsWith('/api/') && !publicByDesign.has(key(r)));
    expect(pages.length).toBeGreaterThan(40);
    const failures: string[] = [];
    const opened: string[] = [];
    for (const route of pages) {
      const url = addressOf(route, ids);
      // A page a partner may open, for a fresh form token (its sign-out form carries one).
      await client.get('/a/NORTH/partner');
      const response = route.method === 'GET' ? await client.get(url) : await client.post(url, { child_id: 'X1', date_of_birth: '2015-01-01', title: 'A title', text: 'Some text' });
      const leaked = childWords.filter((word) => response.body.includes(word));
      const hasCode = paramsOf(route.url).includes('code');
      const expected = partnerPages.get(key(route)) ?? (hasCode ? 403 : null);
      // A 403 is the partner's refusal by grantFor (not the form token's, nor another check's).
      const refusedAsPartner = response.statusCode === 403 && textOf(response.body).includes('partners see only North Council’s figures');
      const ok = expected === null ? [200, 303, 404].includes(response.statusCode) : expected === 403 ? refusedAsPartner || response.statusCode === 404 : response.statusCode === expected;
      if (!ok || leaked.length > 0) failures.push(`${route.method} ${url}: ${response.statusCode}${leaked.length ? `, shows ${leaked.join(', ')}` : ''}`);
      if (response.statusCode < 300) opened.push(key(route));
      if (!client.cookies.has('pace_session')) await client.signIn('pat');
    }
    expect(failures).toEqual([]);
    // Every authority page the partner opened is one of theirs.
    expect(opened.filter((k) => k.includes(':code') && !partnerPages.has(k))).toEqual([]);
  });

  it('goes from the authority to the overview, whose navigation offers only the overview, the poster and the meeting packs', async () => {
    const client = new Client(web.app);
    await client.signIn('pat');
    const start = await client.get('/');
    expect([start.statusCode, start.headers.location]).toEqual([303, '/a/NORTH']);
    const dashboard = await client.get('/a/NORTH');
    expect([dashboard.statusCode, dashboard.headers.location]).toEqual([303, '/a/NORTH/partner']);
    const overview = await client.get('/a/NORTH/partner');
    expect(overview.statusCode).toBe(200);
    const links = [...overview.body.matchAll(/href="(\/a\/NORTH[^"?]*)/g)].map((m) => m[1]);
    expect(new Set(links)).toEqual(new Set(['/a/NORTH/partner', '/a/NORTH/poster', '/a/NORTH/meetings']));
    expect(textOf(overview.body)).toContain('Overview for partners');
    // The improvement work, read only: the tests' titles and outcomes, and the driver diagrams, with
    // the words that name a child withheld.
    expect(textOf(overview.body)).toContain('T1: Test-Pangolin');
    expect(textOf(overview.body)).toContain('T2 (its title is withheld: it could identify a child)');
    expect(textOf(overview.body)).toContain(`Primary driver: ${north.driverText}`);
    expect(textOf(overview.body)).toContain('Primary driver: withheld: its words could identify a child');
    const refused = await client.get('/a/NORTH/children');
    expect(refused.statusCode).toBe(403);
    expect(textOf(refused.body)).toContain('partners see only North Council’s figures, poster and improvement work, never a child');
  });

  it('refuses a partner’s token on every API endpoint of the authority, showing no child', async () => {
    const endpoints = routes.filter((r) => r.url.startsWith('/api/') && !publicByDesign.has(key(r)));
    expect(endpoints.length).toBeGreaterThan(7);
    const failures: string[] = [];
    for (const route of endpoints) {
      const url = addressOf(route, ids);
      const body = route.method === 'GET' ? {} : { payload: { date_of_birth: '2015-01-01', event_type: 'lac_review', date: '2021-01-01', start_date: '2021-01-01', placement_type: 'foster', children: [{ child_id: 'X1', date_of_birth: '2015-01-01' }] } };
      const response = await web.app.inject({ method: route.method as 'GET', url, headers: { authorization: `Bearer ${partnerToken}` }, ...body });
      const leaked = childWords.filter((word) => response.body.includes(word));
      const expected = paramsOf(route.url).includes('code') ? [404] : [200];
      if (!expected.includes(response.statusCode) || leaked.length > 0 || response.body.includes('NORTH')) failures.push(`${route.method} ${url}: ${response.statusCode}${leaked.length ? `, shows ${leaked.join(', ')}` : ''}`);
    }
    expect(failures).toEqual([]);
  });

  it('shows a partner counts under 5 as [c], where a viewer of the same figures sees the numbers', async () => {
    const viewer = new Client(web.app);
    await viewer.signIn('vicky');
    const partner = new Client(web.app);
    await partner.signIn('pat');
    const teamPoster = textOf((await viewer.get('/a/NORTH/poster')).body);
    const partnerPoster = textOf((await partner.get('/a/NORTH/poster')).body);
    const overview = textOf((await partner.get('/a/NORTH/partner')).body);
    // The three children of the last 12 months, all in time: 100% of 3 to the team.
    expect(teamPoster).toContain('3 of 3 journeys');
    expect(teamPoster).toContain('100.0% in time');
    for (const text of [partnerPoster, overview]) {
      expect(text).not.toContain('3 of 3');
      expect(text).toContain('[c] of [c] journeys');
      expect(text).toContain('[c]: a count under 5');
      expect(text).not.toContain('100.0% in time');
      // The answer without its counts of children.
      expect(text).toContain('Not enough yet: too few children have reached this milestone for the run-chart rules to say.');
      expect(text).not.toMatch(/there (is|are) \d+ so far/);
    }
    // No dot of a run chart of children reaches a partner: their charts are of months and quarters.
    const partnerHtml = (await partner.get('/a/NORTH/poster')).body;
    expect(partnerHtml).toContain('the percentage in time of the journeys settled in each month, one dot a month');
    expect(partnerHtml).toContain('the percentage in time of the journeys settled in each quarter, one dot a quarter');
    // The page shows each chart as a picture: the months' and quarters' for the partner, the run chart for the team.
    expect(partnerHtml.match(/<img class="pace-chart-picture" src="\/a\/NORTH\/poster\/aim-2\/[^"]*"/g)).toEqual(['<img class="pace-chart-picture" src="/a/NORTH/poster/aim-2/run-chart.svg"', '<img class="pace-chart-picture" src="/a/NORTH/poster/aim-2/quarters.svg"']);
    const months = (await partner.get('/a/NORTH/poster/aim-2/run-chart.svg')).body;
    expect(months).toMatch(/^<svg [^>]*width="560"/);
    expect(months).not.toMatch(/to the milestone, reached in/);
    expect((await partner.get('/a/NORTH/poster/aim-2/quarters.svg')).body).toMatch(/^<svg [^>]*width="560"/);
    expect((await viewer.get('/a/NORTH/poster/aim-2/run-chart.svg')).body).toMatch(/to the milestone, reached in/);
  });

  // One partner and one viewer signed in for the tests below (each sign-in counts against the limit).
  const signedIn = async () => {
    if (!pair) {
      const partner = new Client(web.app);
      await partner.signIn('pat');
      const viewer = new Client(web.app);
      await viewer.signIn('vicky');
      pair = { partner, viewer };
    }
    return pair;
  };
  let pair: { partner: Client; viewer: Client } | undefined;

  it('moves a partner’s figures in whole months: two days of one month give the same figures, as at the end of the month before', async () => {
    const { partner } = await signedIn();
    const figuresOf = async (query: string) => textOf((await partner.get(`/a/NORTH/partner${query}`)).body).replace(/Figures as at [^.]*\./, '').replace(/value="[^"]*"/g, '');
    const today = textOf((await partner.get('/a/NORTH/partner')).body);
    expect(today).toContain('as at 31 May 2021');
    const second = textOf((await partner.get('/a/NORTH/partner?as_at=2021-05-02')).body);
    expect(second).toContain('as at 30 April 2021');
    expect(second).not.toContain('2 May 2021');
    expect(await figuresOf('?as_at=2021-05-02')).toBe(await figuresOf('?as_at=2021-05-30'));
    expect(textOf((await partner.get('/a/NORTH/poster?as_at=2021-05-02')).body)).toContain('as at 30 April 2021');
  });

  it('lists the month of 3 journeys as [c] in the chart’s table and draws no dot for it, where the team’s chart draws one', async () => {
    const { partner, viewer } = await signedIn();
    // The three children of 1 December 2020 on aim 2, all in time.
    expect((await viewer.get('/a/NORTH/aims/aim-2')).body).toContain('December 2020: 100.0% in time (3 of 3)');
    const overview = (await partner.get('/a/NORTH/partner')).body;
    expect(overview).toContain('<th scope="row">December 2020</th><td>[c]</td><td>[c]</td><td>[c]</td>');
    expect(overview).not.toMatch(/December 2020: [\d.]+% in time/);
    expect(textOf(overview)).toContain('Every one of the 36 months has a count under 5, or one that would give one away ([c]), so none is drawn and the run-chart rules have nothing to work on.');
  });

  it('gives a partner the list of meetings and the partners’ pack, page and PDF, with no child, where a viewer gets the full pack', async () => {
    const { partner, viewer } = await signedIn();
    const meetings = await partner.get('/a/NORTH/meetings');
    expect(meetings.statusCode).toBe(200);
    expect(meetings.body).toContain('href="/a/NORTH/packs/2021-03-10"');
    // The meeting's own page (its actions' words unchecked) is not offered to a partner.
    expect(meetings.body).not.toContain('href="/a/NORTH/meetings/2021-03-10"');
    const theirs = await partner.get('/a/NORTH/packs/2021-03-10');
    expect(theirs.statusCode).toBe(200);
    const text = textOf(theirs.body);
    expect(text).toContain('Meeting pack for partners');
    expect(text).toContain('[c] of [c] journeys');
    expect(text).toContain('Month by month: % in time');
    expect(text).toContain('Quarter by quarter: % in time');
    // Who was there is named with the team of one child: withheld.
    expect(text).toContain('Who was at this meeting (a name withheld: its words could identify a child)');
    expect(text).toContain('T2 (its title is withheld: it could identify a child)');
    for (const absent of ['Run chart: weeks to the milestone', 'Waiting chart', 'Balancing measures', 'Data quality', north.actionText, north.note]) expect(text).not.toContain(absent);
    for (const word of childWords) expect(theirs.body).not.toContain(word);
    const team = textOf((await viewer.get('/a/NORTH/packs/2021-03-10')).body);
    for (const present of ['Run chart: weeks to the milestone, one dot a child', 'Waiting chart', 'Balancing measures', 'Data quality', north.note]) expect(team).toContain(present);
    // The PDF is drawn from the partners' pack, whose every word is checked here.
    const stored = await findAuthority(web.connection, 'NORTH');
    if (!stored) throw new Error('no NORTH');
    const document = await partnerMeetingPackFor(web.connection, new FiguresCache(web.connection), stored, d('2021-03-10'), d('2021-06-01'));
    const words = JSON.stringify(document);
    expect(words).toContain('Meeting pack for partners');
    expect(childWords.filter((word) => words.includes(word))).toEqual([]);
    const pdf = await partner.get('/a/NORTH/packs/2021-03-10.pdf');
    const teamPdf = await viewer.get('/a/NORTH/packs/2021-03-10.pdf');
    expect([pdf.statusCode, pdf.headers['content-type']]).toEqual([200, 'application/pdf']);
    expect(pdf.rawPayload.equals(teamPdf.rawPayload)).toBe(false);
  });

  it('gives a partner the partners’ poster as a PDF, made apart from the team’s', async () => {
    const { partner, viewer } = await signedIn();
    const team = await viewer.get('/a/NORTH/poster-a4.pdf');
    const theirs = await partner.get('/a/NORTH/poster-a4.pdf');
    expect([team.statusCode, theirs.statusCode]).toEqual([200, 200]);
    expect(theirs.headers['content-type']).toBe('application/pdf');
    expect(theirs.rawPayload.equals(team.rawPayload)).toBe(false);
  });
});
