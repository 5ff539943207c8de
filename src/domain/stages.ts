/**
 * The stage view: where does the delay sit? For a cohort of accommodation journeys, the days
 * between each pair of consecutive milestones on the path to permanence (docs/domain.md, "Stage view").
 */
import type { EventType } from './codes.js';
import { daysBetween, epochDay, type PlainDate } from './date.js';
import type { Aim } from './aim.js';
import { journeysOfKindForEach, type Journey } from './journey.js';
import { quartiles, type Quartiles } from './quantile.js';
import type { ChildRecord } from './records.js';

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
  const chain = stageMilestones.slice(first);
  const gaps: number[][] = chain.slice(1).map(() => []);
  const journeysOfEach = journeysOfKindForEach(records, 'accommodation', asAt);
  records.forEach((record, recordIndex) => {
    const journeys = journeysOfEach[recordIndex] as readonly Journey[];
    journeys.forEach((journey, index) => {
      if (epochDay(journey.start) < fromDay) return;
      const startDay = epochDay(journey.start);
      const nextDay = journeys[index + 1] ? epochDay((journeys[index + 1] as (typeof journeys)[number]).start) : Infinity;
      const reached = chain.map((milestone) => (milestone === 'accommodated' ? journey.start : firstEventDate(record, eventTypesOf[milestone], startDay, nextDay, asAt)));
      for (let i = 0; i + 1 < reached.length; i++) {
        const a = reached[i];
        const b = reached[i + 1];
        if (a && b && epochDay(b) >= epochDay(a)) (gaps[i] as number[]).push(daysBetween(a, b));
      }
    });
  });
  return chain.slice(1).map((to, i) => ({ from: chain[i] as StageMilestone, to, n: (gaps[i] as number[]).length, days: quartiles(gaps[i] as number[]) }));
}

function firstEventDate(record: ChildRecord, types: readonly EventType[], fromDay: number, beforeDay: number, asAt: PlainDate): PlainDate | null {
  const asAtDay = epochDay(asAt);
  let best: PlainDate | null = null;
  let bestDay = Infinity;
  for (const event of record.events) {
    if (!types.includes(event.type)) continue;
    const day = epochDay(event.date);
    if (day >= fromDay && day < beforeDay && day <= asAtDay && day < bestDay) {
      best = event.date;
      bestDay = day;
    }
  }
  return best;
}

/** Where each kind of aim's journey starts on the path: its stages are drawn from there on. */
const firstMilestoneOfKind: Readonly<Record<Aim['kind'], StageMilestone>> = {
  'at-home': 'accommodated',
  accommodation: 'accommodated',
  recommendation: 'permanence_recommendation',
  adm: 'adm_decision',
};

/** The stage view for an aim: journeys from its from-date, stages from its start milestone on. */
export function stagesForAim(aim: Aim, records: readonly ChildRecord[], asAt: PlainDate): Stage[] {
  return stageView(records, asAt, { fromDate: aim.fromDate, firstMilestone: firstMilestoneOfKind[aim.kind] });
}
