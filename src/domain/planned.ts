/**
 * Held and planned events side by side, as the edges that read and write both see them: an import
 * row or a stored row is one or the other (docs/decisions/0030-planned-events.md). Every rule that
 * counts reads `ChildRecord.events`, which holds held events only.
 */
import type { CaseEvent, PlannedEvent } from './records.js';

/** An event row as imported or stored: held, or planned or cancelled. */
export type AnyEvent = CaseEvent | PlannedEvent;

export function isPlannedEvent(event: AnyEvent): event is PlannedEvent {
  return 'status' in event;
}
