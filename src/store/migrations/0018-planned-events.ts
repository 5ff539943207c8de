// Issue 15, point 3: events planned or cancelled beside the held ones
// (docs/decisions/0030-planned-events.md). Both new columns are empty for every held event that
// is stored already, so no row changes and no record's history shows a change it never had:
// `status` is empty for a held event and `planned` or `cancelled` otherwise; `planned_date` is the
// day an event was planned for (a held event's when known). A planned or cancelled event keeps its
// planned date in `event_date` too, which stays required, so that no table is rebuilt; only
// src/store/load.ts reads events back, and it reads a row with a status as a plan, never a milestone.
import type { Kysely, Migration } from 'kysely';
import type { Capabilities } from '../dialect.js';

export function plannedEventsMigration(caps: Capabilities): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('events').addColumn('status', 'text').execute();
      await db.schema.alterTable('events').addColumn('planned_date', caps.dateType).execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.alterTable('events').dropColumn('planned_date').execute();
      await db.schema.alterTable('events').dropColumn('status').execute();
    },
  };
}
