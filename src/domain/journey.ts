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
import { courtRoutes, eventTypes, journeyRoutes, placementTypes, type JourneyRoute, type PlacementType, type Route } from './codes.js';
import { ageOnDay, civilFromDays, dateOfEpochDay, daysFromCivil, epochDay, type PlainDate } from './date.js';
import { eventMatches, measureKey, type EventMatch, type MeasureDefinition } from './measure-definition.js';
import type { CaseEvent, ChildRecord, Placement, PlannedEvent } from './records.js';
import { keptColumnsBuffer } from './kept-columns.js';

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
  /** Its place in the record's placements. */
  readonly index: number;
  readonly startDay: number;
  /** Last day in it, or Infinity while open at as-at. */
  readonly endDay: number;
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

/** A day that is not there (a journey with no end, no leave date, a run that continues): a small integer, so that a column of days stays one of small integers. */
const noDay = -1_000_000_000;

// A journey's codes in its list's columns: 0 for none, else 1 + the place in the list of codes.
const leaveReasons: readonly LeaveReason[] = ['run-ended', 'left-care', 'turned-18', 'superseded', 'cancelled'];
const codeOf = <T extends string>(codes: readonly T[]): ((value: T | null) => number) => {
  // A handful of codes: compared in turn, faster than a look-up by hash.
  return (value) => {
    if (value === null) return 0;
    for (let place = 0; place < codes.length; place++) if (codes[place] === value) return place + 1;
    throw new Error(`not a code: ${value}`);
  };
};
const leaveReasonCode = codeOf(leaveReasons);
const placementTypeCode = codeOf(placementTypes);
const routeCode = codeOf<JourneyRoute>(journeyRoutes);
const undecided = routeCode('undecided');
const homeRoute = routeCode('home');
const courtRouteCodes = new Set(courtRoutes.map(routeCode));
/** The route of a route code (routeCode), for an event's: null for none. */
const routeOf = (code: number) => decoded(journeyRoutes, code) as Route | null;
const decoded = <T>(codes: readonly T[], code: number): T | null => (code === 0 ? null : (codes[code - 1] as T));

/** Where a journey's start or end reference is: a placement, an event or a planned event of its record. */
type RefIn = 0 | 1 | 2;
const RefIn = { Placement: 0, Event: 1, Plan: 2 } as const;

/**
 * Journeys of one kind (or of one measure) of a list of records, kept as columns of numbers, one
 * place a journey, rather than as an object each: an authority's twelve aims make some 130,000
 * journeys of 20,000 children, and its figures and charts read only their days and statuses. A
 * journey is made as an object (`journey(i)`, `journeys`) only when something asks for it, and
 * then once. The journeys are record after record (each record's in start order). The columns
 * are read only outside this module, and only below `length`.
 */
export class JourneyList {
  readonly kind: Journey['kind'];
  /** The records the journeys are of. */
  readonly records: readonly ChildRecord[];
  #length = 0;
  #childIds: readonly string[] | null = null;
  /** For each journey, the index of its record in `records`. */
  recordIndex!: Int32Array;
  startDay!: Int32Array;
  /** The day of the milestone that ended it, or noDay. */
  endDay!: Int32Array;
  /** The leave date as a day, or noDay. */
  leaveDay!: Int32Array;
  /** The departure (Journey.departure) as a day, or noDay. */
  departureDay!: Int32Array;
  /** The run's or spell's last day, or noDay. */
  runEndDay!: Int32Array;
  /** The place of the placement, event or plan that started it in its record's list (RefIn in startIn). */
  startAt!: Int32Array;
  startIn!: Uint8Array;
  /** The place of the event that ended it in its record's events, or -1. */
  endAt!: Int32Array;
  ageAtStart!: Int16Array;
  leaveReason!: Uint8Array;
  departureReason!: Uint8Array;
  placementType!: Uint8Array;
  route!: Uint8Array;
  startRoute!: Uint8Array;
  #made: Journey[] = [];
  #all: readonly Journey[] | null = null;
  /** Once settled: a record's journeys of this list's kind or measure, made again (the columns kept do not hold them whole). */
  #rederive: ((record: ChildRecord) => readonly Journey[]) | null = null;

  // Room for a journey a child at first: most kinds have fewer, and a list that grows copies every
  // column. An authority's lists are built in columns given back by lists settled before (settle).
  constructor(kind: Journey['kind'], records: readonly ChildRecord[], capacity = Math.max(4, records.length)) {
    this.kind = kind;
    this.records = records;
    // A spare with room enough, but not many times more (one child's list is kept for good).
    const room = spareColumns[spareColumns.length - 1]?.recordIndex.length ?? 0;
    const spare = room >= capacity && room <= 4 * capacity ? (spareColumns.pop() as Columns) : null;
    this.#use(spare ?? newColumns(capacity));
  }

  /**
   * Cuts the columns to the journeys there are and to what the figures, charts and filters read
   * (record, days, placement type, route, age), in one block of memory, and gives the ones they were
   * built in to be built in again: a finished list of an authority's is kept as long as its figures
   * are, and its room for a journey a child was mostly unused. A journey asked for as an object is
   * then made again with its child's others by `rederive` (the same rules, one child). Nothing is
   * added after.
   */
  settle(rederive: (record: ChildRecord) => readonly Journey[]): void {
    const built = this.#columns();
    const settled = newColumns(this.#length, keptColumns);
    for (const name of keptColumns) settled[name].set(built[name].subarray(0, this.#length) as never);
    this.#use(settled);
    this.#rederive = rederive;
    if (spareColumns.length < maxSpareColumns) spareColumns.push(built);
  }

  #columns(): Columns {
    const columns = {} as Record<ColumnName, Int32Array | Int16Array | Uint8Array>;
    for (const name of columnNames) columns[name] = this[name];
    return columns as Columns;
  }

  /** Reads and writes these columns (set in the constructor, so every column is always set). */
  #use(columns: Columns): void {
    this.recordIndex = columns.recordIndex;
    this.startDay = columns.startDay;
    this.endDay = columns.endDay;
    this.leaveDay = columns.leaveDay;
    this.departureDay = columns.departureDay;
    this.runEndDay = columns.runEndDay;
    this.startAt = columns.startAt;
    this.endAt = columns.endAt;
    this.ageAtStart = columns.ageAtStart;
    this.startIn = columns.startIn;
    this.leaveReason = columns.leaveReason;
    this.departureReason = columns.departureReason;
    this.placementType = columns.placementType;
    this.route = columns.route;
    this.startRoute = columns.startRoute;
  }

  get length(): number {
    return this.#length;
  }

  /** The records' child ids, in the records' order (read by a journey's recordIndex). */
  get childIds(): readonly string[] {
    this.#childIds ??= childIdsOf(this.records);
    return this.#childIds;
  }

  /** Empties the list, for one reused from child to child (its records changed in place). */
  clear(): void {
    this.#length = 0;
    this.#made = [];
    this.#all = null;
    this.#childIds = null;
  }

  /** The place for one more journey, the columns made larger when they are full. */
  place(): number {
    const at = this.#length;
    if (at === this.startDay.length) this.#grow(at * 2);
    this.#length = at + 1;
    return at;
  }

  #grow(capacity: number): void {
    const grown = newColumns(capacity);
    for (const name of columnNames) grown[name].set(this[name] as never);
    this.#use(grown);
  }

