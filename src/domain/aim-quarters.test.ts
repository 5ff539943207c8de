import { describe, expect, it } from 'vitest';
import { d, event, placement, record } from '../../test/builders.js';
import { settledChildren } from '../../test/settled-fixtures.js';
import { nationalAims, type Aim } from './aim.js';
import { aimFigures } from './aim-figures.js';
import { aimQuarters, aimQuartersChart, journeysSettledInQuarter, parseQuarter, quarterKey } from './aim-quarters.js';
import { quartersEndingBy } from './monthly-run-chart.js';

const aim2 = nationalAims()[1] as Aim;
// Aim 2: a recommendation within 26 weeks (182 days) of becoming accommodated.
const children = [
  ...settledChildren,
  // In time (100 days): settled and completed on 9 November 2020.
  record([placement('2020-08-01', null, 'foster', { childId: 'F' })], [event('permanence_recommendation', '2020-11-09', 'adoption', { childId: 'F' })], { childId: 'F' }),
];

describe('an aim quarter by quarter', () => {
  const figures = aimFigures(aim2, children, d('2021-06-01'));
  const quarters = aimQuarters(figures);

  it('takes the calendar quarters that ended by the as-at date', () => {
    // April to June 2021 has not ended on 1 June 2021: the last is January to March.
    expect(quartersEndingBy(d('2021-06-01'), 3).map(String)).toEqual(['2020-07-01', '2020-10-01', '2021-01-01']);
    expect(quartersEndingBy(d('2021-06-30'), 1).map(String)).toEqual(['2021-04-01']);
    expect([quarters.length, quarters[0]?.month.toString(), quarters.at(-1)?.month.toString()]).toEqual([12, '2018-04-01', '2021-01-01']);
  });

  it('counts each journey in the quarter its outcome was settled, and the median weeks of those completed in it', () => {
    const shown = quarters.filter((q) => q.n > 0 || q.completed > 0).map((q) => [q.month.toString(), q.inTime, q.n, q.value, q.completed, q.medianWeeks === null ? null : Number(q.medianWeeks.toFixed(2))]);
    expect(shown).toEqual([
      // F: in time, 100 days = 14.29 weeks.
      ['2020-10-01', 1, 1, 100, 1, 14.29],
      // A and E in time, B late, C overdue: 2 of 4. Completed: A 65, B 231, E 58 days; the median is A's 9.29 weeks.
      ['2021-01-01', 2, 4, 50, 3, 9.29],
    ]);
  });

  it('lists the journeys of a quarter, every one counted in it', () => {
    expect(journeysSettledInQuarter(figures, d('2021-01-01')).map((j) => `${j.journey.childId} ${j.status}`).sort()).toEqual(['A in_time', 'B late', 'C overdue', 'E in_time']);
  });

  it('plots the quarters with a value, and says what its baseline is in quarters', () => {
    const chart = aimQuartersChart(quarters, d('2021-01-01'));
    expect(chart.plotted.map((q) => q.month.toString())).toEqual(['2020-10-01', '2021-01-01']);
    expect(chart.verdicts[0]).toBe('The baseline is the first 2 quarters shown, because only 1 of the quarters shown ended before the programme start.');
  });

  it('reads and names a quarter as a year and its number', () => {
    expect(parseQuarter('2021-Q2')?.toString()).toBe('2021-04-01');
    expect([parseQuarter('2021-Q5'), parseQuarter('2021-2'), parseQuarter('Q1')]).toEqual([null, null, null]);
    expect(quarterKey(d('2021-10-01'))).toBe('2021-Q4');
  });
});
