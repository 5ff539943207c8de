/**
 * An aim measured as at a date (docs/measurement.md, "Status and figures"): every journey in its
 * cohort with its status, the counts of all six statuses, the headline percentage and the median
 * weeks.
 */
import { aimSubject, type Aim, type AimFilters } from './aim.js';
import { dateOfEpochDay, epochDay, weeksFromDays, type PlainDate } from './date.js';
import { journeysOfKindForEach, journeysOfMeasureForEach, type Journey, type JourneyList } from './journey.js';
import { measureKey } from './measure-definition.js';
import type { ChildRecord } from './records.js';
import { journeyStatuses, statusCodes, type JourneyStatus } from './status.js';
import { median } from './spc/median.js';
import { dueDayFrom, type Timescale } from './timescale.js';
import { keptColumnsBuffer } from './kept-columns.js';

export type CohortStatus = JourneyStatus;

export interface CohortJourney {
  readonly journey: Journey;
  /** The journey's child (journey.childId, read without making the journey). */
  readonly childId: string;
  readonly status: CohortStatus;
  /** Days from start to end, or waited so far as at. */
  readonly days: number;
  readonly weeks: number;
  /** The last day within the timescale. */
  readonly due: PlainDate;
  /** Waiting or overdue: no end, and the child has not left. */
  readonly stillWaiting: boolean;
  /** Start and end as day numbers (date.ts), for sorting and comparing many journeys quickly. */
  readonly startDay: number;
  readonly endDay: number | null;
  /**
   * The place of the child's record in the list of records measured (for where a child still
   * waiting lives now): a number rather than the record's placements, which would be one more
   * object read for every journey of every aim.
   */
  readonly recordIndex: number;
}

/**
 * A journey of an aim's cohort, measured from its list's columns (journey.ts, JourneyList): the
 * journey itself is made only when something reads it (a list of children, a breakdown), not for
 * the figures and charts, which read the days and statuses alone.
 */
class MeasuredJourney implements CohortJourney {
  readonly #list: JourneyList;
  readonly #row: number;
  readonly childId: string;
  readonly status: CohortStatus;
  readonly days: number;
  readonly weeks: number;
  readonly due: PlainDate;
  readonly stillWaiting: boolean;
  readonly startDay: number;
  readonly endDay: number | null;
  readonly recordIndex: number;

  constructor(list: JourneyList, row: number, status: CohortStatus, days: number, due: PlainDate, startDay: number, endDay: number | null, stillWaiting: boolean) {
    this.#list = list;
    this.#row = row;
    this.recordIndex = list.recordIndex[row] as number;
    this.childId = list.childIds[this.recordIndex] as string;
    this.status = status;
    this.days = days;
    this.weeks = weeksFromDays(days);
    this.due = due;
    this.stillWaiting = stillWaiting;
    this.startDay = startDay;
    this.endDay = endDay;
  }

  get journey(): Journey {
    return this.#list.journey(this.#row);
  }

  /** As a plain object (the journey made), for whatever copies or compares it field by field. */
  toJSON(): Omit<CohortJourney, never> {
    return { journey: this.journey, childId: this.childId, status: this.status, days: this.days, weeks: this.weeks, due: this.due, stillWaiting: this.stillWaiting, startDay: this.startDay, endDay: this.endDay, recordIndex: this.recordIndex };
  }
}

export type StatusCounts = { readonly [S in JourneyStatus]: number };

export interface BacklogFigures {
  readonly byDate: PlainDate;
  readonly startedBefore: PlainDate;
  /** Journeys started before the date, and neither ended nor left before it. */
  readonly total: number;
  /** Of those, how many have reached the end milestone by as-at. */
  readonly complete: number;
  /** Of those, how many left without it by as-at. */
  readonly left: number;
  readonly stillWaiting: number;
}

export interface AimFigures {
  readonly aim: Aim;
  readonly asAt: PlainDate;
  /** The from-date actually applied (the aim's, or an override). */
  readonly fromDate: PlainDate | null;
  readonly journeys: readonly CohortJourney[];
  /**
   * The same journeys as columns: the aim's cohort, and the places in it of the journeys counted
   * here (those started on or after the from-date; a test group's alone, improvement/test-data.ts),
   * in the cohort's order. The tallies by window, month and quarter read these, making no journey.
   */
  readonly cohort: MeasuredCohort;
  readonly places: Int32Array;
  readonly counts: StatusCounts;
  /** in time + late + overdue + left late: the denominator. */
  readonly n: number;
  /** in time ÷ n × 100, unrounded; null when n is 0. */
  readonly percentage: number | null;
  /** Median weeks of completed journeys (in time or late), unrounded; null when none. */
  readonly medianWeeks: number | null;
  readonly stillWaiting: number;
  readonly longestWaitWeeks: number | null;
  readonly backlog: BacklogFigures | null;
}

