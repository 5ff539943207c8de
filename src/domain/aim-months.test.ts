import { describe, expect, it } from 'vitest';
import { d } from '../../test/builders.js';
import { settledChildren } from '../../test/settled-fixtures.js';
import { nationalAims, type Aim } from './aim.js';
import { aimFigures } from './aim-figures.js';
import { aimMonths, aimMonthsChart, journeysSettledIn, parseMonth } from './aim-months.js';

const aim2 = nationalAims()[1] as Aim;
const asAt = d('2021-06-01');
// Aim 2: a recommendation within 26 weeks (182 days) of becoming accommodated.
const children = settledChildren;

describe('an aim month by month', () => {
  const figures = aimFigures(aim2, children, asAt);
  const months = aimMonths(figures);

  it('counts each journey in the month its outcome was settled: in time on the day, late and overdue the day after the due date', () => {
    expect(months.length).toBe(36);
    // The last whole month before 1 June 2021 is May.
    expect([months[0]?.month.toString(), months.at(-1)?.month.toString()]).toEqual(['2018-06-01', '2021-05-01']);
    const shown = months.filter((m) => m.n > 0).map((m) => [m.month.toString(), m.inTime, m.n, m.value === null ? null : Number(m.value.toFixed(1))]);
    expect(shown).toEqual([
      ['2021-01-01', 0, 1, 0],
      ['2021-03-01', 2, 3, 66.7],
    ]);
    expect(months.find((m) => m.month.toString() === '2021-02-01')?.value).toBeNull();
  });

  it('lists the journeys of a month, every one counted in it', () => {
    expect(journeysSettledIn(figures, d('2021-03-01')).map((j) => `${j.journey.childId} ${j.status}`).sort()).toEqual(['A in_time', 'C overdue', 'E in_time']);
    expect(journeysSettledIn(figures, d('2021-01-01')).map((j) => `${j.journey.childId} ${j.status}`)).toEqual(['B late']);
  });

  it('plots only the months with a value, and says what its baseline is', () => {
    const chart = aimMonthsChart(months, d('2020-01-01'));
    expect(chart.plotted.map((m) => m.month.toString())).toEqual(['2021-01-01', '2021-03-01']);
    expect(chart.verdicts[0]).toBe('The baseline is the first 2 months shown, because none of the months shown ended before the programme start.');
  });

  it('reads a month as a year and a month', () => {
    expect(parseMonth('2021-03')?.toString()).toBe('2021-03-01');
    expect([parseMonth('2021-13'), parseMonth('March'), parseMonth('2021-3')]).toEqual([null, null, null]);
  });
});
