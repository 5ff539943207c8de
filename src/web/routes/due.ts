/**
 * What is due, for the authority, a worker or a team (read by everyone); a worker's calendar feeds
 * (made and revoked by practitioners and above); the schedule rules and the digests' addresses
 * (data leads and admins).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { nextTurn } from '../../app/turns.js';
import { z } from 'zod';
import { eventTypeLabels } from '../../domain/codes.js';
import type { PlainDate } from '../../domain/date.js';
import { childrenDueInParts, type DueChild } from '../../domain/reminders/due-list.js';
import { isScheduleRuleId, resolveSchedule, ruleMeanings, type ScheduleRule } from '../../domain/reminders/schedule.js';
import { planDigests } from '../../domain/reminders/digest.js';
import { allocationChanges, listAims, listCalendarFeeds, listContacts, listScheduleRules, removeContact, revokeCalendarFeed, saveScheduleRule, setContact, type UserGrant } from '../../store/index.js';
import { grantFor, may } from '../auth/access.js';
import { calendarPath, createCalendarFeed } from '../../app/calendar-feeds.js';
import type { WebContext } from '../context.js';
import { HttpError } from '../errors.js';
import { auditListView } from '../list-audit.js';
import { asAtMessage, parseAsAt } from '../forms/as-at.js';
import { readQuery, type QueryWords } from '../forms/query.js';
import { blankContactForm, parseContactForm, type ContactFormValues } from '../forms/contact-form.js';
import { parseScheduleRuleForm, scheduleRuleToForm, type ScheduleRuleFormValues } from '../forms/schedule-rule-form.js';
import { defaultWindowDays, dueHref, dueQuery, presentDuePage, presentFeeds } from '../presenters/due.js';
import { chromeOf, sendPage, userOf } from '../render.js';
import type { FieldError } from '../views/components.js';
import { CalendarFeedMadePage, DuePage } from '../views/due.js';
import { authorityPath } from '../views/layout.js';
import { ContactsPage } from '../views/contacts.js';
import { ScheduleRuleForm, ScheduleRulesPage } from '../views/schedule-rules.js';

/** What the due page says of a value in its query it cannot use. */
const dueQueryWords: QueryWords = {
  as_at: asAtMessage,
  worker: (entered) => `Choose a worker from the list (you entered ${entered})`,
  team: (entered) => `Choose a team from the list (you entered ${entered})`,
  window: (entered) => `Enter the days for ‘Due within’ as a whole number from 0 to 366, such as 14 (you entered ${entered})`,
  revoked: (entered) => `A revoked calendar feed is named by its number (you entered ${entered})`,
};

const workerForm = z.object({ worker: z.string().trim().min(1).max(200) });
const savedQuery = z.object({ saved: z.string().max(40).optional() });

