import { describe, expect, it } from 'vitest';
import { d, event, placement, record } from '../../test/builders.js';
import { manyMoves } from '../../test/timeline-fixtures.js';
import { ageInMonths, dateAtAgeInMonths, describeAge } from './age.js';
import { nationalAims } from './aim.js';
import { childTimeline, type ChildTimeline } from './timeline.js';

const aims = nationalAims();

function bands(timeline: ChildTimeline) {
  return timeline.bands.map((b) => `${b.start.toString()}→${b.end.toString()}${b.continues ? '…' : ''} ${b.label}, ${b.began}`);
}

function gaps(timeline: ChildTimeline) {
  return timeline.gaps.map((g) => `${g.from.label} ${g.from.date.toString()} → ${g.to.label} ${g.to.date.toString()}: ${g.days} days, ${g.words}`);
}

describe('a child with many moves, as at 30 September 2018 (no order yet)', () => {
  const timeline = childTimeline(manyMoves(), { asAt: d('2018-09-30'), aims });

  it('runs from the referral to the as-at date while the child is still looked after', () => {
    expect([timeline.start.toString(), timeline.end.toString(), timeline.ending.kind]).toEqual(['2016-01-10', '2018-09-30', 'as-at']);
  });

  it('draws each placement as a band, a change of carer or setting as a move, a new record with the same carer as none', () => {
    expect(bands(timeline)).toEqual([
      '2016-02-01→2016-08-31 at home with parents, became-looked-after',
      '2016-09-01→2016-12-31 foster care, move',
      '2017-01-01→2017-03-31 foster care, same-carer',
      '2017-04-01→2017-10-15 residential care, move',
      '2017-10-16→2018-05-31 foster care, move',
      '2018-06-01→2018-09-30… with prospective adopters, move',
    ]);
    expect(timeline.moves).toBe(4);
  });

  it('marks every event but the care plan, in plain words with the route in words', () => {
    expect(timeline.marks.map((m) => `${m.date.toString()} ${m.label}${m.routeWords ? `: ${m.routeWords}` : ''} [${m.group}]`)).toEqual([
      '2016-01-10 Referral [milestone]',
      "2016-02-01 Children's hearing [hearing]",
      '2016-09-03 72-hour planning meeting [meeting]',
      '2016-10-13 Looked after child review [review]',
      '2017-01-20 Legal advice requested [legal-advice]',
      '2017-02-17 Legal advice received [legal-advice]',
      '2017-03-10 Permanence planning meeting [meeting]',
      '2017-03-10 Permanence recommendation: adoption [milestone]',
      '2017-05-05 Permanence panel [milestone]',
      '2017-06-30 Agency decision maker decision: adoption [milestone]',
      '2017-09-29 Application lodged at court: adoption [milestone]',
    ]);
  });

  it('measures the gaps between decisions, from accommodation to the first, and the wait since the last', () => {
    // 2016-09-01 → 2017-03-10: 30+31+30+31+31+28+9 = 190 days, 27.1 weeks. Recommendation → panel:
    // 31+25 = 56 days; panel → decision: 31+25 = 56; decision → application: 30+31+30 = 91 (13 weeks);
    // application → as-at: 365+1 = 366 days, 52.3 weeks.
    expect(gaps(timeline)).toEqual([
      'Looked after away from home 2016-09-01 → Permanence recommendation 2017-03-10: 190 days, 27 weeks',
      'Permanence recommendation 2017-03-10 → Permanence panel 2017-05-05: 56 days, 8 weeks',
      'Permanence panel 2017-05-05 → Agency decision maker decision 2017-06-30: 56 days, 8 weeks',
      'Agency decision maker decision 2017-06-30 → Application lodged at court 2017-09-29: 91 days, 13 weeks',
      'Application lodged at court 2017-09-29 → As at 2018-09-30: 366 days, 52 weeks so far',
    ]);
    expect(timeline.gaps.map((g) => g.kind)).toEqual(['between', 'between', 'between', 'between', 'so-far']);
    expect(timeline.gaps[0]?.weeks).toBeCloseTo(27.142857, 5);
  });

  it("marks each aim's due date and whether it was met", () => {
    // Aim 2: 2016-09-01 + 182 days = 2017-03-02; reached 2017-03-10, 8 days late. Aim 3: 2017-03-10
    // + 98 = 2017-06-16; reached 2017-06-30, 14 days late. Aim 4: 2017-06-30 + 21 = 2017-07-21;
    // reached 2017-09-29, 70 days late. The time at home ended after 7 months, before any review
    // was due, so aim 1 does not apply.
    expect(timeline.dueDates.map((due) => `${due.due.toString()} ${due.label}: ${due.outcome} [${due.status}]`)).toEqual([
      '2017-03-02 Permanence recommendation due (26 weeks): missed by 8 days [late]',
      '2017-06-16 Agency decision maker decision due (14 weeks): missed by 2 weeks [late]',
      '2017-07-21 Application to court due (3 weeks): missed by 10 weeks [late]',
    ]);
  });

  it('gives the child’s age along the way, in years and months', () => {
    // Born 2015-06-15: 6 months old at the referral, 3 years 3 months on 2018-09-30. Every 3 months
    // would be 11 ticks, so every 6 months; 6 months old (2015-12-15) is before the start.
    expect([timeline.ageAtStart, timeline.ageAtEnd]).toEqual(['6 months', '3 years 3 months']);
    expect(timeline.ages.map((a) => `${a.date.toString()} ${a.words}`)).toEqual([
      '2016-06-15 1 year',
      '2016-12-15 1 year 6 months',
      '2017-06-15 2 years',
      '2017-12-15 2 years 6 months',
      '2018-06-15 3 years',
    ]);
  });
});

