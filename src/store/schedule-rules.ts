/**
 * Each authority's schedule rules. Only the rules an authority has changed are stored; the others
 * are the domain's defaults. A change keeps the previous definition in the history.
 */
import { scheduleWithDefaults, type ScheduleRule } from '../domain/reminders/schedule.js';
import type { AuthorityScope } from './authorities.js';
import type { Connection } from './dialect.js';
import { appendHistory } from './history.js';
import type { Author } from './records.js';
import { remindersDb, remindersTrx } from './reminders-schema.js';
import { parseScheduleRuleJson, scheduleRuleToJson } from './schedule-rule-json.js';

/** The authority's schedule: every rule, changed or default, in the defaults' order. */
export async function listScheduleRules(connection: Connection, scope: AuthorityScope): Promise<ScheduleRule[]> {
  const rows = await remindersDb(connection).selectFrom('schedule_rules').select(['rule_id', 'definition']).where('authority_id', '=', scope.id).execute();
  const changed = rows.map((row) => {
    const parsed = parseScheduleRuleJson(JSON.parse(row.definition));
    if (!parsed.ok) throw new Error(`stored schedule rule ${row.rule_id} is not valid: ${parsed.error.issues.join('; ')}`);
    return parsed.value;
  });
  return scheduleWithDefaults(changed);
}

/** Saves an authority's version of a rule; 'unchanged' when it is the one already in force. */
export async function saveScheduleRule(connection: Connection, scope: AuthorityScope, rule: ScheduleRule, author: Author): Promise<'changed' | 'unchanged'> {
  const at = author.at ?? new Date().toISOString();
  const definition = JSON.stringify(scheduleRuleToJson(rule));
  const current = (await listScheduleRules(connection, scope)).find((r) => r.id === rule.id);
  if (current && JSON.stringify(scheduleRuleToJson(current)) === definition) return 'unchanged';
  return connection.db.transaction().execute(async (base): Promise<'changed'> => {
    const trx = remindersTrx(base);
    const stored = await trx.selectFrom('schedule_rules').selectAll().where('authority_id', '=', scope.id).where('rule_id', '=', rule.id).executeTakeFirst();
    if (!stored) {
      await trx.insertInto('schedule_rules').values({ authority_id: scope.id, rule_id: rule.id, definition, version: 1, recorded_at: at, recorded_by: author.by }).execute();
      return 'changed';
    }
    await appendHistory(base, {
      authorityId: scope.id,
      entity: 'schedule-rule',
      recordId: rule.id,
      version: stored.version,
      previous: { definition: JSON.parse(stored.definition) as unknown, recorded_by: stored.recorded_by },
      change: 'edit',
      by: author.by,
      at,
    });
    await trx.updateTable('schedule_rules').set({ definition, version: stored.version + 1, recorded_at: at, recorded_by: author.by }).where('authority_id', '=', scope.id).where('rule_id', '=', rule.id).execute();
    return 'changed';
  });
}