// Each status as its place in journeyStatuses, as an aim's cohort keeps it (MeasuredCohort).
const { in_time: inTime, late, overdue, waiting, left_late: leftLate, left_early: leftEarly } = statusCodes;

/** Measures `aim` as at `asAt` over an authority's records. `fromDate` (when given) overrides the aim's. */
export function aimFigures(aim: Aim, records: readonly ChildRecord[], asAt: PlainDate, options: { fromDate?: PlainDate | null } = {}): AimFigures {
  const fromDate = options.fromDate !== undefined ? options.fromDate : aim.fromDate;
  const fromDay = fromDate === null ? -Infinity : epochDay(fromDate);
  const measured = measuredCohort(aim, records, asAt);
  // From the cohort's columns: the journeys themselves are listed only when something reads them.
  const byStatus = new Int32Array(journeyStatuses.length);
  const completedWeeks: number[] = [];
  let stillWaiting = 0;
  let longestWaitDays = -Infinity;
  const places = fromDay === -Infinity ? everyPlace(measured.count) : startedFrom(measured, fromDay);
  for (let p = 0; p < places.length; p++) {
    const k = places[p] as number;
    const status = measured.status[k] as number;
    byStatus[status] = (byStatus[status] as number) + 1;
    const days = measured.days[k] as number;
    if (measured.completed(k)) completedWeeks.push(weeksFromDays(days));
    else if (measured.stillWaiting(k)) {
      stillWaiting += 1;
      if (days > longestWaitDays) longestWaitDays = days;
    }
  }
  const counts = Object.fromEntries(journeyStatuses.map((status, code) => [status, byStatus[code] as number])) as { [S in JourneyStatus]: number };
  const n = counts.in_time + counts.late + counts.overdue + counts.left_late;
  let journeys: readonly CohortJourney[] | null = null;
  return {
    aim,
    asAt,
    fromDate,
    get journeys() {
      journeys ??= fromDay === -Infinity ? measured.journeys : Array.from(places, (k) => measured.journeys[k] as CohortJourney);
      return journeys;
    },
    cohort: measured,
    places,
    counts,
    n,
    percentage: n === 0 ? null : (counts.in_time / n) * 100,
    medianWeeks: median(completedWeeks),
    stillWaiting,
    longestWaitWeeks: stillWaiting === 0 ? null : weeksFromDays(longestWaitDays),
    backlog: aim.backlog ? backlogFigures(aim.backlog, measured) : null,
  };
}

/**
 * An aim's cohort as columns, one place a journey that passes its filters (measuredCohort): the
 * journey's place in its list (journey.ts, JourneyList), its status (its place in
 * journeyStatuses) and its days (to its end, its leave date or as-at); its due day from its start and the timescale. The figures
 * and charts read these; `journeys` makes the cohort's journeys as objects, once, for whatever lists
 * them.
 */
export class MeasuredCohort {
  readonly list: JourneyList;
  readonly count: number;
  readonly row: Int32Array;
  readonly status: Uint8Array;
  readonly days: Int32Array;
  readonly timescale: Timescale;
  #journeys: readonly CohortJourney[] | null = null;

  constructor(list: JourneyList, count: number, row: Int32Array, status: Uint8Array, days: Int32Array, timescale: Timescale) {
    this.list = list;
    this.count = count;
    this.row = row;
    this.status = status;
    this.days = days;
    this.timescale = timescale;
  }

  startDay(k: number): number {
    return this.list.startDay[this.row[k] as number] as number;
  }

  /** The end day of journey `k`; only for one that has an end (in time or late). */
  endDay(k: number): number {
    return this.list.endDay[this.row[k] as number] as number;
  }

  /** Whether journey `k` reached its milestone (in time or late): it has an end. */
  completed(k: number): boolean {
    const status = this.status[k] as number;
    return status === inTime || status === late;
  }

  /** Whether journey `k` is still waiting (waiting or overdue): no end, and the child has not left. */
  stillWaiting(k: number): boolean {
    const status = this.status[k] as number;
    return status === overdue || status === waiting;
  }

  /** The last day within the timescale of journey `k`. */
  dueDay(k: number): number {
    return dueDayFrom(this.startDay(k), this.timescale);
  }

  childId(k: number): string {
    return this.list.childIds[this.list.recordIndex[this.row[k] as number] as number] as string;
  }