describe('a child whose adoption order was granted', () => {
  const timeline = childTimeline(manyMoves({ order: true }), { asAt: d('2019-01-01'), aims });

  it('ends at legal permanence, with the last placement drawn to that day', () => {
    expect(timeline.ending).toEqual({ kind: 'legal-permanence', date: d('2018-10-10'), routeWords: 'adoption' });
    expect(bands(timeline).at(-1)).toBe('2018-06-01→2018-10-10… with prospective adopters, move');
  });

  it('draws the gap from the application to the order and no wait after it', () => {
    // 2017-09-29 → 2018-10-10: 365 + 11 = 376 days, 53.7 weeks.
    expect(gaps(timeline).slice(-1)).toEqual(['Application lodged at court 2017-09-29 → Order granted 2018-10-10: 376 days, 53 weeks']);
  });
});

describe('episodes and endings', () => {
  it('starts no gap at a return to care: the time at home is not a wait for a decision', () => {
    const child = record(
      [placement('2018-01-01', '2018-03-31', 'foster'), placement('2018-04-01', '2018-09-30', 'home', { legalBasis: 'CSO' }), placement('2018-10-01', null, 'foster')],
      [event('permanence_recommendation', '2018-03-01', 'home'), event('permanence_recommendation', '2019-02-01', 'poa')],
    );
    // 2018-01-01 → 2018-03-01: 31+28 = 59 days; 2018-10-01 → 2019-02-01: 31+30+31+31 = 123 days;
    // 2019-02-01 → 2019-03-01: 28 days.
    expect(gaps(childTimeline(child, { asAt: d('2019-03-01'), aims: [] }))).toEqual([
      'Looked after away from home 2018-01-01 → Permanence recommendation 2018-03-01: 59 days, 8 weeks',
      'Looked after away from home 2018-10-01 → Permanence recommendation 2019-02-01: 123 days, 17 weeks',
      'Permanence recommendation 2019-02-01 → As at 2019-03-01: 28 days, 4 weeks so far',
    ]);
    expect(childTimeline(child, { asAt: d('2019-03-01'), aims: [] }).bands.map((b) => b.began)).toEqual(['became-looked-after', 'move', 'move']);
  });

  it('ends on the last thing recorded when the child has left care without an order', () => {
    const child = record([placement('2019-01-01', '2019-06-30', 'foster')], [event('permanence_recommendation', '2019-05-01', 'home'), event('ceased_looked_after', '2019-07-01')]);
    const timeline = childTimeline(child, { asAt: d('2020-01-01'), aims });
    expect(timeline.ending).toEqual({ kind: 'left-care', date: d('2019-07-01') });
    expect(timeline.gaps.map((g) => g.words)).toEqual(['17 weeks']);
  });

  it('shows a due date still ahead and says how long is left', () => {
    // Accommodated 2020-01-06: aim 2 due 2020-07-06; as at 2020-06-01 that is 35 days away.
    const timeline = childTimeline(record([placement('2020-01-06', null, 'kinship')]), { asAt: d('2020-06-01'), aims });
    expect(timeline.dueDates.map((due) => `${due.due.toString()} ${due.outcome}`)).toEqual(['2020-07-06 due in 5 weeks']);
  });

  it('says a wait is overdue once the due date has passed', () => {
    // Aim 2 due 2020-07-06; as at 2020-08-03 it is 28 days past.
    const timeline = childTimeline(record([placement('2020-01-06', null, 'kinship')]), { asAt: d('2020-08-03'), aims });
    expect(timeline.dueDates.map((due) => `${due.outcome} [${due.status}]`)).toEqual(['overdue by 4 weeks [overdue]']);
  });

  it('has nothing to draw for a child with nothing recorded by the as-at date', () => {
    const timeline = childTimeline(record([placement('2021-01-01', null, 'foster')]), { asAt: d('2020-01-01'), aims });
    expect([timeline.start.toString(), timeline.end.toString(), timeline.bands.length, timeline.marks.length, timeline.gaps.length]).toEqual(['2020-01-01', '2020-01-01', 0, 0, 0]);
  });
});

describe('ages in years and months', () => {
  it('says ages as people do', () => {
    expect([0, 1, 7, 12, 13, 38].map(describeAge)).toEqual(['under a month', '1 month', '7 months', '1 year', '1 year 1 month', '3 years 2 months']);
  });

  it('makes a child born on the 31st a month older on the first of a shorter month', () => {
    expect(dateAtAgeInMonths(d('2015-01-31'), 1).toString()).toBe('2015-03-01');
    expect([ageInMonths(d('2015-01-31'), d('2015-02-28')), ageInMonths(d('2015-01-31'), d('2015-03-01'))]).toEqual([0, 1]);
  });

  it('makes a child born on 29 February a year older on 1 March', () => {
    expect(dateAtAgeInMonths(d('2016-02-29'), 12).toString()).toBe('2017-03-01');
    expect(ageInMonths(d('2016-02-29'), d('2017-02-28'))).toBe(11);
  });
});
