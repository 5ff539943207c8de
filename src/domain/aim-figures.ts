/**
 * An aim measured as at a date (docs/measurement.md, "Status and figures"): every journey in its
 * cohort with its status, the counts of all six statuses, the headline percentage and the median
 * weeks.
 */
import { aimSubject, type Aim, type AimFilters } from './aim.js';
import { dateOfEpochDay, epochDay, weeksFromDays, type PlainDate } from './date.js';
import { journeysOfKindForEach, journeysOfMeasureForEach, type Journey } from './journey.js';
import { measureKey } from './measure-definition.js';
import type { ChildRecord } from './records.js';
import { statusOfDays, type JourneyStatus } from './status.js';
import { median } from './spc/median.js';
import { dueDayFrom } from './timescale.js';

export type CohortStatus = JourneyStatus;

export interface CohortJourney {
  readonly journey: Journey;
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

/** Measures `aim` as at `asAt` over an authority's records. `fromDate` (when given) overrides the aim's. */
export function aimFigures(aim: Aim, records: readonly ChildRecord[], asAt: PlainDate, options: { fromDate?: PlainDate | null } = {}): AimFigures {
  const fromDate = options.fromDate !== undefined ? options.fromDate : aim.fromDate;
  const fromDay = fromDate === null ? -Infinity : epochDay(fromDate);
  const all = measuredJourneys(aim, records, asAt);
  const journeys = fromDay === -Infinity ? all : all.filter((j) => j.startDay >= fromDay);
  const counts = { in_time: 0, late: 0, overdue: 0, waiting: 0, left_late: 0, left_early: 0 };
  const completedWeeks: number[] = [];
  let stillWaiting = 0;
  let longestWaitWeeks = -Infinity;
  for (let i = 0; i < journeys.length; i++) {
    const j = journeys[i] as CohortJourney;
    counts[j.status] += 1;
    // endDay rather than the journey's end: one object read rather than two, for every journey.
    if (j.endDay !== null) completedWeeks.push(j.weeks);
    if (j.stillWaiting) {
      stillWaiting += 1;
      if (j.weeks > longestWaitWeeks) longestWaitWeeks = j.weeks;
    }
  }
  const n = counts.in_time + counts.late + counts.overdue + counts.left_late;
  return {
    aim,
    asAt,
    fromDate,
    journeys,
    counts,
    n,
    percentage: n === 0 ? null : (counts.in_time / n) * 100,
    medianWeeks: median(completedWeeks),
    stillWaiting,
    longestWaitWeeks: stillWaiting === 0 ? null : longestWaitWeeks,
    backlog: aim.backlog ? backlogFigures(aim.backlog, all) : null,
  };
}

/**
 * Every journey of the aim's kind that passes its filters, with its status, whatever its start
 * date (the run chart and waiting chart are not limited by the from-date). Journeys the child left
 * are kept, with their status, so that nobody vanishes.
 */
export function measuredJourneys(aim: Aim, records: readonly ChildRecord[], asAt: PlainDate): readonly CohortJourney[] {
  // The figures, the run chart, the waiting chart and the survival view of one aim all start here:
  // measure once per set of records, aim definition and as-at date.
  const subject = aimSubject(aim);
  const key = `${epochDay(asAt)}|${typeof subject === 'string' ? subject : measureKey(subject)}|${JSON.stringify(aim.timescale)}|${JSON.stringify(aim.filters)}`;
  let byKey = measuredCache.get(records);
  if (byKey === undefined) {
    byKey = new Map();
    measuredCache.set(records, byKey);
  }
  const cached = byKey.get(key);
  if (cached !== undefined) return cached;
  const measured: CohortJourney[] = [];
  const asAtDay = epochDay(asAt);
  const { journeys, recordIndex } = typeof subject === 'string' ? journeysOfKindForEach(records, subject, asAt) : journeysOfMeasureForEach(records, subject, asAt);
  const filtered = hasFilters(aim.filters);
  for (let j = 0; j < journeys.length; j++) {
    const journey = journeys[j] as Journey;
    if (filtered && !matchesFilters(journey, aim.filters)) continue;
    // Each date read once as a day number: this runs for every journey of every aim.
    const startDay = epochDay(journey.start);
    const endDay = journey.end === null ? null : epochDay(journey.end);
    const leaveDay = journey.leave === null ? null : epochDay(journey.leave);
    const due = dueDayFrom(startDay, aim.timescale);
    // Days from the start to the end, to the leave date, or (while the child is on it) to as-at (journeyDays).
    const days = (endDay ?? leaveDay ?? asAtDay) - startDay;
    measured.push({
      journey,
      status: statusOfDays(endDay, leaveDay, due, asAtDay),
      days,
      weeks: weeksFromDays(days),
      due: dateOfEpochDay(due),
      stillWaiting: endDay === null && leaveDay === null,
      startDay,
      endDay,
      recordIndex: recordIndex[j] as number,
    });
  }
  byKey.set(key, measured);
  return measured;
}

const measuredCache = new WeakMap<readonly ChildRecord[], Map<string, readonly CohortJourney[]>>();

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

/** Whether a journey passes an aim's filters: each set filter must hold. */
export function matchesFilters(journey: Journey, filters: AimFilters): boolean {
  const type = journey.placementTypeAtStart;
  if (filters.placementTypes?.length && (type === null || !filters.placementTypes.includes(type))) return false;
  if (filters.placementTypesNot?.length && type !== null && filters.placementTypesNot.includes(type)) return false;
  if (filters.routes?.length && !filters.routes.includes(journey.route)) return false;
  if (filters.routesNot?.length && filters.routesNot.includes(journey.route)) return false;
  if (filters.minAge !== undefined && journey.ageAtStart < filters.minAge) return false;
  if (filters.maxAge !== undefined && journey.ageAtStart > filters.maxAge) return false;
  if (filters.inSiblingGroup !== undefined && (journey.siblingGroup !== null) !== filters.inSiblingGroup) return false;
  if (filters.teams?.length && (journey.team === null || !filters.teams.includes(journey.team))) return false;
  return true;
}

function backlogFigures(backlog: NonNullable<Aim['backlog']>, journeys: readonly CohortJourney[]): BacklogFigures {
  const beforeDay = epochDay(backlog.startedBefore);
  const openOn = (date: PlainDate | null) => date === null || epochDay(date) >= beforeDay;
  const inBacklog = journeys.filter((j) => j.startDay < beforeDay && openOn(j.journey.end) && openOn(j.journey.leave));
  const complete = inBacklog.filter((j) => j.journey.end !== null).length;
  const left = inBacklog.filter((j) => j.journey.leave !== null).length;
  return { byDate: backlog.byDate, startedBefore: backlog.startedBefore, total: inBacklog.length, complete, left, stillWaiting: inBacklog.filter((j) => j.stillWaiting).length };
}
