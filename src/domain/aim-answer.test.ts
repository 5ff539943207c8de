import { describe, expect, it } from 'vitest';
import { d, event, placement } from '../../test/builders.js';
import { leavingAsAt, leavingChildren } from '../../test/leaving-fixtures.js';
import { nationalAims, type Aim } from './aim.js';
import { aimAnswer, answerWords } from './aim-answer.js';
import { aimFigures } from './aim-figures.js';
import { aimRunChart } from './aim-run-chart.js';
import { windowFigures } from './aim-window.js';
import type { ChildRecord } from './records.js';

const aim2 = nationalAims()[1] as Aim;
const milestone = 'a permanence recommendation';

/** One child a point: each recommendation 30 days after the last, each journey `weeks` long. */
function childrenWaiting(weeksEach: readonly number[], firstEnd = '2017-01-15'): ChildRecord[] {
  return weeksEach.map((weeks, i) => {
    const id = `C${String(i + 1).padStart(2, '0')}`;
    const end = d(firstEnd).add({ days: i * 30 });
    const start = end.subtract({ days: weeks * 7 });
    return {
      child: { childId: id, firstName: null, lastName: null, dateOfBirth: d('2012-01-01'), sex: null, siblingGroup: null, worker: null, team: null, locality: null },
      placements: [placement(start.toString(), null, 'foster', { childId: id })],
      events: [event('permanence_recommendation', end.toString(), 'adoption', { childId: id })],
    };
  });
}

// docs/run-charts.md's cdi series: points 1–24 are the baseline (median 19); 25 to 33 are 9 in a row below it.
const cdi = [17, 12, 27, 20, 20, 18, 22, 19, 19, 24, 17, 16, 24, 19, 19, 22, 25, 19, 17, 6, 25, 17, 11, 14, 9, 11, 7, 13, 5, 5, 3, 5, 9, 4, 5, 9];

