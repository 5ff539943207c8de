/**
 * The tables of reminders (migrations 0006 and 0011), as Kysely sees them. Kept beside the record schema
 * rather than in it, as the access tables are: the reminder modules reach them through `remindersDb`.
 */
import type { Generated, Kysely, Transaction } from 'kysely';
import type { Connection } from './dialect.js';
import type { Database, Timestamp } from './schema.js';

export interface ScheduleRuleTable {
  authority_id: number;
  rule_id: string;
  /** JSON (schedule-rule-json.ts). */
  definition: string;
  version: number;
  recorded_at: Timestamp;
  recorded_by: string;
}

export interface ReminderContactTable {
  authority_id: number;
  kind: string;
  name_key: string;
  name: string;
  email: string;
  recorded_at: Timestamp;
  recorded_by: string;
}

export interface CalendarFeedTable {
  id: Generated<number>;
  authority_id: number;
  worker: string;
  /** SHA-256 of the token in the feed's address. */
  token_hash: string;
  created_at: Timestamp;
  created_by: string;
  revoked_at: Timestamp | null;
  revoked_by: string | null;
}

/** Migration 0011. */
export interface DigestSentTable {
  authority_id: number;
  as_at: string;
  kind: string;
  name_key: string;
  email: string;
  sent_at: Timestamp;
  sent_by: string;
}

// A type alias, not an interface: Kysely's withTables wants a record type.
export type ReminderTables = {
  schedule_rules: ScheduleRuleTable;
  reminder_contacts: ReminderContactTable;
  calendar_feeds: CalendarFeedTable;
  digests_sent: DigestSentTable;
};

export type RemindersDatabase = Database & ReminderTables;

export function remindersDb(connection: Connection): Kysely<RemindersDatabase> {
  return connection.db.withTables<ReminderTables>();
}

export function remindersTrx(trx: Transaction<Database>): Transaction<RemindersDatabase> {
  return trx.withTables<ReminderTables>();
}
