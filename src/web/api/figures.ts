/** The API's figures: each aim measured as at a date, its run chart with the rules' analysis, and who is waiting. */
import type { FastifyInstance } from 'fastify';
import { grantFor } from '../auth/access.js';
import type { WebContext } from '../context.js';
import { HttpError } from '../errors.js';
import { auditListView } from '../list-audit.js';
import { parseAsAt } from '../forms/as-at.js';
import { cohortJourneyJson } from '../../domain/figures-json.js';
import { journeyListFilters, journeysFor, type JourneyListFilter } from '../presenters/journey-list.js';
import { apiUserOf } from './auth.js';
import { aimFiguresJson } from '../../app/aim-json.js';
import { runChartJson } from '../../domain/figures-json.js';
import { waitingJson } from './present.js';
import { errors, ok } from './responses.js';
import { asAtQuery, params } from './schemas.js';

const security = [{ bearer: [] }];

export function registerFigureRoutes(api: FastifyInstance, ctx: WebContext): void {
  const figuresFor = async (code: string, asAtText: string | undefined, user: ReturnType<typeof apiUserOf>) => {
    const grant = grantFor(user, code);
    const asAt = parseAsAt(asAtText, ctx.today());
    if (!asAt.ok) throw new HttpError(400, asAt.error.message, 'invalid-as-at');
    return { grant, figures: await ctx.cache.figures(grant, asAt.value) };
  };

  api.get('/authorities', { schema: { tags: ['figures'], summary: 'The authorities this token may see, with its role in each', security, response: { 200: ok.authorities, ...errors(401) } } }, async (request) => ({
    authorities: apiUserOf(request).grants.map((g) => ({ code: g.scope.code, name: g.authority.name, programme_start: g.authority.programmeStart?.toString() ?? null, role: g.role })),
  }));

  api.get<{ Params: { code: string }; Querystring: { as_at?: string } }>(
    '/authorities/:code/aims',
    { schema: { tags: ['figures'], summary: 'Every aim measured as at a date: counts, n, percentage, median and what the run-chart rules say', params: params('code'), querystring: asAtQuery, security, response: { 200: ok.aims, ...errors(400, 401, 404) } } },
    async (request) => {
      const { figures } = await figuresFor(request.params.code, request.query.as_at, apiUserOf(request));
      return { as_at: figures.asAt.toString(), aims: figures.aims.map((r) => aimFiguresJson(r.aim, r.figures)) };
    },
  );

  api.get<{ Params: { code: string; aimId: string }; Querystring: { as_at?: string } }>(
    '/authorities/:code/aims/:aimId/run-chart',
    { schema: { tags: ['figures'], summary: "An aim's run chart: its points (one a completed journey, by end date) and the Anhøj and IHI analysis", params: params('code', 'aimId'), querystring: asAtQuery, security, response: { 200: ok.runChart, ...errors(400, 401, [404, 'No such authority for this token, or no such aim']) } } },
    async (request) => {
      const user = apiUserOf(request);
      const { grant, figures } = await figuresFor(request.params.code, request.query.as_at, user);
      const result = figures.aims.find((a) => a.aim.id === request.params.aimId);
      if (!result) throw new HttpError(404, `No aim ${request.params.aimId} in ${request.params.code}.`);
      // Each point names the child whose journey it is.
      await auditListView(ctx.connection, grant.scope, request, user.username, 'run-chart');
      return runChartJson(result.aim, result.chart, figures.asAt);
    },
  );

  api.get<{ Params: { code: string; aimId: string }; Querystring: { as_at?: string; status?: string } }>(
    '/authorities/:code/aims/:aimId/journeys',
    {
      schema: {
        tags: ['figures'],
        summary: "The journeys behind one of an aim's counts: a status (in_time, late, overdue, waiting, left_late, left_early), counted (the denominator n), still-waiting, or all (the cohort)",
        params: params('code', 'aimId'),
        querystring: { type: 'object', properties: { ...(asAtQuery.properties as object), status: { type: 'string', enum: [...journeyListFilters], default: 'all', description: 'Which journeys: a status, counted, still-waiting or all' } } },
        security,
        response: { 200: ok.journeys, ...errors(400, 401, [404, 'No such authority for this token, or no such aim']) },
      },
    },
    async (request) => {
      const user = apiUserOf(request);
      const status = (request.query.status ?? 'all') as JourneyListFilter;
      if (!journeyListFilters.includes(status)) throw new HttpError(400, `status must be one of ${journeyListFilters.join(', ')} (you sent ${JSON.stringify(request.query.status)}).`);
      const { grant, figures } = await figuresFor(request.params.code, request.query.as_at, user);
      const result = figures.aims.find((a) => a.aim.id === request.params.aimId);
      if (!result) throw new HttpError(404, `No aim ${request.params.aimId} in ${request.params.code}.`);
      await auditListView(ctx.connection, grant.scope, request, user.username, 'journey-list');
      return { as_at: figures.asAt.toString(), aim_id: result.aim.id, status, journeys: journeysFor(result, status).map(cohortJourneyJson) };
    },
  );

  api.get<{ Params: { code: string }; Querystring: { as_at?: string } }>(
    '/authorities/:code/waiting',
    { schema: { tags: ['figures'], summary: 'Every journey still waiting for its milestone, longest first within each aim', params: params('code'), querystring: asAtQuery, security, response: { 200: ok.waiting, ...errors(400, 401, 404) } } },
    async (request) => {
      const user = apiUserOf(request);
      const { grant, figures } = await figuresFor(request.params.code, request.query.as_at, user);
      await auditListView(ctx.connection, grant.scope, request, user.username, 'waiting-list');
      return { as_at: figures.asAt.toString(), journeys: figures.waiting.map(waitingJson) };
    },
  );
}
