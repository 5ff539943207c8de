/** A schedule rule from its form: each field read with a message naming it, then checked once more by the store's schema. */
import type { Interval } from '../../domain/reminders/interval.js';
import { ruleMeanings, type ScheduleRule } from '../../domain/reminders/schedule.js';
import { parseScheduleRuleJson } from '../../store/index.js';
import type { FieldError } from '../views/components.js';
import type { ParseResult } from './records.js';

export type ScheduleRuleFormValues = Readonly<Record<'name' | 'enabled' | 'after_count' | 'after_unit' | 'every_count' | 'every_unit', string>>;

/** The most of each unit a rule may count. */
const maxima: Readonly<Record<Interval['unit'], number>> = { days: 3650, weeks: 520, months: 120 };

export function scheduleRuleToForm(rule: ScheduleRule): ScheduleRuleFormValues {
  return {
    name: rule.name,
    enabled: rule.enabled ? 'yes' : 'no',
    after_count: rule.after ? String(rule.after.count) : '',
    after_unit: rule.after ? rule.after.unit : 'aim',
    every_count: rule.every ? String(rule.every.count) : '',
    every_unit: rule.every ? rule.every.unit : '',
  };
}

/** Reads a submitted rule form for the rule `existing` (its id is kept). */
export function parseScheduleRuleForm(body: unknown, existing: ScheduleRule): { values: ScheduleRuleFormValues; result: ParseResult<ScheduleRule> } {
  const raw = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const text = (name: string) => (typeof raw[name] === 'string' ? (raw[name] as string).trim() : '');
  const values: ScheduleRuleFormValues = {
    name: text('name'),
    enabled: text('enabled'),
    after_count: text('after_count'),
    after_unit: text('after_unit'),
    every_count: text('every_count'),
    every_unit: text('every_unit'),
  };
  const errors: FieldError[] = [];
  const fail = (field: string, message: string) => errors.push({ field, message });
  if (values.name === '' || values.name.length > 120) fail('name', `Enter a name of up to 120 characters (you entered ${values.name.length} characters)`);
  if (values.enabled !== 'yes' && values.enabled !== 'no') fail('enabled', 'Choose whether the rule is in use');
  const followsAim = values.after_unit === 'aim';
  if (followsAim && ruleMeanings[existing.id].aim === null) fail('after_unit', 'This rule follows no aim: choose days, weeks or months');
  const after = followsAim ? null : readInterval(values.after_count, values.after_unit, 'after_count', 'after_unit', 'When it falls due', fail);
  const every = values.every_count === '' && values.every_unit === '' ? null : readInterval(values.every_count, values.every_unit, 'every_count', 'every_unit', 'How often it repeats', fail);
  if (errors.length) return { values, result: { ok: false, errors } };
  const parsed = parseScheduleRuleJson({ id: existing.id, name: values.name, enabled: values.enabled === 'yes', after, every });
  return { values, result: parsed.ok ? { ok: true, value: parsed.value } : { ok: false, errors: parsed.error.issues.map((message) => ({ field: 'name', message })) } };
}

function readInterval(countText: string, unitText: string, countField: string, unitField: string, label: string, fail: (field: string, message: string) => void): Interval | null {
  if (unitText !== 'days' && unitText !== 'weeks' && unitText !== 'months') {
    fail(unitField, `${label}: choose days, weeks or months`);
    return null;
  }
  const count = Number(countText);
  if (countText === '' || !Number.isInteger(count) || count < 1 || count > maxima[unitText]) {
    fail(countField, `${label} must be a whole number from 1 to ${maxima[unitText]} ${unitText} (you entered ${countText || 'nothing'})`);
    return null;
  }
  return { unit: unitText, count };
}
