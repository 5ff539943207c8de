/** Balancing measures of an authority as at a date: a run chart by month for each, and its data as CSV. */
import type { FastifyInstance } from 'fastify';
import { balancingChartSvg, balancingTable, formatBalancingValue } from '../../charts/balancing-charts.js';
import { tableToCsv } from '../../charts/aim-charts.js';
import { longDate } from '../../domain/date.js';
import type { PlainDate } from '../../domain/date.js';
import { balancingChart, balancingMeasureIds, balancingMeasures, type BalancingChart } from '../../domain/improvement/balancing.js';
import { monthWords } from '../../domain/date.js';
import type { UserGrant } from '../../store/index.js';
import { grantFor } from '../auth/access.js';
import type { WebContext } from '../context.js';
import { attachment } from '../downloads.js';
import { HttpError } from '../errors.js';
import { parseAsAt } from '../forms/as-at.js';
import { chromeOf, sendPage, userOf } from '../render.js';
import { BalancingPage } from '../views/balancing.js';
import { authorityPath } from '../views/layout.js';
import { labelledForWidths } from '../improvement/picture.js';
import type { ChartForWidths } from '../views/trusted-svg.js';

type Query = { Querystring: { as_at?: string } };

export function registerBalancingRoutes(app: FastifyInstance, ctx: WebContext): void {
  /** The measures as at a date, computed once per figures entry; and their drawings for the page, drawn once per entry when first asked for. */
  const chartsOf = async (grant: UserGrant, asAt: PlainDate): Promise<{ charts: BalancingChart[]; pictures: () => ChartForWidths[] }> => {
    const figures = await ctx.cache.figures(grant, asAt);
    const records = await ctx.cache.records(grant, figures);
    const start = grant.authority.programmeStart;
    const charts = ctx.cache.made(figures, 'balancing', () => balancingMeasures(records, asAt).map((m) => balancingChart(m, start)));
    const label = (chart: BalancingChart) => `Run chart of ${chart.measure.name}, one dot a month; the table below gives each month's figures.`;
    const pictures = () => ctx.cache.made(figures, 'balancing/pictures', () => charts.map((chart) => labelledForWidths((size) => balancingChartSvg(chart, start, [], size), label(chart))));
    return { charts, pictures };
  };

  app.get<{ Params: { code: string } } & Query>('/a/:code/balancing', async (request, reply) => {
    const grant = grantFor(userOf(request), request.params.code);
    const parsed = parseAsAt(request.query.as_at, ctx.today());
    const asAt = parsed.ok ? parsed.value : ctx.today();
    const { charts, pictures } = await chartsOf(grant, asAt);
    const drawn = pictures();
    const base = authorityPath(grant.scope.code, '/balancing');
    return sendPage(
      reply,
      BalancingPage({
        chrome: chromeOf(request, reply, grant, 'improvement'),
        asAtWords: longDate(asAt),
        asAtValue: parsed.text,
        action: base,
        errors: parsed.ok ? [] : [parsed.error],
        measures: charts.map((chart, i) => {
          const last = chart.plotted[chart.plotted.length - 1];
          const table = balancingTable(chart);
          return {
            id: chart.measure.id,
            name: chart.measure.name,
            definition: chart.measure.definition,
            svg: drawn[i] as ChartForWidths,
            latest: last ? `Latest month, ${monthWords(last.month)}: ${formatBalancingValue(chart, last.value)}.` : 'No month has a value yet.',
            verdicts: chart.verdicts,
            csvHref: `${base}/${chart.measure.id}.csv?as_at=${asAt.toString()}`,
            table: { columns: table.columns, rows: table.rows.map((row) => row.map((cell) => (cell === null ? '—' : String(cell)))) },
          };
        }),
      }),
      parsed.ok ? 200 : 400,
    );
  });

  app.get<{ Params: { code: string; file: string } } & Query>('/a/:code/balancing/:file', async (request, reply) => {
    const grant = grantFor(userOf(request), request.params.code);
    const id = request.params.file.replace(/\.csv$/, '');
    if (!request.params.file.endsWith('.csv') || !(balancingMeasureIds as readonly string[]).includes(id)) throw new HttpError(404, 'Page not found');
    const asAt = parseAsAt(request.query.as_at, ctx.today());
    if (!asAt.ok) throw new HttpError(400, asAt.error.message);
    const chart = (await chartsOf(grant, asAt.value)).charts.find((c) => c.measure.id === id) as BalancingChart;
    attachment(reply, `${grant.scope.code}-${id}-${asAt.value.toString()}.csv`);
    return reply.type('text/csv; charset=utf-8').send(tableToCsv(balancingTable(chart)));
  });
}
