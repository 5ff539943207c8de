import { describe, expect, it } from 'vitest';
import { aimRunChartWords, type AimRunChart } from '../../src/domain/aim-run-chart.js';
import { analyseSeries, verdictsOf } from '../../src/domain/spc/index.js';
import { summariseVerdicts } from '../../src/app/verdict-words.js';

function chartOf(values: number[]): AimRunChart {
  const analysis = analyseSeries(values);
  return {
    series: { points: [], baselineCount: 0, baselineRule: { kind: 'first-points', programmeStart: null, beforeStart: 0 }, waiting: [] },
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
