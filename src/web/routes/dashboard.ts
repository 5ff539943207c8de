/** The dashboard, each aim's page with its tables, and each chart as SVG, PNG and CSV. */
import { nextTurn } from '../../app/turns.js';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { aimRunChartSvg, aimStageChartSvg, aimSurvivalChartSvg, aimWaitingChartSvg, tableToCsv, runChartTable, stageTable, survivalTable, waitingChartTable, type ChartTable } from '../../charts/aim-charts.js';
import { aimViews, type AimViews } from '../../app/aim-views.js';
import type { AuthorityFigures, AimResult } from '../../app/authority-figures.js';
import { filterChoicesOf } from '../../app/figures-cache.js';
import { filterKey } from '../../domain/child-filter.js';
import { findAimGroup } from '../../store/index.js';
import { grantFor, may } from '../auth/access.js';
import type { WebContext } from '../context.js';
import { attachment } from '../downloads.js';
import { HttpError } from '../errors.js';
import { aimQuarters, aimQuartersChart, quarterKey, type AimQuarter } from '../../domain/aim-quarters.js';
import { aimQuartersChartSvg } from '../../charts/aim-quarters-chart.js';
import { figuresOrWorkingOut } from '../figures-page.js';
import { parseFigureScope } from '../forms/figure-scope.js';
import { readQuery, type QueryWords } from '../forms/query.js';
import { presentAimPage } from '../presenters/aim-page.js';
import { presentDashboard } from '../presenters/dashboard.js';
import { presentAimGroup } from '../presenters/meeting.js';
import { chromeOf, sendPage, userOf } from '../render.js';
import { AimPage } from '../views/aim-page.js';
import type { FieldError } from '../views/components.js';
import { DashboardAims, DashboardPage } from '../views/dashboard.js';
import { prerendered } from '../views/trusted-svg.js';
import { authorityPath } from '../views/layout.js';
import { aimGroupHref } from './aim-groups.js';

type AuthorityParams = { Params: { code: string }; Querystring: Record<string, string> };
type AimParams = { Params: { code: string; aimId: string }; Querystring: Record<string, string> };
type FileParams = { Params: { code: string; aimId: string; file: string }; Querystring: Record<string, string> };

const fileNames = /^(run-chart|run-chart-small|run-chart-phone|waiting-chart|stages|survival|quarters|quarters-small)\.(svg|png|csv)$/;
type ChartName = 'run-chart' | 'run-chart-small' | 'run-chart-phone' | 'waiting-chart' | 'stages' | 'survival' | 'quarters' | 'quarters-small';

const aimPageQuery = z.object({
  run_page: z.coerce.number().int().min(1).max(100_000).default(1),
  waiting_page: z.coerce.number().int().min(1).max(100_000).default(1),
});

const aimPageWords: QueryWords = {
  run_page: (entered) => `Choose a page of the run chart's data by its number, from 1 (you entered ${entered})`,
  waiting_page: (entered) => `Choose a page of the waiting chart's data by its number, from 1 (you entered ${entered})`,
};

