/** The authority's aims: read by everyone, changed and added by data leads. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { aimSentence } from '../../domain/aim-sentence.js';
import { describeTimescale } from '../../domain/timescale.js';
import { appendAudit, findAim, listAims, saveAim, type UserGrant } from '../../store/index.js';
import { grantFor, may } from '../auth/access.js';
import type { WebContext } from '../context.js';
import { HttpError } from '../errors.js';
import { aimToForm, parseAimForm, type AimFormValues } from '../forms/aim-form.js';
import { chromeOf, sendPage, userOf } from '../render.js';
import type { FieldError } from '../views/components.js';
import { AimForm, AimsPage } from '../views/aims.js';
import { authorityPath } from '../views/layout.js';

const noticeQuery = z.object({ saved: z.string().max(40).optional() });

export function registerAimRoutes(app: FastifyInstance, ctx: WebContext): void {
  const aimsHref = (grant: UserGrant) => authorityPath(grant.scope.code, '/aims');
  const showForm = (request: FastifyRequest, reply: FastifyReply, grant: UserGrant, form: { values: AimFormValues; errors: readonly FieldError[]; editing: string | null }) =>
    sendPage(
      reply,
      AimForm({
        chrome: chromeOf(request, reply, grant, 'aims'),
        title: form.editing ? `Change ${form.editing}` : 'Add an aim',
        action: form.editing ? authorityPath(grant.scope.code, `/aims/${encodeURIComponent(form.editing)}/edit`) : authorityPath(grant.scope.code, '/add-aim'),
        cancelHref: aimsHref(grant),
        values: form.values,
        errors: form.errors,
        adding: form.editing === null,
      }),
      form.errors.length ? 400 : 200,
    );

  app.get<{ Params: { code: string }; Querystring: Record<string, string> }>('/a/:code/aims', async (request, reply) => {
    const grant = grantFor(userOf(request), request.params.code);
    const { saved } = noticeQuery.parse(request.query);
    const aims = await listAims(ctx.connection, grant.scope);
    const canSet = may(grant, 'set-aims');
    const model = {
      aims: aims.map((aim) => ({
        id: aim.id,
        name: aim.name,
        sentence: aimSentence(aim),
        timescale: describeTimescale(aim.timescale),
        chartsHref: authorityPath(grant.scope.code, `/aims/${encodeURIComponent(aim.id)}`),
        editHref: canSet ? authorityPath(grant.scope.code, `/aims/${encodeURIComponent(aim.id)}/edit`) : null,
      })),
      addHref: canSet ? authorityPath(grant.scope.code, '/add-aim') : null,
    };
    const notice = saved && aims.some((a) => a.id === saved) ? `Aim ${saved} saved. The dashboard now measures it as written here.` : null;
    return sendPage(reply, AimsPage({ chrome: chromeOf(request, reply, grant, 'aims'), model, notice }));
  });

  app.get<{ Params: { code: string } }>('/a/:code/add-aim', async (request, reply) => {
    const grant = grantFor(userOf(request), request.params.code, 'set-aims');
    return showForm(request, reply, grant, { values: { timescale_unit: 'weeks' }, errors: [], editing: null });
  });

  app.post<{ Params: { code: string } }>('/a/:code/add-aim', async (request, reply) => {
    const user = userOf(request);
    const grant = grantFor(user, request.params.code, 'set-aims');
    const { values, result } = parseAimForm(request.body, null);
    let errors = result.ok ? [] : result.errors;
    if (result.ok && (await findAim(ctx.connection, grant.scope, result.value.id))) errors = [{ field: 'id', message: `There is already an aim called ${result.value.id}` }];
    if (!result.ok || errors.length) return showForm(request, reply, grant, { values, errors, editing: null });
    await saveAim(ctx.connection, grant.scope, result.value, { by: user.username });
    await appendAudit(ctx.connection, grant.scope, { username: user.username, action: 'add', entity: 'aim', recordId: result.value.id, clientIp: request.ip });
    return reply.redirect(`${aimsHref(grant)}?saved=${encodeURIComponent(result.value.id)}`, 303);
  });

  app.get<{ Params: { code: string; aimId: string } }>('/a/:code/aims/:aimId/edit', async (request, reply) => {
    const grant = grantFor(userOf(request), request.params.code, 'set-aims');
    const aim = await findAim(ctx.connection, grant.scope, request.params.aimId);
    if (!aim) throw new HttpError(404, 'Page not found');
    return showForm(request, reply, grant, { values: aimToForm(aim), errors: [], editing: aim.id });
  });

  app.post<{ Params: { code: string; aimId: string } }>('/a/:code/aims/:aimId/edit', async (request, reply) => {
    const user = userOf(request);
    const grant = grantFor(user, request.params.code, 'set-aims');
    const aim = await findAim(ctx.connection, grant.scope, request.params.aimId);
    if (!aim) throw new HttpError(404, 'Page not found');
    const { values, result } = parseAimForm(request.body, aim);
    if (!result.ok) return showForm(request, reply, grant, { values, errors: result.errors, editing: aim.id });
    await saveAim(ctx.connection, grant.scope, result.value, { by: user.username });
    await appendAudit(ctx.connection, grant.scope, { username: user.username, action: 'edit', entity: 'aim', recordId: aim.id, clientIp: request.ip });
    return reply.redirect(`${aimsHref(grant)}?saved=${encodeURIComponent(aim.id)}`, 303);
  });
}
