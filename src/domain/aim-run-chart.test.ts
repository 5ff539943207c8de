import { describe, expect, it } from 'vitest';
import { d, event, placement } from '../../test/builders.js';
import { nationalAims, type Aim } from './aim.js';
import { aimRunChart, aimRunChartWords, baselineWords } from './aim-run-chart.js';
import type { ChildRecord } from './records.js';

// docs/run-charts.md's cdi series, one child a point: each recommendation 30 days after the last,
// each journey as many whole weeks long as the series says.
const cdi = [17, 12, 27, 20, 20, 18, 22, 19, 19, 24, 17, 16, 24, 19, 19, 22, 25, 19, 17, 6, 25, 17, 11, 14, 9, 11, 7, 13, 5, 5, 3, 5, 9, 4, 5, 9];

const records: ChildRecord[] = cdi.map((weeks, i) => {
  const id = `C${String(i + 1).padStart(2, '0')}`;
  const end = d('2017-01-15').add({ days: i * 30 });
  const start = end.subtract({ days: weeks * 7 });
  return {
    child: { childId: id, firstName: null, lastName: null, dateOfBirth: d('2012-01-01'), sex: null, siblingGroup: null, worker: null, team: null, locality: null },
    placements: [placement(start.toString(), null, 'foster', { childId: id })],
    events: [event('permanence_recommendation', end.toString(), 'adoption', { childId: id })],
  };
});

const aim2 = nationalAims()[1] as Aim;

describe('an aim’s run chart', () => {
  // Point 24 ends on 2018-12-06 and point 25 on 2019-01-05: a programme start of 2019-01-01 makes 24 baseline points.
  const chart = aimRunChart(aim2, records, d('2020-01-01'), d('2019-01-01'));

  it('analyses the weeks against the median of the journeys that ended before the programme start', () => {
    expect(chart.series.baselineCount).toBe(24);
    expect([chart.analysis.cl, chart.analysis.anhoej.n_useful, chart.analysis.anhoej.longest_run, chart.analysis.anhoej.n_crossings, chart.analysis.anhoej.signal]).toEqual([19, 31, 15, 8, true]);
  });

  it('finds each rule as a typed finding, and says them in words, naming months', () => {
    expect(chart.findings.map((f) => f.kind)).toContain('shift');
    expect(aimRunChartWords(chart)[0]).toBe('The baseline is the 24 journeys that ended before the programme start on 1 January 2019.');
    expect(aimRunChartWords(chart)).toContain('15 points in a row below the baseline median since October 2018: this is not chance.');
  });

  it('highlights the points of the shift', () => {
    for (let p = 22; p <= 36; p++) expect(chart.highlighted.has(p)).toBe(true);
    expect(chart.highlighted.has(21)).toBe(false);
  });

  it('does not ring a run that lies wholly within the baseline: that is how things were', () => {
    const allBaseline = aimRunChart(aim2, records, d('2020-01-01'), d('2019-12-31'));
    expect(allBaseline.series.baselineCount).toBe(36);
    expect(allBaseline.analysis.ihi.shifts.length).toBeGreaterThan(0);
    expect(allBaseline.highlighted.size).toBe(0);
  });

  it('takes the first 12 points as baseline, and says why, when too few ended before the start', () => {
    const early = aimRunChart(aim2, records, d('2020-01-01'), d('2017-06-01'));
    expect(early.series.baselineCount).toBe(12);
    expect(aimRunChartWords(early)[0]).toBe('The baseline is the first 12 points, because only 5 journeys ended before the programme start on 1 June 2017 (at least 10 are needed).');
  });

  it('says how many points it needs when there are too few to judge', () => {
    // 17, 12, 27, 20, 20, 18, 22: the median is 20, and the two points on it are not useful.
    const few = aimRunChart(aim2, records.slice(0, 7), d('2020-01-01'), null);
    expect(aimRunChartWords(few)).toEqual(['The baseline is all 7 points so far, because no programme start date is set.', '10 useful points are needed before these rules can judge; this chart has 5.']);
  });
});

describe('baseline words', () => {
  it('says there is no baseline before any journey has ended', () => {
    expect(baselineWords({ kind: 'first-points', programmeStart: null, beforeStart: 0 }, 0)).toBe('No journey has reached its milestone yet, so there is no baseline.');
  });

  it('speaks of one journey in the singular', () => {
    expect(baselineWords({ kind: 'first-points', programmeStart: d('2019-04-01'), beforeStart: 1 }, 12)).toBe(
      'The baseline is the first 12 points, because only 1 journey ended before the programme start on 1 April 2019 (at least 10 are needed).',
    );
  });
});
