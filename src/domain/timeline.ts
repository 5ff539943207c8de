/**
 * A child's timeline (docs/domain.md, "Timelines"): one child's journey on one sheet, from the first
 * thing recorded (usually the referral) to legal permanence or the as-at date. Where the child
 * lived, as bands; what happened, as marks with plain-English labels; the time between decisions,
 * as gaps in weeks ("gaps in the timeline provide a crucial visual representation of how much time
 * has passed"); each aim's due date; and the child's age. Readings: docs/decisions/0007-timelines.md.
 */
import { ageInMonths, dateAtAgeInMonths, describeAge } from './age.js';
import type { Aim } from './aim.js';
import { eventTypeLabels, placementTypeLabels, routeLabels, type EventType, type PlacementType, type Route } from './codes.js';
import { compareDates, daysBetween, epochDay, isAfter, isBefore, type PlainDate } from './date.js';
import type { ChildRecord, Placement } from './records.js';
import { timelineDueDates, type TimelineDueDate } from './timeline-due.js';
import { timelineGaps, type TimelineGap } from './timeline-gaps.js';

export type { TimelineDueDate } from './timeline-due.js';
export type { GapEnd, TimelineGap } from './timeline-gaps.js';

/**
 * How a placement began: the child became looked after (first placement, or after a time not
 * looked after); moved to another carer or setting; or stayed with the same carer on a new
 * placement record (a change of legal basis, say), which is not a move.
 */
export type BandStart = 'became-looked-after' | 'move' | 'same-carer';

/** A placement as drawn: a period in one setting with one carer. */
export interface TimelineBand {
  readonly placementId: string;
  readonly type: PlacementType;
  /** Plain words: "foster care". */
  readonly label: string;
  readonly carerRef: string | null;
  readonly start: PlainDate;
  /** The last day drawn: the placement's last day, or the timeline's end while it continues. */
  readonly end: PlainDate;
  /** Still going on the timeline's last day. */
  readonly continues: boolean;
  readonly began: BandStart;
  /** Days from start to end, counted as dates differ (a one-day placement is 0). */
  readonly days: number;
}

/** Which row of the picture an event belongs in. */
export type MarkGroup = 'milestone' | 'legal-advice' | 'meeting' | 'review' | 'hearing';

export interface TimelineMark {
  readonly eventId: string;
  readonly type: EventType;
  readonly group: MarkGroup;
  readonly date: PlainDate;
  /** Plain words: "Permanence recommendation". */
  readonly label: string;
  readonly route: Route | null;
  /** Plain words for the route: "adoption"; null when the event has none. */
  readonly routeWords: string | null;
  /** The day it had been planned for, when known (docs/decisions/0030-planned-events.md). */
  readonly plannedDate?: PlainDate;
}

/**
 * An event not held, drawn as an open mark at its planned date: still planned (it may be after
 * as-at), or cancelled. Never a milestone: no gap, due date or ending reads it.
 */
export interface TimelinePlan {
  readonly eventId: string;
  readonly type: Exclude<EventType, 'care_plan'>;
  readonly group: MarkGroup;
  readonly status: 'planned' | 'cancelled';
  readonly date: PlainDate;
  /** Plain words: "Looked after child review". */
  readonly label: string;
}

export interface AgeTick {
  readonly date: PlainDate;
  /** Age in whole months on that day. */
  readonly months: number;
  /** "3 years", "1 year 6 months". */
  readonly words: string;
}

/** Where the timeline stops: an order granted, leaving care some other way, or the as-at date. */
export type TimelineEnding =
  | { readonly kind: 'legal-permanence'; readonly date: PlainDate; readonly routeWords: string | null }
  | { readonly kind: 'left-care'; readonly date: PlainDate }
  | { readonly kind: 'as-at'; readonly date: PlainDate };

export interface ChildTimeline {
  readonly childId: string;
  /** First and last name, for the authority's own staff; null when not recorded. */
  readonly name: string | null;
  readonly dateOfBirth: PlainDate;
  readonly siblingGroup: string | null;
  readonly asAt: PlainDate;
  readonly start: PlainDate;
  readonly end: PlainDate;
  readonly ending: TimelineEnding;
  readonly bands: readonly TimelineBand[];
  /** Bands that began with a move of carer or setting. */
  readonly moves: number;
  readonly marks: readonly TimelineMark[];
  /** Events planned (on or after the start) or cancelled (on or before the end), by date. */
  readonly plans: readonly TimelinePlan[];
  readonly gaps: readonly TimelineGap[];
  readonly dueDates: readonly TimelineDueDate[];
  /** Ages at even steps within the span (every year on a long timeline, every 3 months on a short one); "born" at birth. */
  readonly ages: readonly AgeTick[];
  /** "6 months", or "not yet born" for a referral before birth. */
  readonly ageAtStart: string;
  readonly ageAtEnd: string;
}

