/**
 * Journeys: the unit of every aim (docs/measurement.md, "Journeys"). A journey has a child, a start
 * date, maybe an end date (the milestone that met it), maybe a leave date (the child left before
 * the milestone), its route and the attributes known at its start. Each kind is derived from a
 * child's placements and events as at a date: only what is dated on or before as-at exists, and a
 * placement that ends after as-at is still open.
 *
 * The leave date is worked out first, the end second: the end is the first milestone dated on or
 * after the start and on or before the leave date (or as-at), and a journey with an end has no
 * leave date.
 */
import { courtRoutes, eventTypes, type JourneyRoute, type PlacementType, type Route } from './codes.js';
import { ageInYears, civilFromDays, dateOfEpochDay, daysFromCivil, epochDay, type PlainDate } from './date.js';
import { eventMatches, measureKey, type EventMatch, type MeasureDefinition } from './measure-definition.js';
import type { CaseEvent, ChildRecord, Placement, PlannedEvent } from './records.js';

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

/**
 * Why a journey stops without its milestone:
 * - `run-ended`: the run it measures ended while the child stayed looked after (aim 2: moved home;
 *   aim 1: moved away from home);
 * - `left-care`: the child ceased to be looked after (the last placement ended, or a
 *   `ceased_looked_after` event);
 * - `turned-18`: the day before the 18th birthday;
 * - `superseded`: a later recommendation (aim 3) or ADM decision (aim 4) replaced it.
 * - `cancelled`: a local measure from an event's planned date (measure-definition.ts): the event
 *   was cancelled.
 */
export type LeaveReason = 'run-ended' | 'left-care' | 'turned-18' | 'superseded' | 'cancelled';

/** The day a journey stops because the child left, and why. */
export interface Departure {
  readonly date: PlainDate;
  readonly reason: LeaveReason;
}

interface JourneyBase {
  readonly childId: string;
  readonly start: PlainDate;
  /** The day the end milestone was reached, or null while it has not been (as at). */
  readonly end: PlainDate | null;
  /**
   * The leave date: the day the child left without the milestone (never before the start). Null
   * when the journey has an end, and while the child is still on it.
   */
  readonly leave: PlainDate | null;
  /** Why the child left, when `leave` is set. */
  readonly leaveReason: LeaveReason | null;
  /**
   * The day the journey stops by the leave rules, whether or not its milestone came first (so the
   * schedule of reviews stops when the child leaves even after a recommendation). Null while open.
   */
  readonly departure: Departure | null;
  /** The placement or event that started the journey. */
  readonly startRef: string;
  /** The event that ended it. */
  readonly endRef: string | null;
  /** For aim 1 and 2: the first placement's type; for aim 3 and 4: the placement open on the start date. */
  readonly placementTypeAtStart: PlacementType | null;
  readonly ageAtStart: number;
  readonly siblingGroup: string | null;
  readonly team: string | null;
  readonly locality: string | null;
  /**
   * The journey's route: for one with an end, the route of the milestone that ended it, or the
   * latest plan on or before the end; otherwise the latest plan on or before the leave date (or
   * as-at); `undecided` with none. Fixed once the journey ends.
   */
  readonly route: JourneyRoute;
}

export interface AtHomeJourney extends JourneyBase {
  readonly kind: 'at-home';
  /** The last day of the run of home placements, or null while the run continues at as-at. */
  readonly runEnd: PlainDate | null;
  readonly startRoute: null;
}

export interface AccommodationJourney extends JourneyBase {
  readonly kind: 'accommodation';
  /** The last day of the run of placements away from home, or null while the run continues at as-at. */
  readonly runEnd: PlainDate | null;
  readonly startRoute: null;
}

export interface RecommendationJourney extends JourneyBase {
  readonly kind: 'recommendation';
  readonly runEnd: null;
  /** The route the recommendation that started it named (null only when the record lacks it). */
  readonly startRoute: Route | null;
}

export interface AdmJourney extends JourneyBase {
  readonly kind: 'adm';
  readonly runEnd: null;
  /** The route the ADM approved. */
  readonly startRoute: Route;
}

/** A journey of a local measure (measure-definition.ts): any start, any end events. */
export interface MeasureJourney extends JourneyBase {
  readonly kind: 'measure';
  /** For a start that is a run or spell: its last day, or null while it continues at as-at. */
  readonly runEnd: PlainDate | null;
  /** For a start that is an event: the route it named. */
  readonly startRoute: Route | null;
}

export type Journey = AtHomeJourney | AccommodationJourney | RecommendationJourney | AdmJourney | MeasureJourney;

/** A journey of one of the four national kinds. */
export type NationalJourney = Exclude<Journey, MeasureJourney>;

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

/**
 * A maximal sequence of contiguous placements of one side (home or away), or of any type: always
 * neighbours in the seen placements (in date order), so it is kept as the places of its first and
 * last rather than as a list of its own.
 */
interface Run {
  readonly first: number;
  readonly last: number;
  readonly startDay: number;
  /** The latest end among its placements; Infinity while one is open at as-at. */
  readonly endDay: number;
}

/** A looked-after spell: a run of placements of any type, and the day it is over (if it is, at as-at). */
interface Spell extends Run {
  /** Infinity while the spell continues at as-at. */
  readonly overDay: number;
  readonly overReason: 'left-care' | 'turned-18' | null;
}

