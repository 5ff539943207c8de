// A child's own planned dates before the schedule's (docs/decisions/0030-planned-events.md).
import { describe, expect, it } from 'vitest';
import { d, event, placement, record } from '../../../test/builders.js';
import { nationalAims } from '../aim.js';
import type { ChildRecord, PlannedEvent } from '../records.js';
import { planDigests } from './digest.js';
import { dueWords, scheduleOf } from './due.js';
import { childrenDue } from './due-list.js';
import { defaultScheduleRules, resolveSchedule, type ScheduleRuleId } from './schedule.js';

const only = (...ids: ScheduleRuleId[]) => resolveSchedule(defaultScheduleRules().filter((r) => ids.includes(r.id)), nationalAims());

const plan = (type: PlannedEvent['type'], day: string, eventId: string, status: PlannedEvent['status'] = 'planned'): PlannedEvent => ({ childId: 'C1', eventId, type, status, plannedDate: d(day), route: null, reason: status === 'cancelled' ? 'chair ill' : null, recordedDate: null });

/** Accommodated on 4 January 2021: the 3-month review falls due on 4 April 2021. */
const withPlans = (...plans: PlannedEvent[]): ChildRecord => ({ ...record([placement('2021-01-04', null, 'foster', { id: 'P1' })], [event('planning_meeting_72h', '2021-01-06', null, { id: 'M1' })]), plans });

function lines(child: ChildRecord, asAt: string, ...ids: ScheduleRuleId[]): string[] {
  return scheduleOf(child, only(...ids), d(asAt)).map((i) => `${i.ruleId}#${i.occurrence} ${i.due.toString()} ${i.status}${i.plan ? ` planned ${i.plan.eventId}, the rule's ${i.plan.ruleDue.toString()}` : ''}`);
}

describe('what is due, with the child’s own planned dates', () => {
  it('uses the planned date of a review in place of the rule’s, and says so', () => {
    const child = withPlans(plan('lac_review', '2021-04-12', 'E7'));
    expect(lines(child, '2021-03-30', 'review-3-months')).toEqual(["review-3-months#1 2021-04-12 due planned E7, the rule's 2021-04-04"]);
    const [item] = scheduleOf(child, only('review-3-months'), d('2021-03-30'));
    expect([item?.daysToDue, item ? dueWords(item) : null]).toEqual([13, 'planned, due in 13 days']);
  });

  it('keeps an item planned after its rule’s date due, not overdue, until the planned day has passed', () => {
    const child = withPlans(plan('lac_review', '2021-04-12', 'E7'));
    expect(lines(child, '2021-04-08', 'review-3-months')).toEqual(["review-3-months#1 2021-04-12 due planned E7, the rule's 2021-04-04"]);
    expect(lines(child, '2021-04-14', 'review-3-months')).toEqual(["review-3-months#1 2021-04-12 overdue planned E7, the rule's 2021-04-04"]);
    expect(scheduleOf(child, only('review-3-months'), d('2021-04-14')).map(dueWords)).toEqual(['planned, overdue by 2 days']);
  });

  it('counts nothing as planned from a cancelled event, and the rule’s date stands', () => {
    expect(lines(withPlans(plan('lac_review', '2021-04-12', 'E7', 'cancelled')), '2021-03-30', 'review-3-months')).toEqual(['review-3-months#1 2021-04-04 due']);
  });

  it('leaves a met item alone: the held event meets it, whatever was planned', () => {
    const child: ChildRecord = { ...withPlans(plan('lac_review', '2021-05-20', 'E7')), events: [event('lac_review', '2021-04-01', null, { id: 'R1' })] };
    expect(scheduleOf(child, only('review-3-months'), d('2021-04-20')).map((i) => [i.status, i.metBy?.eventId, i.plan])).toEqual([['met', 'R1', undefined]]);
  });

  it('gives each plan to one occurrence only: the next 6-monthly review keeps its rule’s date', () => {
    const child = withPlans(plan('lac_review', '2021-07-10', 'E8'));
    expect(lines(child, '2021-06-30', 'reviews-6-monthly')).toEqual(["reviews-6-monthly#1 2021-07-10 due planned E8, the rule's 2021-07-04"]);
    // Planned for 10 July and never held: overdue from its planned day, until the next falls due.
    expect(lines(child, '2022-01-03', 'reviews-6-monthly')).toEqual(["reviews-6-monthly#1 2021-07-10 overdue planned E8, the rule's 2021-07-04", 'reviews-6-monthly#2 2022-01-04 due']);
    expect(lines(child, '2022-01-05', 'reviews-6-monthly')).toEqual(['reviews-6-monthly#1 2021-07-04 missed', 'reviews-6-monthly#2 2022-01-04 overdue', 'reviews-6-monthly#3 2022-07-04 due']);
  });

  it('ignores a plan of another type, or from before the journey started', () => {
    const child = withPlans(plan('early_review', '2021-04-12', 'E7'), plan('lac_review', '2020-12-01', 'E6'));
    expect(lines(child, '2021-03-30', 'review-3-months')).toEqual(['review-3-months#1 2021-04-04 due']);
  });

  it('says “planned for” in the digest, with the schedule’s date beside it', () => {
    const planned: ChildRecord = { ...withPlans(plan('lac_review', '2021-04-12', 'E7')), child: { ...withPlans().child, worker: 'Ann' } };
    const due = childrenDue([planned], only('review-3-months'), d('2021-04-01'), 14);
    const digest = planDigests(due, [{ kind: 'worker', name: 'Ann', email: 'ann@example.org' }], { authorityName: 'North Council', asAt: d('2021-04-01'), windowDays: 14, linkFor: () => null });
    expect(digest.messages[0]?.text.split('\n')).toContain("- C1: Looked after review at 3 months, planned for 12 April 2021 (due in 11 days; the schedule's date 4 April 2021)");
  });
});
