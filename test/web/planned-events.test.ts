// Events planned and cancelled through the record form, and on the child's page
// (docs/decisions/0030-planned-events.md). Today is 1 June 2021 in these fixtures.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findChildRecord } from '../../src/store/index.js';
import { engines } from '../engines.js';
import { saveNorth } from './fixtures.js';
import { addTestUser, Client, openWeb, textOf, type WebFixture } from './harness.js';

describe.each(engines)('planned and cancelled events in the record form on $name', (engine) => {
  let web: WebFixture;
  let client: Client;

  beforeEach(async () => {
    web = await openWeb(engine);
    await saveNorth(web.connection, web.north);
    await addTestUser(web.connection, 'pat', [[web.north, 'practitioner']]);
    client = new Client(web.app);
    await client.signIn('pat');
  });

  afterEach(async () => {
    await web.dispose();
  });

  const summarise = async (childId: string) => {
    const record = await findChildRecord(web.connection, web.north, childId);
    return {
      events: record?.events.map((e) => [e.eventId, e.date.toString(), e.plannedDate?.toString() ?? null]),
      plans: record?.plans?.map((p) => [p.eventId, p.type, p.status, p.plannedDate.toString(), p.reason]) ?? [],
    };
  };

  it('adds a review planned after today, shows it on the child’s page, then records it held a week late', async () => {
    await client.get('/a/NORTH/children/E5/events/new');
    const form = (await client.get('/a/NORTH/children/E5/events/new')).body;
    expect(form).toContain('<option value="planned">Planned, not yet held</option>');
    const saved = await client.post('/a/NORTH/children/E5/events/new', { event_id: 'PR1', event_type: 'lac_review', status: 'planned', date: '', planned_date: '2021-06-14', route: '', note: '' });
    expect([saved.statusCode, saved.headers.location]).toEqual([303, '/a/NORTH/children/E5?done=event-added&id=PR1']);
    expect((await summarise('E5')).plans).toEqual([['PR1', 'lac_review', 'planned', '2021-06-14', null]]);
    const page = textOf((await client.get('/a/NORTH/children/E5')).body);
    expect(page).toContain('Planned and cancelled');
    expect(page).toContain('14 June 2021 Looked after child review Planned PR1');

    const edit = (await client.get('/a/NORTH/children/E5/events/PR1/edit')).body;
    expect(edit).toContain('value="2021-06-14"');
    expect(edit).toContain('<option value="planned" selected>');
    const held = await client.post('/a/NORTH/children/E5/events/PR1/edit', { event_type: 'lac_review', status: 'held', date: '2021-05-28', planned_date: '2021-05-21', route: '', note: '' });
    expect(held.statusCode).toBe(303);
    expect(await summarise('E5')).toEqual({ events: [['PR1', '2021-05-28', '2021-05-21']], plans: [] });
    expect(textOf((await client.get('/a/NORTH/children/E5')).body)).toContain('28 May 2021 (planned for 21 May 2021) Looked after child review');
  });

  it('records a cancelled review with its reason, and asks for the reason when it is missing', async () => {
    await client.get('/a/NORTH/children/E5/events/new');
    const missing = await client.post('/a/NORTH/children/E5/events/new', { event_id: 'CR1', event_type: 'lac_review', status: 'cancelled', date: '', planned_date: '2021-05-10', route: '', note: '' });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('<a href="#note">Enter why it was cancelled, in the note</a>');
    const saved = await client.post('/a/NORTH/children/E5/events/new', { event_id: 'CR1', event_type: 'lac_review', status: 'cancelled', date: '', planned_date: '2021-05-10', route: '', note: 'chair unavailable' });
    expect(saved.statusCode).toBe(303);
    expect((await summarise('E5')).plans).toEqual([['CR1', 'lac_review', 'cancelled', '2021-05-10', 'chair unavailable']]);
    expect(textOf((await client.get('/a/NORTH/children/E5')).body)).toContain('10 May 2021 Looked after child review Cancelled chair unavailable CR1');
  });

  it('names each problem: a date on a planned event, no planned date, a held event after today', async () => {
    await client.get('/a/NORTH/children/E5/events/new');
    const planned = await client.post('/a/NORTH/children/E5/events/new', { event_type: 'lac_review', status: 'planned', date: '2021-05-02', planned_date: '', route: '', note: '' });
    expect(planned.statusCode).toBe(400);
    expect(planned.body).toContain('<a href="#date">Leave the date empty: a planned event has not happened (you entered 2021-05-02)</a>');
    expect(planned.body).toContain('<a href="#planned_date">Enter the planned date</a>');
    const future = await client.post('/a/NORTH/children/E5/events/new', { event_type: 'lac_review', status: 'held', date: '2021-06-02', planned_date: '', route: '', note: '' });
    expect(textOf(future.body)).toContain('Date cannot be after today (you entered 2021-06-02)');
    expect(await summarise('E5')).toEqual({ events: [], plans: [] });
  });
});
