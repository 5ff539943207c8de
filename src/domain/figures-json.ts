/**
 * An aim's figures and its journeys as the JSON the CLI and the API both print: snake_case,
 * percentages and weeks rounded to one decimal (rounding is for showing, never for computing).
 */
import type { AimFigures, CohortJourney } from './aim-figures.js';
import { nationalAimOfKind, type Journey } from './journey.js';
import { roundOrNull, roundTo } from './round.js';
import type { JourneyStatus } from './status.js';

export function figuresJson(f: AimFigures) {
  return {
    from_date: f.fromDate?.toString() ?? null,
    counts: f.counts,
    n: f.n,
    percentage: roundOrNull(f.percentage),
    median_weeks: roundOrNull(f.medianWeeks),
    still_waiting: f.stillWaiting,
    longest_wait_weeks: roundOrNull(f.longestWaitWeeks),
    backlog: f.backlog && { by_date: f.backlog.byDate.toString(), started_before: f.backlog.startedBefore.toString(), total: f.backlog.total, complete: f.backlog.complete, left: f.backlog.left, still_waiting: f.backlog.stillWaiting },
  };
}

/** One journey with its status: `pace journeys --json`, an aim's journeys, and the API's lists. */
export function journeyJson(journey: Journey, status: JourneyStatus, days: number) {
  return {
    kind: nationalAimOfKind[journey.kind],
    child_id: journey.childId,
    start: journey.start.toString(),
    end: journey.end?.toString() ?? null,
    leave: journey.leave?.toString() ?? null,
    leave_reason: journey.leaveReason,
    route: journey.route,
    status,
    weeks: roundTo(days / 7),
  };
}

/** A journey measured against an aim: as `journeyJson`, with its due date. */
export function cohortJourneyJson(j: CohortJourney) {
  return { ...journeyJson(j.journey, j.status, j.days), due: j.due.toString() };
}
