// Each balancing measure against literal records whose figures are worked out by hand in the comments.
import { describe, expect, it } from 'vitest';
import { d, event, placement, record } from '../../../test/builders.js';
import { monthsEndingBy } from '../monthly-run-chart.js';
import { balancingChart, csoAtHome, placementMoves, reaccommodated } from './balancing.js';

const values = (points: readonly { month: { toString(): string }; numerator: number; denominator: number; value: number | null }[]) =>
  points.map((p) => [p.month.toString().slice(0, 7), p.numerator, Number(p.denominator.toFixed(4)), p.value === null ? null : Number(p.value.toFixed(4))]);

describe('the months of a balancing measure', () => {
  it('are the calendar months that end on or before the date', () => {
    expect(monthsEndingBy(d('2021-04-01'), 3).map(String)).toEqual(['2021-01-01', '2021-02-01', '2021-03-01']);
    expect(monthsEndingBy(d('2021-03-31'), 2).map(String)).toEqual(['2021-02-01', '2021-03-01']);
  });
});

describe('placement moves per child per year looked after', () => {
  // C1: foster with carer X to 15 Jan, then foster with carer Y: a move in January.
  // C2: foster with carer Z 1–10 Feb, again with carer Z 11–28 Feb (same setting: no move), residential from 1 March: a move in March.
  // C3: at home on a CSO from 1 January: days only.
  // Days looked after: January 31 + 31 = 62; February 28 × 3 = 84; March 31 × 3 = 93.
  // Rates: January 1 ÷ (62 ÷ 365.25) = 5.8911; February 0; March 1 ÷ (93 ÷ 365.25) = 3.9274.
  const records = [
    record([placement('2020-12-01', '2021-01-15', 'foster', { carerRef: 'X' }), placement('2021-01-16', null, 'foster', { carerRef: 'Y' })], [], { childId: 'C1' }),
    record([placement('2021-02-01', '2021-02-10', 'foster', { carerRef: 'Z', childId: 'C2' }), placement('2021-02-11', '2021-02-28', 'foster', { carerRef: 'Z', childId: 'C2' }), placement('2021-03-01', null, 'residential', { childId: 'C2' })], [], { childId: 'C2' }),
    record([placement('2021-01-01', null, 'home', { legalBasis: 'CSO', childId: 'C3' })], [], { childId: 'C3' }),
  ];

  it('counts moves in the month they happen, over the years looked after in that month', () => {
    expect(values(placementMoves(records, d('2021-04-01'), 3).points)).toEqual([
      ['2021-01', 1, Number((62 / 365.25).toFixed(4)), 5.8911],
      ['2021-02', 0, Number((84 / 365.25).toFixed(4)), 0],
      ['2021-03', 1, Number((93 / 365.25).toFixed(4)), 3.9274],
    ]);
  });
});

describe('returned home and accommodated again within 12 months', () => {
  // As at 1 March 2022 the months whose returns have all been followed for 12 months end with February 2021.
  // C1: foster to 14 Jan 2021, home from 15 Jan, foster again from 1 July 2021: a January return, accommodated again.
  // C2: foster to 31 Jan 2021, then no longer looked after, with a plan to return home: a February return, not accommodated again.
  // C3: foster to 19 Feb 2021, then no longer looked after, recommended for adoption: not a return home.
  // C4: foster to 9 Feb 2021, home from 10 Feb, foster again from 20 Feb 2022 (after 10 Feb 2022): a February return, not again within 12 months.
  // January: 1 of 1 (100%); February: 0 of 2 (0%).
  const records = [
    record([placement('2020-10-01', '2021-01-14', 'foster', { childId: 'C1' }), placement('2021-01-15', '2021-06-30', 'home', { legalBasis: 'CSO', childId: 'C1' }), placement('2021-07-01', null, 'foster', { childId: 'C1' })], [], { childId: 'C1' }),
    record([placement('2020-11-01', '2021-01-31', 'foster', { childId: 'C2' })], [event('permanence_recommendation', '2020-12-15', 'home', { childId: 'C2' })], { childId: 'C2' }),
    record([placement('2020-06-01', '2021-02-19', 'foster', { childId: 'C3' })], [event('permanence_recommendation', '2020-12-15', 'adoption', { childId: 'C3' })], { childId: 'C3' }),
    record([placement('2020-06-01', '2021-02-09', 'foster', { childId: 'C4' }), placement('2021-02-10', '2021-03-01', 'home', { childId: 'C4' }), placement('2022-02-20', null, 'foster', { childId: 'C4' })], [], { childId: 'C4' }),
  ];

  it('counts returns by the month of the return, and shows only months followed for a year', () => {
    expect(values(reaccommodated(records, d('2022-03-01'), 2).points)).toEqual([
      ['2021-01', 1, 1, 100],
      ['2021-02', 0, 2, 0],
    ]);
  });
});

describe('children at home on a CSO for more than 18 and 24 months', () => {
  // Month ends 31 Oct, 30 Nov, 31 Dec 2021.
  // C1: CSO at home from 15 Apr 2020 (18 months on 15 Oct 2021): over 18 months at every month end.
  // C2: CSO at home from 30 Nov 2019 to 15 Nov 2021: over 18 months on 31 Oct (not yet 24: that is 30 Nov); gone by 30 Nov.
  // C3: at home on a voluntary basis (S25): never counted.
  // C4: CSO at home from 31 May 2021: counted among those at home only.
  // C5: CSO at home from 1 Oct 2019 (24 months on 1 Oct 2021): over 24 months at every month end.
  const records = [
    record([placement('2020-04-15', null, 'home', { legalBasis: 'CSO', childId: 'C1' })], [], { childId: 'C1' }),
    record([placement('2019-11-30', '2021-11-15', 'home', { legalBasis: 'CSO', childId: 'C2' })], [], { childId: 'C2' }),
    record([placement('2019-01-01', null, 'home', { legalBasis: 'S25', childId: 'C3' })], [], { childId: 'C3' }),
    record([placement('2021-05-31', null, 'home', { legalBasis: 'CSO', childId: 'C4' })], [], { childId: 'C4' }),
    record([placement('2019-10-01', null, 'home', { legalBasis: 'CSO', childId: 'C5' })], [], { childId: 'C5' }),
  ];

  it('counts them on the last day of each month', () => {
    expect(values(csoAtHome(records, d('2021-12-31'), 3, 18).points)).toEqual([
      ['2021-10', 3, 4, 3],
      ['2021-11', 2, 3, 2],
      ['2021-12', 2, 3, 2],
    ]);
    expect(values(csoAtHome(records, d('2021-12-31'), 3, 24).points)).toEqual([
      ['2021-10', 1, 4, 1],
      ['2021-11', 1, 3, 1],
      ['2021-12', 1, 3, 1],
    ]);
  });

  it('is analysed as a run chart, with too few months said in words', () => {
    const chart = balancingChart(csoAtHome(records, d('2021-12-31'), 3, 18), null);
    expect(chart.plotted.length).toBe(3);
    expect(chart.verdicts[0]).toBe('The baseline is the first 3 months shown, because no programme start date is set.');
    expect(chart.verdicts.some((v) => v.startsWith('10 useful points are needed before these rules can judge'))).toBe(true);
  });
});
