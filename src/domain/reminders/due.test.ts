import { describe, expect, it } from 'vitest';
import { d, event, placement, record } from '../../../test/builders.js';
import { nationalAims, type Aim } from '../aim.js';
import type { ChildRecord } from '../records.js';
import { weeks } from '../timescale.js';
import { dueWords, scheduleOf } from './due.js';
import { interval } from './interval.js';
import { defaultScheduleRules, resolveSchedule, type ScheduleRule, type ScheduleRuleId } from './schedule.js';

const defaults = resolveSchedule(defaultScheduleRules(), nationalAims());

/** Each occurrence as "rule#n due status[ by event]". */
function lines(child: ChildRecord, asAt: string, schedule = defaults): string[] {
  return scheduleOf(child, schedule, d(asAt)).map((i) => `${i.ruleId}#${i.occurrence} ${i.due.toString()} ${i.status}${i.metBy ? ` by ${i.metBy.eventId}` : ''}`);
}

function only(...ids: ScheduleRuleId[]) {
  return resolveSchedule(
    defaultScheduleRules().filter((r) => ids.includes(r.id)),
    nationalAims(),
  );
}

function dueOf(child: ChildRecord, asAt: string, id: ScheduleRuleId): string[] {
  return scheduleOf(child, only(id), d(asAt)).map((i) => i.due.toString());
}

const accommodated = (start: string, end: string | null = null) => placement(start, end, 'foster', { id: 'P1' });

describe("each rule's due date", () => {
  const child = record([accommodated('2021-01-04')]);

  it('counts the 72-hour meeting, early review and 6-week review in days from accommodation', () => {
    expect(dueOf(child, '2021-01-04', 'planning-meeting')).toEqual(['2021-01-07']);
    expect(dueOf(child, '2021-01-04', 'early-review')).toEqual(['2021-01-18']);
    expect(dueOf(child, '2021-01-04', 'review-6-weeks')).toEqual(['2021-02-15']);
  });

  it('counts the 3-month and 6-monthly reviews in calendar months', () => {
    expect(dueOf(child, '2021-01-04', 'review-3-months')).toEqual(['2021-04-04']);
    // As at 2022-01-10 the 6- and 12-month reviews have fallen due; the 18-month one is next.
    expect(dueOf(child, '2022-01-10', 'reviews-6-monthly')).toEqual(['2021-07-04', '2022-01-04', '2022-07-04']);
  });

  it("takes the permanence recommendation's timescale from the authority's aim 2", () => {
    expect(dueOf(child, '2021-01-04', 'permanence-recommendation')).toEqual(['2021-07-05']);
    const aims: Aim[] = nationalAims().map((aim) => (aim.nationalAim === 2 ? { ...aim, timescale: weeks(36) } : aim));
    const schedule = resolveSchedule(defaultScheduleRules().filter((r) => r.id === 'permanence-recommendation'), aims);
    expect(scheduleOf(child, schedule, d('2021-01-04')).map((i) => i.due.toString())).toEqual(['2021-09-13']);
    expect(schedule[0]?.words).toBe('36 weeks (the timescale of Aim 2: permanence recommendation) after the day the child became looked after and accommodated');
  });

  it('counts the ADM decision 14 weeks from a recommendation away from home, and the application 3 weeks from the decision', () => {
    const recommended = record([accommodated('2021-01-04')], [event('permanence_recommendation', '2021-05-03', 'adoption', { id: 'R1' }), event('adm_decision', '2021-08-02', 'adoption', { id: 'A1' })]);
    expect(dueOf(recommended, '2021-08-02', 'adm-decision')).toEqual(['2021-08-09']);
    expect(dueOf(recommended, '2021-08-02', 'court-application')).toEqual(['2021-08-23']);
  });

  it('sets no ADM decision for a recommendation to return home, nor an application for a decision that needs no court', () => {
    const home = record([accommodated('2021-01-04')], [event('permanence_recommendation', '2021-05-03', 'home'), event('adm_decision', '2021-06-01', 'home')]);
    expect(dueOf(home, '2021-08-02', 'adm-decision')).toEqual([]);
    expect(dueOf(home, '2021-08-02', 'court-application')).toEqual([]);
  });

  it('counts the reviews of a child looked after at home on a CSO at 18 and 24 months', () => {
    const atHome = record([placement('2019-08-31', null, 'home', { legalBasis: 'CSO' })]);
    expect(dueOf(atHome, '2019-09-01', 'home-review-18-months')).toEqual(['2021-02-28']);
    expect(dueOf(atHome, '2019-09-01', 'home-review-24-months')).toEqual(['2021-08-31']);
  });

  it('sets no home reviews for a child at home without a CSO', () => {
    const voluntary = record([placement('2019-08-31', null, 'home', { legalBasis: 'S25' })]);
    expect(lines(voluntary, '2021-09-01')).toEqual([]);
  });
});

