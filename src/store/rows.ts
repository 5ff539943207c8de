/**
 * Rows are not domain objects (docs/architecture.md, "How the code reads" 7): this module is the one place where database rows
 * become domain values and back.
 */
import { eventTypes, legalBases, placementTypes, routes, sexes, type EventType, type LegalBasis, type PlacementType, type Route, type Sex } from '../domain/codes.js';
import { isoDate, parseDateOrThrow, type PlainDate } from '../domain/date.js';
import { isPlannedEvent, withPlannedDate, type AnyEvent } from '../domain/planned.js';
import type { Authority, CaseEvent, Child, Placement, PlannedEvent } from '../domain/records.js';

import type { ChildData, EventData, PlacementData } from './schema.js';

export type { ChildData, EventData, PlacementData };

/**
 * Turns stored `YYYY-MM-DD` strings into dates. A decade of records repeats the same few thousand
 * days, so one reader shares each date it has made (dates are immutable).
 */
export class DateReader {
  readonly #seen = new Map<string, PlainDate>();

  read(text: string): PlainDate {
    let date = this.#seen.get(text);
    if (date === undefined) {
      date = parseDateOrThrow(text);
      this.#seen.set(text, date);
    }
    return date;
  }

  readOptional(text: string | null): PlainDate | null {
    return text === null ? null : this.read(text);
  }
}

// Codes read from the database are new strings on every row; the same code as the program's own
// constant compares by identity, which every journey rule does millions of times. A value that is
// not a known code is kept as it is.
const knownCodes = new Map<string, string>([...eventTypes, ...placementTypes, ...legalBases, ...routes, ...sexes].map((c) => [c, c]));

function code<T extends string>(text: string | null): T | null {
  return text === null ? null : ((knownCodes.get(text) ?? text) as T);
}

export function childFromRow(row: ChildData, dates: DateReader): Child {
  return {
    childId: row.child_id,
    firstName: row.first_name,
    lastName: row.last_name,
    dateOfBirth: dates.read(row.date_of_birth),
    sex: code<Sex>(row.sex),
    siblingGroup: row.sibling_group,
    worker: row.worker,
    team: row.team,
    locality: row.locality,
  };
}

export function placementFromRow(row: PlacementData, dates: DateReader): Placement {
  return {
    childId: row.child_id,
    placementId: row.placement_id,
    start: dates.read(row.start_date),
    end: dates.readOptional(row.end_date),
    type: code<PlacementType>(row.placement_type) as PlacementType,
    legalBasis: code<LegalBasis>(row.legal_basis),
    carerRef: row.carer_ref,
    recordedDate: dates.readOptional(row.recorded_date),
  };
}

/** A stored event row: a held event, or (with a status) one planned or cancelled. */
export function eventFromRow(row: EventData, dates: DateReader): AnyEvent {
  if (row.status !== null) return plannedEventFromRow(row, dates);
  const event: CaseEvent = {
    childId: row.child_id,
    eventId: row.event_id,
    type: code<EventType>(row.event_type) as EventType,
    date: dates.read(row.event_date),
    route: code<Route>(row.route),
    note: row.note,
    recordedDate: dates.readOptional(row.recorded_date),
  };
  // Absent rather than null when not known, as every held event was before planned dates.
  return row.planned_date === null ? event : withPlannedDate(event, dates.read(row.planned_date));
}

function plannedEventFromRow(row: EventData, dates: DateReader): PlannedEvent {
  return {
    childId: row.child_id,
    eventId: row.event_id,
    type: code<EventType>(row.event_type) as EventType,
    status: row.status === 'cancelled' ? 'cancelled' : 'planned',
    plannedDate: dates.read(row.planned_date ?? row.event_date),
    route: code<Route>(row.route),
    reason: row.note,
    recordedDate: dates.readOptional(row.recorded_date),
  };
}

export function childToRow(child: Child): ChildData {
  return {
    child_id: child.childId,
    first_name: child.firstName,
    last_name: child.lastName,
    date_of_birth: isoDate(child.dateOfBirth),
    sex: child.sex,
    sibling_group: child.siblingGroup,
    worker: child.worker,
    team: child.team,
    locality: child.locality,
  };
}

export function placementToRow(placement: Placement): PlacementData {
  return {
    placement_id: placement.placementId,
    child_id: placement.childId,
    start_date: isoDate(placement.start),
    end_date: placement.end === null ? null : isoDate(placement.end),
    placement_type: placement.type,
    legal_basis: placement.legalBasis,
    carer_ref: placement.carerRef,
    recorded_date: placement.recordedDate === null ? null : isoDate(placement.recordedDate),
  };
}

export function eventToRow(event: AnyEvent): EventData {
  const recorded_date = event.recordedDate === null ? null : isoDate(event.recordedDate);
  if (isPlannedEvent(event)) {
    // A plan's day is in event_date as well, which every row has (migration 0018).
    const day = isoDate(event.plannedDate);
    return { event_id: event.eventId, child_id: event.childId, event_type: event.type, event_date: day, route: event.route, note: event.reason, recorded_date, status: event.status, planned_date: day };
  }
  return {
    event_id: event.eventId,
    child_id: event.childId,
    event_type: event.type,
    event_date: isoDate(event.date),
    route: event.route,
    note: event.note,
    recorded_date,
    status: null,
    planned_date: event.plannedDate === undefined || event.plannedDate === null ? null : isoDate(event.plannedDate),
  };
}

export function authorityFromRow(row: { code: string; name: string; programme_start: string | null }): Authority {
  return { code: row.code, name: row.name, programmeStart: row.programme_start === null ? null : parseDateOrThrow(row.programme_start) };
}

/** PostgreSQL gives a Date, SQLite the ISO text we wrote: both become ISO text. */
export function timestampToIso(value: string | Date | null): string | null {
  if (value === null) return null;
  return value instanceof Date ? value.toISOString() : new Date(value).toISOString();
}
