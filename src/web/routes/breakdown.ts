/** An aim's figures by group (docs/decisions/0026-breakdowns.md): the page, and its dot chart as SVG and PNG and its table as CSV. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { aimBreakdown } from '../../app/aim-breakdown.js';
import { filterChoicesOf } from '../../app/figures-cache.js';
import { groupLabel } from '../../app/breakdown-words.js';
import { tableToCsv } from '../../charts/aim-charts.js';
import { breakdownChartSvg, breakdownTable } from '../../charts/breakdown-chart.js';
import { breakdownDimensions, type BreakdownDimension } from '../../domain/breakdown.js';
import { filterKey } from '../../domain/child-filter.js';
import { publishBreakdown } from '../../domain/published-breakdown.js';
import type { UserGrant } from '../../store/index.js';
import { grantFor, seesSmallCounts } from '../auth/access.js';
import type { WebContext } from '../context.js';
import { attachment } from '../downloads.js';
import { HttpError } from '../errors.js';
import { figuresOrWorkingOut } from '../figures-page.js';
import { parseFigureScope } from '../forms/figure-scope.js';
import { readQuery, type QueryWords } from '../forms/query.js';
import { breakdownChartInput, presentBreakdownPage } from '../presenters/breakdown.js';
import { chromeOf, sendPage, userOf } from '../render.js';
import { BreakdownPage } from '../views/breakdown.js';
import type { FieldError } from '../views/components.js';
import { authorityPath } from '../views/layout.js';

type PageParams = { Params: { code: string; aimId: string }; Querystring: Record<string, string> };
type FileParams = { Params: { code: string; aimId: string; file: string }; Querystring: Record<string, string> };

const breakdownQuery = z.object({
  by: z.enum(breakdownDimensions).default('age'),
  /** "yes": small counts hidden, as the table would be shared beyond the authority (a reader who sees them may choose it). */
  suppress: z.enum(['yes']).optional(),
});

const breakdownWords: QueryWords = {
  by: (entered) => `Choose how to split the figures: age, sex, placement, route, team or locality (you entered ${entered})`,
  suppress: (entered) => `Choose whether to hide small counts with suppress=yes, or leave it out (you entered ${entered})`,
};

const fileNames = new RegExp(`^(${breakdownDimensions.join('|')})\\.(svg|png|csv)$`);

/** Whether small counts are hidden from this reader: always for a role that may not see them, otherwise when asked. */
function hidesSmallCounts(grant: UserGrant, asked: 'yes' | undefined): boolean {
  return !seesSmallCounts(grant) || asked === 'yes';
}

export function registerBreakdownRoutes(app: FastifyInstance, ctx: WebContext): void {
  app.get<PageParams>('/a/:code/aims/:aimId/breakdown', async (request, reply) => {
    const grant = grantFor(userOf(request), request.params.code);
    const { scope, errors: scopeErrors } = parseFigureScope(request.query, ctx.today());
    const query = readQuery(breakdownQuery, request.query, breakdownWords);
    const errors = [...scopeErrors, ...query.errors];
    const figures = await figuresOrWorkingOut(ctx, request, reply, grant, scope.asAt, scope.filter, 'dashboard');
    if (!figures) return reply;
    const result = figures.aims.find((a) => a.aim.id === request.params.aimId);
    if (!result) throw new HttpError(404, 'Page not found');
    const [made, choices] = await Promise.all([aimBreakdown(ctx.cache, grant, figures, result, query.value.by), filterChoicesOf(ctx.cache, grant, figures)]);
    const published = publishBreakdown(made, { suppress: hidesSmallCounts(grant, query.value.suppress) });
    const model = presentBreakdownPage(figures, scope, result, published, seesSmallCounts(grant), (name, make) => ctx.cache.made(figures, name, make));
    const action = authorityPath(grant.scope.code, `/aims/${encodeURIComponent(result.aim.id)}/breakdown`);
    return sendPage(reply, BreakdownPage({ chrome: chromeOf(request, reply, grant, 'dashboard'), model, scope, choices, action, errors }), errors.length > 0 ? 400 : 200);
  });

  app.get<FileParams>('/a/:code/aims/:aimId/breakdown/:file', async (request: FastifyRequest<FileParams>, reply) => {
    const match = fileNames.exec(request.params.file);
    if (!match) throw new HttpError(404, 'Page not found');
    const [, by, format] = match as unknown as [string, BreakdownDimension, 'svg' | 'png' | 'csv'];
    const grant = grantFor(userOf(request), request.params.code);
    const { scope, errors: scopeErrors } = parseFigureScope(request.query, ctx.today());
    const query = readQuery(breakdownQuery.omit({ by: true }), request.query, breakdownWords);
    const errors = [...scopeErrors, ...query.errors];
    // A file cannot show an error summary: the plain error page names the first problem.
    if (errors.length > 0) throw new HttpError(400, (errors[0] as FieldError).message);
    const figures = await ctx.cache.figures(grant, scope.asAt, scope.filter);
    const result = figures.aims.find((a) => a.aim.id === request.params.aimId);
    if (!result) throw new HttpError(404, 'Page not found');
    const hide = hidesSmallCounts(grant, query.value.suppress);
    const published = publishBreakdown(await aimBreakdown(ctx.cache, grant, figures, result, by), { suppress: hide });
    const whose = filterKey(scope.filter) === '' ? '' : `-${[scope.filter.team, scope.filter.locality, scope.filter.worker].filter((v) => v !== null).join('-')}`;
    attachment(reply, `${grant.scope.code}${whose}-${result.aim.id}-by-${by}${hide ? '-suppressed' : ''}-${scope.asAt.toString()}.${format}`);
    // Each file is made once per cache entry, dimension and view of the counts, and kept as bytes.
    const name = `${result.aim.id}/breakdown/${by}/${hide ? 'hidden' : 'shown'}`;
    const svg = () => ctx.cache.made(figures, `${name}.svg`, () => breakdownChartSvg(breakdownChartInput(result.aim.name, published, 'wide')));
    switch (format) {
      case 'svg':
        return reply.type('image/svg+xml; charset=utf-8').send(svg());
      case 'png':
        // Drawn in a render thread, once per cache entry (a second reader waits for the first's).
        return reply.type('image/png').send(await ctx.cache.made(figures, `${name}.png`, () => ctx.heavy.png(userOf(request).username, svg())));
      case 'csv':
        return reply.type('text/csv; charset=utf-8').send(ctx.cache.made(figures, `${name}.csv`, () => tableToCsv(breakdownTable(published, (g) => groupLabel(by, g)))));
      default:
        throw new HttpError(404, 'Page not found');
    }
  });
}
