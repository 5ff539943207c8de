/**
 * Journeys: the unit of every aim (MEASUREMENT.md, "Journeys"). A journey has a child, a start
 * date, maybe an end date, and the attributes known at its start. Each kind is derived from a
 * child's placements and events as at a date: only what is dated on or before as-at exists, and a
 * placement that ends after as-at is still open.
 */
import { courtRoutes, type PlacementType, type Route } from './codes.js';
import { ageInYears, epochDay, type PlainDate } from './date.js';
import type { CaseEvent, ChildRecord, Placement } from './records.js';

export const journeyKinds = ['at-home', 'accommodation', 'recommendation', 'adm'] as const;
export type JourneyKind = (typeof journeyKinds)[number];

/** The national aim (1–4) that measures each kind of journey. */
export const nationalAimOfKind: Readonly<Record<JourneyKind, 1 | 2 | 3 | 4>> = {
  'at-home': 1,
  accommodation: 2,
  recommendation: 3,
  adm: 4,
};

export function kindOfNationalAim(aim: 1 | 2 | 3 | 4): JourneyKind {
  return journeyKinds[aim - 1] as JourneyKind;
}

interface JourneyBase {
  readonly childId: string;
  readonly start: PlainDate;
  /** The day the end milestone was reached, or null while it has not been (as at). */
  readonly end: PlainDate | null;
  /** The placement or event that started the journey. */
  readonly startRef: string;
  /** The event that ended it. */
  readonly endRef: string | null;
  /** For aim 1 and 2: the first placement's type; for aim 3 and 4: the placement open on the start date. */
  readonly placementTypeAtStart: PlacementType | null;
  readonly ageAtStart: number;
  readonly siblingGroup: string | null;
  /** Known at as-at: the route of the latest care plan or permanence recommendation. */
  readonly planRoute: Route | null;
}

export interface AtHomeJourney extends JourneyBase {
  readonly kind: 'at-home';
  /** The last day of the run of home placements, or null while the run continues at as-at. */
  readonly runEnd: PlainDate | null;
}

export interface AccommodationJourney extends JourneyBase {
  readonly kind: 'accommodation';
  /** The last day of the run of placements away from home, or null while the run continues at as-at. */
  readonly runEnd: PlainDate | null;
}

export interface RecommendationJourney extends JourneyBase {
  readonly kind: 'recommendation';
  /** The recommended route (null only when the record lacks it). */
  readonly route: Route | null;
}

export interface AdmJourney extends JourneyBase {
  readonly kind: 'adm';
  readonly route: Route;
}

export type Journey = AtHomeJourney | AccommodationJourney | RecommendationJourney | AdmJourney;

/** A placement as seen at as-at, with its days counted once. */
interface SeenPlacement {
  readonly placement: Placement;
  readonly startDay: number;
  /** Last day in it, or Infinity while open at as-at. */
  readonly endDay: number;
}

interface SeenEvent {
  readonly event: CaseEvent;
  readonly day: number;
}

/** A maximal sequence of contiguous placements of one side (home or away). */
interface Run {
  readonly placements: readonly SeenPlacement[];
  readonly startDay: number;
  readonly endDay: number;
}

type JourneysByKind = { readonly [K in JourneyKind]: readonly Journey[] };

// Every figure, chart and list of an authority asks for the same children's journeys as at the
// same date; records are immutable, so each child's journeys are derived once per as-at date.
const derived = new WeakMap<ChildRecord, { readonly asAtDay: number; readonly journeys: JourneysByKind }>();

function journeysByKind(record: ChildRecord, asAt: PlainDate): JourneysByKind {
  const asAtDay = epochDay(asAt);
  const cached = derived.get(record);
  if (cached !== undefined && cached.asAtDay === asAtDay) return cached.journeys;
  const journeys = derive(record, asAt);
  derived.set(record, { asAtDay, journeys });
  return journeys;
}

