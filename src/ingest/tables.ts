/**
 * The three tables of the canonical format (MEASUREMENT.md) and their columns, as data: the
 * column lists, which are required, and which hold dates, codes, ids and free text.
 */

export const tableNames = ['children', 'placements', 'events'] as const;
export type TableName = (typeof tableNames)[number];

export type CodeList = 'placement_type' | 'legal_basis' | 'sex' | 'event_type' | 'route';

export type ColumnKind = 'id' | 'date' | 'text' | { readonly code: CodeList };

export interface ColumnSpec {
  readonly name: string;
  readonly required: boolean;
  readonly kind: ColumnKind;
}

const column = (name: string, required: boolean, kind: ColumnKind): ColumnSpec => ({ name, required, kind });

export const tableColumns: Readonly<Record<TableName, readonly ColumnSpec[]>> = {
  children: [
    column('child_id', true, 'id'),
    column('first_name', false, 'text'),
    column('last_name', false, 'text'),
    column('date_of_birth', true, 'date'),
    column('sex', false, { code: 'sex' }),
    column('sibling_group', false, 'text'),
    column('worker', false, 'text'),
    column('team', false, 'text'),
    column('locality', false, 'text'),
  ],
  placements: [
    column('child_id', true, 'id'),
    column('placement_id', true, 'id'),
    column('start_date', true, 'date'),
    column('end_date', false, 'date'),
    column('placement_type', true, { code: 'placement_type' }),
    column('legal_basis', false, { code: 'legal_basis' }),
    column('carer_ref', false, 'text'),
    column('recorded_date', false, 'date'),
  ],
  events: [
    column('child_id', true, 'id'),
    column('event_id', true, 'id'),
    column('event_type', true, { code: 'event_type' }),
    column('date', true, 'date'),
    column('route', false, { code: 'route' }),
    column('note', false, 'text'),
    column('recorded_date', false, 'date'),
  ],
};

/** The column holding each table's own id. */
export const idColumnOf: Readonly<Record<TableName, string>> = { children: 'child_id', placements: 'placement_id', events: 'event_id' };

/** The record kind each table holds, as problems name it. */
export const recordKindOf = { children: 'child', placements: 'placement', events: 'event' } as const;
