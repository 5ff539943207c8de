/**
 * The API's records: read a child, and push children, placements and events, one at a time (PUT,
 * idempotent: the same body twice changes nothing) or many at once (all or nothing). Bodies use
 * the canonical format's column names and are checked by the same parsers as the forms.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { findAnyEvent } from '../../domain/planned.js';
import type { Child, Placement } from '../../domain/records.js';
import { appendAudit, findChildRecord, findRecordOwner, listAims, saveRecords, type SaveCounts, type UserGrant } from '../../store/index.js';
import { grantFor } from '../auth/access.js';
import type { WebContext } from '../context.js';
import { HttpError } from '../errors.js';
import { parseAsAt } from '../forms/as-at.js';
import { anyEventFields, childFields, parseChild, parsePlacement, placementFields, readFields, type Fields, type ParseResult } from '../forms/records.js';
import { apiUserOf } from './auth.js';
import { InvalidRecords, parseBatch } from './batch.js';
import { parseEventBody } from './event-body.js';
import { childJson, childRecordJson, eventJson, placementJson } from './present.js';
import { errors, ok } from './responses.js';
import { asAtQuery, batchBody, childBody, eventBody, params, placementBody } from './schemas.js';

const security = [{ bearer: [] }];
type Change = 'added' | 'changed' | 'unchanged';

function changeOf(counts: SaveCounts): Change {
  return counts.added ? 'added' : counts.changed ? 'changed' : 'unchanged';
}

function fieldsOrThrow(body: unknown, names: readonly string[]): Fields {
  const read = readFields(body, names);
  if (!read.ok) throw new InvalidRecords(read.errors.map((e) => ({ record: 'body', ...e })));
  return read.value;
}

function parsedOrThrow<T>(parsed: ParseResult<T>): Extract<ParseResult<T>, { ok: true }> {
  if (!parsed.ok) throw new InvalidRecords(parsed.errors.map((e) => ({ record: 'body', ...e })));
  return parsed;
}

function valueOrThrow<T>(parsed: ParseResult<T>): T {
  return parsedOrThrow(parsed).value;
}

export function registerRecordApi(api: FastifyInstance, ctx: WebContext): void {
  /** Saves, the store auditing each change with where the request came from. */
  const write = async (grant: UserGrant, request: FastifyRequest, entity: 'child' | 'placement' | 'event', batch: Parameters<typeof saveRecords>[2]): Promise<Change> => {
    const summary = await saveRecords(ctx.connection, grant.scope, batch, { by: apiUserOf(request).username }, { audit: { clientIp: request.ip } });
    return changeOf(entity === 'child' ? summary.children : entity === 'placement' ? summary.placements : summary.events);
  };
  const childOrThrow = async (grant: UserGrant, childId: string) => {
    const record = await findChildRecord(ctx.connection, grant.scope, childId);
    if (!record) throw new HttpError(404, `No child ${childId} in ${grant.scope.code}. PUT the child first.`);
    return record;
  };
  /** An id may be replaced only for the child it belongs to. */
  const ownedOrNew = async (grant: UserGrant, entity: 'placement' | 'event', id: string, childId: string) => {
    const owner = await findRecordOwner(ctx.connection, grant.scope, entity, id);
    if (owner && owner.childId !== childId) throw new HttpError(409, `${entity} ${id} belongs to another child (${owner.childId}).`, 'id-in-use');
  };

  api.get<{ Params: { code: string; childId: string }; Querystring: { as_at?: string } }>(
    '/authorities/:code/children/:childId',
    { schema: { tags: ['records'], summary: "A child's record: details, placements, events (held, then planned or cancelled) and journeys with their statuses (the view is audited)", params: params('code', 'childId'), querystring: asAtQuery, security, response: { 200: ok.child, ...errors(400, 401, [404, 'No such authority for this token, or no such child']) } } },
    async (request) => {
      const user = apiUserOf(request);
      const grant = grantFor(user, request.params.code);
      const asAt = parseAsAt(request.query.as_at, ctx.today());
      if (!asAt.ok) throw new HttpError(400, asAt.error.message, 'invalid-as-at');
      const record = await childOrThrow(grant, request.params.childId);
      await appendAudit(ctx.connection, grant.scope, { username: user.username, action: 'view', entity: 'child', recordId: record.child.childId, clientIp: request.ip });
      return childRecordJson(record, await listAims(ctx.connection, grant.scope), asAt.value);
    },
  );

  api.put<{ Params: { code: string; childId: string } }>(
    '/authorities/:code/children/:childId',
    { schema: { tags: ['records'], summary: 'Adds or replaces a child (the previous version is kept)', params: params('code', 'childId'), body: childBody, security, response: { 200: { ...ok.childSaved, description: 'The child was already held: changed or unchanged' }, 201: { ...ok.childSaved, description: 'The child was added' }, ...errors(400, 401, 403, 404, 413, 415, [422, 'The body is not a valid child, or its child_id does not match the address; nothing was saved']) } } },
    async (request, reply) => {
      const user = apiUserOf(request);
      const grant = grantFor(user, request.params.code, 'record');
      const fields = fieldsOrThrow(request.body, childFields);
      if (fields.child_id && fields.child_id !== request.params.childId) throw new InvalidRecords([{ record: 'body', field: 'child_id', message: `child_id ${fields.child_id} does not match the address (${request.params.childId})` }]);
      const child: Child = valueOrThrow(parseChild({ ...fields, child_id: request.params.childId }, ctx.today()));
      const change = await write(grant, request, 'child', { children: [child] });
      return reply.code(change === 'added' ? 201 : 200).send({ change, child: childJson(child) });
    },
  );

  api.put<{ Params: { code: string; childId: string; placementId: string } }>(
    '/authorities/:code/children/:childId/placements/:placementId',
    { schema: { tags: ['records'], summary: "Adds or replaces one of a child's placements", params: params('code', 'childId', 'placementId'), body: placementBody, security, response: { 200: { ...ok.placementSaved, description: 'The placement was already held: changed or unchanged' }, 201: { ...ok.placementSaved, description: 'The placement was added' }, ...errors(400, 401, 403, [404, 'No such authority for this token, or no such child (PUT the child first)'], [409, 'That placement_id belongs to another child'], 413, 415, 422) } } },
    async (request, reply) => {
      const user = apiUserOf(request);
      const grant = grantFor(user, request.params.code, 'record');
      const record = await childOrThrow(grant, request.params.childId);
      const placement: Placement = valueOrThrow(parsePlacement({ ...fieldsOrThrow(request.body, placementFields), placement_id: request.params.placementId }, ctx.today(), record.child.childId, request.params.placementId, record.placements.find((p) => p.placementId === request.params.placementId)?.recordedDate ?? null));
      await ownedOrNew(grant, 'placement', placement.placementId, record.child.childId);
      const change = await write(grant, request, 'placement', { placements: [placement] });
      return reply.code(change === 'added' ? 201 : 200).send({ change, placement: placementJson(placement) });
    },
  );

  api.put<{ Params: { code: string; childId: string; eventId: string } }>(
    '/authorities/:code/children/:childId/events/:eventId',
    { schema: { tags: ['records'], summary: 'Pushes a milestone, or an event planned or cancelled: adds or replaces one of a child’s events (a planned_date left out keeps the one held)', params: params('code', 'childId', 'eventId'), body: eventBody, security, response: { 200: { ...ok.eventSaved, description: 'The event was already held: changed or unchanged' }, 201: { ...ok.eventSaved, description: 'The event was added' }, ...errors(400, 401, 403, [404, 'No such authority for this token, or no such child (PUT the child first)'], [409, 'That event_id belongs to another child'], 413, 415, 422) } } },
    async (request, reply) => {
      const user = apiUserOf(request);
      const grant = grantFor(user, request.params.code, 'record');
      const record = await childOrThrow(grant, request.params.childId);
      const fields = { ...fieldsOrThrow(request.body, anyEventFields), event_id: request.params.eventId };
      const { value: event, warnings = [] } = parsedOrThrow(parseEventBody(request.body, fields, ctx.today(), record.child.childId, request.params.eventId, findAnyEvent(record, request.params.eventId)));
      await ownedOrNew(grant, 'event', event.eventId, record.child.childId);
      const change = await write(grant, request, 'event', { events: [event] });
      return reply.code(change === 'added' ? 201 : 200).send({ change, event: eventJson(event), warnings });
    },
  );

  api.post<{ Params: { code: string } }>(
    '/authorities/:code/records',
    { schema: { tags: ['records'], summary: 'Adds or replaces many children, placements and events at once: all are saved, or none (every problem is listed)', params: params('code'), body: batchBody, security, response: { 200: ok.saved, ...errors(400, 401, 403, 404, 413, 415, [422, 'Something sent is not valid (a field, an unknown child, an id of another child, more than 10,000 records); nothing was saved, and every problem is listed']) } } },
    async (request) => {
      const user = apiUserOf(request);
      const grant = grantFor(user, request.params.code, 'record');
      const { batch, warnings } = await parseBatch(ctx, grant, request.body);
      const summary = await saveRecords(ctx.connection, grant.scope, batch, { by: user.username }, { audit: { clientIp: request.ip } });
      return { saved: summary, warnings };
    },
  );
}
