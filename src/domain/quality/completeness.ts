/**
 * How completely each milestone is recorded, per journey kind: of the journeys that have been
 * going long enough for the milestone to be due, how many have it recorded on or after their
 * start (and before the child's next journey of the same kind).
 */
import type { EventType } from '../codes.js';
import { epochDay, type PlainDate } from '../date.js';
import { journeyKinds, journeysOfKind, type JourneyKind } from '../journey.js';
import type { ChildRecord } from '../records.js';

export interface MilestoneExpectation {
  readonly type: EventType;
  /** Days after the journey's start by which the milestone is expected. */
  readonly dueDays: number;
}

/**
 * The milestones each kind of journey is expected to have. The 72-hour meeting, the 2–4 week
 * review and the first looked after review follow the looked after children regulations'
 * timetable; the others are each journey's own end milestone at its national timescale.
 */
export const milestoneExpectations: Readonly<Record<JourneyKind, readonly MilestoneExpectation[]>> = {
  'at-home': [{ type: 'home_review', dueDays: 730 }],
  accommodation: [
    { type: 'planning_meeting_72h', dueDays: 3 },
    { type: 'early_review', dueDays: 28 },
    { type: 'lac_review', dueDays: 42 },
    { type: 'permanence_recommendation', dueDays: 182 },
  ],
  recommendation: [
    { type: 'permanence_panel', dueDays: 98 },
    { type: 'adm_decision', dueDays: 98 },
  ],
  adm: [{ type: 'court_application_lodged', dueDays: 21 }],
};

export interface MilestoneCompleteness {
  readonly kind: JourneyKind;
  readonly milestone: EventType;
  /** Journeys for which the milestone is due by as-at. */
  readonly due: number;
  /** Of those, journeys with the milestone recorded. */
  readonly recorded: number;
  /** recorded ÷ due as a percentage, or null when nothing is due. */
  readonly percent: number | null;
}

/** Completeness of each expected milestone, per journey kind, as at `asAt`. */
export function milestoneCompleteness(records: readonly ChildRecord[], asAt: PlainDate): MilestoneCompleteness[] {
  const asAtDay = epochDay(asAt);
  const counts = journeyKinds.flatMap((kind) => milestoneExpectations[kind].map((m) => ({ kind, milestone: m.type, dueDays: m.dueDays, due: 0, recorded: 0 })));
  for (const record of records) {
    for (const kind of journeyKinds) {
      const journeys = journeysOfKind(record, kind, asAt);
      journeys.forEach((journey, index) => {
        const startDay = epochDay(journey.start);
        const next = journeys[index + 1];
        const windowEnd = Math.min(next ? epochDay(next.start) - 1 : asAtDay, asAtDay);
        for (const count of counts) {
          if (count.kind !== kind || asAtDay - startDay < count.dueDays) continue;
          count.due += 1;
          if (record.events.some((e) => e.type === count.milestone && epochDay(e.date) >= startDay && epochDay(e.date) <= windowEnd)) count.recorded += 1;
        }
      });
    }
  }
  return counts.map(({ kind, milestone, due, recorded }) => ({ kind, milestone, due, recorded, percent: due === 0 ? null : Math.round((1000 * recorded) / due) / 10 }));
}
