import { describe, expect, it } from 'vitest';
import { d } from '../../test/builders.js';
import { threeAuthorities } from '../../test/national-fixtures.js';
import { nationalAims } from '../domain/aim.js';
import { nationalComparison, type NationalComparison } from '../domain/national/national-comparison.js';
import { nationalComparisonFromJson, nationalComparisonToJson } from './national-result-json.js';

const aim2 = nationalAims()[1];
if (!aim2) throw new Error('aim 2');

// One aim, two authorities, every kind of value: a hidden count, an unrounded percentage, a null
// interval, a funnel position, and dates in the period and the quarters.
const comparison: NationalComparison = {
  asAt: d('2021-05-31'),
  fromDate: d('2020-01-01'),
  threshold: 5,
  aims: [
    {
      aim: aim2,
      byQuarter: {
        quarters: [d('2021-01-01'), d('2021-04-01')],
        authorities: [
          { code: 'ALP', name: 'Alpha Council', cells: [{ inTime: 6, n: 9, percentage: 66.66666666666667, medianWeeks: 20.5 }, { inTime: '[c]', n: '[c]', percentage: null, medianWeeks: null }] },
          { code: 'BET', name: 'Beta Council', cells: [{ inTime: '[c]', n: '[c]', percentage: null, medianWeeks: null }, { inTime: 0, n: 0, percentage: null, medianWeeks: null }] },
        ],
        national: { code: null, name: 'All authorities', cells: [{ inTime: 8, n: 12, percentage: 66.66666666666667, medianWeeks: 21 }, { inTime: '[c]', n: '[c]', percentage: null, medianWeeks: null }] },
      },
      authorities: [
        { code: 'ALP', name: 'Alpha Council', counts: { in_time: 12, late: '[c]', overdue: '[c]', n: 20, waiting: '[c]' }, percentage: 60, interval: { lower: 38.66, upper: 78.12 }, medianWeeks: 20, position: 'within' },
        { code: 'BET', name: 'Beta Council', counts: { in_time: '[c]', late: '[c]', overdue: '[c]', n: '[c]', waiting: 0 }, percentage: null, interval: null, medianWeeks: 25, position: null },
      ],
      national: { code: null, name: 'All authorities', counts: { in_time: 20, late: 10, overdue: 6, n: 36, waiting: '[c]' }, percentage: 55.55555555555556, interval: { lower: 39.6, upper: 70.5 }, medianWeeks: 20, position: null },
      rate: 0.5555555555555556,
    },
  ],
};

const stored = {
  version: 1,
  as_at: '2021-05-31',
  from_date: '2020-01-01',
  threshold: 5,
  aims: [
    {
      aim: { id: 'aim-2', name: 'Aim 2: permanence recommendation', national_aim: 2, kind: 'accommodation', by_date: null, target_percent: null, from_date: null, timescale: { unit: 'weeks', weeks: 26 }, filters: {}, backlog: null },
      by_quarter: {
        quarters: ['2021-01-01', '2021-04-01'],
        authorities: [
          { code: 'ALP', name: 'Alpha Council', cells: [{ in_time: 6, n: 9, percentage: 66.66666666666667, median_weeks: 20.5 }, { in_time: '[c]', n: '[c]', percentage: null, median_weeks: null }] },
          { code: 'BET', name: 'Beta Council', cells: [{ in_time: '[c]', n: '[c]', percentage: null, median_weeks: null }, { in_time: 0, n: 0, percentage: null, median_weeks: null }] },
        ],
        national: { code: null, name: 'All authorities', cells: [{ in_time: 8, n: 12, percentage: 66.66666666666667, median_weeks: 21 }, { in_time: '[c]', n: '[c]', percentage: null, median_weeks: null }] },
      },
      authorities: [
        { code: 'ALP', name: 'Alpha Council', counts: { in_time: 12, late: '[c]', overdue: '[c]', n: 20, waiting: '[c]' }, percentage: 60, interval: { lower: 38.66, upper: 78.12 }, median_weeks: 20, position: 'within' },
        { code: 'BET', name: 'Beta Council', counts: { in_time: '[c]', late: '[c]', overdue: '[c]', n: '[c]', waiting: 0 }, percentage: null, interval: null, median_weeks: 25, position: null },
      ],
      national: { code: null, name: 'All authorities', counts: { in_time: 20, late: 10, overdue: 6, n: 36, waiting: '[c]' }, percentage: 55.55555555555556, interval: { lower: 39.6, upper: 70.5 }, median_weeks: 20, position: null },
      rate: 0.5555555555555556,
    },
  ],
};

describe('a national comparison as stored', () => {
  it('is written as JSON with its dates as ISO text and every figure unrounded', () => {
    expect(JSON.parse(JSON.stringify(nationalComparisonToJson(comparison)))).toEqual(stored);
  });

  it('is read back as the same comparison, its dates as dates', () => {
    const read = nationalComparisonFromJson(JSON.parse(JSON.stringify(stored)));
    if (read === null) throw new Error('not read');
    // Dates compared as text: two Temporal dates have no fields of their own for toEqual to compare.
    expect([read.asAt.toString(), read.fromDate?.toString(), read.aims[0]?.byQuarter.quarters.map(String)]).toEqual(['2021-05-31', '2020-01-01', ['2021-01-01', '2021-04-01']]);
    expect(read.aims[0]?.aim).toEqual(aim2);
    expect(read.aims[0]?.authorities).toEqual(comparison.aims[0]?.authorities);
    expect(read.aims[0]?.national).toEqual(comparison.aims[0]?.national);
    expect(read.aims[0]?.byQuarter.authorities).toEqual(comparison.aims[0]?.byQuarter.authorities);
    expect(read.aims[0]?.rate).toBe(0.5555555555555556);
    expect(nationalComparisonToJson(read)).toEqual(stored);
  });

  it('keeps a whole worked-out comparison through the round trip', () => {
    const worked = nationalComparison(threeAuthorities(), d('2021-06-01'), { fromDate: d('2020-01-15') });
    const text = JSON.stringify(nationalComparisonToJson(worked));
    const read = nationalComparisonFromJson(JSON.parse(text));
    expect(read && JSON.stringify(nationalComparisonToJson(read))).toBe(text);
    expect(read?.aims.map((a) => [a.aim.nationalAim, a.national.counts.n, a.byQuarter.quarters.length])).toEqual([
      [1, '[c]', 8],
      [2, 36, 8],
      [3, '[c]', 8],
      [4, '[c]', 8],
    ]);
    expect(read?.fromDate?.toString()).toBe('2020-01-01');
  });

  it('refuses a stored result of another shape, so that it is worked out again', () => {
    expect(nationalComparisonFromJson({ ...stored, version: 2 })).toBeNull();
    expect(nationalComparisonFromJson({ ...stored, as_at: '2021-02-30' })).toBeNull();
    expect(nationalComparisonFromJson({ ...stored, aims: [{ ...stored.aims[0], rate: '0.5' }] })).toBeNull();
  });
});
