import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findAim, recordHistory } from '../../src/store/index.js';
import { engines } from '../engines.js';
import { saveNorth } from './fixtures.js';
import { addTestUser, Client, openWeb, textOf, type WebFixture } from './harness.js';

const aim2Form = { name: 'Aim 2: permanence recommendation', kind: 'accommodation', timescale_count: '36', timescale_unit: 'weeks', target_percent: '70', by_date: '2021-12-31', from_date: '', min_age: '', max_age: '', backlog_by: '', backlog_before: '' };

describe.each(engines)('aims on $name', (engine) => {
  let web: WebFixture;
  let client: Client;

  beforeEach(async () => {
    web = await openWeb(engine);
    await saveNorth(web.connection, web.north);
    await addTestUser(web.connection, 'dl', [[web.north, 'data-lead']]);
    await addTestUser(web.connection, 'pat', [[web.north, 'practitioner']]);
    client = new Client(web.app);
    await client.signIn('dl');
  });

  afterEach(async () => {
    await web.dispose();
  });

  it('lists each aim as its sentence', async () => {
    const text = textOf((await client.get('/a/NORTH/aims')).body);
    expect(text).toContain('Aim 4: application lodged at court All children whose permanence plan the Agency Decision Maker approved will have an application lodged at court within 3 weeks of the Agency Decision Maker decision. Short name aim-4 ; timescale 3 weeks.');
  });

  it('changes an aim, keeps its previous definition, and the dashboard measures the new one', async () => {
    await client.get('/a/NORTH/aims/aim-2/edit');
    const saved = await client.post('/a/NORTH/aims/aim-2/edit', aim2Form);
    expect([saved.statusCode, saved.headers.location]).toEqual([303, '/a/NORTH/aims?saved=aim-2']);
    expect((await findAim(web.connection, web.north, 'aim-2'))?.timescale).toEqual({ unit: 'weeks', weeks: 36 });
    expect((await recordHistory(web.connection, web.north, 'aim', 'aim-2')).map((h) => h.change)).toEqual(['edit']);
    const text = textOf((await client.get('/a/NORTH/aims/aim-2')).body);
    expect(text).toContain('By 31 December 2021, 70% of children who become looked after and accommodated will have a permanence recommendation within 36 weeks');
    // B2's 245 days are now in time (36 weeks = 252 days); C3 (273 days) is still overdue.
    expect(text).toContain('Since records began 66.7% in time 2 of 3 journeys');
    expect(text).toContain('n = 3 journeys counted (% in time = in time ÷ n). Every journey, whenever it started. 2 in time Had a permanence recommendation within the timescale. 0 late Had a permanence recommendation, but after the timescale. 1 overdue');
  });

  it('names each problem with an aim in the error summary', async () => {
    await client.get('/a/NORTH/aims/aim-2/edit');
    const response = await client.post('/a/NORTH/aims/aim-2/edit', { ...aim2Form, timescale_count: '0', target_percent: '120', min_age: '12', max_age: '4', from_date: '2019-02-30' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('<a href="#timescale_count">Timescale must be a whole number from 1 to 520 weeks (you entered 0)</a>');
    expect(response.body).toContain('<a href="#target_percent">Target percentage must be a number from 0 to 100 (you entered 120)</a>');
    expect(response.body).toContain('<a href="#min_age">Youngest age (12) must not be above the oldest (4)</a>');
    expect(response.body).toContain('<a href="#from_date">From-date must be a real date, such as 2019-01-31 or 31/01/2019 (you entered 2019-02-30)</a>');
  });

  it('adds an aim with filters', async () => {
    await client.get('/a/NORTH/add-aim');
    const saved = await client.post('/a/NORTH/add-aim', { ...aim2Form, id: 'aim-2-foster', name: 'Aim 2 for children in foster care', timescale_count: '26', placement_types: ['foster'] });
    expect(saved.headers.location).toBe('/a/NORTH/aims?saved=aim-2-foster');
    expect(textOf((await client.get('/a/NORTH/aims/aim-2-foster')).body)).toContain('Aim 2 for children in foster care Figures as at 1 June 2021. By 31 December 2021, 70% of children who become looked after and accommodated (placed in foster care at the start) will have a permanence recommendation within 26 weeks');
  });

  it('adds a local measure chosen in words, and measures it as the national aim it copies', async () => {
    await client.get('/a/NORTH/add-aim');
    const form = await client.get('/a/NORTH/add-aim');
    expect(textOf(form.body)).toContain('A local measure: from a start and to an end you choose Counted from');
    const saved = await client.post('/a/NORTH/add-aim', { ...aim2Form, id: 'rec-local', name: 'Recommendation, local', kind: 'measure', measure_start: 'accommodated', measure_ends: ['permanence_recommendation'], timescale_count: '26', target_percent: '', by_date: '' });
    expect(saved.headers.location).toBe('/a/NORTH/aims?saved=rec-local');
    expect((await findAim(web.connection, web.north, 'rec-local'))?.measure).toEqual({ start: { kind: 'accommodated' }, ends: [{ type: 'permanence_recommendation' }] });
    const local = textOf((await client.get('/a/NORTH/aims/rec-local')).body);
    expect(local).toContain('All children who become looked after and accommodated will have a permanence recommendation within 26 weeks of becoming looked after and accommodated.');
    const national = textOf((await client.get('/a/NORTH/aims/aim-2')).body);
    const counted = (text: string) => /n = \d+ journeys counted/.exec(text)?.[0];
    expect(counted(national)).toBe('n = 3 journeys counted');
    expect(counted(local)).toBe(counted(national));
    const list = await client.get('/a/NORTH/aims/rec-local/journeys?status=overdue');
    expect(list.statusCode).toBe(200);
    expect(textOf(list.body)).toContain('Still waiting for a permanence recommendation, past the timescale.');
  });

  it('adds a measure from planned dates, which ends when its own event is held', async () => {
    await client.get('/a/NORTH/add-aim');
    const saved = await client.post('/a/NORTH/add-aim', { ...aim2Form, id: 'reviews', name: 'Reviews on the day', kind: 'measure', measure_start: 'planned:lac_review', timescale_count: '0', timescale_unit: 'days', target_percent: '90', by_date: '' });
    expect(saved.headers.location).toBe('/a/NORTH/aims?saved=reviews');
    expect((await findAim(web.connection, web.north, 'reviews'))?.measure).toEqual({ start: { kind: 'planned', type: 'lac_review' }, ends: [{ type: 'lac_review' }] });
    expect(textOf((await client.get('/a/NORTH/aims/reviews')).body)).toContain('90% of children with a looked after child review planned will have had it held on its planned date.');
    const edit = await client.get('/a/NORTH/aims/reviews/edit');
    expect(edit.body).toContain('<option value="planned:lac_review" selected>');
  });

  it('names what a local measure lacks', async () => {
    await client.get('/a/NORTH/add-aim');
    const response = await client.post('/a/NORTH/add-aim', { ...aim2Form, id: 'ppm', name: 'PPM', kind: 'measure', measure_start: 'permanence_recommendation', measure_start_route: 'adoption', measure_ends: [], timescale_unit: 'days', timescale_count: '-1' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('<a href="#measure_ends">Tick at least one event that ends the measure</a>');
    expect(response.body).toContain('<a href="#timescale_count">Timescale must be a whole number from 0 to 3650 days (you entered -1)</a>');
    const lateRoute = await client.post('/a/NORTH/add-aim', { ...aim2Form, id: 'ppm', name: 'PPM', kind: 'measure', measure_start: 'permanence_planning_meeting', measure_start_route: 'adoption', measure_ends: ['permanence_panel'] });
    expect(lateRoute.body).toContain('<a href="#measure_start_route">A route can only be chosen for a start that is a decision or plan');
  });

  it('lets only data leads and administrators change aims', async () => {
    const practitioner = new Client(web.app);
    await practitioner.signIn('pat');
    expect(textOf((await practitioner.get('/a/NORTH/aims')).body)).not.toContain('Add an aim');
    expect((await practitioner.get('/a/NORTH/aims/aim-2/edit')).statusCode).toBe(403);
    expect((await practitioner.post('/a/NORTH/aims/aim-2/edit', aim2Form)).statusCode).toBe(403);
  });
});
