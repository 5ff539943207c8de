import { describe, expect, it } from 'vitest';
import { d, event, placement, record } from '../../test/builders.js';
import { journeysOf, journeysOfKind, type Journey } from './journey.js';

const asAt = d('2024-01-01');

function spans(journeys: readonly Journey[]) {
  return journeys.map((j) => `${j.start.toString()}→${j.end?.toString() ?? '…'}`);
}

describe('accommodation journeys (aim 2)', () => {
  it('joins placements when the second starts on the day the first ends', () => {
    const child = record([placement('2020-01-10', '2020-03-01', 'foster'), placement('2020-03-01', null, 'residential')]);
    expect(spans(journeysOfKind(child, 'accommodation', asAt))).toEqual(['2020-01-10→…']);
  });

  it('joins placements when the second starts the day after the first ends', () => {
    const child = record([placement('2020-01-10', '2020-03-01', 'foster'), placement('2020-03-02', null, 'kinship')]);
    expect(spans(journeysOfKind(child, 'accommodation', asAt))).toEqual(['2020-01-10→…']);
  });

  it('starts a new journey after a gap of two days', () => {
    const child = record([placement('2020-01-10', '2020-03-01', 'foster'), placement('2020-03-03', null, 'foster')]);
    expect(spans(journeysOfKind(child, 'accommodation', asAt))).toEqual(['2020-01-10→…', '2020-03-03→…']);
  });

  it('counts a child accommodated, home, then accommodated again as two journeys', () => {
    const child = record([
      placement('2019-01-01', '2019-06-30', 'foster'),
      placement('2019-07-01', '2019-12-31', 'home', { legalBasis: 'CSO' }),
      placement('2020-01-01', null, 'kinship'),
    ]);
    const journeys = journeysOfKind(child, 'accommodation', asAt);
    expect(spans(journeys)).toEqual(['2019-01-01→…', '2020-01-01→…']);
    expect(journeys.map((j) => j.placementTypeAtStart)).toEqual(['foster', 'kinship']);
  });

  it('ends on a recommendation made on the start day', () => {
    const child = record([placement('2020-05-04', null, 'foster')], [event('permanence_recommendation', '2020-05-04', 'adoption')]);
    expect(spans(journeysOfKind(child, 'accommodation', asAt))).toEqual(['2020-05-04→2020-05-04']);
  });

  it('ends on the first recommendation, including a return home, and ignores one before it started', () => {
    const child = record(
      [placement('2020-02-01', null, 'foster')],
      [
        event('permanence_recommendation', '2020-01-15', 'adoption'),
        event('permanence_recommendation', '2020-08-20', 'home'),
        event('permanence_recommendation', '2020-09-20', 'adoption'),
      ],
    );
    expect(spans(journeysOfKind(child, 'accommodation', asAt))).toEqual(['2020-02-01→2020-08-20']);
  });

  it('does not let a recommendation end an earlier journey once the next journey has started', () => {
    const child = record(
      [placement('2019-01-01', '2019-03-31', 'foster'), placement('2019-04-01', '2019-09-30', 'home'), placement('2019-10-01', null, 'foster')],
      [event('permanence_recommendation', '2019-11-01', 'permanence_order')],
    );
    expect(spans(journeysOfKind(child, 'accommodation', asAt))).toEqual(['2019-01-01→…', '2019-10-01→2019-11-01']);
  });

  it('ignores placements and events dated after the as-at date, and reopens a placement ending after it', () => {
    const child = record(
      [placement('2020-01-01', '2020-06-30', 'foster'), placement('2020-09-01', null, 'foster')],
      [event('permanence_recommendation', '2020-05-01', 'adoption')],
    );
    const journeys = journeysOfKind(child, 'accommodation', d('2020-04-30'));
    expect(spans(journeys)).toEqual(['2020-01-01→…']);
  });

  it('treats overlapping placements as one continuous period away from home', () => {
    const child = record([placement('2020-01-01', '2020-05-31', 'foster'), placement('2020-04-01', '2020-04-30', 'residential'), placement('2020-06-01', null, 'foster')]);
    expect(spans(journeysOfKind(child, 'accommodation', asAt))).toEqual(['2020-01-01→…']);
  });

  it('knows the age in whole years at the start, and the sibling group', () => {
    const child = record([placement('2020-06-14', null, 'foster')], [], { dateOfBirth: d('2015-06-15'), siblingGroup: 'S7' });
    const [journey] = journeysOfKind(child, 'accommodation', asAt);
    expect(journey?.ageAtStart).toBe(4);
    expect(journey?.siblingGroup).toBe('S7');
  });

  it('counts a 29 February birthday as reached on 1 March in a year without one', () => {
    const born = { dateOfBirth: d('2012-02-29') };
    const onFeb28 = journeysOfKind(record([placement('2013-02-28', null, 'foster')], [], born), 'accommodation', asAt);
    const onMar1 = journeysOfKind(record([placement('2013-03-01', null, 'foster')], [], born), 'accommodation', asAt);
    expect([onFeb28[0]?.ageAtStart, onMar1[0]?.ageAtStart]).toEqual([0, 1]);
  });

  it('takes its route from the recommendation that ended it, and keeps it when a later plan is made', () => {
    const child = record(
      [placement('2020-01-01', null, 'foster')],
      [event('care_plan', '2020-02-01', 'home'), event('permanence_recommendation', '2020-06-01', 'adoption'), event('care_plan', '2021-01-01', 'kinship_order')],
    );
    expect(journeysOfKind(child, 'accommodation', d('2020-05-31'))[0]?.route).toBe('home');
    expect(journeysOfKind(child, 'accommodation', d('2020-12-31'))[0]?.route).toBe('adoption');
    expect(journeysOfKind(child, 'accommodation', d('2021-01-01'))[0]?.route).toBe('adoption');
  });
});

