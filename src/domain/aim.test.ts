import { describe, expect, it } from 'vitest';
import { d, event, placement } from '../../test/builders.js';
import type { Aim } from './aim.js';
import { findAim, nationalAims } from './aim.js';
import { aimFigures } from './aim-figures.js';
import { aimSentence } from './aim-sentence.js';
import type { ChildRecord } from './records.js';
import { months, weeks } from './timescale.js';

function childWith(id: string, placements: ChildRecord['placements'], events: ChildRecord['events'] = [], dob = '2016-01-01'): ChildRecord {
  return {
    child: { childId: id, firstName: null, lastName: null, dateOfBirth: d(dob), sex: null, siblingGroup: null, worker: null, team: null, locality: null },
    placements: placements.map((p) => ({ ...p, childId: id })),
    events: events.map((e) => ({ ...e, childId: id })),
  };
}

// Hand-computed (days between the dates, weeks = days ÷ 7):
// A 2020-01-06 → 2020-07-06 182 days, in time | B 2020-02-03 → 2020-08-04 183 days, late
// C 2020-03-02 → none, 305 days at 2021-01-01, overdue | D 2020-09-01 → none, 122 days, waiting
// E 2019-06-01 → 2019-10-01, before the from-date | F 2020-04-01 → 2020-05-13 42 days, in time
// G kinship 2020-05-01 → 2020-12-31 244 days, late | H looked after at home only: no journey
const records: ChildRecord[] = [
  childWith('A', [placement('2020-01-06', null, 'foster')], [event('permanence_recommendation', '2020-07-06', 'adoption')]),
  childWith('B', [placement('2020-02-03', null, 'foster')], [event('permanence_recommendation', '2020-08-04', 'permanence_order')]),
  childWith('C', [placement('2020-03-02', null, 'residential')]),
  childWith('D', [placement('2020-09-01', null, 'foster')], [], '2008-03-01'),
  childWith('E', [placement('2019-06-01', null, 'foster')], [event('permanence_recommendation', '2019-10-01', 'adoption')]),
  childWith('F', [placement('2020-04-01', null, 'foster')], [event('permanence_recommendation', '2020-05-13', 'home')]),
  childWith('G', [placement('2020-05-01', null, 'kinship')], [event('permanence_recommendation', '2020-12-31', 'kinship_order')]),
  childWith('H', [placement('2020-01-01', null, 'home', { legalBasis: 'CSO' })]),
];

const aim2: Aim = { ...(nationalAims()[1] as Aim), fromDate: d('2020-01-01'), byDate: d('2021-03-31'), targetPercent: 70 };

