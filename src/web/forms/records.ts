/**
 * A child, a placement or an event from the fields of the canonical format (docs/measurement.md), as a
 * form or the JSON API sends them: one parser per record, each message naming the field and
 * echoing what was given (docs/architecture.md, "How the code reads" 5).
 */
import { z } from 'zod';
import { eventStatuses, eventTypeLabels, eventTypes, eventTypesWithRoute, isEventType, isLegalBasis, isPlacementType, isRoute, isSex, legalBases, placementTypes, routes } from '../../domain/codes.js';
import { isAfter, isBefore, parseDate, type PlainDate } from '../../domain/date.js';
import type { AnyEvent } from '../../domain/planned.js';
import type { RuleCode } from '../../domain/quality/catalogue.js';
import { makeProblem, renderFix, renderMessage } from '../../domain/quality/problem.js';
import type { CaseEvent, Child, Placement, PlannedEvent } from '../../domain/records.js';
import type { FieldError } from '../views/components.js';

export type Fields = Readonly<Record<string, string>>;
export type ParseResult<T> = { readonly ok: true; readonly value: T; readonly warnings?: readonly FieldWarning[] } | { readonly ok: false; readonly errors: readonly FieldError[] };

/** Something saved that is worth a look, in the words of the import's rule of the same code. */
export interface FieldWarning {
  readonly field: string;
  readonly code: RuleCode;
  readonly message: string;
  readonly fix: string;
}

/** Field values as text: a form sends strings; JSON may send null or leave a field out. */
const fieldValue = z.union([z.string(), z.null(), z.undefined()]).transform((v) => (v ?? '').trim());

/** Reads the named fields of a body; anything that is not text (a number, a list) is an error naming the field. */
export function readFields(body: unknown, names: readonly string[]): ParseResult<Fields> {
  const object = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  const fields: Record<string, string> = {};
  const errors: FieldError[] = [];
  for (const name of names) {
    const parsed = fieldValue.safeParse(object[name]);
    if (parsed.success) fields[name] = parsed.data;
    else errors.push({ field: name, message: `${label(name)} must be text (got ${JSON.stringify(object[name])})` });
  }
  return errors.length ? { ok: false, errors } : { ok: true, value: fields };
}

export const childFields = ['child_id', 'first_name', 'last_name', 'date_of_birth', 'sex', 'sibling_group', 'worker', 'team', 'locality'] as const;
export const placementFields = ['placement_id', 'start_date', 'end_date', 'placement_type', 'legal_basis', 'carer_ref', 'recorded_date'] as const;
export const eventFields = ['event_id', 'event_type', 'date', 'route', 'note', 'recorded_date'] as const;
/** The fields of an event held, planned or cancelled, as the event form and the API take them (docs/decisions/0030-planned-events.md). */
export const anyEventFields = [...eventFields, 'status', 'planned_date'] as const;

const labels: Readonly<Record<string, string>> = {
  child_id: 'Reference',
  first_name: 'First name',
  last_name: 'Last name',
  date_of_birth: 'Date of birth',
  sex: 'Sex',
  sibling_group: 'Sibling group',
  worker: 'Social worker',
  team: 'Team',
  locality: 'Locality',
  recorded_date: 'Recorded date',
  placement_id: 'Placement reference',
  start_date: 'Start date',
  end_date: 'End date',
  placement_type: 'Setting',
  legal_basis: 'Legal basis',
  carer_ref: 'Carer reference',
  event_id: 'Event reference',
  event_type: 'Event',
  date: 'Date',
  route: 'Route',
  note: 'Note',
  status: 'Status',
  planned_date: 'Planned date',
};

export function label(field: string): string {
  return labels[field] ?? field;
}

class Reader {
  readonly errors: FieldError[] = [];
  constructor(
    private readonly fields: Fields,
    private readonly today: PlainDate,
  ) {}

  text(field: string, options: { required?: boolean; max?: number } = {}): string | null {
    const value = this.fields[field] ?? '';
    if (value === '') {
      if (options.required) this.fail(field, `Enter the ${label(field).toLowerCase()}`);
      return null;
    }
    if (value.length > (options.max ?? 200)) this.fail(field, `${label(field)} must be ${options.max ?? 200} characters or fewer (it has ${value.length})`);
    return value;
  }

  reference(field: string, required: boolean): string | null {
    const value = this.text(field, { required, max: 60 });
    if (value !== null && [...value].some((c) => c.charCodeAt(0) < 32)) this.fail(field, `${label(field)} cannot hold control characters`);
    return value;
  }

  /** A date, on or before today unless `future` allows later (a planned date). */
  date(field: string, required: boolean, options: { future?: boolean } = {}): PlainDate | null {
    const value = this.text(field, { required, max: 20 });
    if (value === null) return null;
    const parsed = parseDate(value);
    if (!parsed.ok) return this.fail(field, `${label(field)} must be a real date, such as 2020-03-27 or 27/03/2020 (you entered ${value})`);
    if (!options.future && isAfter(parsed.value, this.today)) return this.fail(field, `${label(field)} cannot be after today (you entered ${value})`);
    return parsed.value;
  }

  code<T extends string>(field: string, is: (v: string) => v is T, allowed: readonly string[], required: boolean): T | null {
    const value = this.text(field, { required, max: 40 });
    if (value === null) return null;
    if (!is(value)) return this.fail(field, `${label(field)} must be one of ${allowed.join(', ')} (you entered ${value})`);
    return value;
  }

  fail(field: string, message: string): null {
    this.errors.push({ field, message });
    return null;
  }
}

