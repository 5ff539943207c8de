import { describe, expect, it } from 'vitest';
import { d } from '../../test/builders.js';
import { settledChildren } from '../../test/settled-fixtures.js';
import { nationalAims, type Aim } from './aim.js';
import { aimFigures, cohortDaysKept, measuredCohort, rememberedCohortDays } from './aim-figures.js';
import { epochDay } from './date.js';

const aim2 = nationalAims()[1] as Aim;

describe('the cohorts remembered while an authority’s records stay loaded', () => {
  it('keeps those of the last four as-at dates looked at, not of every date', () => {
    const records = [...settledChildren];
    const dates = ['2021-03-01', '2021-04-01', '2021-05-01', '2021-06-01', '2021-07-01', '2021-08-01'];
    for (const date of dates) aimFigures(aim2, records, d(date));
    expect(cohortDaysKept).toBe(4);
    expect(rememberedCohortDays(records)).toEqual(['2021-05-01', '2021-06-01', '2021-07-01', '2021-08-01'].map((date) => epochDay(d(date))));
    // A date looked at again is the most recently used, and its cohort is the one remembered.
    const again = measuredCohort(aim2, records, d('2021-05-01'));
    expect(rememberedCohortDays(records)).toEqual(['2021-06-01', '2021-07-01', '2021-08-01', '2021-05-01'].map((date) => epochDay(d(date))));
    expect(measuredCohort(aim2, records, d('2021-05-01'))).toBe(again);
  });

  it('gives the same figures for a date worked out again after it was let go', () => {
    const records = [...settledChildren];
    const first = aimFigures(aim2, records, d('2021-06-01'));
    for (const date of ['2021-07-01', '2021-08-01', '2021-09-01', '2021-10-01']) aimFigures(aim2, records, d(date));
    expect(rememberedCohortDays(records)).not.toContain(epochDay(d('2021-06-01')));
    const again = aimFigures(aim2, records, d('2021-06-01'));
    expect(again.cohort).not.toBe(first.cohort);
    expect(again.counts).toEqual(first.counts);
    expect(again.counts).toEqual({ in_time: 2, late: 1, overdue: 1, waiting: 1, left_early: 0, left_late: 0 });
  });
});