  /** Whether journey `i` has an end (its milestone was reached). */
  hasEnd(i: number): boolean {
    return this.endDay[i] !== noDay;
  }

  /** Whether journey `i` has a leave date (the child left without the milestone). */
  hasLeave(i: number): boolean {
    return this.leaveDay[i] !== noDay;
  }

  placementTypeAt(i: number): PlacementType | null {
    return decoded(placementTypes, this.placementType[i] as number);
  }

  routeAt(i: number): JourneyRoute {
    return decoded(journeyRoutes, this.route[i] as number) as JourneyRoute;
  }

  /** Journey `i` as an object, made the first time it is asked for. */
  journey(i: number): Journey {
    const made = this.#made[i];
    if (made !== undefined) return made;
    if (this.#rederive !== null) {
      // Settled: the child's journeys made again, this one at its place among them (a list's
      // journeys are record after record, each record's in order).
      const recordIndex = this.recordIndex[i] as number;
      let first = i;
      while (first > 0 && this.recordIndex[first - 1] === recordIndex) first -= 1;
      const again = this.#rederive(this.records[recordIndex] as ChildRecord)[i - first];
      if (again === undefined) throw new Error(`journey ${i} of a settled list was not made again`);
      this.#made[i] = again;
      return again;
    }
    const record = this.records[this.recordIndex[i] as number] as ChildRecord;
    const child = record.child;
    const dayOrNull = (day: number) => (day === noDay ? null : dateOfEpochDay(day));
    const departureDay = this.departureDay[i] as number;
    const startAt = this.startAt[i] as number;
    const startIn = this.startIn[i] as RefIn;
    const endAt = this.endAt[i] as number;
    const journey = {
      kind: this.kind,
      childId: child.childId,
      start: dateOfEpochDay(this.startDay[i] as number),
      end: dayOrNull(this.endDay[i] as number),
      leave: dayOrNull(this.leaveDay[i] as number),
      leaveReason: decoded(leaveReasons, this.leaveReason[i] as number),
      departure: departureDay === noDay ? null : { date: dateOfEpochDay(departureDay), reason: decoded(leaveReasons, this.departureReason[i] as number) as LeaveReason },
      startRef:
        startIn === RefIn.Placement
          ? (record.placements[startAt] as Placement).placementId
          : startIn === RefIn.Event
            ? (record.events[startAt] as CaseEvent).eventId
            : ((record.plans ?? [])[startAt] as PlannedEvent).eventId,
      endRef: endAt < 0 ? null : (record.events[endAt] as CaseEvent).eventId,
      placementTypeAtStart: this.placementTypeAt(i),
      ageAtStart: this.ageAtStart[i] as number,
      siblingGroup: child.siblingGroup,
      team: child.team,
      locality: child.locality,
      route: this.routeAt(i),
      runEnd: dayOrNull(this.runEndDay[i] as number),
      startRoute: decoded(journeyRoutes, this.startRoute[i] as number) as Route | null,
    } as Journey;
    this.#made[i] = journey;
    return journey;
  }

  /** Every journey as an object, in order. */
  get journeys(): readonly Journey[] {
    if (this.#all === null) {
      const all = new Array<Journey>(this.length);
      for (let i = 0; i < all.length; i++) all[i] = this.journey(i);
      this.#all = all;
    }
    return this.#all;
  }

  /** The record indexes of the journeys, in order (as many as there are journeys). */
  get recordIndexes(): Int32Array {
    return this.recordIndex.subarray(0, this.length);
  }
}

const int32Columns = ['recordIndex', 'startDay', 'endDay', 'leaveDay', 'departureDay', 'runEndDay', 'startAt', 'endAt'] as const;
const uint8Columns = ['startIn', 'leaveReason', 'departureReason', 'placementType', 'route', 'startRoute'] as const;
const columnNames = [...int32Columns, 'ageAtStart', ...uint8Columns] as const;
type ColumnName = (typeof columnNames)[number];
type Columns = { [K in (typeof int32Columns)[number]]: Int32Array } & { ageAtStart: Int16Array } & { [K in (typeof uint8Columns)[number]]: Uint8Array };

/**
 * A journey list's columns with room for `capacity` journeys, all in one block of memory; of those
 * not `kept`, empty ones.
 */
function newColumns(capacity: number, kept: readonly ColumnName[] = columnNames): Columns {
  const room = (name: ColumnName) => (kept.includes(name) ? capacity : 0);
  // Columns of four bytes a journey, then the one of two, then those of one, in that order (each aligned).
  let bytes = 0;
  for (const name of int32Columns) bytes += 4 * room(name);
  bytes += 2 * room('ageAtStart');
  for (const name of uint8Columns) bytes += room(name);
  // A settled list's columns are kept with its figures; those built in are handed from list to list.
  const buffer = kept === columnNames ? new ArrayBuffer(bytes) : keptColumnsBuffer(bytes);
  const columns = {} as Record<ColumnName, Int32Array | Int16Array | Uint8Array>;
  let offset = 0;
  for (const name of int32Columns) {
    columns[name] = new Int32Array(buffer, offset, room(name));
    offset += 4 * room(name);
  }
  columns.ageAtStart = new Int16Array(buffer, offset, room('ageAtStart'));
  offset += 2 * room('ageAtStart');
  for (const name of uint8Columns) {
    columns[name] = new Uint8Array(buffer, offset, room(name));
    offset += room(name);
  }
  return columns as Columns;
}

/** The columns a settled list keeps: what its figures, charts and filters read. */
const keptColumns: readonly ColumnName[] = ['recordIndex', 'startDay', 'endDay', 'leaveDay', 'ageAtStart', 'placementType', 'route'];

// Columns of settled lists, to build more lists in (JourneyList.settle): an authority's figures
// build a dozen lists of journeys at once.
const spareColumns: Columns[] = [];
const maxSpareColumns = 16;

// Each list of records' child ids, read by the figures and charts of every list of its journeys
// from one dense list rather than from each record and its child.
const childIdsOfLists = new WeakMap<readonly ChildRecord[], readonly string[]>();

function childIdsOf(records: readonly ChildRecord[]): readonly string[] {
  let ids = childIdsOfLists.get(records);
  if (ids === undefined) {
    ids = records.map((record) => record.child.childId);
    childIdsOfLists.set(records, ids);
  }
  return ids;
}

/** The journeys of one kind of every record in a list (JourneyList). */
export type JourneysOfKind = JourneyList;

type JourneysByKind = { readonly [K in JourneyKind]: readonly NationalJourney[] };

// A child's page asks for its journeys again and again as at the same date; records are
// immutable, so each child's journeys are derived once per as-at date.
const derived = new WeakMap<ChildRecord, { readonly asAtDay: number; readonly journeys: JourneysByKind }>();

