/**
 * The aims' due dates on a child's timeline: for each of the authority's aims, each of the child's
 * journeys that the aim measures (measuredJourneys: its kind and its filters), with the day it was
 * due and whether it was met, as at the timeline's date.
 */
import { measuredJourneys, type CohortStatus } from './aim-figures.js';
import { aimSubject, type Aim } from './aim.js';
import { daysBetween, isAfter, isBefore, type PlainDate } from './date.js';
import type { JourneyKind } from './journey.js';
import type { ChildRecord } from './records.js';
import { describeTimescale } from './timescale.js';
import { durationWords } from './timeline-gaps.js';
import { milestoneOf } from './status-words.js';

export interface TimelineDueDate {
  readonly aimId: string;
  /** "Aim 2: permanence recommendation". */
  readonly aimName: string;
  readonly kind: JourneyKind | 'measure';
  readonly journeyStart: PlainDate;
  /** The last day within the aim's timescale. */
  readonly due: PlainDate;
  readonly status: CohortStatus;
  /** "Permanence recommendation due (26 weeks)". */
  readonly label: string;
  /** "met", "missed by 3 weeks", "overdue by 10 weeks", "due in 5 weeks", "left 4 weeks after it was due". */
  readonly outcome: string;
}

/** What each kind of journey is waiting for, in plain words. */
const awaited: Readonly<Record<JourneyKind, string>> = {
  'at-home': 'Review of the time at home',
  accommodation: 'Permanence recommendation',
  recommendation: 'Agency decision maker decision',
  adm: 'Application to court',
};

/**
 * Due dates of the journeys that started within the timeline's span, in date order. A due date
 * after the span's end is kept (a wait still ahead, or a milestone reached early).
 */
export function timelineDueDates(record: ChildRecord, aims: readonly Aim[], span: { readonly asAt: PlainDate; readonly start: PlainDate; readonly end: PlainDate }): TimelineDueDate[] {
  const dueDates: TimelineDueDate[] = [];
  for (const aim of aims) {
    for (const measured of measuredJourneys(aim, [record], span.asAt)) {
      const { journey, status, due } = measured;
      // A child who left before the milestone was due no longer owes it: no due date is drawn.
      if (status === 'left_early') continue;
      if (isBefore(journey.start, span.start) || isAfter(journey.start, span.end)) continue;
      dueDates.push({
        aimId: aim.id,
        aimName: aim.name,
        kind: aim.kind,
        journeyStart: journey.start,
        due,
        status,
        label: `${awaitedOf(aim)} due (${describeTimescale(aim.timescale)})`,
        outcome: outcomeWords(status, due, journey.end ?? journey.leave, span.asAt),
      });
    }
  }
  return dueDates.sort((a, b) => daysBetween(b.due, a.due) || (a.aimId < b.aimId ? -1 : a.aimId > b.aimId ? 1 : 0));
}

/** `stop` is the journey's end, or its leave date for a child who left. */
function outcomeWords(status: CohortStatus, due: PlainDate, stop: PlainDate | null, asAt: PlainDate): string {
  switch (status) {
    case 'in_time':
      return 'met';
    case 'late':
      return `missed by ${durationWords(daysBetween(due, stop as PlainDate))}`;
    case 'overdue':
      return `overdue by ${durationWords(daysBetween(due, asAt))}`;
    case 'waiting':
      return daysBetween(asAt, due) === 0 ? 'due today' : `due in ${durationWords(daysBetween(asAt, due))}`;
    case 'left_late':
      return `left ${durationWords(daysBetween(due, stop as PlainDate))} after it was due, without it`;
    case 'left_early':
      return 'left before it was due (not drawn)';
    default:
      return unreachable(status);
  }
}

function unreachable(value: never): never {
  throw new Error(`unhandled status: ${String(value)}`);
}

/** "Permanence recommendation", or a local measure's end: "A permanence planning meeting". */
function awaitedOf(aim: Aim): string {
  const subject = aimSubject(aim);
  if (typeof subject === 'string') return awaited[subject];
  const words = milestoneOf(subject);
  return `${words.charAt(0).toUpperCase()}${words.slice(1)}`;
}
