import { describe, expect, it } from 'vitest';
import { d, placement, record } from '../../test/builders.js';
import { settledChildren } from '../../test/settled-fixtures.js';
import { nationalAims, type Aim } from './aim.js';
import { aimFigures } from './aim-figures.js';
import { settledDay, settledDayAt, windowFigures } from './aim-window.js';
import { dateOfEpochDay } from './date.js';

const aim2 = nationalAims()[1] as Aim;
const asAt = d('2021-06-01');
// Aim 2: a recommendation within 26 weeks (182 days) of becoming accommodated. A window of six
// months as at 1 June 2021 runs from 2 December 2020 to 1 June 2021.
const children = [
  ...settledChildren,
  // Left care after the timescale: due 30 November 2020, settled 1 December, the day before the window.
  record([placement('2020-06-01', '2021-02-15', 'foster', { childId: 'F' })], [], { childId: 'F' }),
  // Left care after the timescale: due 30 December 2020, settled 31 December, in the window.
  record([placement('2020-07-01', '2021-03-01', 'foster', { childId: 'G' })], [], { childId: 'G' }),
];

describe('an aim over a recent window', () => {
  it('counts the journeys settled in the window, from the cohort without making a journey, as the journeys themselves would', () => {
    const figures = aimFigures(aim2, children, asAt);
    expect(figures.journeys.map((j) => `${j.childId} ${j.status}`)).toEqual(['A in_time', 'B late', 'C overdue', 'D waiting', 'E in_time', 'F left_late', 'G left_late']);
    expect(Array.from(figures.places, (k) => { const day = settledDayAt(figures.cohort, k); return day === null ? null : dateOfEpochDay(day).toString(); })).toEqual(['2021-03-10', '2021-01-31', '2021-03-03', null, '2021-03-31', '2020-12-01', '2020-12-31']);
    expect(figures.journeys.map((j) => settledDay(j))).toEqual(Array.from(figures.places, (k) => settledDayAt(figures.cohort, k)));
    const window = windowFigures(figures, 6);
    expect([window.from.toString(), window.to.toString()]).toEqual(['2020-12-02', '2021-06-01']);
    expect(window.counts).toEqual({ in_time: 2, late: 1, overdue: 1, left_late: 1 });
    expect(window.n).toBe(5);
    expect(window.percentage).toBe(40);
    // Of those that reached the milestone in the window: 58, 65 and 231 days.
    expect(window.medianWeeks).toBe(65 / 7);
    expect(window.journeys.map((j) => j.childId)).toEqual(['A', 'B', 'C', 'E', 'G']);
  });

  it('counts only the journeys started on or after the from-date when there is one', () => {
    const figures = aimFigures(aim2, children, asAt, { fromDate: d('2020-09-01') });
    expect(figures.journeys.map((j) => j.childId)).toEqual(['A', 'C', 'D', 'E']);
    const window = windowFigures(figures, 6);
    expect(window.counts).toEqual({ in_time: 2, late: 0, overdue: 1, left_late: 0 });
    expect(window.n).toBe(3);
    expect(window.percentage).toBe((2 / 3) * 100);
    expect(window.medianWeeks).toBe((65 + 58) / 2 / 7);
    expect(window.journeys.map((j) => `${j.childId} ${j.status}`)).toEqual(['A in_time', 'C overdue', 'E in_time']);
  });
});
