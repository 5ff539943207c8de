import { describe, expect, it } from 'vitest';
import { d } from '../../../test/builders.js';
import { addInterval, describeInterval, interval, nthDue } from './interval.js';

describe('intervals', () => {
  it('adds days, weeks and calendar months clamped to the month end', () => {
    expect(addInterval(d('2021-02-26'), interval(3, 'days')).toString()).toBe('2021-03-01');
    expect(addInterval(d('2020-12-28'), interval(2, 'weeks')).toString()).toBe('2021-01-11');
    expect(addInterval(d('2020-08-31'), interval(3, 'months')).toString()).toBe('2020-11-30');
    expect(addInterval(d('2020-02-29'), interval(12, 'months')).toString()).toBe('2021-02-28');
    expect(addInterval(d('2019-08-31'), interval(6, 'months')).toString()).toBe('2020-02-29');
  });

  it('counts each repeat from the start, so a clamped month never drags the later ones', () => {
    const start = d('2021-01-31');
    expect([1, 2, 3, 4].map((n) => nthDue(start, interval(1, 'months'), interval(1, 'months'), n).toString())).toEqual(['2021-02-28', '2021-03-31', '2021-04-30', '2021-05-31']);
  });

  it('adds weeks then repeats in months from the first due date when the units differ', () => {
    expect([1, 2, 3].map((n) => nthDue(d('2021-01-04'), interval(6, 'weeks'), interval(6, 'months'), n).toString())).toEqual(['2021-02-15', '2021-08-15', '2022-02-15']);
    expect([1, 2].map((n) => nthDue(d('2021-01-04'), interval(2, 'weeks'), interval(10, 'days'), n).toString())).toEqual(['2021-01-18', '2021-01-28']);
  });

  it('says each interval in words', () => {
    expect([interval(1, 'days'), interval(3, 'days'), interval(1, 'weeks'), interval(6, 'months')].map(describeInterval)).toEqual(['1 day', '3 days', '1 week', '6 months']);
  });
});