const markGroups: Readonly<Record<Exclude<EventType, 'care_plan'>, MarkGroup>> = {
  referral: 'milestone',
  permanence_recommendation: 'milestone',
  permanence_panel: 'milestone',
  adm_decision: 'milestone',
  court_application_lodged: 'milestone',
  order_granted: 'milestone',
  ceased_looked_after: 'milestone',
  legal_advice_requested: 'legal-advice',
  legal_advice_received: 'legal-advice',
  planning_meeting_72h: 'meeting',
  permanence_planning_meeting: 'meeting',
  early_review: 'review',
  lac_review: 'review',
  home_review: 'review',
  childrens_hearing: 'hearing',
};

/**
 * The timeline of one child as at `asAt`: only what is dated on or before it exists. `aims` are
 * the authority's aims, whose due dates are marked where the child has a journey of their kind.
 */
export function childTimeline(record: ChildRecord, options: { readonly asAt: PlainDate; readonly aims: readonly Aim[] }): ChildTimeline {
  const { asAt } = options;
  const placements = record.placements.filter((p) => !isAfter(p.start, asAt)).sort(byStartThenId);
  const events = record.events.filter((e) => !isAfter(e.date, asAt)).sort((a, b) => compareDates(a.date, b.date) || compareText(a.eventId, b.eventId));
  const start = earliest([...placements.map((p) => p.start), ...events.map((e) => e.date)]) ?? asAt;
  const ending = endingOf(placements, events, asAt);
  const end = ending.date;
  const bands = bandsOf(placements, end, asAt);
  const marks: TimelineMark[] = [];
  for (const e of events) {
    if (e.type === 'care_plan' || isAfter(e.date, end)) continue;
    const mark: TimelineMark = { eventId: e.eventId, type: e.type, group: markGroups[e.type], date: e.date, label: eventTypeLabels[e.type], route: e.route, routeWords: e.route === null ? null : routeLabels[e.route] };
    marks.push(e.plannedDate === undefined || e.plannedDate === null ? mark : { ...mark, plannedDate: e.plannedDate });
  }
  const { child } = record;
  const name = [child.firstName, child.lastName].filter((part) => part !== null && part !== '').join(' ');
  return {
    childId: child.childId,
    name: name === '' ? null : name,
    dateOfBirth: child.dateOfBirth,
    siblingGroup: child.siblingGroup,
    asAt,
    start,
    end,
    ending,
    bands,
    moves: bands.filter((b) => b.began === 'move').length,
    marks,
    plans: plansOf(record, start, end, ending.kind === 'as-at'),
    gaps: timelineGaps(record, marks, { asAt, end, stillLookedAfter: ending.kind === 'as-at' && bands.some((b) => b.continues) }),
    dueDates: timelineDueDates(record, options.aims, { asAt, start, end }),
    ages: ageTicks(child.dateOfBirth, start, end),
    ageAtStart: ageWords(child.dateOfBirth, start),
    ageAtEnd: ageWords(child.dateOfBirth, end),
  };
}

/**
 * The plans worth drawing: a planned event from the start on, even after as-at while the child is
 * still on the timeline (the meeting booked for next month); once the timeline has ended (legal
 * permanence, or leaving care), none after its end, since it will not be held. A cancelled event
 * from the start to the end.
 */
function plansOf(record: ChildRecord, start: PlainDate, end: PlainDate, stillGoing: boolean): TimelinePlan[] {
  const plans: TimelinePlan[] = [];
  for (const plan of record.plans ?? []) {
    if (plan.type === 'care_plan' || isBefore(plan.plannedDate, start)) continue;
    if (isAfter(plan.plannedDate, end) && (plan.status === 'cancelled' || !stillGoing)) continue;
    plans.push({ eventId: plan.eventId, type: plan.type, group: markGroups[plan.type], status: plan.status, date: plan.plannedDate, label: eventTypeLabels[plan.type] });
  }
  return plans.sort((a, b) => compareDates(a.date, b.date) || compareText(a.eventId, b.eventId));
}