  record(k: number): ChildRecord {
    return this.list.records[this.list.recordIndex[this.row[k] as number] as number] as ChildRecord;
  }

  /** The cohort's journeys as objects, made the first time they are asked for. */
  get journeys(): readonly CohortJourney[] {
    if (this.#journeys === null) {
      const journeys = new Array<CohortJourney>(this.count);
      for (let k = 0; k < this.count; k++) {
        const row = this.row[k] as number;
        const status = journeyStatuses[this.status[k] as number] as JourneyStatus;
        const endDay = this.list.hasEnd(row) ? (this.list.endDay[row] as number) : null;
        journeys[k] = new MeasuredJourney(this.list, row, status, this.days[k] as number, dateOfEpochDay(this.dueDay(k)), this.list.startDay[row] as number, endDay, this.stillWaiting(k));
      }
      this.#journeys = journeys;
    }
    return this.#journeys;
  }
}

/**
 * Every journey of the aim's kind that passes its filters, with its status, whatever its start
 * date (the run chart and waiting chart are not limited by the from-date). Journeys the child left
 * are kept, with their status, so that nobody vanishes.
 */
export function measuredJourneys(aim: Aim, records: readonly ChildRecord[], asAt: PlainDate): readonly CohortJourney[] {
  return measuredCohort(aim, records, asAt).journeys;
}

/** The same journeys as columns (MeasuredCohort). */
export function measuredCohort(aim: Aim, records: readonly ChildRecord[], asAt: PlainDate): MeasuredCohort {
  // The figures, the run chart, the waiting chart and the survival view of one aim all start here:
  // measure once per set of records, aim definition and as-at date.
  const subject = aimSubject(aim);
  const asAtDay = epochDay(asAt);
  const key = `${typeof subject === 'string' ? subject : measureKey(subject)}|${JSON.stringify(aim.timescale)}|${JSON.stringify(aim.filters)}`;
  const byKey = cohortsAsAt(records, asAtDay);
  const cached = byKey.get(key);
  if (cached !== undefined) return cached;
  const list = typeof subject === 'string' ? journeysOfKindForEach(records, subject, asAt) : journeysOfMeasureForEach(records, subject, asAt);
  const filtered = hasFilters(aim.filters);
  // The columns in one block of memory: kept as long as the figures are.
  // Without filters every journey of the list is in the cohort, each at its own place: the places
  // are then a view of one list of places shared by every such cohort.
  const block = keptColumnsBuffer((filtered ? 9 : 5) * list.length);
  const days = new Int32Array(block, 0, list.length);
  const row = filtered ? new Int32Array(block, 4 * list.length, list.length) : everyPlace(list.length);
  const status = new Uint8Array(block, (filtered ? 8 : 4) * list.length, list.length);
  let count = 0;
  for (let j = 0; j < list.length; j++) {
    if (filtered && !passesFilters(list, j, aim.filters)) continue;
    // The days straight from the list's columns: this runs for every journey of every aim.
    const startDay = list.startDay[j] as number;
    const endDay = list.hasEnd(j) ? (list.endDay[j] as number) : null;
    const leaveDay = list.hasLeave(j) ? (list.leaveDay[j] as number) : null;
    const dueDay = dueDayFrom(startDay, aim.timescale);
    if (filtered) row[count] = j;
    status[count] = statusCode(endDay, leaveDay, dueDay, asAtDay);
    // Days from the start to the end, to the leave date, or (while the child is on it) to as-at (journeyDays).
    days[count] = (endDay ?? leaveDay ?? asAtDay) - startDay;
    count += 1;
  }
  const measured = new MeasuredCohort(list, count, row, status, days, aim.timescale);
  byKey.set(key, measured);
  return measured;
}

/** The places of the journeys of a cohort started on or after a day, in order. */
function startedFrom(cohort: MeasuredCohort, fromDay: number): Int32Array {
  let count = 0;
  for (let k = 0; k < cohort.count; k++) if (cohort.startDay(k) >= fromDay) count += 1;
  const places = new Int32Array(count);
  for (let k = 0, p = 0; k < cohort.count; k++) if (cohort.startDay(k) >= fromDay) places[p++] = k;
  return places;
}

// 0, 1, 2, …: the places of a cohort that is its whole list (everyPlace).
let places = new Int32Array(0);

/** A view of the places 0 to `count` - 1, in one list shared by every cohort without filters. */
function everyPlace(count: number): Int32Array {
  if (places.length < count) {
    places = new Int32Array(Math.max(count, 2 * places.length, 1024));
    for (let i = 0; i < places.length; i++) places[i] = i;
  }
  return places.subarray(0, count);
}

