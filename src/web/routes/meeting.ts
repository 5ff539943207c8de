/**
 * A meeting's page (read by everyone who sees the authority) with its actions and who was there;
 * adding, changing and marking done an action and recording who came (practitioners and above).
 * The store audits each change in the transaction that makes it (store/aim-groups.ts).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { longDate, parseDate, type PlainDate } from '../../domain/date.js';
import { groupPeople, personWords, type GroupPerson } from '../../domain/improvement/aim-group.js';
import { actionErrors, type MeetingAction } from '../../domain/improvement/meeting-actions.js';
import { previousMeeting, type MeetingWindow } from '../../domain/improvement/meeting-window.js';
import { addAction, findAction, findAttendance, listActions, listAimGroups, listMeetings, recordHistory, saveAction, saveAttendance, type Meeting, type UserGrant } from '../../store/index.js';
import { grantFor, may } from '../auth/access.js';
import type { WebContext } from '../context.js';
import { HttpError } from '../errors.js';
import { actionFieldError, actionToForm, attendanceToForm, choicesOf, parseActionForm, parseAttendanceForm, type PersonChoice } from '../forms/group-forms.js';
import type { FormValues, ListValues } from '../forms/improvement-forms.js';
import { markDoneDate, personOptions, presentMeetingActions } from '../presenters/meeting.js';
import { chromeOf, sendPage, userOf } from '../render.js';
import type { FieldError } from '../views/components.js';
import { authorityPath } from '../views/layout.js';
import { ActionForm, MeetingPage } from '../views/meeting.js';
import { packHref } from './packs.js';

type MeetingParams = { Params: { code: string; date: string }; Querystring: Record<string, string> };
type ActionParams = { Params: { code: string; date: string; n: string } };

const noticeQuery = z.object({
  saved: z
    .string()
    .regex(/^(attendance|A\d{1,9})$/)
    .optional()
    .catch(undefined),
  done: z
    .string()
    .regex(/^A\d{1,9}$/)
    .optional()
    .catch(undefined),
});

/** A meeting's page. */
export function meetingHref(code: string, date: PlainDate): string {
  return authorityPath(code, `/meetings/${date.toString()}`);
}

interface MeetingContext {
  readonly meeting: Meeting;
  readonly window: MeetingWindow;
  readonly base: string;
}

interface FormState {
  readonly values: FormValues;
  readonly lists: ListValues;
  readonly errors: readonly FieldError[];
}