export function registerDueRoutes(app: FastifyInstance, ctx: WebContext): void {
  /**
   * Every child's open items as at `asAt`, computed once per data version, rules and window, each
   * child with the worker and team allocated to them on `asAt` (decision 0009).
   */
  const dueChildren = async (grant: UserGrant, asAt: PlainDate, windowDays: number) => {
    const figures = await ctx.cache.figures(grant, asAt);
    const [records, rules] = await Promise.all([ctx.cache.allocatedRecords(grant, figures), listScheduleRules(ctx.connection, grant.scope)]);
    // Worked out a part at a time, the server answering other requests in between.
    const children = await ctx.cache.made<Promise<DueChild[]>>(figures, `due|${windowDays}|${JSON.stringify(rules)}`, () =>
      childrenDueInParts(
        records,
        resolveSchedule(
          rules,
          figures.aims.map((a) => a.aim),
        ),
        asAt,
        windowDays,
        () => nextTurn(),
      ),
    );
    return { records, children };
  };

  app.get<{ Params: { code: string }; Querystring: Record<string, string> }>('/a/:code/due', async (request, reply) => {
    const user = userOf(request);
    const grant = grantFor(user, request.params.code);
    const query = readQuery(dueQuery, request.query, dueQueryWords);
    const asAt = parseAsAt(query.value.as_at, ctx.today());
    const asAtDate = asAt.ok ? asAt.value : ctx.today();
    const errors = [...(asAt.ok ? [] : [asAt.error]), ...query.errors];
    const { records, children } = await dueChildren(grant, asAtDate, query.value.window);
    const filtered = query.value.worker !== '' || query.value.team !== '';
    const model = presentDuePage({ code: grant.scope.code, records, children, asAt: asAtDate, query: query.value, changes: filtered ? await allocationChanges(ctx.connection, grant.scope) : null });
    const worker = query.value.worker;
    const calendar =
      worker === ''
        ? null
        : {
            worker,
            feeds: presentFeeds(grant.scope.code, await listCalendarFeeds(ctx.connection, grant.scope, worker), may(grant, 'record')),
            createAction: may(grant, 'record') ? authorityPath(grant.scope.code, '/due/calendar') : null,
          };
    await auditListView(ctx.connection, grant.scope, request, user.username, 'due-list');
    const notice = query.value.revoked ? `Calendar feed ${query.value.revoked} is revoked: its address no longer works.` : null;
    return sendPage(
      reply,
      DuePage({
        chrome: chromeOf(request, reply, grant, 'due'),
        code: grant.scope.code,
        model,
        asAtValue: asAt.text,
        windowValue: query.entered.window ?? String(query.value.window),
        errors,
        notice,
        calendar,
        rulesHref: may(grant, 'set-aims') ? authorityPath(grant.scope.code, '/due/rules') : null,
        contactsHref: may(grant, 'set-aims') ? authorityPath(grant.scope.code, '/due/contacts') : null,
      }),
      errors.length ? 400 : 200,
    );
  });

  app.post<{ Params: { code: string } }>('/a/:code/due/calendar', async (request, reply) => {
    const user = userOf(request);
    const grant = grantFor(user, request.params.code, 'record');
    const form = workerForm.safeParse(request.body);
    if (!form.success) throw new HttpError(400, 'Name the worker whose calendar feed to make.');
    const worker = form.data.worker.replace(/\s+/g, ' ');
    const made = await createCalendarFeed(ctx.connection, grant.scope, worker, user.username);
    const url = `${request.protocol}://${request.host}${calendarPath(made.token)}`;
    return sendPage(reply, CalendarFeedMadePage({ chrome: chromeOf(request, reply, grant, 'due'), worker, id: made.id, url, backHref: dueHref(grant.scope.code, { worker }) }), 201);
  });

  app.post<{ Params: { code: string; id: string } }>('/a/:code/due/calendar/:id/revoke', async (request, reply) => {
    const user = userOf(request);
    const grant = grantFor(user, request.params.code, 'record');
    const id = Number(request.params.id);
    const feed = Number.isInteger(id) && id > 0 ? (await listCalendarFeeds(ctx.connection, grant.scope)).find((f) => f.id === id && f.revokedAt === null) : undefined;
    if (!feed) throw new HttpError(404, 'Page not found');
    await revokeCalendarFeed(ctx.connection, grant.scope, id, user.username);
    return reply.redirect(dueHref(grant.scope.code, { worker: feed.worker, revoked: String(id) }), 303);
  });

  registerScheduleRuleRoutes(app, ctx);
  registerContactRoutes(app, ctx, dueChildren);
}

function registerScheduleRuleRoutes(app: FastifyInstance, ctx: WebContext): void {
  const rulesHref = (grant: UserGrant) => authorityPath(grant.scope.code, '/due/rules');
  const ruleOf = async (grant: UserGrant, ruleId: string): Promise<ScheduleRule> => {
    const rule = isScheduleRuleId(ruleId) ? (await listScheduleRules(ctx.connection, grant.scope)).find((r) => r.id === ruleId) : undefined;
    if (!rule) throw new HttpError(404, 'Page not found');
    return rule;
  };
  const showForm = async (request: FastifyRequest, reply: FastifyReply, grant: UserGrant, rule: ScheduleRule, values: ScheduleRuleFormValues, errors: readonly FieldError[]) => {
    const meaning = ruleMeanings[rule.id];
    const aims = await listAims(ctx.connection, grant.scope);
    const aim = meaning.aim === null ? null : (aims.find((a) => a.nationalAim === meaning.aim && a.kind === meaning.start)?.name ?? `national aim ${meaning.aim}`);
    return sendPage(
      reply,
      ScheduleRuleForm({
        chrome: chromeOf(request, reply, grant, 'due'),
        title: `Change the rule: ${rule.name}`,
        action: authorityPath(grant.scope.code, `/due/rules/${rule.id}`),
        cancelHref: rulesHref(grant),
        values,
        errors,
        meaning: `Counted from ${meaning.startWords}; met by the event "${eventTypeLabels[meaning.metBy]}".`,
        followsAim: aim,
      }),
      errors.length ? 400 : 200,
    );
  };

  app.get<{ Params: { code: string }; Querystring: Record<string, string> }>('/a/:code/due/rules', async (request, reply) => {
    const grant = grantFor(userOf(request), request.params.code, 'set-aims');
    const { saved } = savedQuery.parse(request.query);
    const rules = await listScheduleRules(ctx.connection, grant.scope);
    const aims = await listAims(ctx.connection, grant.scope);
    const resolved = resolveSchedule(
      rules.map((r) => ({ ...r, enabled: true })),
      aims,
    );
    const model = {
      rules: rules.map((rule) => ({
        id: rule.id,
        name: rule.name,
        when: resolved.find((r) => r.rule.id === rule.id)?.words ?? '',
        metBy: eventTypeLabels[ruleMeanings[rule.id].metBy],
        inUse: rule.enabled,
        editHref: authorityPath(grant.scope.code, `/due/rules/${rule.id}`),
      })),
      dueHref: authorityPath(grant.scope.code, '/due'),
    };
    const savedRule = rules.find((r) => r.id === saved);
    return sendPage(reply, ScheduleRulesPage({ chrome: chromeOf(request, reply, grant, 'due'), model, notice: savedRule ? `"${savedRule.name}" saved. What is due now follows it.` : null }));
  });

  app.get<{ Params: { code: string; ruleId: string } }>('/a/:code/due/rules/:ruleId', async (request, reply) => {
    const grant = grantFor(userOf(request), request.params.code, 'set-aims');
    const rule = await ruleOf(grant, request.params.ruleId);
    return showForm(request, reply, grant, rule, scheduleRuleToForm(rule), []);
  });

  app.post<{ Params: { code: string; ruleId: string } }>('/a/:code/due/rules/:ruleId', async (request, reply) => {
    const user = userOf(request);
    const grant = grantFor(user, request.params.code, 'set-aims');
    const rule = await ruleOf(grant, request.params.ruleId);
    const { values, result } = parseScheduleRuleForm(request.body, rule);
    if (!result.ok) return showForm(request, reply, grant, rule, values, result.errors);
    await saveScheduleRule(ctx.connection, grant.scope, result.value, { by: user.username });
    return reply.redirect(`${rulesHref(grant)}?saved=${encodeURIComponent(rule.id)}`, 303);
  });
}

