import { describe, expect, it } from 'vitest';
import { addMonths, ageInYears, daysBetween, epochDay, parseDate, parseDateOrThrow as d } from './date.js';

describe('calendar dates', () => {
  it('numbers days from 1970-01-01', () => {
    expect([epochDay(d('1970-01-01')), epochDay(d('2000-03-01')), epochDay(d('1969-12-31'))]).toEqual([0, 11017, -1]);
  });

  it('counts the days between two dates across a leap day', () => {
    expect(daysBetween(d('2020-02-28'), d('2020-03-01'))).toBe(2);
    expect(daysBetween(d('2019-02-28'), d('2019-03-01'))).toBe(1);
    expect(daysBetween(d('2020-01-01'), d('2021-01-01'))).toBe(366);
  });

  it('clamps calendar months to the last day of a shorter month', () => {
    expect(addMonths(d('2019-08-31'), 6).toString()).toBe('2020-02-29');
    expect(addMonths(d('2020-02-29'), 12).toString()).toBe('2021-02-28');
    expect(addMonths(d('2019-01-31'), 1).toString()).toBe('2019-02-28');
  });

  it('reads ISO and UK dates and refuses days that do not exist', () => {
    expect(parseDate('2020-02-29')).toMatchObject({ ok: true });
    expect(parseDate('29/02/2020').ok && parseDate('29/02/2020')).toMatchObject({ ok: true });
    expect(d('05/11/2019').toString()).toBe('2019-11-05');
    expect(parseDate('31/02/2020')).toEqual({ ok: false, error: { code: 'invalid-date', value: '31/02/2020' } });
    expect(parseDate('2019-02-29')).toEqual({ ok: false, error: { code: 'invalid-date', value: '2019-02-29' } });
    expect(parseDate('2019-13-01').ok).toBe(false);
    expect(parseDate('next tuesday').ok).toBe(false);
  });

  it('gives age in whole years, a birthday counting on the day', () => {
    expect(ageInYears(d('2015-06-15'), d('2020-06-14'))).toBe(4);
    expect(ageInYears(d('2015-06-15'), d('2020-06-15'))).toBe(5);
  });
});
