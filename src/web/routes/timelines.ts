/**
 * Timelines (docs/decisions/0007-timelines.md): one child's as SVG, PNG and a print-ready A4 page
 * (the record page shows it too, children.ts); a group's on one axis, chosen on a GET form, with
 * the same downloads and a print page of every drawn child's own timeline. Every child whose
 * timeline is shown, downloaded or printed is audited as viewed.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { groupTimelineSvg, maxGroupLanes } from '../../charts/timeline-group-chart.js';
import { timelineTitle } from '../../charts/timeline-words.js';
import { compareNames } from '../../domain/reminders/due-list.js';
import { groupAlignment, groupTimeline, selectGroup, type GroupSelector, type GroupTimeline } from '../../domain/timeline-group.js';
import { childTimeline, type ChildTimeline } from '../../domain/timeline.js';
import { appendAudit, findChildRecord, listAims, type UserGrant } from '../../store/index.js';
import { grantFor } from '../auth/access.js';
import type { WebContext } from '../context.js';
import { sendPicture, type PictureFormat } from '../downloads.js';
import { HttpError } from '../errors.js';
import { auditListView } from '../list-audit.js';
import { parseAsAt } from '../forms/as-at.js';
import { parseGroupQuery, readGroupForm, type GroupQuery } from '../forms/timeline-query.js';
import { groupTimelineNotes, presentGroupTimeline, shownRows, timelinesHref, type GroupTimelineModel } from '../presenters/timeline-group.js';
import { presentTimelineSheet } from '../presenters/timeline.js';
import { chromeOf, sendPage, userOf } from '../render.js';
import { authorityPath } from '../views/layout.js';
import { TimelinePrintPage } from '../views/timeline-print.js';
import { TimelinesPage, type GroupFormModel } from '../views/timelines.js';

type ChildRoute = { Params: { code: string; childId: string }; Querystring: { as_at?: string; size?: string } };
type GroupRoute = { Params: { code: string }; Querystring: Record<string, unknown> };
type ChildRequest = FastifyRequest<ChildRoute>;
type GroupRequest = FastifyRequest<GroupRoute>;

export function registerTimelineRoutes(app: FastifyInstance, ctx: WebContext): void {
  // The full drawing, or with `size=small` the one a child's page shows on a phone; drawn in a render thread.
  const childPicture = (format: PictureFormat) => async (request: ChildRequest, reply: FastifyReply) => {
    const size = pictureSize(request.query.size);
    const { grant, timeline } = await viewChildTimeline(ctx, request);
    const user = userOf(request).username;
    const svg = await ctx.heavy.timelinePicture(user, timeline, { size, forPage: false });
    return sendPicture(reply, ctx.heavy, user, svg, format, `${grant.scope.code}-${timeline.childId}-timeline-${timeline.asAt.toString()}${size === 'small' ? '-small' : ''}`);
  };
  app.get<ChildRoute>('/a/:code/children/:childId/timeline.svg', childPicture('svg'));
  app.get<ChildRoute>('/a/:code/children/:childId/timeline.png', childPicture('png'));

  app.get<ChildRoute>('/a/:code/children/:childId/timeline/print', async (request, reply) => {
    const { grant, timeline } = await viewChildTimeline(ctx, request);
    const title = `${timelineTitle(timeline, { withName: true })}, ready to print`;
    const back = { href: authorityPath(grant.scope.code, `/children/${encodeURIComponent(timeline.childId)}?as_at=${timeline.asAt.toString()}`), text: "Back to the child's record" };
    return sendPage(reply, TimelinePrintPage({ model: { title, back, notes: [], sheets: [presentTimelineSheet(timeline)] } }));
  });

  app.get<GroupRoute>('/a/:code/timelines', async (request, reply) => {
    const asked = await askGroup(ctx, request);
    if (!asked.ok) return sendTimelinesPage(request, reply, asked, 400);
    const { query, group, grant } = asked;
    if (query.selector === null || group === null) return sendTimelinesPage(request, reply, asked, 200);
    await auditGroupView(ctx, grant, request, shownRows(group).map((r) => r.timeline.childId));
    return sendTimelinesPage(request, reply, asked, 200, presentGroupTimeline(grant.scope.code, group, { selector: query.selector, view: query.view, search: query.search }));
  });

  // The full drawing, or with `size=small` the one the group's page shows on a phone.
  const groupPicture = (format: PictureFormat) => async (request: GroupRequest, reply: FastifyReply) => {
    const size = pictureSize(request.query.size);
    const asked = await askChosenGroup(ctx, request);
    if (!asked.ok) return sendTimelinesPage(request, reply, asked, 400);
    await auditGroupView(ctx, asked.grant, request, shownRows(asked.group).map((r) => r.timeline.childId));
    const svg = groupTimelineSvg(asked.group, { view: asked.query.view, size });
    return sendPicture(reply, ctx.heavy, userOf(request).username, svg, format, `${asked.grant.scope.code}-timelines-${asked.group.asAt.toString()}${size === 'small' ? '-small' : ''}`);
  };
  app.get<GroupRoute>('/a/:code/timelines.svg', groupPicture('svg'));
  app.get<GroupRoute>('/a/:code/timelines.png', groupPicture('png'));

  app.get<GroupRoute>('/a/:code/timelines/print', async (request, reply) => {
    const asked = await askChosenGroup(ctx, request);
    if (!asked.ok) return sendTimelinesPage(request, reply, asked, 400);
    const { grant, group, query } = asked;
    const timelines = shownRows(group).map((r) => r.timeline);
    await auditGroupView(ctx, grant, request, timelines.map((t) => t.childId));
    const back = { href: timelinesHref(grant.scope.code, '', query.search), text: 'Back to the group' };
    return sendPage(reply, TimelinePrintPage({ model: { title: `${group.title}, ready to print`, back, notes: groupTimelineNotes(group, query.selector), sheets: timelines.map(presentTimelineSheet) } }));
  });
}

/** A timeline picture's `size`: "small" (a phone's, as its page shows it there), or the full drawing when not given. */
function pictureSize(size: unknown): 'full' | 'small' {
  if (size === undefined) return 'full';
  if (size === 'small') return 'small';
  throw new HttpError(400, 'The size of a timeline picture is "small", or not given for the full drawing.');
}

