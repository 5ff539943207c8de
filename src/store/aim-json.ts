/**
 * An aim's definition as JSON: how it is stored, printed by `pace aim list --json` and sent by the
 * API. Parsed with zod at the boundary, so a stored definition is trusted inside.
 */
import { z } from 'zod';
import type { Aim } from '../domain/aim.js';
import { placementTypes, routes } from '../domain/codes.js';
import { parseDate, type PlainDate } from '../domain/date.js';
import { journeyKinds } from '../domain/journey.js';

const isoDate = z.string().refine((text) => /^\d{4}-\d{2}-\d{2}$/.test(text) && parseDate(text).ok, { message: 'not a date (YYYY-MM-DD)' });

export const aimJsonSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'lower-case letters, digits and dashes'),
  name: z.string().trim().min(1).max(200),
  national_aim: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]).nullable(),
  kind: z.enum(journeyKinds),
  by_date: isoDate.nullable(),
  target_percent: z.number().min(0).max(100).nullable(),
  from_date: isoDate.nullable(),
  timescale: z.discriminatedUnion('unit', [
    z.object({ unit: z.literal('weeks'), weeks: z.number().int().min(1).max(520) }),
    z.object({ unit: z.literal('months'), months: z.number().int().min(1).max(120) }),
  ]),
  filters: z
    .object({
      placement_types: z.array(z.enum(placementTypes)).optional(),
      min_age: z.number().int().min(0).max(25).optional(),
      max_age: z.number().int().min(0).max(25).optional(),
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
  if (json.filters.min_age !== undefined && json.filters.max_age !== undefined && json.filters.min_age > json.filters.max_age) {
    return { ok: false, error: { code: 'invalid-aim', issues: ['filters: min_age is above max_age'] } };
  }
  return {
    ok: true,
    value: {
      id: json.id,
      name: json.name,
      nationalAim: json.national_aim,
      kind: json.kind,
      byDate: date(json.by_date),
      targetPercent: json.target_percent,
      fromDate: date(json.from_date),
      timescale: json.timescale,
      filters: {
        ...(json.filters.placement_types?.length ? { placementTypes: json.filters.placement_types } : {}),
        ...(json.filters.min_age !== undefined ? { minAge: json.filters.min_age } : {}),
        ...(json.filters.max_age !== undefined ? { maxAge: json.filters.max_age } : {}),
        ...(json.filters.plan_routes?.length ? { planRoutes: json.filters.plan_routes } : {}),
      },
      backlog: json.backlog ? { byDate: date(json.backlog.by_date) as PlainDate, startedBefore: date(json.backlog.started_before) as PlainDate } : null,
    },
  };
}

export function aimToJson(aim: Aim): AimJson {
  const filters: AimJson['filters'] = {};
  if (aim.filters.placementTypes?.length) filters.placement_types = [...aim.filters.placementTypes];
  if (aim.filters.minAge !== undefined) filters.min_age = aim.filters.minAge;
  if (aim.filters.maxAge !== undefined) filters.max_age = aim.filters.maxAge;
  if (aim.filters.planRoutes?.length) filters.plan_routes = [...aim.filters.planRoutes];
  return {
    id: aim.id,
    name: aim.name,
    national_aim: aim.nationalAim,
    kind: aim.kind,
    by_date: aim.byDate?.toString() ?? null,
    target_percent: aim.targetPercent,
    from_date: aim.fromDate?.toString() ?? null,
    timescale: aim.timescale.unit === 'weeks' ? { unit: 'weeks', weeks: aim.timescale.weeks } : { unit: 'months', months: aim.timescale.months },
    filters,
    backlog: aim.backlog ? { by_date: aim.backlog.byDate.toString(), started_before: aim.backlog.startedBefore.toString() } : null,
  };
}

function date(text: string | null): PlainDate | null {
  if (text === null) return null;
  const parsed = parseDate(text);
  return parsed.ok ? parsed.value : null;
}
