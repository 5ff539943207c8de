/** The national view, for national analysts only: each national aim across authorities, its funnel plot, table and downloads. No child appears. */
import type { FastifyInstance } from 'fastify';
import { nationalFunnelSvg, nationalTable } from '../../charts/national-charts.js';
import { tableToCsv } from '../../charts/aim-charts.js';
import { svgToPng } from '../../charts/render.js';
import { parseDate, type PlainDate } from '../../domain/date.js';
import type { NationalComparison } from '../../domain/national/national-comparison.js';
import type { WebContext } from '../context.js';
import { attachment } from '../downloads.js';
import { HttpError } from '../errors.js';
import { parseAsAt } from '../forms/as-at.js';
import { nationalFigures, requireNationalAnalyst } from '../national/national-figures.js';
import { longDate } from '../presenters/format.js';
import { nationalTableModel, presentNationalAim } from '../presenters/national.js';
import { chromeOf, sendPage, userOf } from '../render.js';
import type { FieldError } from '../views/components.js';
import { NationalAimPage, NationalPage } from '../views/national.js';
import { trustedSvg } from '../views/trusted-svg.js';

type Query = { Querystring: { as_at?: string; from?: string } };
type AimParams = Query & { Params: { aim: string } };
type FileParams = Query & { Params: { aim: string; file: string } };

const fileNames = /^(funnel)\.(svg|png)$|^(table)\.(csv)$/;

interface ParsedQuery {
  readonly asAt: PlainDate;
  readonly from: PlainDate | null;
  readonly asAtValue: string;
  readonly fromValue: string;
  readonly errors: readonly FieldError[];
}

export function registerNationalRoutes(app: FastifyInstance, ctx: WebContext): void {
  const parse = (query: Query['Querystring']): ParsedQuery => {
    const asAt = parseAsAt(query.as_at, ctx.today());
    const fromText = (query.from ?? '').trim();
    const from = fromText === '' ? null : parseDate(fromText);
    const errors: FieldError[] = [];
    if (!asAt.ok) errors.push(asAt.error);
    if (from && !from.ok) errors.push({ field: 'from', message: `Enter the from-date as a real date, such as 2020-04-01 or 01/04/2020, or leave it empty (you entered ${fromText})` });
    return { asAt: asAt.ok ? asAt.value : ctx.today(), from: from?.ok ? from.value : null, asAtValue: asAt.text, fromValue: from?.ok ? from.value.toString() : fromText, errors };
  };
  const queryString = (q: ParsedQuery) => {
    const params = new URLSearchParams({ as_at: q.asAt.toString(), ...(q.from ? { from: q.from.toString() } : {}) });
    return `?${params.toString()}`;
  };
  const aimOf = (comparison: NationalComparison, param: string) => {
    const found = /^[1-4]$/.test(param) ? comparison.aims.find((a) => String(a.aim.nationalAim) === param) : undefined;
    if (!found) throw new HttpError(404, 'Page not found');
    return found;
  };

  app.get<Query>('/national', async (request, reply) => {
    const user = userOf(request);
    await requireNationalAnalyst(ctx.connection, user);
    const q = parse(request.query);
    const chrome = chromeOf(request, reply);
    const query = { action: '/national', asAtValue: q.asAtValue, fromValue: q.fromValue, errors: q.errors };
    if (q.errors.length > 0) return sendPage(reply, NationalPage({ chrome, asAtWords: longDate(q.asAt), query, aims: null }), 400);
    const comparison = await nationalFigures(ctx.connection, q.asAt, q.from);
    const aims = comparison.aims.map((a) => presentNationalAim(a, `/national/aims/${a.aim.nationalAim}${queryString(q)}`));
    return sendPage(reply, NationalPage({ chrome, asAtWords: longDate(q.asAt), query, aims }));
  });

  app.get<AimParams>('/national/aims/:aim', async (request, reply) => {
    await requireNationalAnalyst(ctx.connection, userOf(request));
    const q = parse(request.query);
    if (q.errors.length > 0) throw new HttpError(400, (q.errors[0] as FieldError).message);
    const comparison = await nationalFigures(ctx.connection, q.asAt, q.from);
    const aim = aimOf(comparison, request.params.aim);
    const base = `/national/aims/${aim.aim.nationalAim}`;
    return sendPage(
      reply,
      NationalAimPage({
        chrome: chromeOf(request, reply),
        asAtWords: longDate(q.asAt),
        query: { action: base, asAtValue: q.asAtValue, fromValue: q.fromValue, errors: [] },
        aim: presentNationalAim(aim, base),
        funnel: trustedSvg(nationalFunnelSvg(aim)),
        links: { svg: `${base}/funnel.svg${queryString(q)}`, png: `${base}/funnel.png${queryString(q)}`, csv: `${base}/table.csv${queryString(q)}` },
        table: nationalTableModel(aim),
        backHref: `/national${queryString(q)}`,
      }),
    );
  });

  app.get<FileParams>('/national/aims/:aim/:file', async (request, reply) => {
    await requireNationalAnalyst(ctx.connection, userOf(request));
    const match = fileNames.exec(request.params.file);
    if (!match) throw new HttpError(404, 'Page not found');
    const format = (match[2] ?? match[4]) as 'svg' | 'png' | 'csv';
    const q = parse(request.query);
    if (q.errors.length > 0) throw new HttpError(400, (q.errors[0] as FieldError).message);
    const aim = aimOf(await nationalFigures(ctx.connection, q.asAt, q.from), request.params.aim);
    const stem = `national-aim-${aim.aim.nationalAim}-${q.asAt.toString()}${q.from ? `-from-${q.from.toString()}` : ''}`;
    switch (format) {
      case 'svg':
        attachment(reply, `${stem}-funnel.svg`);
        return reply.type('image/svg+xml; charset=utf-8').send(nationalFunnelSvg(aim));
      case 'png':
        attachment(reply, `${stem}-funnel.png`);
        return reply.type('image/png').send(svgToPng(nationalFunnelSvg(aim)));
      case 'csv':
        attachment(reply, `${stem}.csv`);
        return reply.type('text/csv; charset=utf-8').send(tableToCsv(nationalTable(aim)));
      default:
        throw new HttpError(404, 'Page not found');
    }
  });
}