export function registerMeetingRoutes(app: FastifyInstance, ctx: WebContext): void {
  const meetingOf = async (grant: UserGrant, dateText: string): Promise<MeetingContext> => {
    const parsed = parseDate(dateText);
    const meetings = parsed.ok && /^\d{4}-\d{2}-\d{2}$/.test(dateText) ? await listMeetings(ctx.connection, grant.scope) : [];
    const meeting = meetings.find((m) => m.date.toString() === dateText);
    if (!meeting) throw new HttpError(404, 'Page not found');
    const previous = previousMeeting(
      meetings.map((m) => m.date),
      meeting.date,
    );
    return { meeting, window: { after: previous, to: meeting.date }, base: meetingHref(grant.scope.code, meeting.date) };
  };

  /** The aim groups' members: the people the forms offer as owners, and to tick as there. */
  const groupMembers = async (grant: UserGrant): Promise<GroupPerson[]> => groupPeople((await listAimGroups(ctx.connection, grant.scope)).map((g) => g.group));

  /** The people the attendance form offers: the groups' members, and any pace user recorded as there (who cannot be typed). */
  const attendanceChoices = (members: readonly GroupPerson[], attendance: readonly GroupPerson[] | null): PersonChoice[] => choicesOf([...members, ...(attendance ?? []).filter((p) => p.kind === 'user')]);

  /** An action listed on the meeting's page: agreed at it or before it. */
  const actionOf = async (grant: UserGrant, meeting: MeetingContext, n: string): Promise<MeetingAction> => {
    const number = /^\d{1,9}$/.test(n) ? Number(n) : 0;
    const action = number > 0 ? await findAction(ctx.connection, grant.scope, number) : null;
    if (!action || action.raisedAt.toString() > meeting.meeting.date.toString()) throw new HttpError(404, 'Page not found');
    return action;
  };

  const showMeeting = async (request: FastifyRequest, reply: FastifyReply, grant: UserGrant, meeting: MeetingContext, form: FormState | null, notice: string | null) => {
    const code = grant.scope.code;
    const canChange = may(grant, 'improve');
    const [actions, attendance, members] = await Promise.all([listActions(ctx.connection, grant.scope), findAttendance(ctx.connection, grant.scope, meeting.meeting.date), groupMembers(grant)]);
    const today = ctx.today();
    const presented = presentMeetingActions(actions, meeting.window, today, meeting.base, canChange);
    const doneOn = markDoneDate(meeting.meeting.date, today);
    const offered = attendanceChoices(members, attendance);
    const stored = attendanceToForm(attendance ?? [], offered);
    const anyDone = [...presented.agreed, ...presented.earlier].some((a) => a.doneAction !== null);
    const { date, title, notes } = meeting.meeting;
    return sendPage(
      reply,
      MeetingPage({
        chrome: chromeOf(request, reply, grant, 'improvement'),
        model: {
          title: `${title}, ${longDate(date)}`,
          notes,
          previousWords: meeting.window.after ? `The previous meeting was on ${longDate(meeting.window.after)}.` : 'This is the first meeting recorded.',
          packHref: packHref(code, date),
          pdfHref: packHref(code, date, 'making'),
          meetingsHref: authorityPath(code, '/meetings'),
          actions: presented,
          doneWords: anyDone ? `Mark done records the action as done on ${longDate(doneOn)}${doneOn.equals(date) ? ', the day of this meeting' : ', today'}; to give another day, change the action.` : null,
          attendance: attendance && attendance.map(personWords),
          forms: canChange
            ? {
                addAction: `${meeting.base}/actions`,
                attendance: `${meeting.base}/attendance`,
                people: personOptions(choicesOf(members)),
                noGroups: members.length === 0 ? 'No aim has a group yet: name each group on its aim’s page.' : null,
              }
            : null,
          values: { ...stored.values, ...form?.values },
          lists: { ...stored.lists, ...form?.lists },
          errors: form?.errors ?? [],
          notice,
        },
      }),
      form?.errors.length ? 400 : 200,
    );
  };

  app.get<MeetingParams>('/a/:code/meetings/:date', async (request, reply) => {
    const grant = grantFor(userOf(request), request.params.code);
    const meeting = await meetingOf(grant, request.params.date);
    const { saved, done } = noticeQuery.parse(request.query);
    const notice = saved === 'attendance' ? 'Who was there is saved.' : saved ? `Action ${saved} saved.` : done ? `Action ${done} marked done.` : null;
    return showMeeting(request, reply, grant, meeting, null, notice);
  });

  app.post<MeetingParams>('/a/:code/meetings/:date/attendance', async (request, reply) => {
    const user = userOf(request);
    const grant = grantFor(user, request.params.code, 'improve');
    const meeting = await meetingOf(grant, request.params.date);
    const [members, attendance] = await Promise.all([groupMembers(grant), findAttendance(ctx.connection, grant.scope, meeting.meeting.date)]);
    const { values, lists, result } = parseAttendanceForm(request.body, attendanceChoices(members, attendance));
    if (!result.ok) return showMeeting(request, reply, grant, meeting, { values, lists, errors: result.errors }, null);
    await saveAttendance(ctx.connection, grant.scope, meeting.meeting.date, result.value, { by: user.username }, { clientIp: request.ip });
    return reply.redirect(`${meeting.base}?saved=attendance#attendance`, 303);
  });

  app.post<MeetingParams>('/a/:code/meetings/:date/actions', async (request, reply) => {
    const user = userOf(request);
    const grant = grantFor(user, request.params.code, 'improve');
    const meeting = await meetingOf(grant, request.params.date);
    const owners = choicesOf(await groupMembers(grant));
    const { values, result } = parseActionForm(request.body, owners, meeting.meeting.date, ctx.today(), false);
    if (!result.ok) return showMeeting(request, reply, grant, meeting, { values, lists: {}, errors: result.errors }, null);
    const number = await addAction(ctx.connection, grant.scope, meeting.meeting.date, result.value, { by: user.username }, { clientIp: request.ip });
    return reply.redirect(`${meeting.base}?saved=A${number}#action-${number}`, 303);
  });

  const showActionForm = async (request: FastifyRequest, reply: FastifyReply, grant: UserGrant, meeting: MeetingContext, action: MeetingAction, owners: readonly PersonChoice[], values: FormValues, errors: readonly FieldError[]) => {
    const history = await recordHistory(ctx.connection, grant.scope, 'meeting-action', `A${action.number}`);
    return sendPage(
      reply,
      ActionForm({
        chrome: chromeOf(request, reply, grant, 'improvement'),
        model: {
          title: `Change action A${action.number}`,
          agreedWords: `Agreed at the meeting on ${longDate(action.raisedAt)}.`,
          action: `${meeting.base}/actions/${action.number}`,
          cancelHref: `${meeting.base}#action-${action.number}`,
          people: personOptions(owners),
          values,
          errors,
          history: history.map((h) => `${h.changedAt.slice(0, 10)}: changed by ${h.changedBy}`),
        },
      }),
      errors.length ? 400 : 200,
    );
  };

  /** The owners the form offers for an action: the groups' members, and its owner as it stands. */
  const ownersFor = async (grant: UserGrant, action: MeetingAction): Promise<PersonChoice[]> => choicesOf([...(await groupMembers(grant)), action.owner]);

  app.get<ActionParams>('/a/:code/meetings/:date/actions/:n', async (request, reply) => {
    const grant = grantFor(userOf(request), request.params.code, 'improve');
    const meeting = await meetingOf(grant, request.params.date);
    const action = await actionOf(grant, meeting, request.params.n);
    const owners = await ownersFor(grant, action);
    return showActionForm(request, reply, grant, meeting, action, owners, actionToForm(action, owners), []);
  });

  app.post<ActionParams>('/a/:code/meetings/:date/actions/:n', async (request, reply) => {
    const user = userOf(request);
    const grant = grantFor(user, request.params.code, 'improve');
    const meeting = await meetingOf(grant, request.params.date);
    const action = await actionOf(grant, meeting, request.params.n);
    const owners = await ownersFor(grant, action);
    const { values, result } = parseActionForm(request.body, owners, action.raisedAt, ctx.today(), true);
    if (!result.ok) return showActionForm(request, reply, grant, meeting, action, owners, values, result.errors);
    await saveAction(ctx.connection, grant.scope, { ...action, ...result.value }, { by: user.username }, { clientIp: request.ip });
    return reply.redirect(`${meeting.base}?saved=A${action.number}#action-${action.number}`, 303);
  });

  app.post<ActionParams>('/a/:code/meetings/:date/actions/:n/done', async (request, reply) => {
    const user = userOf(request);
    const grant = grantFor(user, request.params.code, 'improve');
    const meeting = await meetingOf(grant, request.params.date);
    const action = await actionOf(grant, meeting, request.params.n);
    if (action.done === null) {
      const done = markDoneDate(meeting.meeting.date, ctx.today());
      const refused = actionErrors({ ...action, done }, action.raisedAt, ctx.today())[0];
      if (refused) throw new HttpError(400, actionFieldError(refused).message);
      await saveAction(ctx.connection, grant.scope, { ...action, done }, { by: user.username }, { clientIp: request.ip });
    }
    return reply.redirect(`${meeting.base}?done=A${action.number}#action-${action.number}`, 303);
  });
}
