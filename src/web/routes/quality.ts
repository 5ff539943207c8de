/** The data-quality report of an authority, for data leads: the same report as `pace quality`, each line linking to the record to fix. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { qualityCsv } from '../../charts/csv.js';
import { ruleCatalogue, type RuleCode } from '../../domain/quality/catalogue.js';
import { qualityJson } from '../../domain/quality/quality-json.js';
import { authorityQuality } from '../../app/authority-reports.js';
import type { UserGrant } from '../../store/index.js';
import { compareDates, type PlainDate } from '../../domain/date.js';
import { grantFor } from '../auth/access.js';
import { auditListView } from '../list-audit.js';
import type { WebContext } from '../context.js';
import { HttpError } from '../errors.js';
import { asAtMessage, parseAsAt } from '../forms/as-at.js';
import { readQuery, type QueryWords } from '../forms/query.js';
import type { FieldError } from '../views/components.js';
import { chromeOf, sendPage, userOf } from '../render.js';
import { QualityPage } from '../views/quality.js';
import { authorityPath } from '../views/layout.js';

const ruleCodes = Object.keys(ruleCatalogue) as [RuleCode, ...RuleCode[]];
const query = z.object({ as_at: z.string().optional(), rule: z.enum(ruleCodes).optional().catch(undefined), page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1) });
const perPage = 100;
/** A rule or page the report does not have falls back to every rule or the first page; only the date can be mistyped. */
const qualityQueryWords: QueryWords = { as_at: asAtMessage };

type CodeParams = { Params: { code: string }; Querystring: Record<string, string> };

export function registerQualityRoutes(app: FastifyInstance, ctx: WebContext): void {
  // The records as the figures cache holds them (loaded once per version of the data); today's
  // report is made once per version too, so paging through it or choosing a rule costs nothing.
  // A report as at another date is made afresh each time (a reader could ask for many dates).
  const reportOf = async (grant: UserGrant, asAt: PlainDate) => {
    const today = ctx.today();
    const figures = await ctx.cache.figures(grant, today);
    const make = async () => qualityJson(await authorityQuality(ctx.cache, grant, asAt));
    return compareDates(asAt, today) === 0 ? ctx.cache.made(figures, 'data-quality', make) : make();
  };

  app.get<CodeParams>('/a/:code/data-quality', async (request, reply) => {
    const user = userOf(request);
    const grant = grantFor(user, request.params.code, 'import');
    const read = readQuery(query, request.query, qualityQueryWords);
    const q = read.value;
    const parsed = parseAsAt(q.as_at, ctx.today());
    const errors = [...(parsed.ok ? [] : [parsed.error]), ...read.errors];
    // A date that cannot be used is named in the error summary; the report is then as at today.
    const asAt = parsed.ok ? parsed : ({ ok: true, value: ctx.today() } as const);
    const report = await reportOf(grant, asAt.value);
    const lines = q.rule ? report.problems.filter((p) => p.code === q.rule) : report.problems;
    await auditListView(ctx.connection, grant.scope, request, user.username, 'data-quality');
    const pages = Math.max(1, Math.ceil(lines.length / perPage));
    const base = authorityPath(grant.scope.code, '/data-quality');
    const params = (extra: Record<string, string>) => new URLSearchParams({ ...(q.as_at ? { as_at: asAt.value.toString() } : {}), ...(q.rule ? { rule: q.rule } : {}), ...extra }).toString();
    return sendPage(
      reply,
      QualityPage({
        chrome: chromeOf(request, reply, grant, 'quality'),
        report,
        asAt: asAt.value,
        asAtText: read.entered.as_at ?? parsed.text,
        errors,
        action: base,
        rule: q.rule ?? null,
        lines: lines.slice((q.page - 1) * perPage, q.page * perPage),
        shownFrom: lines.length === 0 ? 0 : (q.page - 1) * perPage + 1,
        total: lines.length,
        page: Math.min(q.page, pages),
        pages,
        hrefOf: (page: number) => `${base}?${params({ page: String(page) })}`,
        ruleHref: (rule: string | null) => `${base}?${new URLSearchParams({ ...(q.as_at ? { as_at: asAt.value.toString() } : {}), ...(rule ? { rule } : {}) }).toString()}`,
        csvHref: `${base}.csv?${params({})}`,
        childHref: (childId: string) => authorityPath(grant.scope.code, `/children/${encodeURIComponent(childId)}`),
      }),
      errors.length ? 400 : 200,
    );
  });

  app.get<CodeParams>('/a/:code/data-quality.csv', async (request, reply) => {
    const user = userOf(request);
    const grant = grantFor(user, request.params.code, 'import');
    const read = readQuery(query, request.query, qualityQueryWords);
    const q = read.value;
    const asAt = parseAsAt(q.as_at, ctx.today());
    // A file cannot show an error summary: the plain error page names the problem.
    if (read.errors.length > 0) throw new HttpError(400, (read.errors[0] as FieldError).message);
    if (!asAt.ok) throw new HttpError(400, asAt.error.message);
    const report = await reportOf(grant, asAt.value);
    const lines = q.rule ? report.problems.filter((p) => p.code === q.rule) : report.problems;
    await auditListView(ctx.connection, grant.scope, request, user.username, 'data-quality');
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="data-quality-${grant.scope.code}-${asAt.value.toString()}.csv"`)
      .send(qualityCsv(lines));
  });
}
