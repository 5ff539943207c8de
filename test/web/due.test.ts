import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/web/app.js';
import { d } from '../builders.js';
import { engines } from '../engines.js';
import { saveMovedChild, saveReminderChildren } from '../reminders-fixtures.js';
import { addTestUser, Client, openWeb, textOf, type WebFixture } from './harness.js';

/** The due list's rows as "child | what | due | status | from | worker | team". */
function rowsOf(html: string): string[] {
  const start = html.indexOf('<tbody>');
  const body = html.slice(start, html.indexOf('</tbody>', start));
  return [...body.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((m) =>
    [...(m[1] as string).matchAll(/<td>([\s\S]*?)<\/td>/g)].map((c) => textOf(c[1] as string)).join(' | '),
  );
}

/** The rows of the table after the heading `heading`. */
function tableAfter(html: string, heading: string): string[] {
  return rowsOf(html.slice(html.indexOf(heading)));
}

const b2Review = 'B2 Ben Brown | Looked after review every 6 months | 1 March 2021 | Overdue by 13 weeks | Accommodated 1 September 2020 | Ann Smith | North East';
const b2Recommendation = 'B2 Ben Brown | Permanence recommendation | 2 March 2021 | Overdue by 13 weeks | Accommodated 1 September 2020 | Ann Smith | North East';
const d4Adm = 'D4 Dee Dunn | Agency decision maker decision | 8 March 2021 | Overdue by 12 weeks | Recommended 30 November 2020 |  | North East';
const d4Review = 'D4 Dee Dunn | Looked after review every 6 months | 1 June 2021 | Due today | Accommodated 1 June 2020 |  | North East';
const a1Early = 'A1 Amy Adams | Early review | 3 June 2021 | Due in 2 days | Accommodated 20 May 2021 | Ann Smith | North East';
const c3Home = 'C3 Cal Clark | Review of the time at home at 18 months | 10 June 2021 | Due in 9 days | At home on a CSO from 10 December 2019 | Bob Jones | North West';

describe.each(engines)('what is due on $name', (engine) => {
  let web: WebFixture;
  let client: Client;

  beforeEach(async () => {
    web = await openWeb(engine);
    await saveReminderChildren(web.connection, web.north);
    await addTestUser(web.connection, 'amy', [[web.north, 'practitioner']]);
    await addTestUser(web.connection, 'vic', [[web.north, 'viewer']]);
    await addTestUser(web.connection, 'dan', [[web.north, 'data-lead']]);
    await addTestUser(web.connection, 'sam', [[web.south, 'admin']]);
    client = new Client(web.app);
    await client.signIn('amy');
  });

  afterEach(async () => {
    await web.dispose();
  });

  it("lists the authority's overdue and due-soon items, most pressing first, each child linking to their record", async () => {
    const response = await client.get('/a/NORTH/due');
    expect(response.statusCode).toBe(200);
    expect(textOf(response.body)).toContain('North Council What is due As at 1 June 2021.');
    // The answer straight under the heading, before the ways to narrow it.
    expect(textOf(response.body)).toContain('As at 1 June 2021. 3 overdue and 3 due within 14 days, for 4 children. As at');
    expect(rowsOf(response.body)).toEqual([b2Review, b2Recommendation, d4Adm, d4Review, a1Early, c3Home]);
    expect(response.body).toContain('<a class="ds_link" href="/a/NORTH/children/B2">B2</a>');
    expect(response.body).toContain('<a class="ds_site-navigation__link ds_current" href="/a/NORTH/due" aria-current="page">What is due</a>');
  });

  it('highlights overdue rows and rows due within the window', async () => {
    const body = (await client.get('/a/NORTH/due')).body;
    expect([...body.matchAll(/<tr class="pace-row--(overdue|due-soon)">/g)].map((m) => m[1])).toEqual(['overdue', 'overdue', 'overdue', 'due-soon', 'due-soon', 'due-soon']);
    expect(body).toContain('<span class="ds_tag ds_tag--red">Overdue by 13 weeks</span>');
    expect(body).toContain('<span class="ds_tag ds_tag--orange">Due today</span>');
  });

  it("shows a worker's children, with the changes of allocation into and out of their list", async () => {
    const response = await client.get('/a/NORTH/due?worker=Ann%20Smith');
    expect(textOf(response.body)).toContain('What is due for Ann Smith');
    expect(textOf(response.body)).toContain('2 overdue and 1 due within 14 days, for 2 children.');
    expect(rowsOf(response.body)).toEqual([b2Review, b2Recommendation, a1Early]);
    expect(tableAfter(response.body, 'Changes of allocation')).toEqual(['B2 | Bob Jones (North West team) → Ann Smith (North East team) | 15 May 2021 at 11:30 by amy']);
  });

  it("shows a team's children, and the worker a child left", async () => {
    const team = await client.get('/a/NORTH/due?team=North%20East');
    expect(rowsOf(team.body)).toEqual([b2Review, b2Recommendation, d4Adm, d4Review, a1Early]);
    const bob = await client.get('/a/NORTH/due?worker=bob%20jones');
    expect(rowsOf(bob.body)).toEqual([c3Home]);
    expect(tableAfter(bob.body, 'Changes of allocation')).toEqual(['B2 | Bob Jones (North West team) → Ann Smith (North East team) | 15 May 2021 at 11:30 by amy']);
  });

  it('widens or narrows the window, and shows an earlier date', async () => {
    expect(rowsOf((await client.get('/a/NORTH/due?window=0')).body)).toEqual([b2Review, b2Recommendation, d4Adm, d4Review]);
    expect(rowsOf((await client.get('/a/NORTH/due?worker=Ann%20Smith&window=30')).body)).toEqual([
      b2Review,
      b2Recommendation,
      a1Early,
      'A1 Amy Adams | Looked after review at 6 weeks | 1 July 2021 | Due in 4 weeks | Accommodated 20 May 2021 | Ann Smith | North East',
    ]);
    // As at 2021-02-01 B2's 3-month review (due 1 December) is overdue; the 6-month review and the recommendation are 4 weeks off.
    // B2 was allocated to Ann Smith on 15 May 2021; before that it was Bob Jones's, as first recorded.
    expect(rowsOf((await client.get('/a/NORTH/due?worker=Bob%20Jones&as_at=2021-02-01')).body)).toEqual([
      'B2 Ben Brown | Looked after review at 3 months | 1 December 2020 | Overdue by 8 weeks | Accommodated 1 September 2020 | Bob Jones | North West',
    ]);
    expect(rowsOf((await client.get('/a/NORTH/due?worker=Ann%20Smith&as_at=2021-02-01')).body)).toEqual([]);
  });

  it('lists a child under the worker and team allocated to them as at the date asked, not their current ones', async () => {
    await saveMovedChild(web.connection, web.south);
    await addTestUser(web.connection, 'sue', [[web.south, 'viewer']]);
    const uploadsDir = mkdtempSync(join(tmpdir(), 'pace-uploads-'));
    const later = await buildApp({ connection: web.connection, today: () => d('2026-06-01'), uploadsDir });
    try {
      const sue = new Client(later);
      await sue.signIn('sue');
      const rows = async (query: string) => rowsOf((await sue.get(`/a/SOUTH/due?${query}`)).body);
      const early = 'M1 Mo Moved | Early review | 19 January 2026 | Overdue by 3 weeks | Accommodated 5 January 2026 | Worker A | Team A';
      const sixWeeksSoon = 'M1 Mo Moved | Looked after review at 6 weeks | 16 February 2026 | Due in 1 day | Accommodated 5 January 2026 | Worker A | Team A';
      const sixWeeksLate = 'M1 Mo Moved | Looked after review at 6 weeks | 16 February 2026 | Overdue by 3 weeks | Accommodated 5 January 2026 | Worker B | Team B';
      expect(await rows('worker=Worker%20A&as_at=2026-02-15')).toEqual([early, sixWeeksSoon]);
      expect(await rows('worker=Worker%20B&as_at=2026-02-15')).toEqual([]);
      expect(await rows('team=Team%20A&as_at=2026-02-15')).toEqual([early, sixWeeksSoon]);
      expect(await rows('worker=Worker%20B&as_at=2026-03-15')).toEqual([sixWeeksLate]);
      expect(await rows('worker=Worker%20A&as_at=2026-03-15')).toEqual([]);
      expect(await rows('team=Team%20B&as_at=2026-03-15')).toEqual([sixWeeksLate]);
      // The authority's list names the worker of the day too.
      expect(await rows('as_at=2026-02-15')).toEqual([early, sixWeeksSoon]);
    } finally {
      await later.close();
      rmSync(uploadsDir, { recursive: true, force: true });
    }
  });

  it('refuses a window that is not a number of days, and says what is wrong with an as-at date', async () => {
    expect((await client.get('/a/NORTH/due?window=soon')).statusCode).toBe(400);
    const response = await client.get('/a/NORTH/due?as_at=31/02/2021');
    expect(response.statusCode).toBe(400);
    expect(textOf(response.body)).toContain('Enter the as-at date as a real date, such as 2024-03-01 or 01/03/2024 (you entered 31/02/2021)');
  });

  it('offers a practitioner a calendar feed on a worker’s page, and a viewer none', async () => {
    expect((await client.get('/a/NORTH/due?worker=Ann%20Smith')).body).toContain('<form method="post" action="/a/NORTH/due/calendar">');
    const viewer = new Client(web.app);
    await viewer.signIn('vic');
    const body = (await viewer.get('/a/NORTH/due?worker=Ann%20Smith')).body;
    expect(textOf(body)).toContain('Ann Smith has no calendar feed.');
    expect(body).not.toContain('action="/a/NORTH/due/calendar"');
    expect((await viewer.post('/a/NORTH/due/calendar', { worker: 'Ann Smith' })).statusCode).toBe(403);
  });

  it('lets a data lead see and change the schedule rules, and what is due follows the change', async () => {
    expect((await client.get('/a/NORTH/due/rules')).statusCode).toBe(403);
    expect((await client.get('/a/NORTH/due')).body).not.toContain('See and change the schedule rules');
    const lead = new Client(web.app);
    await lead.signIn('dan');
    const rules = await lead.get('/a/NORTH/due/rules');
    expect(rules.statusCode).toBe(200);
    expect(rowsOf(rules.body).slice(0, 2)).toEqual([
      '72-hour planning meeting | 3 days after the day the child became looked after and accommodated | 72-hour planning meeting | Yes | Change 72-hour planning meeting',
      'Early review | 2 weeks after the day the child became looked after and accommodated | Early review | Yes | Change Early review',
    ]);
    const form = await lead.get('/a/NORTH/due/rules/early-review');
    expect(form.statusCode).toBe(200);
    const saved = await lead.post('/a/NORTH/due/rules/early-review', { name: 'Early review (4 weeks)', enabled: 'yes', after_count: '4', after_unit: 'weeks', every_count: '', every_unit: '' });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe('/a/NORTH/due/rules?saved=early-review');
    expect(textOf((await lead.get('/a/NORTH/due/rules?saved=early-review')).body)).toContain('"Early review (4 weeks)" saved. What is due now follows it.');
    // A1's early review moves to 17 June, beyond the 14-day window; with 16 days it is there.
    expect(rowsOf((await lead.get('/a/NORTH/due?worker=Ann%20Smith')).body)).toEqual([b2Review, b2Recommendation]);
    expect(rowsOf((await lead.get('/a/NORTH/due?worker=Ann%20Smith&window=16')).body)[2]).toBe(
      'A1 Amy Adams | Early review (4 weeks) | 17 June 2021 | Due in 2 weeks | Accommodated 20 May 2021 | Ann Smith | North East',
    );
  });

  it('lets a data lead set and remove the addresses the weekly digests go to, naming who has something due and none', async () => {
    expect((await client.get('/a/NORTH/due/contacts')).statusCode).toBe(403);
    expect((await client.post('/a/NORTH/due/contacts', { kind: 'worker', name: 'Ann Smith', email: 'ann@north.example' })).statusCode).toBe(403);
    expect((await client.get('/a/NORTH/due')).body).not.toContain('/a/NORTH/due/contacts');
    const lead = new Client(web.app);
    await lead.signIn('dan');
    expect((await lead.get('/a/NORTH/due')).body).toContain('<a class="ds_link" href="/a/NORTH/due/contacts">digest addresses</a>');
    const page = await lead.get('/a/NORTH/due/contacts');
    expect(page.statusCode).toBe(200);
    expect(tableAfter(page.body, '<h2>Something due and no address')).toEqual(['Worker | Ann Smith | 2', 'Worker | Bob Jones | 1', 'Team manager | North East | 3', 'Team manager | North West | 1']);
    expect(textOf(page.body)).toContain('No addresses yet.');

    // Names match as on the records, whatever their case and spacing.
    const saved = await lead.post('/a/NORTH/due/contacts', { kind: 'worker', name: ' ann   smith ', email: 'ann@north.example' });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe('/a/NORTH/due/contacts?saved=ann+smith');
    const after = await lead.get('/a/NORTH/due/contacts?saved=ann+smith');
    expect(textOf(after.body)).toContain('The address for ann smith is saved.');
    expect(tableAfter(after.body, '<h2>Addresses')).toEqual(['Worker | ann smith | ann@north.example | Remove the address of ann smith']);
    expect(tableAfter(after.body, '<h2>Something due and no address')).toEqual(['Worker | Bob Jones | 1', 'Team manager | North East | 3', 'Team manager | North West | 1']);

    const bad = await lead.post('/a/NORTH/due/contacts', { kind: 'manager', name: '', email: 'bob@' });
    expect(bad.statusCode).toBe(400);
    expect(textOf(bad.body)).toContain('Choose whether the address is a worker’s or a team manager’s');
    expect(textOf(bad.body)).toContain('Enter the name as on the children’s records, up to 200 characters (you entered 0 characters)');
    expect(textOf(bad.body)).toContain('Enter an e-mail address such as name@council.gov.uk (you entered bob@)');

    const removed = await lead.post('/a/NORTH/due/contacts/remove', { kind: 'worker', name: 'ann smith' });
    expect(removed.headers.location).toBe('/a/NORTH/due/contacts?removed=ann+smith');
    expect(textOf((await lead.get('/a/NORTH/due/contacts')).body)).toContain('No addresses yet.');
    expect((await lead.post('/a/NORTH/due/contacts/remove', { kind: 'worker', name: 'ann smith' })).statusCode).toBe(404);
  });

  it('switches a rule off, and says what is wrong with a rule form', async () => {
    const lead = new Client(web.app);
    await lead.signIn('dan');
    await lead.get('/a/NORTH/due/rules/review-6-weeks');
    const bad = await lead.post('/a/NORTH/due/rules/review-6-weeks', { name: '', enabled: 'yes', after_count: '0', after_unit: 'aim', every_count: '2', every_unit: '' });
    expect(bad.statusCode).toBe(400);
    expect(textOf(bad.body)).toContain('Enter a name of up to 120 characters (you entered 0 characters)');
    expect(textOf(bad.body)).toContain('This rule follows no aim: choose days, weeks or months');
    expect(textOf(bad.body)).toContain('How often it repeats: choose days, weeks or months');
    await lead.post('/a/NORTH/due/rules/early-review', { name: 'Early review', enabled: 'no', after_count: '2', after_unit: 'weeks', every_count: '', every_unit: '' });
    expect(rowsOf((await lead.get('/a/NORTH/due?worker=Ann%20Smith')).body)).toEqual([b2Review, b2Recommendation]);
    expect(rowsOf((await lead.get('/a/NORTH/due/rules')).body)[1]).toBe('Early review | 2 weeks after the day the child became looked after and accommodated | Early review | No | Change Early review');
  });

  it('lets the permanence recommendation follow the aim, or a timescale of its own', async () => {
    const lead = new Client(web.app);
    await lead.signIn('dan');
    await lead.get('/a/NORTH/due/rules/permanence-recommendation');
    await lead.post('/a/NORTH/due/rules/permanence-recommendation', { name: 'Permanence recommendation', enabled: 'yes', after_count: '40', after_unit: 'weeks', every_count: '', every_unit: '' });
    // 40 weeks after 1 September 2020 is 8 June 2021: due in 7 days.
    expect(rowsOf((await lead.get('/a/NORTH/due?worker=Ann%20Smith')).body)[2]).toBe('B2 Ben Brown | Permanence recommendation | 8 June 2021 | Due in 7 days | Accommodated 1 September 2020 | Ann Smith | North East');
  });

  it('does not exist for a user of another authority: every page and form is not found', async () => {
    const other = new Client(web.app);
    await other.signIn('sam');
    for (const url of ['/a/NORTH/due', '/a/NORTH/due?worker=Ann%20Smith', '/a/NORTH/due/rules', '/a/NORTH/due/rules/early-review']) expect((await other.get(url)).statusCode, url).toBe(404);
    await other.get('/a/SOUTH/due');
    expect((await other.post('/a/NORTH/due/calendar', { worker: 'Ann Smith' })).statusCode).toBe(404);
    expect((await other.post('/a/NORTH/due/calendar/1/revoke', {})).statusCode).toBe(404);
    expect((await other.post('/a/NORTH/due/rules/early-review', { name: 'x', enabled: 'no', after_count: '1', after_unit: 'days' })).statusCode).toBe(404);
  });

  it('sends someone not signed in to sign in', async () => {
    const response = await new Client(web.app).get('/a/NORTH/due');
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/sign-in?next=%2Fa%2FNORTH%2Fdue');
  });
});