describe('figures for an aim', () => {
  const figures = aimFigures(aim2, records, d('2021-01-01'));

  it('lists every journey in the cohort with its status', () => {
    expect(figures.journeys.map((j) => [j.journey.childId, j.status, j.days])).toEqual([
      ['A', 'in_time', 182],
      ['B', 'late', 183],
      ['C', 'overdue', 305],
      ['D', 'waiting', 122],
      ['F', 'in_time', 42],
      ['G', 'late', 244],
    ]);
  });

  it('counts every status, and takes the percentage over in time, late, overdue and left late', () => {
    expect(figures.counts).toEqual({ in_time: 2, late: 2, overdue: 1, waiting: 1, left_late: 0, left_early: 0 });
    expect(figures.n).toBe(5);
    expect(figures.percentage).toBe(40);
  });

  it('takes the median weeks of completed journeys only', () => {
    // 6, 26, 26.142857…, 34.857…: the mean of the middle two.
    expect(figures.medianWeeks).toBeCloseTo((26 + 183 / 7) / 2, 10);
  });

  it('counts who is still waiting and the longest wait', () => {
    expect(figures.stillWaiting).toBe(2);
    expect(figures.longestWaitWeeks).toBeCloseTo(305 / 7, 10);
  });

  it('lets a from-date override widen the cohort', () => {
    const wider = aimFigures(aim2, records, d('2021-01-01'), { fromDate: null });
    expect(wider.counts).toEqual({ in_time: 3, late: 2, overdue: 1, waiting: 1, left_late: 0, left_early: 0 });
    expect(wider.percentage).toBeCloseTo(50, 10);
  });

  it('gives no percentage when nobody counts yet', () => {
    const early = aimFigures(aim2, records, d('2020-01-10'));
    expect(early.counts).toEqual({ in_time: 0, late: 0, overdue: 0, waiting: 1, left_late: 0, left_early: 0 });
    expect(early.percentage).toBeNull();
    expect(early.medianWeeks).toBeNull();
  });

  it("applies the filters: placement type and age at the start, the journey's own route", () => {
    const fosterOnly = aimFigures({ ...aim2, filters: { placementTypes: ['foster'] } }, records, d('2021-01-01'));
    expect(fosterOnly.journeys.map((j) => j.journey.childId)).toEqual(['A', 'B', 'D', 'F']);
    const olderChildren = aimFigures({ ...aim2, filters: { minAge: 10 } }, records, d('2021-01-01'));
    expect(olderChildren.journeys.map((j) => j.journey.childId)).toEqual(['D']);
    // Routes: A adoption, B permanence order, F home and G kinship order (each its recommendation's);
    // C and D have no plan recorded: undecided.
    const adoption = aimFigures({ ...aim2, filters: { routes: ['adoption'] } }, records, d('2021-01-01'));
    expect(adoption.journeys.map((j) => j.journey.childId)).toEqual(['A']);
    const notKinshipOrHome = aimFigures({ ...aim2, filters: { routesNot: ['kinship_order', 'home'] } }, records, d('2021-01-01'));
    expect(notKinshipOrHome.journeys.map((j) => [j.journey.childId, j.journey.route])).toEqual([
      ['A', 'adoption'],
      ['B', 'permanence_order'],
      ['C', 'undecided'],
      ['D', 'undecided'],
    ]);
    const notFoster = aimFigures({ ...aim2, filters: { placementTypesNot: ['foster'] } }, records, d('2021-01-01'));
    expect(notFoster.journeys.map((j) => j.journey.childId)).toEqual(['C', 'G']);
  });

  it('measures the backlog: journeys started before a date and not yet complete on it', () => {
    const withBacklog: Aim = { ...aim2, backlog: { byDate: d('2020-10-31'), startedBefore: d('2020-04-01') } };
    // Started before 2020-04-01 and without an end on that day: A, B, C (E ended in 2019).
    expect(aimFigures(withBacklog, records, d('2021-01-01')).backlog).toEqual({ byDate: d('2020-10-31'), startedBefore: d('2020-04-01'), total: 3, complete: 2, left: 0, stillWaiting: 1 });
  });
});

describe('the aim in words', () => {
  it('reads as the programme wrote its aims', () => {
    const aim: Aim = { ...aim2, byDate: d('2019-01-31'), targetPercent: 70, fromDate: d('2018-07-02') };
    expect(aimSentence(aim)).toBe(
      'By 31 January 2019, 70% of children who become looked after and accommodated on or after 2 July 2018 will have a permanence recommendation within 26 weeks of becoming looked after and accommodated.',
    );
  });

  it('leaves out what the aim does not set, and names its filters and backlog', () => {
    const [aim1] = nationalAims();
    expect(aimSentence(aim1 as Aim)).toBe('All children looked after at home on a Compulsory Supervision Order will have a review of their whole period at home within 24 months of becoming looked after at home.');
    const filtered: Aim = { ...(nationalAims()[2] as Aim), targetPercent: 80, timescale: weeks(12), filters: { placementTypes: ['foster', 'residential'], maxAge: 11 }, backlog: { byDate: d('2017-10-31'), startedBefore: d('2017-04-01') } };
    expect(aimSentence(filtered)).toBe(
      '80% of children with a recommendation for permanence away from home (placed in foster care or residential care at the start; aged 11 or under at the start) will have an Agency Decision Maker decision within 12 weeks of the recommendation. By 31 October 2017, all children recommended for permanence before 1 April 2017 will have an Agency Decision Maker decision.',
    );
  });
});

describe('the national aims', () => {
  it('start with their default timescales and no from-date', () => {
    expect(nationalAims().map((a) => [a.id, a.nationalAim, a.kind, a.timescale, a.fromDate])).toEqual([
      ['aim-1', 1, 'at-home', months(24), null],
      ['aim-2', 2, 'accommodation', weeks(26), null],
      ['aim-3', 3, 'recommendation', weeks(14), null],
      ['aim-4', 4, 'adm', weeks(3), null],
    ]);
  });
});

describe('finding an aim a reader names', () => {
  it('finds it by id or by national aim number, and finds nothing for a name it does not have', () => {
    const aims = [...nationalAims(), { ...(nationalAims()[1] as Aim), id: 'local', nationalAim: null }];
    expect(['aim-3', '3', 'local', 'null', '5', ''].map((ref) => findAim(aims, ref)?.id ?? null)).toEqual(['aim-3', 'aim-3', 'local', null, null, null]);
  });
});
