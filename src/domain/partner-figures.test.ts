import { describe, expect, it } from 'vitest';
import { d } from '../../test/builders.js';
import { partnerAnswerWords, partnerFigures } from './partner-figures.js';

const whole = (in_time: number, late: number, overdue: number, left_late = 0) => ({ counts: { in_time, late, overdue, left_late, waiting: 3, left_early: 1 }, n: in_time + late + overdue + left_late });
const recent = (in_time: number, late: number, overdue: number, left_late = 0) => ({ counts: { in_time, late, overdue, left_late }, n: in_time + late + overdue + left_late });

describe('an aim’s figures for a partner', () => {
  it('shows every count when none is under 5, nor is any left out or in the earlier part', () => {
    const f = partnerFigures(whole(20, 10, 10), recent(10, 5, 5));
    expect(f.recent).toEqual({ inTime: 10, n: 20, percentage: 50, suppressed: false });
    expect(f.whole).toEqual({ inTime: 20, n: 40, percentage: 50, suppressed: false });
  });

  it('reads a count under 5 as [c], with no percentage', () => {
    const f = partnerFigures(whole(3, 1, 0), recent(3, 1, 0));
    expect(f.recent).toEqual({ inTime: '[c]', n: '[c]', percentage: null, suppressed: true });
    expect(f.whole).toEqual({ inTime: '[c]', n: '[c]', percentage: null, suppressed: true });
  });

  it('hides a shown count that would give a hidden one away by subtraction: the recent figure inside the whole', () => {
    // Recent: 4 in time of 24. Whole: 7 of 27. Both n shown would tell that 3 journeys (a small
    // count) were settled before the last 12 months: so one of them is hidden.
    const f = partnerFigures(whole(7, 10, 10), recent(4, 10, 10));
    expect(f.recent.inTime).toBe('[c]');
    expect(f.recent.percentage).toBeNull();
    expect(f.recent.n === '[c]' || f.whole.n === '[c]').toBe(true);
  });

  it('shows the whole figure beside a hidden recent count when nothing it shows gives that count away', () => {
    // The recent in time (4) is hidden; 24 of 44 in the whole, and the recent 14, leave it anywhere from 0 to 9.
    const f = partnerFigures(whole(24, 10, 10), recent(4, 5, 5));
    expect(f.recent).toEqual({ inTime: '[c]', n: 14, percentage: null, suppressed: true });
    expect(f.whole).toEqual({ inTime: 24, n: 44, percentage: (24 / 44) * 100, suppressed: false });
  });

  it('hides in time and n when what is left between them is a few, and not none', () => {
    // 10 in time of 12: 2 were not in time, a small count a reader would learn.
    const f = partnerFigures(whole(30, 10, 10), recent(10, 2, 0));
    expect(f.recent.percentage).toBeNull();
    expect(f.recent.inTime === '[c]' || f.recent.n === '[c]').toBe(true);
  });

  it('counts a journey that left after its timescale as late', () => {
    const f = partnerFigures(whole(20, 5, 5, 5), recent(10, 5, 5, 0));
    expect(f.whole).toEqual({ inTime: 20, n: 35, percentage: (20 / 35) * 100, suppressed: false });
  });

  it('refuses a recent window holding journeys the whole does not', () => {
    expect(() => partnerFigures(whole(5, 5, 5), recent(10, 5, 5))).toThrow('the recent window holds journeys the whole figure does not');
  });
});

describe('the answer for a partner', () => {
  it('says the verdict and its month, with no count of children or weeks', () => {
    expect(partnerAnswerWords({ kind: 'too-few-points', points: 3, useful: 3, needed: 10 })).toBe('Not enough yet: too few children have reached this milestone for the run-chart rules to say.');
    expect(partnerAnswerWords({ kind: 'no-change', median: 31.5, points: 12 })).toBe('No change yet: the weeks taken vary with no run or trend the rules count as more than chance.');
    expect(partnerAnswerWords({ kind: 'improving', since: 4, sinceDate: d('2020-03-14'), evidence: { rule: 'shift', run: 6, median: 30 } })).toBe('Improving, an early sign: since March 2020, by the run-chart rules.');
    expect(partnerAnswerWords({ kind: 'worse', since: 4, sinceDate: d('2020-03-14'), evidence: { rule: 'rephased', run: 9, previousMedian: 20, median: 30 } })).toBe('Getting worse: since March 2020, by the run-chart rules.');
  });
});
