/** The national view, for national analysts only: each national aim across authorities, its funnel plot, table and downloads. No child appears. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { nationalFunnelSvg, nationalQuartersTable, nationalTable } from '../../charts/national-charts.js';
import { nationalQuartersSvg } from '../../charts/national-quarters-chart.js';
import { tableToCsv } from '../../charts/aim-charts.js';
import type { NationalComparison } from '../../domain/national/national-comparison.js';
import { compareDates } from '../../domain/date.js';
import { monthText, nationalPeriod, parseMonthOrDay, type MonthOrDay, type NationalPeriod } from '../../domain/national/national-period.js';
import type { WebContext } from '../context.js';
import { attachment } from '../downloads.js';
import { HttpError } from '../errors.js';
import { enteredText } from '../forms/query.js';
import { requireNationalAnalyst } from '../auth/access.js';
import { longDate } from '../../app/format.js';
import { nationalQuartersTableModel, nationalTableModel, presentNationalAim } from '../presenters/national.js';
import { chromeOf, sendPage, userOf } from '../render.js';
import { WorkingOutPage } from '../views/working-out.js';
import type { FieldError } from '../views/components.js';
import { NationalAimPage, NationalPage } from '../views/national.js';
import { trustedSvg } from '../views/trusted-svg.js';

/** `job`: the refresh the working-out page was showing, so that a refresh that failed is said, not queued again unseen. */
type Query = { Querystring: { as_at?: string | string[]; from?: string | string[]; job?: string | string[] } };
type AimParams = Query & { Params: { aim: string } };
type FileParams = Query & { Params: { aim: string; file: string } };

const fileNames = /^(funnel|quarters)\.(svg|png)$|^(table|quarters)\.(csv)$/;

interface ParsedQuery {
  /** The dates used: whole months (national-period.ts). */
  readonly period: NationalPeriod;
  /** What the reader typed, for the form. */
  readonly asAtValue: string;
  readonly fromValue: string;
  readonly errors: readonly FieldError[];
}

/** "Figures as at 30 April 2021, the end of the last whole month by 15 May 2021, for journeys that started on or after 1 June 2020." */
function periodWords(period: NationalPeriod, askedDay: MonthOrDay | null): string {
  const why =
    period.asAtIs === 'last-ended-month'
      ? ', the end of the last month that has ended'
      : period.asAtIs === 'month-end-by-day' && askedDay?.kind === 'day' && compareDates(askedDay.date, period.asAt) !== 0
        ? `, the end of the last whole month by ${longDate(askedDay.date)}`
        : '';
  const from = period.fromDate ? `, for journeys that started on or after ${longDate(period.fromDate)}` : '';
  return `Figures as at ${longDate(period.asAt)}${why}${from}.`;
}

