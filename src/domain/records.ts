/**
 * The permanence record: an authority, its children, their placements (the looked after history)
 * and their dated events, exactly as docs/measurement.md lists them. Ids are the authority's own
 * references.
 */
import type { EventType, LegalBasis, PlacementType, Route, Sex } from './codes.js';
import type { PlainDate } from './date.js';

export interface Authority {
  readonly code: string;
  readonly name: string;
  /** The day the authority's improvement programme started (the "PACE start" line), if set. */
  readonly programmeStart: PlainDate | null;
}

export interface Child {
  readonly childId: string;
  readonly firstName: string | null;
  readonly lastName: string | null;
  readonly dateOfBirth: PlainDate;
  readonly sex: Sex | null;
  readonly siblingGroup: string | null;
  readonly worker: string | null;
  readonly team: string | null;
  /** The area team or locality. */
  readonly locality: string | null;
}

/** A period in one setting with one carer. `end` is the last day in it; null while it continues. */
export interface Placement {
  readonly childId: string;
  readonly placementId: string;
  readonly start: PlainDate;
  readonly end: PlainDate | null;
  readonly type: PlacementType;
  readonly legalBasis: LegalBasis | null;
  readonly carerRef: string | null;
  /** The day the record was entered in the source system, when known (docs/measurement.md, "Recording dates"). */
  readonly recordedDate: PlainDate | null;
}

/**
 * A dated milestone: the day it happened, not the day it was recorded. A held event may say the
 * day it had been planned for (docs/decisions/0030-planned-events.md).
 */
export interface CaseEvent {
  readonly childId: string;
  readonly eventId: string;
  readonly type: EventType;
  readonly date: PlainDate;
  readonly route: Route | null;
  readonly note: string | null;
  /** The day the record was entered in the source system, when known. */
  readonly recordedDate: PlainDate | null;
  /** The day it had been planned for, when known (held on its planned date, or not). */
  readonly plannedDate?: PlainDate | null;
}

/**
 * An event not (yet) held: planned for a date, or cancelled. Never read by the journey rules:
 * only a held event is a milestone (docs/decisions/0030-planned-events.md).
 */
export interface PlannedEvent {
  readonly childId: string;
  readonly eventId: string;
  readonly type: EventType;
  readonly status: 'planned' | 'cancelled';
  readonly plannedDate: PlainDate;
  readonly route: Route | null;
  /** Why it was cancelled (cancelled only), or a note. */
  readonly reason: string | null;
  readonly recordedDate: PlainDate | null;
}

/** Everything known about one child: the input to every journey rule. */
export interface ChildRecord {
  readonly child: Child;
  readonly placements: readonly Placement[];
  /** Held events only: the milestones every rule reads. */
  readonly events: readonly CaseEvent[];
  /** Events planned or cancelled (never held), when loaded. */
  readonly plans?: readonly PlannedEvent[];
}
