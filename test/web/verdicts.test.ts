import { describe, expect, it } from 'vitest';
import { aimRunChartWords, type AimRunChart } from '../../src/domain/aim-run-chart.js';
import { analyseSeries, verdictsOf } from '../../src/domain/spc/index.js';
import { findingGroups, summariseVerdicts } from '../../src/app/verdict-words.js';
import { nationalAims, type Aim } from '../../src/domain/aim.js';
import { aimRunChart } from '../../src/domain/aim-run-chart.js';
import { d, event, placement } from '../builders.js';

function chartOf(values: number[]): AimRunChart {
  const analysis = analyseSeries(values);
  return {
    series: { points: [], weeks: [], endDays: new Int32Array(0), baselineCount: 0, baselineRule: { kind: 'first-points', programmeStart: null, beforeStart: 0 }, waiting: [] },
    analysis,
    findings: verdictsOf(analysis),
    highlighted: new Set(),
  };
}

describe('what the rules say, on the dashboard', () => {
  it('counts a kind of verdict that repeats more than five times and names only its latest three', () => {
    // Five blocks of six points above the median and five below, in turn: ten shifts.
    const values = Array.from({ length: 60 }, (_, i) => (Math.floor(i / 6) % 2 === 0 ? 10 : 1));
    const chart = chartOf(values);
    const lines = summariseVerdicts(chart);
    expect(lines.filter((l) => l.startsWith('Shift:'))).toEqual([
      'Shift: 6 points in a row below the median, points 43–48.',
      'Shift: 6 points in a row above the median, points 49–54.',
      'Shift: 6 points in a row below the median, points 55–60.',
    ]);
    expect(lines).toContain("10 shifts in all (the aim's page lists every one); the latest:");
    expect(lines[0]).toBe('No journey has reached its milestone yet, so there is no baseline.');
    expect(aimRunChartWords(chart).filter((l) => l.startsWith('Shift:'))).toHaveLength(10);
  });

  it('leaves a kind with five or fewer verdicts as it is', () => {
    const chart = chartOf([17, 12, 27, 20, 20, 18, 22, 19, 19, 24, 17, 16, 24, 19, 19, 22, 25, 19, 17, 6, 25, 17, 11, 14, 9, 11, 7, 13, 5, 5, 3, 5, 9, 4, 5, 9]);
    expect(summariseVerdicts(chart)).toEqual(aimRunChartWords(chart));
  });
});

describe("every finding, grouped for the aim's page", () => {
  // The cdi series, one child a point, each recommendation 30 days after the last; 24 before the programme start.
  const cdi = [17, 12, 27, 20, 20, 18, 22, 19, 19, 24, 17, 16, 24, 19, 19, 22, 25, 19, 17, 6, 25, 17, 11, 14, 9, 11, 7, 13, 5, 5, 3, 5, 9, 4, 5, 9];
  const records = cdi.map((weeks, i) => {
    const id = `C${String(i + 1).padStart(2, '0')}`;
    const end = d('2017-01-15').add({ days: i * 30 });
    return {
      child: { childId: id, firstName: null, lastName: null, dateOfBirth: d('2012-01-01'), sex: null, siblingGroup: null, worker: null, team: null, locality: null },
      placements: [placement(end.subtract({ days: weeks * 7 }).toString(), null, 'foster', { childId: id })],
      events: [event('permanence_recommendation', end.toString(), 'adoption', { childId: id })],
    };
  });

  it('puts the current phase first, then the whole chart, the baseline sentence leading it', () => {
    const groups = findingGroups(aimRunChart(nationalAims()[1] as Aim, records, d('2020-01-01'), d('2019-01-01')));
    expect(groups).toEqual([
      {
        title: 'The current phase, since January 2019',
        findings: ['A sustained shift below the median of 19, from January 2019 to September 2019: the median is re-phased to 7.', 'Shift: 15 points in a row below the baseline median, since October 2018.'],
      },
      {
        title: 'The whole chart: runs and crossings',
        findings: [
          'The baseline is the 24 journeys that ended before the programme start on 1 January 2019.',
          '15 points in a row below the baseline median since October 2018: this is not chance.',
          'Too few crossings of the baseline median (8; at least 11 expected): the process has shifted.',
          '9 runs, within the 9 to 18 expected by chance with 9 points above and 22 below the baseline median.',
        ],
      },
    ]);
  });

  it('groups earlier findings by rule, each group counted and latest first', () => {
    const values = Array.from({ length: 60 }, (_, i) => (Math.floor(i / 6) % 2 === 0 ? 10 : 1));
    const groups = findingGroups(chartOf(values));
    expect(groups.map((g) => g.title)).toEqual(['Shifts: 6 or more in a row on one side of the median (10)', 'Candidate astronomical points, for the team to judge (60)', 'The whole chart: runs and crossings']);
    expect(groups[0]?.findings.slice(0, 2)).toEqual(['Shift: 6 points in a row below the median, points 55–60.', 'Shift: 6 points in a row above the median, points 49–54.']);
  });
});
