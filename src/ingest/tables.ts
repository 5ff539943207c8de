/**
 * The three tables of the canonical format (docs/measurement.md) and their columns, as data: the
 * column lists, which are required, and which hold dates, codes, ids and free text.
 */

export const tableNames = ['children', 'placements', 'events'] as const;
export type TableName = (typeof tableNames)[number];

export type CodeList = 'placement_type' | 'legal_basis' | 'sex' | 'event_type' | 'route' | 'status';

export type ColumnKind = 'id' | 'date' | 'text' | { readonly code: CodeList };

export interface ColumnSpec {
  readonly name: string;
  readonly required: boolean;
  readonly kind: ColumnKind;
  /** What the column holds, for the page that describes the format. */
  readonly meaning: string;
  /**
   * A required column whose value a row may leave empty, when the row's own rule says so: an
   * event's date, which only a held event has (normalise.ts, docs/decisions/0030-planned-events.md).
   */
  readonly emptyAllowed?: true;
  /**
   * An optional column that pace itself may also fill (the forms, the API): a file without it
   * leaves the value stored for each record as it is, where a file with it sets it as it says, an
   * empty cell clearing it (docs/decisions/0030-planned-events.md, "Re-importing a file without
   * planned dates"). Its stored column has the same name. Not a placement's end date (a file
   * without it says nothing of whether placements go on, and no export leaves it out), nor an
   * event's route or note, which the file's own checks read.
   */
  readonly keptWhenAbsent?: true;
}

const column = (name: string, required: boolean, kind: ColumnKind, meaning: string): ColumnSpec => ({ name, required, kind, meaning });

export const tableColumns: Readonly<Record<TableName, readonly ColumnSpec[]>> = {
  children: [
    column('child_id', true, 'id', 'the authority’s reference for the child (unique within the authority)'),
    { ...column('first_name', false, 'text', 'shown to the authority’s own staff only'), keptWhenAbsent: true },
    { ...column('last_name', false, 'text', 'shown to the authority’s own staff only'), keptWhenAbsent: true },
    column('date_of_birth', true, 'date', 'the child’s date of birth'),
    { ...column('sex', false, { code: 'sex' }, 'M, F or X (other or not known)'), keptWhenAbsent: true },
    { ...column('sibling_group', false, 'text', 'any text: children sharing it are brothers and sisters'), keptWhenAbsent: true },
    { ...column('worker', false, 'text', 'the allocated social worker'), keptWhenAbsent: true },
    { ...column('team', false, 'text', 'the allocated team'), keptWhenAbsent: true },
    { ...column('locality', false, 'text', 'the area team or locality'), keptWhenAbsent: true },
  ],
  placements: [
    column('child_id', true, 'id', 'the child’s reference, as in children'),
    column('placement_id', true, 'id', 'the authority’s reference for the placement (unique within the authority)'),
    column('start_date', true, 'date', 'the first day in the placement'),
    column('end_date', false, 'date', 'the last day in the placement; empty while it continues'),
    column('placement_type', true, { code: 'placement_type' }, 'the setting (see the codes below)'),
    { ...column('legal_basis', false, { code: 'legal_basis' }, 'the legal basis of the placement (see the codes below)'), keptWhenAbsent: true },
    { ...column('carer_ref', false, 'text', 'identifies the carer or unit: a change of carer is a move'), keptWhenAbsent: true },
    { ...column('recorded_date', false, 'date', 'the day it was entered in the case-management system, when known (for recording lag); a file without the column keeps the one held'), keptWhenAbsent: true },
  ],
  events: [
    column('child_id', true, 'id', 'the child’s reference, as in children'),
    column('event_id', true, 'id', 'the authority’s reference for the event (unique within the authority)'),
    column('event_type', true, { code: 'event_type' }, 'what happened (see the codes below)'),
    { ...column('date', true, 'date', 'the day it happened, not the day it was recorded; empty for an event planned or cancelled'), emptyAllowed: true },
    column('route', false, { code: 'route' }, 'the permanence route, for a recommendation, care plan, ADM decision, court application or order'),
    column('note', false, 'text', 'free text; for a cancelled event, why it was cancelled'),
    { ...column('recorded_date', false, 'date', 'the day it was entered in the case-management system, when known (for recording lag); a file without the column keeps the one held'), keptWhenAbsent: true },
    column('status', false, { code: 'status' }, 'held (the default when empty or absent), planned, or cancelled'),
    { ...column('planned_date', false, 'date', 'the day it was planned for: needed for a planned or cancelled event, optional for a held one; a file without the column keeps the one held'), keptWhenAbsent: true },
  ],
};

/** The column holding each table's own id. */
export const idColumnOf: Readonly<Record<TableName, string>> = { children: 'child_id', placements: 'placement_id', events: 'event_id' };

/** The record kind each table holds, as problems name it. */
export const recordKindOf = { children: 'child', placements: 'placement', events: 'event' } as const;
