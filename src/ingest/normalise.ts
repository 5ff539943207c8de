/**
 * One row of text becomes one domain record, or problems naming the column and echoing the value.
 * Values are trimmed; an empty cell is no value. Text is kept exactly as written (a formula or
 * markup is data, and only named). A row with an error gives no record.
 */
import type { EventStatus, EventType, LegalBasis, PlacementType, Route, Sex } from '../domain/codes.js';
import { isoDate, type PlainDate } from '../domain/date.js';
import { makeProblem, type Problem } from '../domain/quality/problem.js';
import { idProblems, isPlainText, textProblems } from '../domain/quality/text-rules.js';
import { withPlannedDate, type AnyEvent } from '../domain/planned.js';
import type { CaseEvent, Child, Placement } from '../domain/records.js';
import type { CodeReaders } from './code-values.js';
import type { ColumnMap, MappedColumn } from './columns.js';
import type { RawRow } from './source.js';
import { tableColumns, type CodeList, type TableName } from './tables.js';

/** An event row gives a held event, or one planned or cancelled (docs/decisions/0030-planned-events.md). */
export type AnyRecord = Child | Placement | AnyEvent;

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
  status: 'event-status-unknown',
};

type Value = string | PlainDate | null;

/** A reader of one table's rows. */
export function rowNormaliser(map: ColumnMap, context: RowContext): (row: RawRow) => RowResult {
  const specs = tableColumns[map.table];
  const at = (name: string) => specs.findIndex((spec) => spec.name === name);
  const build = builders[map.table](at);
  const columns = map.columns;
  const slots = columns.map((column) => specs.indexOf(column.spec));
  const childSlot = at('child_id');
  const rowRules = map.table === 'events' ? eventStatusRules(at, map) : null;
  const noProblems: readonly Problem[] = [];
  // The problems of the row being read: one reporter for every row, rather than one made a row.
  let problems: Problem[] | null = null;
  const report = (problem: Problem) => (problems ??= []).push(problem);
  // What a problem of each column names, made once: an id is checked on every row.
  const parts = columns.map((column) => ({ column: column.spec.name }));
  // One value per canonical column, in the table's column order; absent columns stay null. One
  // array for every row: a record is made from it and keeps none of it.
  const values: Value[] = new Array<Value>(specs.length).fill(null);
  return (row) => {
    problems = null;
    values.fill(null);
    for (let i = 0; i < columns.length; i++) values[slots[i] as number] = readCell(row, columns[i] as MappedColumn, context, report, parts[i] as { column: string });
    const childId = values[childSlot];
    const child = typeof childId === 'string' ? childId : null;
    widthProblems(row, map, context, report, child);
    rowRules?.(values, row, report);
    if (problems === null) return { record: build(values), childId: child, problems: noProblems };
    const found: Problem[] = problems;
    problems = null;
    const errors = found.some((p) => p.severity === 'error');
    const located = found.map((p) => (p.childId === null ? { ...p, childId: child } : p));
    return { record: errors ? null : build(values), childId: child, problems: located };
  };
}

