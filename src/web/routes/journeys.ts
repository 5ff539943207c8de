/** The journeys behind each count of an aim: a page at a time, and as CSV. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { setImmediate } from 'node:timers/promises';
import { grantFor } from '../auth/access.js';
import type { WebContext } from '../context.js';
import { attachment } from '../downloads.js';
import { HttpError } from '../errors.js';
import { asAtMessage } from '../forms/as-at.js';
import { parseFigureScope } from '../forms/figure-scope.js';
import { readQuery, type QueryWords } from '../forms/query.js';
import { journeyListCsvRows, journeyListQuery, presentJourneyList } from '../presenters/journey-list.js';
import { chromeOf, sendPage, userOf } from '../render.js';
import { auditListView } from '../list-audit.js';
import type { FieldError } from '../views/components.js';
import { JourneyListPage } from '../views/journey-list.js';
import { authorityPath } from '../views/layout.js';

type Params = { Params: { code: string; aimId: string }; Querystring: Record<string, string> };

/** What a journey list says of a value in its query it cannot use. */
const journeyQueryWords: QueryWords = {
  as_at: asAtMessage,
  status: (entered) => `Choose which journeys from the counts listed (you entered ${entered})`,
  page: (entered) => `Choose a page by its number, from 1 (you entered ${entered})`,
  months: (entered) => `Choose the months as a whole number from 1 to 120 (you entered ${entered})`,
  month: (entered) => `Choose a month as a year and month, such as 2021-03, or a quarter as a year and its number, such as 2021-Q1 (you entered ${entered})`,
};

export function registerJourneyRoutes(app: FastifyInstance, ctx: WebContext): void {
  /** The aim's figures as at the date asked, or as at today when the date cannot be used (named in `errors`). */
  const load = async (request: FastifyRequest<Params>) => {
    const grant = grantFor(userOf(request), request.params.code);
    const query = readQuery(journeyListQuery, request.query, journeyQueryWords);
    const { scope, errors: scopeErrors } = parseFigureScope(request.query, ctx.today());
    const errors = [...scopeErrors, ...query.errors];
    const figures = await ctx.cache.figures(grant, scope.asAt, scope.filter);
    const result = figures.aims.find((a) => a.aim.id === request.params.aimId);
    if (!result) throw new HttpError(404, 'Page not found');
    return { grant, query: query.value, scope, figures, result, errors };
  };

  app.get<Params>('/a/:code/aims/:aimId/journeys', async (request, reply) => {
    const { grant, query, scope, result, errors } = await load(request);
    await auditListView(ctx.connection, grant.scope, request, userOf(request).username, 'journey-list');
    const action = authorityPath(grant.scope.code, `/aims/${encodeURIComponent(result.aim.id)}/journeys`);
    return sendPage(reply, JourneyListPage({ chrome: chromeOf(request, reply, grant, 'dashboard'), model: presentJourneyList(grant.scope.code, scope, result, query), action, scope, errors }), errors.length ? 400 : 200);
  });

  app.get<Params>('/a/:code/aims/:aimId/journeys.csv', async (request, reply) => {
    const { grant, query, scope, figures, result, errors } = await load(request);
    // A file cannot show an error summary: the plain error page names the first problem.
    if (errors.length > 0) throw new HttpError(400, (errors[0] as FieldError).message);
    await auditListView(ctx.connection, grant.scope, request, userOf(request).username, 'journey-list');
    // Made once per figures-cache entry: the rows a part at a time, the text in a render thread.
    const name = `journeys.csv|${result.aim.id}|${query.status}|${query.months ?? ''}|${query.month ?? ''}`;
    const csv = await ctx.cache.made(figures, name, () =>
      ctx.heavy.forUser(userOf(request).username, async () => {
        const { header, rows } = await journeyListCsvRows(result, query.status, query.months, query.month, () => setImmediate());
        return ctx.heavy.pool.csv(header, rows);
      }),
    );
    attachment(reply, `${grant.scope.code}-${result.aim.id}-${query.status}${query.month !== undefined ? `-${query.month}` : query.months === undefined ? '' : `-last-${query.months}-months`}-${scope.asAt.toString()}.csv`);
    return reply.type('text/csv; charset=utf-8').send(csv);
  });
}
