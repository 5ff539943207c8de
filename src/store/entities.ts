/**
 * The three kinds of record, described once as data, so that saving, deleting, restoring and
 * history are written once for all of them.
 */
import type { AnyEvent } from '../domain/planned.js';
import type { Child, Placement } from '../domain/records.js';
import { childToRow, eventToRow, placementToRow, type ChildData, type EventData, type PlacementData } from './rows.js';

export type EntityName = 'child' | 'placement' | 'event';

interface EntityDescriptor<Record, Data> {
  readonly name: EntityName;
  readonly table: 'children' | 'placements' | 'events';
  readonly idColumn: keyof Data & string;
  readonly dataColumns: readonly (keyof Data & string)[];
  readonly toRow: (record: Record) => Data;
}

export const childEntity: EntityDescriptor<Child, ChildData> = {
  name: 'child',
  table: 'children',
  idColumn: 'child_id',
  dataColumns: ['child_id', 'first_name', 'last_name', 'date_of_birth', 'sex', 'sibling_group', 'worker', 'team', 'locality'],
  toRow: childToRow,
};

export const placementEntity: EntityDescriptor<Placement, PlacementData> = {
  name: 'placement',
  table: 'placements',
  idColumn: 'placement_id',
  dataColumns: ['placement_id', 'child_id', 'start_date', 'end_date', 'placement_type', 'legal_basis', 'carer_ref', 'recorded_date'],
  toRow: placementToRow,
};

/** Held events and plans share one table and one id space (docs/decisions/0030-planned-events.md). */
export const eventEntity: EntityDescriptor<AnyEvent, EventData> = {
  name: 'event',
  table: 'events',
  idColumn: 'event_id',
  dataColumns: ['event_id', 'child_id', 'event_type', 'event_date', 'route', 'note', 'recorded_date', 'status', 'planned_date'],
  toRow: eventToRow,
};

export type AnyEntity = typeof childEntity | typeof placementEntity | typeof eventEntity;

export const entities: Readonly<Record<EntityName, AnyEntity>> = { child: childEntity, placement: placementEntity, event: eventEntity };