describe('month ends and leap days', () => {
  it('makes 3 months after 31 August 30 November', () => {
    expect(dueOf(record([accommodated('2020-08-31')]), '2020-09-01', 'review-3-months')).toEqual(['2020-11-30']);
  });

  it('counts each 6 months from the day of accommodation, so a clamped February does not pull later reviews back', () => {
    // 6 months after 31 August 2020 is 28 February 2021; 12 months is 31 August 2021, not 28 August.
    expect(dueOf(record([accommodated('2020-08-31')]), '2021-09-01', 'reviews-6-monthly')).toEqual(['2021-02-28', '2021-08-31', '2022-02-28']);
  });

  it('makes 6 months after 31 August 2019 the leap day, 29 February 2020', () => {
    expect(dueOf(record([accommodated('2019-08-31')]), '2020-03-01', 'reviews-6-monthly')).toEqual(['2020-02-29', '2020-08-31']);
  });

  it('makes 6 months after 29 February 29 August, and 12 months 28 February of the next year', () => {
    expect(dueOf(record([accommodated('2020-02-29')]), '2021-03-01', 'reviews-6-monthly')).toEqual(['2020-08-29', '2021-02-28', '2021-08-29']);
    expect(dueOf(record([accommodated('2020-02-29')]), '2020-03-01', 'review-3-months')).toEqual(['2020-05-29']);
  });

  it('counts a 72-hour meeting across the end of February in a leap year', () => {
    expect(dueOf(record([accommodated('2020-02-27')]), '2020-02-27', 'planning-meeting')).toEqual(['2020-03-01']);
  });
});

