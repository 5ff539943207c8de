// Every GET page a reader types into (a form, or an address they change): a value it cannot use is
// named in the design system's error summary, with what was entered, on the page itself (status
// 400), and the page is shown with that field's default; never a bare error page or a framework's
// JSON. One test per form, with the messages word for word.
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grantNationalAnalyst } from '../../src/store/index.js';
import { engines } from '../engines.js';
import { saveNorth, saveSiblings } from './fixtures.js';
import { addTestUser, Client, openWeb, textOf, type WebFixture } from './harness.js';

/** The error summary's entries: the field each links to, and its message. */
function errorSummary(html: string): { field: string; message: string }[] {
  const start = html.indexOf('class="ds_error-summary__list"');
  if (start < 0) return [];
  const list = html.slice(start, html.indexOf('</ul>', start));
  return [...list.matchAll(/<a href="#([^"]+)">([\s\S]*?)<\/a>/g)].map((m) => ({ field: m[1] as string, message: textOf(m[2] as string) }));
}

function heading(html: string): string {
  return textOf(/<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1] ?? '');
}

/** A page shown again with its error summary: 400, HTML, the page's own heading, and exactly these errors. */
function expectSummary(response: LightMyRequestResponse, h1: string, errors: { field: string; message: string }[]): void {
  expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
  expect([response.statusCode, heading(response.body), errorSummary(response.body)]).toEqual([400, h1, errors]);
  expect(response.body).toContain('<title>Error: ');
  expect(response.body).not.toContain('Invalid input');
}

