/**
 * The stage view: where does the delay sit? For a cohort of accommodation journeys, the days
 * between each pair of consecutive milestones on the path to permanence (docs/domain.md, "Stage view").
 */
import type { EventType } from './codes.js';
import { epochDay, type PlainDate } from './date.js';
import { aimSubject, type Aim } from './aim.js';
import { journeysOfKindForEach, type JourneyKind } from './journey.js';
import { quartiles, type Quartiles } from './quantile.js';
import type { CaseEvent, ChildRecord } from './records.js';

/** The milestones in their usual order; `accommodated` is the journey's start. */
export const stageMilestones = [
  'accommodated',
  'planning_meeting_72h',
  'first_review',
  'permanence_recommendation',
  'permanence_panel',
  'adm_decision',
  'court_application_lodged',
  'order_granted',
] as const;
export type StageMilestone = (typeof stageMilestones)[number];

export const stageMilestoneLabels: Readonly<Record<StageMilestone, string>> = {
  accommodated: 'Accommodated',
  planning_meeting_72h: '72-hour meeting',
  first_review: 'First review',
  permanence_recommendation: 'Recommendation',
  permanence_panel: 'Panel',
  adm_decision: 'ADM decision',
  court_application_lodged: 'Application lodged',
  order_granted: 'Order granted',
};

const eventTypesOf: Readonly<Record<Exclude<StageMilestone, 'accommodated'>, readonly EventType[]>> = {
  planning_meeting_72h: ['planning_meeting_72h'],
  first_review: ['early_review', 'lac_review'],
  permanence_recommendation: ['permanence_recommendation'],
  permanence_panel: ['permanence_panel'],
  adm_decision: ['adm_decision'],
  court_application_lodged: ['court_application_lodged'],
  order_granted: ['order_granted'],
};

export interface Stage {
  readonly from: StageMilestone;
  readonly to: StageMilestone;
  /** Journeys that reached both milestones, in order. */
  readonly n: number;
  /** Days between them: median and quartiles; null when n is 0. */
  readonly days: Quartiles | null;
}

/**
 * For each consecutive pair of milestones from `firstMilestone` on, the quartiles of days between
 * them over the accommodation journeys starting in [from, as-at]. A milestone counts for a journey
 * when it is the first of its kind on or after the journey's start (and before the child's next
 * journey); a pair counts when both are reached and the second is not before the first.
 */
export function stageView(records: readonly ChildRecord[], asAt: PlainDate, options: { fromDate?: PlainDate | null; firstMilestone?: StageMilestone } = {}): Stage[] {
  const fromDay = options.fromDate ? epochDay(options.fromDate) : -Infinity;
  const first = stageMilestones.indexOf(options.firstMilestone ?? 'accommodated');
  const reached = reachedDays(records, asAt);
  // Aims that share a from-date and a first milestone share their stage view.
  const key = `${fromDay}|${first}`;
  const remembered = reached.views.get(key);
  if (remembered !== undefined) return [...remembered];
  const view = stagesOf(reached.days, fromDay, first);
  reached.views.set(key, view);
  return [...view];
}

function stagesOf(reached: Float64Array, fromDay: number, first: number): Stage[] {
  const chain = stageMilestones.slice(first);
  const gaps: number[][] = chain.slice(1).map(() => []);
  for (let at = 0; at < reached.length; at += stageMilestones.length) {
    if ((reached[at] as number) < fromDay) continue;
    for (let i = 0; i + 1 < chain.length; i++) {
      const a = reached[at + first + i] as number;
      const b = reached[at + first + i + 1] as number;
      if (a !== Infinity && b !== Infinity && b >= a) (gaps[i] as number[]).push(b - a);
    }
  }
  return chain.slice(1).map((to, i) => ({ from: chain[i] as StageMilestone, to, n: (gaps[i] as number[]).length, days: quartiles(gaps[i] as number[]) }));
}

// Every aim's stage view reads the same accommodation journeys' milestones, whatever its from-date
// and first milestone: they are worked out once per list of records and as-at date, and each view
// once per from-date and first milestone. Reading every child's events again for each view cost
// more than the rest of the view.
interface Reached {
  readonly asAtDay: number;
  readonly days: Float64Array;
  /** The views worked out from them, by from-day and first milestone. */
  readonly views: Map<string, readonly Stage[]>;
}
const reachedForLists = new WeakMap<readonly ChildRecord[], Reached>();

