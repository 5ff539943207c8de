/** The dashboard, each aim's page with its tables, and each chart as SVG, PNG and CSV. */
import type { FastifyInstance } from 'fastify';
import { aimRunChartSvg, aimStageChartSvg, aimSurvivalChartSvg, aimWaitingChartSvg, tableToCsv, runChartTable, stageTable, survivalTable, waitingChartTable, type ChartTable } from '../../charts/aim-charts.js';
import { aimViews, type AimViews } from '../../app/aim-views.js';
import type { AuthorityFigures, AimResult } from '../../app/authority-figures.js';
import { svgToPng } from '../../charts/render.js';
import { grantFor } from '../auth/access.js';
import type { WebContext } from '../context.js';
import { attachment } from '../downloads.js';
import { HttpError } from '../errors.js';
import { parseAsAt } from '../forms/as-at.js';
import { runTableModel, stagesTableModel, survivalTableModel, waitingTableModel } from '../presenters/chart-tables.js';
import { presentAim, presentDashboard } from '../presenters/dashboard.js';
import { longDate } from '../../app/format.js';
import { chromeOf, sendPage, userOf } from '../render.js';
import { AimPage } from '../views/aim-page.js';
import { DashboardAims, DashboardPage } from '../views/dashboard.js';
import { prerendered } from '../views/trusted-svg.js';
import { authorityPath } from '../views/layout.js';

type AuthorityParams = { Params: { code: string }; Querystring: { as_at?: string } };
type AimParams = { Params: { code: string; aimId: string }; Querystring: { as_at?: string } };
type FileParams = { Params: { code: string; aimId: string; file: string }; Querystring: { as_at?: string } };

const fileNames = /^(run-chart|waiting-chart|stages|survival)\.(svg|png|csv)$/;
type ChartName = 'run-chart' | 'waiting-chart' | 'stages' | 'survival';

