import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findTest, saveRecords } from '../../src/store/index.js';
import { engines } from '../engines.js';
import { northChildren, northEvents, northPlacements } from './fixtures.js';
import { addTestUser, Client, openWeb, textOf, type WebFixture } from './harness.js';

// NORTH's children (fixtures.ts) in two teams: A1 (in time, settled June 2020) and B2 (late, settled
// August 2020) in Permanence; C3 (overdue, settled March 2021), D4 and E5 (waiting) in Kinship.
const teams: Readonly<Record<string, string>> = { A1: 'Permanence', B2: 'Permanence', C3: 'Kinship', D4: 'Kinship', E5: 'Kinship' };

const testForm = {
  title: '72-hour meeting agenda',
  change: 'A set agenda for every 72-hour meeting',
  change_idea: '',
  owner: 'Permanence team leader',
  start_date: '2021-01-04',
  scale: 'one-team',
  agencies: ['health', 'social-work'],
  aims: ['aim-2'],
};
const planForm = { what: 'Use the agenda at the next nine meetings', who: 'Chairs', where: 'North', when: '2021-01-11', prediction: 'Most held within 72 hours', measures: 'Meetings held within 72 hours' };

describe.each(engines)('the data a test of change carries, $name', (engine) => {
  let web: WebFixture;
  let client: Client;

  beforeEach(async () => {
    web = await openWeb(engine);
    await saveRecords(web.connection, web.north, { children: northChildren.map((c) => ({ ...c, team: teams[c.childId] ?? null })), placements: northPlacements, events: northEvents }, { by: 'fixture', at: '2021-05-01T09:00:00.000Z' });
    await addTestUser(web.connection, 'pat', [[web.north, 'practitioner']]);
    client = new Client(web.app);
    await client.signIn('pat');
  });

  afterEach(async () => {
    await web.dispose();
  });

  it('runs a test with a team: the form keeps it, and the page draws the aim month by month for the team beside the authority, each dot leading to the team’s journeys', async () => {
    await client.get('/a/NORTH/tests/new');
    expect((await client.post('/a/NORTH/tests/new', { ...testForm, runs_with: 'team', team: ' permanence ' })).statusCode).toBe(303);
    expect((await findTest(web.connection, web.north, 1))?.runsWith).toEqual({ kind: 'team', team: 'Permanence' });
    const body = (await client.get('/a/NORTH/tests/1')).body;
    const text = textOf(body);
    expect(text).toContain('Runs with the Permanence team');
    expect(body).toContain('href="/a/NORTH?team=Permanence"');
    expect(text).toContain('The whole authority');
    expect(text).toContain('For the Permanence team');
    expect(text).toContain('The Permanence team: 2 of the last 36 whole months with a journey settled; 1 of 2 settled journeys in time.');
    expect(body).toContain('href="/a/NORTH/aims/aim-2/journeys?as_at=2021-06-01&amp;team=Permanence&amp;status=counted&amp;month=2020-06"');
    // The form shows what was chosen when the test is changed.
    const edit = (await client.get('/a/NORTH/tests/1/edit')).body;
    expect(edit).toContain('<option value="Permanence" selected>Permanence</option>');
    expect(edit).toMatch(/id="runs_with-team" name="runs_with" value="team" checked/);
  });

  it('runs a test with named children: each a link to their record, and a table of the months whose journeys they were', async () => {
    await client.get('/a/NORTH/tests/new');
    expect((await client.post('/a/NORTH/tests/new', { ...testForm, runs_with: 'children', children: 'C3, A1\nC3' })).statusCode).toBe(303);
    expect((await findTest(web.connection, web.north, 1))?.runsWith).toEqual({ kind: 'children', childIds: ['C3', 'A1'] });
    const body = (await client.get('/a/NORTH/tests/1')).body;
    const text = textOf(body);
    expect(body).toContain('2 named children: <a class="ds_link" href="/a/NORTH/children/C3">C3</a>, <a class="ds_link" href="/a/NORTH/children/A1">A1</a>');
    expect(text).toContain('2 named children: 2 of the last 36 whole months with a journey settled; 1 of 2 settled journeys in time.');
    expect(text).toContain('Month In time Children June 2020 1 of 1 A1 March 2021 0 of 1 C3');
  });

  it('refuses an unknown child reference, too many children, an unknown team and a team not chosen, each with a clear message', async () => {
    await client.get('/a/NORTH/tests/new');
    const unknownChild = await client.post('/a/NORTH/tests/new', { ...testForm, runs_with: 'children', children: 'A1 Z9 Y8' });
    expect(unknownChild.statusCode).toBe(400);
    expect(unknownChild.body).toContain('<a href="#children">No child has the reference Z9, Y8: enter references as the records write them</a>');
    const many = await client.post('/a/NORTH/tests/new', { ...testForm, runs_with: 'children', children: Array.from({ length: 31 }, (_, i) => `X${i}`).join(',') });
    expect(many.body).toContain('<a href="#children">A test can run with at most 30 named children (you entered 31): choose a team or everyone instead</a>');
    const unknownTeam = await client.post('/a/NORTH/tests/new', { ...testForm, runs_with: 'team', team: 'West' });
    expect(unknownTeam.body).toContain('<a href="#team">Choose a team from the list: no child’s record names the team West</a>');
    const noTeam = await client.post('/a/NORTH/tests/new', { ...testForm, runs_with: 'team', team: '' });
    expect(noTeam.body).toContain('<a href="#team">Choose the team the test runs with</a>');
    expect(await findTest(web.connection, web.north, 1)).toBeNull();
  });

  it('records a Study’s numbers, refusing a count above its denominator; the page draws them across the cycles with a table, and the meeting pack says them in words', async () => {
    await client.get('/a/NORTH/tests/new');
    await client.post('/a/NORTH/tests/new', testForm);
    await client.get('/a/NORTH/tests/1/cycles/new');
    await client.post('/a/NORTH/tests/1/cycles/new', planForm);
    await client.get('/a/NORTH/tests/1/cycles/1/do');
    await client.post('/a/NORTH/tests/1/cycles/1/do', { do_date: '2021-02-01', what_happened: 'Nine meetings on the agenda', observations: '' });
    const form = (await client.get('/a/NORTH/tests/1/cycles/1/study')).body;
    expect(form).toContain('name="m3_label"');
    expect(form).not.toContain('name="m4_label"');
    const study = { study_date: '2021-02-15', result: 'Better than predicted', numbers: '', quotes: '' };
    const above = await client.post('/a/NORTH/tests/1/cycles/1/study', { ...study, m1_date: '2021-02-12', m1_count: '10', m1_out_of: '9', m1_label: 'meetings held within 72 hours', m2_count: 'seven' });
    expect(above.statusCode).toBe(400);
    expect(above.body).toContain('<a href="#m1_count">Number 1: the count (10) cannot be more than what it is out of (9)</a>');
    expect(above.body).toContain('<a href="#m2_date">Enter the date of number 2</a>');
    expect(above.body).toContain('<a href="#m2_count">The count of number 2 must be a whole number, such as 7 (you entered seven)</a>');
    const late = await client.post('/a/NORTH/tests/1/cycles/1/study', { ...study, m1_date: '2021-02-16', m1_count: '7', m1_out_of: '9', m1_label: 'meetings held within 72 hours' });
    expect(late.body).toContain('<a href="#m1_date">Number 1: its date (16 February 2021) cannot be after the date it was studied (15 February 2021).</a>');
    const saved = await client.post('/a/NORTH/tests/1/cycles/1/study', { ...study, m1_date: '2021-02-12', m1_count: '7', m1_out_of: '9', m1_label: 'meetings held within 72 hours', m2_date: '2021-02-05', m2_count: '3', m2_out_of: '', m2_label: 'agencies absent' });
    expect(saved.statusCode).toBe(303);
    await client.get('/a/NORTH/tests/1/cycles/1/act');
    await client.post('/a/NORTH/tests/1/cycles/1/act', { act_date: '2021-02-20', decision: 'adapt', next_step: 'Send the agenda a day ahead' });
    await client.get('/a/NORTH/tests/1/cycles/new');
    await client.post('/a/NORTH/tests/1/cycles/new', { ...planForm, when: '2021-03-01' });
    await client.get('/a/NORTH/tests/1/cycles/2/do');
    await client.post('/a/NORTH/tests/1/cycles/2/do', { do_date: '2021-03-20', what_happened: 'Eight meetings', observations: '' });
    await client.get('/a/NORTH/tests/1/cycles/2/study');
    expect((await client.post('/a/NORTH/tests/1/cycles/2/study', { ...study, study_date: '2021-03-25', m1_date: '2021-03-24', m1_count: '8', m1_out_of: '8', m1_label: 'Meetings held within 72 hours' })).statusCode).toBe(303);
    const body = (await client.get('/a/NORTH/tests/1')).body;
    const text = textOf(body);
    expect(text).toContain('Number 1, 12 February 2021 7 of 9 meetings held within 72 hours (78%)');
    expect(text).toContain('The numbers the cycles studied');
    expect(text).toContain('meetings held within 72 hours: 2 numbers from 2 cycles; median 88.9%.');
    expect(text).toContain('Cycle Date Count Out of % Cycle 1 12 February 2021 7 9 77.8% Cycle 2 24 March 2021 8 8 100.0%');
    expect(text).toContain('agencies absent: one number from 1 cycle; median 3.');
    expect(body).toContain('<title>Test 1, cycle 2, 2021-03-24: 8 of 8 Meetings held within 72 hours (100%)</title>');
    // The form shows the numbers recorded, and two rows more.
    const again = (await client.get('/a/NORTH/tests/1/cycles/1/study')).body;
    expect(again).toContain('name="m1_out_of" value="9"');
    expect(again).toContain('name="m4_label"');
    await client.get('/a/NORTH/meetings');
    await client.post('/a/NORTH/meetings', { meeting_date: '2021-03-26', title: "Champions' group", notes: '' });
    const pack = textOf((await client.get('/a/NORTH/packs/2021-03-26')).body);
    expect(pack).toContain('Cycle 1 study: 7 of 9 meetings held within 72 hours (78%) Cycle 1 study: 3 agencies absent Cycle 2 study: 8 of 8 Meetings held within 72 hours (100%)');
    expect(pack).toContain('24 March 2021: 8 of 8 Meetings held within 72 hours (100%)');
  });
});