function done<T>(reader: Reader, value: () => T): ParseResult<T> {
  return reader.errors.length ? { ok: false, errors: reader.errors } : { ok: true, value: value() };
}

/** A child. `childId` is given when editing: the reference cannot change. */
export function parseChild(fields: Fields, today: PlainDate, childId?: string): ParseResult<Child> {
  const r = new Reader(fields, today);
  const id = childId ?? r.reference('child_id', true);
  const dateOfBirth = r.date('date_of_birth', true);
  const sex = r.code('sex', isSex, ['M', 'F', 'X'], false);
  const child = { firstName: r.text('first_name'), lastName: r.text('last_name'), siblingGroup: r.text('sibling_group'), worker: r.text('worker'), team: r.text('team'), locality: r.text('locality') };
  return done(r, () => ({ childId: id as string, dateOfBirth: dateOfBirth as PlainDate, sex, ...child }));
}

/**
 * A placement of `childId`; `placementId` is used when the form leaves the reference blank, and
 * `recordedDate` when the fields give no `recorded_date` (a form: the day it is entered).
 */
export function parsePlacement(fields: Fields, today: PlainDate, childId: string, placementId: string, recordedDate: PlainDate | null = null): ParseResult<Placement> {
  const r = new Reader(fields, today);
  const id = r.reference('placement_id', false) ?? placementId;
  const start = r.date('start_date', true);
  const end = r.date('end_date', false);
  if (start && end && isBefore(end, start)) r.fail('end_date', `End date must be on or after the start date, ${start.toString()} (you entered ${fields.end_date})`);
  const type = r.code('placement_type', isPlacementType, placementTypes, true);
  const legalBasis = r.code('legal_basis', isLegalBasis, legalBases, false);
  const carerRef = r.text('carer_ref');
  const recorded = r.date('recorded_date', false) ?? recordedDate;
  return done(r, () => ({ childId, placementId: id, start: start as PlainDate, end, type: type as Placement['type'], legalBasis, carerRef, recordedDate: recorded }));
}

/** An event of `childId`; `eventId` is used when the form leaves the reference blank, `recordedDate` as for a placement. */
export function parseEvent(fields: Fields, today: PlainDate, childId: string, eventId: string, recordedDate: PlainDate | null = null): ParseResult<CaseEvent> {
  const r = new Reader(fields, today);
  const id = r.reference('event_id', false) ?? eventId;
  const type = r.code('event_type', isEventType, eventTypes, true);
  const date = r.date('date', true);
  const route = r.code('route', isRoute, routes, false);
  if (type && eventTypesWithRoute.includes(type) && route === null && !r.errors.some((e) => e.field === 'route')) r.fail('route', `Choose the route: the event “${eventTypeLabels[type]}” must name one`);
  const note = r.text('note', { max: 2000 });
  const recorded = r.date('recorded_date', false) ?? recordedDate;
  return done(r, () => ({ childId, eventId: id, type: type as CaseEvent['type'], date: date as PlainDate, route, note, recordedDate: recorded }));
}

const isEventStatus = (value: string): value is (typeof eventStatuses)[number] => (eventStatuses as readonly string[]).includes(value);

/**
 * What a cancelled event without a reason is: an error where a person can be asked again (a
 * form), a warning where nobody can (the API, like the import: the cancellation is still worth
 * counting).
 */
export type MissingReason = 'error' | 'warning';

/**
 * An event held (the default), with an optional planned date; or planned or cancelled, with a
 * planned date (which may be after today) and no date, a cancelled one with its reason in the
 * note. The import's rules; `missingReason` says whether a cancelled event needs its reason.
 */
export function parseAnyEvent(fields: Fields, today: PlainDate, childId: string, eventId: string, recordedDate: PlainDate | null = null, missingReason: MissingReason = 'error'): ParseResult<AnyEvent> {
  const r = new Reader(fields, today);
  const status = r.code('status', isEventStatus, eventStatuses, false) ?? 'held';
  if (status === 'held') {
    const held = parseEvent(fields, today, childId, eventId, recordedDate);
    const planned = r.date('planned_date', false, { future: true });
    if (!held.ok || r.errors.length > 0) return { ok: false, errors: [...(held.ok ? [] : held.errors), ...r.errors] };
    return { ok: true, value: planned === null ? held.value : { ...held.value, plannedDate: planned } };
  }
  const id = r.reference('event_id', false) ?? eventId;
  const type = r.code('event_type', isEventType, eventTypes, true);
  if ((fields.date ?? '') !== '') r.fail('date', `Leave the date empty: a ${status} event has not happened (you entered ${fields.date})`);
  const plannedDate = r.date('planned_date', true, { future: true });
  const route = r.code('route', isRoute, routes, false);
  const reason = r.text('note', { max: 2000 });
  const noReason = status === 'cancelled' && reason === null;
  if (noReason && missingReason === 'error') r.fail('note', 'Enter why it was cancelled, in the note');
  const recorded = r.date('recorded_date', false) ?? recordedDate;
  const parsed = done(r, (): PlannedEvent => ({ childId, eventId: id, type: type as PlannedEvent['type'], status, plannedDate: plannedDate as PlainDate, route, reason, recordedDate: recorded }));
  return parsed.ok && noReason ? { ...parsed, warnings: [warning('cancelled-reason-missing', 'note')] } : parsed;
}

function warning(code: RuleCode, field: string): FieldWarning {
  const problem = makeProblem(code, { column: field, value: '' });
  return { field, code, message: renderMessage(problem), fix: renderFix(problem) };
}