/**
 * Legal permanence ends the timeline on the day the (latest) order was granted, unless the child
 * was placed again after it. A child no longer looked after at as-at ends on the last thing
 * recorded. Otherwise the timeline runs to as-at.
 */
function endingOf(placements: readonly Placement[], events: ChildRecord['events'], asAt: PlainDate): TimelineEnding {
  const order = [...events].reverse().find((e) => e.type === 'order_granted');
  if (order && !placements.some((p) => isAfter(p.start, order.date))) {
    return { kind: 'legal-permanence', date: order.date, routeWords: order.route === null ? null : routeLabels[order.route] };
  }
  const lookedAfterNow = placements.some((p) => p.end === null || !isBefore(p.end, asAt));
  if (placements.length > 0 && !lookedAfterNow) {
    const last = latest([...placements.map((p) => p.end as PlainDate), ...events.map((e) => e.date)]) as PlainDate;
    return { kind: 'left-care', date: last };
  }
  return { kind: 'as-at', date: asAt };
}

function bandsOf(placements: readonly Placement[], end: PlainDate, asAt: PlainDate): TimelineBand[] {
  const bands: TimelineBand[] = [];
  let previous: Placement | null = null;
  for (const p of placements) {
    if (isAfter(p.start, end)) break;
    const lastDay = p.end === null || isAfter(p.end, asAt) ? null : p.end;
    const drawnEnd = lastDay === null || isAfter(lastDay, end) ? end : lastDay;
    bands.push({
      placementId: p.placementId,
      type: p.type,
      label: placementTypeLabels[p.type],
      carerRef: p.carerRef,
      start: p.start,
      end: drawnEnd,
      continues: lastDay === null || isAfter(lastDay, end),
      began: beganOf(previous, p),
      days: daysBetween(p.start, drawnEnd),
    });
    // Against overlapping rows (a data error), contiguity is judged from the latest last day so far.
    if (previous === null || lastDayOf(p) >= lastDayOf(previous)) previous = p;
  }
  return bands;
}

/**
 * A placement starting on, or the day after, the previous one's last day continues being looked
 * after (the contiguity rule of docs/measurement.md). It is a move unless both carers are recorded and
 * are the same: each placement row is "one setting with one carer", so a new row with no carer
 * recorded is taken to be a new carer.
 */
function beganOf(previous: Placement | null, p: Placement): BandStart {
  if (previous === null) return 'became-looked-after';
  const contiguous = epochDay(p.start) <= lastDayOf(previous) + 1;
  if (!contiguous) return 'became-looked-after';
  return previous.carerRef !== null && previous.carerRef === p.carerRef ? 'same-carer' : 'move';
}

/** Ages at the first step of 3, 6, 12 or 24 months that gives at most 10 ticks in the span. */
function ageTicks(dateOfBirth: PlainDate, start: PlainDate, end: PlainDate): AgeTick[] {
  const first = ageInMonths(dateOfBirth, start);
  const last = ageInMonths(dateOfBirth, end);
  for (const step of [3, 6, 12, 24]) {
    const ticks: AgeTick[] = [];
    for (let months = Math.ceil(first / step) * step; months <= last; months += step) {
      const date = dateAtAgeInMonths(dateOfBirth, months);
      if (!isBefore(date, start) && !isAfter(date, end)) ticks.push({ date, months, words: months === 0 ? 'born' : describeAge(months) });
    }
    if (ticks.length <= 10) return ticks;
  }
  return [];
}

/** A referral can come before the child is born. */
function ageWords(dateOfBirth: PlainDate, on: PlainDate): string {
  return isBefore(on, dateOfBirth) ? 'not yet born' : describeAge(ageInMonths(dateOfBirth, on));
}

function lastDayOf(p: Placement): number {
  return p.end === null ? Infinity : epochDay(p.end);
}

function byStartThenId(a: Placement, b: Placement): number {
  return compareDates(a.start, b.start) || compareText(a.placementId, b.placementId);
}

function earliest(dates: readonly PlainDate[]): PlainDate | null {
  return dates.reduce<PlainDate | null>((found, date) => (found === null || isBefore(date, found) ? date : found), null);
}

function latest(dates: readonly PlainDate[]): PlainDate | null {
  return dates.reduce<PlainDate | null>((found, date) => (found === null || isAfter(date, found) ? date : found), null);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
