/**
 * The database schema as Kysely sees it. Dates are `YYYY-MM-DD` strings on the wire in both
 * engines (SQL `date` in PostgreSQL, text in SQLite); timestamps are ISO strings when written and
 * normalised to ISO strings when read (rows.ts).
 */
import type { ColumnType, Generated } from 'kysely';

/** A timestamp: written as an ISO string, read back as whatever the driver gives. */
export type Timestamp = ColumnType<string | Date, string, string>;

/** Who recorded a row and when: every record keeps this, separate from the dates it holds. */
interface Recorded {
  version: number;
  recorded_at: Timestamp;
  recorded_by: string;
  deleted_at: Timestamp | null;
  deleted_by: string | null;
}

export interface AuthorityTable {
  id: Generated<number>;
  code: string;
  name: string;
  programme_start: string | null;
  recorded_at: Timestamp;
  recorded_by: string;
  /** How many times the authority's children, placements and events have changed (data-version.ts). */
  record_changes: Generated<number>;
}

/** Data columns of each record (what an edit can change), in the order of docs/measurement.md; types, not interfaces, so that a row of them is a plain record of columns. */
export type ChildData = {
  child_id: string;
  first_name: string | null;
  last_name: string | null;
  date_of_birth: string;
  sex: string | null;
  sibling_group: string | null;
  worker: string | null;
  team: string | null;
  locality: string | null;
};

export type PlacementData = {
  placement_id: string;
  child_id: string;
  start_date: string;
  end_date: string | null;
  placement_type: string;
  legal_basis: string | null;
  carer_ref: string | null;
  recorded_date: string | null;
};

export type EventData = {
  event_id: string;
  child_id: string;
  event_type: string;
  event_date: string;
  route: string | null;
  note: string | null;
  recorded_date: string | null;
  /** Null for a held event; `planned` or `cancelled` (migration 0018). */
  status: string | null;
  planned_date: string | null;
};

/** A record's table: its authority, its data columns, and who recorded it when. */
export interface ChildTable extends Recorded, ChildData {
  authority_id: number;
}

export interface PlacementTable extends Recorded, PlacementData {
  authority_id: number;
}

export interface EventTable extends Recorded, EventData {
  authority_id: number;
}

/** Every earlier version of a record, and every delete and restore: nothing is silently lost. */
export interface RecordHistoryTable {
  id: Generated<number>;
  authority_id: number;
  entity: string;
  record_id: string;
  version: number;
  /** JSON of the row as it was before the change. */
  data: string;
  change: string;
  changed_at: Timestamp;
  changed_by: string;
}

export interface AimTable {
  authority_id: number;
  aim_id: string;
  /** Order on the dashboard. */
  position: number;
  /** The aim's definition as JSON (aim-json.ts). */
  definition: string;
  version: number;
  recorded_at: Timestamp;
  recorded_by: string;
  deleted_at: Timestamp | null;
  deleted_by: string | null;
}

export interface Database {
  aims: AimTable;
  authorities: AuthorityTable;
  children: ChildTable;
  placements: PlacementTable;
  events: EventTable;
  record_history: RecordHistoryTable;
}
