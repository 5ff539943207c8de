import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditOf, findChildRecord, findUser, revokeApiToken } from '../../src/store/index.js';
import { createApiToken } from '../../src/app/accounts.js';
import { engines } from '../engines.js';
import { saveNorth } from './fixtures.js';
import { addTestUser, openWeb, type WebFixture } from './harness.js';

describe.each(engines)('the JSON API on $name', (engine) => {
  let web: WebFixture;
  let token: string;
  let viewerToken: string;
  let viewerTokenId: number;

  const call = (method: 'GET' | 'PUT' | 'POST', url: string, body?: unknown, bearer: string | null = token) =>
    web.app.inject({ method, url, ...(body === undefined ? {} : { payload: body as object }), headers: bearer ? { authorization: `Bearer ${bearer}` } : {} });

  beforeEach(async () => {
    web = await openWeb(engine);
    await saveNorth(web.connection, web.north);
    token = (await createApiToken(web.connection, await addTestUser(web.connection, 'cms', [[web.north, 'practitioner']]), 'case management')).token;
    ({ token: viewerToken, id: viewerTokenId } = await createApiToken(web.connection, await addTestUser(web.connection, 'reader', [[web.north, 'viewer']]), 'reports'));
  });

  afterEach(async () => {
    await web.dispose();
  });

  it('asks for a token, and refuses an unknown or revoked one', async () => {
    const none = await call('GET', '/api/v1/authorities', undefined, null);
    expect([none.statusCode, none.headers['www-authenticate']]).toEqual([401, 'Bearer realm="pace"']);
    expect((await call('GET', '/api/v1/authorities', undefined, 'pace_madeup')).json()).toEqual({ error: { code: 'invalid-token', message: 'That API token is not known, or has been revoked.' } });
    const user = await findUser(web.connection, 'reader');
    expect(await revokeApiToken(web.connection, user?.id ?? 0, viewerTokenId)).toBe(true);
    expect((await call('GET', '/api/v1/authorities', undefined, viewerToken)).statusCode).toBe(401);
  });

  it('never takes a session cookie for a token', async () => {
    const response = await web.app.inject({ method: 'GET', url: '/api/v1/authorities', headers: { cookie: 'pace_session=anything' } });
    expect(response.statusCode).toBe(401);
  });

  it("lists the authorities the token's user may see", async () => {
    expect((await call('GET', '/api/v1/authorities')).json()).toEqual({ authorities: [{ code: 'NORTH', name: 'North Council', programme_start: '2020-01-01', role: 'practitioner' }] });
  });

  it('gives each aim’s figures as at a date', async () => {
    const body = (await call('GET', '/api/v1/authorities/NORTH/aims?as_at=2021-06-01')).json() as { as_at: string; aims: { id: string; counts: unknown; n: number; percentage: number | null; median_weeks: number | null }[] };
    expect(body.as_at).toBe('2021-06-01');
    expect(body.aims.find((a) => a.id === 'aim-2')).toMatchObject({ counts: { in_time: 1, late: 1, overdue: 1, waiting: 2, left_late: 0, left_early: 0 }, n: 3, percentage: 33.3, median_weeks: 28.4 });
  });

  it('gives a run chart’s points and the rules’ analysis, and the journeys waiting', async () => {
    const chart = (await call('GET', '/api/v1/authorities/NORTH/aims/aim-2/run-chart')).json() as { points: unknown[]; analysis: { n_obs: number; cl: number } };
    expect(chart.points).toEqual([
      { point: 1, child_id: 'A1', start: '2020-01-01', end: '2020-06-01', weeks: 21.7, in_signal: false },
      { point: 2, child_id: 'B2', start: '2020-02-03', end: '2020-10-05', weeks: 35, in_signal: false },
    ]);
    expect([chart.analysis.n_obs, chart.analysis.cl]).toEqual([2, 28.357142857142858]);
    const waiting = (await call('GET', '/api/v1/authorities/NORTH/waiting')).json() as { journeys: { aim_id: string; child_id: string; status: string }[] };
    expect(waiting.journeys.filter((j) => j.aim_id === 'aim-2').map((j) => [j.child_id, j.status])).toEqual([
      ['C3', 'overdue'],
      ['E5', 'waiting'],
      ['D4', 'waiting'],
    ]);
  });

  it("gives a child's record with its journeys, and audits the view", async () => {
    const body = (await call('GET', '/api/v1/authorities/NORTH/children/B2')).json() as { child: unknown; journeys: unknown[] };
    expect(body.child).toEqual({ child_id: 'B2', first_name: 'Ben', last_name: 'Brown', date_of_birth: '2014-09-12', sex: null, sibling_group: null, worker: null, team: null, locality: null });
    expect(body.journeys).toContainEqual({ aim_id: 'aim-2', kind: 2, child_id: 'B2', start: '2020-02-03', end: '2020-10-05', leave: null, leave_reason: null, route: 'permanence_order', due: '2020-08-03', status: 'late', weeks: 35 });
    expect((await auditOf(web.connection, web.north, 'child', 'B2')).map((a) => [a.username, a.action])).toEqual([['cms', 'view']]);
  });

  it('takes a milestone pushed by a case-management system, once', async () => {
    const milestone = { event_type: 'permanence_recommendation', date: '2021-05-20', route: 'adoption', note: 'from CMS' };
    const first = await call('PUT', '/api/v1/authorities/NORTH/children/E5/events/CMS-1', milestone);
    expect([first.statusCode, first.json()]).toEqual([201, { change: 'added', event: { child_id: 'E5', event_id: 'CMS-1', event_type: 'permanence_recommendation', status: 'held', date: '2021-05-20', planned_date: null, route: 'adoption', note: 'from CMS', recorded_date: null }, warnings: [] }]);
    const again = await call('PUT', '/api/v1/authorities/NORTH/children/E5/events/CMS-1', milestone);
    expect([again.statusCode, (again.json() as { change: string }).change]).toEqual([200, 'unchanged']);
    const aims = (await call('GET', '/api/v1/authorities/NORTH/aims')).json() as { aims: { id: string; percentage: number }[] };
    expect(aims.aims.find((a) => a.id === 'aim-2')?.percentage).toBe(50);
  });

  it('names the field and echoes the value of each problem, saving nothing', async () => {
    const response = await call('PUT', '/api/v1/authorities/NORTH/children/E5/events/CMS-2', { event_type: 'adm_decision', date: '2021-13-01', route: 'elsewhere' });
    expect(response.statusCode).toBe(422);
    expect((response.json() as { error: { issues: unknown[] } }).error.issues).toEqual([
      { record: 'body', field: 'date', message: 'Date must be a real date, such as 2020-03-27 or 27/03/2020 (you entered 2021-13-01)' },
      { record: 'body', field: 'route', message: 'Route must be one of home, kinship_order, permanence_order, poa, adoption (you entered elsewhere)' },
    ]);
    expect((await findChildRecord(web.connection, web.north, 'E5'))?.events).toEqual([]);
  });

  it('refuses to move an event from one child to another', async () => {
    const response = await call('PUT', '/api/v1/authorities/NORTH/children/E5/events/EA1', { event_type: 'lac_review', date: '2021-05-01' });
    expect([response.statusCode, (response.json() as { error: { message: string } }).error.message]).toEqual([409, 'event EA1 belongs to another child (A1).']);
  });

  it('adds a child, then replaces it, keeping the previous version', async () => {
    expect((await call('PUT', '/api/v1/authorities/NORTH/children/F6', { date_of_birth: '2019-02-28' })).statusCode).toBe(201);
    const changed = await call('PUT', '/api/v1/authorities/NORTH/children/F6', { date_of_birth: '2019-02-28', team: 'East' });
    expect((changed.json() as { change: string }).change).toBe('changed');
    expect((await call('PUT', '/api/v1/authorities/NORTH/children/F6', { child_id: 'G7', date_of_birth: '2019-02-28' })).statusCode).toBe(422);
  });

  it('saves a batch whole or not at all, listing every problem by record and field', async () => {
    const bad = await call('POST', '/api/v1/authorities/NORTH/records', {
      children: [{ child_id: 'F6', date_of_birth: '2019-02-28' }],
      placements: [{ child_id: 'F6', placement_id: 'PF6', start_date: '2021-01-04', placement_type: 'foster' }],
      events: [
        { child_id: 'F6', event_id: 'EF6', event_type: 'lac_review', date: '2021-02-15' },
        { child_id: 'NOBODY', event_id: 'EX', event_type: 'lac_review', date: '2021-02-15' },
        { child_id: 'F6', event_id: 'EY', event_type: 'tea_party', date: '2021-02-15' },
      ],
    });
    expect(bad.statusCode).toBe(422);
    expect((bad.json() as { error: { issues: unknown[] } }).error.issues).toEqual([
      { record: 'events[2]', field: 'event_type', message: 'Event must be one of referral, planning_meeting_72h, early_review, lac_review, legal_advice_requested, legal_advice_received, permanence_planning_meeting, permanence_recommendation, care_plan, permanence_panel, adm_decision, court_application_lodged, order_granted, childrens_hearing, home_review, ceased_looked_after (you entered tea_party)' },
      { record: 'events[1]', field: 'child_id', message: 'no child NOBODY: add the child first, or in this batch' },
    ]);
    expect(await findChildRecord(web.connection, web.north, 'F6')).toBeNull();
    const good = await call('POST', '/api/v1/authorities/NORTH/records', { children: [{ child_id: 'F6', date_of_birth: '2019-02-28' }], events: [{ child_id: 'F6', event_id: 'EF6', event_type: 'lac_review', date: '2021-02-15' }] });
    expect(good.json()).toEqual({ saved: { children: { added: 1, changed: 0, unchanged: 0 }, placements: { added: 0, changed: 0, unchanged: 0 }, events: { added: 1, changed: 0, unchanged: 0 } }, warnings: [] });
  });

  // Planned and cancelled events (docs/decisions/0030-planned-events.md, "The JSON API"). Today is 1 June 2021.
  const eventsOf = async (childId: string) => ((await call('GET', `/api/v1/authorities/NORTH/children/${childId}`)).json() as { events: Record<string, unknown>[] }).events;
  const summarise = async (childId: string) => {
    const record = await findChildRecord(web.connection, web.north, childId);
    return {
      events: record?.events.map((e) => [e.eventId, e.date.toString(), e.plannedDate?.toString() ?? null]),
      plans: record?.plans?.map((p) => [p.eventId, p.status, p.plannedDate.toString(), p.reason]) ?? [],
    };
  };

  it('saves a planned event as a plan, which the child’s record lists with its status and planned date, and audits it', async () => {
    const saved = await call('PUT', '/api/v1/authorities/NORTH/children/E5/events/PR1', { event_type: 'lac_review', status: 'planned', planned_date: '2021-06-14' });
    const planned = { child_id: 'E5', event_id: 'PR1', event_type: 'lac_review', status: 'planned', date: null, planned_date: '2021-06-14', route: null, note: null, recorded_date: null };
    expect([saved.statusCode, saved.json()]).toEqual([201, { change: 'added', event: planned, warnings: [] }]);
    expect(await summarise('E5')).toEqual({ events: [], plans: [['PR1', 'planned', '2021-06-14', null]] });
    expect(await eventsOf('E5')).toEqual([planned]);
    expect((await auditOf(web.connection, web.north, 'event', 'PR1')).map((a) => [a.username, a.action])).toEqual([['cms', 'add']]);
    // A plan is no milestone: aim 2's figures are as before (E5 still waiting).
    const aims = (await call('GET', '/api/v1/authorities/NORTH/aims')).json() as { aims: { id: string; counts: { waiting: number } }[] };
    expect(aims.aims.find((a) => a.id === 'aim-2')?.counts.waiting).toBe(2);
  });

  it('saves a cancelled event without a reason, warning of it in the import’s words (as the import does)', async () => {
    const saved = await call('PUT', '/api/v1/authorities/NORTH/children/E5/events/CR1', { event_type: 'lac_review', status: 'cancelled', planned_date: '2021-05-10' });
    expect([saved.statusCode, (saved.json() as { warnings: unknown[] }).warnings]).toEqual([
      201,
      [{ field: 'note', code: 'cancelled-reason-missing', message: 'the cancelled event gives no reason', fix: 'Write why it was cancelled in note: reasons for cancellation are what a review of them reads.' }],
    ]);
    expect(await summarise('E5')).toEqual({ events: [], plans: [['CR1', 'cancelled', '2021-05-10', null]] });
    const withReason = await call('PUT', '/api/v1/authorities/NORTH/children/E5/events/CR1', { event_type: 'lac_review', status: 'cancelled', planned_date: '2021-05-10', note: 'chair unavailable' });
    expect([withReason.statusCode, withReason.json()]).toEqual([200, { change: 'changed', event: { child_id: 'E5', event_id: 'CR1', event_type: 'lac_review', status: 'cancelled', date: null, planned_date: '2021-05-10', route: null, note: 'chair unavailable', recorded_date: null }, warnings: [] }]);
  });

  it('refuses a status not known, a date on a planned event and one without its planned date, naming each field', async () => {
    const unknown = await call('PUT', '/api/v1/authorities/NORTH/children/E5/events/PR2', { event_type: 'lac_review', status: 'postponed', date: '2021-05-02' });
    expect([unknown.statusCode, (unknown.json() as { error: { issues: unknown[] } }).error.issues]).toEqual([422, [{ record: 'body', field: 'status', message: 'Status must be one of held, planned, cancelled (you entered postponed)' }]]);
    const planned = await call('PUT', '/api/v1/authorities/NORTH/children/E5/events/PR2', { event_type: 'lac_review', status: 'planned', date: '2021-05-02' });
    expect([planned.statusCode, (planned.json() as { error: { issues: unknown[] } }).error.issues]).toEqual([
      422,
      [
        { record: 'body', field: 'date', message: 'Leave the date empty: a planned event has not happened (you entered 2021-05-02)' },
        { record: 'body', field: 'planned_date', message: 'Enter the planned date' },
      ],
    ]);
    expect(await summarise('E5')).toEqual({ events: [], plans: [] });
  });

  it('gives back a held event’s planned date, so that a GET and a PUT of the same JSON change nothing', async () => {
    const held = await call('PUT', '/api/v1/authorities/NORTH/children/E5/events/H1', { event_type: 'lac_review', date: '2021-05-28', planned_date: '2021-05-21', recorded_date: '2021-05-29' });
    expect([held.statusCode, (held.json() as { event: unknown }).event]).toEqual([201, { child_id: 'E5', event_id: 'H1', event_type: 'lac_review', status: 'held', date: '2021-05-28', planned_date: '2021-05-21', route: null, note: null, recorded_date: '2021-05-29' }]);
    await call('PUT', '/api/v1/authorities/NORTH/children/E5/events/CR1', { event_type: 'lac_review', status: 'cancelled', planned_date: '2021-05-10', note: 'chair unavailable' });
    const read = await eventsOf('E5');
    expect(read.map((e) => [e.event_id, e.status, e.date, e.planned_date])).toEqual([
      ['H1', 'held', '2021-05-28', '2021-05-21'],
      ['CR1', 'cancelled', null, '2021-05-10'],
    ]);
    for (const event of read) {
      const again = await call('PUT', `/api/v1/authorities/NORTH/children/E5/events/${String(event.event_id)}`, event);
      expect([again.statusCode, (again.json() as { change: string }).change]).toEqual([200, 'unchanged']);
    }
    expect(await eventsOf('E5')).toEqual(read);
  });

  it('keeps a held event’s planned date when a PUT leaves planned_date out, and clears it when the PUT sends null', async () => {
    await call('PUT', '/api/v1/authorities/NORTH/children/E5/events/H1', { event_type: 'lac_review', date: '2021-05-28', planned_date: '2021-05-21' });
    const without = await call('PUT', '/api/v1/authorities/NORTH/children/E5/events/H1', { event_type: 'lac_review', date: '2021-05-28' });
    expect([without.statusCode, (without.json() as { change: string }).change]).toEqual([200, 'unchanged']);
    expect((await summarise('E5')).events).toEqual([['H1', '2021-05-28', '2021-05-21']]);
    const cleared = await call('PUT', '/api/v1/authorities/NORTH/children/E5/events/H1', { event_type: 'lac_review', date: '2021-05-28', planned_date: null });
    expect([cleared.statusCode, (cleared.json() as { change: string }).change]).toEqual([200, 'changed']);
    expect((await summarise('E5')).events).toEqual([['H1', '2021-05-28', null]]);
  });

  it('turns a plan into a held event by a PUT with a date under the same id, keeping the day it was planned for', async () => {
    await call('PUT', '/api/v1/authorities/NORTH/children/E5/events/PR1', { event_type: 'lac_review', status: 'planned', planned_date: '2021-05-21' });
    const held = await call('PUT', '/api/v1/authorities/NORTH/children/E5/events/PR1', { event_type: 'lac_review', date: '2021-05-28' });
    expect([held.statusCode, held.json()]).toEqual([200, { change: 'changed', event: { child_id: 'E5', event_id: 'PR1', event_type: 'lac_review', status: 'held', date: '2021-05-28', planned_date: '2021-05-21', route: null, note: null, recorded_date: null }, warnings: [] }]);
    expect(await summarise('E5')).toEqual({ events: [['PR1', '2021-05-28', '2021-05-21']], plans: [] });
    expect((await auditOf(web.connection, web.north, 'event', 'PR1')).map((a) => [a.username, a.action])).toEqual([
      ['cms', 'add'],
      ['cms', 'edit'],
    ]);
  });

  it('saves held, planned and cancelled events in one batch, warning of a cancellation without its reason by record', async () => {
    const events = [
      { child_id: 'E5', event_id: 'B1', event_type: 'lac_review', date: '2021-05-03', planned_date: '2021-04-26', recorded_date: '2021-05-04' },
      { child_id: 'E5', event_id: 'B2', event_type: 'lac_review', status: 'planned', planned_date: '2021-08-02' },
      { child_id: 'E5', event_id: 'B3', event_type: 'early_review', status: 'cancelled', planned_date: '2021-05-17' },
    ];
    const saved = await call('POST', '/api/v1/authorities/NORTH/records', { events });
    expect(saved.json()).toEqual({
      saved: { children: { added: 0, changed: 0, unchanged: 0 }, placements: { added: 0, changed: 0, unchanged: 0 }, events: { added: 3, changed: 0, unchanged: 0 } },
      warnings: [{ record: 'events[2]', field: 'note', code: 'cancelled-reason-missing', message: 'the cancelled event gives no reason', fix: 'Write why it was cancelled in note: reasons for cancellation are what a review of them reads.' }],
    });
    expect(await summarise('E5')).toEqual({ events: [['B1', '2021-05-03', '2021-04-26']], plans: [['B2', 'planned', '2021-08-02', null], ['B3', 'cancelled', '2021-05-17', null]] });
    // Sent again without planned_date and recorded_date, the held event keeps both.
    const again = await call('POST', '/api/v1/authorities/NORTH/records', { events: [{ child_id: 'E5', event_id: 'B1', event_type: 'lac_review', date: '2021-05-03' }] });
    expect((again.json() as { saved: { events: unknown } }).saved.events).toEqual({ added: 0, changed: 0, unchanged: 1 });
    const bad = await call('POST', '/api/v1/authorities/NORTH/records', { events: [{ child_id: 'E5', event_id: 'B4', event_type: 'lac_review', status: 'planned', date: '2021-05-03', planned_date: '2021-06-07' }] });
    expect([bad.statusCode, (bad.json() as { error: { issues: unknown[] } }).error.issues]).toEqual([422, [{ record: 'events[0]', field: 'date', message: 'Leave the date empty: a planned event has not happened (you entered 2021-05-03)' }]]);
  });

  it("refuses writes with a viewer's token, and hides other authorities", async () => {
    const refused = await call('PUT', '/api/v1/authorities/NORTH/children/F6', { date_of_birth: '2019-02-28' }, viewerToken);
    expect([refused.statusCode, (refused.json() as { error: { code: string } }).error.code]).toEqual([403, 'forbidden']);
    expect((await call('GET', '/api/v1/authorities/SOUTH/aims')).statusCode).toBe(404);
    expect((await call('GET', '/api/v1/authorities/NORTH/children/Z9')).statusCode).toBe(404);
  });

  it('answers malformed JSON and unknown addresses with JSON errors', async () => {
    const malformed = await web.app.inject({ method: 'PUT', url: '/api/v1/authorities/NORTH/children/F6', payload: '{"date_of_birth":', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' } });
    expect([malformed.statusCode, (malformed.json() as { error: { code: string } }).error.code]).toEqual([400, 'bad-request']);
    expect((await call('GET', '/api/v1/nothing-here')).json()).toEqual({ error: { code: 'not-found', message: 'There is no page at this address. Check it, or start again from the start page.' } });
  });

  it('refuses a journey list of a status that does not exist, naming the ones that do', async () => {
    const lost = await call('GET', '/api/v1/authorities/NORTH/aims/aim-2/journeys?status=lost');
    expect(lost.statusCode).toBe(400);
    expect((lost.json() as { error: { message: string } }).error.message).toBe('status must be one of in_time, late, overdue, waiting, left_late, left_early, counted, still-waiting, all (you sent "lost").');
  });

  it('is described by an OpenAPI document', async () => {
    const doc = (await web.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths).sort()).toEqual([
      '/api/v1/authorities',
      '/api/v1/authorities/{code}/aims',
      '/api/v1/authorities/{code}/aims/{aimId}/journeys',
      '/api/v1/authorities/{code}/aims/{aimId}/run-chart',
      '/api/v1/authorities/{code}/children/{childId}',
      '/api/v1/authorities/{code}/children/{childId}/events/{eventId}',
      '/api/v1/authorities/{code}/children/{childId}/placements/{placementId}',
      '/api/v1/authorities/{code}/records',
      '/api/v1/authorities/{code}/waiting',
    ]);
    expect(Object.keys(doc.paths['/api/v1/authorities/{code}/children/{childId}'] ?? {}).sort()).toEqual(['get', 'put']);
  });
});
