// The API's description: every operation's answers are described (no "Default Response"), the
// reference page at /api/docs shows every operation and its fields, and real answers validate
// against what is declared, with no field left undescribed.
import { createRequire } from 'node:module';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApiToken } from '../../src/app/accounts.js';
import { parseAimJson, saveAim } from '../../src/store/index.js';
import { saveHistory } from '../browser/fixtures.js';
import { engines } from '../engines.js';
import { saveNorth } from './fixtures.js';
import { addTestUser, openWeb, textOf, type WebFixture } from './harness.js';
import { registeredRoutes } from './routes.js';

type Schema = { readonly [key: string]: unknown };
interface Operation {
  readonly summary?: string;
  readonly responses: Readonly<Record<string, { readonly description: string; readonly content?: { readonly 'application/json'?: { readonly schema?: Schema } } }>>;
}
interface Document {
  readonly paths: Readonly<Record<string, Readonly<Record<string, Operation>>>>;
}

// Fastify's own Ajv (version 8, a dependency of its validator compiler), without Fastify's
// coercion or removal of extra fields: a check, not a repair.
interface Validate {
  (data: unknown): boolean;
  errors?: unknown[] | null;
}
type AjvClass = new (options: object) => { compile(schema: object): Validate; errorsText(errors: unknown): string };
const Ajv = (createRequire(createRequire(import.meta.url).resolve('@fastify/ajv-compiler'))('ajv') as { default: AjvClass }).default;
const ajv = new Ajv({ allErrors: true, strict: false, formats: { date: /^\d{4}-\d{2}-\d{2}$/ } });

/** The schema with no field beyond those it describes, at every depth: an undescribed field fails. */
function closed(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(closed);
  if (typeof schema !== 'object' || schema === null) return schema;
  const copy = Object.fromEntries(Object.entries(schema).map(([k, v]) => [k, k === 'enum' ? v : closed(v)]));
  return 'properties' in copy && !('additionalProperties' in copy) ? { ...copy, additionalProperties: false } : copy;
}

const operationsOf = (doc: Document) => Object.entries(doc.paths).flatMap(([path, item]) => Object.entries(item).map(([method, op]) => ({ method: method.toUpperCase(), path, op })));