describe('recommendation journeys (aim 3)', () => {
  it('starts one for each recommendation away from home, none for a return home', () => {
    const child = record(
      [placement('2019-01-01', null, 'foster')],
      [event('permanence_recommendation', '2019-06-01', 'home'), event('permanence_recommendation', '2019-09-01', 'permanence_order')],
    );
    const journeys = journeysOfKind(child, 'recommendation', asAt);
    expect(spans(journeys)).toEqual(['2019-09-01→…']);
    expect(journeys[0]?.placementTypeAtStart).toBe('foster');
  });

  it('is not ended by an ADM decision dated before the recommendation', () => {
    const child = record(
      [placement('2019-01-01', null, 'foster')],
      [event('adm_decision', '2019-08-20', 'adoption'), event('permanence_recommendation', '2019-09-01', 'adoption')],
    );
    expect(spans(journeysOfKind(child, 'recommendation', asAt))).toEqual(['2019-09-01→…']);
  });

  it('ends on the first ADM decision on or after it and before the next recommendation', () => {
    const child = record(
      [placement('2019-01-01', null, 'foster')],
      [
        event('permanence_recommendation', '2019-03-01', 'permanence_order'),
        event('permanence_recommendation', '2019-09-01', 'adoption'),
        event('adm_decision', '2019-09-01', 'adoption'),
        event('adm_decision', '2019-10-01', 'adoption'),
      ],
    );
    expect(spans(journeysOfKind(child, 'recommendation', asAt))).toEqual(['2019-03-01→…', '2019-09-01→2019-09-01']);
  });

  it('takes the placement open on the start date, the new one on a moving day', () => {
    const child = record(
      [placement('2019-01-01', '2019-05-31', 'foster'), placement('2019-05-31', null, 'adopters')],
      [event('permanence_recommendation', '2019-05-31', 'adoption')],
    );
    expect(journeysOfKind(child, 'recommendation', asAt)[0]?.placementTypeAtStart).toBe('adopters');
  });
});