describe('the answer to "are we getting better?"', () => {
  it('says improving, since when and why, once 9 children in a row are below the old median', () => {
    // Point 25 ended 720 days after 2017-01-15: 5 January 2019. The new median of 9,11,7,13,5,5,3,5,9 is 7.
    const chart = aimRunChart(aim2, childrenWaiting(cdi), d('2020-01-01'), d('2019-01-01'));
    const answer = aimAnswer(chart);
    expect(answer).toEqual({ kind: 'improving', since: 25, sinceDate: d('2019-01-05'), evidence: { rule: 'rephased', run: 9, previousMedian: 19, median: 7 } });
    expect(answerWords(answer, milestone)).toBe('Improving: since January 2019 the weeks to a permanence recommendation have stayed below the old median of 19 weeks (9 children in a row); the median is now 7 weeks.');
  });

  it('speaks in days for a measure whose timescale is in days', () => {
    const answer = { kind: 'improving', since: 25, sinceDate: d('2019-01-05'), evidence: { rule: 'rephased', run: 9, previousMedian: 3 / 7, median: 1 / 7 } } as const;
    expect(answerWords(answer, 'a 72-hour planning meeting', 'days')).toBe('Improving: since January 2019 the days to a 72-hour planning meeting have stayed below the old median of 3 days (9 children in a row); the median is now 1 day.');
    expect(answerWords({ kind: 'no-change', median: 2.5 / 7, points: 40 }, 'a 72-hour planning meeting', 'days')).toBe('No change yet: the days to a 72-hour planning meeting vary around the median of 2.5 days, with no run or trend the rules count as more than chance (40 children).');
  });

  it('says getting worse the other way round', () => {
    const worse = [...cdi.slice(0, 24), 30, 31, 29, 33, 28, 35, 30, 32, 31, 29];
    const answer = aimAnswer(aimRunChart(aim2, childrenWaiting(worse), d('2020-01-01'), d('2019-01-01')));
    expect(answerWords(answer, milestone)).toBe('Getting worse: since January 2019 the weeks to a permanence recommendation have stayed above the old median of 19 weeks (9 children in a row); the median is now 31 weeks.');
  });

  it('calls 6 to 8 in a row after the baseline an early sign, and says what would confirm it', () => {
    const early = [...cdi.slice(0, 24), 20, 10, 11, 9, 12, 8, 10, 9];
    const answer = aimAnswer(aimRunChart(aim2, childrenWaiting(early), d('2020-01-01'), d('2019-01-01')));
    // Point 26 (the 10 after the 20) ended 750 days after 2017-01-15: 4 February 2019.
    expect(answerWords(answer, milestone)).toBe('Improving, an early sign: since February 2019 the last 7 children have waited less than the baseline median of 19 weeks; 9 in a row would confirm it.');
  });

  it('says no change when nothing after the baseline is more than chance', () => {
    const steady = [...cdi.slice(0, 24), 20, 18, 21, 17, 19, 22, 16, 20];
    const answer = aimAnswer(aimRunChart(aim2, childrenWaiting(steady), d('2020-01-01'), d('2019-01-01')));
    expect(answer.kind).toBe('no-change');
    expect(answerWords(answer, milestone)).toBe('No change yet: the weeks to a permanence recommendation vary around the median of 19 weeks, with no run or trend the rules count as more than chance (32 children).');
  });

  it('says there is not enough yet below 10 children, counting every child who has had the milestone', () => {
    // 7 children: the median is 20, and the two on it are not useful to the rules, but they have had it.
    const answer = aimAnswer(aimRunChart(aim2, childrenWaiting([17, 12, 27, 20, 20, 18, 22]), d('2020-01-01'), null));
    expect(answer).toEqual({ kind: 'too-few-points', points: 7, useful: 5, needed: 10 });
    expect(answerWords(answer, milestone)).toBe('Not enough yet: the rules need 10 children who have had a permanence recommendation; there are 7 so far.');
    expect(answerWords(aimAnswer(aimRunChart(aim2, childrenWaiting([17]), d('2020-01-01'), null)), milestone)).toBe('Not enough yet: the rules need 10 children who have had a permanence recommendation; there is 1 so far.');
  });

  it('says how many of 10 or more children are off the median when too few are', () => {
    // 11 children, 5 of them on the median of 20: 6 useful.
    const answer = aimAnswer(aimRunChart(aim2, childrenWaiting([20, 20, 20, 20, 20, 17, 12, 27, 18, 22, 25]), d('2020-01-01'), null));
    expect(answerWords(answer, milestone)).toBe('Not enough yet: the rules need 10 children whose weeks are not exactly the median; of the 11 who have had a permanence recommendation, 6 are.');
  });
});

describe('the figure for a recent window', () => {
  it('counts each journey in the window its status was settled in: its milestone, its leave date or the day it became overdue', () => {
    const figures = aimFigures(aim2, leavingChildren, leavingAsAt);
    // 1 July 2023 – 30 June 2024: only SAME's recommendation (1 August 2023).
    const year = windowFigures(figures, 12);
    expect([year.from.toString(), year.to.toString(), year.journeys.map((j) => j.journey.childId), year.n, year.percentage]).toEqual(['2023-07-01', '2024-06-30', ['SAME'], 1, 100]);
    // 1 July 2022 – 30 June 2024: L2B left on 31 December 2022 (after its due date), L1A became overdue
    // on 31 December 2022, ADE and SAME reached their recommendations in time.
    const two = windowFigures(figures, 24);
    expect([two.journeys.map((j) => j.journey.childId).sort(), two.counts, two.n, two.percentage]).toEqual([['ADE', 'L1A', 'L2B', 'SAME'], { in_time: 2, late: 0, overdue: 1, left_late: 1 }, 4, 50]);
    // The median of the two that reached it: (92 + 153) ÷ 2 days.
    expect(two.medianWeeks).toBeCloseTo(122.5 / 7, 10);
  });
});
