/** Children waiting, as at a date, filtered and sorted. */
import type { FastifyInstance } from 'fastify';
import { grantFor } from '../auth/access.js';
import type { WebContext } from '../context.js';
import { figuresOrWorkingOut } from '../figures-page.js';
import { auditListView } from '../list-audit.js';
import { asAtMessage, parseAsAt } from '../forms/as-at.js';
import { readQuery, type QueryWords } from '../forms/query.js';
import { presentWaitingList, waitingFilter, waitingQuery } from '../presenters/waiting.js';
import { filterChoicesOf } from '../../app/figures-cache.js';
import { chromeOf, sendPage, userOf } from '../render.js';
import { WaitingPage } from '../views/waiting.js';

/** What the waiting list says of a value in its query it cannot use. */
const waitingQueryWords: QueryWords = {
  as_at: asAtMessage,
  aim: (entered) => `Choose an aim from the list (you entered ${entered})`,
  status: (entered) => `Choose a status from the list: overdue, due soon or waiting (you entered ${entered})`,
  placement: (entered) => `Choose a current placement from the list (you entered ${entered})`,
  sort: (entered) => `Sort by weeks, due, child, aim or placement (you entered ${entered})`,
  dir: (entered) => `Sort in the order asc or desc (you entered ${entered})`,
  page: (entered) => `Choose a page by its number, from 1 (you entered ${entered})`,
  team: (entered) => `Choose a team from the list (you entered ${entered})`,
  locality: (entered) => `Choose a locality from the list (you entered ${entered})`,
  worker: (entered) => `Choose a worker from the list (you entered ${entered})`,
};

export function registerWaitingRoutes(app: FastifyInstance, ctx: WebContext): void {
  app.get<{ Params: { code: string }; Querystring: Record<string, string> }>('/a/:code/waiting', async (request, reply) => {
    const user = userOf(request);
    const grant = grantFor(user, request.params.code);
    const query = readQuery(waitingQuery, request.query, waitingQueryWords);
    const asAt = parseAsAt(query.value.as_at, ctx.today());
    const errors = [...(asAt.ok ? [] : [asAt.error]), ...query.errors];
    const figures = await figuresOrWorkingOut(ctx, request, reply, grant, asAt.ok ? asAt.value : ctx.today(), waitingFilter(query.value), 'waiting');
    if (!figures) return reply;
    const choices = await filterChoicesOf(ctx.cache, grant, figures);
    const model = presentWaitingList(figures, { ...query.value, as_at: asAt.ok && query.value.as_at ? asAt.text : undefined }, (key, make) => ctx.cache.made(figures, key, make));
    await auditListView(ctx.connection, grant.scope, request, user.username, 'waiting-list');
    return sendPage(reply, WaitingPage({ chrome: chromeOf(request, reply, grant, 'waiting'), code: grant.scope.code, model, choices, asAtValue: asAt.text, errors }), errors.length ? 400 : 200);
  });
}
