import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { engines } from '../engines.js';
import { saveNorth } from './fixtures.js';
import { addTestUser, Client, openWeb, textOf, type WebFixture } from './harness.js';

/** The waiting list's rows as "child | aim | weeks | due | status | placement". */
function rowsOf(html: string): string[] {
  const body = html.slice(html.indexOf('<tbody>'), html.indexOf('</tbody>'));
  return [...body.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((m) =>
    [...(m[1] as string).matchAll(/<td>([\s\S]*?)<\/td>/g)].map((c) => textOf(c[1] as string)).join(' | '),
  );
}

describe.each(engines)('children waiting on $name', (engine) => {
  let web: WebFixture;
  let client: Client;

  beforeEach(async () => {
    web = await openWeb(engine);
    await saveNorth(web.connection, web.north);
    await addTestUser(web.connection, 'amy', [[web.north, 'viewer']]);
    client = new Client(web.app);
    await client.signIn('amy');
  });

  afterEach(async () => {
    await web.dispose();
  });

  it('lists every journey still waiting, longest first, with weeks waited, due date, status and current placement', async () => {
    const response = await client.get('/a/NORTH/waiting?aim=aim-2');
    // The answer straight under the heading, before the ways to narrow it.
    expect(textOf(response.body)).toContain('As at 1 June 2021. 3 journeys are waiting: 1 overdue, 1 due within 4 weeks. A child waiting for more than one milestone is listed once for each. As at');
    // Each count leads to just those journeys, the list's other choices kept.
    expect(response.body).toContain('<a class="ds_link" href="/a/NORTH/waiting?aim=aim-2&amp;status=overdue&amp;sort=weeks&amp;dir=desc">1</a> overdue, <a class="ds_link" href="/a/NORTH/waiting?aim=aim-2&amp;status=due-soon&amp;sort=weeks&amp;dir=desc">1</a> due within 4 weeks.');
    expect(rowsOf(response.body)).toEqual([
      'C3 Cal Clark | Aim 2: permanence recommendation | 39.0 weeks | 2 March 2021 | Overdue | residential care',
      'E5 Eve Evans | Aim 2: permanence recommendation | 25.1 weeks | 7 June 2021 | Due within 4 weeks | foster care',
      'D4 Dee Dunn | Aim 2: permanence recommendation | 13.1 weeks | 30 August 2021 | Waiting | kinship care',
    ]);
  });

  it('highlights overdue rows and rows due within four weeks', async () => {
    const body = (await client.get('/a/NORTH/waiting?aim=aim-2')).body;
    expect(body).toContain('<tr class="pace-row--overdue">');
    expect(body).toContain('<tr class="pace-row--due-soon">');
  });

  it('sorts by due date, soonest first, and says so to assistive technology', async () => {
    const body = (await client.get('/a/NORTH/waiting?aim=aim-2&sort=due&dir=asc')).body;
    expect(rowsOf(body).map((r) => r.split(' ')[0])).toEqual(['C3', 'E5', 'D4']);
    expect(body).toContain('<th scope="col" aria-sort="ascending"><a class="ds_link" href="/a/NORTH/waiting?aim=aim-2&amp;sort=due&amp;dir=desc">Due by');
  });

  it('filters by status and by placement type', async () => {
    expect(rowsOf((await client.get('/a/NORTH/waiting?status=overdue')).body).map((r) => r.split(' ')[0])).toEqual(['A1', 'C3', 'B2']);
    expect(rowsOf((await client.get('/a/NORTH/waiting?aim=aim-2&status=overdue')).body).map((r) => r.split(' ')[0])).toEqual(['C3']);
    expect(rowsOf((await client.get('/a/NORTH/waiting?aim=aim-2&status=due-soon')).body).map((r) => r.split(' ')[0])).toEqual(['E5']);
    expect(rowsOf((await client.get('/a/NORTH/waiting?placement=kinship')).body).map((r) => r.split(' ')[0])).toEqual(['D4']);
  });

  it('lists a child once for each milestone they wait for', async () => {
    // Without an aim filter, aim 3 and 4 journeys join: A1 (recommended 2020-06-01) and B2 wait for an ADM decision.
    const rows = rowsOf((await client.get('/a/NORTH/waiting')).body);
    expect(rows.map((r) => `${r.split(' ')[0]} ${r.split(' | ')[1]}`)).toEqual([
      'A1 Aim 3: Agency Decision Maker decision',
      'C3 Aim 2: permanence recommendation',
      'B2 Aim 3: Agency Decision Maker decision',
      'E5 Aim 2: permanence recommendation',
      'D4 Aim 2: permanence recommendation',
    ]);
  });

  it('shows the list as at an earlier date', async () => {
    const rows = rowsOf((await client.get('/a/NORTH/waiting?aim=aim-2&as_at=2020-07-01')).body);
    expect(rows).toEqual(['B2 Ben Brown | Aim 2: permanence recommendation | 21.3 weeks | 3 August 2020 | Waiting | foster care']);
  });

  it('names a filter the list does not have in its error summary, and lists every child waiting', async () => {
    const response = await client.get('/a/NORTH/waiting?status=lost');
    expect(response.statusCode).toBe(400);
    expect(textOf(response.body)).toContain('There is a problem Choose a status from the list: overdue, due soon or waiting (you entered lost)');
  });
});
