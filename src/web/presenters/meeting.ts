/**
 * A meeting's page (issue 20, point 2): the actions it agreed and those of earlier meetings still
 * open after the previous one, each with its owner, due date and state as at today; who was there;
 * and, for those who may change improvement work, the forms to add an action and record who came.
 * Also an aim group in words, for the aim's page.
 */
import { compareDates, isAfter, isBefore, longDate, type PlainDate } from '../../domain/date.js';
import { personWords, type AimGroup, type GroupPerson } from '../../domain/improvement/aim-group.js';
import { actionsOfMeeting, type MeetingAction } from '../../domain/improvement/meeting-actions.js';
import type { MeetingWindow } from '../../domain/improvement/meeting-window.js';
import type { PersonChoice } from '../forms/group-forms.js';
import type { Option } from '../views/components.js';

export interface ActionView {
  readonly number: number;
  /** "A1: Draft the legal advice referral form". */
  readonly title: string;
  readonly owner: string;
  readonly due: string;
  /** Its state as at today. */
  readonly state: { readonly text: string; readonly colour: 'red' | 'yellow' | 'green' | 'grey' };
  /** For an action of an earlier meeting, the day it was agreed: "10 February 2021". */
  readonly agreed: string | null;
  /** Where to post to mark it done; null when it is done, cannot be done yet, or the reader may not. */
  readonly doneAction: string | null;
  readonly editHref: string | null;
}

/** Options of a form's list of people: their key, and their name. */
export function personOptions(choices: readonly PersonChoice[]): Option[] {
  return choices.map((c) => ({ value: c.key, label: personWords(c.person) }));
}

/** The day "Mark done" records on the page of the meeting on `date`: its day, or today for a meeting still to come. */
export function markDoneDate(date: PlainDate, today: PlainDate): PlainDate {
  return isAfter(date, today) ? today : date;
}

function actionState(action: MeetingAction, today: PlainDate): ActionView['state'] {
  if (action.done) return { text: `Done ${longDate(action.done)}`, colour: 'green' };
  const order = compareDates(action.due, today);
  if (order < 0) return { text: 'Overdue', colour: 'red' };
  if (order === 0) return { text: 'Due today', colour: 'yellow' };
  return { text: 'Open', colour: 'grey' };
}

export interface MeetingActionsModel {
  readonly agreed: readonly ActionView[];
  readonly earlier: readonly ActionView[];
}

/**
 * The actions of the meeting in `window` as its page lists them; `base` is the page's address, and
 * `canChange` whether the reader may mark them done and change them.
 */
export function presentMeetingActions(actions: readonly MeetingAction[], window: MeetingWindow, today: PlainDate, base: string, canChange: boolean): MeetingActionsModel {
  const doneOn = markDoneDate(window.to, today);
  const view = (action: MeetingAction, earlier: boolean): ActionView => ({
    number: action.number,
    title: `A${action.number}: ${action.text}`,
    owner: personWords(action.owner),
    due: longDate(action.due),
    state: actionState(action, today),
    agreed: earlier ? longDate(action.raisedAt) : null,
    doneAction: canChange && action.done === null && !isBefore(doneOn, action.raisedAt) ? `${base}/actions/${action.number}/done` : null,
    editHref: canChange ? `${base}/actions/${action.number}` : null,
  });
  const { agreed, earlier } = actionsOfMeeting(actions, window);
  return { agreed: agreed.map((a) => view(a, false)), earlier: earlier.map((a) => view(a, true)) };
}

/** An aim's group in words: its lead and members, or null for a group nobody has named. */
export function presentAimGroup(group: AimGroup | null): { lead: string | null; members: readonly string[] } | null {
  if (!group || (group.lead === null && group.members.length === 0)) return null;
  return { lead: group.lead && personWords(group.lead), members: group.members.map((m: GroupPerson) => personWords(m)) };
}
