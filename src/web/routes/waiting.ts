/** Children waiting, as at a date, filtered and sorted. */
import type { FastifyInstance } from 'fastify';
import { grantFor } from '../auth/access.js';
import type { WebContext } from '../context.js';
import { HttpError } from '../errors.js';
import { auditListView } from '../list-audit.js';
import { parseAsAt } from '../forms/as-at.js';
import { presentWaitingList, waitingQuery } from '../presenters/waiting.js';
import { chromeOf, sendPage, userOf } from '../render.js';
import { WaitingPage } from '../views/waiting.js';

export function registerWaitingRoutes(app: FastifyInstance, ctx: WebContext): void {
  app.get<{ Params: { code: string }; Querystring: Record<string, string> }>('/a/:code/waiting', async (request, reply) => {
    const user = userOf(request);
    const grant = grantFor(user, request.params.code);
    const query = waitingQuery.safeParse(request.query);
    if (!query.success) throw new HttpError(400, `The list cannot be filtered that way: ${query.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}.`);
    const asAt = parseAsAt(query.data.as_at, ctx.today());
    const figures = await ctx.cache.figures(grant, asAt.ok ? asAt.value : ctx.today());
    const model = presentWaitingList(figures, { ...query.data, as_at: asAt.ok && query.data.as_at ? asAt.text : undefined }, (key, make) => ctx.cache.made(figures, key, make));
    await auditListView(ctx.connection, grant.scope, request, user.username, 'waiting-list');
    return sendPage(reply, WaitingPage({ chrome: chromeOf(request, reply, grant, 'waiting'), code: grant.scope.code, model, asAtValue: asAt.text, errors: asAt.ok ? [] : [asAt.error] }), asAt.ok ? 200 : 400);
  });
}
