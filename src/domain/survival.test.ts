import { describe, expect, it } from 'vitest';
import { d, event, placement } from '../../test/builders.js';
import { nationalAims, type Aim } from './aim.js';
import { aimSurvival } from './aim-survival.js';
import { quartiles } from './quantile.js';
import { stageView } from './stages.js';
import { kaplanMeier } from './survival.js';
import type { ChildRecord } from './records.js';

describe('Kaplan–Meier', () => {
  it('steps down at each ending and carries censored journeys until they leave', () => {
    // Days 1, 2 (still waiting), 3, 3, 4 (still waiting), 5: S = 5/6, then 5/6 × 2/4, then 0.
    const curve = kaplanMeier([
      { days: 1, ended: true },
      { days: 2, ended: false },
      { days: 3, ended: true },
      { days: 3, ended: true },
      { days: 4, ended: false },
      { days: 5, ended: true },
    ]);
    expect(curve.steps.map((s) => [s.days, Number(s.stillWaiting.toFixed(5)), s.atRisk, s.ended, s.censored])).toEqual([
      [0, 1, 6, 0, 0],
      [1, 0.83333, 6, 1, 0],
      [2, 0.83333, 5, 0, 1],
      [3, 0.41667, 4, 2, 0],
      [4, 0.41667, 2, 0, 1],
      [5, 0, 1, 1, 0],
    ]);
    expect([curve.n, curve.ended, curve.censored, curve.medianDays]).toEqual([6, 4, 2, 3]);
  });

  it('has no median while more than half are still waiting', () => {
    expect(kaplanMeier([{ days: 10, ended: true }, { days: 20, ended: false }, { days: 30, ended: false }]).medianDays).toBeNull();
  });
});

function child(id: string, placements: ChildRecord['placements'], events: ChildRecord['events']): ChildRecord {
  return {
    child: { childId: id, firstName: null, lastName: null, dateOfBirth: d('2015-01-01'), sex: null, siblingGroup: null, worker: null, team: null, locality: null },
    placements: placements.map((p) => ({ ...p, childId: id })),
    events: events.map((e) => ({ ...e, childId: id })),
  };
}

describe('an aim’s survival view', () => {
  it('splits journeys at the programme start and censors those still waiting', () => {
    const records = [
      child('A', [placement('2018-01-01', null, 'foster')], [event('permanence_recommendation', '2018-03-01', 'adoption')]),
      child('B', [placement('2018-06-01', null, 'foster')], []),
      child('C', [placement('2019-02-01', null, 'foster')], [event('permanence_recommendation', '2019-03-01', 'adoption')]),
    ];
    const view = aimSurvival(nationalAims()[1] as Aim, records, d('2019-06-01'), d('2019-01-01'));
    expect([view.before.n, view.before.ended, view.before.censored, view.before.medianDays]).toEqual([2, 1, 1, 59]);
    expect([view.after?.n, view.after?.ended, view.after?.medianDays]).toEqual([1, 1, 28]);
  });
});

describe('the stage view', () => {
  it('gives the quartiles of days between consecutive milestones, by linear interpolation', () => {
    expect(quartiles([4, 1, 3, 2])).toEqual({ q1: 1.75, median: 2.5, q3: 3.25 });
  });

  it('counts a stage only for journeys that reached both milestones in order', () => {
    const records = [
      child('A', [placement('2020-01-01', null, 'foster')], [
        event('planning_meeting_72h', '2020-01-03'),
        event('lac_review', '2020-02-12'),
        event('permanence_recommendation', '2020-06-01', 'adoption'),
        event('adm_decision', '2020-09-01', 'adoption'),
      ]),
      child('B', [placement('2020-01-01', null, 'foster')], [event('planning_meeting_72h', '2020-01-05'), event('early_review', '2020-01-22'), event('lac_review', '2020-02-12')]),
      // C's ADM decision is recorded before its recommendation: that stage is not counted.
      child('C', [placement('2020-01-01', null, 'foster')], [event('permanence_recommendation', '2020-05-01', 'poa'), event('adm_decision', '2020-04-20', 'poa')]),
    ];
    const stages = stageView(records, d('2021-01-01'));
    expect(stages.map((s) => [s.from, s.to, s.n, s.days?.median ?? null])).toEqual([
      ['accommodated', 'planning_meeting_72h', 2, 3],
      ['planning_meeting_72h', 'first_review', 2, 28.5],
      ['first_review', 'permanence_recommendation', 1, 110],
      ['permanence_recommendation', 'permanence_panel', 0, null],
      ['permanence_panel', 'adm_decision', 0, null],
      ['adm_decision', 'court_application_lodged', 0, null],
      ['court_application_lodged', 'order_granted', 0, null],
    ]);
  });
});