describe('when a rule is met', () => {
  it('is met by a matching event on or before the due date', () => {
    const child = record([accommodated('2021-01-04')], [event('planning_meeting_72h', '2021-01-07', null, { id: 'M1' })]);
    expect(lines(child, '2021-01-10', only('planning-meeting'))).toEqual(['planning-meeting#1 2021-01-07 met by M1']);
  });

  it('is met late by an event after the due date but before the next meeting falls due', () => {
    // The early review falls due on 18 January: a 72-hour meeting on the 12th is late but still counts.
    const child = record([accommodated('2021-01-04')], [event('planning_meeting_72h', '2021-01-12', null, { id: 'M1' })]);
    expect(lines(child, '2021-01-14', only('planning-meeting', 'early-review'))).toEqual(['planning-meeting#1 2021-01-07 met-late by M1', 'early-review#1 2021-01-18 due']);
  });

  it('is overdue past its due date until the next meeting falls due, then missed for good', () => {
    const child = record([accommodated('2021-01-04')]);
    const schedule = only('planning-meeting', 'early-review');
    expect(lines(child, '2021-01-08', schedule)).toEqual(['planning-meeting#1 2021-01-07 overdue', 'early-review#1 2021-01-18 due']);
    expect(lines(child, '2021-01-18', schedule)).toEqual(['planning-meeting#1 2021-01-07 missed', 'early-review#1 2021-01-18 due']);
  });

  it('is not met retroactively by an event after the next meeting fell due', () => {
    const child = record([accommodated('2021-01-04')], [event('planning_meeting_72h', '2021-01-20', null, { id: 'M1' })]);
    expect(lines(child, '2021-01-25', only('planning-meeting', 'early-review'))).toEqual(['planning-meeting#1 2021-01-07 missed', 'early-review#1 2021-01-18 overdue']);
  });

  it('gives a late review to the review it was late for, and leaves the next one still to be held', () => {
    // 6-week review due 15 February, 3-month review due 4 April: a review on 8 March meets the first, late.
    const child = record([accommodated('2021-01-04')], [event('lac_review', '2021-03-08', null, { id: 'L1' })]);
    const schedule = only('review-6-weeks', 'review-3-months', 'reviews-6-monthly');
    expect(lines(child, '2021-04-12', schedule)).toEqual(['review-6-weeks#1 2021-02-15 met-late by L1', 'review-3-months#1 2021-04-04 overdue', 'reviews-6-monthly#1 2021-07-04 due']);
  });

  it('counts a review held after the next one fell due for the next one, never for the earlier one', () => {
    // No review by 4 April (the 3-month review's due date): the 6-week review is missed; a review on 20 April meets the 3-month one, late.
    const child = record([accommodated('2021-01-04')], [event('lac_review', '2021-04-20', null, { id: 'L1' })]);
    const schedule = only('review-6-weeks', 'review-3-months', 'reviews-6-monthly');
    expect(lines(child, '2021-05-01', schedule)).toEqual(['review-6-weeks#1 2021-02-15 missed', 'review-3-months#1 2021-04-04 met-late by L1', 'reviews-6-monthly#1 2021-07-04 due']);
  });

  it('lets one event meet one occurrence only, and a second review held before the first was due meets nothing', () => {
    const child = record([accommodated('2021-01-04')], [event('lac_review', '2021-02-01', null, { id: 'L1' }), event('lac_review', '2021-02-10', null, { id: 'L2' })]);
    expect(lines(child, '2021-04-12', only('review-6-weeks', 'review-3-months'))).toEqual(['review-6-weeks#1 2021-02-15 met by L1', 'review-3-months#1 2021-04-04 overdue']);
  });

  it('counts a review held early, after the previous one fell due, for the next one', () => {
    const child = record([accommodated('2021-01-04')], [event('lac_review', '2021-02-15', null, { id: 'L1' }), event('lac_review', '2021-03-20', null, { id: 'L2' })]);
    expect(lines(child, '2021-03-25', only('review-6-weeks', 'review-3-months', 'reviews-6-monthly'))).toEqual([
      'review-6-weeks#1 2021-02-15 met by L1',
      'review-3-months#1 2021-04-04 met by L2',
      'reviews-6-monthly#1 2021-07-04 due',
    ]);
  });

  it('keeps only the latest 6-monthly review overdue; earlier unmet ones are missed', () => {
    const child = record([accommodated('2020-01-06')]);
    expect(lines(child, '2021-02-01', only('reviews-6-monthly'))).toEqual(['reviews-6-monthly#1 2020-07-06 missed', 'reviews-6-monthly#2 2021-01-06 overdue', 'reviews-6-monthly#3 2021-07-06 due']);
  });

  it('keeps a milestone overdue until it is reached, then met late', () => {
    const waiting = record([accommodated('2020-01-06')]);
    expect(lines(waiting, '2021-06-01', only('permanence-recommendation'))).toEqual(['permanence-recommendation#1 2020-07-06 overdue']);
    const reached = record([accommodated('2020-01-06')], [event('permanence_recommendation', '2020-09-01', 'adoption', { id: 'R1' })]);
    expect(lines(reached, '2021-06-01', only('permanence-recommendation'))).toEqual(['permanence-recommendation#1 2020-07-06 met-late by R1']);
  });

  it('ignores events dated after as-at and events before the journey started', () => {
    const child = record([accommodated('2021-01-04')], [event('planning_meeting_72h', '2021-01-03', null, { id: 'M0' }), event('planning_meeting_72h', '2021-01-06', null, { id: 'M1' })]);
    expect(lines(child, '2021-01-05', only('planning-meeting'))).toEqual(['planning-meeting#1 2021-01-07 due']);
  });

  it('lists a rule met early and then its next occurrence', () => {
    const child = record([accommodated('2021-01-04')], [event('lac_review', '2021-06-28', null, { id: 'L1' })]);
    expect(lines(child, '2021-06-30', only('reviews-6-monthly'))).toEqual(['reviews-6-monthly#1 2021-07-04 met by L1', 'reviews-6-monthly#2 2022-01-04 due']);
  });
});

