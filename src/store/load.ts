/** Reading an authority's children back as domain records: the input to every journey and figure. */
import { putAllInOrder } from '../domain/journey.js';
import { isPlannedEvent, type AnyEvent } from '../domain/planned.js';
import type { CaseEvent, ChildRecord, Placement, PlannedEvent } from '../domain/records.js';
import type { AuthorityScope } from './authorities.js';
import type { Connection } from './dialect.js';
import { childEntity, eventEntity, placementEntity } from './entities.js';
import { childFromRow, DateReader, eventFromRow, placementFromRow } from './rows.js';

const childColumns = childEntity.dataColumns;
const placementColumns = placementEntity.dataColumns;
const eventColumns = eventEntity.dataColumns;

/** Every child of the authority that has not been deleted, with their placements, held events and plans. */
export async function loadChildRecords(connection: Connection, scope: AuthorityScope): Promise<ChildRecord[]> {
  return load(connection, scope, null);
}

/** One child of the authority, or null when the authority has no such child. */
export async function findChildRecord(connection: Connection, scope: AuthorityScope, childId: string): Promise<ChildRecord | null> {
  const [record] = await load(connection, scope, childId);
  return record ?? null;
}

/** The authority's events of these ids that have not been deleted, held or not, by id. */
export async function findEvents(connection: Connection, scope: AuthorityScope, eventIds: readonly string[]): Promise<Map<string, AnyEvent>> {
  const found = new Map<string, AnyEvent>();
  const unique = [...new Set(eventIds)];
  const dates = new DateReader();
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await connection.db.selectFrom('events').select(eventColumns).where('authority_id', '=', scope.id).where('deleted_at', 'is', null).where('event_id', 'in', unique.slice(i, i + 500)).execute();
    for (const row of rows) found.set(row.event_id, eventFromRow(row, dates));
  }
  return found;
}

async function load(connection: Connection, scope: AuthorityScope, childId: string | null): Promise<ChildRecord[]> {
  const { db } = connection;
  let children = db.selectFrom('children').select(childColumns).where('authority_id', '=', scope.id).where('deleted_at', 'is', null);
  let placements = db.selectFrom('placements').select(placementColumns).where('authority_id', '=', scope.id).where('deleted_at', 'is', null);
  let events = db.selectFrom('events').select(eventColumns).where('authority_id', '=', scope.id).where('deleted_at', 'is', null);
  if (childId !== null) {
    children = children.where('child_id', '=', childId);
    placements = placements.where('child_id', '=', childId);
    events = events.where('child_id', '=', childId);
  }
  const [childRows, placementRows, eventRows] = await Promise.all([
    children.orderBy('child_id').execute(),
    placements.execute(),
    events.execute(),
  ]);
  const dates = new DateReader();
  const byChild = new Map(childRows.map((row) => [row.child_id, { child: childFromRow(row, dates), placements: [] as Placement[], events: [] as CaseEvent[], plans: [] as PlannedEvent[] }]));
  // Each row's child id is the child's own string: one a child in memory rather than one a row (an
  // authority's records are held for every figure, and a national server holds all of them).
  for (const row of placementRows) {
    const record = byChild.get(row.child_id);
    if (record === undefined) continue;
    row.child_id = record.child.childId;
    record.placements.push(placementFromRow(row, dates));
  }
  // Held events are the milestones every rule reads; plans go beside them, never among them
  // (docs/decisions/0030-planned-events.md).
  for (const row of eventRows) {
    const record = byChild.get(row.child_id);
    if (record === undefined) continue;
    row.child_id = record.child.childId;
    const event = eventFromRow(row, dates);
    if (isPlannedEvent(event)) record.plans.push(event);
    else record.events.push(event);
  }
  // `plans` only where there are some, so a record without any reads as it always has.
  const records = [...byChild.values()].map(({ plans, ...record }) => (plans.length === 0 ? record : { ...record, plans }));
  // Each child's events and placements put in order once, here, for every figure of every as-at date to read.
  putAllInOrder(records);
  return records;
}
