/**
 * An aim's definition as JSON: how it is stored, printed by `pace aim list --json` and sent by the
 * API. Parsed with zod at the boundary, so a stored definition is trusted inside.
 */
import { z } from 'zod';
import type { Aim } from '../domain/aim.js';
import { journeyRoutes, placementTypes, routes } from '../domain/codes.js';
import { parseDate, type PlainDate } from '../domain/date.js';
import { journeyKinds } from '../domain/journey.js';
import { measureArguments, parseMeasureEnds, parseMeasureStart, type MeasureDefinition } from '../domain/measure-definition.js';

const isoDate = z.string().refine((text) => /^\d{4}-\d{2}-\d{2}$/.test(text) && parseDate(text).ok, { message: 'not a date (YYYY-MM-DD)' });

export const aimJsonSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'lower-case letters, digits and dashes'),
  name: z.string().trim().min(1).max(200),
  national_aim: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]).nullable(),
  kind: z.enum([...journeyKinds, 'measure']),
  // A local measure (kind `measure`): where it starts and which events end it, as `pace aim add --start … --end …` writes them.
  measure: z.object({ start: z.string().trim().min(1).max(100), ends: z.array(z.string().trim().min(1).max(100)).min(1).max(10) }).nullable().optional(),
  by_date: isoDate.nullable(),
  target_percent: z.number().min(0).max(100).nullable(),
  from_date: isoDate.nullable(),
  timescale: z.discriminatedUnion('unit', [
    z.object({ unit: z.literal('weeks'), weeks: z.number().int().min(1).max(520) }),
    z.object({ unit: z.literal('months'), months: z.number().int().min(1).max(120) }),
    z.object({ unit: z.literal('days'), days: z.number().int().min(0).max(3650) }),
  ]),
  filters: z
    .object({
      placement_types: z.array(z.enum(placementTypes)).optional(),
      placement_types_not: z.array(z.enum(placementTypes)).optional(),
      routes: z.array(z.enum(journeyRoutes)).optional(),
      routes_not: z.array(z.enum(journeyRoutes)).optional(),
      min_age: z.number().int().min(0).max(25).optional(),
      max_age: z.number().int().min(0).max(25).optional(),
      sibling_group: z.enum(['in', 'not_in']).optional(),
      teams: z.array(z.string().trim().min(1).max(100)).optional(),
      // Version 1's "plan route at as-at" filter, read as the journey's own route (docs/decisions/0016-measurement-v2.md).
      plan_routes: z.array(z.enum(routes)).optional(),
    })
    .default({}),
  backlog: z.object({ by_date: isoDate, started_before: isoDate }).nullable().default(null),
});

export type AimJson = z.infer<typeof aimJsonSchema>;

export type AimParseResult = { ok: true; value: Aim } | { ok: false; error: { code: 'invalid-aim'; issues: string[] } };

