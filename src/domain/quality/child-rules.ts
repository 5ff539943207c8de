/**
 * Checks across one child's records: placements that overlap or merely continue each other, and
 * milestones out of their natural order (a decision before its recommendation, an application
 * before its decision). Sequences are warnings: they are recording errors in the source system
 * more often than not, and refusing a whole import for one would help no one.
 */
import { eventTypes, routes, type EventType } from '../codes.js';
import { epochDay, isoDate } from '../date.js';
import type { CaseEvent, Child, Placement, PlannedEvent } from '../records.js';
import { makeProblem, type Problem } from './problem.js';

/** One child's records as an import or the store holds them; `child` is null when the child is not known. */
export interface ChildRecords {
  readonly childId: string;
  readonly child: Child | null;
  readonly placements: readonly Placement[];
  /** Held events: the milestones every rule here reads. */
  readonly events: readonly CaseEvent[];
  /** Events planned or cancelled: only checked for an unknown child (validate.ts). */
  readonly plans?: readonly PlannedEvent[];
}

/** Every problem across the child's records. */
export function childRecordProblems(records: ChildRecords): Problem[] {
  return [
    ...(records.child !== null && records.placements.length === 0 ? [makeProblem('child-without-placement', { childId: records.childId, record: { kind: 'child', id: records.childId } })] : []),
    ...placementSequenceProblems(records.placements),
    ...milestoneOrderProblems(records.events),
    ...eventDuplicateProblems(records.events),
    ...eventPlacementProblems(records.events, records.placements),
  ];
}

const describe = (p: Placement) => `${p.placementId} (${isoDate(p.start)} to ${p.end === null ? 'open' : isoDate(p.end)})`;

function placementSequenceProblems(placements: readonly Placement[]): Problem[] {
  const problems: Problem[] = [];
  const sorted = placements
    .filter((p) => p.end === null || epochDay(p.end) >= epochDay(p.start))
    .sort((a, b) => epochDay(a.start) - epochDay(b.start) || (a.placementId < b.placementId ? -1 : 1));
  let latest: Placement | null = null;
  let latestEnd = -Infinity;
  for (const placement of sorted) {
    const parts = { childId: placement.childId, record: { kind: 'placement', id: placement.placementId } as const, column: 'start_date' };
    const startDay = epochDay(placement.start);
    if (latest !== null && startDay <= latestEnd) {
      problems.push(makeProblem('placements-overlap', { ...parts, value: describe(placement), detail: describe(latest) }));
    } else if (latest !== null && startDay === latestEnd + 1 && placement.carerRef !== null && placement.carerRef === latest.carerRef && placement.type === latest.type) {
      problems.push(makeProblem('placement-split', { ...parts, value: placement.placementId, detail: latest.placementId }));
    }
    const endDay = placement.end === null ? Infinity : epochDay(placement.end);
    if (endDay >= latestEnd) {
      latest = placement;
      latestEnd = endDay;
    }
  }
  return problems;
}

/** Each milestone and the one that must come first. */
const predecessors: readonly { readonly type: EventType; readonly after: EventType; readonly code: 'adm-before-recommendation' | 'application-before-adm' | 'order-before-application' | 'advice-received-before-requested' }[] = [
  { type: 'adm_decision', after: 'permanence_recommendation', code: 'adm-before-recommendation' },
  { type: 'court_application_lodged', after: 'adm_decision', code: 'application-before-adm' },
  { type: 'order_granted', after: 'court_application_lodged', code: 'order-before-application' },
  { type: 'legal_advice_received', after: 'legal_advice_requested', code: 'advice-received-before-requested' },
];

/** Each rule by the milestone it is for. */
const predecessorOf: ReadonlyMap<EventType, (typeof predecessors)[number]> = new Map(predecessors.map((rule) => [rule.type, rule]));

