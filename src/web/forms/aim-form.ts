/** An aim from its form: each field read with a message naming it, then checked once more by the store's own schema. */
import type { Aim } from '../../domain/aim.js';
import { eventTypeLabels, eventTypes, eventTypesWithRoute, journeyRoutes, placementTypes, routes, type EventType } from '../../domain/codes.js';
import { startKeywords } from '../../domain/measure-definition.js';
import { parseDate } from '../../domain/date.js';
import { journeyKinds, kindOfNationalAim } from '../../domain/journey.js';
import { aimToJson, parseAimJson } from '../../store/index.js';
import type { FieldError } from '../views/components.js';
import type { ParseResult } from './records.js';

export interface AimFormValues {
  readonly [field: string]: string | readonly string[];
}

/** The form's values for an existing aim. */
export function aimToForm(aim: Aim): AimFormValues {
  const json = aimToJson(aim);
  return {
    id: json.id,
    name: json.name,
    kind: json.kind,
    timescale_count: String(json.timescale.unit === 'weeks' ? json.timescale.weeks : json.timescale.unit === 'days' ? json.timescale.days : json.timescale.months),
    measure_start: json.measure?.start.startsWith('planned:') ? json.measure.start : (json.measure?.start.split(':')[0] ?? ''),
    measure_start_route: json.measure?.start.startsWith('planned:') ? '' : (json.measure?.start.split(':')[1] ?? ''),
    measure_ends: json.measure?.ends.map((end) => end.split(':')[0] as string) ?? [],
    measure_end_route: json.measure?.ends.map((end) => end.split(':')[1]).find((route) => route !== undefined) ?? '',
    timescale_unit: json.timescale.unit,
    from_date: json.from_date ?? '',
    by_date: json.by_date ?? '',
    target_percent: json.target_percent === null ? '' : String(json.target_percent),
    placement_types: json.filters.placement_types ?? [],
    placement_types_not: json.filters.placement_types_not ?? [],
    routes: json.filters.routes ?? [],
    routes_not: json.filters.routes_not ?? [],
    teams: (json.filters.teams ?? []).join(', '),
    sibling_group: json.filters.sibling_group ?? '',
    min_age: json.filters.min_age === undefined ? '' : String(json.filters.min_age),
    max_age: json.filters.max_age === undefined ? '' : String(json.filters.max_age),
    backlog_by: json.backlog?.by_date ?? '',
    backlog_before: json.backlog?.started_before ?? '',
  };
}

