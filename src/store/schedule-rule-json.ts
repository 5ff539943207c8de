/**
 * A schedule rule as JSON: how an authority's change to a rule is stored and printed. Parsed with
 * zod at the boundary, so a stored rule is trusted inside.
 */
import { z } from 'zod';
import { intervalUnits } from '../domain/reminders/interval.js';
import { ruleMeanings, scheduleRuleIds, type ScheduleRule } from '../domain/reminders/schedule.js';

const intervalSchema = z.object({ unit: z.enum(intervalUnits), count: z.number().int().min(1).max(1200) });

export const scheduleRuleJsonSchema = z.object({
  id: z.enum(scheduleRuleIds),
  name: z.string().trim().min(1).max(120),
  enabled: z.boolean(),
  after: intervalSchema.nullable(),
  every: intervalSchema.nullable(),
});

export type ScheduleRuleJson = z.infer<typeof scheduleRuleJsonSchema>;

export type ScheduleRuleParseResult = { ok: true; value: ScheduleRule } | { ok: false; error: { code: 'invalid-schedule-rule'; issues: string[] } };

/** Reads a rule, naming each field that is wrong. Only a rule measured by an aim may follow the aim's timescale. */
export function parseScheduleRuleJson(input: unknown): ScheduleRuleParseResult {
  const parsed = scheduleRuleJsonSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: { code: 'invalid-schedule-rule', issues: parsed.error.issues.map((i) => `${i.path.join('.') || 'rule'}: ${i.message}`) } };
  const json = parsed.data;
  if (json.after === null && ruleMeanings[json.id].aim === null) return { ok: false, error: { code: 'invalid-schedule-rule', issues: ['after: this rule follows no aim, so it needs its own timescale'] } };
  return { ok: true, value: { id: json.id, name: json.name, enabled: json.enabled, after: json.after, every: json.every } };
}

export function scheduleRuleToJson(rule: ScheduleRule): ScheduleRuleJson {
  return {
    id: rule.id,
    name: rule.name,
    enabled: rule.enabled,
    after: rule.after ? { unit: rule.after.unit, count: rule.after.count } : null,
    every: rule.every ? { unit: rule.every.unit, count: rule.every.count } : null,
  };
}
