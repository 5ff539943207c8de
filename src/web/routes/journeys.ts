/** The journeys behind each count of an aim: a page at a time, and as CSV. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { csvText } from '../../charts/csv.js';
import { grantFor } from '../auth/access.js';
import type { WebContext } from '../context.js';
import { attachment } from '../downloads.js';
import { HttpError } from '../errors.js';
import { parseAsAt } from '../forms/as-at.js';
import { journeyListCsvRows, journeyListQuery, presentJourneyList } from '../presenters/journey-list.js';
import { chromeOf, sendPage, userOf } from '../render.js';
import { auditListView } from '../list-audit.js';
import { JourneyListPage } from '../views/journey-list.js';

type Params = { Params: { code: string; aimId: string }; Querystring: Record<string, string> };

export function registerJourneyRoutes(app: FastifyInstance, ctx: WebContext): void {
  const load = async (request: FastifyRequest<Params>) => {
    const grant = grantFor(userOf(request), request.params.code);
    const query = journeyListQuery.safeParse(request.query);
    if (!query.success) throw new HttpError(400, `The list cannot be chosen that way: ${query.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}.`);
    const asAt = parseAsAt(query.data.as_at, ctx.today());
    if (!asAt.ok) throw new HttpError(400, asAt.error.message);
    const figures = await ctx.cache.figures(grant, asAt.value);
    const result = figures.aims.find((a) => a.aim.id === request.params.aimId);
    if (!result) throw new HttpError(404, 'Page not found');
    return { grant, query: query.data, asAt: asAt.value, result };
  };

  app.get<Params>('/a/:code/aims/:aimId/journeys', async (request, reply) => {
    const { grant, query, asAt, result } = await load(request);
    await auditListView(ctx.connection, grant.scope, request, userOf(request).username, 'journey-list');
    return sendPage(reply, JourneyListPage({ chrome: chromeOf(request, reply, grant, 'dashboard'), model: presentJourneyList(grant.scope.code, asAt, result, query) }));
  });

  app.get<Params>('/a/:code/aims/:aimId/journeys.csv', async (request, reply) => {
    const { grant, query, asAt, result } = await load(request);
    await auditListView(ctx.connection, grant.scope, request, userOf(request).username, 'journey-list');
    const { header, rows } = journeyListCsvRows(result, query.status);
    attachment(reply, `${grant.scope.code}-${result.aim.id}-${query.status}-${asAt.toString()}.csv`);
    return reply.type('text/csv; charset=utf-8').send(csvText(header, rows));
  });
}