describe.each(engines)('a value a page cannot use, on $name', (engine) => {
  let web: WebFixture;
  let client: Client;

  beforeAll(async () => {
    web = await openWeb(engine);
    await saveNorth(web.connection, web.north);
    await saveSiblings(web.connection, web.north);
    await addTestUser(web.connection, 'dana', [[web.north, 'data-lead']]);
    await grantNationalAnalyst(web.connection, await addTestUser(web.connection, 'nat', []), 'test');
    client = new Client(web.app);
    await client.signIn('dana');
  });

  afterAll(async () => web.dispose());

  it('What is due: “two weeks” in Due within is named on the page, which shows the usual 14 days', async () => {
    const response = await client.get('/a/NORTH/due?as_at=&worker=&team=&window=two+weeks');
    expectSummary(response, 'What is due', [{ field: 'window', message: 'Enter the days for ‘Due within’ as a whole number from 0 to 366, such as 14 (you entered two weeks)' }]);
    // The field says it too, and keeps what was typed.
    expect(response.body).toContain('<p class="ds_question__error-message" id="window-error">Enter the days for ‘Due within’ as a whole number from 0 to 366, such as 14 (you entered two weeks)</p>');
    expect(response.body).toMatch(/<input class="ds_input ds_input--fixed-4 ds_input--error" type="text" inputmode="numeric" id="window" name="window" value="two weeks"/);
    expect(textOf(response.body)).toContain('due within 14 days');
    const both = await client.get('/a/NORTH/due?as_at=31/02/2021&window=-1');
    expectSummary(both, 'What is due', [
      { field: 'as_at', message: 'Enter the as-at date as a real date, such as 2024-03-01 or 01/03/2024 (you entered 31/02/2021)' },
      { field: 'window', message: 'Enter the days for ‘Due within’ as a whole number from 0 to 366, such as 14 (you entered -1)' },
    ]);
    expect((await client.get('/a/NORTH/due?window=7')).statusCode).toBe(200);
  });

  it('Children waiting: a status, sort, page and date it does not know are each named', async () => {
    const response = await client.get('/a/NORTH/waiting?as_at=2099-01-01&status=late&sort=name&dir=up&page=0');
    expectSummary(response, 'Children waiting', [
      { field: 'as_at', message: 'The as-at date cannot be after today, 2021-06-01 (you entered 2099-01-01)' },
      { field: 'status', message: 'Choose a status from the list: overdue, due soon or waiting (you entered late)' },
      { field: 'sort', message: 'Sort by weeks, due, child, aim or placement (you entered name)' },
      { field: 'dir', message: 'Sort in the order asc or desc (you entered up)' },
      { field: 'page', message: 'Choose a page by its number, from 1 (you entered 0)' },
    ]);
    // The list itself is shown, as at today, unfiltered.
    expect(textOf(response.body)).toContain('C3');
    const repeated = await client.get('/a/NORTH/waiting?placement=boat&placement=foster');
    expectSummary(repeated, 'Children waiting', [{ field: 'placement', message: 'Choose a current placement from the list (you entered boat, foster)' }]);
  });

  it('Children: a search longer than 100 characters is named, and the search keeps it', async () => {
    const long = 'x'.repeat(101);
    const response = await client.get(`/a/NORTH/children?q=${long}&page=two`);
    expectSummary(response, 'Children', [
      { field: 'q', message: `Enter at most 100 characters to find a child by (you entered ${'x'.repeat(60)}…)` },
      { field: 'page', message: 'Choose a page by its number, from 1 (you entered two)' },
    ]);
    expect(response.body).toContain(`value="${long}"`);
    expect(response.body).toContain('id="q-error"');
  });

  it('Audit log: a date that is not one, dates the wrong way round and an unknown action are named', async () => {
    const response = await client.get('/a/NORTH/audit?child=A1&from=2021-13-01&to=&action=peek');
    expectSummary(response, 'Audit log', [
      { field: 'from', message: 'Enter the from date as a real date, such as 2024-03-01 or 01/03/2024 (you entered 2021-13-01)' },
      { field: 'action', message: 'Choose an action from the list: view, add, edit, delete, restore, import, change, export (you entered peek)' },
    ]);
    const backwards = await client.get('/a/NORTH/audit?from=2021-05-01&to=2021-04-01');
    expectSummary(backwards, 'Audit log', [{ field: 'to', message: 'The to date cannot be before the from date, 2021-05-01 (you entered 2021-04-01)' }]);
  });

  it('Data quality: an as-at date that is not a date, or given twice, is named and the report is as at today', async () => {
    const response = await client.get('/a/NORTH/data-quality?as_at=31%2F02%2F2021');
    expectSummary(response, 'Data quality', [{ field: 'as_at', message: 'Enter the as-at date as a real date, such as 2024-03-01 or 01/03/2024 (you entered 31/02/2021)' }]);
    expect(response.body).toContain('value="31/02/2021"');
    const twice = await client.get('/a/NORTH/data-quality?as_at=2021-01-01&as_at=2021-02-01');
    expectSummary(twice, 'Data quality', [{ field: 'as_at', message: 'Enter the as-at date as a real date, such as 2024-03-01 or 01/03/2024 (you entered 2021-01-01, 2021-02-01)' }]);
  });

  it('Timelines: a group without its aim and weeks as words are named', async () => {
    const response = await client.get('/a/NORTH/timelines?group=waiting&aim=&weeks=ten');
    expectSummary(response, 'Timelines of a group of children', [
      { field: 'aim', message: 'Choose the aim the children are waiting for' },
      { field: 'weeks', message: 'Enter the weeks waited as a whole number from 0 to 1000, such as 26 (you entered ten)' },
    ]);
  });

  it('A journey list: a status, page and date it does not know are named, and the whole cohort is listed as at today', async () => {
    const response = await client.get('/a/NORTH/aims/aim-2/journeys?status=lost&page=-1&as_at=yesterday');
    expectSummary(response, 'Every journey in the cohort: 8 journeys', [
      { field: 'as_at', message: 'Enter the as-at date as a real date, such as 2024-03-01 or 01/03/2024 (you entered yesterday)' },
      { field: 'status', message: 'Choose which journeys from the counts listed (you entered lost)' },
      { field: 'page', message: 'Choose a page by its number, from 1 (you entered -1)' },
    ]);
    // Each link of the summary leads to its field on the page.
    expect(response.body).toContain('id="as_at"');
    expect(response.body).toContain('id="status"');
    // The file cannot show a summary: it names the first problem on the plain error page.
    const csv = await client.get('/a/NORTH/aims/aim-2/journeys.csv?status=lost');
    expect([csv.statusCode, textOf(csv.body)]).toEqual([400, expect.stringContaining('Choose which journeys from the counts listed (you entered lost)')]);
  });

  it('Every as-at field: the dashboard, an aim’s page and the balancing measures name a date after today, or given twice', async () => {
    const future = { field: 'as_at', message: 'The as-at date cannot be after today, 2021-06-01 (you entered 2099-01-01)' };
    expectSummary(await client.get('/a/NORTH?as_at=2099-01-01'), 'Dashboard', [future]);
    expectSummary(await client.get('/a/NORTH/aims/aim-2?as_at=2099-01-01'), 'Aim 2: permanence recommendation', [future]);
    expectSummary(await client.get('/a/NORTH/balancing?as_at=2099-01-01'), 'Balancing measures', [future]);
    const twice = { field: 'as_at', message: 'Enter the as-at date as a real date, such as 2024-03-01 or 01/03/2024 (you entered 2021-01-01, 2021-02-01)' };
    expectSummary(await client.get('/a/NORTH/aims/aim-2?as_at=2021-01-01&as_at=2021-02-01'), 'Aim 2: permanence recommendation', [twice]);
    expectSummary(await client.get('/a/NORTH?as_at=2021-01-01&as_at=2021-02-01'), 'Dashboard', [twice]);
  });

  it('National view: a month that is not one, and a from-month after the figures’ month, are named on both pages', async () => {
    const national = new Client(web.app);
    await national.get('/sign-in');
    await national.signIn('nat');
    const response = await national.get('/national?as_at=soon&from=2021-13');
    expectSummary(response, 'National view: the four national aims across authorities', [
      { field: 'as_at', message: 'Enter the as-at month as a month, such as 2024-03 or 03/2024, or a date, such as 2024-03-31 or 31/03/2024 (you entered soon)' },
      { field: 'from', message: 'Enter the from-month as a month, such as 2020-04 or 04/2020, or a date, or leave it empty (you entered 2021-13)' },
    ]);
    const aim = await national.get('/national/aims/2?as_at=2021-03&from=2021-05');
    expectSummary(aim, 'Aim 2: permanence recommendation', [{ field: 'from', message: 'The from-month starts on 1 May 2021, after the figures’ date, 31 March 2021: choose an earlier month' }]);
    const twice = await national.get('/national/aims/2?as_at=2021-03&as_at=2021-04');
    expectSummary(twice, 'Aim 2: permanence recommendation', [{ field: 'as_at', message: 'Enter the as-at month as a month, such as 2024-03 or 03/2024, or a date, such as 2024-03-31 or 31/03/2024 (you entered 2021-03, 2021-04)' }]);
  });

  it('never answers a page with JSON, whatever the address holds', async () => {
    for (const url of ['/a/NORTH/children?q=%E0%A4%A', '/a/NORTH/children/%E0%A4%A', '/a/NORTH/due?window[]=1', '/a/NORTH/waiting?page=1e400', '/a/NORTH/due?revoked=x']) {
      const response = await client.get(url);
      expect([url, response.headers['content-type']]).toEqual([url, 'text/html; charset=utf-8']);
      expect(response.statusCode).toBeLessThan(500);
    }
  });
});