/** Reads a submitted aim form. `existing` is the aim being changed (its id and national aim are kept). */
export function parseAimForm(body: unknown, existing: Aim | null): { values: AimFormValues; result: ParseResult<Aim> } {
  const raw = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const text = (name: string) => (typeof raw[name] === 'string' ? (raw[name] as string).trim() : '');
  const list = (name: string) => (Array.isArray(raw[name]) ? (raw[name] as unknown[]).filter((v): v is string => typeof v === 'string') : typeof raw[name] === 'string' ? [raw[name] as string] : []);
  const values: AimFormValues = {
    id: existing?.id ?? text('id'),
    name: text('name'),
    kind: text('kind'),
    timescale_count: text('timescale_count'),
    timescale_unit: text('timescale_unit'),
    measure_start: text('measure_start'),
    measure_start_route: text('measure_start_route'),
    measure_ends: list('measure_ends'),
    measure_end_route: text('measure_end_route'),
    from_date: text('from_date'),
    by_date: text('by_date'),
    target_percent: text('target_percent'),
    placement_types: list('placement_types'),
    placement_types_not: list('placement_types_not'),
    routes: list('routes'),
    routes_not: list('routes_not'),
    teams: text('teams'),
    sibling_group: text('sibling_group'),
    min_age: text('min_age'),
    max_age: text('max_age'),
    backlog_by: text('backlog_by'),
    backlog_before: text('backlog_before'),
  };
  const errors: FieldError[] = [];
  const v = (name: string) => values[name] as string;
  const fail = (field: string, message: string) => errors.push({ field, message });
  if (!/^[a-z0-9][a-z0-9-]{0,39}$/.test(v('id'))) fail('id', `Short name must be lower-case letters, digits and dashes, up to 40 (you entered ${v('id') || 'nothing'})`);
  if (v('name') === '') fail('name', 'Enter a name for the aim');
  if (![...journeyKinds, 'measure'].includes(v('kind'))) fail('kind', 'Choose what the aim measures');
  const measure = v('kind') === 'measure' ? measureOfForm(values, fail) : null;
  const count = Number(v('timescale_count'));
  const unit = v('timescale_unit');
  const [least, most] = unit === 'days' ? [0, 3650] : unit === 'weeks' ? [1, 520] : [1, 120];
  if (unit !== 'weeks' && unit !== 'months' && unit !== 'days') fail('timescale_unit', 'Choose days, weeks or months');
  else if (!Number.isInteger(count) || count < least || count > most) fail('timescale_count', `Timescale must be a whole number from ${least} to ${most} ${unit} (you entered ${v('timescale_count') || 'nothing'})`);
  const date = (field: string, name: string) => {
    if (v(field) === '') return null;
    const parsed = parseDate(v(field));
    if (!parsed.ok) fail(field, `${name} must be a real date, such as 2019-01-31 or 31/01/2019 (you entered ${v(field)})`);
    return parsed.ok ? parsed.value.toString() : null;
  };
  const number = (field: string, name: string, max: number, integer: boolean) => {
    if (v(field) === '') return undefined;
    const n = Number(v(field));
    if (!Number.isFinite(n) || n < 0 || n > max || (integer && !Number.isInteger(n))) fail(field, `${name} must be ${integer ? 'a whole number' : 'a number'} from 0 to ${max} (you entered ${v(field)})`);
    return n;
  };
  const fromDate = date('from_date', 'From-date');
  const byDate = date('by_date', 'By-date');
  const target = number('target_percent', 'Target percentage', 100, false);
  const minAge = number('min_age', 'Youngest age', 25, true);
  const maxAge = number('max_age', 'Oldest age', 25, true);
  if (minAge !== undefined && maxAge !== undefined && minAge > maxAge) fail('min_age', `Youngest age (${minAge}) must not be above the oldest (${maxAge})`);
  const backlogBy = date('backlog_by', 'Backlog by-date');
  const backlogBefore = date('backlog_before', 'Backlog start date');
  if ((backlogBy === null) !== (backlogBefore === null) && !errors.some((e) => e.field.startsWith('backlog'))) fail(backlogBy === null ? 'backlog_by' : 'backlog_before', 'Give both backlog dates, or neither');
  const known = (field: string, allowed: readonly string[], name: string) => {
    for (const x of values[field] as readonly string[]) if (!allowed.includes(x)) fail(field, `Unknown ${name}: ${x}`);
  };
  known('placement_types', placementTypes, 'setting');
  known('placement_types_not', placementTypes, 'setting');
  known('routes', journeyRoutes, 'route');
  known('routes_not', journeyRoutes, 'route');
  const both = (a: string, b: string, what: string) => {
    for (const x of values[a] as readonly string[]) if ((values[b] as readonly string[]).includes(x)) fail(b, `${what} “${x}” cannot be both kept and left out`);
  };
  both('placement_types', 'placement_types_not', 'The setting');
  both('routes', 'routes_not', 'The route');
  if (!['', 'in', 'not_in'].includes(v('sibling_group'))) fail('sibling_group', `Choose whether brothers and sisters are kept (you sent ${v('sibling_group')})`);
  const teams = v('teams')
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  if (teams.some((t) => t.length > 100)) fail('teams', 'Each team name must be 100 characters or fewer');
  if (errors.length) return { values, result: { ok: false, errors } };
  const parsed = parseAimJson({
    id: v('id'),
    name: v('name'),
    // An aim that no longer measures its national aim's journeys stops claiming to follow it.
    national_aim: existing?.nationalAim && kindOfNationalAim(existing.nationalAim) === v('kind') ? existing.nationalAim : null,
    kind: v('kind'),
    measure,
    by_date: byDate,
    target_percent: target ?? null,
    from_date: fromDate,
    timescale: unit === 'weeks' ? { unit, weeks: count } : unit === 'days' ? { unit, days: count } : { unit: 'months', months: count },
    filters: {
      placement_types: values.placement_types,
      placement_types_not: values.placement_types_not,
      routes: values.routes,
      routes_not: values.routes_not,
      teams,
      ...(v('sibling_group') === '' ? {} : { sibling_group: v('sibling_group') }),
      ...(minAge === undefined ? {} : { min_age: minAge }),
      ...(maxAge === undefined ? {} : { max_age: maxAge }),
    },
    backlog: backlogBy && backlogBefore ? { by_date: backlogBy, started_before: backlogBefore } : null,
  });
  return { values, result: parsed.ok ? { ok: true, value: parsed.value } : { ok: false, errors: parsed.error.issues.map((message) => ({ field: 'name', message })) } };
}

/**
 * A local measure's start and ends from the form, as the command line writes them
 * ("permanence_planning_meeting", ["permanence_panel"]), each wrong field named.
 */
function measureOfForm(values: AimFormValues, fail: (field: string, message: string) => void): { start: string; ends: string[] } | null {
  const start = values.measure_start as string;
  const startRoute = values.measure_start_route as string;
  const ends = values.measure_ends as readonly string[];
  const endRoute = values.measure_end_route as string;
  let failed = false;
  const refuse = (field: string, message: string) => {
    failed = true;
    fail(field, message);
  };
  const isEvent = (type: string): type is EventType => (eventTypes as readonly string[]).includes(type);
  const planned = start.startsWith('planned:') && isEvent(start.slice('planned:'.length));
  if (!(startKeywords as readonly string[]).includes(start) && !isEvent(start) && !planned) refuse('measure_start', 'Choose where the measure starts');
  if (startRoute !== '' && !(routes as readonly string[]).includes(startRoute)) refuse('measure_start_route', `Unknown route: ${startRoute}`);
  else if (startRoute !== '' && !(isEvent(start) && eventTypesWithRoute.includes(start))) refuse('measure_start_route', `A route can only be chosen for a start that is a decision or plan (${eventTypesWithRoute.map((t) => eventTypeLabels[t].toLowerCase()).join(', ')})`);
  if (ends.length === 0 && !planned) refuse('measure_ends', 'Tick at least one event that ends the measure');
  for (const end of ends) if (!isEvent(end)) refuse('measure_ends', `Unknown event: ${end}`);
  if (endRoute !== '' && !(routes as readonly string[]).includes(endRoute)) refuse('measure_end_route', `Unknown route: ${endRoute}`);
  else if (endRoute !== '' && ends.some((end) => isEvent(end) && !eventTypesWithRoute.includes(end))) refuse('measure_end_route', 'A route can only be chosen when every event that ends the measure is a decision or plan');
  if (failed) return null;
  // A measure from planned dates ends when its own event is held, whatever else is ticked.
  if (planned) return { start, ends: [start.slice('planned:'.length)] };
  return { start: startRoute === '' ? start : `${start}:${startRoute}`, ends: ends.map((end) => (endRoute === '' ? end : `${end}:${endRoute}`)) };
}