/** The child's timeline as at the asked date, with the view audited; 404 for a child or authority the user cannot see. */
async function viewChildTimeline(ctx: WebContext, request: ChildRequest): Promise<{ grant: UserGrant; timeline: ChildTimeline }> {
  const grant = grantFor(userOf(request), request.params.code);
  const asAt = parseAsAt(request.query.as_at, ctx.today());
  if (!asAt.ok) throw new HttpError(400, asAt.error.message);
  const record = await findChildRecord(ctx.connection, grant.scope, request.params.childId);
  if (!record) throw new HttpError(404, 'Page not found');
  const aims = await listAims(ctx.connection, grant.scope);
  await auditViews(ctx, grant, request, [record.child.childId]);
  return { grant, timeline: childTimeline(record, { asAt: asAt.value, aims }) };
}

type Asked = { readonly grant: UserGrant; readonly form: GroupFormModel };
type AskedGroup = (Asked & { readonly ok: true; readonly query: GroupQuery; readonly group: GroupTimeline | null }) | (Asked & { readonly ok: false });

/** Reads the group form, and when it names a group, draws the group's model as at its date. */
async function askGroup(ctx: WebContext, request: GroupRequest): Promise<AskedGroup> {
  const grant = grantFor(userOf(request), request.params.code);
  const values = readGroupForm(request.query);
  const asAt = parseAsAt(values.as_at, ctx.today());
  const figures = await ctx.cache.figures(grant, asAt.ok ? asAt.value : ctx.today());
  const records = await ctx.cache.records(grant, figures);
  const aims = figures.aims.map((r) => r.aim);
  const siblingGroups = ctx.cache.made(figures, 'timelines/sibling-groups', () => siblingGroupsOf(records));
  const parsed = parseGroupQuery(values, { aims, siblingGroups: siblingGroups.map((g) => g.name), asAtText: asAt.text });
  // In the order of the form: the group, how to show it, then the date.
  const errors = [...(parsed.ok ? [] : parsed.errors), ...(asAt.ok ? [] : [asAt.error])];
  const form: GroupFormModel = {
    action: authorityPath(grant.scope.code, '/timelines'),
    values: { ...values, as_at: asAt.text },
    aims: aims.map((a) => ({ value: a.id, label: a.name })),
    siblingGroups: siblingGroups.map((g) => ({ value: g.name, label: `${g.name} (${g.count} ${g.count === 1 ? 'child' : 'children'})` })),
    errors,
  };
  if (!parsed.ok || !asAt.ok) return { ok: false, grant, form };
  const { selector } = parsed.value;
  if (selector === null) return { ok: true, grant, form, query: parsed.value, group: null };
  const selection = selectGroup(records, selector, asAt.value);
  // The page draws the first children only: their timelines are all it works out, and its axis fits them.
  const group = groupTimeline(selection, { asAt: asAt.value, aims, alignment: groupAlignment(parsed.value.align, selection), limit: maxGroupLanes });
  return { ok: true, grant, form, query: parsed.value, group };
}