describe.each(engines)('the API’s description on $name', (engine) => {
  let web: WebFixture;
  let token: string;
  let doc: Document;

  beforeEach(async () => {
    web = await openWeb(engine);
    await saveNorth(web.connection, web.north);
    token = (await createApiToken(web.connection, await addTestUser(web.connection, 'cms', [[web.north, 'practitioner']]), 'case management')).token;
    doc = (await web.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as Document;
  });

  afterEach(async () => {
    await web.dispose();
  });

  it('describes every /api/v1 route the app has', () => {
    const registered = registeredRoutes(web.app)
      .filter((r) => r.url.startsWith('/api/v1/'))
      .map((r) => `${r.method} ${r.url.replace(/:(\w+)/g, '{$1}')}`);
    const documented = operationsOf(doc).map((o) => `${o.method} ${o.path}`);
    expect(registered.length).toBeGreaterThan(8);
    expect(documented.sort()).toEqual(registered.sort());
  });

  it('gives every operation a described 200 or 201 answer, and no answer is a "Default Response"', () => {
    const problems: string[] = [];
    for (const { method, path, op } of operationsOf(doc)) {
      const name = `${method} ${path}`;
      const success = ['200', '201'].filter((s) => s in op.responses);
      if (success.length === 0) problems.push(`${name}: no 200 or 201`);
      for (const status of success) {
        const properties = op.responses[status]?.content?.['application/json']?.schema?.properties;
        if (!properties || Object.keys(properties).length === 0) problems.push(`${name} ${status}: an empty schema`);
      }
      for (const [status, response] of Object.entries(op.responses)) if (!response.description || response.description === 'Default Response') problems.push(`${name} ${status}: "${response.description}"`);
      if (!('401' in op.responses)) problems.push(`${name}: no 401`);
    }
    expect(problems).toEqual([]);
  });

  it('shows every operation on the reference page, to anyone, with the fields of its answers', async () => {
    const page = await web.app.inject({ method: 'GET', url: '/api/docs' });
    expect([page.statusCode, page.headers['content-type']]).toEqual([200, 'text/html; charset=utf-8']);
    const text = textOf(page.body);
    const operations = operationsOf(doc);
    expect(operations.length).toBeGreaterThan(8);
    for (const { method, path, op } of operations) {
      expect(text).toContain(`${method} ${path}`);
      expect(text).toContain(op.summary);
    }
    // The journey list's fields, by their place in the answer; a parameter; the error body.
    for (const field of ['journeys[].child_id', 'journeys[].status', 'journeys[].weeks', 'journeys[].due', 'analysis.anhoej.longest_run', 'placementId', 'error.issues[].field']) expect(text).toContain(field);
    expect(text).toContain('Authorization: Bearer');
    expect(page.body).toContain('href="/api/openapi.json"');
    expect(text).not.toContain('Default Response');
    // Like the rest of /api/, it neither reads nor sets a cookie: the same page for everyone.
    expect(page.headers['set-cookie']).toBeUndefined();
  });

  it('sends answers that match their declared schemas, every field described', async () => {
    await saveHistory(web.connection, web.north);
    // A local measure in days, whose definition and journeys are answered too (decision 0029).
    const local = parseAimJson({ id: 'ppm', name: 'Planning meeting', national_aim: null, kind: 'measure', measure: { start: 'accommodated', ends: ['planning_meeting_72h'] }, by_date: null, target_percent: null, from_date: null, timescale: { unit: 'days', days: 3 }, filters: {}, backlog: null });
    if (!local.ok) throw new Error(local.error.issues.join('; '));
    await saveAim(web.connection, web.north, local.value, { by: 'test' });
    const calls: [method: 'GET' | 'PUT' | 'POST', url: string, body?: unknown, bearer?: string | null][] = [
      ['GET', '/api/v1/authorities'],
      ['GET', '/api/v1/authorities/NORTH/aims?as_at=2021-06-01'],
      ['GET', '/api/v1/authorities/NORTH/aims/aim-2/run-chart'],
      ['GET', '/api/v1/authorities/NORTH/aims/aim-1/run-chart'],
      ['GET', '/api/v1/authorities/NORTH/aims/aim-2/journeys?status=all'],
      ['GET', '/api/v1/authorities/NORTH/aims/ppm/journeys?status=all'],
      ['GET', '/api/v1/authorities/NORTH/waiting'],
      ['GET', '/api/v1/authorities/NORTH/children/B2'],
      ['PUT', '/api/v1/authorities/NORTH/children/F6', { date_of_birth: '2019-02-28', sex: 'F', team: 'East' }],
      ['PUT', '/api/v1/authorities/NORTH/children/F6', { date_of_birth: '2019-02-28', sex: 'F', team: 'East' }],
      ['PUT', '/api/v1/authorities/NORTH/children/F6/placements/PF6', { start_date: '2021-01-04', placement_type: 'foster', legal_basis: 'CSO' }],
      ['PUT', '/api/v1/authorities/NORTH/children/E5/events/CMS-1', { event_type: 'permanence_recommendation', date: '2021-05-20', route: 'adoption', note: 'from CMS' }],
      ['POST', '/api/v1/authorities/NORTH/records', { children: [{ child_id: 'G7', date_of_birth: '2019-02-28' }], events: [{ child_id: 'G7', event_id: 'EG7', event_type: 'lac_review', date: '2021-02-15' }, { child_id: 'G7', event_id: 'CG7', event_type: 'lac_review', status: 'cancelled', planned_date: '2021-03-01' }] }],
      // Events planned, cancelled (without a reason: a warning), and held on a day after the one planned (decision 0030).
      ['PUT', '/api/v1/authorities/NORTH/children/E5/events/PR1', { event_type: 'lac_review', status: 'planned', planned_date: '2021-06-14' }],
      ['PUT', '/api/v1/authorities/NORTH/children/E5/events/CR1', { event_type: 'lac_review', status: 'cancelled', planned_date: '2021-05-10' }],
      ['PUT', '/api/v1/authorities/NORTH/children/E5/events/H1', { event_type: 'lac_review', date: '2021-05-28', planned_date: '2021-05-21' }],
      ['GET', '/api/v1/authorities/NORTH/children/E5'],
      // Errors: no token, no such aim, a conflict, and every problem of a batch.
      ['GET', '/api/v1/authorities/NORTH/aims', undefined, null],
      ['GET', '/api/v1/authorities/NORTH/aims/aim-9/journeys'],
      ['GET', '/api/v1/authorities/NORTH/aims?as_at=2021-02-30'],
      ['PUT', '/api/v1/authorities/NORTH/children/E5/events/EA1', { event_type: 'lac_review', date: '2021-05-01' }],
      ['POST', '/api/v1/authorities/NORTH/records', { events: [{ child_id: 'NOBODY', event_id: 'EX', event_type: 'tea_party', date: '2021-02-15' }] }],
    ];
    const operations = operationsOf(doc);
    const seen: string[] = [];
    const problems: string[] = [];
    const bodies = new Map<string, unknown>();
    for (const [method, url, body, bearer = token] of calls) {
      const response = await web.app.inject({ method, url, ...(body === undefined ? {} : { payload: body as object }), headers: bearer ? { authorization: `Bearer ${bearer}` } : {} });
      const path = new URL(url, 'http://x').pathname;
      const operation = operations.find((o) => o.method === method && new RegExp(`^${o.path.replace(/\{\w+\}/g, '[^/]+')}$`).test(path));
      const schema = operation?.op.responses[String(response.statusCode)]?.content?.['application/json']?.schema;
      if (!schema) {
        problems.push(`${method} ${url}: ${response.statusCode} is not declared`);
        continue;
      }
      seen.push(`${method} ${operation.path} ${response.statusCode}`);
      bodies.set(`${method} ${url} ${response.statusCode}`, response.json());
      const validate = ajv.compile(closed(schema) as Schema);
      if (!validate(response.json())) problems.push(`${method} ${url} ${response.statusCode}: ${ajv.errorsText(validate.errors)}`);
    }
    expect(problems).toEqual([]);
    // The run chart checked is one with findings of the rules, not only "too few points".
    const chart = bodies.get('GET /api/v1/authorities/NORTH/aims/aim-2/run-chart 200') as { findings: { kind: string }[] };
    expect(chart.findings.map((f) => f.kind)).toEqual(expect.arrayContaining(['longest-run', 'crossings', 'runs']));
    // The events checked include a plan, a cancellation and a held event's planned date, and the warnings one.
    const e5 = bodies.get('GET /api/v1/authorities/NORTH/children/E5 200') as { events: { event_id: string; status: string; planned_date: string | null }[] };
    expect(e5.events.map((e) => [e.event_id, e.status, e.planned_date]).sort()).toEqual([
      ['CMS-1', 'held', null],
      ['CR1', 'cancelled', '2021-05-10'],
      ['H1', 'held', '2021-05-21'],
      ['PR1', 'planned', '2021-06-14'],
    ]);
    expect((bodies.get('PUT /api/v1/authorities/NORTH/children/E5/events/CR1 201') as { warnings: { code: string }[] }).warnings.map((w) => w.code)).toEqual(['cancelled-reason-missing']);
    expect((bodies.get('POST /api/v1/authorities/NORTH/records 200') as { warnings: { record: string }[] }).warnings.map((w) => w.record)).toEqual(['events[1]']);
    // Every operation was called, and both answers of a PUT, and the errors.
    expect(new Set(seen.map((s) => s.replace(/ \d+$/, '')))).toEqual(new Set(operations.map((o) => `${o.method} ${o.path}`)));
    for (const expected of ['PUT /api/v1/authorities/{code}/children/{childId} 201', 'PUT /api/v1/authorities/{code}/children/{childId} 200', 'GET /api/v1/authorities/{code}/aims 401', 'GET /api/v1/authorities/{code}/aims 400', 'PUT /api/v1/authorities/{code}/children/{childId}/events/{eventId} 409', 'POST /api/v1/authorities/{code}/records 422']) expect(seen).toContain(expected);
  });
});
