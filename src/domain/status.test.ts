import { describe, expect, it } from 'vitest';
import { d, event, placement, record } from '../../test/builders.js';
import { journeysOfKind, type Journey } from './journey.js';
import { journeyDays, journeyStatus, journeyWeeks, isStillWaiting } from './status.js';
import { months, weeks } from './timescale.js';

function accommodationEndingOn(end: string | null, start = '2020-01-01'): Journey {
  const events = end === null ? [] : [event('permanence_recommendation', end, 'adoption')];
  const [journey] = journeysOfKind(record([placement(start, null, 'foster')], events), 'accommodation', d('2030-01-01'));
  if (!journey) throw new Error('fixture has no journey');
  return journey;
}

describe('status against a timescale in weeks', () => {
  it('is in time at exactly 182 days for 26 weeks', () => {
    // 2020-01-01 + 182 days = 2020-07-01 (2020 is a leap year: Jan 31 + Feb 29 + … ).
    const journey = accommodationEndingOn('2020-07-01');
    expect(journeyDays(journey, d('2030-01-01'))).toBe(182);
    expect(journeyStatus(journey, weeks(26), d('2030-01-01'))).toBe('in_time');
  });

  it('is late at 183 days for 26 weeks', () => {
    const journey = accommodationEndingOn('2020-07-02');
    expect(journeyDays(journey, d('2030-01-01'))).toBe(183);
    expect(journeyStatus(journey, weeks(26), d('2030-01-01'))).toBe('late');
  });

  it('counts 29 February as a day', () => {
    const journey = accommodationEndingOn('2020-03-01', '2020-02-28');
    expect(journeyDays(journey, d('2030-01-01'))).toBe(2);
  });

  it('is waiting on the 182nd day and overdue on the 183rd', () => {
    const journey = accommodationEndingOn(null);
    expect(journeyStatus(journey, weeks(26), d('2020-07-01'))).toBe('waiting');
    expect(journeyStatus(journey, weeks(26), d('2020-07-02'))).toBe('overdue');
  });

  it('gives weeks as days ÷ 7, to the end or, while waiting, to as-at', () => {
    expect(journeyWeeks(accommodationEndingOn('2020-01-11'), d('2030-01-01'))).toBeCloseTo(10 / 7, 12);
    expect(journeyWeeks(accommodationEndingOn(null), d('2020-01-15'))).toBe(2);
  });
});

describe('status against a timescale in calendar months', () => {
  it('clamps the due date to the end of a short month: 6 months after 2019-08-31 is 2020-02-29', () => {
    const base = record([placement('2019-08-31', null, 'home', { legalBasis: 'CSO' })], [event('home_review', '2020-02-29')]);
    const late = record([placement('2019-08-31', null, 'home', { legalBasis: 'CSO' })], [event('home_review', '2020-03-01')]);
    const [inTime] = journeysOfKind(base, 'at-home', d('2021-01-01'));
    const [tooLate] = journeysOfKind(late, 'at-home', d('2021-01-01'));
    expect(inTime && journeyStatus(inTime, months(6), d('2021-01-01'))).toBe('in_time');
    expect(tooLate && journeyStatus(tooLate, months(6), d('2021-01-01'))).toBe('late');
  });

  it('is waiting on the due date and overdue the day after', () => {
    const child = record([placement('2019-08-31', null, 'home', { legalBasis: 'CSO' })]);
    const [journey] = journeysOfKind(child, 'at-home', d('2021-01-01'));
    if (!journey) throw new Error('no journey');
    expect(journeyStatus(journey, months(6), d('2020-02-29'))).toBe('waiting');
    expect(journeyStatus(journey, months(6), d('2020-03-01'))).toBe('overdue');
  });

  it('measures 24 months from a 29 February start to 28 February two years on', () => {
    const child = record([placement('2020-02-29', null, 'home', { legalBasis: 'CSO' })], [event('home_review', '2022-02-28')]);
    const [journey] = journeysOfKind(child, 'at-home', d('2023-01-01'));
    if (!journey) throw new Error('no journey');
    expect(journeyStatus(journey, months(24), d('2023-01-01'))).toBe('in_time');
  });
});

describe('an at-home run that ended without a review', () => {
  it('left within the timescale when the run ends on or before its due date', () => {
    const child = record([placement('2019-01-01', '2020-06-30', 'home', { legalBasis: 'CSO' }), placement('2020-07-01', null, 'foster')]);
    const [journey] = journeysOfKind(child, 'at-home', d('2023-01-01'));
    if (!journey) throw new Error('no journey');
    expect(journeyStatus(journey, months(24), d('2023-01-01'))).toBe('left_early');
    expect(journeyDays(journey, d('2023-01-01'))).toBe(546);
    expect(isStillWaiting(journey)).toBe(false);
  });

  it('left after the timescale when the run outlasted its due date (version 1’s “closed but overdue”), counting days to the run’s end', () => {
    const child = record([placement('2019-01-01', '2021-01-07', 'home', { legalBasis: 'CSO' })]);
    const [journey] = journeysOfKind(child, 'at-home', d('2023-01-01'));
    if (!journey) throw new Error('no journey');
    expect(journeyStatus(journey, months(24), d('2023-01-01'))).toBe('left_late');
    expect(journeyDays(journey, d('2023-01-01'))).toBe(737);
    expect(isStillWaiting(journey)).toBe(false);
  });

  it('left on the due date itself is within the timescale; the day after is not', () => {
    const onDue = record([placement('2019-01-01', '2021-01-01', 'home', { legalBasis: 'CSO' })]);
    const dayAfter = record([placement('2019-01-01', '2021-01-02', 'home', { legalBasis: 'CSO' })]);
    const status = (r: typeof onDue) => journeyStatus(journeysOfKind(r, 'at-home', d('2023-01-01'))[0] as Journey, months(24), d('2023-01-01'));
    expect([status(onDue), status(dayAfter)]).toEqual(['left_early', 'left_late']);
  });

  it('is still waiting while the run is open at as-at', () => {
    const child = record([placement('2019-01-01', '2025-01-07', 'home', { legalBasis: 'CSO' })]);
    const [journey] = journeysOfKind(child, 'at-home', d('2020-01-01'));
    if (!journey) throw new Error('no journey');
    expect(journeyStatus(journey, months(24), d('2020-01-01'))).toBe('waiting');
    expect(isStillWaiting(journey)).toBe(true);
  });
});
