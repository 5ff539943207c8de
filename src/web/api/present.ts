/** What the API sends: records in the canonical format's column names, the journeys of a child. */
import { cohortJourneyJson } from '../../domain/figures-json.js';
import type { Aim } from '../../domain/aim.js';
import { measuredJourneys } from '../../domain/aim-figures.js';
import type { PlainDate } from '../../domain/date.js';
import { allEventsOf, isPlannedEvent, type AnyEvent } from '../../domain/planned.js';
import type { Child, ChildRecord, Placement } from '../../domain/records.js';
import { roundTo } from '../../domain/round.js';
import type { WaitingRow } from '../../app/authority-figures.js';

export function childJson(c: Child) {
  return { child_id: c.childId, first_name: c.firstName, last_name: c.lastName, date_of_birth: c.dateOfBirth.toString(), sex: c.sex, sibling_group: c.siblingGroup, worker: c.worker, team: c.team, locality: c.locality };
}

export function placementJson(p: Placement) {
  return { child_id: p.childId, placement_id: p.placementId, start_date: p.start.toString(), end_date: p.end?.toString() ?? null, placement_type: p.type, legal_basis: p.legalBasis, carer_ref: p.carerRef, recorded_date: p.recordedDate?.toString() ?? null };
}

/** An event held, planned or cancelled, as the API takes it back (a cancelled event's reason is its note). */
export function eventJson(e: AnyEvent) {
  const common = { child_id: e.childId, event_id: e.eventId, event_type: e.type };
  const recorded = e.recordedDate?.toString() ?? null;
  if (isPlannedEvent(e)) return { ...common, status: e.status, date: null, planned_date: e.plannedDate.toString(), route: e.route, note: e.reason, recorded_date: recorded };
  return { ...common, status: 'held' as const, date: e.date.toString(), planned_date: e.plannedDate?.toString() ?? null, route: e.route, note: e.note, recorded_date: recorded };
}

/** A child's record with every journey and its status against each aim, as at `asAt`. */
export function childRecordJson(record: ChildRecord, aims: readonly Aim[], asAt: PlainDate) {
  return {
    as_at: asAt.toString(),
    child: childJson(record.child),
    placements: record.placements.map(placementJson),
    events: allEventsOf(record).map(eventJson),
    journeys: aims.flatMap((aim) =>
      measuredJourneys(aim, [record], asAt).map((j) => ({ aim_id: aim.id, ...cohortJourneyJson(j) })),
    ),
  };
}

export function waitingJson(row: WaitingRow) {
  return { aim_id: row.aimId, child_id: row.childId, start: row.start.toString(), weeks: roundTo(row.weeks), due: row.due.toString(), status: row.status, current_placement: row.placementType };
}
