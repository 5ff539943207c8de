import { describe, expect, it } from 'vitest';
import { d, event, placement, record } from '../../test/builders.js';
import { nationalAims, type Aim } from './aim.js';
import { aimFigures } from './aim-figures.js';
import { monthlyRunChart } from './monthly-run-chart.js';
import { partnerAimPeriods, publishSpans } from './partner-periods.js';

const c = (inTime: number, notInTime: number) => ({ inTime, notInTime });

describe('months and quarters for a partner, suppressed as one table', () => {
  it('shows every month of a quarter, and the quarter, when no count is under 5', () => {
    const published = publishSpans([c(5, 5), c(6, 5), c(7, 8)], [{ segments: [0] }, { segments: [1] }, { segments: [2] }, { segments: [0, 1, 2] }]);
    expect(published).toEqual([
      { inTime: 5, n: 10, percentage: 50, suppressed: false },
      { inTime: 6, n: 11, percentage: (6 / 11) * 100, suppressed: false },
      { inTime: 7, n: 15, percentage: (7 / 15) * 100, suppressed: false },
      { inTime: 18, n: 36, percentage: 50, suppressed: false },
    ]);
  });

  it('reads a month with a count under 5 as [c] — in time, not in time or n — with no percentage', () => {
    const published = publishSpans([c(9, 6), c(9, 1), c(3, 0), c(6, 9)], [{ segments: [0] }, { segments: [1] }, { segments: [2] }, { segments: [3] }]);
    expect(published.map((p) => [p.inTime, p.n, p.percentage === null ? null : Number(p.percentage.toFixed(1))])).toEqual([
      [9, 15, 60],
      // 9 in time of 10 would tell that 1 was not in time: in time is hidden, and 10 is left anywhere from none to all in time.
      ['[c]', 10, null],
      ['[c]', '[c]', null],
      [6, 15, 40],
    ]);
  });

  it('hides more than the month when its quarter and the other two months would give it away by subtraction', () => {
    // March: 1 in time of 3. The quarter (12 of 24) less January (5 of 10) and February (6 of 11)
    // would tell it: so one more month, the smaller, is hidden with it, leaving 6 in time of 13
    // between January and March, March anywhere from none to 6 in time.
    const published = publishSpans([c(5, 5), c(6, 5), c(1, 2)], [{ segments: [0] }, { segments: [1] }, { segments: [2] }, { segments: [0, 1, 2] }]);
    expect(published.map((p) => [p.inTime, p.n])).toEqual([
      ['[c]', '[c]'],
      [6, 11],
      ['[c]', '[c]'],
      [12, 24],
    ]);
  });

  it('refuses a span naming a segment that is not there', () => {
    expect(() => publishSpans([c(5, 5)], [{ segments: [0, 1] }])).toThrow('a span names a segment that is not there: 0, 1');
  });
});

const aim2 = nationalAims()[1] as Aim;
// Aim 2: a recommendation within 26 weeks (182 days) of becoming accommodated.
const inTime = (id: string, start: string, recommended: string) => record([placement(start, null, 'foster', { childId: id })], [event('permanence_recommendation', recommended, 'adoption', { childId: id })], { childId: id });
// Accommodated on 1 September 2020 with no recommendation: due 2 March 2021, overdue from 3 March.
const overdue = (id: string) => record([placement('2020-09-01', null, 'residential', { childId: id })], [], { childId: id });
const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);

describe('an aim’s months and quarters for a partner', () => {
  // March 2021: 10 in time and 5 overdue; April 2021: 3 in time; nothing else.
  const children = [...ids('M', 10).map((id) => inTime(id, '2021-01-04', '2021-03-10')), ...ids('O', 5).map(overdue), ...ids('A', 3).map((id) => inTime(id, '2021-02-01', '2021-04-12'))];
  const figures = aimFigures(aim2, children, d('2021-06-01'));
  const periods = partnerAimPeriods(figures, { recentMonths: 12, months: 36, quarters: 12 });

  it('reads the month of 3 journeys as [c] and leaves it out of the run chart', () => {
    const april = periods.months.find((m) => m.month.toString() === '2021-04-01');
    expect(april).toEqual({ month: d('2021-04-01'), inTime: '[c]', n: '[c]', percentage: null, suppressed: true, value: null });
    const chart = monthlyRunChart(periods.months, null);
    expect(chart.plotted.map((p) => p.month.toString())).not.toContain('2021-04-01');
  });

  it('hides March too, and the figures of the last 12 months and since the from-date: any of them shown would give April away', () => {
    // The recent 18 less March's 15 is April's 3; the whole is the recent.
    expect(periods.months.find((m) => m.month.toString() === '2021-03-01')?.value).toBeNull();
    expect(periods.recent.suppressed || periods.whole.suppressed).toBe(true);
  });
});