/** statusOfDays as the status's place in journeyStatuses. */
function statusCode(endDay: number | null, leaveDay: number | null, due: number, asAtDay: number): number {
  if (endDay !== null) return endDay <= due ? inTime : late;
  if (leaveDay !== null) return leaveDay > due ? leftLate : leftEarly;
  return asAtDay > due ? overdue : waiting;
}

// Each list of records' cohorts, by as-at day (most recently used last), then by aim definition.
// A server keeps an authority's records while its data is unchanged, and a user may look at its
// figures as at any number of dates: only the cohorts of the last few are kept here (the figures
// worked out hold their own), or every date looked at would stay in memory until the next import.
const measuredCache = new WeakMap<readonly ChildRecord[], Map<number, Map<string, MeasuredCohort>>>();
export const cohortDaysKept = 4;

/** The cohorts remembered for `records` as at `asAtDay`, that date now the most recently used. */
function cohortsAsAt(records: readonly ChildRecord[], asAtDay: number): Map<string, MeasuredCohort> {
  let byDay = measuredCache.get(records);
  if (byDay === undefined) {
    byDay = new Map();
    measuredCache.set(records, byDay);
  }
  let byKey = byDay.get(asAtDay);
  if (byKey !== undefined) {
    if (byDay.size > 1) {
      byDay.delete(asAtDay);
      byDay.set(asAtDay, byKey);
    }
    return byKey;
  }
  byKey = new Map();
  byDay.set(asAtDay, byKey);
  while (byDay.size > cohortDaysKept) byDay.delete(byDay.keys().next().value as number);
  return byKey;
}

/** The as-at days whose cohorts are remembered for `records`, least recently used first (for tests). */
export function rememberedCohortDays(records: readonly ChildRecord[]): number[] {
  return [...(measuredCache.get(records)?.keys() ?? [])];
}

/** Whether any of an aim's filters is set (when none is, every journey passes). */
function hasFilters(filters: AimFilters): boolean {
  return (
    !!filters.placementTypes?.length ||
    !!filters.placementTypesNot?.length ||
    !!filters.routes?.length ||
    !!filters.routesNot?.length ||
    filters.minAge !== undefined ||
    filters.maxAge !== undefined ||
    filters.inSiblingGroup !== undefined ||
    !!filters.teams?.length
  );
}

/** Whether the journey at place `j` of a list passes an aim's filters: each set filter must hold. */
function passesFilters(list: JourneyList, j: number, filters: AimFilters): boolean {
  const type = list.placementTypeAt(j);
  const route = list.routeAt(j);
  const age = list.ageAtStart[j] as number;
  const child = (list.records[list.recordIndex[j] as number] as ChildRecord).child;
  if (filters.placementTypes?.length && (type === null || !filters.placementTypes.includes(type))) return false;
  if (filters.placementTypesNot?.length && type !== null && filters.placementTypesNot.includes(type)) return false;
  if (filters.routes?.length && !filters.routes.includes(route)) return false;
  if (filters.routesNot?.length && filters.routesNot.includes(route)) return false;
  if (filters.minAge !== undefined && age < filters.minAge) return false;
  if (filters.maxAge !== undefined && age > filters.maxAge) return false;
  if (filters.inSiblingGroup !== undefined && (child.siblingGroup !== null) !== filters.inSiblingGroup) return false;
  if (filters.teams?.length && (child.team === null || !filters.teams.includes(child.team))) return false;
  return true;
}

function backlogFigures(backlog: NonNullable<Aim['backlog']>, measured: MeasuredCohort): BacklogFigures {
  const beforeDay = epochDay(backlog.startedBefore);
  const list = measured.list;
  let total = 0;
  let complete = 0;
  let left = 0;
  let stillWaiting = 0;
  for (let k = 0; k < measured.count; k++) {
    const row = measured.row[k] as number;
    // Started before the date, and neither ended nor left before it.
    if ((list.startDay[row] as number) >= beforeDay) continue;
    if (list.hasEnd(row) && (list.endDay[row] as number) < beforeDay) continue;
    if (list.hasLeave(row) && (list.leaveDay[row] as number) < beforeDay) continue;
    total += 1;
    if (list.hasEnd(row)) complete += 1;
    else if (list.hasLeave(row)) left += 1;
    else stillWaiting += 1;
  }
  return { byDate: backlog.byDate, startedBefore: backlog.startedBefore, total, complete, left, stillWaiting };
}