/**
 * For each accommodation journey of `records` as at `asAt`, in journeysOfKindForEach's order, the
 * day it reached each milestone of stageMilestones (Infinity for one not reached), side by side:
 * the journey's start for `accommodated`, and for each other milestone the first of its events on
 * or after the start, before the child's next journey, and on or before as-at.
 */
function reachedDays(records: readonly ChildRecord[], asAt: PlainDate): Reached {
  const asAtDay = epochDay(asAt);
  const cached = reachedForLists.get(records);
  if (cached !== undefined && cached.asAtDay === asAtDay) return cached;
  // From the journeys' columns: their start days and records, no journey made as an object.
  const journeys = journeysOfKindForEach(records, 'accommodation', asAt);
  const { recordIndex, startDay: startDays } = journeys;
  const width = stageMilestones.length;
  const days = new Float64Array(journeys.length * width).fill(Infinity);
  // Each child's milestone events read once into (milestone, day) pairs, in day numbers, in two
  // lists of numbers reused from child to child (emptied lists give their room back, so a count
  // says how much of them is this child's).
  let eventMilestones = new Int32Array(64);
  let eventDays = new Float64Array(64);
  let eventCount = 0;
  let eventsOf = -1;
  for (let j = 0; j < journeys.length; j++) {
    const r = recordIndex[j] as number;
    if (eventsOf !== r) {
      eventCount = 0;
      const events = (records[r] as ChildRecord).events;
      if (events.length > eventDays.length) {
        eventMilestones = new Int32Array(events.length * 2);
        eventDays = new Float64Array(events.length * 2);
      }
      for (let e = 0; e < events.length; e++) {
        const event = events[e] as CaseEvent;
        const milestone = milestoneOfEventType.get(event.type);
        if (milestone === undefined) continue;
        const day = epochDay(event.date);
        if (day > asAtDay) continue;
        eventMilestones[eventCount] = milestone;
        eventDays[eventCount] = day;
        eventCount += 1;
      }
      eventsOf = r;
    }
    const startDay = startDays[j] as number;
    // The child's next journey, if any, ends the window in which its milestones count.
    const nextDay = j + 1 < journeys.length && recordIndex[j + 1] === r ? (startDays[j + 1] as number) : Infinity;
    const at = j * width;
    days[at] = startDay;
    for (let e = 0; e < eventCount; e++) {
      const day = eventDays[e] as number;
      const slot = at + (eventMilestones[e] as number);
      if (day >= startDay && day < nextDay && day < (days[slot] as number)) days[slot] = day;
    }
  }
  const reached = { asAtDay, days, views: new Map<string, readonly Stage[]>() };
  reachedForLists.set(records, reached);
  return reached;
}

/** The milestone (its place in stageMilestones) each event type marks. */
const milestoneOfEventType: ReadonlyMap<EventType, number> = new Map(
  Object.entries(eventTypesOf).flatMap(([milestone, types]) => types.map((type) => [type, stageMilestones.indexOf(milestone as StageMilestone)] as const)),
);

/** Where each kind of aim's journey starts on the path: its stages are drawn from there on. */
const firstMilestoneOfKind: Readonly<Record<JourneyKind, StageMilestone>> = {
  'at-home': 'accommodated',
  accommodation: 'accommodated',
  recommendation: 'permanence_recommendation',
  adm: 'adm_decision',
};

/** The stage view for an aim: journeys from its from-date, stages from its start milestone on. */
export function stagesForAim(aim: Aim, records: readonly ChildRecord[], asAt: PlainDate): Stage[] {
  return stageView(records, asAt, { fromDate: aim.fromDate, firstMilestone: firstMilestoneOfAim(aim) });
}

/** A local measure's stages start at the milestone its start event marks, or at accommodation. */
function firstMilestoneOfAim(aim: Aim): StageMilestone {
  const subject = aimSubject(aim);
  if (typeof subject === 'string') return firstMilestoneOfKind[subject];
  if (subject.start.kind !== 'event') return 'accommodated';
  const place = milestoneOfEventType.get(subject.start.type);
  return place === undefined ? 'accommodated' : (stageMilestones[place] ?? 'accommodated');
}
