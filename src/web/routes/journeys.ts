/** The journeys behind each count of an aim: a page at a time, and as CSV. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { nextTurn } from '../../app/turns.js';
import { grantFor } from '../auth/access.js';
import type { WebContext } from '../context.js';
import { attachment } from '../downloads.js';
import { HttpError } from '../errors.js';
import { asAtMessage } from '../forms/as-at.js';
import { parseFigureScope } from '../forms/figure-scope.js';
import { echo, readQuery, type QueryWords } from '../forms/query.js';
import { journeyListCsvRows, journeyListQuery, presentJourneyList, type JourneyGroup, type JourneyListQuery } from '../presenters/journey-list.js';
import { aimBreakdown } from '../../app/aim-breakdown.js';
import type { AimResult, AuthorityFigures } from '../../app/authority-figures.js';
import { dimensionWords, groupPhrase } from '../../app/breakdown-words.js';
import { isGroupKey } from '../../domain/breakdown.js';
import type { UserGrant } from '../../store/index.js';
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
  by: (entered) => `Choose how the groups are split: age, sex, placement, route, team or locality (you entered ${entered})`,
  group: (entered) => `Choose a group of the breakdown (you entered ${entered})`,
};

export function registerJourneyRoutes(app: FastifyInstance, ctx: WebContext): void {
  /** The aim's figures as at the date asked, or as at today when the date cannot be used (named in `errors`). */
  const load = async (request: FastifyRequest<Params>) => {
    const grant = grantFor(userOf(request), request.params.code);
    const query = readQuery(journeyListQuery, request.query, journeyQueryWords);
    const { scope, errors: scopeErrors } = parseFigureScope(request.query, ctx.today());
    const figures = await ctx.cache.figures(grant, scope.asAt, scope.filter);
    const result = figures.aims.find((a) => a.aim.id === request.params.aimId);
    if (!result) throw new HttpError(404, 'Page not found');
    const group = await groupOf(grant, figures, result, query.value);
    const errors = [...scopeErrors, ...query.errors, ...group.errors];
    return { grant, query: query.value, scope, figures, result, group: group.value, errors };
  };

  /** The group of a breakdown the list is limited to (`by` and `group` in the address), if any. */
  const groupOf = async (grant: UserGrant, figures: AuthorityFigures, result: AimResult, query: JourneyListQuery): Promise<{ value: JourneyGroup | undefined; errors: FieldError[] }> => {
    const { by, group: key } = query;
    if (by === undefined && key === undefined) return { value: undefined, errors: [] };
    if (by === undefined) return { value: undefined, errors: [{ field: 'by', message: 'Choose how the groups are split: age, sex, placement, route, team or locality (you entered nothing)' }] };
    if (key === undefined || !isGroupKey(by, key)) return { value: undefined, errors: [{ field: 'group', message: `Choose a group of the breakdown by ${dimensionWords[by]} (you entered ${key === undefined ? 'nothing' : echo(key)})` }] };
    const found = (await aimBreakdown(ctx.cache, grant, figures, result, by)).groups.find((g) => g.key === key);
    const words = groupPhrase(by, { key, name: found?.name ?? (key.startsWith('named:') ? key.slice('named:'.length) : null) });
    return { value: { by, key, words: `${words.charAt(0).toUpperCase()}${words.slice(1)}`, journeys: found?.journeys ?? [] }, errors: [] };
  };

  app.get<Params>('/a/:code/aims/:aimId/journeys', async (request, reply) => {
    const { grant, query, scope, result, group, errors } = await load(request);
    await auditListView(ctx.connection, grant.scope, request, userOf(request).username, 'journey-list');
    const action = authorityPath(grant.scope.code, `/aims/${encodeURIComponent(result.aim.id)}/journeys`);
    return sendPage(reply, JourneyListPage({ chrome: chromeOf(request, reply, grant, 'dashboard'), model: presentJourneyList(grant.scope.code, scope, result, query, group), action, scope, errors }), errors.length ? 400 : 200);
  });

  app.get<Params>('/a/:code/aims/:aimId/journeys.csv', async (request, reply) => {
    const { grant, query, scope, figures, result, group, errors } = await load(request);
    // A file cannot show an error summary: the plain error page names the first problem.
    if (errors.length > 0) throw new HttpError(400, (errors[0] as FieldError).message);
    await auditListView(ctx.connection, grant.scope, request, userOf(request).username, 'journey-list');
    // Made once per figures-cache entry: the rows a part at a time, the text in a render thread.
    const name = `journeys.csv|${result.aim.id}|${query.status}|${query.months ?? ''}|${query.month ?? ''}|${group ? `${group.by}|${group.key}` : ''}`;
    const csv = await ctx.cache.made(figures, name, () =>
      ctx.heavy.forUser(userOf(request).username, async () => {
        const between = () => nextTurn();
        const { header, rows } = await journeyListCsvRows(result, query.status, query.months, query.month, group, between);
        return ctx.heavy.pool.csv(header, rows, between);
      }),
    );
    const groupName = group ? `-${group.by}-${group.key}` : '';
    attachment(reply, `${grant.scope.code}-${result.aim.id}-${query.status}${groupName}${query.month !== undefined ? `-${query.month}` : query.months === undefined ? '' : `-last-${query.months}-months`}-${scope.asAt.toString()}.csv`);
    return reply.type('text/csv; charset=utf-8').send(csv);
  });
}
