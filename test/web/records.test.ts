import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditOf, findChildRecord, recordHistory, saveRecords } from '../../src/store/index.js';
import { child } from '../builders.js';
import { engines } from '../engines.js';
import { saveNorth } from './fixtures.js';
import { addTestUser, Client, openWeb, textOf, type WebFixture } from './harness.js';

describe.each(engines)('adding and changing records on $name', (engine) => {
  let web: WebFixture;
  let client: Client;

  beforeEach(async () => {
    web = await openWeb(engine);
    await saveNorth(web.connection, web.north);
    await addTestUser(web.connection, 'pat', [[web.north, 'practitioner']]);
    await addTestUser(web.connection, 'vic', [[web.north, 'viewer']]);
    client = new Client(web.app);
    await client.signIn('pat');
  });

  afterEach(async () => {
    await web.dispose();
  });

  it("shows a child's details, placements, events, journeys with their statuses, and audits the view", async () => {
    const text = textOf((await client.get('/a/NORTH/children/A1')).body);
    expect(text).toContain('A1: Amy Adams');
    // The answer first: what the child still waits for, how long, and since when it was due.
    expect(text).toContain('Waiting as at 1 June 2021 Overdue Aim 3: Agency Decision Maker decision, 52.1 weeks since 1 June 2020 (due by 7 September 2020). Every journey, aim by aim Details');
    expect(text).toContain('Date of birth 1 April 2012');
    expect(text).toContain('PA1 1 January 2020 Continuing foster care');
    expect(text).toContain('1 June 2020 Permanence recommendation adoption');
    expect(text).toContain('Aim 2: permanence recommendation: journeys Started Reached the milestone, or left Due by Weeks Plan Status 1 January 2020 1 June 2020 1 July 2020 21.7 weeks adoption In time Had a permanence recommendation within the timescale.');
    expect(text).toContain('Aim 3: Agency Decision Maker decision: journeys Started Reached the milestone, or left Due by Weeks Plan Status 1 June 2020 Not yet 7 September 2020 52.1 weeks adoption Overdue Still waiting for an Agency Decision Maker decision, past the timescale.');
    expect((await auditOf(web.connection, web.north, 'child', 'A1')).map((a) => [a.username, a.action])).toEqual([['pat', 'view']]);
    // Still within the timescale: waiting, not yet overdue.
    expect(textOf((await client.get('/a/NORTH/children/E5')).body)).toContain('Waiting as at 1 June 2021 Waiting Aim 2: permanence recommendation, 25.1 weeks since 7 December 2020 (due by 7 June 2021). Every journey, aim by aim Details');
  });

  it('adds an event, and the aim it ends moves on the dashboard', async () => {
    expect(textOf((await client.get('/a/NORTH')).body)).toContain('Since records began 33.3% in time 1 of 3 journeys');
    await client.get('/a/NORTH/children/E5/events/new');
    const saved = await client.post('/a/NORTH/children/E5/events/new', { event_id: 'EE5', event_type: 'permanence_recommendation', date: '20/05/2021', route: 'adoption', note: '' });
    expect([saved.statusCode, saved.headers.location]).toEqual([303, '/a/NORTH/children/E5?done=event-added&id=EE5']);
    expect(textOf((await client.get('/a/NORTH/children/E5?done=event-added&id=EE5')).body)).toContain('Event added. (EE5)');
    expect(textOf((await client.get('/a/NORTH')).body)).toContain('Since records began 50.0% in time 2 of 4 journeys');
    // Entered through pace's own form: recorded on the day it was entered (today, 2021-06-01).
    const stored = (await findChildRecord(web.connection, web.north, 'E5'))?.events.find((e) => e.eventId === 'EE5');
    expect(stored?.recordedDate?.toString()).toBe('2021-06-01');
  });

  it('names every problem with an event in the error summary, keeping what was typed', async () => {
    await client.get('/a/NORTH/children/E5/events/new');
    const response = await client.post('/a/NORTH/children/E5/events/new', { event_id: '', event_type: 'adm_decision', date: '31/02/2021', route: '', note: 'minuted <late>' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('<a href="#date">Date must be a real date, such as 2020-03-27 or 27/03/2020 (you entered 31/02/2021)</a>');
    expect(response.body).toContain('<a href="#route">Choose the route: the event “Agency decision maker decision” must name one</a>');
    expect(response.body).toContain('value="minuted &lt;late>"');
    expect((await findChildRecord(web.connection, web.north, 'E5'))?.events).toEqual([]);
  });

  it('refuses an event dated after today and a reference already used by another child', async () => {
    await client.get('/a/NORTH/children/E5/events/new');
    const future = await client.post('/a/NORTH/children/E5/events/new', { event_type: 'lac_review', date: '2021-06-02' });
    expect(textOf(future.body)).toContain('Date cannot be after today (you entered 2021-06-02)');
    const taken = await client.post('/a/NORTH/children/E5/events/new', { event_id: 'EA1', event_type: 'lac_review', date: '2021-05-02' });
    expect(textOf(taken.body)).toContain('Event reference EA1 is already used by child A1');
  });

  it('keeps the previous version when a placement is changed, and shows the change in the history', async () => {
    await client.get('/a/NORTH/children/C3/placements/PC3/edit');
    const saved = await client.post('/a/NORTH/children/C3/placements/PC3/edit', { start_date: '2020-09-01', end_date: '2021-04-30', placement_type: 'residential', legal_basis: 'CSO', carer_ref: '' });
    expect(saved.headers.location).toBe('/a/NORTH/children/C3?done=placement-changed&id=PC3');
    expect((await recordHistory(web.connection, web.north, 'placement', 'PC3')).map((h) => [h.version, h.change, h.previous.end_date, h.previous.recorded_by])).toEqual([[1, 'edit', null, 'fixture']]);
    const text = textOf((await client.get('/a/NORTH/children/C3')).body);
    expect(text).toContain('Placement PC3 changed by pat');
    expect(text).toContain('end date: (blank) → 2021-04-30');
    expect(text).toContain('legal basis: (blank) → CSO');
  });

  it('says when a change changed nothing, and keeps no new version', async () => {
    await client.get('/a/NORTH/children/A1/edit');
    const saved = await client.post('/a/NORTH/children/A1/edit', { first_name: 'Amy', last_name: 'Adams', date_of_birth: '2012-04-01' });
    expect(saved.headers.location).toBe('/a/NORTH/children/A1?done=unchanged');
    expect(await recordHistory(web.connection, web.north, 'child', 'A1')).toEqual([]);
  });

  it('adds a child, and refuses a second child with the same reference', async () => {
    await client.get('/a/NORTH/add-child');
    const saved = await client.post('/a/NORTH/add-child', { child_id: 'F6', first_name: 'Fay', date_of_birth: '2019-02-28', sex: 'F' });
    expect(saved.headers.location).toBe('/a/NORTH/children/F6?done=child-added');
    expect((await findChildRecord(web.connection, web.north, 'F6'))?.child).toMatchObject({ childId: 'F6', firstName: 'Fay', sex: 'F' });
    // Not yet looked after (no placement): no journey, so nothing to wait for.
    expect(textOf((await client.get('/a/NORTH/children/F6')).body)).toContain("Waiting as at 1 June 2021 Not waiting for any aim's milestone. Every journey, aim by aim Details");
    const again = await client.post('/a/NORTH/add-child', { child_id: 'F6', date_of_birth: '2019-02-28' });
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain('<a href="#child_id">A child with the reference F6 already exists</a>');
  });

  it('adds a placement with a reference of its own when none is given', async () => {
    await client.get('/a/NORTH/children/D4/placements/new');
    const saved = await client.post('/a/NORTH/children/D4/placements/new', { start_date: '2021-05-01', placement_type: 'foster' });
    expect(saved.headers.location).toMatch(/^\/a\/NORTH\/children\/D4\?done=placement-added&id=P-[0-9a-f]{10}$/);
    expect((await findChildRecord(web.connection, web.north, 'D4'))?.placements.map((p) => p.type)).toEqual(['kinship', 'foster']);
  });

  it('checks an end date is not before the start date', async () => {
    await client.get('/a/NORTH/children/D4/placements/new');
    const response = await client.post('/a/NORTH/children/D4/placements/new', { start_date: '2021-05-01', end_date: '2021-04-01', placement_type: 'foster' });
    expect(textOf(response.body)).toContain('End date must be on or after the start date, 2021-05-01 (you entered 2021-04-01)');
  });

  it('lets a viewer read but not change records', async () => {
    const viewer = new Client(web.app);
    await viewer.signIn('vic');
    expect(textOf((await viewer.get('/a/NORTH/children/A1')).body)).not.toContain('Add an event');
    const refused = await viewer.get('/a/NORTH/children/A1/events/new');
    expect(refused.statusCode).toBe(403);
    expect(textOf(refused.body)).toContain('You cannot add or change records in North Council: your role there is viewer.');
    expect((await viewer.post('/a/NORTH/children/A1/events/new', { event_type: 'lac_review', date: '2021-05-02' })).statusCode).toBe(403);
  });

  it('answers 404 for a child, placement or event that is not there', async () => {
    expect((await client.get('/a/NORTH/children/Z9')).statusCode).toBe(404);
    expect((await client.get('/a/NORTH/children/A1/placements/PB2/edit')).statusCode).toBe(404);
    expect((await client.get('/a/NORTH/children/A1/events/nope/edit')).statusCode).toBe(404);
    expect((await client.get('/a/SOUTH/children/A1')).statusCode).toBe(404);
  });

  it('counts children as a person reads a number, with a comma between thousands', async () => {
    const more = Array.from({ length: 1346 }, (_, i) => child({ childId: `Z${String(i).padStart(4, '0')}` }));
    await saveRecords(web.connection, web.north, { children: more, placements: [], events: [] }, { by: 'fixture', at: '2021-05-01T09:00:00.000Z' });
    expect(textOf((await client.get('/a/NORTH/children')).body)).toContain('1,351 children.');
  });

  it('finds children by reference or name', async () => {
    const text = textOf((await client.get('/a/NORTH/children?q=eve')).body);
    expect(text).toContain('1 child matching “eve”.');
    expect(text).toContain('E5 Eve Evans 3 March 2016');
  });
});