type JourneysByKind = { readonly [K in JourneyKind]: readonly NationalJourney[] };

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
  return deriveFrom(see(record, asAt));
}

function deriveFrom(seen: Seen): JourneysByKind {
  return { 'at-home': atHome(seen), accommodation: accommodation(seen), recommendation: recommendation(seen), adm: adm(seen) };
}

/** The one empty list of journeys: most children have none of most kinds. */
const noJourneys: readonly never[] = Object.freeze([]);

/**
 * The journeys of one kind of every record in a list: one list, record after record (each record's
 * in start order), with the place of each journey's record in the list of records beside it.
 */
export interface JourneysOfKind {
  readonly journeys: readonly Journey[];
  /** For each journey, the index of its record in the list of records. */
  readonly recordIndex: readonly number[];
}

// An authority's figures ask for every child's journeys at once, four aims over: remembered per
// list of records and as-at date (one entry per authority, not one per child), each kind as one
// flat list. The journeys are kept as long as the records are, and a list per child and kind (most
// holding one journey) was as much again for the garbage collector to copy.
type ListJourneys = { readonly [K in JourneyKind]: JourneysOfKind };
type ListBuilder = { readonly [K in JourneyKind]: { journeys: Journey[]; recordIndex: number[] } };
const derivedForLists = new WeakMap<readonly ChildRecord[], { readonly asAtDay: number; readonly journeys: ListJourneys }>();

/** The journeys of one kind of every record in `records`, as at `asAt`, in the records' order. */
export function journeysOfKindForEach(records: readonly ChildRecord[], kind: JourneyKind, asAt: PlainDate): JourneysOfKind {
  const asAtDay = epochDay(asAt);
  let cached = derivedForLists.get(records);
  if (cached === undefined || cached.asAtDay !== asAtDay) {
    const lists = emptyLists();
    for (let index = 0; index < records.length; index++) addJourneys(lists, index, derive(records[index] as ChildRecord, asAt));
    cached = { asAtDay, journeys: lists };
    derivedForLists.set(records, cached);
  }
  return cached.journeys[kind];
}

function emptyLists(): ListBuilder {
  return { 'at-home': { journeys: [], recordIndex: [] }, accommodation: { journeys: [], recordIndex: [] }, recommendation: { journeys: [], recordIndex: [] }, adm: { journeys: [], recordIndex: [] } };
}

function addJourneys(lists: ListBuilder, recordIndex: number, byKind: JourneysByKind): void {
  addJourneysOfKind(lists['at-home'], recordIndex, byKind['at-home']);
  addJourneysOfKind(lists.accommodation, recordIndex, byKind.accommodation);
  addJourneysOfKind(lists.recommendation, recordIndex, byKind.recommendation);
  addJourneysOfKind(lists.adm, recordIndex, byKind.adm);
}

function addJourneysOfKind(list: { journeys: Journey[]; recordIndex: number[] }, recordIndex: number, journeys: readonly Journey[]): void {
  for (let j = 0; j < journeys.length; j++) {
    list.journeys.push(journeys[j] as Journey);
    list.recordIndex.push(recordIndex);
  }
}

/**
 * The work of journeysOfKindForEach's first call for `records` as at `asAt`, `step` records at a
 * time: yields the number derived so far after each step, so that its caller can let other work run
 * in between (src/app/figures-cache.ts); once finished, the journeys are remembered as
 * journeysOfKindForEach remembers them. Nothing to do when they are remembered already.
 */
export function* deriveJourneysInSteps(records: readonly ChildRecord[], asAt: PlainDate, step = 500): Generator<number, void, void> {
  const asAtDay = epochDay(asAt);
  const cached = derivedForLists.get(records);
  if (cached !== undefined && cached.asAtDay === asAtDay) return;
  const lists = emptyLists();
  for (let index = 0; index < records.length; index++) {
    addJourneys(lists, index, derive(records[index] as ChildRecord, asAt));
    if ((index + 1) % step === 0) yield index + 1;
  }
  derivedForLists.set(records, { asAtDay, journeys: lists });
}

/** Every journey of every kind for one child, as at `asAt`, in kind order then start order. */
export function journeysOf(record: ChildRecord, asAt: PlainDate): NationalJourney[] {
  const byKind = journeysByKind(record, asAt);
  return journeyKinds.flatMap((kind) => byKind[kind]);
}

