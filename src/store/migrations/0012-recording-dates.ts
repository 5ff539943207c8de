// Measurement version 2's optional columns (docs/measurement.md, "Canonical import format" and
// "Recording dates"): the day each placement and event was entered in the source system, when
// known, for the recording-lag check; and each child's locality, for figures by area.
import type { Kysely, Migration } from 'kysely';
import type { Capabilities } from '../dialect.js';

export function recordingDatesMigration(caps: Capabilities): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('placements').addColumn('recorded_date', caps.dateType).execute();
      await db.schema.alterTable('events').addColumn('recorded_date', caps.dateType).execute();
      await db.schema.alterTable('children').addColumn('locality', 'text').execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.alterTable('children').dropColumn('locality').execute();
      await db.schema.alterTable('events').dropColumn('recorded_date').execute();
      await db.schema.alterTable('placements').dropColumn('recorded_date').execute();
    },
  };
}