export function registerDashboardRoutes(app: FastifyInstance, ctx: WebContext): void {
  app.get<AuthorityParams>('/a/:code', async (request, reply) => {
    // A partner's start in the authority is their overview, which shows no child (decision 0027).
    const partner = grantFor(userOf(request), request.params.code, 'aggregate');
    if (!may(partner, 'view')) return reply.redirect(authorityPath(partner.scope.code, '/partner'), 303);
    const grant = grantFor(userOf(request), request.params.code);
    // A part of the scope that cannot be used is named in the error summary; the page takes its default.
    const { scope, errors } = parseFigureScope(request.query, ctx.today());
    const figures = await figuresOrWorkingOut(ctx, request, reply, grant, scope.asAt, scope.filter, 'dashboard');
    if (!figures) return reply;
    const choices = await filterChoicesOf(ctx.cache, grant, figures);
    // The aims' part of the page is the same for every reader of these figures and window: rendered once per cache entry.
    const { model, aims } = await ctx.cache.made(figures, `dashboard|${scope.window}`, async () => {
      const presented = await presentDashboard(figures, scope, () => nextTurn());
      return { model: presented, aims: prerendered(DashboardAims({ model: presented })) };
    });
    // The poster is of the whole authority: offered for the figures of every child.
    const posterHref = filterKey(scope.filter) === '' ? `${authorityPath(grant.scope.code, '/poster')}?as_at=${scope.asAt.toString()}` : null;
    const page = DashboardPage({ chrome: chromeOf(request, reply, grant, 'dashboard'), model, scope, choices, errors, action: authorityPath(grant.scope.code), posterHref });
    return sendPage(reply, page, errors.length > 0 ? 400 : 200, aims);
  });

  app.get<AimParams>('/a/:code/aims/:aimId', async (request, reply) => {
    const grant = grantFor(userOf(request), request.params.code);
    const { scope, errors: scopeErrors } = parseFigureScope(request.query, ctx.today());
    const pages = readQuery(aimPageQuery, request.query, aimPageWords);
    const errors = [...scopeErrors, ...pages.errors];
    const figures = await figuresOrWorkingOut(ctx, request, reply, grant, scope.asAt, scope.filter, 'dashboard');
    if (!figures) return reply;
    const result = figures.aims.find((a) => a.aim.id === request.params.aimId);
    if (!result) throw new HttpError(404, 'Page not found');
    const [views, choices, stored] = await Promise.all([aimViews(ctx.cache, grant, figures, result), filterChoicesOf(ctx.cache, grant, figures), findAimGroup(ctx.connection, grant.scope, result.aim.id)]);
    // Each drawing made for this page lets other requests be answered before the next is drawn.
    const model = await presentAimPage(figures, scope, result, views, pages.value, async (name, make) => {
      let drawn = false;
      const made = ctx.cache.made(figures, name, () => ((drawn = true), make()));
      if (drawn) await nextTurn();
      return made;
    });
    const action = authorityPath(grant.scope.code, `/aims/${encodeURIComponent(result.aim.id)}`);
    // The aim's group: people, not figures, so never part of the cached model.
    const group = { people: presentAimGroup(stored?.group ?? null), editHref: may(grant, 'improve') ? aimGroupHref(grant.scope.code, result.aim.id) : null, notice: request.query.saved === 'group' ? 'The aim group is saved.' : null };
    return sendPage(reply, AimPage({ chrome: chromeOf(request, reply, grant, 'dashboard'), model, scope, choices, action, errors, group }), errors.length > 0 ? 400 : 200);
  });

  app.get<FileParams>('/a/:code/aims/:aimId/:file', async (request, reply) => {
    const match = fileNames.exec(request.params.file);
    if (!match) throw new HttpError(404, 'Page not found');
    const [, chart, format] = match as unknown as [string, ChartName, 'svg' | 'png' | 'csv'];
    const grant = grantFor(userOf(request), request.params.code);
    const { scope, errors } = parseFigureScope(request.query, ctx.today());
    // A file cannot show an error summary: the plain error page names the first problem.
    if (errors.length > 0) throw new HttpError(400, (errors[0] as FieldError).message);
    const figures = await ctx.cache.figures(grant, scope.asAt, scope.filter);
    const result = figures.aims.find((a) => a.aim.id === request.params.aimId);
    if (!result) throw new HttpError(404, 'Page not found');
    const views = chart === 'stages' || chart === 'survival' ? await aimViews(ctx.cache, grant, figures, result) : null;
    const svg = chartSvg(ctx, figures, result, views, chart);
    const whose = filterKey(scope.filter) === '' ? '' : `-${[scope.filter.team, scope.filter.locality, scope.filter.worker].filter((v) => v !== null).join('-')}`;
    attachment(reply, `${grant.scope.code}${whose}-${result.aim.id}-${chart}-${scope.asAt.toString()}.${format}`);
    // Each file is made once per cache entry and kept as bytes.
    const bytes = <T extends Buffer | Promise<Buffer>>(make: () => T): T => ctx.cache.made(figures, `${result.aim.id}/${chart}.${format}`, make);
    switch (format) {
      case 'svg':
        return reply.type('image/svg+xml; charset=utf-8').send(bytes(() => Buffer.from(svg)));
      case 'png':
        // Drawn in a render thread, once per cache entry (a second reader waits for the first's).
        return reply.type('image/png').send(await bytes(() => ctx.heavy.png(userOf(request).username, svg)));
      case 'csv':
        return reply.type('text/csv; charset=utf-8').send(bytes(() => Buffer.from(tableToCsv(chartTable(result, views, chart)))));
      default:
        throw new HttpError(404, 'Page not found');
    }
  });
}