function derive(record: ChildRecord, asAt: PlainDate): JourneysByKind {
  const seen = see(record, asAt);
  return { 'at-home': atHome(seen), accommodation: accommodation(seen), recommendation: recommendation(seen), adm: adm(seen) };
}

// An authority's figures ask for every child's journeys at once, four aims over: remembered per
// list of records and as-at date (one entry per authority, not one per child).
const derivedForLists = new WeakMap<readonly ChildRecord[], { readonly asAtDay: number; readonly journeys: readonly JourneysByKind[] }>();

/** The journeys of one kind of every record in `records`, as at `asAt`, in the records' order. */
export function journeysOfKindForEach(records: readonly ChildRecord[], kind: JourneyKind, asAt: PlainDate): (readonly Journey[])[] {
  const asAtDay = epochDay(asAt);
  let cached = derivedForLists.get(records);
  if (cached === undefined || cached.asAtDay !== asAtDay) {
    cached = { asAtDay, journeys: records.map((record) => derive(record, asAt)) };
    derivedForLists.set(records, cached);
  }
  return cached.journeys.map((byKind) => byKind[kind]);
}

/** Every journey of every kind for one child, as at `asAt`, in kind order then start order. */
export function journeysOf(record: ChildRecord, asAt: PlainDate): Journey[] {
  const byKind = journeysByKind(record, asAt);
  return journeyKinds.flatMap((kind) => byKind[kind]);
}

/** The journeys of one kind for one child, as at `asAt`. */
export function journeysOfKind(record: ChildRecord, kind: JourneyKind, asAt: PlainDate): readonly Journey[] {
  return journeysByKind(record, asAt)[kind];
}

/**
 * A period of being looked after (an episode, in the CLAS return's words): a run of contiguous
 * placements of any type, at home or away, by the same rule of contiguity as the journeys' runs.
 */
export interface LookedAfterPeriod {
  readonly childId: string;
  readonly start: PlainDate;
  /** The last day looked after, or null while the period continues at as-at. */
  readonly end: PlainDate | null;
  readonly placementIds: readonly string[];
}

/** A child's periods of being looked after as at `asAt`, in date order. */
export function lookedAfterPeriods(record: ChildRecord, asAt: PlainDate): LookedAfterPeriod[] {
  return runsOf(see(record, asAt).placements, 'any').map((run) => ({
    childId: record.child.childId,
    start: firstPlacement(run).placement.start,
    end: run.endDay === Infinity ? null : lastPlacementEnd(run),
    placementIds: run.placements.map((p) => p.placement.placementId),
  }));
}

interface Seen {
  readonly record: ChildRecord;
  readonly asAtDay: number;
  readonly placements: readonly SeenPlacement[];
  /** The events the journey rules read, by type, in date order (then id). */
  readonly eventsByType: Readonly<Record<MilestoneType, readonly SeenEvent[]>>;
  readonly planRoute: Route | null;
}

/** The event types that start or end journeys, and those that set the plan route. */
const milestoneTypes = ['permanence_recommendation', 'adm_decision', 'court_application_lodged', 'home_review', 'care_plan'] as const;
type MilestoneType = (typeof milestoneTypes)[number];

/** Whether an event of `type` is one the journey rules read (a switch: this runs for every event). */
function isMilestoneType(type: CaseEvent['type']): type is MilestoneType {
  switch (type) {
    case 'permanence_recommendation':
    case 'adm_decision':
    case 'court_application_lodged':
    case 'home_review':
    case 'care_plan':
      return true;
    default:
      return false;
  }
}

/** The shared empty list of a milestone type a child has no event of; never pushed to. */
const none: SeenEvent[] = [];