function milestoneOrderProblems(events: readonly CaseEvent[]): Problem[] {
  const problems: Problem[] = [];
  const earliest = new Map<EventType, number>();
  for (const event of events) {
    const day = epochDay(event.date);
    if (day < (earliest.get(event.type) ?? Infinity)) earliest.set(event.type, day);
  }
  for (const event of events) {
    // What a problem names, made only for an event that has one (this runs for every event imported).
    const parts = () => ({ childId: event.childId, record: { kind: 'event', id: event.eventId } as const, column: 'date', value: isoDate(event.date) });
    const rule = predecessorOf.get(event.type);
    if (rule && !(epochDay(event.date) >= (earliest.get(rule.after) ?? Infinity))) problems.push(makeProblem(rule.code, parts()));
    if (event.type === 'adm_decision' && event.route !== null) {
      const recommended = latestRouteBefore(events, 'permanence_recommendation', epochDay(event.date));
      if (recommended !== null && recommended !== event.route) problems.push(makeProblem('adm-route-differs', { ...parts(), column: 'route', value: event.route, detail: recommended }));
    }
  }
  return problems;
}

function latestRouteBefore(events: readonly CaseEvent[], type: EventType, day: number): string | null {
  let found: CaseEvent | null = null;
  for (const e of events) {
    if (e.type !== type || e.route === null || epochDay(e.date) > day) continue;
    if (found === null || epochDay(e.date) > epochDay(found.date) || (epochDay(e.date) === epochDay(found.date) && e.eventId > found.eventId)) found = e;
  }
  return found?.route ?? null;
}

function eventDuplicateProblems(events: readonly CaseEvent[]): Problem[] {
  const problems: Problem[] = [];
  const seen = new Map<number, CaseEvent>();
  for (const event of events) {
    // The type, the day and the route as one number (a string key cost more than the rest of the checks).
    const key = (epochDay(event.date) * 64 + eventTypeIndex(event.type)) * 16 + (event.route === null ? 0 : routes.indexOf(event.route) + 1);
    const first = seen.get(key);
    if (first === undefined) seen.set(key, event);
    else problems.push(makeProblem('event-duplicate', { childId: event.childId, record: { kind: 'event', id: event.eventId }, column: 'event_id', value: isoDate(event.date), detail: `${event.type} (${first.eventId} and ${event.eventId})` }));
  }
  return problems;
}

const eventTypeIndices = new Map(eventTypes.map((type, i) => [type, i]));
const eventTypeIndex = (type: EventType) => eventTypeIndices.get(type) as number;

function eventPlacementProblems(events: readonly CaseEvent[], placements: readonly Placement[]): Problem[] {
  const problems: Problem[] = [];
  for (const event of events) {
    const day = epochDay(event.date);
    const parts = () => ({ childId: event.childId, record: { kind: 'event', id: event.eventId } as const, column: 'date', value: isoDate(event.date) });
    if (event.type === 'ceased_looked_after') {
      const problem = ceasedProblem(day, placements);
      if (problem) problems.push(makeProblem(problem.code, { ...parts(), detail: problem.placement.placementId }));
    } else if (event.type === 'home_review' && !placements.some((p) => p.type === 'home' && epochDay(p.start) <= day)) {
      problems.push(makeProblem('home-review-without-home-placement', parts()));
    }
  }
  return problems;
}

/**
 * A child ceased to be looked after on `day`, but the looked-after spell holding that day goes on
 * (docs/measurement.md, "Journeys": a spell is a run of placements with no gap between them): a
 * placement that continues after the day, or one that follows on without a break.
 */
function ceasedProblem(day: number, placements: readonly Placement[]): { code: 'ceased-while-placed' | 'placement-after-ceased'; placement: Placement } | null {
  const sorted = placements
    .map((placement) => ({ placement, start: epochDay(placement.start), end: placement.end === null ? Infinity : epochDay(placement.end) }))
    .filter((p) => p.end >= p.start)
    .sort((a, b) => a.start - b.start);
  // The spell holding the day: extend a run of contiguous placements while it has not passed the day.
  let runStart = -Infinity;
  let runEnd = -Infinity;
  let run: typeof sorted = [];
  for (const p of sorted) {
    if (run.length > 0 && p.start <= runEnd + 1) {
      run.push(p);
      runEnd = Math.max(runEnd, p.end);
    } else {
      if (runStart <= day && day <= runEnd) break;
      run = [p];
      runStart = p.start;
      runEnd = p.end;
    }
  }
  if (!(runStart <= day && day <= runEnd)) return null;
  const continuing = run.find((p) => p.start <= day && p.end > day);
  if (continuing) return { code: 'ceased-while-placed', placement: continuing.placement };
  const following = run.find((p) => p.start > day);
  return following ? { code: 'placement-after-ceased', placement: following.placement } : null;
}