export function registerDashboardRoutes(app: FastifyInstance, ctx: WebContext): void {
  app.get<AuthorityParams>('/a/:code', async (request, reply) => {
    const grant = grantFor(userOf(request), request.params.code);
    const asAt = parseAsAt(request.query.as_at, ctx.today());
    const action = authorityPath(grant.scope.code);
    const chrome = chromeOf(request, reply, grant, 'dashboard');
    if (!asAt.ok) return sendPage(reply, DashboardPage({ chrome, model: null, asAtValue: asAt.text, errors: [asAt.error], action }), 400);
    const figures = await ctx.cache.figures(grant, asAt.value);
    // The aims' part of the page is the same for every reader of these figures: rendered once per cache entry.
    const { model, aims } = ctx.cache.made(figures, 'dashboard', () => {
      const presented = presentDashboard(figures);
      return { model: presented, aims: prerendered(DashboardAims({ model: presented })) };
    });
    return sendPage(reply, DashboardPage({ chrome, model, asAtValue: asAt.text, errors: [], action }), 200, aims);
  });

  app.get<AimParams>('/a/:code/aims/:aimId', async (request, reply) => {
    const grant = grantFor(userOf(request), request.params.code);
    const asked = parseAsAt(request.query.as_at, ctx.today());
    // A date that cannot be used is named in the error summary; the page is then as at today.
    const asAt = asked.ok ? asked : ({ ok: true, value: ctx.today(), text: '' } as const);
    const figures = await ctx.cache.figures(grant, asAt.value);
    const result = figures.aims.find((a) => a.aim.id === request.params.aimId);
    if (!result) throw new HttpError(404, 'Page not found');
    const code = grant.scope.code;
    const views = await aimViews(ctx.cache, grant, figures, result);
    return sendPage(
      reply,
      AimPage({
        chrome: chromeOf(request, reply, grant, 'dashboard'),
        // Drawn once per cache entry: the same for every reader of these figures.
        aim: ctx.cache.made(figures, `${result.aim.id}/page`, () => presentAim(code, figures.asAt, figures.authority.programmeStart, result, { allVerdicts: true })),
        asAtWords: longDate(asAt.value),
        asAtValue: asked.text,
        action: authorityPath(code, `/aims/${encodeURIComponent(result.aim.id)}`),
        runTable: runTableModel(code, result),
        waitingTable: waitingTableModel(code, result),
        extraCharts: [
          {
            id: 'stages',
            heading: 'Where the time goes: the stages',
            explanation: 'For the journeys in this aim, the median weeks between each milestone and the next (the bar), and the middle half of journeys (the line). The longest bar is where the delay sits.',
            alt: `Bar chart of the median weeks between consecutive milestones for ${result.aim.name}; the table below gives each stage's figures.`,
            links: fileLinks(code, result, 'stages', asAt.text),
            table: stagesTableModel(result, views),
          },
          {
            id: 'survival',
            heading: 'Time to the milestone, with children still waiting counted',
            explanation: 'The share of journeys still without their milestone, week by week since they started. Children still waiting count for as long as they have waited, so short waits finishing first cannot make things look better than they are.',
            alt: `Line chart of the percentage of journeys still waiting for ${result.aim.name}, week by week since they started, before and after the programme start; the table below gives the steps.`,
            links: fileLinks(code, result, 'survival', asAt.text),
            table: survivalTableModel(result, views),
          },
        ],
        errors: asked.ok ? [] : [asked.error],
      }),
      asked.ok ? 200 : 400,
    );
  });

  app.get<FileParams>('/a/:code/aims/:aimId/:file', async (request, reply) => {
    const match = fileNames.exec(request.params.file);
    if (!match) throw new HttpError(404, 'Page not found');
    const [, chart, format] = match as unknown as [string, ChartName, 'svg' | 'png' | 'csv'];
    const grant = grantFor(userOf(request), request.params.code);
    const asAt = parseAsAt(request.query.as_at, ctx.today());
    if (!asAt.ok) throw new HttpError(400, asAt.error.message);
    const figures = await ctx.cache.figures(grant, asAt.value);
    const result = figures.aims.find((a) => a.aim.id === request.params.aimId);
    if (!result) throw new HttpError(404, 'Page not found');
    const views = chart === 'stages' || chart === 'survival' ? await aimViews(ctx.cache, grant, figures, result) : null;
    const svg = chartSvg(ctx, figures, result, views, chart);
    attachment(reply, `${grant.scope.code}-${result.aim.id}-${chart}-${asAt.value.toString()}.${format}`);
    // Each file is made once per cache entry and kept as bytes.
    const bytes = (make: () => Buffer) => ctx.cache.made(figures, `${result.aim.id}/${chart}.${format}`, make);
    switch (format) {
      case 'svg':
        return reply.type('image/svg+xml; charset=utf-8').send(bytes(() => Buffer.from(svg)));
      case 'png':
        return reply.type('image/png').send(bytes(() => svgToPng(svg)));
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
    case 'waiting-chart':
      return ctx.cache.made(figures, `${result.aim.id}/waiting-chart.svg`, () => aimWaitingChartSvg(result.aim, result.chart.series));
    case 'stages':
      return ctx.cache.made(figures, `${result.aim.id}/stages.svg`, () => aimStageChartSvg((views as AimViews).stages));
    case 'survival':
      return ctx.cache.made(figures, `${result.aim.id}/survival.svg`, () => aimSurvivalChartSvg(result.aim, (views as AimViews).survival));
    default:
      throw new HttpError(404, 'Page not found');
  }
}

function chartTable(result: AimResult, views: AimViews | null, chart: ChartName): ChartTable {
  switch (chart) {
    case 'run-chart':
      return runChartTable(result.chart);
    case 'waiting-chart':
      return waitingChartTable(result.chart.series);
    case 'stages':
      return stageTable((views as AimViews).stages);
    case 'survival':
      return survivalTable((views as AimViews).survival);
    default:
      throw new HttpError(404, 'Page not found');
  }
}

function fileLinks(code: string, result: AimResult, chart: ChartName, asAtText: string) {
  const base = authorityPath(code, `/aims/${encodeURIComponent(result.aim.id)}/${chart}`);
  const query = asAtText ? `?as_at=${encodeURIComponent(asAtText)}` : '';
  return { svg: `${base}.svg${query}`, png: `${base}.png${query}`, csv: `${base}.csv${query}` };
}
