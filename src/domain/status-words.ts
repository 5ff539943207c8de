/**
 * The six statuses and the reasons a child leaves a journey, in the words a team manager uses
 * (docs/measurement.md, "Status and figures"). Pages, lists, files and the meeting pack all say
 * them the same way.
 */
import type { AimSubject } from './aim.js';
import { eventTypeLabels } from './codes.js';
import type { JourneyKind, LeaveReason } from './journey.js';
import { measureWords } from './measure-definition.js';
import type { JourneyStatus } from './status.js';

/** Short labels, for a tag or a column. */
export const statusLabels: Readonly<Record<JourneyStatus, string>> = {
  in_time: 'In time',
  late: 'Late',
  overdue: 'Overdue',
  waiting: 'Waiting',
  left_late: 'Left after the timescale',
  left_early: 'Left within the timescale',
};

/** The milestone each kind of journey waits for, as a noun phrase: "a permanence recommendation". */
export const milestoneWords: Readonly<Record<JourneyKind, string>> = {
  'at-home': 'a review of the time at home',
  accommodation: 'a permanence recommendation',
  recommendation: 'an Agency Decision Maker decision',
  adm: 'an application to court',
};

/** The milestone an aim's journeys wait for: a national kind's, or a local measure's end events. */
export function milestoneOf(subject: AimSubject): string {
  return typeof subject === 'string' ? milestoneWords[subject] : measureWords(subject).milestone;
}

/** What each status means for a journey of an aim (its national kind or local measure), in one plain sentence. */
export function statusMeaning(status: JourneyStatus, subject: AimSubject): string {
  if (typeof subject !== 'string' && subject.start.kind === 'planned') return plannedStatusMeaning[status];
  const milestone = milestoneOf(subject);
  switch (status) {
    case 'in_time':
      return `Had ${milestone} within the timescale.`;
    case 'late':
      return `Had ${milestone}, but after the timescale.`;
    case 'overdue':
      return `Still waiting for ${milestone}, past the timescale.`;
    case 'waiting':
      return `Still waiting for ${milestone}, within the timescale: not counted for or against the aim yet.`;
    case 'left_late':
      return `Left after the timescale without ${milestone} (left care, moved, turned 18 or the plan was replaced): counts against the aim.`;
    case 'left_early':
      return `Left within the timescale without ${milestone}: not counted in the percentage, but listed so that nobody vanishes.`;
    default:
      return unreachable(status);
  }
}

/** The statuses of a measure from planned dates (a cancelled event is "left" within the timescale: listed, not counted). */
const plannedStatusMeaning: Readonly<Record<JourneyStatus, string>> = {
  in_time: 'Held within the timescale of its planned date.',
  late: 'Held, but later than the timescale allows after its planned date.',
  overdue: 'Planned, past the timescale, and not recorded as held.',
  waiting: 'Planned, not yet held, and still within the timescale: not counted for or against the aim yet.',
  left_late: 'Stopped after the timescale without being held (the child left care or turned 18): counts against the aim.',
  left_early: 'Cancelled, or the child left care before it was due: not counted in the percentage, but listed with the reason.',
};

/** Why one child left a journey of an aim: "moved home while still looked after". */
export function leaveReasonWords(reason: LeaveReason, subject: AimSubject): string {
  const start = typeof subject === 'string' ? null : subject.start;
  switch (reason) {
    case 'run-ended':
      if (subject === 'at-home' || start?.kind === 'at-home') return 'moved away from home while still looked after';
      if (start?.kind === 'at-home-or-kinship') return 'moved away from home and kinship care while still looked after';
      return 'moved home while still looked after';
    case 'left-care':
      return 'ceased to be looked after';
    case 'turned-18':
      return 'turned 18';
    case 'superseded':
      if (start?.kind === 'event') return `replaced by a later ${eventTypeLabels[start.type].charAt(0).toLowerCase()}${eventTypeLabels[start.type].slice(1)}`;
      return subject === 'adm' ? 'replaced by a later ADM decision' : 'replaced by a later recommendation';
    case 'cancelled':
      return 'cancelled';
    default:
      return unreachable(reason);
  }
}

function unreachable(value: never): never {
  throw new Error(`unhandled: ${String(value)}`);
}