export function registerNationalRoutes(app: FastifyInstance, ctx: WebContext): void {
  const parse = (query: Query['Querystring']): ParsedQuery & { readonly words: string } => {
    const asAtText = enteredText(query.as_at).trim();
    const fromText = enteredText(query.from).trim();
    const asAt = asAtText === '' ? null : parseMonthOrDay(asAtText);
    const from = fromText === '' ? null : parseMonthOrDay(fromText);
    const errors: FieldError[] = [];
    if (asAtText !== '' && asAt === null) errors.push({ field: 'as_at', message: `Enter the as-at month as a month, such as 2024-03 or 03/2024, or a date, such as 2024-03-31 or 31/03/2024 (you entered ${asAtText})` });
    if (fromText !== '' && from === null) errors.push({ field: 'from', message: `Enter the from-month as a month, such as 2020-04 or 04/2020, or a date, or leave it empty (you entered ${fromText})` });
    const asked = nationalPeriod({ asAt, from }, ctx.today());
    if (errors.length === 0 && asked.fromDate && compareDates(asked.fromDate, asked.asAt) > 0) {
      errors.push({ field: 'from', message: `The from-month starts on ${longDate(asked.fromDate)}, after the figures’ date, ${longDate(asked.asAt)}: choose an earlier month` });
    }
    // A from-month that cannot be used counts every journey, as if it were empty.
    const period = errors.some((e) => e.field === 'from') ? nationalPeriod({ asAt, from: null }, ctx.today()) : asked;
    return { period, asAtValue: asAtText, fromValue: fromText, errors, words: periodWords(period, asAt) };
  };
  const queryString = (q: ParsedQuery) => {
    const params = new URLSearchParams({ as_at: monthText(q.period.asAt), ...(q.period.fromDate ? { from: monthText(q.period.fromDate) } : {}) });
    return `?${params.toString()}`;
  };
  /**
   * The stored figures, or — while a refresh job works them out, in this process or another — the
   * working-out page with its progress (then null: the route returns the reply). A refresh that
   * failed is said with its words.
   */
  const figuresOrWorkingOut = async (request: FastifyRequest<Query>, reply: FastifyReply, q: ParsedQuery): Promise<NationalComparison | null> => {
    const previous = enteredText(request.query.job).trim();
    const found = await ctx.national.figuresWithin(q.period.asAt, q.period.fromDate, userOf(request).username, ctx.figuresWaitMs, /^[0-9a-f]{32}$/.test(previous) ? previous : null);
    if ('figures' in found) return found.figures;
    if ('failure' in found) throw new HttpError(503, found.failure);
    const self = new URL(request.url, 'http://pace.invalid');
    self.searchParams.set('job', found.jobId);
    // 202: accepted, not yet done. The page asks again by itself.
    sendPage(reply, WorkingOutPage({ chrome: chromeOf(request, reply), model: { whose: `every authority as at ${longDate(q.period.asAt)}`, label: `National view as at ${longDate(q.period.asAt)}`, progress: found.progress, selfHref: `${self.pathname}${self.search}` } }), 202);
    return null;
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
    if (q.errors.length > 0) return sendPage(reply, NationalPage({ chrome, periodWords: null, query, aims: null }), 400);
    const comparison = await figuresOrWorkingOut(request, reply, q);
    if (comparison === null) return reply;
    const aims = comparison.aims.map((a) => presentNationalAim(a, `/national/aims/${a.aim.nationalAim}${queryString(q)}`));
    return sendPage(reply, NationalPage({ chrome, periodWords: q.words, query, aims }));
  });

  app.get<AimParams>('/national/aims/:aim', async (request, reply) => {
    await requireNationalAnalyst(ctx.connection, userOf(request));
    // A month that cannot be used is named in the error summary; the figures are then the default month's.
    const q = parse(request.query);
    // No refresh is queued for an aim that does not exist.
    if (!/^[1-4]$/.test(request.params.aim)) throw new HttpError(404, 'Page not found');
    const comparison = await figuresOrWorkingOut(request, reply, q);
    if (comparison === null) return reply;
    const aim = aimOf(comparison, request.params.aim);
    const base = `/national/aims/${aim.aim.nationalAim}`;
    return sendPage(
      reply,
      NationalAimPage({
        chrome: chromeOf(request, reply),
        asAtWords: longDate(q.period.asAt),
        periodWords: q.words,
        query: { action: base, asAtValue: q.asAtValue, fromValue: q.fromValue, errors: q.errors },
        aim: presentNationalAim(aim, base),
        funnel: trustedSvg(nationalFunnelSvg(aim)),
        links: { svg: `${base}/funnel.svg${queryString(q)}`, png: `${base}/funnel.png${queryString(q)}`, csv: `${base}/table.csv${queryString(q)}` },
        table: nationalTableModel(aim),
        quarters: {
          svg: trustedSvg(nationalQuartersSvg(aim.byQuarter, aim.aim.name)),
          table: nationalQuartersTableModel(aim),
          links: { svg: `${base}/quarters.svg${queryString(q)}`, png: `${base}/quarters.png${queryString(q)}`, csv: `${base}/quarters.csv${queryString(q)}` },
        },
        backHref: `/national${queryString(q)}`,
      }),
      q.errors.length > 0 ? 400 : 200,
    );
  });

  app.get<FileParams>('/national/aims/:aim/:file', async (request, reply) => {
    await requireNationalAnalyst(ctx.connection, userOf(request));
    const match = fileNames.exec(request.params.file);
    if (!match) throw new HttpError(404, 'Page not found');
    const format = (match[2] ?? match[4]) as 'svg' | 'png' | 'csv';
    const what = (match[1] ?? match[3]) as 'funnel' | 'table' | 'quarters';
    const q = parse(request.query);
    if (q.errors.length > 0) throw new HttpError(400, (q.errors[0] as FieldError).message);
    if (!/^[1-4]$/.test(request.params.aim)) throw new HttpError(404, 'Page not found');
    const comparison = await figuresOrWorkingOut(request, reply, q);
    if (comparison === null) return reply;
    const aim = aimOf(comparison, request.params.aim);
    const stem = `national-aim-${aim.aim.nationalAim}-${q.period.asAt.toString()}${q.period.fromDate ? `-from-${q.period.fromDate.toString()}` : ''}`;
    const picture = () => (what === 'quarters' ? nationalQuartersSvg(aim.byQuarter, aim.aim.name) : nationalFunnelSvg(aim));
    const name = what === 'quarters' ? 'quarters' : 'funnel';
    switch (format) {
      case 'svg':
        attachment(reply, `${stem}-${name}.svg`);
        return reply.type('image/svg+xml; charset=utf-8').send(picture());
      case 'png':
        attachment(reply, `${stem}-${name}.png`);
        return reply.type('image/png').send(await ctx.heavy.png(userOf(request).username, picture()));
      case 'csv':
        attachment(reply, what === 'quarters' ? `${stem}-quarters.csv` : `${stem}.csv`);
        return reply.type('text/csv; charset=utf-8').send(tableToCsv(what === 'quarters' ? nationalQuartersTable(aim) : nationalTable(aim)));
      default:
        throw new HttpError(404, 'Page not found');
    }
  });
}
