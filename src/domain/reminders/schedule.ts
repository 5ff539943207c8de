/**
 * An authority's schedule: when each meeting and decision on a child's path should happen
 * (docs/domain.md, "A child's path"), counted from the start of one of the child's journeys, and the
 * event that meets it. Every authority starts from the defaults here and may rename, retime or
 * switch off each rule; what starts a rule and what meets it are fixed, since they are what the
 * rule means. See docs/decisions/0009-reminders.md.
 */
import type { Aim } from '../aim.js';
import type { EventType } from '../codes.js';
import type { JourneyKind } from '../journey.js';
import { nationalAimOfKind } from '../journey.js';
import { nationalTimescales } from '../national-aims.js';
import { describeInterval, interval, intervalOfTimescale, type Interval } from './interval.js';

export const scheduleRuleIds = [
  'planning-meeting',
  'early-review',
  'review-6-weeks',
  'review-3-months',
  'reviews-6-monthly',
  'permanence-recommendation',
  'adm-decision',
  'court-application',
  'home-review-18-months',
  'home-review-24-months',
] as const;
export type ScheduleRuleId = (typeof scheduleRuleIds)[number];

export function isScheduleRuleId(value: string): value is ScheduleRuleId {
  return (scheduleRuleIds as readonly string[]).includes(value);
}

/** What an authority may change about a rule. */
export interface ScheduleRule {
  readonly id: ScheduleRuleId;
  /** Plain English, as reminders and the due pages say it. */
  readonly name: string;
  readonly enabled: boolean;
  /** How long after the start it first falls due; null: the timescale of the authority's aim for the same milestone. */
  readonly after: Interval | null;
  /** After the first time, it falls due again every this long; null: once. */
  readonly every: Interval | null;
}

/**
 * A meeting lapses when the next meeting of the schedule falls due (a 72-hour meeting not held by
 * the early review will not be held); a milestone stays due until it is reached or the child's
 * journey ends.
 */
export type RuleCategory = 'meeting' | 'milestone';

/** What a rule is: fixed for each rule, whatever the authority changes. */
export interface RuleMeaning {
  /** The journey whose start the rule counts from. */
  readonly start: JourneyKind;
  /** The event that meets it. */
  readonly metBy: EventType;
  readonly category: RuleCategory;
  /** "the day the child became looked after and accommodated". */
  readonly startWords: string;
  /** The national aim measuring the same milestone, whose timescale the rule may follow. */
  readonly aim: 1 | 2 | 3 | 4 | null;
}

const accommodated = 'the day the child became looked after and accommodated';
const atHome = 'the day the child became looked after at home on a compulsory supervision order';

export const ruleMeanings: Readonly<Record<ScheduleRuleId, RuleMeaning>> = {
  'planning-meeting': { start: 'accommodation', metBy: 'planning_meeting_72h', category: 'meeting', startWords: accommodated, aim: null },
  'early-review': { start: 'accommodation', metBy: 'early_review', category: 'meeting', startWords: accommodated, aim: null },
  'review-6-weeks': { start: 'accommodation', metBy: 'lac_review', category: 'meeting', startWords: accommodated, aim: null },
  'review-3-months': { start: 'accommodation', metBy: 'lac_review', category: 'meeting', startWords: accommodated, aim: null },
  'reviews-6-monthly': { start: 'accommodation', metBy: 'lac_review', category: 'meeting', startWords: accommodated, aim: null },
  'permanence-recommendation': { start: 'accommodation', metBy: 'permanence_recommendation', category: 'milestone', startWords: accommodated, aim: 2 },
  'adm-decision': { start: 'recommendation', metBy: 'adm_decision', category: 'milestone', startWords: 'the day of a permanence recommendation for a route away from home', aim: 3 },
  'court-application': { start: 'adm', metBy: 'court_application_lodged', category: 'milestone', startWords: "the day of the agency decision maker's decision for a route that needs a court order", aim: 4 },
  'home-review-18-months': { start: 'at-home', metBy: 'home_review', category: 'meeting', startWords: atHome, aim: null },
  'home-review-24-months': { start: 'at-home', metBy: 'home_review', category: 'meeting', startWords: atHome, aim: null },
};

/** The defaults of docs/domain.md: what an authority's schedule is until it changes a rule. */
export function defaultScheduleRules(): ScheduleRule[] {
  const rule = (id: ScheduleRuleId, name: string, after: Interval | null, every: Interval | null = null): ScheduleRule => ({ id, name, enabled: true, after, every });
  return [
    rule('planning-meeting', '72-hour planning meeting', interval(3, 'days')),
    rule('early-review', 'Early review', interval(2, 'weeks')),
    rule('review-6-weeks', 'Looked after review at 6 weeks', interval(6, 'weeks')),
    rule('review-3-months', 'Looked after review at 3 months', interval(3, 'months')),
    rule('reviews-6-monthly', 'Looked after review every 6 months', interval(6, 'months'), interval(6, 'months')),
    rule('permanence-recommendation', 'Permanence recommendation', null),
    rule('adm-decision', 'Agency decision maker decision', interval(14, 'weeks')),
    rule('court-application', 'Application lodged at court', interval(3, 'weeks')),
    rule('home-review-18-months', 'Review of the time at home at 18 months', interval(18, 'months')),
    rule('home-review-24-months', 'Review of the time at home at 24 months', interval(24, 'months')),
  ];
}

/** The authority's schedule: the rules it has changed, and the defaults of those it has not, in the defaults' order. */
export function scheduleWithDefaults(changed: readonly ScheduleRule[]): ScheduleRule[] {
  return defaultScheduleRules().map((rule) => changed.find((c) => c.id === rule.id) ?? rule);
}

/** A rule ready to apply: its timescale known, the aim's when it follows one. */
export interface ResolvedRule {
  readonly rule: ScheduleRule;
  readonly meaning: RuleMeaning;
  readonly after: Interval;
  /** "3 days after the day the child became …", "26 weeks (the timescale of Aim 2: …) after …". */
  readonly words: string;
}

/**
 * The enabled rules with their timescales. A rule following an aim takes the timescale of the
 * authority's aim for that national aim (the national default when the authority has none).
 */
export function resolveSchedule(rules: readonly ScheduleRule[], aims: readonly Aim[]): ResolvedRule[] {
  return rules
    .filter((rule) => rule.enabled)
    .map((rule) => {
      const meaning = ruleMeanings[rule.id];
      const aim = meaning.aim === null ? undefined : aims.find((a) => a.nationalAim === meaning.aim && a.kind === meaning.start);
      const after = rule.after ?? intervalOfTimescale(aim?.timescale ?? nationalTimescales[meaning.start]);
      const source = rule.after === null ? ` (the timescale of ${aim ? aim.name : `national aim ${nationalAimOfKind[meaning.start]}`})` : '';
      const repeat = rule.every ? `, then every ${describeInterval(rule.every)}` : '';
      return { rule, meaning, after, words: `${describeInterval(after)}${source} after ${meaning.startWords}${repeat}` };
    });
}
