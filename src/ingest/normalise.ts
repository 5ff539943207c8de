/**
 * One row of text becomes one domain record, or problems naming the column and echoing the value.
 * Values are trimmed; an empty cell is no value. Text is kept exactly as written (a formula or
 * markup is data, and only named). A row with an error gives no record.
 */
import type { EventType, LegalBasis, PlacementType, Route, Sex } from '../domain/codes.js';
import type { PlainDate } from '../domain/date.js';
import { makeProblem, type Problem } from '../domain/quality/problem.js';
import { idProblems, isPlainText, textProblems } from '../domain/quality/text-rules.js';
import type { CaseEvent, Child, Placement } from '../domain/records.js';
import type { CodeReaders } from './code-values.js';
import type { ColumnMap, MappedColumn } from './columns.js';
import type { RawRow } from './source.js';
import { tableColumns, type CodeList, type TableName } from './tables.js';

export type AnyRecord = Child | Placement | CaseEvent;

export interface RowResult {
  readonly record: AnyRecord | null;
  /** The row's own id and child id, when they could be read (for problems and references). */
  readonly childId: string | null;
  readonly problems: readonly Problem[];
}

export interface RowContext {
  readonly codes: CodeReaders;
  readonly readDate: (text: string) => PlainDate | null;
  /** CSV rows must match the header's width; a workbook's stray cells beyond it are ignored. */
  readonly strictWidth: boolean;
}

const unknownCode: Readonly<Record<CodeList, Problem['code']>> = {
  placement_type: 'placement-type-unknown',
  legal_basis: 'legal-basis-unknown',
  sex: 'sex-unknown',
  event_type: 'event-type-unknown',
  route: 'route-unknown',
};

type Value = string | PlainDate | null;

/** A reader of one table's rows. */
export function rowNormaliser(map: ColumnMap, context: RowContext): (row: RawRow) => RowResult {
  const build = builders[map.table];
  const specs = tableColumns[map.table];
  const slots = map.columns.map((column) => specs.indexOf(column.spec));
  const childSlot = specs.findIndex((spec) => spec.name === 'child_id');
  const noProblems: readonly Problem[] = [];
  const slotOf = new Map(specs.map((spec, i) => [spec.name, i]));
  const valueIn = (values: readonly Value[]) => (name: string) => values[slotOf.get(name) as number] ?? null;
  return (row) => {
    let problems: Problem[] | null = null;
    const report = (problem: Problem) => (problems ??= []).push(problem);
    // One value per canonical column, in the table's column order; absent columns stay null.
    const values: Value[] = new Array<Value>(specs.length).fill(null);
    map.columns.forEach((column, i) => (values[slots[i] as number] = readCell(row, column, context, report)));
    const childId = values[childSlot];
    const child = typeof childId === 'string' ? childId : null;
    widthProblems(row, map, context, report, child);
    if (problems === null) return { record: build(valueIn(values)), childId: child, problems: noProblems };
    const found: Problem[] = problems;
    const errors = found.some((p) => p.severity === 'error');
    const located = found.map((p) => (p.childId === null ? { ...p, childId: child } : p));
    return { record: errors ? null : build(valueIn(values)), childId: child, problems: located };
  };
}

function readCell(row: RawRow, column: MappedColumn, context: RowContext, report: (problem: Problem) => void): Value {
  const raw = row.values[column.index];
  const { spec } = column;
  const name = spec.name;
  if (raw !== undefined && typeof raw !== 'string') {
    // A workbook's date cell: a date where a date is wanted, its ISO text anywhere else.
    return spec.kind === 'date' ? raw : raw.toString();
  }
  const text = raw === undefined ? '' : raw.trim();
  if (text === '') {
    if (spec.required) report(makeProblem('value-required', { column: name, value: '' }));
    return null;
  }
  const kind = spec.kind;
  if (kind === 'date') {
    const date = context.readDate(text);
    if (date === null) report(makeProblem('date-invalid', { column: name, value: text }));
    return date;
  }
  if (kind === 'id' || kind === 'text') {
    if (kind === 'id') idProblems(text, { column: name }).forEach(report);
    if (!isPlainText(text)) textProblems(text, { column: name }).forEach(report);
    return text;
  }
  const code = context.codes[kind.code](text);
  if (code === null) report(makeProblem(unknownCode[kind.code], { column: name, value: text }));
  return code;
}

function widthProblems(row: RawRow, map: ColumnMap, context: RowContext, report: (problem: Problem) => void, childId: string | null): void {
  if (!context.strictWidth) return;
  const count = row.values.length;
  if (count > map.width && row.values.slice(map.width).some((v) => v !== '')) {
    report(makeProblem('row-too-many-values', { childId, value: String(count), detail: String(map.width) }));
  } else if (count < map.width) {
    report(makeProblem('row-too-few-values', { childId, value: String(count), detail: String(map.width) }));
  }
}

type Get = (name: string) => Value;

const text = (get: Get, name: string) => get(name) as string | null;
const date = (get: Get, name: string) => get(name) as PlainDate | null;

const builders: Readonly<Record<TableName, (get: Get) => AnyRecord>> = {
  children: (get): Child => ({
    childId: text(get, 'child_id') as string,
    firstName: text(get, 'first_name'),
    lastName: text(get, 'last_name'),
    dateOfBirth: date(get, 'date_of_birth') as PlainDate,
    sex: text(get, 'sex') as Sex | null,
    siblingGroup: text(get, 'sibling_group'),
    worker: text(get, 'worker'),
    team: text(get, 'team'),
  }),
  placements: (get): Placement => ({
    childId: text(get, 'child_id') as string,
    placementId: text(get, 'placement_id') as string,
    start: date(get, 'start_date') as PlainDate,
    end: date(get, 'end_date'),
    type: text(get, 'placement_type') as PlacementType,
    legalBasis: text(get, 'legal_basis') as LegalBasis | null,
    carerRef: text(get, 'carer_ref'),
  }),
  events: (get): CaseEvent => ({
    childId: text(get, 'child_id') as string,
    eventId: text(get, 'event_id') as string,
    type: text(get, 'event_type') as EventType,
    date: date(get, 'date') as PlainDate,
    route: text(get, 'route') as Route | null,
    note: text(get, 'note'),
  }),
};