describe('when a journey ends', () => {
  it('drops what would fall due after the child left accommodation, and marks what was unmet as missed', () => {
    const child = record([accommodated('2021-01-04', '2021-02-01'), placement('2021-02-02', null, 'home', { id: 'P2' })]);
    expect(lines(child, '2021-06-01', only('planning-meeting', 'early-review', 'review-6-weeks', 'permanence-recommendation'))).toEqual([
      'planning-meeting#1 2021-01-07 missed',
      'early-review#1 2021-01-18 missed',
    ]);
  });

  it('starts the schedule again for a second accommodation', () => {
    const child = record([accommodated('2020-01-06', '2020-03-01'), placement('2020-03-02', '2021-01-31', 'home', { id: 'P2' }), placement('2021-02-01', null, 'kinship', { id: 'P3' })]);
    expect(lines(child, '2021-02-02', only('planning-meeting'))).toEqual(['planning-meeting#1 2020-01-09 missed', 'planning-meeting#1 2021-02-04 due']);
  });

  it('ends the wait for an ADM decision when a new recommendation replaces the old one', () => {
    const child = record(
      [accommodated('2020-01-06')],
      [event('permanence_recommendation', '2020-06-01', 'adoption', { id: 'R1' }), event('permanence_recommendation', '2020-11-02', 'permanence_order', { id: 'R2' })],
    );
    expect(lines(child, '2021-03-01', only('adm-decision'))).toEqual(['adm-decision#1 2020-09-07 missed', 'adm-decision#1 2021-02-08 overdue']);
  });
});

describe('the schedule an authority changes', () => {
  it('leaves out a rule switched off', () => {
    const rules: ScheduleRule[] = defaultScheduleRules().map((r) => (r.id === 'early-review' ? { ...r, enabled: false } : r));
    const child = record([accommodated('2021-01-04')]);
    expect(lines(child, '2021-01-04', resolveSchedule(rules, nationalAims()))).toEqual([
      'planning-meeting#1 2021-01-07 due',
      'review-6-weeks#1 2021-02-15 due',
      'review-3-months#1 2021-04-04 due',
      'reviews-6-monthly#1 2021-07-04 due',
      'permanence-recommendation#1 2021-07-05 due',
    ]);
  });

  it('holds the early review at 4 weeks when the authority chooses, and lets the 72-hour meeting be met until then', () => {
    const rules = defaultScheduleRules().map((r) => (r.id === 'early-review' ? { ...r, after: interval(4, 'weeks') } : r)).filter((r) => r.id === 'planning-meeting' || r.id === 'early-review');
    const child = record([accommodated('2021-01-04')], [event('planning_meeting_72h', '2021-01-25', null, { id: 'M1' })]);
    expect(lines(child, '2021-01-26', resolveSchedule(rules, nationalAims()))).toEqual(['planning-meeting#1 2021-01-07 met-late by M1', 'early-review#1 2021-02-01 due']);
  });

  it('names each rule in plain English with its timescale', () => {
    expect(defaults.map((r) => `${r.rule.name}: ${r.words}`)).toEqual([
      '72-hour planning meeting: 3 days after the day the child became looked after and accommodated',
      'Early review: 2 weeks after the day the child became looked after and accommodated',
      'Looked after review at 6 weeks: 6 weeks after the day the child became looked after and accommodated',
      'Looked after review at 3 months: 3 months after the day the child became looked after and accommodated',
      'Looked after review every 6 months: 6 months after the day the child became looked after and accommodated, then every 6 months',
      'Permanence recommendation: 26 weeks (the timescale of Aim 2: permanence recommendation) after the day the child became looked after and accommodated',
      'Agency decision maker decision: 14 weeks after the day of a permanence recommendation for a route away from home',
      "Application lodged at court: 3 weeks after the day of the agency decision maker's decision for a route that needs a court order",
      'Review of the time at home at 18 months: 18 months after the day the child became looked after at home on a compulsory supervision order',
      'Review of the time at home at 24 months: 24 months after the day the child became looked after at home on a compulsory supervision order',
    ]);
  });
});

describe('words for what is due', () => {
  it('says how overdue or how soon', () => {
    const child = record([accommodated('2021-01-04')]);
    const words = (asAt: string) => scheduleOf(child, only('planning-meeting'), d(asAt)).map(dueWords);
    expect([words('2021-01-04'), words('2021-01-06'), words('2021-01-07'), words('2021-01-08')]).toEqual([['due in 3 days'], ['due in 1 day'], ['due today'], ['overdue by 1 day']]);
  });
});
