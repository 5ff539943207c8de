/**
 * Held and planned events side by side, as the edges that read and write both see them: an import
 * row or a stored row is one or the other (docs/decisions/0030-planned-events.md). Every rule that
 * counts reads `ChildRecord.events`, which holds held events only.
 */
import type { CaseEvent, ChildRecord, PlannedEvent } from './records.js';
import type { PlainDate } from './date.js';

/** An event row as imported or stored: held, or planned or cancelled. */
export type AnyEvent = CaseEvent | PlannedEvent;

export function isPlannedEvent(event: AnyEvent): event is PlannedEvent {
  return 'status' in event;
}

/** The child's event of that id, held or not. */
export function findAnyEvent(record: ChildRecord, eventId: string): AnyEvent | undefined {
  return record.events.find((e) => e.eventId === eventId) ?? record.plans?.find((p) => p.eventId === eventId);
}

/** The child's events, held ones first, then those planned or cancelled. */
export function allEventsOf(record: ChildRecord): readonly AnyEvent[] {
  return record.plans === undefined ? record.events : [...record.events, ...record.plans];
}

/**
 * A held event with the day it had been planned for, written out field by field (one shape for
 * every such event, where a spread makes the engine guess one for each).
 */
export function withPlannedDate(event: CaseEvent, plannedDate: PlainDate): CaseEvent {
  return { childId: event.childId, eventId: event.eventId, type: event.type, date: event.date, route: event.route, note: event.note, recordedDate: event.recordedDate, plannedDate };
}
