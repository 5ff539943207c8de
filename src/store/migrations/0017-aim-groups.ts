// Issue 20, point 2: aim groups and the actions of the champions' group's meetings
// (src/store/aim-groups.ts; docs/decisions/0025-aim-groups.md). An aim's group is one row, its lead
// and members as JSON (each a pace user by id, or a named partner); a meeting's attendance is one
// row of the same people; each action agreed at a meeting is a row with its owner, due date and the
// day it was done. Each earlier version goes to record_history, as every edit's does.
import type { Kysely, Migration } from 'kysely';
import type { Capabilities } from '../dialect.js';

export function aimGroupsMigration(caps: Capabilities): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('aim_groups')
        .addColumn('authority_id', 'integer', (c) => c.notNull().references('authorities.id'))
        .addColumn('aim_id', 'text', (c) => c.notNull())
        // JSON: {lead, members}, each person {kind: 'user', user_id} or {kind: 'partner', name, organisation}.
        .addColumn('definition', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('recorded_at', caps.timestampType, (c) => c.notNull())
        .addColumn('recorded_by', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('aim_groups_pk', ['authority_id', 'aim_id'])
        .execute();

      await db.schema
        .createTable('meeting_attendance')
        .addColumn('authority_id', 'integer', (c) => c.notNull())
        .addColumn('meeting_date', caps.dateType, (c) => c.notNull())
        // JSON: the people who were there, as in aim_groups.
        .addColumn('people', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('recorded_at', caps.timestampType, (c) => c.notNull())
        .addColumn('recorded_by', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('meeting_attendance_pk', ['authority_id', 'meeting_date'])
        .addForeignKeyConstraint('meeting_attendance_meeting_fk', ['authority_id', 'meeting_date'], 'meetings', ['authority_id', 'meeting_date'])
        .execute();

      await db.schema
        .createTable('meeting_actions')
        .addColumn('authority_id', 'integer', (c) => c.notNull())
        .addColumn('action_no', 'integer', (c) => c.notNull())
        // The meeting that agreed it.
        .addColumn('meeting_date', caps.dateType, (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        // JSON: one person, as in aim_groups.
        .addColumn('owner', 'text', (c) => c.notNull())
        .addColumn('due_date', caps.dateType, (c) => c.notNull())
        .addColumn('done_date', caps.dateType)
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('recorded_at', caps.timestampType, (c) => c.notNull())
        .addColumn('recorded_by', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('meeting_actions_pk', ['authority_id', 'action_no'])
        .addForeignKeyConstraint('meeting_actions_meeting_fk', ['authority_id', 'meeting_date'], 'meetings', ['authority_id', 'meeting_date'])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      for (const table of ['meeting_actions', 'meeting_attendance', 'aim_groups']) await db.schema.dropTable(table).execute();
    },
  };
}
