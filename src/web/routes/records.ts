/**
 * Adding and changing a child, a placement or an event. A form is parsed into a domain record (or
 * shown again with its errors), saved through the store (which keeps the previous version), and
 * the reader is sent back to the child's record.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { UserGrant } from '../../store/index.js';
import { findChildRecord, findRecordOwner, saveRecords } from '../../store/index.js';
import { grantFor } from '../auth/access.js';
import type { WebContext } from '../context.js';
import { HttpError } from '../errors.js';
import { childKind, eventKind, placementKind, type RecordKind } from '../forms/record-kinds.js';
import { label, readFields, type Fields } from '../forms/records.js';
import { chromeOf, sendPage, userOf } from '../render.js';
import type { FieldError } from '../views/components.js';
import { authorityPath } from '../views/layout.js';

type ChildParams = { Params: { code: string; childId: string } };
type ItemParams = { Params: { code: string; childId: string; id: string } };

export function registerRecordRoutes(app: FastifyInstance, ctx: WebContext): void {
  const childHref = (grant: UserGrant, childId: string, done?: string, id?: string) =>
    authorityPath(grant.scope.code, `/children/${encodeURIComponent(childId)}${done ? `?done=${done}${id ? `&id=${encodeURIComponent(id)}` : ''}` : ''}`);

  const showChildForm = (request: FastifyRequest, reply: FastifyReply, grant: UserGrant, form: { values: Fields; errors: readonly FieldError[]; editing: string | null }) =>
    sendPage(
      reply,
      childKind.View({
        chrome: chromeOf(request, reply, grant, 'children'),
        title: form.editing ? `Change the details of ${form.editing}` : 'Add a child',
        action: form.editing ? authorityPath(grant.scope.code, `/children/${encodeURIComponent(form.editing)}/edit`) : authorityPath(grant.scope.code, '/add-child'),
        cancelHref: form.editing ? childHref(grant, form.editing) : authorityPath(grant.scope.code, '/children'),
        values: form.values,
        errors: form.errors,
        editing: form.editing !== null,
      }),
      form.errors.length ? 400 : 200,
    );

  app.get<{ Params: { code: string } }>('/a/:code/add-child', async (request, reply) => {
    const grant = grantFor(userOf(request), request.params.code, 'record');
    return showChildForm(request, reply, grant, { values: {}, errors: [], editing: null });
  });

  app.post<{ Params: { code: string } }>('/a/:code/add-child', async (request, reply) => {
    const user = userOf(request);
    const grant = grantFor(user, request.params.code, 'record');
    const fields = formFields(request.body, childKind.fields);
    const parsed = childKind.parse(fields, ctx.today());
    let errors = parsed.ok ? [] : parsed.errors;
    if (parsed.ok) {
      const owner = await findRecordOwner(ctx.connection, grant.scope, 'child', parsed.value.childId);
      if (owner) errors = [{ field: 'child_id', message: `A child with the reference ${parsed.value.childId} already exists${owner.deleted ? ' (deleted)' : ''}` }];
    }
    if (!parsed.ok || errors.length) return showChildForm(request, reply, grant, { values: fields, errors, editing: null });
    await save(ctx, grant, request, 'child', { children: [parsed.value] });
    return reply.redirect(childHref(grant, parsed.value.childId, 'child-added'), 303);
  });

  app.get<ChildParams>('/a/:code/children/:childId/edit', async (request, reply) => {
    const grant = grantFor(userOf(request), request.params.code, 'record');
    const record = await recordOrNotFound(ctx, grant, request.params.childId);
    return showChildForm(request, reply, grant, { values: childKind.toFields(record.child), errors: [], editing: record.child.childId });
  });

  app.post<ChildParams>('/a/:code/children/:childId/edit', async (request, reply) => {
    const user = userOf(request);
    const grant = grantFor(user, request.params.code, 'record');
    const record = await recordOrNotFound(ctx, grant, request.params.childId);
    const fields = { ...formFields(request.body, childKind.fields), child_id: record.child.childId };
    const parsed = childKind.parse(fields, ctx.today(), record.child.childId);
    if (!parsed.ok) return showChildForm(request, reply, grant, { values: fields, errors: parsed.errors, editing: record.child.childId });
    const changed = await save(ctx, grant, request, 'child', { children: [parsed.value] });
    return reply.redirect(childHref(grant, record.child.childId, changed ? 'child-changed' : 'unchanged'), 303);
  });

  for (const kind of [placementKind, eventKind] as RecordKind<unknown>[]) registerItemRoutes(app, ctx, kind, childHref);
}

function registerItemRoutes<T>(app: FastifyInstance, ctx: WebContext, kind: RecordKind<T>, childHref: (grant: UserGrant, childId: string, done?: string, id?: string) => string): void {
  const base = `/a/:code/children/:childId/${kind.segment}`;
  const show = (request: FastifyRequest, reply: FastifyReply, grant: UserGrant, childId: string, form: { values: Fields; errors: readonly FieldError[]; editing: string | null }) =>
    sendPage(
      reply,
      kind.View({
        chrome: chromeOf(request, reply, grant, 'children'),
        title: `${form.editing ? kind.editTitle(form.editing) : kind.addTitle} for ${childId}`,
        action: authorityPath(grant.scope.code, `/children/${encodeURIComponent(childId)}/${kind.segment}/${form.editing ? `${encodeURIComponent(form.editing)}/edit` : 'new'}`),
        cancelHref: childHref(grant, childId),
        values: form.values,
        errors: form.errors,
        editing: form.editing !== null,
      }),
      form.errors.length ? 400 : 200,
    );

  app.get<ChildParams>(`${base}/new`, async (request, reply) => {
    const grant = grantFor(userOf(request), request.params.code, 'record');
    const record = await recordOrNotFound(ctx, grant, request.params.childId);
    return show(request, reply, grant, record.child.childId, { values: {}, errors: [], editing: null });
  });

  app.post<ChildParams>(`${base}/new`, async (request, reply) => {
    const user = userOf(request);
    const grant = grantFor(user, request.params.code, 'record');
    const record = await recordOrNotFound(ctx, grant, request.params.childId);
    const childId = record.child.childId;
    const fields = formFields(request.body, kind.fields);
    // Entered through pace's own form: recorded today (docs/measurement.md, "Recording dates").
    const parsed = kind.parse(fields, ctx.today(), childId, kind.newId(), ctx.today());
    let errors = parsed.ok ? [] : parsed.errors;
    if (parsed.ok) {
      const id = kind.idOf(parsed.value);
      const owner = await findRecordOwner(ctx.connection, grant.scope, kind.entity, id);
      const idField = `${kind.entity}_id`;
      if (owner) errors = [{ field: idField, message: `${label(idField)} ${id} is already used${owner.childId === childId ? '' : ` by child ${owner.childId}`}${owner.deleted ? ' (deleted)' : ''}` }];
    }
    if (!parsed.ok || errors.length) return show(request, reply, grant, childId, { values: fields, errors, editing: null });
    await save(ctx, grant, request, kind.entity, kind.batch(parsed.value));
    return reply.redirect(childHref(grant, childId, `${kind.entity}-added`, kind.idOf(parsed.value)), 303);
  });

  app.get<ItemParams>(`${base}/:id/edit`, async (request, reply) => {
    const grant = grantFor(userOf(request), request.params.code, 'record');
    const record = await recordOrNotFound(ctx, grant, request.params.childId);
    const item = kind.find(record, request.params.id);
    if (item === undefined) throw new HttpError(404, 'Page not found');
    return show(request, reply, grant, record.child.childId, { values: kind.toFields(item), errors: [], editing: kind.idOf(item) });
  });

  app.post<ItemParams>(`${base}/:id/edit`, async (request, reply) => {
    const user = userOf(request);
    const grant = grantFor(user, request.params.code, 'record');
    const record = await recordOrNotFound(ctx, grant, request.params.childId);
    const item = kind.find(record, request.params.id);
    if (item === undefined) throw new HttpError(404, 'Page not found');
    const id = kind.idOf(item);
    const fields = { ...formFields(request.body, kind.fields), [`${kind.entity}_id`]: id };
    // A correction keeps the day the record was first entered.
    const parsed = kind.parse(fields, ctx.today(), record.child.childId, id, kind.recordedDateOf(item));
    if (!parsed.ok) return show(request, reply, grant, record.child.childId, { values: fields, errors: parsed.errors, editing: id });
    const changed = await save(ctx, grant, request, kind.entity, kind.batch(parsed.value));
    return reply.redirect(childHref(grant, record.child.childId, changed ? `${kind.entity}-changed` : 'unchanged', id), 303);
  });
}

function formFields(body: unknown, names: readonly string[]): Fields {
  const read = readFields(body, names);
  // A browser's form sends only text; anything else is not from our form.
  if (!read.ok) throw new HttpError(400, read.errors.map((e) => e.message).join('; '));
  return read.value;
}

async function recordOrNotFound(ctx: WebContext, grant: UserGrant, childId: string) {
  const record = await findChildRecord(ctx.connection, grant.scope, childId);
  if (!record) throw new HttpError(404, 'Page not found');
  return record;
}

/** Saves one record, the store auditing the change (who, what, which child, from where); true when anything changed. */
async function save(ctx: WebContext, grant: UserGrant, request: FastifyRequest, entity: 'child' | 'placement' | 'event', batch: Parameters<typeof saveRecords>[2]): Promise<boolean> {
  const summary = await saveRecords(ctx.connection, grant.scope, batch, { by: userOf(request).username }, { audit: { clientIp: request.ip } });
  const counts = entity === 'child' ? summary.children : entity === 'placement' ? summary.placements : summary.events;
  return counts.added + counts.changed > 0;
}
