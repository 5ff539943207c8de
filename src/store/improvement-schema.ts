/**
 * The tables of improvement work (migration 0009), as Kysely sees them. Kept beside the record
 * schema rather than in it, as the access and reminder tables are: reached through `improvementDb`.
 */
import type { Generated, Kysely, Transaction } from 'kysely';
import type { Connection } from './dialect.js';
import type { Database, Timestamp } from './schema.js';

interface Recorded {
  version: number;
  recorded_at: Timestamp;
  recorded_by: string;
}

export interface DriverNodeTable extends Recorded {
  authority_id: number;
  node_id: number;
  aim_id: string;
  kind: string;
  parent_id: number | null;
  text: string;
  library_idea: number | null;
  position: number;
  deleted_at: Timestamp | null;
  deleted_by: string | null;
}

export interface TestOfChangeTable extends Recorded {
  authority_id: number;
  test_no: number;
  title: string;
  status: string;
  start_date: string;
  definition: string;
}

export interface PdsaCycleTable extends Recorded {
  authority_id: number;
  test_no: number;
  cycle_no: number;
  definition: string;
}

export interface MeetingTable extends Recorded {
  authority_id: number;
  meeting_date: string;
  title: string;
  notes: string;
}

export interface ChangeLibraryTable extends Recorded {
  id: Generated<number>;
  key: string;
  source: string;
  authority_id: number | null;
  test_no: number | null;
  title: string;
  definition: string;
}

// A type alias, not an interface: Kysely's withTables wants a record type.
export type ImprovementTables = {
  driver_nodes: DriverNodeTable;
  tests_of_change: TestOfChangeTable;
  pdsa_cycles: PdsaCycleTable;
  meetings: MeetingTable;
  change_library: ChangeLibraryTable;
};

export type ImprovementDatabase = Database & ImprovementTables;

export function improvementDb(connection: Connection): Kysely<ImprovementDatabase> {
  return connection.db.withTables<ImprovementTables>();
}

export function improvementTrx(trx: Transaction<Database>): Transaction<ImprovementDatabase> {
  return trx.withTables<ImprovementTables>();
}