/** Where the weekly digests go (data leads and admins). */
function registerContactRoutes(app: FastifyInstance, ctx: WebContext, dueChildren: (grant: UserGrant, asAt: PlainDate, windowDays: number) => Promise<{ children: DueChild[] }>): void {
  const contactsHref = (grant: UserGrant) => authorityPath(grant.scope.code, '/due/contacts');
  const showPage = async (request: FastifyRequest, reply: FastifyReply, grant: UserGrant, values: ContactFormValues, errors: readonly FieldError[], notice: string | null) => {
    const today = ctx.today();
    const [contacts, { children }] = await Promise.all([listContacts(ctx.connection, grant.scope), dueChildren(grant, today, defaultWindowDays)]);
    // Whose digest could not be sent today: the same reckoning as pace digest's.
    const { withoutAddress } = planDigests(children, contacts, { authorityName: grant.authority.name, asAt: today, windowDays: defaultWindowDays, linkFor: () => null });
    const model = {
      contacts,
      withoutAddress,
      action: contactsHref(grant),
      removeAction: authorityPath(grant.scope.code, '/due/contacts/remove'),
      dueHref: authorityPath(grant.scope.code, '/due'),
    };
    return sendPage(reply, ContactsPage({ chrome: chromeOf(request, reply, grant, 'due'), model, values, errors, notice }), errors.length ? 400 : 200);
  };

  app.get<{ Params: { code: string }; Querystring: Record<string, string> }>('/a/:code/due/contacts', async (request, reply) => {
    const grant = grantFor(userOf(request), request.params.code, 'set-aims');
    const { saved, removed } = contactNoticeQuery.parse(request.query);
    const notice = saved ? `The address for ${saved} is saved.` : removed ? `The address for ${removed} is removed.` : null;
    return showPage(request, reply, grant, blankContactForm, [], notice);
  });

  app.post<{ Params: { code: string } }>('/a/:code/due/contacts', async (request, reply) => {
    const user = userOf(request);
    const grant = grantFor(user, request.params.code, 'set-aims');
    const { values, result } = parseContactForm(request.body);
    if (!result.ok) return showPage(request, reply, grant, values, result.errors, null);
    await setContact(ctx.connection, grant.scope, result.value, { by: user.username });
    return reply.redirect(`${contactsHref(grant)}?${new URLSearchParams({ saved: result.value.name }).toString()}`, 303);
  });

  app.post<{ Params: { code: string } }>('/a/:code/due/contacts/remove', async (request, reply) => {
    const grant = grantFor(userOf(request), request.params.code, 'set-aims');
    const form = removeContactForm.safeParse(request.body);
    if (!form.success) throw new HttpError(400, 'Choose an address to remove.');
    if (!(await removeContact(ctx.connection, grant.scope, form.data.kind, form.data.name))) throw new HttpError(404, 'Page not found');
    return reply.redirect(`${contactsHref(grant)}?${new URLSearchParams({ removed: form.data.name }).toString()}`, 303);
  });
}

const contactNoticeQuery = z.object({ saved: z.string().max(200).optional(), removed: z.string().max(200).optional() });
const removeContactForm = z.object({ kind: z.enum(['worker', 'team']), name: z.string().trim().min(1).max(200) });