function see(record: ChildRecord, asAt: PlainDate): Seen {
  const asAtDay = epochDay(asAt);
  const placements: SeenPlacement[] = [];
  for (const placement of record.placements) {
    const startDay = epochDay(placement.start);
    if (startDay > asAtDay) continue;
    const endDay = placement.end === null ? Infinity : epochDay(placement.end);
    placements.push({ placement, startDay, endDay: endDay > asAtDay ? Infinity : endDay });
  }
  placements.sort((a, b) => a.startDay - b.startDay || compareIds(a.placement.placementId, b.placement.placementId));
  // Only the few milestone events matter here; reviews, hearings and meetings are skipped unread.
  // Most children have few of them, so a list is made only for a type that has one.
  const eventsByType: Record<MilestoneType, SeenEvent[]> = { permanence_recommendation: none, adm_decision: none, court_application_lodged: none, home_review: none, care_plan: none };
  for (const event of record.events) {
    if (!isMilestoneType(event.type)) continue;
    const day = epochDay(event.date);
    if (day > asAtDay) continue;
    if (eventsByType[event.type] === none) eventsByType[event.type] = [{ event, day }];
    else eventsByType[event.type].push({ event, day });
  }
  for (const type of milestoneTypes) if (eventsByType[type].length > 1) eventsByType[type].sort(byDayThenId);
  return { record, asAtDay, placements, eventsByType, planRoute: latestPlanRoute(eventsByType.care_plan, eventsByType.permanence_recommendation) };
}

/**
 * Two placements are contiguous when the second starts on, or the day after, the day the first
 * ends. Overlapping placements (a data error) are treated as contiguous: the child was looked
 * after throughout. Any placement of the other side breaks a run (of either side: `any`, nothing).
 */
function runsOf(placements: readonly SeenPlacement[], side: 'home' | 'away' | 'any'): Run[] {
  const runs: Run[] = [];
  let current: SeenPlacement[] | null = null;
  let startDay = 0;
  let endDay = -Infinity;
  for (const seen of placements) {
    if (side !== 'any' && (seen.placement.type === 'home') !== (side === 'home')) {
      if (current !== null) runs.push({ placements: current, startDay, endDay });
      current = null;
      endDay = -Infinity;
      continue;
    }
    if (current !== null && seen.startDay <= endDay + 1) {
      current.push(seen);
      endDay = Math.max(endDay, seen.endDay);
    } else {
      if (current !== null) runs.push({ placements: current, startDay, endDay });
      current = [seen];
      startDay = seen.startDay;
      endDay = seen.endDay;
    }
  }
  if (current !== null) runs.push({ placements: current, startDay, endDay });
  return runs;
}

function accommodation(seen: Seen): AccommodationJourney[] {
  const runs = runsOf(seen.placements, 'away');
  const recommendations = eventsOfType(seen, 'permanence_recommendation');
  return runs.map((run, index) => {
    const nextStartDay = runs[index + 1]?.startDay ?? Infinity;
    const first = firstPlacement(run);
    const end = recommendations.find((e) => e.day >= run.startDay && e.day < nextStartDay);
    return journey(seen, 'accommodation', first.placement.start, first.placement.placementId, end, first.placement.type, run.endDay === Infinity ? null : lastPlacementEnd(run), null);
  });
}

function atHome(seen: Seen): AtHomeJourney[] {
  const reviews = eventsOfType(seen, 'home_review');
  return runsOf(seen.placements, 'home')
    .filter((run) => firstPlacement(run).placement.legalBasis === 'CSO')
    .map((run) => {
      const first = firstPlacement(run);
      const lastDay = Math.min(run.endDay, seen.asAtDay);
      const end = reviews.find((e) => e.day >= run.startDay && e.day <= lastDay);
      return journey(seen, 'at-home', first.placement.start, first.placement.placementId, end, first.placement.type, run.endDay === Infinity ? null : lastPlacementEnd(run), null);
    });
}

