import { parseHTML } from 'linkedom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { saveRecords } from '../../src/store/index.js';
import { child, event, placement } from '../builders.js';
import { engines } from '../engines.js';
import { saveNorth } from './fixtures.js';
import { addTestUser, Client, openWeb, textOf, type WebFixture } from './harness.js';

describe.each(engines)('the dashboard on $name', (engine) => {
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

  it("shows each aim's sentence and its headline with every count, as at today", async () => {
    const text = textOf((await client.get('/a/NORTH')).body);
    expect(text).toContain('Figures as at 1 June 2021; programme start 1 January 2020.');
    expect(text).toContain(
      'Aim 2: permanence recommendation All children who become looked after and accommodated will have a permanence recommendation within 26 weeks of becoming looked after and accommodated. 33.3% in time n = 3 journeys counted (% in time = in time ÷ n). Every journey, whenever it started. 1 in time Had a permanence recommendation within the timescale. 1 late Had a permanence recommendation, but after the timescale. 1 overdue Still waiting for a permanence recommendation, past the timescale. 0 left after the timescale Left after the timescale without a permanence recommendation (left care, moved, turned 18 or the plan was replaced): counts against the aim. Not counted in n: 2 waiting Still waiting for a permanence recommendation, within the timescale: not counted for or against the aim yet. 0 left within the timescale Left within the timescale without a permanence recommendation: not counted in the percentage, but listed so that nobody vanishes.',
    );
    expect(text).toContain('3 children in the cohort still waiting, the longest for 39.0 weeks.');
  });

  it('shows the figures as they were on an earlier date', async () => {
    const text = textOf((await client.get('/a/NORTH?as_at=01/07/2020')).body);
    expect(text).toContain('Figures as at 1 July 2020');
    expect(text).toContain('100.0% in time n = 1 journeys counted (% in time = in time ÷ n). Every journey, whenever it started. 1 in time');
    expect(text).toContain('Not counted in n: 1 waiting Still waiting for a permanence recommendation, within the timescale');
  });

  it('says in the error summary when the as-at date is not a real date, and shows no figures', async () => {
    const response = await client.get('/a/NORTH?as_at=31/02/2021');
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('<a href="#as_at">Enter the as-at date as a real date, such as 2024-03-01 or 01/03/2024 (you entered 31/02/2021)</a>');
    expect(textOf(response.body)).not.toContain('% in time');
  });

  it('refuses an as-at date after today', async () => {
    const response = await client.get('/a/NORTH?as_at=2021-06-02');
    expect(response.statusCode).toBe(400);
    expect(textOf(response.body)).toContain('The as-at date cannot be after today, 2021-06-01 (you entered 2021-06-02)');
  });

  it('draws each dot of the run chart as a link to that child', async () => {
    const { document } = parseHTML((await client.get('/a/NORTH')).body);
    const links = Array.from(document.querySelectorAll('svg a')).map((a) => [a.getAttribute('aria-label'), a.getAttribute('href')]);
    expect(links).toContainEqual(['A1: 21.7 weeks, ended 2020-06-01', '/a/NORTH/children/A1']);
    expect(links).toContainEqual(['B2: 35.0 weeks, ended 2020-10-05', '/a/NORTH/children/B2']);
    expect(links).toContainEqual(['C3: 39.0 weeks waiting, residential care, overdue', '/a/NORTH/children/C3']);
  });

  it('says what the rules say, in words', async () => {
    const text = textOf((await client.get('/a/NORTH')).body);
    expect(text).toContain('What the rules say The baseline is all 2 points so far, because only 0 journeys ended before the programme start on 1 January 2020 (at least 10 are needed). 10 useful points are needed before these rules can judge; this chart has 2.');
  });

  it('offers the run chart as CSV of its data, SVG and PNG', async () => {
    const csv = await client.get('/a/NORTH/aims/aim-2/run-chart.csv?as_at=2021-06-01');
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe('attachment; filename="NORTH-aim-2-run-chart-2021-06-01.csv"');
    expect(csv.body).toBe('point,child_id,start,end,weeks,baseline,in_signal\r\n1,A1,2020-01-01,2020-06-01,21.7,yes,no\r\n2,B2,2020-02-03,2020-10-05,35,yes,no\r\n');
    const svg = await client.get('/a/NORTH/aims/aim-2/run-chart.svg');
    expect(svg.headers['content-type']).toBe('image/svg+xml; charset=utf-8');
    expect(svg.body).toMatch(/^<svg role="img"/);
    expect(svg.body).toContain('<title>A1: 21.7 weeks, ended 2020-06-01</title>');
    const png = await client.get('/a/NORTH/aims/aim-2/waiting-chart.png');
    expect(png.headers['content-type']).toBe('image/png');
    expect(png.rawPayload.subarray(1, 4).toString('ascii')).toBe('PNG');
  });

  it('offers the waiting chart as CSV, longest wait first', async () => {
    const csv = await client.get('/a/NORTH/aims/aim-2/waiting-chart.csv');
    expect(csv.body).toBe(
      'child_id,start,weeks_waiting,due,status,current_placement\r\nC3,2020-09-01,39,2021-03-02,overdue,residential\r\nE5,2020-12-07,25.1,2021-06-07,waiting,foster\r\nD4,2021-03-01,13.1,2021-08-30,waiting,kinship\r\n',
    );
  });

  it("shows each chart's data as a table on the aim's page, each child a link", async () => {
    const body = (await client.get('/a/NORTH/aims/aim-2')).body;
    const text = textOf(body);
    expect(text).toContain('The run chart\'s data Run chart of Aim 2: permanence recommendation: each journey that reached the milestone, in the order of the chart Point Child Started Reached the milestone Weeks In the baseline Part of a signal 1 A1 2020-01-01 2020-06-01 21.7 yes no 2 B2 2020-02-03 2020-10-05 35 yes no');
    expect(text).toContain('C3 2020-09-01 39 2021-03-02 overdue residential care');
    expect(body).toContain('<a class="ds_link" href="/a/NORTH/children/E5">E5</a>');
  });

  it("shows the stage and survival views on the aim's page, each with its table and downloads", async () => {
    const body = (await client.get('/a/NORTH/aims/aim-2?as_at=2021-06-01')).body;
    const text = textOf(body);
    expect(text).toContain('Where the time goes: the stages');
    expect(text).toContain('Time to the milestone, with children still waiting counted');
    expect(body).toContain('href="/a/NORTH/aims/aim-2/survival.csv?as_at=2021-06-01"');
    expect(body).toContain('<img class="pace-chart-picture" src="/a/NORTH/aims/aim-2/stages.svg?as_at=2021-06-01" alt="Bar chart of the median weeks between consecutive milestones');
    // After the programme start: A1 reached it on day 152 and B2 on day 245; D4 (92 days), E5 (176) and C3 (273) still wait.
    // 5 in view → 4 at day 152: 75% still waiting; 2 in view at day 245: 37.5%.
    const survival = await client.get('/a/NORTH/aims/aim-2/survival.csv?as_at=2021-06-01');
    expect(survival.body).toBe(
      'group,days,percent_still_waiting,at_risk,reached,still_waiting_censored\r\n' +
        'before,0,100,0,0,0\r\n' +
        'after,0,100,5,0,0\r\nafter,92,100,5,0,1\r\nafter,152,75,4,1,0\r\nafter,176,75,3,0,1\r\nafter,245,37.5,2,1,0\r\nafter,273,37.5,1,0,1\r\n',
    );
    const stages = await client.get('/a/NORTH/aims/aim-2/stages.csv?as_at=2021-06-01');
    expect(stages.body.split('\r\n').slice(0, 2)).toEqual(['stage,n,median_days,lower_quartile_days,upper_quartile_days', 'Accommodated → 72-hour meeting,0,,,']);
    expect((await client.get('/a/NORTH/aims/aim-2/stages.svg')).body).toMatch(/^<svg /);
  });

  it('shows the new figure as soon as a record changes, from whichever process', async () => {
    expect(textOf((await client.get('/a/NORTH')).body)).toContain('33.3% in time n = 3');
    // Written straight to the store, as another process (an import, the CLI) would.
    await saveRecords(web.connection, web.north, { events: [event('permanence_recommendation', '2021-05-20', 'adoption', { childId: 'E5', id: 'EE5' })] }, { by: 'elsewhere' });
    expect(textOf((await client.get('/a/NORTH')).body)).toContain('50.0% in time n = 4 journeys counted (% in time = in time ÷ n). Every journey, whenever it started. 2 in time');
  });

  it('shows a run chart of more than 300 dots as a picture, leaving the links to the table', async () => {
    const ids = Array.from({ length: 301 }, (_, i) => `M${String(i).padStart(3, '0')}`);
    await saveRecords(
      web.connection,
      web.north,
      {
        children: ids.map((childId) => child({ childId })),
        placements: ids.map((childId, i) => placement('2019-01-01', null, 'foster', { childId, id: `P${childId}`, carerRef: String(i) })),
        events: ids.map((childId) => event('permanence_recommendation', '2019-05-01', 'adoption', { childId, id: `E${childId}` })),
      },
      { by: 'test' },
    );
    const body = (await client.get('/a/NORTH')).body;
    expect(body).toContain('<img class="pace-chart-picture" src="/a/NORTH/aims/aim-2/run-chart.svg?as_at=2021-06-01" alt="Run chart of Aim 2: permanence recommendation: 303 dots, one a journey that reached the milestone, at the date it did; height the weeks it took."');
    expect(body).not.toContain('M000: 17.1 weeks, ended 2019-05-01');
  });

  it('escapes what users typed, even inside a chart', async () => {
    await saveRecords(web.connection, web.north, { children: [child({ childId: '<script>alert(1)</script>' })], placements: [placement('2021-01-01', null, 'foster', { childId: '<script>alert(1)</script>', id: 'PX' })] }, { by: 'test' });
    const body = (await client.get('/a/NORTH')).body;
    expect(body).not.toContain('<script>alert(1)</script>');
    expect(body).toMatch(/&lt;script(&gt;|>)alert\(1\)&lt;\/script/);
  });

  it('does not let a user see an authority they hold no role in', async () => {
    for (const url of ['/a/SOUTH', '/a/SOUTH/aims/aim-2/run-chart.csv', '/a/SOUTH/waiting', '/a/NOWHERE']) expect((await client.get(url)).statusCode).toBe(404);
  });

  it('answers 404 for an aim or a chart file that does not exist', async () => {
    expect((await client.get('/a/NORTH/aims/aim-9')).statusCode).toBe(404);
    expect((await client.get('/a/NORTH/aims/aim-2/run-chart.gif')).statusCode).toBe(404);
    expect((await client.get('/a/NORTH/aims/aim-9/run-chart.svg')).statusCode).toBe(404);
  });
});