function journeysByKind(record: ChildRecord, asAt: PlainDate): JourneysByKind {
  const asAtDay = epochDay(asAt);
  const cached = derived.get(record);
  if (cached !== undefined && cached.asAtDay === asAtDay) return cached.journeys;
  const lists = oneChildsLists(record);
  addNational(lists, see(record, asAt), 0);
  const journeys = {
    'at-home': lists['at-home'].journeys as AtHomeJourney[],
    accommodation: lists.accommodation.journeys as AccommodationJourney[],
    recommendation: lists.recommendation.journeys as RecommendationJourney[],
    adm: lists.adm.journeys as AdmJourney[],
  };
  derived.set(record, { asAtDay, journeys });
  return journeys;
}

// One child's journeys are derived into lists reused from child to child (made as objects at once,
// which keep nothing of the lists): a loop over an authority's children asking each for its
// journeys would otherwise make sixty small lists of numbers a child.
const oneChild: ChildRecord[] = [];
let oneChildNational: NationalLists | null = null;
let oneChildMeasure: JourneyList | null = null;

function oneChildsLists(record: ChildRecord): NationalLists {
  oneChild[0] = record;
  oneChildNational ??= nationalLists(oneChild);
  for (const kind of journeyKinds) oneChildNational[kind].clear();
  return oneChildNational;
}

function oneChildsMeasureList(record: ChildRecord): JourneyList {
  oneChild[0] = record;
  oneChildMeasure ??= new JourneyList('measure', oneChild);
  oneChildMeasure.clear();
  return oneChildMeasure;
}

// An authority's figures ask for every child's journeys at once, four aims over: remembered per
// list of records and as-at date (one entry per authority, not one per child), each kind as one
// list of columns.
type NationalLists = { readonly [K in JourneyKind]: JourneyList };
const derivedForLists = new WeakMap<readonly ChildRecord[], { readonly asAtDay: number; readonly journeys: NationalLists }>();

/** The journeys of one kind of every record in `records`, as at `asAt`, in the records' order. */
export function journeysOfKindForEach(records: readonly ChildRecord[], kind: JourneyKind, asAt: PlainDate): JourneysOfKind {
  for (const _ of deriveJourneysInSteps(records, asAt, Infinity));
  return (derivedForLists.get(records) as { readonly journeys: NationalLists }).journeys[kind];
}

function nationalLists(records: readonly ChildRecord[]): NationalLists {
  return {
    'at-home': new JourneyList('at-home', records),
    accommodation: new JourneyList('accommodation', records),
    recommendation: new JourneyList('recommendation', records),
    adm: new JourneyList('adm', records),
  };
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
  const lists = nationalLists(records);
  const types = typesOnAsAtOf(records, asAtDay);
  for (let index = 0; index < records.length; index++) {
    const seen = see(records[index] as ChildRecord, asAt);
    addNational(lists, seen, index);
    types?.note(index, seen);
    if ((index + 1) % step === 0) yield index + 1;
  }
  keepNationalLists(records, asAt, lists);
  types?.done();
}