function readCell(row: RawRow, column: MappedColumn, context: RowContext, report: (problem: Problem) => void, parts: { readonly column: string }): Value {
  const raw = row.values[column.index];
  const { spec } = column;
  const name = spec.name;
  if (raw !== undefined && typeof raw !== 'string') {
    // A workbook's date cell: a date where a date is wanted, its ISO text anywhere else.
    return spec.kind === 'date' ? raw : raw.toString();
  }
  const text = raw === undefined ? '' : raw.trim();
  if (text === '') {
    if (spec.required && spec.emptyAllowed !== true) report(makeProblem('value-required', { column: name, value: '' }));
    return null;
  }
  const kind = spec.kind;
  if (kind === 'date') {
    const date = context.readDate(text);
    if (date === null) report(makeProblem('date-invalid', { column: name, value: text }));
    return date;
  }
  if (kind === 'id' || kind === 'text') {
    if (kind === 'id') idProblems(text, parts).forEach(report);
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

/**
 * An event's status decides which of its dates it needs: a held event (the default) its date, as
 * ever; a planned or cancelled one its planned_date and no date, and a cancelled one the reason in
 * note (a warning: the cancellation is still worth counting without it).
 */
function eventStatusRules(at: (name: string) => number, map: ColumnMap): (values: readonly Value[], row: RawRow, report: (problem: Problem) => void) => void {
  const [date, status, note] = ['date', 'status', 'note'].map(at) as number[];
  // Where the file has each column, found once.
  const fileIndex = new Map(['date', 'status', 'planned_date'].map((name) => [name, map.indexOf(name)]));
  // Whether the file gave a value at all: an unreadable one has been named already.
  const given = (row: RawRow, name: 'date' | 'status' | 'planned_date') => {
    const index = fileIndex.get(name);
    const raw = index === undefined ? undefined : row.values[index];
    return raw !== undefined && (typeof raw !== 'string' || raw.trim() !== '');
  };
  return (values, row, report) => {
    const state = values[status as number] as EventStatus | null;
    if (state === null && given(row, 'status')) return;
    if (state === null || state === 'held') {
      if (!given(row, 'date')) report(makeProblem('value-required', { column: 'date', value: '' }));
      return;
    }
    const day = values[date as number] ?? null;
    if (given(row, 'date')) report(makeProblem('date-not-expected', { column: 'date', value: day === null || typeof day === 'string' ? textOf(row, map, 'date') : isoDate(day), detail: state }));
    if (!given(row, 'planned_date')) report(makeProblem('planned-date-required', { column: 'planned_date', value: '', detail: state }));
    if (state === 'cancelled' && values[note as number] === null) report(makeProblem('cancelled-reason-missing', { column: 'note', value: '' }));
  };
}

function textOf(row: RawRow, map: ColumnMap, name: string): string {
  const raw = row.values[map.indexOf(name) as number];
  return raw === undefined ? '' : String(raw).trim();
}

/** Makes a table's records from its values in canonical column order, finding each column's place once. */
type Builder = (at: (name: string) => number) => (values: readonly Value[]) => AnyRecord;

const builders: Readonly<Record<TableName, Builder>> = {
  children: (at) => {
    const [childId, firstName, lastName, dateOfBirth, sex, siblingGroup, worker, team, locality] = ['child_id', 'first_name', 'last_name', 'date_of_birth', 'sex', 'sibling_group', 'worker', 'team', 'locality'].map(at) as number[];
    return (v): Child => ({
      childId: v[childId as number] as string,
      firstName: v[firstName as number] as string | null,
      lastName: v[lastName as number] as string | null,
      dateOfBirth: v[dateOfBirth as number] as PlainDate,
      sex: v[sex as number] as Sex | null,
      siblingGroup: v[siblingGroup as number] as string | null,
      worker: v[worker as number] as string | null,
      team: v[team as number] as string | null,
      locality: v[locality as number] as string | null,
    });
  },
  placements: (at) => {
    const [childId, placementId, start, end, type, legalBasis, carerRef, recorded] = ['child_id', 'placement_id', 'start_date', 'end_date', 'placement_type', 'legal_basis', 'carer_ref', 'recorded_date'].map(at) as number[];
    return (v): Placement => ({
      childId: v[childId as number] as string,
      placementId: v[placementId as number] as string,
      start: v[start as number] as PlainDate,
      end: v[end as number] as PlainDate | null,
      type: v[type as number] as PlacementType,
      legalBasis: v[legalBasis as number] as LegalBasis | null,
      carerRef: v[carerRef as number] as string | null,
      recordedDate: v[recorded as number] as PlainDate | null,
    });
  },
  events: (at) => {
    const [childId, eventId, type, date, route, note, recorded, status, planned] = ['child_id', 'event_id', 'event_type', 'date', 'route', 'note', 'recorded_date', 'status', 'planned_date'].map(at) as number[];
    // Each event written out as one literal of one shape, its fields in the store's order (rows.ts):
    // a million objects built by spreading a shared part took a quarter of a large import's time,
    // and their many shapes slowed everything that read them after.
    return (v): AnyEvent => {
      const state = (v[status as number] as EventStatus | null) ?? 'held';
      const plannedDate = v[planned as number] as PlainDate | null;
      if (state === 'held') {
        const event: CaseEvent = {
          childId: v[childId as number] as string,
          eventId: v[eventId as number] as string,
          type: v[type as number] as EventType,
          date: v[date as number] as PlainDate,
          route: v[route as number] as Route | null,
          note: v[note as number] as string | null,
          recordedDate: v[recorded as number] as PlainDate | null,
        };
        return plannedDate === null ? event : withPlannedDate(event, plannedDate);
      }
      return {
        childId: v[childId as number] as string,
        eventId: v[eventId as number] as string,
        type: v[type as number] as EventType,
        status: state,
        plannedDate: plannedDate as PlainDate,
        route: v[route as number] as Route | null,
        reason: v[note as number] as string | null,
        recordedDate: v[recorded as number] as PlainDate | null,
      };
    };
  },
};