/** The journeys of one kind for one child, as at `asAt`. */
export function journeysOfKind(record: ChildRecord, kind: JourneyKind, asAt: PlainDate): readonly NationalJourney[] {
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

/** A child's periods of being looked after as at `asAt`, in date order (by placements alone). */
export function lookedAfterPeriods(record: ChildRecord, asAt: PlainDate): LookedAfterPeriod[] {
  const { placements } = see(record, asAt);
  return runsOf(placements, 'any').map((run) => ({
    childId: record.child.childId,
    start: (placements[run.first] as SeenPlacement).placement.start,
    end: run.endDay === Infinity ? null : lastPlacementEnd(placements, run.first, run.last),
    placementIds: placements.slice(run.first, run.last + 1).map((p) => p.placement.placementId),
  }));
}

/** A looked-after spell as the journeys read it: its start, and the day it is over (null while it continues). */
export interface LookedAfterSpell {
  readonly start: PlainDate;
  /** The last day of its placements, or null while one is open at as-at. */
  readonly lastPlacementDay: PlainDate | null;
  /** The day the spell is over: the earliest of its last placement day, a ceased_looked_after, the day before the 18th birthday. */
  readonly over: PlainDate | null;
  readonly overReason: 'left-care' | 'turned-18' | null;
}

/** A child's looked-after spells as at `asAt`, in date order (docs/measurement.md, "Journeys"). */
export function lookedAfterSpells(record: ChildRecord, asAt: PlainDate): LookedAfterSpell[] {
  return see(record, asAt).spells.map((spell) => ({
    start: dateOfEpochDay(spell.startDay),
    lastPlacementDay: spell.endDay === Infinity ? null : dateOfEpochDay(spell.endDay),
    over: spell.overDay === Infinity ? null : dateOfEpochDay(spell.overDay),
    overReason: spell.overReason,
  }));
}

/**
 * The day before the 18th birthday as a day number. A child born on 29 February turns 18 on
 * 1 March in a year without one (Age of Legal Capacity (Scotland) Act 1991, s.6), so the day
 * before is 28 February.
 */
export function dayBeforeEighteenthBirthday(dateOfBirth: PlainDate): number {
  const born = civilFromDays(epochDay(dateOfBirth));
  const year = born.year + 18;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const birthday = born.month === 2 && born.day === 29 && !leap ? daysFromCivil(year, 3, 1) : daysFromCivil(year, born.month, born.day);
  return birthday - 1;
}

interface Seen {
  readonly record: ChildRecord;
  readonly asAtDay: number;
  readonly placements: readonly SeenPlacement[];
  readonly spells: readonly Spell[];
  /** The day before the 18th birthday, or Infinity when that is after as-at. */
  readonly eighteenDay: number;
  /** The events the journey rules read, by type, in date order (then id). */
  readonly eventsByType: Readonly<Record<MilestoneType, readonly SeenEvent[]>>;
  /** Every event by type (eventsByAnyType), when seen with all types; null otherwise. */
  readonly byAnyType: EventsByType | null;
}

/** The event types that start or end journeys, set the plan route, or end a spell. */
const milestoneTypes = ['permanence_recommendation', 'adm_decision', 'court_application_lodged', 'home_review', 'care_plan', 'ceased_looked_after'] as const;
type MilestoneType = (typeof milestoneTypes)[number];

/** The shared empty list of a milestone type a child has no event of, or of a child's placements. */
const none: SeenEvent[] = [];
const noPlacements: SeenPlacement[] = [];

/** The place of a milestone type in milestoneTypes, or -1 for an event the journey rules do not read (a switch: this runs for every event). */
function milestoneIndex(type: CaseEvent['type']): number {
  switch (type) {
    case 'permanence_recommendation':
      return 0;
    case 'adm_decision':
      return 1;
    case 'court_application_lodged':
      return 2;
    case 'home_review':
      return 3;
    case 'care_plan':
      return 4;
    case 'ceased_looked_after':
      return 5;
    default:
      return -1;
  }
}

// A child's milestone events as they are read, before they are put in lists of their own: reused
// from child to child, so that each list is made once at its size (a list grown by push starts at
// seventeen places, most children's at one or two).
const readEvents: SeenEvent[] = [];
const readTypes: number[] = [];
const typeCounts = new Int32Array(milestoneTypes.length);

/** A list for the milestone events of a type, at the size typeCounts holds for it. */
function listOf(type: number): SeenEvent[] {
  const count = typeCounts[type] as number;
  return count === 0 ? none : new Array<SeenEvent>(count);
}

/**
 * A child as the journey rules read them as at `asAt`. With `allTypes`, also every event by type
 * (a local measure may start or end at any), made in the same pass, the milestone lists then being
 * those of the six types: the events are read once, not once for the milestones and again for the rest.
 */
function see(record: ChildRecord, asAt: PlainDate, allTypes = false): Seen {
  const asAtDay = epochDay(asAt);
  let seenCount = 0;
  for (let i = 0; i < record.placements.length; i++) if (epochDay((record.placements[i] as Placement).start) <= asAtDay) seenCount += 1;
  const placements: SeenPlacement[] = seenCount === 0 ? noPlacements : new Array<SeenPlacement>(seenCount);
  let at = 0;
  for (let i = 0; i < record.placements.length; i++) {
    const placement = record.placements[i] as Placement;
    const startDay = epochDay(placement.start);
    if (startDay > asAtDay) continue;
    const endDay = placement.end === null ? Infinity : epochDay(placement.end);
    placements[at++] = { placement, startDay, endDay: endDay > asAtDay ? Infinity : endDay };
  }
  // Records mostly come in date order already; sorting allocates, so only a list out of order is sorted.
  if (!isInOrder(placements, byStartThenId)) placements.sort(byStartThenId);
  const byAnyType = allTypes ? eventsByAnyType(record.events, asAtDay) : null;
  let lists: readonly (readonly SeenEvent[])[];
  if (byAnyType === null) lists = milestoneLists(record, asAtDay);
  else {
    const ofType = (type: number) => byAnyType[milestoneTypeIndexes[type] as number] ?? none;
    lists = [ofType(0), ofType(1), ofType(2), ofType(3), ofType(4), ofType(5)];
  }
  const eventsByType: Record<MilestoneType, readonly SeenEvent[]> = {
    permanence_recommendation: lists[0] as readonly SeenEvent[],
    adm_decision: lists[1] as readonly SeenEvent[],
    court_application_lodged: lists[2] as readonly SeenEvent[],
    home_review: lists[3] as readonly SeenEvent[],
    care_plan: lists[4] as readonly SeenEvent[],
    ceased_looked_after: lists[5] as readonly SeenEvent[],
  };
  // The day before the 18th birthday is at least 6,572 days after birth (18 years hold 3 to 5 leap
  // days): for a child younger than that at as-at, it need not be worked out.
  const eighteen = asAtDay - epochDay(record.child.dateOfBirth) < 6570 ? Infinity : dayBeforeEighteenthBirthday(record.child.dateOfBirth);
  const eighteenDay = eighteen <= asAtDay ? eighteen : Infinity;
  return { record, asAtDay, placements, spells: spellsOf(placements, eventsByType.ceased_looked_after, eighteenDay), eighteenDay, eventsByType, byAnyType };
}

/** The child's milestone events (dated on or before as-at) in six lists, one a milestone type, each in date order then id. */
function milestoneLists(record: ChildRecord, asAtDay: number): SeenEvent[][] {
  // Only the few milestone events matter here; reviews, hearings and meetings are skipped unread.
  typeCounts.fill(0);
  let read = 0;
  for (let i = 0; i < record.events.length; i++) {
    const event = record.events[i] as CaseEvent;
    const type = milestoneIndex(event.type);
    if (type < 0) continue;
    const day = epochDay(event.date);
    if (day > asAtDay) continue;
    readEvents[read] = { event, day };
    readTypes[read] = type;
    read += 1;
    typeCounts[type] = (typeCounts[type] as number) + 1;
  }
  const lists = [listOf(0), listOf(1), listOf(2), listOf(3), listOf(4), listOf(5)];
  typeCounts.fill(0);
  for (let i = 0; i < read; i++) {
    const type = readTypes[i] as number;
    (lists[type] as SeenEvent[])[typeCounts[type] as number] = readEvents[i] as SeenEvent;
    typeCounts[type] = (typeCounts[type] as number) + 1;
  }
  for (const list of lists) if (!isInOrder(list, byDayThenId)) list.sort(byDayThenId);
  return lists;
}

/**
 * A spell is over on the earliest of: its last placement day (once ended), the first
 * `ceased_looked_after` dated within it, and the day before the 18th birthday (each only when on
 * or before as-at, which the seen placements and events already are).
 */
const noSpells: readonly Spell[] = [];

function spellsOf(placements: readonly SeenPlacement[], ceased: readonly SeenEvent[], eighteenDay: number): readonly Spell[] {
  // Plain loops and one object literal per spell: this runs for every child of every figure.
  let spells: Spell[] | null = null;
  forEachRun(placements, 'any', (first, last, startDay, endDay) => {
    let overDay = endDay;
    let overReason: Spell['overReason'] = endDay === Infinity ? null : 'left-care';
    for (let i = 0; i < ceased.length; i++) {
      const day = (ceased[i] as SeenEvent).day;
      if (day >= startDay && day <= endDay) {
        if (day < overDay) {
          overDay = day;
          overReason = 'left-care';
        }
        break;
      }
    }
    // On the same day as the last placement or a ceased event, turning 18 is the reason given.
    if (eighteenDay !== Infinity && eighteenDay <= overDay) {
      overDay = eighteenDay;
      overReason = 'turned-18';
    }
    spells = withItem(spells, { first, last, startDay, endDay, overDay, overReason });
  });
  return spells ?? noSpells;
}

/**
 * Two placements are contiguous when the second starts on, or the day after, the day the first
 * ends. Overlapping placements (a data error) are treated as contiguous: the child was looked
 * after throughout. Any placement of the other side breaks a run (of either side: `any`, nothing).
 */
function runsOf(placements: readonly SeenPlacement[], side: RunSide): Run[] {
  const runs: Run[] = [];
  forEachRun(placements, side, (first, last, startDay, endDay) => runs.push({ first, last, startDay, endDay }));
  return runs;
}

/**
 * Each run in turn, as the places of its first and last placements and its first and last days:
 * the journeys are built from these as they are found, with no list of runs made for each child.
 */
function forEachRun(placements: readonly SeenPlacement[], side: RunSide, visit: (first: number, last: number, startDay: number, endDay: number) => void): void {
  let first = -1;
  let startDay = 0;
  let endDay = -Infinity;
  for (let i = 0; i < placements.length; i++) {
    const seen = placements[i] as SeenPlacement;
    if (side !== 'any' && !onSide(seen.placement.type, side)) {
      if (first >= 0) visit(first, i - 1, startDay, endDay);
      first = -1;
      endDay = -Infinity;
      continue;
    }
    if (first >= 0 && seen.startDay <= endDay + 1) {
      endDay = Math.max(endDay, seen.endDay);
    } else {
      if (first >= 0) visit(first, i - 1, startDay, endDay);
      first = i;
      startDay = seen.startDay;
      endDay = seen.endDay;
    }
  }
  if (first >= 0) visit(first, placements.length - 1, startDay, endDay);
}

/** Which placements make a run: at home, away from home, at home or in kinship care, or any. */
type RunSide = 'home' | 'away' | 'home-or-kinship' | 'any';

function onSide(type: PlacementType, side: Exclude<RunSide, 'any'>): boolean {
  switch (side) {
    case 'home':
      return type === 'home';
    case 'away':
      return type !== 'home';
    default:
      return type === 'home' || type === 'kinship';
  }
}

/** The spell whose placements cover `day`, if any. */
function spellHolding(seen: Seen, day: number): Spell | undefined {
  for (let i = 0; i < seen.spells.length; i++) {
    const spell = seen.spells[i] as Spell;
    if (spell.startDay <= day && day <= spell.endDay) return spell;
  }
  return undefined;
}

/**
 * `list` with `item` added, a list of one made as such when there is none yet: most children have
 * one spell and one journey of a kind, and a list grown by push from empty takes seventeen places.
 */
function withItem<T>(list: T[] | null, item: T): T[] {
  if (list === null) return [item];
  list.push(item);
  return list;
}

/** The departure on `day`, never before the journey's start (docs/measurement.md, "Journeys"). */
function departureOn(day: number, reason: LeaveReason, startDay: number): Departure {
  return { date: dateOfEpochDay(day < startDay ? startDay : day), reason };
}

/** Aims 1 and 2: the run's last day, or the end of its spell, whichever is earlier. */
function runDeparture(seen: Seen, runStartDay: number, runEndDay: number): Departure | null {
  const spell = spellHolding(seen, runStartDay);
  const spellOver = spell?.overDay ?? Infinity;
  if (spellOver === Infinity && runEndDay === Infinity) return null;
  if (spellOver <= runEndDay) return departureOn(spellOver, spell?.overReason ?? 'left-care', runStartDay);
  return departureOn(runEndDay, 'run-ended', runStartDay);
}

/**
 * Aims 3 and 4: the earliest of the end of the spell holding the start, the day before the 18th
 * birthday, and the day before the next event of the same type (which supersedes this one).
 */
function eventDeparture(seen: Seen, start: SeenEvent, next: SeenEvent | undefined): Departure | null {
  let day = Infinity;
  let reason: LeaveReason = 'left-care';
  const spell = spellHolding(seen, start.day);
  if (spell !== undefined && spell.overReason !== null) {
    day = spell.overDay;
    reason = spell.overReason;
  }
  if (seen.eighteenDay < day) {
    day = seen.eighteenDay;
    reason = 'turned-18';
  }
  if (next !== undefined && next.day - 1 < day) {
    day = next.day - 1;
    reason = 'superseded';
  }
  return day === Infinity ? null : departureOn(day, reason, start.day);
}

function accommodation(seen: Seen): readonly AccommodationJourney[] {
  const recommendations = eventsOfType(seen, 'permanence_recommendation');
  let journeys: AccommodationJourney[] | null = null;
  forEachRun(seen.placements, 'away', (first, last, startDay, endDay) => {
    const placement = (seen.placements[first] as SeenPlacement).placement;
    const runEnd = endDay === Infinity ? null : lastPlacementEnd(seen.placements, first, last);
    journeys = withItem(journeys, journey(seen, 'accommodation', startDay, placement.placementId, runDeparture(seen, startDay, endDay), recommendations, placement.type, runEnd, null));
  });
  return journeys ?? noJourneys;
}

function atHome(seen: Seen): readonly AtHomeJourney[] {
  const reviews = eventsOfType(seen, 'home_review');
  let journeys: AtHomeJourney[] | null = null;
  forEachRun(seen.placements, 'home', (first, last, startDay, endDay) => {
    const placement = (seen.placements[first] as SeenPlacement).placement;
    if (placement.legalBasis !== 'CSO') return;
    const runEnd = endDay === Infinity ? null : lastPlacementEnd(seen.placements, first, last);
    journeys = withItem(journeys, journey(seen, 'at-home', startDay, placement.placementId, runDeparture(seen, startDay, endDay), reviews, placement.type, runEnd, null));
  });
  return journeys ?? noJourneys;
}

function recommendation(seen: Seen): readonly RecommendationJourney[] {
  const recommendations = eventsOfType(seen, 'permanence_recommendation');
  const decisions = eventsOfType(seen, 'adm_decision');
  let journeys: RecommendationJourney[] | null = null;
  for (let index = 0; index < recommendations.length; index++) {
    const start = recommendations[index] as SeenEvent;
    // A recommendation without a route is still a recommendation; only a return home is not
    // permanence away from home (docs/decisions/0002-journey-readings.md). Any later
    // recommendation, a return home included, supersedes it.
    if (start.event.route === 'home') continue;
    const departure = eventDeparture(seen, start, recommendations[index + 1]);
    journeys = withItem(journeys, journey(seen, 'recommendation', start.day, start.event.eventId, departure, decisions, placementTypeOn(seen, start.day), null, start.event.route));
  }
  return journeys ?? noJourneys;
}

function adm(seen: Seen): readonly AdmJourney[] {
  const decisions = eventsOfType(seen, 'adm_decision');
  const applications = eventsOfType(seen, 'court_application_lodged');
  let journeys: AdmJourney[] | null = null;
  for (let index = 0; index < decisions.length; index++) {
    const start = decisions[index] as SeenEvent;
    const route = start.event.route;
    if (route === null || !courtRoutes.includes(route)) continue;
    const departure = eventDeparture(seen, start, decisions[index + 1]);
    journeys = withItem(journeys, journey(seen, 'adm', start.day, start.event.eventId, departure, applications, placementTypeOn(seen, start.day), null, route));
  }
  return journeys ?? noJourneys;
}

/**
 * The journeys of a measure for one child as at `asAt` (measure-definition.ts): each start by the
 * start's own rule, its leave date by the same rules as the national kinds (a run's end or its
 * spell's; for an event, its spell's end, the 18th birthday, or the next event of the same type),
 * and its end the first event matching any of the ends, dated on or after the start and on or
 * before the leave date (or as-at).
 */
export function journeysOfMeasure(record: ChildRecord, definition: MeasureDefinition, asAt: PlainDate): readonly MeasureJourney[] {
  const seen = see(record, asAt, true);
  return measureJourneys(seen, seen.byAnyType as EventsByType, definition);
}

/** A child's events (dated on or before as-at) by the place of their type in eventTypes, each list in date order then id. */
type EventsByType = readonly (readonly SeenEvent[] | undefined)[];

const eventTypeIndex: ReadonlyMap<string, number> = new Map(eventTypes.map((type, index) => [type, index]));
/** The place in eventTypes of each milestone type, in milestoneTypes' order. */
const milestoneTypeIndexes: readonly number[] = milestoneTypes.map((type) => eventTypeIndex.get(type) as number);

function eventsByAnyType(events: readonly CaseEvent[], asAtDay: number): EventsByType {
  const byType: (SeenEvent[] | undefined)[] = new Array<SeenEvent[] | undefined>(eventTypes.length);
  for (let i = 0; i < events.length; i++) {
    const event = events[i] as CaseEvent;
    const day = epochDay(event.date);
    if (day > asAtDay) continue;
    const type = eventTypeIndex.get(event.type) as number;
    const list = byType[type];
    if (list === undefined) byType[type] = [{ event, day }];
    else list.push({ event, day });
  }
  for (let t = 0; t < byType.length; t++) {
    const list = byType[t];
    if (list !== undefined && !isInOrder(list, byDayThenId)) list.sort(byDayThenId);
  }
  return byType;
}

function measureJourneys(seen: Seen, byType: EventsByType, definition: MeasureDefinition): readonly MeasureJourney[] {
  const ends = eventsMatchingAny(byType, definition.ends);
  const start = definition.start;
  let journeys: MeasureJourney[] | null = null;
  switch (start.kind) {
    case 'accommodated':
    case 'at-home':
    case 'at-home-or-kinship': {
      const side = start.kind === 'accommodated' ? 'away' : start.kind === 'at-home' ? 'home' : 'home-or-kinship';
      forEachRun(seen.placements, side, (first, last, startDay, endDay) => {
        const placement = (seen.placements[first] as SeenPlacement).placement;
        if (side !== 'away' && placement.legalBasis !== 'CSO') return;
        const runEnd = endDay === Infinity ? null : lastPlacementEnd(seen.placements, first, last);
        journeys = withItem(journeys, journey(seen, 'measure', startDay, placement.placementId, runDeparture(seen, startDay, endDay), ends, placement.type, runEnd, null));
      });
      break;
    }
    case 'spell':
      for (const spell of seen.spells) {
        const placement = (seen.placements[spell.first] as SeenPlacement).placement;
        const departure = spell.overDay === Infinity ? null : departureOn(spell.overDay, spell.overReason ?? 'left-care', spell.startDay);
        const runEnd = spell.endDay === Infinity ? null : lastPlacementEnd(seen.placements, spell.first, spell.last);
        journeys = withItem(journeys, journey(seen, 'measure', spell.startDay, placement.placementId, departure, ends, placement.type, runEnd, null));
      }
      break;
    case 'planned':
      journeys = plannedJourneys(seen, byType, start.type);
      break;
    default: {
      // Every event of the start's type, whatever its route: the next one supersedes, whether or not it starts a journey itself.
      const sameType = byType[eventTypeIndex.get(start.type) as number] ?? none;
      for (let index = 0; index < sameType.length; index++) {
        const begin = sameType[index] as SeenEvent;
        if (!eventMatches(start, begin.event.type, begin.event.route)) continue;
        const departure = eventDeparture(seen, begin, sameType[index + 1]);
        journeys = withItem(journeys, journey(seen, 'measure', begin.day, begin.event.eventId, departure, ends, placementTypeOn(seen, begin.day), null, begin.event.route));
      }
    }
  }
  return journeys ?? noJourneys;
}

/**
 * A measure from the planned date of each event of `type` (docs/decisions/0029-measures.md): one
 * journey for each event held with a planned date, each still planned and each cancelled, planned
 * for a day on or before as-at. It starts on the planned day (or the day it was held, if that was
 * earlier) and ends on the day it was held; one cancelled stops, `cancelled`, on its planned day;
 * one still planned (or held after as-at) is open. The spell holding the start and the 18th
 * birthday stop it as they stop any journey from an event.
 */
function plannedJourneys(seen: Seen, byType: EventsByType, type: CaseEvent['type']): MeasureJourney[] | null {
  let journeys: MeasureJourney[] | null = null;
  const held = byType[eventTypeIndex.get(type) as number] ?? none;
  for (let i = 0; i < held.length; i++) {
    const at = held[i] as SeenEvent;
    if (at.event.plannedDate === undefined || at.event.plannedDate === null) continue;
    const startDay = Math.min(epochDay(at.event.plannedDate), at.day);
    const start = { event: at.event, day: startDay };
    journeys = withItem(journeys, journey(seen, 'measure', startDay, at.event.eventId, eventDeparture(seen, start, undefined), [at], placementTypeOn(seen, startDay), null, at.event.route));
  }
  // Held after as-at: at as-at it was still to be held.
  const events = seen.record.events;
  for (let i = 0; i < events.length; i++) {
    const event = events[i] as CaseEvent;
    if (event.type !== type || event.plannedDate === undefined || event.plannedDate === null) continue;
    const plannedDay = epochDay(event.plannedDate);
    if (plannedDay > seen.asAtDay || epochDay(event.date) <= seen.asAtDay) continue;
    journeys = withItem(journeys, journey(seen, 'measure', plannedDay, event.eventId, eventDeparture(seen, { event, day: plannedDay }, undefined), none, placementTypeOn(seen, plannedDay), null, event.route));
  }
  const plans = seen.record.plans ?? [];
  for (let i = 0; i < plans.length; i++) {
    const plan = plans[i] as PlannedEvent;
    if (plan.type !== type) continue;
    const plannedDay = epochDay(plan.plannedDate);
    if (plannedDay > seen.asAtDay) continue;
    const asEvent: CaseEvent = { childId: plan.childId, eventId: plan.eventId, type: plan.type, date: plan.plannedDate, route: plan.route, note: plan.reason, recordedDate: plan.recordedDate };
    const ends = eventDeparture(seen, { event: asEvent, day: plannedDay }, undefined);
    const departure = plan.status === 'cancelled' && (ends === null || epochDay(ends.date) > plannedDay) ? departureOn(plannedDay, 'cancelled', plannedDay) : ends;
    journeys = withItem(journeys, journey(seen, 'measure', plannedDay, plan.eventId, departure, none, placementTypeOn(seen, plannedDay), null, plan.route));
  }
  if (journeys !== null) (journeys as MeasureJourney[]).sort((a, b) => epochDay(a.start) - epochDay(b.start) || compareIds(a.startRef, b.startRef));
  return journeys;
}

/** The child's events (dated on or before as-at) matching any of `matches`, in date order then id. */
function eventsMatchingAny(byType: EventsByType, matches: readonly EventMatch[]): readonly SeenEvent[] {
  // One end of one type with no route asked, the usual measure: the child's list of that type as it is.
  if (matches.length === 1 && !(matches[0] as EventMatch).routes?.length) return byType[eventTypeIndex.get((matches[0] as EventMatch).type) as number] ?? none;
  let found: SeenEvent[] | null = null;
  for (let m = 0; m < matches.length; m++) {
    const match = matches[m] as EventMatch;
    const list = byType[eventTypeIndex.get(match.type) as number];
    if (list === undefined) continue;
    for (let i = 0; i < list.length; i++) {
      const seenEvent = list[i] as SeenEvent;
      if (eventMatches(match, seenEvent.event.type, seenEvent.event.route)) found = withItem(found, seenEvent);
    }
  }
  if (found === null) return none;
  if (!isInOrder(found, byDayThenId)) found.sort(byDayThenId);
  return found;
}

// A measure's journeys of a list of records, remembered per list, as-at date and definition (as the
// national kinds are in journeysOfKindForEach).
interface MeasuredList {
  readonly asAtDay: number;
  readonly journeys: Map<string, JourneysOfKind>;
}
const measuredForLists = new WeakMap<readonly ChildRecord[], MeasuredList>();

function measuredList(records: readonly ChildRecord[], asAtDay: number): MeasuredList {
  let measured = measuredForLists.get(records);
  if (measured === undefined || measured.asAtDay !== asAtDay) {
    measured = { asAtDay, journeys: new Map() };
    measuredForLists.set(records, measured);
  }
  return measured;
}

/** The journeys of a measure of every record in `records`, as at `asAt`, in the records' order. */
export function journeysOfMeasureForEach(records: readonly ChildRecord[], definition: MeasureDefinition, asAt: PlainDate): JourneysOfKind {
  const measured = measuredList(records, epochDay(asAt));
  const key = measureKey(definition);
  const cached = measured.journeys.get(key);
  if (cached !== undefined) return cached;
  deriveMeasures(records, [definition], asAt);
  return measured.journeys.get(key) as JourneysOfKind;
}

/**
 * Derives the journeys of several measures of `records` as at `asAt` in one pass over the children,
 * each child seen (and its events put in lists by type) once for all of them, and remembers them as
 * journeysOfMeasureForEach does: an authority's figures call this with all its local measures
 * before measuring each aim. Nothing of a child is kept but its journeys. The national kinds'
 * journeys, when not yet derived for the list, are derived in the same pass.
 */
export function deriveMeasures(records: readonly ChildRecord[], definitions: readonly MeasureDefinition[], asAt: PlainDate): void {
  for (const _ of deriveMeasuresInSteps(records, definitions, asAt, Infinity));
}

/** deriveMeasures `step` children at a time, yielding the number done after each step (as deriveJourneysInSteps). */
export function* deriveMeasuresInSteps(records: readonly ChildRecord[], definitions: readonly MeasureDefinition[], asAt: PlainDate, step = 500): Generator<number, void, void> {
  const measured = measuredList(records, epochDay(asAt));
  const wanted = new Map<string, MeasureDefinition>();
  for (const definition of definitions) {
    const key = measureKey(definition);
    if (!measured.journeys.has(key)) wanted.set(key, definition);
  }
  if (wanted.size === 0) return;
  const keys = [...wanted.keys()];
  const todo = [...wanted.values()];
  const lists = todo.map(() => ({ journeys: [] as Journey[], recordIndex: [] as number[] }));
  // The national kinds' journeys, when not yet derived, from the same sight of each child.
  const asAtDay = epochDay(asAt);
  const national = derivedForLists.get(records)?.asAtDay === asAtDay ? null : emptyLists();
  for (let index = 0; index < records.length; index++) {
    const seen = see(records[index] as ChildRecord, asAt, true);
    if (national !== null) addJourneys(national, index, deriveFrom(seen));
    const byType = seen.byAnyType as EventsByType;
    for (let m = 0; m < todo.length; m++) addJourneysOfKind(lists[m] as { journeys: Journey[]; recordIndex: number[] }, index, measureJourneys(seen, byType, todo[m] as MeasureDefinition));
    if ((index + 1) % step === 0) yield index + 1;
  }
  for (let m = 0; m < keys.length; m++) measured.journeys.set(keys[m] as string, lists[m] as JourneysOfKind);
  if (national !== null && derivedForLists.get(records)?.asAtDay !== asAtDay) derivedForLists.set(records, { asAtDay, journeys: national });
}

/**
 * A journey of any kind: the leave date first (never before the start), then the end (the first
 * milestone on or after the start and on or before the leave date or as-at), then the route.
 * Every kind is built with the same fields in the same order, so the code that reads millions of
 * journeys sees objects of one shape.
 */
function journey<K extends Journey['kind']>(
  seen: Seen,
  kind: K,
  startDay: number,
  startRef: string,
  departure: Departure | null,
  milestones: readonly SeenEvent[],
  placementTypeAtStart: PlacementType | null,
  runEnd: PlainDate | null,
  startRoute: Route | null,
): Extract<Journey, { kind: K }> {
  const child = seen.record.child;
  const start = dateOfEpochDay(startDay);
  const lastDay = departure === null ? seen.asAtDay : epochDay(departure.date);
  let end: SeenEvent | undefined;
  for (let i = 0; i < milestones.length; i++) {
    const e = milestones[i] as SeenEvent;
    if (e.day >= startDay && e.day <= lastDay) {
      end = e;
      break;
    }
  }
  const leave = end === undefined ? departure : null;
  return {
    kind,
    childId: child.childId,
    start,
    end: end?.event.date ?? null,
    leave: leave?.date ?? null,
    leaveReason: leave?.reason ?? null,
    departure,
    startRef,
    endRef: end?.event.eventId ?? null,
    placementTypeAtStart,
    ageAtStart: ageInYears(child.dateOfBirth, start),
    siblingGroup: child.siblingGroup,
    team: child.team,
    locality: child.locality,
    route: end !== undefined ? (end.event.route ?? planRouteOn(seen, end.day)) : planRouteOn(seen, lastDay),
    runEnd,
    startRoute,
  } as unknown as Extract<Journey, { kind: K }>;
}

function eventsOfType(seen: Seen, type: MilestoneType): readonly SeenEvent[] {
  return seen.eventsByType[type];
}

function byStartThenId(a: SeenPlacement, b: SeenPlacement): number {
  return a.startDay - b.startDay || compareIds(a.placement.placementId, b.placement.placementId);
}

/** Whether a list is already in the order `compare` sorts it into (so that a stable sort would leave it as it is). */
function isInOrder<T>(list: readonly T[], compare: (a: T, b: T) => number): boolean {
  for (let i = 1; i < list.length; i++) if (compare(list[i - 1] as T, list[i] as T) > 0) return false;
  return true;
}

function byDayThenId(a: SeenEvent, b: SeenEvent): number {
  return a.day - b.day || compareIds(a.event.eventId, b.event.eventId);
}

/** The route of the latest care plan or recommendation naming one, on or before `day`; `undecided` with none. */
function planRouteOn(seen: Seen, day: number): JourneyRoute {
  const plan = latestWithRouteOn(seen.eventsByType.care_plan, day);
  const recommendation = latestWithRouteOn(seen.eventsByType.permanence_recommendation, day);
  const latest = plan === null ? recommendation : recommendation === null ? plan : byDayThenId(plan, recommendation) > 0 ? plan : recommendation;
  return latest?.event.route ?? 'undecided';
}

function latestWithRouteOn(events: readonly SeenEvent[], day: number): SeenEvent | null {
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i] as SeenEvent;
    if (e.day <= day && e.event.route !== null) return e;
  }
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

function lastPlacementEnd(placements: readonly SeenPlacement[], first: number, last: number): PlainDate {
  // The run's last day is the latest end among its placements (not necessarily the last one's).
  let latest = placements[first] as SeenPlacement;
  for (let i = first; i <= last; i++) {
    const p = placements[i] as SeenPlacement;
    if (p.endDay > latest.endDay) latest = p;
  }
  return latest.placement.end as PlainDate;
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
