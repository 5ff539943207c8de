import { describe, expect, it } from 'vitest';
import { d, placement, record } from '../../../test/builders.js';
import { nationalChildren, threeAuthorities } from '../../../test/national-fixtures.js';
import { nationalComparison, nationalComparisonInParts, nationalComparisonParts } from './national-comparison.js';

// The three authorities and their counts are worked out by hand in test/national-fixtures.ts.
const authorities = threeAuthorities();

describe('the national comparison', () => {
  const comparison = nationalComparison(authorities, d('2021-06-01'));
  const aim2 = comparison.aims[1];

  it('measures every authority by each national aim, authorities by name', () => {
    expect(comparison.aims.map((a) => [a.aim.nationalAim, a.aim.timescale])).toEqual([
      [1, { unit: 'months', months: 24 }],
      [2, { unit: 'weeks', weeks: 26 }],
      [3, { unit: 'weeks', weeks: 14 }],
      [4, { unit: 'weeks', weeks: 3 }],
    ]);
    expect(aim2?.authorities.map((r) => r.name)).toEqual(['Alpha Council', 'Beta Council', 'Gamma Council']);
  });

  it('hides every count under 5 and the counts that would give one away', () => {
    // Counts (in time, late, overdue, n, waiting):
    //   Alpha 12  3  5 20  2      Beta 6  6  0 12  0      Gamma 2 1 1 4 1      All 20 10 6 36 3
    // Under 5: Alpha's 3 and 2, Beta's 0s, all of Gamma, the national 3 waiting. Then, hiding late,
    // overdue and waiting before in time and n (the percentage needs them), the smallest first:
    //   Alpha's row would give its 3 late away (20 − 12 − 5): its 5 overdue is hidden;
    //   Beta's row would give its 0 overdue away (12 − 6 − 6): its 6 late is hidden;
    //   the in-time column would give Gamma's 2 away (20 − 12 − 6): Beta's 6 in time is hidden;
    //   the n column would give Gamma's 4 away (36 − 20 − 12): Beta's 12 is hidden.
    expect(aim2?.authorities.map((r) => [r.code, r.counts])).toEqual([
      ['ALP', { in_time: 12, late: '[c]', overdue: '[c]', n: 20, waiting: '[c]' }],
      ['BET', { in_time: '[c]', late: '[c]', overdue: '[c]', n: '[c]', waiting: '[c]' }],
      ['GAM', { in_time: '[c]', late: '[c]', overdue: '[c]', n: '[c]', waiting: '[c]' }],
    ]);
    expect(aim2?.national.counts).toEqual({ in_time: 20, late: 10, overdue: 6, n: 36, waiting: '[c]' });
  });

  it('gives the percentage in time with its 95% Wilson interval only where both its counts are shown', () => {
    const [alpha, beta, gamma] = aim2?.authorities ?? [];
    // 12 of 20: 60%, 38.7% to 78.1%.
    expect(alpha?.percentage).toBe(60);
    expect([alpha?.interval?.lower.toFixed(1), alpha?.interval?.upper.toFixed(1)]).toEqual(['38.7', '78.1']);
    expect([beta?.percentage, beta?.interval, gamma?.percentage, gamma?.interval]).toEqual([null, null, null, null]);
    // 20 of 36: 55.6%, 39.6% to 70.5% (centre 0.60891/1.10671 = 0.55020, half-width 1.77101 × √0.0075997 = 0.15439).
    expect(aim2?.national.percentage?.toFixed(1)).toBe('55.6');
    expect([aim2?.national.interval?.lower.toFixed(1), aim2?.national.interval?.upper.toFixed(1)]).toEqual(['39.6', '70.5']);
    expect(aim2?.rate).toBeCloseTo(20 / 36, 12);
  });

  it('gives the median weeks only of 5 or more completed journeys', () => {
    // Alpha: 12 at 20 weeks and 3 at 30, median 20; Beta: 6 and 6, median 25; Gamma: 3 completed.
    expect(aim2?.authorities.map((r) => r.medianWeeks)).toEqual([20, 25, null]);
    expect(aim2?.national.medianWeeks).toBe(20);
  });

  it('places each published authority against the funnel limits around the national rate', () => {
    // Around 20/36 at n = 20 the 95% limits are 0.5556 ± 1.96 × 0.1111 = 33.8% to 77.3%: 60% is within.
    expect(aim2?.authorities.map((r) => r.position)).toEqual(['within', null, null]);
    expect(aim2?.national.position).toBeNull();
  });

  it('has all counts hidden where there is nothing to count', () => {
    const aim4 = comparison.aims[3];
    expect(aim4?.national.counts).toEqual({ in_time: '[c]', late: '[c]', overdue: '[c]', n: '[c]', waiting: '[c]' });
    expect(aim4?.rate).toBeNull();
    expect(aim4?.national.medianWeeks).toBeNull();
  });

  it('holds no child: no id, name or date of birth anywhere in it', () => {
    const text = JSON.stringify(comparison);
    expect(text).not.toMatch(/Zebedee|Secret|2012-03-04|ALP-|BET-|GAM-/);
  });

  it('can limit each cohort to journeys starting on or after a date', () => {
    const later = nationalComparison(authorities, d('2021-06-01'), { fromDate: d('2020-06-01') });
    // Only the overdue (2020-06-01) and waiting (2021-03-01) journeys start then. Overdue: Alpha 5,
    // Beta 0, Gamma 1 of 6. A reader who knew Beta had none could work Gamma's 1 out from Alpha's 5
    // (6 − 5 − 0), so Alpha's 5 is hidden too, and with it Alpha's n (5, beside Gamma's 1 of 6).
    // No journey is in time or late: with the national overdue and n both 6, the hidden national
    // in time and late could only be 0 (counts are never negative), so the national overdue is
    // hidden too.
    expect(later.aims[1]?.authorities.map((r) => [r.code, r.counts])).toEqual([
      ['ALP', { in_time: '[c]', late: '[c]', overdue: '[c]', n: '[c]', waiting: '[c]' }],
      ['BET', { in_time: '[c]', late: '[c]', overdue: '[c]', n: '[c]', waiting: '[c]' }],
      ['GAM', { in_time: '[c]', late: '[c]', overdue: '[c]', n: '[c]', waiting: '[c]' }],
    ]);
    expect(later.aims[1]?.national.counts).toEqual({ in_time: '[c]', late: '[c]', overdue: '[c]', n: 6, waiting: '[c]' });
  });

  it('copes with no authority at all', () => {
    expect(nationalComparison([], d('2021-06-01')).aims[1]?.national.counts).toEqual({ in_time: '[c]', late: '[c]', overdue: '[c]', n: '[c]', waiting: '[c]' });
  });

  it('counts a journey that left after its timescale with the overdue ones, so that each row adds up to n', () => {
    // Six children accommodated on 1 January 2020 who went home on 1 December 2020 with no
    // recommendation: aim 2's 26 weeks ran out on 1 July 2020, so each left after the timescale.
    const left = Array.from({ length: 6 }, (_, i) => record([placement('2020-01-01', '2020-12-01', 'foster', { childId: `L${i}` })], [], { childId: `L${i}` }));
    const withLeavers = nationalComparison([...authorities, { authority: { code: 'DELTA', name: 'Delta Council', programmeStart: null }, records: left }], d('2021-06-01'));
    const delta = withLeavers.aims[1]?.authorities.find((r) => r.code === 'DELTA');
    // Delta's 0 in time and 0 late are hidden, and its 6 and 6 would give them away: all hidden.
    expect([delta?.counts.in_time, delta?.counts.late, delta?.counts.overdue, delta?.counts.n]).toEqual(['[c]', '[c]', '[c]', '[c]']);
    // All authorities: 20 in time, 10 late, 6 overdue + 6 left after the timescale, n = 36 + 6.
    const national = withLeavers.aims[1]?.national.counts;
    expect([national?.in_time, national?.late, national?.overdue, national?.n]).toEqual([20, 10, 12, 42]);
  });

  it('publishes each aim quarter by quarter, each quarter a table of its own suppressed as the others are', () => {
    const byQuarter = aim2?.byQuarter;
    // As at 31 May 2021 (the last whole month): the eight calendar quarters that ended by then.
    expect(byQuarter?.quarters.map(String)).toEqual(['2019-04-01', '2019-07-01', '2019-10-01', '2020-01-01', '2020-04-01', '2020-07-01', '2020-10-01', '2021-01-01']);
    const cells = (r: { cells: readonly { inTime: unknown; n: unknown; percentage: number | null; medianWeeks: number | null }[] } | undefined) => r?.cells.slice(4, 7).map((c) => [c.inTime, c.n, c.percentage, c.medianWeeks]);
    // April to June 2020: every in-time journey was settled (Alpha 12, Beta 6, Gamma 2 of 2), none
    // not in time: the 0s are hidden, and every in-time count with them, or the row would give them away.
    // July to September 2020: the late ones (Alpha 3, Beta 6, Gamma 1); October to December: the overdue (Alpha 5, Gamma 1).
    // A median is published where at least 5 were completed: 20 weeks in time, 30 weeks late.
    expect(cells(byQuarter?.authorities[0])).toEqual([
      ['[c]', 12, null, 20],
      ['[c]', '[c]', null, null],
      ['[c]', '[c]', null, null],
    ]);
    expect(cells(byQuarter?.authorities[1])).toEqual([
      ['[c]', '[c]', null, 20],
      ['[c]', 6, null, 30],
      ['[c]', '[c]', null, null],
    ]);
    expect(cells(byQuarter?.national)).toEqual([
      ['[c]', 20, null, 20],
      ['[c]', 10, null, 30],
      ['[c]', 6, null, null],
    ]);
  });

  it("publishes a quarter's percentage where its counts are large enough", () => {
    // Two authorities, each with 6 in time (settled 25 May 2020) and 6 overdue (accommodated 1 December
    // 2019, due 31 May 2020, settled 1 June 2020): April to June 2020 is 6 of 12 in each, 12 of 24 in all.
    const overdueEarly = (code: string) =>
      Array.from({ length: 6 }, (_, i) => record([placement('2019-12-01', null, 'foster', { childId: `${code}-early-${i}` })], [], { childId: `${code}-early-${i}` }));
    const two = ['EAST', 'WEST'].map((code) => ({ authority: { code, name: `${code} Council`, programmeStart: null }, records: [...nationalChildren(code, { in_time: 6, late: 0, overdue: 0, waiting: 0 }), ...overdueEarly(code)] }));
    const quarter = nationalComparison(two, d('2021-06-01')).aims[1]?.byQuarter;
    const april = (r: { cells: readonly { inTime: unknown; n: unknown; percentage: number | null }[] } | undefined) => [r?.cells[4]?.inTime, r?.cells[4]?.n, r?.cells[4]?.percentage];
    expect(april(quarter?.authorities[0])).toEqual([6, 12, 50]);
    expect(april(quarter?.authorities[1])).toEqual([6, 12, 50]);
    expect(april(quarter?.national)).toEqual([12, 24, 50]);
  });

  it('gives the same comparison worked out a part at a time, pausing after each authority on each aim', async () => {
    let pauses = 0;
    const inParts = await nationalComparisonInParts(threeAuthorities(), d('2021-06-01'), {}, async () => {
      pauses += 1;
    });
    expect(inParts).toEqual(comparison);
    // Fewer than 250 children each (no pause while their journeys are worked out); 3 authorities and the comparison, on 4 aims.
    expect(pauses).toBe(16);
    // The count the working-out page's progress is out of.
    expect(nationalComparisonParts(threeAuthorities())).toBe(16);
  });
});
