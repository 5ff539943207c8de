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

  it('leads each aim with its answer, the recent figure beside the figure since the from-date, and who is still waiting', async () => {
    const body = (await client.get('/a/NORTH')).body;
    const { document } = parseHTML(body);
    const aim2 = Array.from(document.querySelectorAll('section.pace-glance')).find((s) => s.querySelector('h2')?.textContent === 'Aim 2: permanence recommendation');
    expect(textOf(aim2?.innerHTML ?? '')).toBe(
      'Aim 2: permanence recommendation Not enough yet: the rules need 10 children who have had a permanence recommendation; there are 2 so far. ' +
        // As at 1 June 2021 the last 12 months run from 2 June 2020: A1 (in time on 1 June 2020) settled before them; B2 (late) and C3 (overdue from 3 March 2021) in them.
        'Last 12 months 0.0% in time 0 of 2 journeys (Aim 2: permanence recommendation, last 12 months) Journeys that reached the milestone in time, or went past their timescale, from 2 June 2020 to 1 June 2021. ' +
        'Since records began 33.3% in time 1 of 3 journeys (Aim 2: permanence recommendation, since records began) Every journey, whenever it started. ' +
        'Still waiting: 3 , of whom 1 overdue; the longest for 39.0 weeks. (Aim 2: permanence recommendation) ' +
        // The last whole quarter, January to March 2021: C3 overdue from 3 March (0 of 1); nobody reached the milestone in it (B2 did in October 2020).
        'Quarter by quarter January to March 2021: 0.0% in time ( 0 of 1 ); no journey completed. (Aim 2: permanence recommendation) ' +
        'The charts, the children and what the rules find for Aim 2: permanence recommendation',
    );
    expect(body).toContain('href="/a/NORTH/aims/aim-2/journeys?as_at=2021-06-01&amp;status=counted&amp;month=2021-Q1">1</a>');
    expect(body).toContain('<img class="pace-chart-picture" src="/a/NORTH/aims/aim-2/quarters-small.svg?as_at=2021-06-01" alt="Run chart of Aim 2: permanence recommendation quarter by quarter: 3 quarters, one dot each, height the percentage in time of the journeys settled in it. The latest, January to March 2021: 0.0% in time."');
    // Each count leads to its journeys: the window's with months=12.
    expect(body).toContain('href="/a/NORTH/aims/aim-2/journeys?as_at=2021-06-01&amp;status=counted&amp;months=12">2</a>');
    expect(body).toContain('href="/a/NORTH/aims/aim-2/journeys?as_at=2021-06-01&amp;status=still-waiting">3</a>');
    expect(body).toContain('<img class="pace-chart-picture" src="/a/NORTH/aims/aim-2/run-chart-small.svg?as_at=2021-06-01" alt="Run chart of Aim 2: permanence recommendation: 2 children, one dot each at the date they reached the milestone, height the weeks it took. Not enough yet:');
  });

  it('sums every count in one table, each a link to its journeys', async () => {
    const { document } = parseHTML((await client.get('/a/NORTH')).body);
    const row = Array.from(document.querySelectorAll('table.pace-summary tbody tr')).find((r) => r.querySelector('th')?.textContent === 'Aim 2: permanence recommendation');
    expect(Array.from(row?.querySelectorAll('td') ?? []).map((td) => td.textContent)).toEqual(['33.3%', '3', '1', '1', '1', '0', '2', '0', '28.4 weeks']);
  });

  it('takes the recent window the reader chooses, and names one it cannot use', async () => {
    // 24 months from 2 June 2019: A1, B2 and C3 all settled in them.
    const text = textOf((await client.get('/a/NORTH?window=24')).body);
    expect(text).toContain('Last 24 months 33.3% in time 1 of 3 journeys (Aim 2: permanence recommendation, last 24 months)');
    const wrong = await client.get('/a/NORTH?window=5');
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('<a href="#window">Choose the recent figure\'s window from the list: 3, 6, 12, 24 months (you entered 5)</a>');
    expect(textOf(wrong.body)).toContain('Last 12 months 0.0% in time');
  });

  it('shows the figures as they were on an earlier date', async () => {
    const text = textOf((await client.get('/a/NORTH?as_at=01/07/2020')).body);
    expect(text).toContain('Figures as at 1 July 2020');
    expect(text).toContain('Since records began 100.0% in time 1 of 1 journey (Aim 2: permanence recommendation, since records began)');
    expect(text).toContain('Aim 2: permanence recommendation Not enough yet: the rules need 10 children who have had a permanence recommendation; there is 1 so far.');
  });

  it('names an as-at date that is not a real date in the error summary, and shows today\'s figures', async () => {
    const response = await client.get('/a/NORTH?as_at=31/02/2021');
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('<a href="#as_at">Enter the as-at date as a real date, such as 2024-03-01 or 01/03/2024 (you entered 31/02/2021)</a>');
    expect(textOf(response.body)).toContain('Figures as at 1 June 2021');
  });

  it('refuses an as-at date after today', async () => {
    const response = await client.get('/a/NORTH?as_at=2021-06-02');
    expect(response.statusCode).toBe(400);
    expect(textOf(response.body)).toContain('The as-at date cannot be after today, 2021-06-01 (you entered 2021-06-02)');
  });

  it("draws each dot of the run chart and each bar of the waiting chart on the aim's page as a link to that child", async () => {
    const { document } = parseHTML((await client.get('/a/NORTH/aims/aim-2')).body);
    // A link's name is its title (as a browser names an SVG link), not the same words again in an aria-label.
    const links = Array.from(document.querySelectorAll('svg a')).map((a) => [a.getAttribute('aria-label') ?? a.querySelector('title')?.textContent, a.getAttribute('href')]);
    expect(Array.from(document.querySelectorAll('svg a[aria-label]'))).toEqual([]);
    expect(links).toContainEqual(['A1: 21.7 weeks, ended 2020-06-01', '/a/NORTH/children/A1']);
    expect(links).toContainEqual(['B2: 35.0 weeks, ended 2020-10-05', '/a/NORTH/children/B2']);
    expect(links).toContainEqual(['C3: 39.0 weeks waiting, residential care, overdue', '/a/NORTH/children/C3']);
  });

  it("leads the aim's page with the answer and the figures, and keeps every finding of the rules in a closed section", async () => {
    const body = (await client.get('/a/NORTH/aims/aim-2')).body;
    const text = textOf(body);
    expect(text).toContain('Not enough yet: the rules need 10 children who have had a permanence recommendation; there are 2 so far. Last 12 months 0.0% in time 0 of 2 journeys');
    expect(body).toContain('<details class="ds_details pace-findings"><summary class="ds_details__summary">Everything the run-chart rules find</summary>');
    expect(text).toContain(
      'Everything the run-chart rules find What the rules say The baseline is all 2 points so far, because only 0 journeys ended before the programme start on 1 January 2020 (at least 10 are needed). 10 useful points are needed before these rules can judge; this chart has 2.',
    );
  });

  it("puts the run chart into the aim's page once, drawn for a desk, and a phone's drawing as a picture of its own, without links", async () => {
    const body = (await client.get('/a/NORTH/aims/aim-2')).body;
    expect(body.match(/<svg aria-label="Run chart of Aim 2[^"]*"/g)).toEqual(["<svg aria-label=\"Run chart of Aim 2: permanence recommendation: one dot a child, each a link to the child's record\""]);
    expect(body).toContain(
      `<img class="pace-chart--narrow pace-chart-picture" src="/a/NORTH/aims/aim-2/run-chart-phone.svg?as_at=2021-06-01" alt="Run chart of Aim 2: permanence recommendation: 2 children, one dot each at the date they reached the milestone, height the weeks it took. The table below lists them, each a link to the child's record." width="560" loading="lazy"/>`,
    );
    const phone = await client.get('/a/NORTH/aims/aim-2/run-chart-phone.svg?as_at=2021-06-01');
    expect([phone.statusCode, phone.headers['content-type'], phone.body.match(/viewBox="0 0 560 /)?.[0], phone.body.includes('<a ')]).toEqual([200, 'image/svg+xml; charset=utf-8', 'viewBox="0 0 560 ', false]);
    expect(phone.body).toContain('<title>A1: 21.7 weeks, ended 2020-06-01</title>');
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

  it("shows the aim month by month on its page, each month's dot and count leading to exactly that month's journeys", async () => {
    const body = (await client.get('/a/NORTH/aims/aim-2')).body;
    const text = textOf(body);
    // A1 in time on 1 June 2020; B2 late, due 3 August 2020 (settled the 4th); C3 overdue, due 2 March 2021 (settled the 3rd).
    expect(text).toContain('3 months with a journey settled, of the last 36 whole months.');
    expect(text).toContain('Month In time Settled (n) % in time March 2021 0 1 0.0% August 2020 0 1 0.0% June 2020 1 1 100.0%');
    expect(body).toContain('<a href="/a/NORTH/aims/aim-2/journeys?as_at=2021-06-01&amp;status=counted&amp;month=2020-08" fill="inherit"><title>August 2020: 0.0% in time (0 of 1)</title>');
    // Both of a month's counts lead to their journeys: June 2020's 1 in time and 1 settled.
    expect(body).toContain('<a class="ds_link" href="/a/NORTH/aims/aim-2/journeys?as_at=2021-06-01&amp;status=in_time&amp;month=2020-06">1</a>');
    expect(body).toContain('<a class="ds_link" href="/a/NORTH/aims/aim-2/journeys?as_at=2021-06-01&amp;status=counted&amp;month=2020-06">1</a>');
    const august = await client.get('/a/NORTH/aims/aim-2/journeys?status=counted&month=2020-08');
    const list = textOf(august.body);
    expect(list).toContain('Only those settled in August 2020: in time on the day they reached the milestone; late, overdue or left after the timescale on the day after their due date.');
    expect(list).toContain('Counted in the percentage: 1 journey As at 1 June 2021.');
    expect(august.body).toContain('<a class="ds_link" href="/a/NORTH/children/B2">B2</a>');
    const wrong = await client.get('/a/NORTH/aims/aim-2/journeys?status=counted&month=2020-13');
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('Choose a month as a year and month, such as 2021-03, or a quarter as a year and its number, such as 2021-Q1 (you entered 2020-13)');
  });

  it("shows the aim quarter by quarter on its page, % in time and median weeks, each count leading to exactly that quarter's journeys", async () => {
    const body = (await client.get('/a/NORTH/aims/aim-2')).body;
    const text = textOf(body);
    // Settled: A1 in time on 1 June 2020 (April to June), B2 late on 4 August 2020 (July to September), C3 overdue on 3 March 2021 (January to March).
    // Completed: A1 on 1 June 2020 (21.7 weeks), B2 on 5 October 2020 (35.0 weeks).
    expect(text).toContain('3 quarters with a journey settled, of the last 12 whole quarters.');
    expect(text).toContain(
      'Quarter In time Settled (n) % in time Completed Median weeks January to March 2021 0 1 0.0% 0 No figure October to December 2020 0 0 No figure 1 35.0 weeks July to September 2020 0 1 0.0% 0 No figure April to June 2020 1 1 100.0% 1 21.7 weeks',
    );
    expect(body).toContain('<a class="ds_link" href="/a/NORTH/aims/aim-2/journeys?as_at=2021-06-01&amp;status=counted&amp;month=2020-Q3">1</a>');
    const quarter = await client.get('/a/NORTH/aims/aim-2/journeys?status=counted&month=2020-Q3');
    expect(textOf(quarter.body)).toContain('Only those settled in July to September 2020: in time on the day they reached the milestone; late, overdue or left after the timescale on the day after their due date. The journeys of that quarter on the quarter-by-quarter chart.');
    expect(quarter.body).toContain('<a class="ds_link" href="/a/NORTH/children/B2">B2</a>');
    const csv = await client.get('/a/NORTH/aims/aim-2/quarters.csv');
    expect(csv.body.split('\r\n').slice(0, 1)).toEqual(['quarter,first_day,in_time,settled_n,percent_in_time,completed,median_weeks']);
    expect(csv.body).toContain('2020-Q2,2020-04-01,1,1,100,1,21.714285714285715\r\n2020-Q3,2020-07-01,0,1,0,0,\r\n2020-Q4,2020-10-01,0,0,,1,35\r\n2021-Q1,2021-01-01,0,1,0,0,\r\n');
  });

  it("shows each chart's data as a table on the aim's page, the most recent child first, each child a link", async () => {
    const body = (await client.get('/a/NORTH/aims/aim-2')).body;
    const text = textOf(body);
    expect(text).toContain("The run chart's data All 2 children on the run chart. Run chart of Aim 2: permanence recommendation: each journey that reached the milestone, the most recent first Point Child Started Reached the milestone Weeks In the baseline Part of a signal 2 B2 2020-02-03 2020-10-05 35 yes no 1 A1 2020-01-01 2020-06-01 21.7 yes no");
    expect(text).toContain('C3 2020-09-01 39 2021-03-02 overdue residential care');
    expect(text).toContain('Download the stages chart: SVG picture of the stages chart , PNG picture of the stages chart , CSV of the data of the stages chart');
    expect(body).toContain('<a class="ds_link" href="/a/NORTH/children/E5">E5</a>');
  });

  it("shows the stage and survival views on the aim's page, each with its table and downloads", async () => {
    const body = (await client.get('/a/NORTH/aims/aim-2?as_at=2021-06-01')).body;
    const text = textOf(body);
    expect(text).toContain('Where the time goes: the stages');
    expect(text).toContain('Time to the milestone, with children still waiting counted');
    expect(body).toContain('href="/a/NORTH/aims/aim-2/survival.csv?as_at=2021-06-01"');
    // Both drawn in the page, as the run chart is: at full width for a desk and small for a phone.
    expect(body).toMatch(/<h2 id="stages">Where the time goes: the stages<\/h2><p>[^<]*<\/p><figure class="pace-figure"><div class="pace-chart pace-chart--wide">.*?<svg [^>]*viewBox="0 0 1100 [^>]*>.*?<\/svg><\/div><div class="pace-chart pace-chart--narrow">.*?<svg [^>]*viewBox="0 0 560 /s);
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
    expect(textOf((await client.get('/a/NORTH')).body)).toContain('Since records began 33.3% in time 1 of 3 journeys (Aim 2');
    // Written straight to the store, as another process (an import, the CLI) would.
    await saveRecords(web.connection, web.north, { events: [event('permanence_recommendation', '2021-05-20', 'adoption', { childId: 'E5', id: 'EE5' })] }, { by: 'elsewhere' });
    expect(textOf((await client.get('/a/NORTH')).body)).toContain('Since records began 50.0% in time 2 of 4 journeys (Aim 2');
  });

  it('links every dot of a run chart of more than 300, taking them out of the keyboard order (the table holds them too), and pages the table', async () => {
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
    const body = (await client.get('/a/NORTH/aims/aim-2')).body;
    const { document } = parseHTML(body);
    // The desk's drawing links every dot; the phone's is a picture of its own, which the page does not carry.
    const dots = Array.from(document.querySelectorAll('#run-chart + figure .pace-chart--wide svg a'));
    expect(dots.length).toBe(303);
    expect(dots.every((a) => a.getAttribute('tabindex') === '-1')).toBe(true);
    expect(document.querySelectorAll('#run-chart + figure svg').length).toBe(1);
    expect(textOf(body)).toContain("The run chart's data 1 to 25 of 303 children on the run chart; every one as CSV");
    // The most recent first: B2 (2020-10-05), then A1 (2020-06-01), then the 301 of 2019-05-01, the last by child first.
    const second = textOf((await client.get('/a/NORTH/aims/aim-2?run_page=2')).body);
    expect(second).toContain("The run chart's data 26 to 50 of 303 children on the run chart; every one as CSV");
    expect(second).toContain('Page 2 of 13');
    // The dashboard shows the chart as a small picture, linked to the aim's page: no dot of it is in the dashboard's HTML.
    expect((await client.get('/a/NORTH')).body).not.toContain('M000: 17.1 weeks, ended 2019-05-01');
  });

  it('escapes what users typed, even inside a chart', async () => {
    await saveRecords(web.connection, web.north, { children: [child({ childId: '<script>alert(1)</script>' })], placements: [placement('2021-01-01', null, 'foster', { childId: '<script>alert(1)</script>', id: 'PX' })] }, { by: 'test' });
    const body = (await client.get('/a/NORTH/aims/aim-2')).body;
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