/** Reads an aim definition, naming each field that is wrong. */
export function parseAimJson(input: unknown): AimParseResult {
  const parsed = aimJsonSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: { code: 'invalid-aim', issues: parsed.error.issues.map((i) => `${i.path.join('.') || 'aim'}: ${i.message}`) } };
  const json = parsed.data;
  const f = json.filters;
  if (f.min_age !== undefined && f.max_age !== undefined && f.min_age > f.max_age) {
    return { ok: false, error: { code: 'invalid-aim', issues: ['filters: min_age is above max_age'] } };
  }
  const routesIn = f.routes?.length ? f.routes : f.plan_routes;
  const clash = (a: readonly string[] | undefined, b: readonly string[] | undefined, name: string) => (a ?? []).filter((x) => (b ?? []).includes(x)).map((x) => `filters: ${x} is both in ${name} and in ${name}_not`);
  const clashes = [...clash(f.placement_types, f.placement_types_not, 'placement_types'), ...clash(routesIn, f.routes_not, 'routes')];
  if (clashes.length) return { ok: false, error: { code: 'invalid-aim', issues: clashes } };
  const measure = measureOfJson(json);
  if (!measure.ok) return { ok: false, error: { code: 'invalid-aim', issues: [measure.error] } };
  return {
    ok: true,
    value: {
      id: json.id,
      name: json.name,
      nationalAim: json.national_aim,
      kind: json.kind,
      ...(measure.value ? { measure: measure.value } : {}),
      byDate: date(json.by_date),
      targetPercent: json.target_percent,
      fromDate: date(json.from_date),
      timescale: json.timescale,
      filters: {
        ...(f.placement_types?.length ? { placementTypes: f.placement_types } : {}),
        ...(f.placement_types_not?.length ? { placementTypesNot: f.placement_types_not } : {}),
        ...(routesIn?.length ? { routes: routesIn } : {}),
        ...(f.routes_not?.length ? { routesNot: f.routes_not } : {}),
        ...(f.min_age !== undefined ? { minAge: f.min_age } : {}),
        ...(f.max_age !== undefined ? { maxAge: f.max_age } : {}),
        ...(f.sibling_group !== undefined ? { inSiblingGroup: f.sibling_group === 'in' } : {}),
        ...(f.teams?.length ? { teams: [...new Set(f.teams)] } : {}),
      },
      backlog: json.backlog ? { byDate: date(json.backlog.by_date) as PlainDate, startedBefore: date(json.backlog.started_before) as PlainDate } : null,
    },
  };
}

export function aimToJson(aim: Aim): AimJson {
  const filters: AimJson['filters'] = {};
  const f = aim.filters;
  if (f.placementTypes?.length) filters.placement_types = [...f.placementTypes];
  if (f.placementTypesNot?.length) filters.placement_types_not = [...f.placementTypesNot];
  if (f.routes?.length) filters.routes = [...f.routes];
  if (f.routesNot?.length) filters.routes_not = [...f.routesNot];
  if (f.minAge !== undefined) filters.min_age = f.minAge;
  if (f.maxAge !== undefined) filters.max_age = f.maxAge;
  if (f.inSiblingGroup !== undefined) filters.sibling_group = f.inSiblingGroup ? 'in' : 'not_in';
  if (f.teams?.length) filters.teams = [...f.teams];
  return {
    id: aim.id,
    name: aim.name,
    national_aim: aim.nationalAim,
    kind: aim.kind,
    ...(aim.measure ? { measure: measureArguments(aim.measure) } : {}),
    by_date: aim.byDate?.toString() ?? null,
    target_percent: aim.targetPercent,
    from_date: aim.fromDate?.toString() ?? null,
    timescale: aim.timescale.unit === 'weeks' ? { unit: 'weeks', weeks: aim.timescale.weeks } : aim.timescale.unit === 'days' ? { unit: 'days', days: aim.timescale.days } : { unit: 'months', months: aim.timescale.months },
    filters,
    backlog: aim.backlog ? { by_date: aim.backlog.byDate.toString(), started_before: aim.backlog.startedBefore.toString() } : null,
  };
}

function date(text: string | null): PlainDate | null {
  if (text === null) return null;
  const parsed = parseDate(text);
  return parsed.ok ? parsed.value : null;
}

/** A local measure's definition from its JSON: required for kind `measure`, refused for the national kinds. */
function measureOfJson(json: AimJson): { ok: true; value: MeasureDefinition | null } | { ok: false; error: string } {
  if (json.kind !== 'measure') return json.measure === null || json.measure === undefined ? { ok: true, value: null } : { ok: false, error: `measure: only an aim of kind measure has one (this is kind ${json.kind})` };
  if (json.measure === null || json.measure === undefined) return { ok: false, error: 'measure: an aim of kind measure needs its start and ends' };
  const start = parseMeasureStart(json.measure.start);
  if (!start.ok) return { ok: false, error: `measure.start: ${start.error}` };
  const ends = parseMeasureEnds(json.measure.ends.join(','));
  if (!ends.ok) return { ok: false, error: `measure.ends: ${ends.error}` };
  return { ok: true, value: { start: start.value, ends: ends.value } };
}
