import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findTest, listLibraryIdeas, listMeetings, recordHistory } from '../../src/store/index.js';
import { engines } from '../engines.js';
import { pdfPageTexts } from '../pdf-text.js';
import { saveNorth } from './fixtures.js';
import { addTestUser, Client, openWeb, textOf, type WebFixture } from './harness.js';

const testForm = {
  title: 'Legal advice referral form',
  change: 'Social workers send a referral form with the documents legal services need',
  change_idea: '',
  owner: 'Permanence team leader',
  start_date: '2021-01-04',
  scale: 'one-team',
  agencies: ['legal', 'social-work'],
  aims: ['aim-2'],
};
const planForm = { what: 'Use the form for the next three requests', who: 'Two social workers', where: 'North team', when: '2021-01-11', prediction: 'Advice within four weeks', measures: 'Days from request to advice' };

describe.each(engines)('improvement work on the web, $name', (engine) => {
  let web: WebFixture;
  let client: Client;

  beforeEach(async () => {
    web = await openWeb(engine);
    await saveNorth(web.connection, web.north);
    await addTestUser(web.connection, 'dl', [[web.north, 'data-lead']]);
    await addTestUser(web.connection, 'pat', [[web.north, 'practitioner']]);
    await addTestUser(web.connection, 'vic', [[web.north, 'viewer']]);
    await addTestUser(web.connection, 'sam', [[web.south, 'admin']]);
    client = new Client(web.app);
    await client.signIn('pat');
  });

  afterEach(async () => {
    await web.dispose();
  });

  /** Starts test T1 and runs cycle 1 through Plan, Do, Study and Act (adapt). */
  async function runOneCycle(): Promise<void> {
    await client.get('/a/NORTH/tests/new');
    expect((await client.post('/a/NORTH/tests/new', testForm)).headers.location).toBe('/a/NORTH/tests/1?saved=Test%20T1');
    await client.get('/a/NORTH/tests/1/cycles/new');
    expect((await client.post('/a/NORTH/tests/1/cycles/new', planForm)).statusCode).toBe(303);
    await client.get('/a/NORTH/tests/1/cycles/1/do');
    expect((await client.post('/a/NORTH/tests/1/cycles/1/do', { do_date: '2021-02-01', what_happened: 'Three forms sent', observations: '' })).statusCode).toBe(303);
    await client.get('/a/NORTH/tests/1/cycles/1/study');
    expect((await client.post('/a/NORTH/tests/1/cycles/1/study', { study_date: '2021-02-15', result: 'Two of three within four weeks', numbers: '19, 26 and 41 days', quotes: 'Saved a week of chasing' })).statusCode).toBe(303);
    await client.get('/a/NORTH/tests/1/cycles/1/act');
    expect((await client.post('/a/NORTH/tests/1/cycles/1/act', { act_date: '2021-03-01', decision: 'adapt', next_step: 'Add a checklist' })).statusCode).toBe(303);
  }

  it('starts a test of change and runs a PDSA cycle; the status follows the Act and every change is kept', async () => {
    await runOneCycle();
    const text = textOf((await client.get('/a/NORTH/tests/1')).body);
    expect(text).toContain('T1: Legal advice referral form');
    expect(text).toContain('Status Adapting');
    expect(text).toContain('Cycle 1: acted on: adapt');
    expect(text).toContain('Result against the prediction Two of three within four weeks');
    expect((await findTest(web.connection, web.north, 1))?.status).toBe('adapting');
    expect((await recordHistory(web.connection, web.north, 'pdsa-cycle', 'T1.1')).length).toBe(3);
    expect(textOf((await client.get('/a/NORTH/improvement')).body)).toContain('T1: Legal advice referral form Adapting Aim 2: permanence recommendation 4 January 2021 1 (the last acted on: adapt)');
  });

  it('answers first how many tests there are by status, and what each test being tested waits for', async () => {
    const answer = async () => {
      const text = textOf((await client.get('/a/NORTH/improvement')).body);
      return text.slice(text.indexOf('Improvement work', text.indexOf('North Council')) + 'Improvement work '.length, text.indexOf(' The aims, the drivers'));
    };
    expect(await answer()).toBe('No test of change yet.');
    await client.get('/a/NORTH/tests/new');
    await client.post('/a/NORTH/tests/new', testForm);
    expect(await answer()).toBe('1 test of change: 1 idea.');
    await client.get('/a/NORTH/tests/1/cycles/new');
    await client.post('/a/NORTH/tests/1/cycles/new', planForm);
    expect(await answer()).toBe('1 test of change: 1 testing. Waiting for their next step: T1: Legal advice referral form, to be carried out .');
    await client.get('/a/NORTH/tests/1/cycles/1/do');
    await client.post('/a/NORTH/tests/1/cycles/1/do', { do_date: '2021-02-01', what_happened: 'Three forms sent', observations: '' });
    expect(await answer()).toBe('1 test of change: 1 testing. Waiting for their next step: T1: Legal advice referral form, to be studied .');
    const body = (await client.get('/a/NORTH/improvement')).body;
    expect(body).toContain('<a class="ds_link" href="/a/NORTH/tests/1">T1: Legal advice referral form, to be studied</a>');
    await client.get('/a/NORTH/tests/1/cycles/1/study');
    await client.post('/a/NORTH/tests/1/cycles/1/study', { study_date: '2021-02-15', result: 'Two of three within four weeks', numbers: '19, 26 and 41 days', quotes: 'Saved a week of chasing' });
    expect(await answer()).toBe('1 test of change: 1 testing. Waiting for their next step: T1: Legal advice referral form, to be acted on .');
    await client.get('/a/NORTH/tests/1/cycles/1/act');
    await client.post('/a/NORTH/tests/1/cycles/1/act', { act_date: '2021-03-01', decision: 'adapt', next_step: 'Add a checklist' });
    expect(await answer()).toBe('1 test of change: 1 adapting.');
  });

  it('names each problem with a test in the error summary', async () => {
    await client.get('/a/NORTH/tests/new');
    const response = await client.post('/a/NORTH/tests/new', { ...testForm, title: '', start_date: '2021-02-30', agencies: [], aims: [] });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('<a href="#title">Enter a title</a>');
    expect(response.body).toContain('<a href="#start_date">The start date must be a real date, such as 2021-03-01 or 01/03/2021 (you entered 2021-02-30)</a>');
    expect(response.body).toContain('<a href="#agencies">Choose at least one agency involved</a>');
    expect(response.body).toContain('<a href="#aims">Choose at least one aim the test serves: its run chart will show the test</a>');
  });

  it('refuses to study a cycle before it is done, and to plan before the start date, in the error summary', async () => {
    await client.get('/a/NORTH/tests/new');
    await client.post('/a/NORTH/tests/new', testForm);
    await client.get('/a/NORTH/tests/1/cycles/new');
    const early = await client.post('/a/NORTH/tests/1/cycles/new', { ...planForm, when: '2021-01-01' });
    expect(early.statusCode).toBe(400);
    expect(early.body).toContain('<a href="#when">A cycle cannot be planned for before the test starts on 4 January 2021.</a>');
    await client.post('/a/NORTH/tests/1/cycles/new', planForm);
    await client.get('/a/NORTH/tests/1/cycles/1/study');
    const study = await client.post('/a/NORTH/tests/1/cycles/1/study', { study_date: '2021-02-15', result: 'r', numbers: '', quotes: '' });
    expect(study.statusCode).toBe(400);
    expect(study.body).toContain('<a href="#study_date">Cycle 1 cannot be studied before it has been done: record the Do first.</a>');
    await client.get('/a/NORTH/tests/1/cycles/1/do');
    const backwards = await client.post('/a/NORTH/tests/1/cycles/1/do', { do_date: '2021-01-10', what_happened: 'x', observations: '' });
    expect(backwards.body).toContain('<a href="#do_date">Do: the date it was done (10 January 2021) cannot be before the date it is planned for (11 January 2021).</a>');
  });

  it('marks the test on the run chart of the aim it serves, at its start and at its Act', async () => {
    await runOneCycle();
    const page = (await client.get('/a/NORTH/aims/aim-2')).body;
    expect(textOf(page)).toContain('T1: Test 1, Legal advice referral form: started 2021-01-04');
    expect(textOf(page)).toContain('T1.1: Test 1, Legal advice referral form: cycle 1 acted on 2021-03-01 (adapt)');
    expect(page).toContain('<title>Test 1, Legal advice referral form: started 2021-01-04</title>');
    const svg = (await client.get('/a/NORTH/aims/aim-2/run-chart.svg')).body;
    expect(svg).toContain('<title>Test 1, Legal advice referral form: cycle 1 acted on 2021-03-01 (adapt)</title>');
    // The page's run chart on a phone, a picture of its own, marks the test too.
    const phone = (await client.get('/a/NORTH/aims/aim-2/run-chart-phone.svg')).body;
    expect([phone.match(/viewBox="0 0 560 /)?.[0], phone.includes('<title>Test 1, Legal advice referral form: started 2021-01-04</title>')]).toEqual(['viewBox="0 0 560 ', true]);
    // The dashboard's small run chart, as small, leaves the tests of change to the aim's page.
    const small = (await client.get('/a/NORTH/aims/aim-2/run-chart-small.svg')).body;
    expect([small.match(/viewBox="0 0 560 /)?.[0], small.includes('Legal advice referral form')]).toEqual(['viewBox="0 0 560 ', false]);
    expect((await client.get('/a/NORTH/aims/aim-3/run-chart.svg')).body).not.toContain('Legal advice referral form');
    expect(textOf(page)).toContain('Tests of change on this chart');
  });

  it('shows another authority’s tests to nobody, and lets a viewer read but not change', async () => {
    await runOneCycle();
    const other = new Client(web.app);
    await other.signIn('sam');
    expect((await other.get('/a/NORTH/tests/1')).statusCode).toBe(404);
    expect((await other.get('/a/NORTH/improvement')).statusCode).toBe(404);
    expect((await other.get('/a/NORTH/packs/2021-03-10')).statusCode).toBe(404);
    expect((await other.get('/a/SOUTH/tests/1')).statusCode).toBe(404);
    const viewer = new Client(web.app);
    await viewer.signIn('vic');
    expect((await viewer.get('/a/NORTH/tests/1')).statusCode).toBe(200);
    expect(textOf((await viewer.get('/a/NORTH/tests/1')).body)).not.toContain('Change the test');
    expect((await viewer.get('/a/NORTH/tests/1/edit')).statusCode).toBe(403);
    expect((await viewer.post('/a/NORTH/tests/new', testForm)).statusCode).toBe(403);
    expect((await viewer.post('/a/NORTH/tests/1/cycles/1/act', { act_date: '2021-03-01', decision: 'adopt', next_step: 'x' })).statusCode).toBe(403);
    expect((await viewer.post('/a/NORTH/meetings', { meeting_date: '2021-03-10', title: 'x', notes: '' })).statusCode).toBe(403);
    expect((await viewer.post('/a/NORTH/aims/aim-2/drivers', { kind: 'primary', text: 'x' })).statusCode).toBe(403);
  });

  it('draws the driver diagram as a tree with a nested list, each change idea linked to its tests', async () => {
    await client.get('/a/NORTH/aims/aim-2/drivers');
    expect((await client.post('/a/NORTH/aims/aim-2/drivers', { kind: 'primary', text: 'Early information' })).statusCode).toBe(303);
    const missing = await client.post('/a/NORTH/aims/aim-2/drivers', { kind: 'secondary', text: 'Legal advice early', parent_secondary: '' });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('<a href="#parent_secondary">Choose the primary driver it serves</a>');
    await client.post('/a/NORTH/aims/aim-2/drivers', { kind: 'secondary', text: 'Legal advice early', parent_secondary: '1' });
    const library = await listLibraryIdeas(web.connection);
    const form = library.find((l) => l.key === 'legal-referral-form');
    await client.post('/a/NORTH/aims/aim-2/drivers', { kind: 'change-idea', text: '', parent_idea: '2', library_idea: String(form?.id) });
    await client.get('/a/NORTH/tests/new');
    await client.post('/a/NORTH/tests/new', { ...testForm, change_idea: '3', drivers: ['1'] });
    const page = (await client.get('/a/NORTH/aims/aim-2/drivers')).body;
    expect(page).toContain('<svg');
    expect(page).toContain('Tested in T1');
    expect(textOf(page)).toContain("Primary driver: Early information Change Early information Secondary driver: Legal advice early Change Legal advice early Change idea: Using a Referral Form to request legal advice on child's permanence plan (from the library: Using a Referral Form to request legal advice on child's permanence plan ) — tried in T1: Legal advice referral form");
    const remove = await client.post('/a/NORTH/drivers/1/remove', {});
    expect(remove.statusCode).toBe(400);
  });

  it('starts a test from a library idea, and a data lead publishes results back with consent and no child data', async () => {
    const library = await listLibraryIdeas(web.connection);
    expect(textOf((await client.get('/a/NORTH/library')).body)).toContain('Cease use of Form E part 2');
    const idea = library.find((l) => l.key === 'cease-form-e-part-2');
    const form = (await client.get(`/a/NORTH/tests/new?idea=${idea?.id}`)).body;
    expect(form).toContain('value="Cease use of Form E part 2"');
    expect(form).toContain('Started from the library idea');
    await runOneCycle();
    expect((await client.get('/a/NORTH/tests/1/publish')).statusCode).toBe(403);
    const lead = new Client(web.app);
    await lead.signIn('dl');
    const draft = (await lead.get('/a/NORTH/tests/1/publish')).body;
    expect(draft).toContain('Cycle 1: Two of three within four weeks (19, 26 and 41 days)');
    const noConsent = await lead.post('/a/NORTH/tests/1/publish', { study_summary: 'Two of three within four weeks', act_summary: 'Adapted' });
    expect(noConsent.body).toContain('<a href="#consent">Confirm that the authority agrees to share this, and that it holds no child’s details</a>');
    const named = await lead.post('/a/NORTH/tests/1/publish', { study_summary: 'It worked for Amy Adams and for C3', act_summary: 'Adapted', consent: 'yes' });
    expect(named.statusCode).toBe(400);
    expect(named.body).toContain('<a href="#study_summary">Reword what could identify a child before publishing: “Amy” (a child’s first name), “Adams” (a child’s last name), “C3” (a child’s reference)</a>');
    const published = await lead.post('/a/NORTH/tests/1/publish', { study_summary: 'Two of three within four weeks', act_summary: 'Adapted: a checklist added', consent: 'yes' });
    expect(published.statusCode).toBe(303);
    const other = new Client(web.app);
    await other.signIn('sam');
    const seen = textOf((await other.get(`/a/SOUTH${(published.headers.location as string).slice('/a/NORTH'.length).split('?')[0]}`)).body);
    expect(seen).toContain('Legal advice referral form Published by North Council');
    expect(seen).toContain('What the study found Two of three within four weeks');
    expect(seen).not.toContain('Two social workers');
  });

  it("shows on the test's page the aims it serves month by month, with its start and each Act marked, each month leading to its journeys", async () => {
    await runOneCycle();
    const body = (await client.get('/a/NORTH/tests/1')).body;
    const text = textOf(body);
    expect(text).toContain("The aims it serves, month by month Of the journeys settled in each month, the percentage in time, with this test's start and each cycle's Act marked");
    expect(body).toContain('#month-by-month">Aim 2: permanence recommendation</a>: 3 of the last 36 whole months with a journey settled; Test 1, Legal advice referral form: started 2021-01-04; Test 1, Legal advice referral form: cycle 1 acted on 2021-03-01 (adapt).');
    expect(body).toContain('href="/a/NORTH/aims/aim-2/journeys?as_at=2021-06-01&amp;status=counted&amp;month=2020-08"');
    expect(body).toContain('y="0.71em">T1<title>Test 1, Legal advice referral form: started 2021-01-04</title></text>');
  });

  it('makes a meeting pack: every aim, the cycles since the previous meeting, balancing measures and data quality, as a page and a PDF', async () => {
    await runOneCycle();
    await client.get('/a/NORTH/meetings');
    const bad = await client.post('/a/NORTH/meetings', { meeting_date: 'soon', title: "Champions' group", notes: '' });
    expect(bad.body).toContain('<a href="#meeting_date">The date of the meeting must be a real date, such as 2021-03-01 or 01/03/2021 (you entered soon)</a>');
    await client.post('/a/NORTH/meetings', { meeting_date: '2021-02-10', title: "Champions' group", notes: '' });
    expect((await client.post('/a/NORTH/meetings', { meeting_date: '2021-03-10', title: "Champions' group", notes: 'Quarterly review' })).statusCode).toBe(303);
    expect((await listMeetings(web.connection, web.north)).length).toBe(2);
    const packPage = (await client.get('/a/NORTH/packs/2021-03-10')).body;
    const text = textOf(packPage);
    expect(text).toContain("Meeting pack: Champions' group, 10 March 2021");
    // Each aim's run chart is a picture, the aim page's own as at the meeting's date: drawn for a
    // desk, or for a phone where the window is narrow. The waiting charts and balancing measures are drawn in the page.
    expect(packPage.match(/<picture class="pace-chart-frame">.*?<\/picture>/g)?.map((picture) => picture.replace(/ alt="[^"]*"/, ''))).toEqual(
      // Its place kept before it loads: aim 2's is taller, its key naming the test of change.
      [440, 488, 440, 440].map((height, i) => `<picture class="pace-chart-frame"><source media="(max-width: 640px)" srcset="/a/NORTH/aims/aim-${i + 1}/run-chart-phone.svg?as_at=2021-03-10"/><img class="pace-chart-picture" src="/a/NORTH/aims/aim-${i + 1}/run-chart.svg?as_at=2021-03-10" width="1100" height="${height}"/></picture>`),
    );
    expect(packPage).toContain('alt="Run chart of Aim 2: permanence recommendation: 2 children, one dot each at the date they reached the milestone, height the weeks it took.');
    expect((packPage.match(/<div class="pace-chart pace-chart--wide"><svg [^>]*viewBox="0 0 1100 /g) ?? []).length).toBe(8);
    const desk = await client.get('/a/NORTH/aims/aim-2/run-chart.svg?as_at=2021-03-10');
    expect([desk.statusCode, desk.headers['content-type'], desk.body.startsWith('<svg')]).toEqual([200, 'image/svg+xml; charset=utf-8', true]);
    expect(text).toContain('All children who become looked after and accommodated will have a permanence recommendation within 26 weeks of becoming looked after and accommodated.');
    expect(text).toContain('after the previous meeting on 10 February 2021, up to 10 March 2021');
    // Each aim leads with the dashboard's answer, as the PDF does.
    expect(text).toContain('Aim 2: permanence recommendation Not enough yet: the rules need 10 children who have had a permanence recommendation; there are 2 so far. All children who become looked after');
    expect(text).toContain('T1: Legal advice referral form');
    expect(text).toContain('Cycle 1: Study, Act since the last meeting');
    expect(text).not.toContain('Plan (for 11 January 2021)');
    expect(text).toContain('Placement moves per child per year looked after');
    expect(text).toContain('Data quality 5 children;');
    const first = textOf((await client.get('/a/NORTH/packs/2021-02-10')).body);
    expect(first).toContain('Cycle 1: Plan, Do since the last meeting');
    expect((await client.get('/a/NORTH/packs/2021-03-11')).statusCode).toBe(404);
    const pdf = await client.get('/a/NORTH/packs/2021-03-10.pdf');
    expect([pdf.statusCode, pdf.headers['content-type']]).toEqual([200, 'application/pdf']);
    const bytes = pdf.rawPayload;
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = pdfPageTexts(bytes);
    // A cover, the actions, one page for each of the four aims, the tests of change, two of balancing measures, data quality.
    expect(pages.length).toBe(10);
    expect(pages[1]).toContain('Actions');
    expect(pages[3]).toContain('All children who become looked after and accommodated will have a permanence recommendation within 26 weeks of becoming looked after and accommodated.');
    expect(pages[6]).toContain('T1: Legal advice referral form');
    expect(pages[9]).toContain('Data quality');
  });

  it('shows the balancing measures as run charts by month', async () => {
    const page = await client.get('/a/NORTH/balancing');
    expect(page.statusCode).toBe(200);
    const text = textOf(page.body);
    for (const name of ['Placement moves per child per year looked after', 'Returned home and accommodated again within 12 months', 'Children at home on a CSO for more than 18 months', 'Children at home on a CSO for more than 24 months']) expect(text).toContain(name);
    // Each drawn twice: 1,100 wide for a desk and 560 for a phone (the stylesheet shows the one that fits).
    expect((page.body.match(/<svg/g) ?? []).length).toBe(8);
    expect((page.body.match(/<div class="pace-chart pace-chart--wide"><svg [^>]*viewBox="0 0 1100 /g) ?? []).length).toBe(4);
    expect((page.body.match(/<div class="pace-chart pace-chart--narrow"><svg [^>]*viewBox="0 0 560 /g) ?? []).length).toBe(4);
    const csv = await client.get('/a/NORTH/balancing/placement-moves.csv?as_at=2021-06-01');
    expect(csv.body.split(/\r?\n/)[0]).toBe('month,moves,child-years looked after,Moves per child-year');
    expect((await client.get('/a/NORTH/balancing?as_at=yesterday')).statusCode).toBe(400);
  });
});
