import { describe, expect, it } from 'vitest';
import { d } from '../../../test/builders.js';
import { monthEndOnOrBefore, nationalPeriod, parseMonthOrDay, type MonthOrDay } from './national-period.js';

const asked = (text: string): MonthOrDay => {
  const parsed = parseMonthOrDay(text);
  if (parsed === null) throw new Error(`not a month or a day: ${text}`);
  return parsed;
};
const period = (asAt: string | null, from: string | null, today = '2021-06-15') => {
  const p = nationalPeriod({ asAt: asAt === null ? null : asked(asAt), from: from === null ? null : asked(from) }, d(today));
  return [p.asAt.toString(), p.fromDate?.toString() ?? null];
};

describe('the national view’s dates', () => {
  it('takes an as-at day back to the end of the last whole month by then, never past the last month that has ended', () => {
    expect(period('2021-05-14', null)).toEqual(['2021-04-30', null]);
    expect(period('2021-05-15', null)).toEqual(['2021-04-30', null]);
    expect(period('2021-04-30', null)).toEqual(['2021-04-30', null]);
    expect(period('01/03/2020', null)).toEqual(['2020-02-29', null]);
    // A month is as at its last day; the month still running, or one to come, is the last that has ended.
    expect(period('2021-02', null)).toEqual(['2021-02-28', null]);
    expect(period('12/2020', null)).toEqual(['2020-12-31', null]);
    expect(period('2021-06', null)).toEqual(['2021-05-31', null]);
    expect(period('2021-06-14', null)).toEqual(['2021-05-31', null]);
    expect(period(null, null)).toEqual(['2021-05-31', null]);
    // On the last day of a month that month has not yet ended.
    expect(period(null, null, '2021-05-31')).toEqual(['2021-04-30', null]);
  });

  it('starts a from-date at the first of its month', () => {
    expect(period('2021-05', '2020-06-17')).toEqual(['2021-05-31', '2020-06-01']);
    expect(period('2021-05', '2020-06')).toEqual(['2021-05-31', '2020-06-01']);
    expect(period('2021-05', '06/2020')).toEqual(['2021-05-31', '2020-06-01']);
  });

  it('reads a month or a day, and nothing else', () => {
    expect(['2021-13', '13/2021', 'May 2021', '2021-02-30', ''].map(parseMonthOrDay)).toEqual([null, null, null, null, null]);
    expect(monthEndOnOrBefore(d('2024-02-29')).toString()).toBe('2024-02-29');
    expect(monthEndOnOrBefore(d('2024-02-28')).toString()).toBe('2024-01-31');
  });
});