function recommendation(seen: Seen): RecommendationJourney[] {
  const recommendations = eventsOfType(seen, 'permanence_recommendation');
  const decisions = eventsOfType(seen, 'adm_decision');
  const journeys: RecommendationJourney[] = [];
  recommendations.forEach((start, index) => {
    // A recommendation without a route is still a recommendation; only a return home is not
    // permanence away from home (docs/decisions/0002-journey-readings.md).
    if (start.event.route === 'home') return;
    const nextDay = recommendations[index + 1]?.day ?? Infinity;
    const end = decisions.find((e) => e.day >= start.day && e.day < nextDay);
    journeys.push(journey(seen, 'recommendation', start.event.date, start.event.eventId, end, placementTypeOn(seen, start.day), null, start.event.route));
  });
  return journeys;
}

function adm(seen: Seen): AdmJourney[] {
  const decisions = eventsOfType(seen, 'adm_decision');
  const applications = eventsOfType(seen, 'court_application_lodged');
  const journeys: AdmJourney[] = [];
  decisions.forEach((start, index) => {
    const route = start.event.route;
    if (route === null || !courtRoutes.includes(route)) return;
    const nextDay = decisions[index + 1]?.day ?? Infinity;
    const end = applications.find((e) => e.day >= start.day && e.day < nextDay);
    journeys.push(journey(seen, 'adm', start.event.date, start.event.eventId, end, placementTypeOn(seen, start.day), null, route));
  });
  return journeys;
}

/**
 * A journey of any kind. Every kind is built with the same fields in the same order (`runEnd` and
 * `route` null where the kind has none), so the code that reads millions of journeys sees objects
 * of one shape.
 */
function journey<K extends JourneyKind>(
  seen: Seen,
  kind: K,
  start: PlainDate,
  startRef: string,
  end: SeenEvent | undefined,
  placementTypeAtStart: PlacementType | null,
  runEnd: PlainDate | null,
  route: Route | null,
): Extract<Journey, { kind: K }> {
  const child = seen.record.child;
  return {
    kind,
    childId: child.childId,
    start,
    end: end?.event.date ?? null,
    startRef,
    endRef: end?.event.eventId ?? null,
    placementTypeAtStart,
    ageAtStart: ageInYears(child.dateOfBirth, start),
    siblingGroup: child.siblingGroup,
    planRoute: seen.planRoute,
    runEnd,
    route,
  } as unknown as Extract<Journey, { kind: K }>;
}

function eventsOfType(seen: Seen, type: MilestoneType): readonly SeenEvent[] {
  return seen.eventsByType[type];
}

function byDayThenId(a: SeenEvent, b: SeenEvent): number {
  return a.day - b.day || compareIds(a.event.eventId, b.event.eventId);
}

/** The latest care plan or recommendation that names a route (each list in date order). */
function latestPlanRoute(plans: readonly SeenEvent[], recommendations: readonly SeenEvent[]): Route | null {
  const plan = latestWithRoute(plans);
  const recommendation = latestWithRoute(recommendations);
  if (plan === null || recommendation === null) return (plan ?? recommendation)?.event.route ?? null;
  return (byDayThenId(plan, recommendation) > 0 ? plan : recommendation).event.route;
}

function latestWithRoute(events: readonly SeenEvent[]): SeenEvent | null {
  for (let i = events.length - 1; i >= 0; i--) if ((events[i] as SeenEvent).event.route !== null) return events[i] as SeenEvent;
  return null;
}

/** The placement open on a day; on a moving day, the one the child moved into. */
function placementTypeOn(seen: Seen, day: number): PlacementType | null {
  let found: SeenPlacement | null = null;
  for (const p of seen.placements) {
    if (p.startDay <= day && p.endDay >= day) found = p;
  }
  return found?.placement.type ?? null;
}

function firstPlacement(run: Run): SeenPlacement {
  return run.placements[0] as SeenPlacement;
}

function lastPlacementEnd(run: Run): PlainDate {
  // The run's last day is the latest end among its placements (not necessarily the last one's).
  let latest: SeenPlacement = firstPlacement(run);
  for (const p of run.placements) if (p.endDay > latest.endDay) latest = p;
  return latest.placement.end as PlainDate;
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
