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
    expect([first.statusCode, first.json()]).toEqual([201, { change: 'added', event: { child_id: 'E5', event_id: 'CMS-1', event_type: 'permanence_recommendation', date: '2021-05-20', route: 'adoption', note: 'from CMS', recorded_date: null } }]);
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
    expect(good.json()).toEqual({ saved: { children: { added: 1, changed: 0, unchanged: 0 }, placements: { added: 0, changed: 0, unchanged: 0 }, events: { added: 1, changed: 0, unchanged: 0 } } });
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
