/** The three kinds of record a form can add or change, described once so that one set of routes serves them all. */
import { randomBytes } from 'node:crypto';
import type { VNode } from 'preact';
import type { PlainDate } from '../../domain/date.js';
import { findAnyEvent, isPlannedEvent, type AnyEvent } from '../../domain/planned.js';
import type { Child, ChildRecord, Placement } from '../../domain/records.js';
import type { SaveBatch } from '../../store/index.js';
import { ChildForm, EventForm, PlacementForm, type FormProps } from '../views/record-forms.js';
import { childFields, anyEventFields, parseChild, parseAnyEvent, parsePlacement, placementFields, type Fields, type ParseResult } from './records.js';

export interface RecordKind<T> {
  readonly entity: 'child' | 'placement' | 'event';
  /** The part of the address: children/…/placements/new. */
  readonly segment: 'placements' | 'events';
  readonly fields: readonly string[];
  readonly View: (props: FormProps) => VNode;
  readonly addTitle: string;
  editTitle(id: string): string;
  toFields(record: T): Fields;
  /** `recordedDate`: the recording date the record keeps when the fields give none (the day a form adds it). */
  parse(fields: Fields, today: PlainDate, childId: string, id: string, recordedDate: PlainDate | null): ParseResult<T>;
  find(record: ChildRecord, id: string): T | undefined;
  idOf(value: T): string;
  recordedDateOf(value: T): PlainDate | null;
  batch(value: T): SaveBatch;
  /** A reference for a record added without one. */
  newId(): string;
}

export const placementKind: RecordKind<Placement> = {
  entity: 'placement',
  segment: 'placements',
  fields: placementFields,
  View: PlacementForm,
  addTitle: 'Add a placement',
  editTitle: (id) => `Change placement ${id}`,
  toFields: (p) => ({ placement_id: p.placementId, start_date: p.start.toString(), end_date: p.end?.toString() ?? '', placement_type: p.type, legal_basis: p.legalBasis ?? '', carer_ref: p.carerRef ?? '' }),
  parse: parsePlacement,
  find: (record, id) => record.placements.find((p) => p.placementId === id),
  idOf: (p) => p.placementId,
  recordedDateOf: (p) => p.recordedDate,
  batch: (p) => ({ placements: [p] }),
  newId: () => `P-${randomBytes(5).toString('hex')}`,
};

/** Held, planned and cancelled events share one form, one address and one id space (docs/decisions/0030-planned-events.md). */
export const eventKind: RecordKind<AnyEvent> = {
  entity: 'event',
  segment: 'events',
  fields: anyEventFields,
  View: EventForm,
  addTitle: 'Add an event',
  editTitle: (id) => `Change event ${id}`,
  toFields: (e) =>
    isPlannedEvent(e)
      ? { event_id: e.eventId, event_type: e.type, status: e.status, date: '', planned_date: e.plannedDate.toString(), route: e.route ?? '', note: e.reason ?? '' }
      : { event_id: e.eventId, event_type: e.type, status: 'held', date: e.date.toString(), planned_date: e.plannedDate?.toString() ?? '', route: e.route ?? '', note: e.note ?? '' },
  parse: parseAnyEvent,
  find: findAnyEvent,
  idOf: (e) => e.eventId,
  recordedDateOf: (e) => e.recordedDate,
  batch: (e) => ({ events: [e] }),
  newId: () => `E-${randomBytes(5).toString('hex')}`,
};

export const childKind = {
  fields: childFields,
  toFields: (c: Child): Fields => ({
    child_id: c.childId,
    first_name: c.firstName ?? '',
    last_name: c.lastName ?? '',
    date_of_birth: c.dateOfBirth.toString(),
    sex: c.sex ?? '',
    sibling_group: c.siblingGroup ?? '',
    worker: c.worker ?? '',
    team: c.team ?? '',
    locality: c.locality ?? '',
  }),
  parse: parseChild,
  View: ChildForm,
};
