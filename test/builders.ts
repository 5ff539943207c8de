// Small builders for literal test records: each field defaults to something unremarkable, so a
// test states only what it is about.
import type { EventType, LegalBasis, PlacementType, Route } from '../src/domain/codes.js';
import { parseDateOrThrow } from '../src/domain/date.js';
import type { CaseEvent, Child, ChildRecord, Placement } from '../src/domain/records.js';

export const d = parseDateOrThrow;

export function child(overrides: Partial<Child> = {}): Child {
  return {
    childId: 'C1',
    firstName: null,
    lastName: null,
    dateOfBirth: d('2015-06-15'),
    sex: null,
    siblingGroup: null,
    worker: null,
    team: null,
    locality: null,
    ...overrides,
  };
}

let counter = 0;

export function placement(start: string, end: string | null, type: PlacementType, extra: { legalBasis?: LegalBasis; id?: string; carerRef?: string; childId?: string; recordedDate?: string } = {}): Placement {
  counter += 1;
  return {
    childId: extra.childId ?? 'C1',
    placementId: extra.id ?? `P${String(counter).padStart(5, '0')}`,
    start: d(start),
    end: end === null ? null : d(end),
    type,
    legalBasis: extra.legalBasis ?? null,
    carerRef: extra.carerRef ?? null,
    recordedDate: extra.recordedDate === undefined ? null : d(extra.recordedDate),
  };
}

export function event(type: EventType, date: string, route: Route | null = null, extra: { id?: string; childId?: string; recordedDate?: string } = {}): CaseEvent {
  counter += 1;
  return {
    childId: extra.childId ?? 'C1',
    eventId: extra.id ?? `E${String(counter).padStart(5, '0')}`,
    type,
    date: d(date),
    route,
    note: null,
    recordedDate: extra.recordedDate === undefined ? null : d(extra.recordedDate),
  };
}

export function record(placements: Placement[], events: CaseEvent[] = [], overrides: Partial<Child> = {}): ChildRecord {
  return { child: child(overrides), placements, events };
}