/** The four national lists of `records` settled (made again a child at a time) and remembered for `asAt`. */
function keepNationalLists(records: readonly ChildRecord[], asAt: PlainDate, lists: NationalLists): void {
  for (const kind of journeyKinds) lists[kind].settle((record) => journeysOfKind(record, kind, asAt));
  derivedForLists.set(records, { asAtDay: epochDay(asAt), journeys: lists });
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

/**
 * A child as the journey rules read them as at `asAt`. Its events are in the scratch below, good
 * only until the next child is seen: everything of one child is derived before the next is seen.
 */
interface Seen {
  readonly record: ChildRecord;
  readonly asAtDay: number;
  readonly placements: readonly SeenPlacement[];
  readonly spells: readonly Spell[];
  /** The day before the 18th birthday, or Infinity when that is after as-at. */
  readonly eighteenDay: number;
  /** The day of birth as a day number. */
  readonly bornDay: number;
}

// The events of the child being seen, by type, in one scratch reused from child to child, so that
// nothing is made for each event: `eventAt` holds their places in the child's events and
// `eventDay` their days, one type after another, each type in date order then id; a type's events
// dated on or before as-at are at places typeFrom[t] to typeTo[t] - 1 (t its place in eventTypes).
// A list of events (a measure's ends of several types) is made after them all, from `listsFrom` on.
let eventAt = new Int32Array(256);
let eventDay = new Int32Array(256);
/** The route each names, as a code (routeCode; 0 for none). */
let eventRoute = new Int32Array(256);
// The first reading of a child's events, before they are put by type (eventOrderOf).
let readAt = new Int32Array(256);
let readDay = new Int32Array(256);
let readType = new Int32Array(256);
let readRoute = new Int32Array(256);
const typeFrom = new Int32Array(eventTypes.length);
const typeTo = new Int32Array(eventTypes.length);
let listsFrom = 0;
/** The order of the child's events (eventOrderOf), and where its plans' routes are in it. */
let seenOrder: Int32Array = new Int32Array(0);
let plansFrom = 0;
let plansCount = 0;

const eventTypeIndex: ReadonlyMap<string, number> = new Map(eventTypes.map((type, index) => [type, index]));
const typeIndexOf = (type: CaseEvent['type']) => eventTypeIndex.get(type) as number;
const recommendations = typeIndexOf('permanence_recommendation');
const decisions = typeIndexOf('adm_decision');
const applications = typeIndexOf('court_application_lodged');
const homeReviews = typeIndexOf('home_review');
const carePlans = typeIndexOf('care_plan');
const ceasedLookedAfter = typeIndexOf('ceased_looked_after');

function makeRoom(events: number): void {
  // Room for the events by type and, after them, for a list made of them all.
  if (eventAt.length >= 2 * events) return;
  const size = 2 ** Math.ceil(Math.log2(2 * events));
  eventAt = new Int32Array(size);
  eventDay = new Int32Array(size);
  eventRoute = new Int32Array(size);
  readAt = new Int32Array(size);
  readDay = new Int32Array(size);
  readType = new Int32Array(size);
  readRoute = new Int32Array(size);
}

const noPlacements: SeenPlacement[] = [];

/** A child's placements in order (placementOrderOf), and their latest start and latest end. */
interface PlacementOrder {
  /** In order of start, then id; `endDay` Infinity for one with no end. */
  readonly seen: readonly SeenPlacement[];
  readonly lastStart: number;
  /** The latest end of those that have one (-Infinity for none). */
  readonly lastEnd: number;
}

// A list of placements' order, kept on the list under a symbol as a list of events keeps its order.
const orderOfPlacements = Symbol('pace.placementOrder');
type OrderedPlacements = readonly Placement[] & { [orderOfPlacements]?: PlacementOrder };

/** A child's placements with their days, in order of start then id: worked out once for each list of placements, then remembered. */
function placementOrderOf(placements: readonly Placement[]): PlacementOrder {
  const known = (placements as OrderedPlacements)[orderOfPlacements];
  if (known !== undefined) return known;
  const seen = new Array<SeenPlacement>(placements.length);
  let lastStart = -Infinity;
  let lastEnd = -Infinity;
  for (let i = 0; i < placements.length; i++) {
    const placement = placements[i] as Placement;
    const startDay = epochDay(placement.start);
    const endDay = placement.end === null ? Infinity : epochDay(placement.end);
    seen[i] = { placement, index: i, startDay, endDay };
    if (startDay > lastStart) lastStart = startDay;
    if (endDay !== Infinity && endDay > lastEnd) lastEnd = endDay;
  }
  if (!isInOrder(seen, byStartThenId)) seen.sort(byStartThenId);
  const order = { seen: seen.length === 0 ? noPlacements : seen, lastStart, lastEnd };
  if (Object.isExtensible(placements)) Object.defineProperty(placements, orderOfPlacements, { value: order, enumerable: false, writable: false, configurable: false });
  return order;
}

/**
 * The placements as at a day: those started on or before it, one that ends after it still open
 * (Infinity). When every placement started and ended by then, as at today mostly, the order itself.
 */
function placementsAsAt(order: PlacementOrder, asAtDay: number): readonly SeenPlacement[] {
  if (order.lastStart <= asAtDay && order.lastEnd <= asAtDay) return order.seen;
  const placements: SeenPlacement[] = [];
  for (const p of order.seen) {
    if (p.startDay > asAtDay) break;
    placements.push(p.endDay > asAtDay && p.endDay !== Infinity ? { placement: p.placement, index: p.index, startDay: p.startDay, endDay: Infinity } : p);
  }
  return placements;
}

/**
 * The type of the placement a child is in on a day (placement.ts, placementOn: open on that day;
 * on a moving day, the one moved into), from the placements' order.
 */
export function placementTypeOnDay(record: ChildRecord, day: number): PlacementType | null {
  let found: SeenPlacement | null = null;
  for (const p of placementOrderOf(record.placements).seen) {
    if (p.startDay > day) break;
    // In order of start then id, so the last open on the day is the latest started (then the greatest id).
    if (p.endDay >= day) found = p;
  }
  return found === null ? null : found.placement.type;
}

/**
 * Puts a child's events and placements in the order the journey rules read them (eventOrderOf,
 * placementOrderOf), once: the store does this as it loads an authority's records.
 */
export function putInOrder(record: ChildRecord): void {
  eventOrderOf(record.events);
  placementOrderOf(record.placements);
}

/**
 * putInOrder for each of a list of records, the orders of their events in one block of memory,
 * child after child, each child's a view of its part: deriving journeys reads them child after
 * child, and one block read in order is read faster than a list of numbers a child scattered
 * through memory (the store does this as it loads an authority's records).
 */
export function putAllInOrder(records: readonly ChildRecord[]): void {
  const orders = new Array<Int32Array | null>(records.length);
  let total = 0;
  for (let i = 0; i < records.length; i++) {
    const record = records[i] as ChildRecord;
    placementOrderOf(record.placements);
    const events = record.events as OrderedEvents;
    if (events[orderOfEvents] !== undefined || !Object.isExtensible(events)) {
      orders[i] = null;
      continue;
    }
    const order = workOutEventOrder(events);
    orders[i] = order;
    total += order.length;
  }
  const block = new Int32Array(total);
  let at = 0;
  for (let i = 0; i < records.length; i++) {
    const order = orders[i];
    if (order === null || order === undefined) continue;
    block.set(order, at);
    rememberEventOrder((records[i] as ChildRecord).events, block.subarray(at, at + order.length));
    at += order.length;
  }
}

/**
 * A child as the journey rules read them as at `asAt`, its events (every type: a local measure may
 * start or end at any) put by type in the scratch.
 */
function see(record: ChildRecord, asAt: PlainDate): Seen {
  const asAtDay = epochDay(asAt);
  const placements = placementsAsAt(placementOrderOf(record.placements), asAtDay);
  putEventsByType(record.events, asAtDay);
  // The day before the 18th birthday is at least 6,572 days after birth (18 years hold 3 to 5 leap
  // days): for a child younger than that at as-at, it need not be worked out.
  const bornDay = epochDay(record.child.dateOfBirth);
  const eighteen = asAtDay - bornDay < 6570 ? Infinity : dayBeforeEighteenthBirthday(record.child.dateOfBirth);
  const eighteenDay = eighteen <= asAtDay ? eighteen : Infinity;
  return { record, asAtDay, placements, spells: spellsOf(placements, typeFrom[ceasedLookedAfter] as number, typeTo[ceasedLookedAfter] as number, eighteenDay), eighteenDay, bornDay };
}

/**
 * Puts the child's events dated on or before as-at in the scratch by type, from their order
 * (eventOrderOf): a copy of numbers, the events themselves not read.
 */
function putEventsByType(events: readonly CaseEvent[], asAtDay: number): void {
  const order = eventOrderOf(events);
  const count = events.length;
  seenOrder = order;
  plansFrom = 3 * count;
  plansCount = (order.length - plansFrom) / 2;
  makeRoom(count);
  typeFrom.fill(0);
  typeTo.fill(0);
  let previous = -1;
  for (let k = 0; k < count; k++) {
    const packed = order[k] as number;
    const type = Math.floor(packed / typeShift);
    const day = order[count + k] as number;
    if (type !== previous) {
      typeFrom[type] = k;
      typeTo[type] = k;
      previous = type;
    }
    // In date order within a type: those on or before as-at come first.
    if (day <= asAtDay) typeTo[type] = k + 1;
    eventAt[k] = packed - type * typeShift;
    eventDay[k] = day;
    eventRoute[k] = order[2 * count + k] as number;
  }
  listsFrom = count;
}

// A list of events' order (eventOrderOf), kept on the list itself under a symbol, not enumerable,
// as a date keeps its day number (date.ts): a child's events are immutable, and every figure of
// every as-at date, team and locality reads them in this order.
const orderOfEvents = Symbol('pace.eventOrder');
type OrderedEvents = readonly CaseEvent[] & { [orderOfEvents]?: Int32Array };
/** A type's place, times this, plus an event's place in its child's events: one number for both. */
const typeShift = 2 ** 24;

/**
 * A child's events in order by type (their places in eventTypes), then date, then id, as one list
 * of numbers: first, for each event, its type × typeShift + its place in the events; then, in the
 * same order, their day numbers; then the routes they name (routeCode); then the days and the
 * routes of the care plans and recommendations that name a route, together in date order then id
 * (the plan's route on a day is the last of them on or before it: planRouteOn). Worked out once for
 * each list of events (when the records are loaded: store/load.ts), then remembered.
 */
export function eventOrderOf(events: readonly CaseEvent[]): Int32Array {
  const known = (events as OrderedEvents)[orderOfEvents];
  if (known !== undefined) return known;
  const order = workOutEventOrder(events);
  rememberEventOrder(events, order);
  return order;
}

function rememberEventOrder(events: readonly CaseEvent[], order: Int32Array): void {
  if (Object.isExtensible(events)) Object.defineProperty(events, orderOfEvents, { value: order, enumerable: false, writable: false, configurable: false });
}

/** eventOrderOf's list of numbers, worked out. */
function workOutEventOrder(events: readonly CaseEvent[]): Int32Array {
  makeRoom(events.length);
  typeTo.fill(0);
  let read = 0;
  for (let i = 0; i < events.length; i++) {
    const event = events[i] as CaseEvent;
    const type = typeIndexOf(event.type);
    readAt[read] = i;
    readDay[read] = epochDay(event.date);
    readType[read] = type;
    readRoute[read] = routeCode(event.route);
    read += 1;
    typeTo[type] = (typeTo[type] as number) + 1;
  }
  // Each type's place after the types before it; typeTo counts up from there as its events are put.
  let place = 0;
  for (let t = 0; t < typeFrom.length; t++) {
    const count = typeTo[t] as number;
    typeFrom[t] = place;
    typeTo[t] = place;
    place += count;
  }
  for (let k = 0; k < read; k++) {
    const type = readType[k] as number;
    const to = typeTo[type] as number;
    eventAt[to] = readAt[k] as number;
    eventDay[to] = readDay[k] as number;
    eventRoute[to] = readRoute[k] as number;
    typeTo[type] = to + 1;
  }
  for (let t = 0; t < typeFrom.length; t++) if ((typeTo[t] as number) - (typeFrom[t] as number) > 1) inDayThenIdOrder(events, typeFrom[t] as number, typeTo[t] as number);
  const plans = plansWithRoutes(events);
  const order = new Int32Array(3 * read + 2 * plans.length);
  for (let t = 0; t < typeFrom.length; t++) {
    for (let k = typeFrom[t] as number; k < (typeTo[t] as number); k++) {
      order[k] = t * typeShift + (eventAt[k] as number);
      order[read + k] = eventDay[k] as number;
      order[2 * read + k] = eventRoute[k] as number;
    }
  }
  for (let k = 0; k < plans.length; k++) {
    order[3 * read + k] = eventDay[plans[k] as number] as number;
    order[3 * read + plans.length + k] = eventRoute[plans[k] as number] as number;
  }
  return order;
}

/** Puts the scratch's events at places from to to - 1 in date order then id (mostly they are already). */
function inDayThenIdOrder(events: readonly CaseEvent[], from: number, to: number): void {
  const before = (a: number, b: number) => (eventDay[a] as number) - (eventDay[b] as number) || compareIds((events[eventAt[a] as number] as CaseEvent).eventId, (events[eventAt[b] as number] as CaseEvent).eventId);
  let ordered = true;
  for (let i = from + 1; i < to && ordered; i++) ordered = before(i - 1, i) <= 0;
  if (ordered) return;
  // A stable sort of the places by day then id, then the scratch rewritten in that order.
  const order = Array.from({ length: to - from }, (_, k) => from + k).sort(before);
  const ats = order.map((i) => eventAt[i] as number);
  const days = order.map((i) => eventDay[i] as number);
  const routes = order.map((i) => eventRoute[i] as number);
  for (let k = 0; k < order.length; k++) {
    eventAt[from + k] = ats[k] as number;
    eventDay[from + k] = days[k] as number;
    eventRoute[from + k] = routes[k] as number;
  }
}

/**
 * A spell is over on the earliest of: its last placement day (once ended), the first
 * `ceased_looked_after` dated within it, and the day before the 18th birthday (each only when on
 * or before as-at, which the seen placements and events already are).
 */
const noSpells: readonly Spell[] = [];

function spellsOf(placements: readonly SeenPlacement[], ceasedFrom: number, ceasedTo: number, eighteenDay: number): readonly Spell[] {
  // Plain loops and one object literal per spell: this runs for every child of every figure.
  let spells: Spell[] | null = null;
  const runs = findRuns(placements, 'any');
  for (let r = 0; r < runs; r++) {
    const first = runFirst[r] as number;
    const last = runLast[r] as number;
    const startDay = runStartDay[r] as number;
    const endDay = runEndDay[r] as number;
    let overDay = endDay;
    let overReason: Spell['overReason'] = endDay === Infinity ? null : 'left-care';
    for (let i = ceasedFrom; i < ceasedTo; i++) {
      const day = eventDay[i] as number;
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
  }
  return spells ?? noSpells;
}

/**
 * Two placements are contiguous when the second starts on, or the day after, the day the first
 * ends. Overlapping placements (a data error) are treated as contiguous: the child was looked
 * after throughout. Any placement of the other side breaks a run (of either side: `any`, nothing).
 */
function runsOf(placements: readonly SeenPlacement[], side: RunSide): Run[] {
  const runs: Run[] = [];
  const count = findRuns(placements, side);
  for (let r = 0; r < count; r++) runs.push({ first: runFirst[r] as number, last: runLast[r] as number, startDay: runStartDay[r] as number, endDay: runEndDay[r] as number });
  return runs;
}

// The runs findRuns found, in scratch reused from call to call (the journeys are built from them
// as soon as they are found, with no list or function made for each child): the places of each
// run's first and last placements, its first day and its last day (Infinity while it continues).
let runFirst = new Int32Array(16);
let runLast = new Int32Array(16);
let runStartDay = new Float64Array(16);
let runEndDay = new Float64Array(16);

/** Finds the runs of a side in the child's placements (in date order) and gives their count: they are in the scratch above until the next call. */
function findRuns(placements: readonly SeenPlacement[], side: RunSide): number {
  if (runFirst.length < placements.length) {
    runFirst = new Int32Array(2 * placements.length);
    runLast = new Int32Array(2 * placements.length);
    runStartDay = new Float64Array(2 * placements.length);
    runEndDay = new Float64Array(2 * placements.length);
  }
  let count = 0;
  let first = -1;
  let startDay = 0;
  let endDay = -Infinity;
  for (let i = 0; i < placements.length; i++) {
    const seen = placements[i] as SeenPlacement;
    if (side !== 'any' && !onSide(seen.placement.type, side)) {
      if (first >= 0) noteRun(count++, first, i - 1, startDay, endDay);
      first = -1;
      endDay = -Infinity;
      continue;
    }
    if (first >= 0 && seen.startDay <= endDay + 1) {
      endDay = Math.max(endDay, seen.endDay);
    } else {
      if (first >= 0) noteRun(count++, first, i - 1, startDay, endDay);
      first = i;
      startDay = seen.startDay;
      endDay = seen.endDay;
    }
  }
  if (first >= 0) noteRun(count++, first, placements.length - 1, startDay, endDay);
  return count;
}

function noteRun(run: number, first: number, last: number, startDay: number, endDay: number): void {
  runFirst[run] = first;
  runLast[run] = last;
  runStartDay[run] = startDay;
  runEndDay[run] = endDay;
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
 * one spell, and a list grown by push from empty takes seventeen places.
 */
function withItem<T>(list: T[] | null, item: T): T[] {
  if (list === null) return [item];
  list.push(item);
  return list;
}

// A journey's departure (Journey.departure) is worked out as a day, never before the journey's
// start (docs/measurement.md, "Journeys"), Infinity while the child is still on it, and the reason
// left here beside it: no object is made for it.
let departureReason: LeaveReason = 'left-care';

/** Aims 1 and 2: the run's last day, or the end of its spell, whichever is earlier. */
function runDeparture(seen: Seen, runStartDay: number, runEndDay: number): number {
  const spell = spellHolding(seen, runStartDay);
  const spellOver = spell?.overDay ?? Infinity;
  if (spellOver === Infinity && runEndDay === Infinity) return Infinity;
  if (spellOver <= runEndDay) return departs(spellOver, spell?.overReason ?? 'left-care', runStartDay);
  return departs(runEndDay, 'run-ended', runStartDay);
}

function departs(day: number, reason: LeaveReason, startDay: number): number {
  departureReason = reason;
  return day < startDay ? startDay : day;
}

/**
 * Aims 3 and 4: the earliest of the end of the spell holding the start, the day before the 18th
 * birthday, and the day before the next event of the same type (`nextDay`, Infinity when there is
 * none), which supersedes this one.
 */
function eventDeparture(seen: Seen, startDay: number, nextDay: number): number {
  let day = Infinity;
  let reason: LeaveReason = 'left-care';
  const spell = spellHolding(seen, startDay);
  if (spell !== undefined && spell.overReason !== null) {
    day = spell.overDay;
    reason = spell.overReason;
  }
  if (seen.eighteenDay < day) {
    day = seen.eighteenDay;
    reason = 'turned-18';
  }
  if (nextDay - 1 < day) {
    day = nextDay - 1;
    reason = 'superseded';
  }
  return day === Infinity ? Infinity : departs(day, reason, startDay);
}

/** The national journeys of the child seen, added to their lists. */
function addNational(lists: NationalLists, seen: Seen, recordIndex: number): void {
  atHome(lists['at-home'], seen, recordIndex);
  accommodation(lists.accommodation, seen, recordIndex);
  recommendation(lists.recommendation, seen, recordIndex);
  adm(lists.adm, seen, recordIndex);
}

function accommodation(list: JourneyList, seen: Seen, recordIndex: number): void {
  addRunJourneys(list, seen, recordIndex, 'away', typeFrom[recommendations] as number, typeTo[recommendations] as number);
}

function atHome(list: JourneyList, seen: Seen, recordIndex: number): void {
  addRunJourneys(list, seen, recordIndex, 'home', typeFrom[homeReviews] as number, typeTo[homeReviews] as number);
}

/**
 * A journey for each run of a side (one at home, or at home or in kinship care, only when its first
 * placement is on a CSO), ended by the first of the events at places `endsFrom` to `endsTo` - 1.
 */
function addRunJourneys(list: JourneyList, seen: Seen, recordIndex: number, side: Exclude<RunSide, 'any'>, endsFrom: number, endsTo: number): void {
  const runs = findRuns(seen.placements, side);
  for (let r = 0; r < runs; r++) {
    const { placement, index } = seen.placements[runFirst[r] as number] as SeenPlacement;
    if (side !== 'away' && placement.legalBasis !== 'CSO') continue;
    const startDay = runStartDay[r] as number;
    const endDay = runEndDay[r] as number;
    const departure = runDeparture(seen, startDay, endDay);
    addJourney(list, seen, recordIndex, startDay, RefIn.Placement, index, departure, endsFrom, endsTo, placement.type, endDay, 0);
  }
}

function recommendation(list: JourneyList, seen: Seen, recordIndex: number): void {
  const to = typeTo[recommendations] as number;
  for (let at = typeFrom[recommendations] as number; at < to; at++) {
    // A recommendation without a route is still a recommendation; only a return home is not
    // permanence away from home (docs/decisions/0002-journey-readings.md). Any later
    // recommendation, a return home included, supersedes it.
    const route = eventRoute[at] as number;
    if (route === homeRoute) continue;
    const day = eventDay[at] as number;
    const departure = eventDeparture(seen, day, at + 1 < to ? (eventDay[at + 1] as number) : Infinity);
    addJourney(list, seen, recordIndex, day, RefIn.Event, eventAt[at] as number, departure, typeFrom[decisions] as number, typeTo[decisions] as number, placementTypeOn(seen, day), Infinity, route);
  }
}

function adm(list: JourneyList, seen: Seen, recordIndex: number): void {
  const to = typeTo[decisions] as number;
  for (let at = typeFrom[decisions] as number; at < to; at++) {
    const route = eventRoute[at] as number;
    if (!courtRouteCodes.has(route)) continue;
    const day = eventDay[at] as number;
    const departure = eventDeparture(seen, day, at + 1 < to ? (eventDay[at + 1] as number) : Infinity);
    addJourney(list, seen, recordIndex, day, RefIn.Event, eventAt[at] as number, departure, typeFrom[applications] as number, typeTo[applications] as number, placementTypeOn(seen, day), Infinity, route);
  }
}

/**
 * The journeys of a measure for one child as at `asAt` (measure-definition.ts): each start by the
 * start's own rule, its leave date by the same rules as the national kinds (a run's end or its
 * spell's; for an event, its spell's end, the 18th birthday, or the next event of the same type),
 * and its end the first event matching any of the ends, dated on or after the start and on or
 * before the leave date (or as-at).
 */
export function journeysOfMeasure(record: ChildRecord, definition: MeasureDefinition, asAt: PlainDate): readonly MeasureJourney[] {
  const list = oneChildsMeasureList(record);
  addMeasure(list, see(record, asAt), 0, compiledMeasure(definition));
  return list.journeys as readonly MeasureJourney[];
}

/** A record's journeys of a measure made again (JourneyList.settle), each record's remembered (a list may be read in any order). */
function measureAgain(definition: MeasureDefinition, asAt: PlainDate): (record: ChildRecord) => readonly Journey[] {
  const made = new WeakMap<ChildRecord, readonly Journey[]>();
  return (record) => {
    let journeys = made.get(record);
    if (journeys === undefined) {
      journeys = journeysOfMeasure(record, definition, asAt);
      made.set(record, journeys);
    }
    return journeys;
  };
}

/** A measure with its event types as places in eventTypes, looked up once for all the children. */
interface CompiledMeasure {
  readonly definition: MeasureDefinition;
  /** The start's event type, or -1 for a start that is not an event. */
  readonly startType: number;
  /** Each end's event type, in the order of the definition's ends. */
  readonly endTypes: readonly number[];
}

function compiledMeasure(definition: MeasureDefinition): CompiledMeasure {
  const start = definition.start;
  return { definition, startType: start.kind === 'event' || start.kind === 'planned' ? typeIndexOf(start.type) : -1, endTypes: definition.ends.map((end) => typeIndexOf(end.type)) };
}

/** The journeys of a measure of the child seen (with all types), added to `list`. */
function addMeasure(list: JourneyList, seen: Seen, recordIndex: number, measure: CompiledMeasure): void {
  const start = measure.definition.start;
  if (start.kind === 'planned') {
    addPlannedJourneys(list, seen, recordIndex, start.type, measure.startType);
    return;
  }
  findEnds(seen.record.events, measure.definition.ends, measure.endTypes);
  const endsFrom = foundFrom;
  const endsTo = foundTo;
  switch (start.kind) {
    case 'accommodated':
      addRunJourneys(list, seen, recordIndex, 'away', endsFrom, endsTo);
      return;
    case 'at-home':
      addRunJourneys(list, seen, recordIndex, 'home', endsFrom, endsTo);
      return;
    case 'at-home-or-kinship':
      addRunJourneys(list, seen, recordIndex, 'home-or-kinship', endsFrom, endsTo);
      return;
    case 'spell':
      for (let s = 0; s < seen.spells.length; s++) {
        const spell = seen.spells[s] as Spell;
        const { placement, index } = seen.placements[spell.first] as SeenPlacement;
        const departure = spell.overDay === Infinity ? Infinity : departs(spell.overDay, spell.overReason ?? 'left-care', spell.startDay);
        addJourney(list, seen, recordIndex, spell.startDay, RefIn.Placement, index, departure, endsFrom, endsTo, placement.type, spell.endDay, 0);
      }
      return;
    default: {
      // Every event of the start's type, whatever its route: the next one supersedes, whether or not it starts a journey itself.
      const type = measure.startType;
      const to = typeTo[type] as number;
      for (let at = typeFrom[type] as number; at < to; at++) {
        const route = eventRoute[at] as number;
        if (!eventMatches(start, start.type, routeOf(route))) continue;
        const day = eventDay[at] as number;
        const departure = eventDeparture(seen, day, at + 1 < to ? (eventDay[at + 1] as number) : Infinity);
        addJourney(list, seen, recordIndex, day, RefIn.Event, eventAt[at] as number, departure, endsFrom, endsTo, placementTypeOn(seen, day), Infinity, route);
      }
    }
  }
}

/** One journey of a measure from a planned date, before they are put in order. */
interface PlannedStart {
  readonly startDay: number;
  /** Its id, for the order, and where it is in the record. */
  readonly ref: string;
  readonly startIn: RefIn;
  readonly startAt: number;
  readonly departure: number;
  readonly reason: LeaveReason;
  /** The held event that ends it, as places in the scratch (none: equal). */
  readonly endsFrom: number;
  readonly endsTo: number;
  readonly route: Route | null;
}

/**
 * A measure from the planned date of each event of `type` (docs/decisions/0029-measures.md): one
 * journey for each event held with a planned date, each still planned and each cancelled, planned
 * for a day on or before as-at. It starts on the planned day (or the day it was held, if that was
 * earlier) and ends on the day it was held; one cancelled stops, `cancelled`, on its planned day;
 * one still planned (or held after as-at) is open. The spell holding the start and the 18th
 * birthday stop it as they stop any journey from an event. In order of start, then id.
 */
function addPlannedJourneys(list: JourneyList, seen: Seen, recordIndex: number, type: CaseEvent['type'], typeIndex: number): void {
  const starts: PlannedStart[] = [];
  const events = seen.record.events;
  for (let at = typeFrom[typeIndex] as number; at < (typeTo[typeIndex] as number); at++) {
    const event = events[eventAt[at] as number] as CaseEvent;
    if (event.plannedDate === undefined || event.plannedDate === null) continue;
    const startDay = Math.min(epochDay(event.plannedDate), eventDay[at] as number);
    const departure = eventDeparture(seen, startDay, Infinity);
    starts.push({ startDay, ref: event.eventId, startIn: RefIn.Event, startAt: eventAt[at] as number, departure, reason: departureReason, endsFrom: at, endsTo: at + 1, route: event.route });
  }
  // Held after as-at: at as-at it was still to be held.
  for (let i = 0; i < events.length; i++) {
    const event = events[i] as CaseEvent;
    if (event.type !== type || event.plannedDate === undefined || event.plannedDate === null) continue;
    const plannedDay = epochDay(event.plannedDate);
    if (plannedDay > seen.asAtDay || epochDay(event.date) <= seen.asAtDay) continue;
    const departure = eventDeparture(seen, plannedDay, Infinity);
    starts.push({ startDay: plannedDay, ref: event.eventId, startIn: RefIn.Event, startAt: i, departure, reason: departureReason, endsFrom: 0, endsTo: 0, route: event.route });
  }
  const plans = seen.record.plans ?? [];
  for (let i = 0; i < plans.length; i++) {
    const plan = plans[i] as PlannedEvent;
    if (plan.type !== type) continue;
    const plannedDay = epochDay(plan.plannedDate);
    if (plannedDay > seen.asAtDay) continue;
    let departure = eventDeparture(seen, plannedDay, Infinity);
    let reason = departureReason;
    if (plan.status === 'cancelled' && departure > plannedDay) {
      departure = plannedDay;
      reason = 'cancelled';
    }
    starts.push({ startDay: plannedDay, ref: plan.eventId, startIn: RefIn.Plan, startAt: i, departure, reason, endsFrom: 0, endsTo: 0, route: plan.route });
  }
  starts.sort((a, b) => a.startDay - b.startDay || compareIds(a.ref, b.ref));
  for (const start of starts) {
    departureReason = start.reason;
    addJourney(list, seen, recordIndex, start.startDay, start.startIn, start.startAt, start.departure, start.endsFrom, start.endsTo, placementTypeOn(seen, start.startDay), Infinity, routeCode(start.route));
  }
}

// The places findEnds found, from and to (not included), in the scratch.
let foundFrom = 0;
let foundTo = 0;

/**
 * Finds the child's events (dated on or before as-at) matching any of `matches`, in date order then
 * id, as places in the scratch (foundFrom, foundTo): one end of one type with no route asked, the
 * usual measure, is the child's events of that type as they are; otherwise a list is made after the
 * events by type.
 */
function findEnds(events: readonly CaseEvent[], matches: readonly EventMatch[], types: readonly number[]): void {
  const only = matches[0] as EventMatch;
  if (matches.length === 1 && !only.routes?.length) {
    const type = types[0] as number;
    foundFrom = typeFrom[type] as number;
    foundTo = typeTo[type] as number;
    return;
  }
  let to = listsFrom;
  for (let m = 0; m < matches.length; m++) {
    const match = matches[m] as EventMatch;
    const type = types[m] as number;
    for (let at = typeFrom[type] as number; at < (typeTo[type] as number); at++) {
      if (!eventMatches(match, match.type, routeOf(eventRoute[at] as number))) continue;
      eventAt[to] = eventAt[at] as number;
      eventDay[to] = eventDay[at] as number;
      eventRoute[to] = eventRoute[at] as number;
      to += 1;
    }
  }
  if (to - listsFrom > 1) inDayThenIdOrder(events, listsFrom, to);
  foundFrom = listsFrom;
  foundTo = to;
}

// A measure's journeys of a list of records, remembered per list, as-at date and definition (as the
// national kinds are in journeysOfKindForEach).
interface MeasuredList {
  readonly asAtDay: number;
  readonly journeys: Map<string, JourneyList>;
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
  return measured.journeys.get(key) as JourneyList;
}

/**
 * Derives the journeys of several measures of `records` as at `asAt` in one pass over the children,
 * each child seen (and its events put by type) once for all of them, and remembers them as
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
  const todo = [...wanted.values()].map(compiledMeasure);
  const lists = todo.map(() => new JourneyList('measure', records));
  // The national kinds' journeys, when not yet derived, from the same sight of each child.
  const asAtDay = epochDay(asAt);
  const national = derivedForLists.get(records)?.asAtDay === asAtDay ? null : nationalLists(records);
  const types = typesOnAsAtOf(records, asAtDay);
  for (let index = 0; index < records.length; index++) {
    const seen = see(records[index] as ChildRecord, asAt);
    types?.note(index, seen);
    if (national !== null) addNational(national, seen, index);
    for (let m = 0; m < todo.length; m++) addMeasure(lists[m] as JourneyList, seen, index, todo[m] as CompiledMeasure);
    if ((index + 1) % step === 0) yield index + 1;
  }
  for (let m = 0; m < keys.length; m++) {
    (lists[m] as JourneyList).settle(measureAgain((todo[m] as CompiledMeasure).definition, asAt));
    measured.journeys.set(keys[m] as string, lists[m] as JourneyList);
  }
  types?.done();
  if (national !== null && derivedForLists.get(records)?.asAtDay !== asAtDay) keepNationalLists(records, asAt, national);
}

/**
 * Adds a journey of any kind to `list`: the leave date first (the departure, a day never before the
 * start, or Infinity while the child is on it, its reason in departureReason), then the end (the
 * first of the milestones at places `endsFrom` to `endsTo` - 1 in the scratch dated on or after the
 * start and on or before the departure or as-at), then the route. Its start is the placement,
 * event or plan at place `startAt` of the record's list `startIn`.
 */
function addJourney(
  list: JourneyList,
  seen: Seen,
  recordIndex: number,
  startDay: number,
  startIn: RefIn,
  startAt: number,
  departure: number,
  endsFrom: number,
  endsTo: number,
  placementTypeAtStart: PlacementType | null,
  runEndDay: number,
  startRoute: number,
): void {
  const reason = departureReason;
  const lastDay = departure === Infinity ? seen.asAtDay : departure;
  let end = -1;
  for (let at = endsFrom; at < endsTo; at++) {
    const day = eventDay[at] as number;
    if (day >= startDay && day <= lastDay) {
      end = at;
      break;
    }
  }
  const endAt = end < 0 ? -1 : (eventAt[end] as number);
  const left = endAt < 0 && departure !== Infinity;
  const i = list.place();
  list.recordIndex[i] = recordIndex;
  list.startDay[i] = startDay;
  list.endDay[i] = endAt < 0 ? noDay : (eventDay[end] as number);
  list.leaveDay[i] = left ? departure : noDay;
  list.leaveReason[i] = left ? leaveReasonCode(reason) : 0;
  list.departureDay[i] = departure === Infinity ? noDay : departure;
  list.departureReason[i] = departure === Infinity ? 0 : leaveReasonCode(reason);
  list.startIn[i] = startIn;
  list.startAt[i] = startAt;
  list.endAt[i] = endAt;
  list.placementType[i] = placementTypeCode(placementTypeAtStart);
  list.ageAtStart[i] = ageOnDay(seen.bornDay, startDay);
  const endRoute = endAt < 0 ? 0 : (eventRoute[end] as number);
  list.route[i] = endRoute !== 0 ? endRoute : planRouteOn(endAt < 0 ? lastDay : (eventDay[end] as number));
  list.runEndDay[i] = runEndDay === Infinity ? noDay : runEndDay;
  list.startRoute[i] = startRoute;
}

function byStartThenId(a: SeenPlacement, b: SeenPlacement): number {
  return a.startDay - b.startDay || compareIds(a.placement.placementId, b.placement.placementId);
}

/** Whether a list is already in the order `compare` sorts it into (so that a stable sort would leave it as it is). */
function isInOrder<T>(list: readonly T[], compare: (a: T, b: T) => number): boolean {
  for (let i = 1; i < list.length; i++) if (compare(list[i - 1] as T, list[i] as T) > 0) return false;
  return true;
}

/** The route (routeCode) of the latest care plan or recommendation naming one, on or before `day`; `undecided` with none. */
function planRouteOn(day: number): number {
  for (let k = plansCount - 1; k >= 0; k--) if ((seenOrder[plansFrom + k] as number) <= day) return seenOrder[plansFrom + plansCount + k] as number;
  return undecided;
}

/** The places in the scratch (all the events in order by type) of the care plans and recommendations naming a route, together in date order then id. */
function plansWithRoutes(events: readonly CaseEvent[]): number[] {
  const plans: number[] = [];
  let p = typeFrom[carePlans] as number;
  let r = typeFrom[recommendations] as number;
  const pTo = typeTo[carePlans] as number;
  const rTo = typeTo[recommendations] as number;
  for (;;) {
    while (p < pTo && eventRoute[p] === 0) p += 1;
    while (r < rTo && eventRoute[r] === 0) r += 1;
    if (p >= pTo && r >= rTo) return plans;
    const planFirst = r >= rTo || (p < pTo && ((eventDay[p] as number) - (eventDay[r] as number) || compareIds((events[eventAt[p] as number] as CaseEvent).eventId, (events[eventAt[r] as number] as CaseEvent).eventId)) < 0);
    plans.push(planFirst ? p++ : r++);
  }
}

/** The placement open on a day; on a moving day, the one the child moved into. */
// Each child's placement type on the as-at date (placementTypeOnDay), by record, noted as the
// children are seen for their journeys: the waiting chart names where each waiting child lives now,
// and reading each one's placements again for it cost more than the rest of the chart.
const typesOnAsAt = new WeakMap<readonly ChildRecord[], { readonly asAtDay: number; readonly types: Uint8Array }>();

/** A column for the children's placement types on as-at, to note as they are seen; null when it is known already. */
function typesOnAsAtOf(records: readonly ChildRecord[], asAtDay: number): { note(index: number, seen: Seen): void; done(): void } | null {
  if (typesOnAsAt.get(records)?.asAtDay === asAtDay) return null;
  const types = new Uint8Array(records.length);
  return {
    note: (index, seen) => {
      types[index] = placementTypeCode(placementTypeOn(seen, asAtDay));
    },
    done: () => typesOnAsAt.set(records, { asAtDay, types }),
  };
}

/**
 * The type of the placement each child of `records` is in on the as-at date (placementTypeOnDay),
 * by the record's place in the list: noted when the journeys were derived, else worked out here.
 */
export function placementTypesOnAsAt(records: readonly ChildRecord[], asAt: PlainDate): (recordIndex: number) => PlacementType | null {
  const asAtDay = epochDay(asAt);
  let known = typesOnAsAt.get(records);
  if (known?.asAtDay !== asAtDay) {
    const types = new Uint8Array(records.length);
    for (let index = 0; index < records.length; index++) types[index] = placementTypeCode(placementTypeOnDay(records[index] as ChildRecord, asAtDay));
    known = { asAtDay, types };
    typesOnAsAt.set(records, known);
  }
  const types = known.types;
  return (recordIndex) => decoded(placementTypes, types[recordIndex] as number);
}

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