describe('ADM journeys (aim 4)', () => {
  it('starts one for each decision with a court route, none for a return home', () => {
    const child = record(
      [placement('2019-01-01', null, 'kinship')],
      [event('adm_decision', '2019-05-01', 'home'), event('adm_decision', '2019-07-01', 'kinship_order'), event('court_application_lodged', '2019-07-15', 'kinship_order')],
    );
    const journeys = journeysOfKind(child, 'adm', asAt);
    expect(spans(journeys)).toEqual(['2019-07-01→2019-07-15']);
    expect(journeys.map((j) => (j.kind === 'adm' ? j.startRoute : null))).toEqual(['kinship_order']);
  });

  it('ends only on an application lodged before the next ADM decision', () => {
    const child = record(
      [placement('2019-01-01', null, 'foster')],
      [
        event('court_application_lodged', '2019-02-01', 'poa'),
        event('adm_decision', '2019-03-01', 'poa'),
        event('adm_decision', '2019-06-01', 'adoption'),
        event('court_application_lodged', '2019-06-10', 'adoption'),
      ],
    );
    expect(spans(journeysOfKind(child, 'adm', asAt))).toEqual(['2019-03-01→…', '2019-06-01→2019-06-10']);
  });
});

describe('at-home journeys (aim 1)', () => {
  it('starts at a run of home placements whose first placement is on a CSO', () => {
    const child = record(
      [placement('2019-01-01', '2019-05-31', 'home', { legalBasis: 'CSO' }), placement('2019-06-01', null, 'home', { legalBasis: 'other' })],
      [event('home_review', '2020-11-01')],
    );
    expect(spans(journeysOfKind(child, 'at-home', asAt))).toEqual(['2019-01-01→2020-11-01']);
  });

  it('starts none for a run at home that did not begin on a CSO', () => {
    const child = record([placement('2019-01-01', '2019-05-31', 'home', { legalBasis: 'S25' }), placement('2019-06-01', null, 'home', { legalBasis: 'CSO' })]);
    expect(journeysOfKind(child, 'at-home', asAt)).toEqual([]);
  });

  it('records the last day of a run that has ended, and ignores a review after it', () => {
    const child = record(
      [placement('2019-01-01', '2019-08-31', 'home', { legalBasis: 'CSO' }), placement('2019-09-01', null, 'foster')],
      [event('home_review', '2019-10-01')],
    );
    const [journey] = journeysOfKind(child, 'at-home', asAt);
    expect(journey?.end).toBeNull();
    expect(journey?.kind === 'at-home' ? journey.runEnd?.toString() : undefined).toBe('2019-08-31');
  });

  it('keeps a run open while its last placement continues past as-at', () => {
    const child = record([placement('2019-01-01', '2025-01-01', 'home', { legalBasis: 'CSO' })]);
    const [journey] = journeysOfKind(child, 'at-home', asAt);
    expect(journey?.kind === 'at-home' ? journey.runEnd : 'not at home').toBeNull();
  });
});

describe('all journeys of a child', () => {
  it('lists every kind in the order of the national aims', () => {
    const child = record(
      [placement('2018-01-01', '2018-12-31', 'home', { legalBasis: 'CSO' }), placement('2019-01-01', null, 'foster')],
      [
        event('permanence_recommendation', '2019-06-01', 'poa'),
        event('adm_decision', '2019-08-01', 'poa'),
        event('court_application_lodged', '2019-08-15', 'poa'),
      ],
    );
    expect(journeysOf(child, asAt).map((j) => `${j.kind} ${j.start.toString()}→${j.end?.toString() ?? '…'}`)).toEqual([
      'at-home 2018-01-01→…',
      'accommodation 2019-01-01→2019-06-01',
      'recommendation 2019-06-01→2019-08-01',
      'adm 2019-08-01→2019-08-15',
    ]);
  });
});