/** A chart's standalone SVG; the stage and survival charts are drawn once per cache entry, when first asked for. */
function chartSvg(ctx: WebContext, figures: AuthorityFigures, result: AimResult, views: AimViews | null, chart: ChartName): string {
  switch (chart) {
    case 'run-chart':
      return ctx.cache.made(figures, `${result.aim.id}/run-chart.svg`, () => aimRunChartSvg(result.aim, result.chart, figures.authority.programmeStart, result.marks));
    // The small drawing: the dashboard's without the tests of change; the aim page's on a phone with them, as the page marks them.
    case 'run-chart-small':
    case 'run-chart-phone':
      return ctx.cache.made(figures, `${result.aim.id}/${chart}.svg`, () => aimRunChartSvg(result.aim, result.chart, figures.authority.programmeStart, chart === 'run-chart-phone' ? result.marks : [], { size: 'small' }));
    case 'waiting-chart':
      return ctx.cache.made(figures, `${result.aim.id}/waiting-chart.svg`, () => aimWaitingChartSvg(result.aim, result.chart.series));
    case 'stages':
      return ctx.cache.made(figures, `${result.aim.id}/stages.svg`, () => aimStageChartSvg((views as AimViews).stages));
    case 'survival':
      return ctx.cache.made(figures, `${result.aim.id}/survival.svg`, () => aimSurvivalChartSvg(result.aim, (views as AimViews).survival));
    case 'quarters':
    case 'quarters-small':
      return ctx.cache.made(figures, `${result.aim.id}/${chart}.svg`, () => {
        const quarters = aimQuarters(result.figures);
        return aimQuartersChartSvg(result.aim, aimQuartersChart(quarters, figures.authority.programmeStart), quarters, figures.authority.programmeStart, undefined, chart === 'quarters' ? 'full' : 'small');
      });
    default:
      throw new HttpError(404, 'Page not found');
  }
}

function chartTable(result: AimResult, views: AimViews | null, chart: ChartName): ChartTable {
  switch (chart) {
    case 'run-chart':
    case 'run-chart-small':
    case 'run-chart-phone':
      return runChartTable(result.chart);
    case 'waiting-chart':
      return waitingChartTable(result.chart.series);
    case 'stages':
      return stageTable((views as AimViews).stages);
    case 'survival':
      return survivalTable((views as AimViews).survival);
    case 'quarters':
    case 'quarters-small':
      return quartersTable(aimQuarters(result.figures));
    default:
      throw new HttpError(404, 'Page not found');
  }
}

/** The quarters as a table for CSV: one row a quarter, the percentage and the median unrounded. */
function quartersTable(quarters: readonly AimQuarter[]): ChartTable {
  return {
    columns: ['quarter', 'first_day', 'in_time', 'settled_n', 'percent_in_time', 'completed', 'median_weeks'],
    rows: quarters.map((q) => [quarterKey(q.month), q.month.toString(), q.inTime, q.n, q.value, q.completed, q.medianWeeks]),
  };
}
