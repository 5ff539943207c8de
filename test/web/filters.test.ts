import { parseHTML } from 'linkedom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { saveRecords } from '../../src/store/index.js';
import { engines } from '../engines.js';
import { northChildren, saveNorth } from './fixtures.js';
import { addTestUser, Client, openWeb, textOf, type WebFixture } from './harness.js';

// NORTH (fixtures.ts) with teams, localities and a worker recorded on 2 May 2021:
//   A1 (aim 2 in time) and C3 (overdue): the North East team, Hillside; A1's worker Jo Bloggs;
//   B2 (late), D4 and E5 (both waiting): the South West team, Riverside.
const allocated = northChildren.map((c) =>
  ['A1', 'C3'].includes(c.childId)
    ? { ...c, team: 'North East', locality: 'Hillside', worker: c.childId === 'A1' ? 'Jo Bloggs' : null }
    : { ...c, team: 'South West', locality: 'Riverside' },
);

describe.each(engines)("a team's, a locality's and a worker's own figures on $name", (engine) => {
  let web: WebFixture;
  let client: Client;

  beforeEach(async () => {
    web = await openWeb(engine);
    await saveNorth(web.connection, web.north);
    await saveRecords(web.connection, web.north, { children: allocated }, { by: 'fixture', at: '2021-05-02T09:00:00.000Z' });
    await addTestUser(web.connection, 'amy', [[web.north, 'viewer']]);
    client = new Client(web.app);
    await client.signIn('amy');
  });

  afterEach(async () => {
    await web.dispose();
  });

  const aim2 = (body: string) => {
    const { document } = parseHTML(body);
    return textOf(Array.from(document.querySelectorAll('section.pace-glance')).find((s) => s.querySelector('h2')?.textContent === 'Aim 2: permanence recommendation')?.innerHTML ?? '');
  };

  it('shows the same measures on fewer children, with the filter in the heading and in every link', async () => {
    const body = (await client.get('/a/NORTH?team=North%20East')).body;
    expect(textOf(body)).toContain('Dashboard: North East team Figures as at 1 June 2021; programme start 1 January 2020; 2 children: North East team.');
    // A1 in time and C3 overdue: 1 of 2 since records began; only C3 settled in the last 12 months.
    expect(aim2(body)).toContain('Last 12 months 0.0% in time 0 of 1 journey');
    expect(aim2(body)).toContain('Since records began 50.0% in time 1 of 2 journeys');
    expect(aim2(body)).toContain('Still waiting: 1 , of whom 1 overdue; the longest for 39.0 weeks.');
    expect(body).toContain('href="/a/NORTH/aims/aim-2/journeys?as_at=2021-06-01&amp;team=North+East&amp;status=counted">2</a>');
    expect(body).toContain('href="/a/NORTH/aims/aim-2?as_at=2021-06-01&amp;team=North+East"');
    // The other team's children are the rest of the authority's.
    expect(aim2((await client.get('/a/NORTH?team=South%20West')).body)).toContain('Since records began 0.0% in time 0 of 1 journey');
  });

  it('filters by locality and by worker, names matched without regard to case', async () => {
    expect(aim2((await client.get('/a/NORTH?locality=hillside')).body)).toContain('Since records began 50.0% in time 1 of 2 journeys');
    const worker = (await client.get('/a/NORTH?worker=Jo%20Bloggs')).body;
    expect(textOf(worker)).toContain('Dashboard: worker Jo Bloggs');
    expect(aim2(worker)).toContain('Since records began 100.0% in time 1 of 1 journey');
  });

  it('offers each team, locality and worker the records name, and keeps the one chosen', async () => {
    const { document } = parseHTML((await client.get('/a/NORTH?team=North%20East')).body);
    const options = (id: string) => Array.from(document.querySelectorAll(`#${id} option`)).map((o) => `${o.textContent}${o.hasAttribute('selected') ? ' (chosen)' : ''}`);
    expect(options('team')).toEqual(['Every team', 'North East (chosen)', 'South West']);
    expect(options('locality')).toEqual(['Every locality', 'Hillside', 'Riverside']);
    expect(options('worker')).toEqual(['Every worker', 'Jo Bloggs']);
  });

  it('counts a team as it was allocated on the as-at date', async () => {
    // Before 2 May 2021 the only known allocation is the first version's, with no team: nobody is in North East.
    expect(aim2((await client.get('/a/NORTH?team=North%20East&as_at=2021-04-01')).body)).toContain('Since records began No figure yet 0 of 0 journeys');
  });

  it("keeps the filter on the aim's page, its journey lists and its chart files", async () => {
    const page = textOf((await client.get('/a/NORTH/aims/aim-2?team=North%20East')).body);
    expect(page).toContain('Aim 2: permanence recommendation: North East team Figures as at 1 June 2021.');
    expect(page).toContain("The run chart's data The 1 child on the run chart.");
    const list = await client.get('/a/NORTH/aims/aim-2/journeys?as_at=2021-06-01&team=North+East&status=all');
    expect(textOf(list.body)).toContain('Every journey in the cohort: 2 journeys');
    expect(textOf(list.body)).toContain('Children of North East team.');
    const csv = await client.get('/a/NORTH/aims/aim-2/run-chart.csv?as_at=2021-06-01&team=North+East');
    expect(csv.headers['content-disposition']).toBe('attachment; filename="NORTH-North_East-aim-2-run-chart-2021-06-01.csv"');
    expect(csv.body).toBe('point,child_id,start,end,weeks,baseline,in_signal\r\n1,A1,2020-01-01,2020-06-01,21.7,yes,no\r\n');
  });

  it('lists the journeys of the recent figure, and only those', async () => {
    const list = textOf((await client.get('/a/NORTH/aims/aim-2/journeys?as_at=2021-06-01&status=counted&months=12')).body);
    expect(list).toContain('Counted in the percentage: 2 journeys');
    expect(list).toContain('Only those that reached the milestone in time, or went past their timescale, in the last 12 months, 2 June 2020 to 1 June 2021: the journeys of the recent figure.');
    expect(list).toContain('C3');
    expect(list).not.toContain('A1');
  });

  it('filters the waiting list and what is due by team, locality and worker', async () => {
    const waiting = textOf((await client.get('/a/NORTH/waiting?team=North%20East')).body);
    expect(waiting).toContain('Children waiting: North East team');
    expect(waiting).toContain('C3');
    for (const other of ['B2', 'D4', 'E5']) expect(waiting).not.toContain(other);
    const due = textOf((await client.get('/a/NORTH/due?locality=Riverside')).body);
    expect(due).toContain('What is due in Riverside');
    for (const other of ['A1', 'C3']) expect(due).not.toContain(` ${other} `);
  });

  it('names a filter value it cannot use in the error summary', async () => {
    const response = await client.get(`/a/NORTH?team=${'x'.repeat(201)}`);
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain(`<a href="#team">Choose a team from the list (you entered ${'x'.repeat(60)}…)</a>`);
  });
});
