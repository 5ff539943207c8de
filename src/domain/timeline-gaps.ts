/**
 * The gaps of a child's timeline: the time between consecutive decisions on the path to
 * permanence, and from becoming looked after away from home to the first decision after it
 * ("gaps in the timeline provide a crucial visual representation of how much time has passed").
 * While the child is still looked after and no order has been granted, the time since the last
 * decision is a gap too, still growing.
 */
import { eventTypeLabels, type EventType } from './codes.js';
import { compareDates, daysBetween, isAfter, weeksFromDays, type PlainDate } from './date.js';
import { journeysOfKind } from './journey.js';
import type { ChildRecord } from './records.js';
import type { TimelineMark } from './timeline.js';

/** The decision milestones, in their usual order (which also breaks ties on one day). */
export const decisionTypes = ['permanence_recommendation', 'permanence_panel', 'adm_decision', 'court_application_lodged', 'order_granted'] as const satisfies readonly EventType[];
export type DecisionType = (typeof decisionTypes)[number];

export type GapEnd =
  | { readonly kind: 'accommodated'; readonly date: PlainDate; readonly label: string }
  | { readonly kind: 'decision'; readonly date: PlainDate; readonly label: string; readonly type: DecisionType; readonly eventId: string }
  | { readonly kind: 'as-at'; readonly date: PlainDate; readonly label: string };

export interface TimelineGap {
  /** `between` two milestones; `so-far` from the last one to as-at, still growing. */
  readonly kind: 'between' | 'so-far';
  readonly from: GapEnd;
  readonly to: GapEnd;
  readonly days: number;
  /** days ÷ 7, unrounded. */
  readonly weeks: number;
  /** "23 weeks", "9 days", "40 weeks so far". */
  readonly words: string;
}

export const accommodatedLabel = 'Looked after away from home';

/**
 * The gaps between the milestones of `marks` (already limited to the timeline's span) and the
 * starts of the child's accommodation journeys up to `end`. A gap never ends at a new
 * accommodation: the time before a child comes back into care is not time waiting for a decision.
 */
export function timelineGaps(record: ChildRecord, marks: readonly TimelineMark[], span: { readonly asAt: PlainDate; readonly end: PlainDate; readonly stillLookedAfter: boolean }): TimelineGap[] {
  const points: GapEnd[] = journeysOfKind(record, 'accommodation', span.asAt)
    .filter((j) => !isAfter(j.start, span.end))
    .map((j) => ({ kind: 'accommodated', date: j.start, label: accommodatedLabel }));
  for (const mark of marks) {
    if (isDecisionType(mark.type)) points.push({ kind: 'decision', date: mark.date, label: eventTypeLabels[mark.type], type: mark.type, eventId: mark.eventId });
  }
  points.sort((a, b) => compareDates(a.date, b.date) || rank(a) - rank(b));
  const gaps: TimelineGap[] = [];
  points.forEach((to, index) => {
    const from = points[index - 1];
    if (from !== undefined && to.kind !== 'accommodated') gaps.push(gap('between', from, to));
  });
  const last = points[points.length - 1];
  if (last !== undefined && span.stillLookedAfter && !(last.kind === 'decision' && last.type === 'order_granted') && isAfter(span.asAt, last.date)) {
    gaps.push(gap('so-far', last, { kind: 'as-at', date: span.asAt, label: 'As at' }));
  }
  return gaps;
}

/** "9 days" under two weeks, then whole weeks completed: "23 weeks" (weeks = days ÷ 7, docs/measurement.md). */
export function durationWords(days: number): string {
  if (days < 14) return `${days} ${days === 1 ? 'day' : 'days'}`;
  return `${Math.floor(weeksFromDays(days))} weeks`;
}

function gap(kind: TimelineGap['kind'], from: GapEnd, to: GapEnd): TimelineGap {
  const days = daysBetween(from.date, to.date);
  return { kind, from, to, days, weeks: weeksFromDays(days), words: kind === 'so-far' ? `${durationWords(days)} so far` : durationWords(days) };
}

export function isDecisionType(type: EventType): type is DecisionType {
  return (decisionTypes as readonly EventType[]).includes(type);
}

function rank(point: GapEnd): number {
  return point.kind === 'decision' ? 1 + decisionTypes.indexOf(point.type) : 0;
}
