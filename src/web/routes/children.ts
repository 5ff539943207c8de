/** Finding a child, and a child's record (every view is audited). */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { longDate, parseDateOrThrow } from '../../domain/date.js';
import { childTimeline } from '../../domain/timeline.js';
import { appendAudit, childHistory, findChildRecord, listAims, searchChildren } from '../../store/index.js';
import { grantFor, may } from '../auth/access.js';
import type { WebContext } from '../context.js';
import { HttpError } from '../errors.js';
import { auditListView } from '../list-audit.js';
import { parseAsAt } from '../forms/as-at.js';
import { readQuery, type QueryWords } from '../forms/query.js';
import { presentChild } from '../presenters/child.js';
import { chromeOf, sendPage, userOf } from '../render.js';
import { ChildPage } from '../views/child.js';
import { ChildrenPage } from '../views/children.js';
import { authorityPath } from '../views/layout.js';

const listQuery = z.object({ q: z.string().max(100).default(''), page: z.coerce.number().int().min(1).max(100_000).default(1) });
const childQuery = z.object({ as_at: z.string().optional(), done: z.enum(['child-added', 'child-changed', 'placement-added', 'placement-changed', 'event-added', 'event-changed', 'unchanged']).optional(), id: z.string().max(60).optional() });
const perPage = 50;

/** What the children page says of a value in its query it cannot use. */
const listQueryWords: QueryWords = {
  q: (entered) => `Enter at most 100 characters to find a child by (you entered ${entered})`,
  page: (entered) => `Choose a page by its number, from 1 (you entered ${entered})`,
};

const doneWords: Readonly<Record<NonNullable<z.infer<typeof childQuery>['done']>, string>> = {
  'child-added': 'Child added.',
  'child-changed': 'Details saved. The previous version is kept in the history below.',
  'placement-added': 'Placement added.',
  'placement-changed': 'Placement saved. The previous version is kept in the history below.',
  'event-added': 'Event added.',
  'event-changed': 'Event saved. The previous version is kept in the history below.',
  unchanged: 'Nothing had changed, so nothing was saved.',
};

export function registerChildrenRoutes(app: FastifyInstance, ctx: WebContext): void {
  app.get<{ Params: { code: string }; Querystring: Record<string, string> }>('/a/:code/children', async (request, reply) => {
    const user = userOf(request);
    const grant = grantFor(user, request.params.code);
    const read = readQuery(listQuery, request.query, listQueryWords);
    const query = read.value;
    const found = await searchChildren(ctx.connection, grant.scope, query.q, { offset: (query.page - 1) * perPage, limit: perPage });
    await auditListView(ctx.connection, grant.scope, request, user.username, 'children-list');
    const base = authorityPath(grant.scope.code, '/children');
    const model = {
      search: query.q,
      total: found.total,
      rows: found.children.map((c) => ({ childId: c.childId, name: [c.firstName, c.lastName].filter(Boolean).join(' '), dateOfBirth: longDate(parseDateOrThrow(c.dateOfBirth)), href: `${base}/${encodeURIComponent(c.childId)}` })),
      page: query.page,
      pages: Math.max(1, Math.ceil(found.total / perPage)),
      hrefOf: (page: number) => `${base}?${new URLSearchParams({ ...(query.q ? { q: query.q } : {}), page: String(page) }).toString()}`,
      addHref: may(grant, 'record') ? authorityPath(grant.scope.code, '/add-child') : null,
    };
    return sendPage(reply, ChildrenPage({ chrome: chromeOf(request, reply, grant, 'children'), model, action: base, searchValue: read.entered.q ?? query.q, errors: read.errors }), read.errors.length ? 400 : 200);
  });

  app.get<{ Params: { code: string; childId: string }; Querystring: Record<string, string> }>('/a/:code/children/:childId', async (request, reply) => {
    const user = userOf(request);
    const grant = grantFor(user, request.params.code);
    const query = childQuery.parse(request.query);
    const asAt = parseAsAt(query.as_at, ctx.today());
    if (!asAt.ok) throw new HttpError(400, asAt.error.message);
    // The reads at once, and the audit row written while the timeline is drawn: each wait of a
    // request is a turn behind whatever else the server is working out (bench:web, a child's page
    // while ten dashboards are worked out). The page is sent only once the view is audited.
    const [record, aims, history] = await Promise.all([findChildRecord(ctx.connection, grant.scope, request.params.childId), listAims(ctx.connection, grant.scope), childHistory(ctx.connection, grant.scope, request.params.childId)]);
    if (!record) throw new HttpError(404, 'Page not found');
    const notice = query.done ? `${doneWords[query.done]}${query.id ? ` (${query.id})` : ''}` : null;
    // The timeline's drawing is the page's heaviest part: drawn, and made ready for the page, in a render thread, not on the event loop.
    const timeline = childTimeline(record, { asAt: asAt.value, aims });
    const [svg] = await Promise.all([ctx.heavy.timelinePicture(user.username, timeline), appendAudit(ctx.connection, grant.scope, { username: user.username, action: 'view', entity: 'child', recordId: record.child.childId, clientIp: request.ip })]);
    return sendPage(
      reply,
      ChildPage({ chrome: chromeOf(request, reply, grant, 'children'), model: presentChild(grant.scope.code, record, aims, asAt.value, history, { model: timeline, svg }), canRecord: may(grant, 'record'), notice }),
    );
  });
}