type ChosenGroup = Asked & { readonly ok: true; readonly query: GroupQuery & { readonly selector: GroupSelector }; readonly group: GroupTimeline };

/** As askGroup, for the downloads and the print page, which need a group: without one, the form says so. */
async function askChosenGroup(ctx: WebContext, request: GroupRequest): Promise<ChosenGroup | (Asked & { readonly ok: false })> {
  const asked = await askGroup(ctx, request);
  if (!asked.ok) return asked;
  const { query, group } = asked;
  if (query.selector === null || group === null) return { ok: false, grant: asked.grant, form: { ...asked.form, errors: [{ field: 'group', message: 'Choose which children to show' }] } };
  return { ...asked, query: { ...query, selector: query.selector }, group };
}

function sendTimelinesPage(request: GroupRequest, reply: FastifyReply, asked: Asked, status: 200 | 400, group: GroupTimelineModel | null = null): FastifyReply {
  return sendPage(reply, TimelinesPage({ chrome: chromeOf(request, reply, asked.grant), form: asked.form, group }), status);
}

/** The authority's sibling groups, by name, with how many children each has. */
function siblingGroupsOf(records: readonly { readonly child: { readonly siblingGroup: string | null } }[]): { name: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const { child } of records) if (child.siblingGroup !== null && child.siblingGroup !== '') counts.set(child.siblingGroup, (counts.get(child.siblingGroup) ?? 0) + 1);
  return [...counts].map(([name, count]) => ({ name, count })).sort((a, b) => compareNames(a.name, b.name));
}

/** Each child shown is a view of their record (docs/domain.md, "Data protection"). */
async function auditViews(ctx: WebContext, grant: UserGrant, request: FastifyRequest, childIds: readonly string[]): Promise<void> {
  const { username } = userOf(request);
  for (const recordId of childIds) await appendAudit(ctx.connection, grant.scope, { username, action: 'view', entity: 'child', recordId, clientIp: request.ip });
}

/**
 * A group's timelines: one entry for the list, with the address that chose the group, and, as
 * each child's timeline is drawn whole, a view of each child's record (decision 0007), so that a
 * search of the log by child finds it.
 */
async function auditGroupView(ctx: WebContext, grant: UserGrant, request: FastifyRequest, childIds: readonly string[]): Promise<void> {
  await auditListView(ctx.connection, grant.scope, request, userOf(request).username, 'group-timeline');
  await auditViews(ctx, grant, request, childIds);
}
