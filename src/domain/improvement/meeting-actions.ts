/**
 * The actions a champions' group agrees at its meetings (issue 20, point 2): what is to be done, by
 * whom, by when, and when it was done. The next meeting's pack reviews them: those due by the
 * meeting and not done, and those done since the previous one (docs/decisions/0025-aim-groups.md).
 */
import { compareDates, isAfter, isBefore, type PlainDate } from '../date.js';
import type { GroupPerson } from './aim-group.js';
import type { MeetingWindow } from './meeting-window.js';

export interface MeetingAction {
  /** The authority's number for it: A1, A2… */
  readonly number: number;
  /** The date of the meeting that agreed it. */
  readonly raisedAt: PlainDate;
  readonly text: string;
  readonly owner: GroupPerson;
  readonly due: PlainDate;
  /** The day it was done; null while it is open. */
  readonly done: PlainDate | null;
}

export type ActionDetails = Omit<MeetingAction, 'number' | 'raisedAt'>;

export type ActionError =
  | { readonly code: 'due-before-meeting'; readonly due: PlainDate; readonly raisedAt: PlainDate }
  | { readonly code: 'done-before-meeting'; readonly done: PlainDate; readonly raisedAt: PlainDate }
  | { readonly code: 'done-after-today'; readonly done: PlainDate; readonly today: PlainDate };

/**
 * What is wrong with an action agreed at the meeting on `raisedAt`: it cannot fall due before that
 * meeting, nor be done before it or after today.
 */
export function actionErrors(details: ActionDetails, raisedAt: PlainDate, today: PlainDate): ActionError[] {
  const errors: ActionError[] = [];
  if (isBefore(details.due, raisedAt)) errors.push({ code: 'due-before-meeting', due: details.due, raisedAt });
  if (details.done && isBefore(details.done, raisedAt)) errors.push({ code: 'done-before-meeting', done: details.done, raisedAt });
  if (details.done && isAfter(details.done, today)) errors.push({ code: 'done-after-today', done: details.done, today });
  return errors;
}

/** Not done on `date`: never done, or done after it. */
export function isOpenOn(action: MeetingAction, date: PlainDate): boolean {
  return action.done === null || isAfter(action.done, date);
}

export interface DueAction {
  readonly action: MeetingAction;
  /** Due on or before the previous meeting: it was already overdue then. */
  readonly overdueBefore: boolean;
}

export interface ActionsReview {
  /** Due by the meeting and not done on its day, the longest overdue first. */
  readonly due: readonly DueAction[];
  /** Done after the previous meeting and up to this one (every one done by it, at the first meeting), in the order done. */
  readonly done: readonly MeetingAction[];
}

/** The actions a meeting reviews, as they stood on its day (`window.to`). */
export function actionsReview(actions: readonly MeetingAction[], window: MeetingWindow): ActionsReview {
  const agreed = actions.filter((a) => !isAfter(a.raisedAt, window.to));
  const due = agreed
    .filter((a) => isOpenOn(a, window.to) && !isAfter(a.due, window.to))
    .sort((a, b) => compareDates(a.due, b.due) || a.number - b.number)
    .map((action) => ({ action, overdueBefore: window.after !== null && !isAfter(action.due, window.after) }));
  const done = agreed
    .filter((a) => a.done !== null && !isAfter(a.done, window.to) && (window.after === null || isAfter(a.done, window.after)))
    .sort((a, b) => compareDates(a.done as PlainDate, b.done as PlainDate) || a.number - b.number);
  return { due, done };
}

/**
 * The actions a meeting's page lists: those it agreed, and those agreed earlier that were still
 * open after the previous meeting (open now, or done since), so they can be marked done there.
 */
export function actionsOfMeeting(actions: readonly MeetingAction[], window: MeetingWindow): { agreed: MeetingAction[]; earlier: MeetingAction[] } {
  const byNumber = (a: MeetingAction, b: MeetingAction) => a.number - b.number;
  const day = window.to.toString();
  return {
    agreed: actions.filter((a) => a.raisedAt.toString() === day).sort(byNumber),
    earlier: actions.filter((a) => isBefore(a.raisedAt, window.to) && (a.done === null || window.after === null || isAfter(a.done, window.after))).sort((a, b) => compareDates(a.due, b.due) || byNumber(a, b)),
  };
}
