import { describe, expect, it } from 'vitest';
import { parseDateOrThrow as d } from '../domain/date.js';
import { svgToPng } from './render.js';
import { runChartSvg, type RunChartInput } from './run-chart.js';
import { stageChartSvg } from './stage-chart.js';
import { studySeriesSvg } from './study-chart.js';
import { survivalChartSvg } from './survival-chart.js';
import { waitingChartSvg, type WaitingBarInput } from './waiting-chart.js';

const weeks = [17, 12, 27, 20, 20, 18, 22, 19, 19, 24, 17, 16, 24, 19, 19, 22, 25, 19, 17, 6, 25, 17, 11, 14, 9, 11, 7, 13, 5, 5, 3, 5, 9, 4, 5, 9];

const runChart: RunChartInput = {
  points: weeks.map((w, i) => ({ position: i + 1, childId: `C${String(i + 1).padStart(3, '0')}`, end: d('2018-01-01').add({ days: i * 20 }), weeks: w })),
  phases: [{ kind: 'baseline', median: 19, from: 1, to: 24 }],
  highlighted: new Set(Array.from({ length: 17 }, (_, i) => 20 + i)),
  aimWeeks: 26,
  aimLabel: 'Aim: 26 weeks',
  programmeStart: d('2019-04-01'),
  markers: [{ date: d('2019-06-01'), label: 'Early legal advice' }],
};

function count(svg: string, pattern: RegExp): number {
  return svg.match(pattern)?.length ?? 0;
}

describe('the run chart', () => {
  const svg = runChartSvg(runChart);

  it('draws one dot a child, naming the child and the weeks on hover', () => {
    expect(count(svg, /<title>C\d{3}: /g)).toBe(36);
    expect(svg).toContain('<title>C020: 6.0 weeks, ended 2019-01-16</title>');
  });

  it('rings the points in a signal, and the legend says what a ring means', () => {
    const ringed = /<g stroke-width="2" stroke="#1a1a1a" fill="#0065bd"[^>]*>(.*?)<\/g>/s.exec(svg)?.[1] ?? '';
    expect(count(ringed, /<circle /g)).toBe(17);
    expect(ringed).toContain('<title>C020: 6.0 weeks, ended 2019-01-16</title>');
    expect(ringed).not.toContain('C019');
    expect(svg).toContain('in a run or trend the rules count');
  });

  it('draws the aim line, the PACE start and the test of change, each labelled', () => {
    expect(svg).toContain('>Aim: 26 weeks</text>');
    expect(svg).toContain('>PACE start</text>');
    expect(svg).toContain('Early legal advice');
    expect(svg).toContain('>Baseline median 19 weeks</text>');
  });

  it('puts the PACE start label left of its line when the line is at the right-hand edge, so that it is not cut off', () => {
    const label = (chart: string) => /<g [^>]*text-anchor="(start|end)"[^>]*aria-label="text"><text[^>]*>PACE start<\/text>/.exec(chart)?.[1];
    expect(label(svg)).toBe('start');
    expect(label(runChartSvg({ ...runChart, programmeStart: d('2020-06-01') }))).toBe('end');
  });

  it("puts a test of change's label left of its rule when the rule is at the right-hand edge", () => {
    const last = runChart.points.at(-1)?.end ?? d('2019-12-07');
    const chart = runChartSvg({ ...runChart, marks: [{ date: d('2018-06-01'), kind: 'start', label: 'T1', description: 'Test 1: started' }, { date: last, kind: 'act', label: 'T1.1', description: 'Test 1: cycle 1 acted on' }] });
    const anchorOf = (label: string) => new RegExp(`<g [^>]*text-anchor="(start|end)"[^>]*aria-label="text"><text[^>]*>${label.replace('.', '\\.')}<title>`).exec(chart)?.[1];
    expect([anchorOf('T1'), anchorOf('T1.1')]).toEqual(['start', 'end']);
  });

  it("writes a test of change's label as large as the chart's other words on the smaller chart a phone shows, and 12 px on a desk's", () => {
    const marks: RunChartInput['marks'] = [{ date: d('2018-06-01'), kind: 'start', label: 'Early legal advice', description: 'Early legal advice: started' }];
    const sizeOf = (chart: string) => /<g [^>]*font-weight="bold" font-size="(\d+)"[^>]*><text[^>]*>Early legal advice<title>/.exec(chart)?.[1];
    expect([sizeOf(runChartSvg({ ...runChart, marks })), sizeOf(runChartSvg({ ...runChart, marks, size: 'small' }))]).toEqual(['12', '13']);
  });

  it('draws the baseline median solid and its extension dashed', () => {
    expect(count(svg, /stroke-dasharray="6,5"/g)).toBe(1);
    expect(svg).toContain('<title>Baseline median 19 weeks, points 1 to 24, extended</title>');
  });

  it('names the latest re-phased median at the right-hand end, with the month it began', () => {
    const rephased = runChartSvg({ ...runChart, phases: [...runChart.phases, { kind: 'sustained', median: 5, from: 25, to: 33 }] });
    expect(rephased).toContain('>New median 5 weeks, from April 2019</text>');
    expect(rephased).toContain('<title>Re-phased median 5 weeks, points 25 to 33</title>');
    expect(rephased).toContain('median, re-phased after a shift; dashed where extended');
  });

  it('keeps the aim’s label clear of a baseline median just under it', () => {
    const near = runChartSvg({ ...runChart, aimWeeks: 20, aimLabel: 'Aim: 20 weeks' });
    // The aim's words go over its line and the median's under, so the two never meet.
    expect(near).toMatch(/transform="translate\(4,-13\)"[^>]*fill="#428542"[^>]*><text[^>]*>Aim: 20 weeks/);
    expect(near).toMatch(/transform="translate\(4,13\)"[^>]*fill="#e5682a"[^>]*><text[^>]*>Baseline median 19 weeks/);
  });

  it('draws dots smaller, and not each a stop for the keyboard, when there are more than 300', () => {
    const many = runChartSvg({ ...runChart, highlighted: new Set(), points: Array.from({ length: 301 }, (_, i) => ({ position: i + 1, childId: `C${i + 1}`, end: d('2018-01-01').add({ days: i }), weeks: 10 })), links: { label: 'Children', hrefOf: (id) => `/c/${id}` } });
    expect(count(many, /r="2.2"/g)).toBe(301);
    expect(many).toContain('tabindex="-1"');
    const few = runChartSvg({ ...runChart, links: { label: 'Children', hrefOf: (id) => `/c/${id}` } });
    expect(few).not.toContain('tabindex="-1"');
  });

  it('matches the committed snapshot', async () => {
    await expect(svg).toMatchFileSnapshot('__snapshots__/run-chart.svg');
  });

  it('says so when there is nothing to draw', () => {
    expect(runChartSvg({ ...runChart, points: [], phases: [], highlighted: new Set() })).toContain('No child has reached the milestone yet');
  });

  it('gives an axis with a scale when every value is 0: 0 to 100 for a percentage, 0 to 1 otherwise', () => {
    // Every quarter 0% in time: the axis ran from 0 to 0, its one tick read "0.000000" and the dots floated mid-chart.
    const zeros: RunChartInput = { points: runChart.points.slice(0, 8).map((p) => ({ ...p, weeks: 0 })), phases: [{ kind: 'baseline', median: 0, from: 1, to: 8 }], highlighted: new Set(), aimWeeks: null, aimLabel: '', programmeStart: null, yLabel: '% in time' };
    const percent = runChartSvg({ ...zeros, flatTop: 100 });
    expect(yTicks(percent)).toEqual(['0', '10', '20', '30', '40', '50', '60', '70', '80', '90', '100']);
    expect(percent).not.toContain('0.000000');
    expect(yTicks(runChartSvg({ ...zeros, yLabel: 'Children' }))).toEqual(['0', '1']);
    // Any value above 0 and the axis is the data's own, as before.
    expect(yTicks(runChartSvg({ ...zeros, points: zeros.points.map((p, i) => ({ ...p, weeks: i === 0 ? 2 : 0 })), flatTop: 100 }))).toEqual(['0.0', '0.2', '0.4', '0.6', '0.8', '1.0', '1.2', '1.4', '1.6', '1.8', '2.0']);
  });
});

describe('a test of change’s Study numbers', () => {
  it('gives a count axis from 0 to 1 when every count is 0', () => {
    // Reviews cancelled, cycle after cycle: none.
    const points = [1, 2, 3].map((cycle) => ({ cycle, date: d(`2024-0${cycle}-15`), measurement: { date: d(`2024-0${cycle}-15`), count: 0, outOf: null, label: 'Reviews cancelled' }, value: 0, words: '0 reviews cancelled' }));
    const svg = studySeriesSvg({ label: 'Reviews cancelled', kind: 'count', points, median: 0 }, 1);
    expect(yTicks(svg)).toEqual(['0', '1']);
  });

  it('is drawn 440 wide for a phone, every number and its label still there', () => {
    // A cycle a quarter through a year.
    const day = (cycle: number) => `2024-${String(cycle * 3 - 2).padStart(2, '0')}-15`;
    const points = [1, 2, 3, 4].map((cycle) => ({ cycle, date: d(day(cycle)), measurement: { date: d(day(cycle)), count: cycle, outOf: 10, label: 'Reviews on time' }, value: cycle * 10, words: `${cycle} of 10 reviews on time` }));
    const series = { label: 'Reviews on time', kind: 'percent' as const, points, median: 25 };
    const [full, small] = [studySeriesSvg(series, 2), studySeriesSvg(series, 2, 'small')];
    expect([/viewBox="0 0 (\d+) /.exec(full)?.[1], /viewBox="0 0 (\d+) /.exec(small)?.[1]]).toEqual(['640', '440']);
    for (const svg of [full, small]) {
      expect(svg.match(/<title>Test 2, cycle \d, 2024-(01|04|07|10)-15: \d of 10 reviews on time<\/title>/g)).toHaveLength(4);
      expect(svg).toContain('>C4</text>');
      expect(svg).toContain('median 25.0%');
    }
  });
});

/** The value axis's tick labels, bottom to top (Plot sets them left of the axis, anchored at their end). */
function yTicks(svg: string): string[] {
  const axis = /<g[^>]*transform="translate\(-9,0\)"[^>]*text-anchor="end"[^>]*>(.*?)<\/g>/s.exec(svg)?.[1] ?? '';
  return [...axis.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1] as string);
}

describe('the waiting chart', () => {
  const bars: WaitingBarInput[] = [
    { childId: 'C001', weeks: 223.4, overdue: true, placementLabel: 'residential care' },
    { childId: 'C002', weeks: 30.1, overdue: true, placementLabel: 'foster care' },
    { childId: 'C003', weeks: 12, overdue: false, placementLabel: 'kinship care' },
  ];

  it('labels each bar with whole weeks waited and where the child lives now', () => {
    const svg = waitingChartSvg({ bars, aimWeeks: 26, aimLabel: 'Aim: 26 weeks' });
    expect(svg).toContain('223 weeks, residential care (overdue)');
    expect(svg).toContain('30 weeks, foster care (overdue)');
    expect(svg).toContain('12 weeks, kinship care');
    expect(svg).not.toContain('12 weeks, kinship care (overdue)');
  });

  it("draws a phone's chart 560 wide, each bar labelled with its weeks and whether overdue, its title still saying where the child lives", () => {
    const svg = waitingChartSvg({ bars, aimWeeks: 26, aimLabel: 'Aim: 26 weeks', size: 'small' });
    expect(svg).toContain('viewBox="0 0 560 ');
    expect(svg).toContain('>223 weeks, overdue</text>');
    expect(svg).toContain('>12 weeks</text>');
    expect(svg).not.toContain('>12 weeks, kinship care');
    expect(svg).toContain('<title>C003: 12.0 weeks waiting, kinship care</title>');
    expect(waitingChartSvg({ bars, aimWeeks: 26, aimLabel: 'Aim: 26 weeks' })).toContain('viewBox="0 0 1100 ');
  });

  it('matches the committed snapshot', async () => {
    await expect(waitingChartSvg({ bars, aimWeeks: 26, aimLabel: 'Aim: 26 weeks' })).toMatchFileSnapshot('__snapshots__/waiting-chart.svg');
  });

  it('shows the 60 longest waits and says how many more the table lists', () => {
    const many = Array.from({ length: 75 }, (_, i) => ({ childId: `C${i}`, weeks: 100 - i, overdue: true, placementLabel: 'foster care' }));
    const svg = waitingChartSvg({ bars: many, aimWeeks: 26, aimLabel: 'Aim' });
    expect(count(svg, /<title>C\d+: /g)).toBe(60);
    expect(svg).toContain('>The 60 longest waits of 75; the table lists all 75.</text>');
  });
});

describe('the stage view', () => {
  it('shows each stage’s median in weeks and the journeys behind it', () => {
    const svg = stageChartSvg([
      { label: 'Recommendation → ADM decision', n: 30, medianDays: 90, q1Days: 60, q3Days: 130 },
      { label: 'Panel → ADM decision', n: 0, medianDays: null, q1Days: null, q3Days: null },
    ]);
    expect(svg).toContain('median 12.9 weeks (n = 30)');
    expect(svg).toContain('no journeys yet');
    expect(svg).toMatch(/Recommendation → ADM decision/);
  });

  it("draws a phone's chart 560 wide, each stage's name in bold above its bar instead of in a 280 px margin", () => {
    const stages = [{ label: 'Recommendation → ADM decision', n: 30, medianDays: 90, q1Days: 60, q3Days: 130 }];
    const small = stageChartSvg(stages, 'small');
    expect(small).toContain('viewBox="0 0 560 116"');
    // The name at the chart's left edge (12 px in), above the bar's band.
    expect(small).toMatch(/<g transform="translate\(0,20\.5\)" font-weight="bold" text-anchor="start"[^>]*><text transform="translate\(12,9\)"[^>]*>Recommendation → ADM decision<\/text><\/g>/);
    expect(small).toContain('median 12.9 weeks (n = 30)');
    expect(stageChartSvg(stages)).toContain('viewBox="0 0 1100 94"');
    expect(stageChartSvg(stages)).not.toContain('font-weight="bold"');
  });
});

describe('the survival view', () => {
  it('draws a line for before and after the programme start, with a legend on the chart', async () => {
    const svg = survivalChartSvg({
      lines: [
        { label: 'Started before the programme', steps: [{ days: 0, stillWaiting: 1 }, { days: 100, stillWaiting: 0.8 }, { days: 300, stillWaiting: 0.4 }] },
        { label: 'Started after', steps: [{ days: 0, stillWaiting: 1 }, { days: 50, stillWaiting: 0.6 }] },
      ],
      aimWeeks: 26,
      aimLabel: 'Aim: 26 weeks',
    });
    expect(svg).toContain('Started before the programme');
    expect(svg).toContain('Started after');
    await expect(svg).toMatchFileSnapshot('__snapshots__/survival-chart.svg');
  });

  it("draws a phone's chart 560 by 330, its legend above the plot where no line runs through it", () => {
    const svg = survivalChartSvg({ lines: [{ label: 'All journeys (n = 2)', steps: [{ days: 0, stillWaiting: 1 }, { days: 70, stillWaiting: 0.5 }] }], aimWeeks: 26, aimLabel: 'Aim: 26 weeks', size: 'small' });
    expect(svg).toContain('viewBox="0 0 560 330"');
    // The plot starts 64 px down; the legend's line is 52 px above that.
    expect(svg).toContain('<g transform="translate(0,-52)" text-anchor="end" fill="#0065bd" aria-label="text"><text transform="translate(540,64)" y="0.71em">All journeys (n = 2)</text></g>');
  });
});

describe('PNG', () => {
  it('renders the same chart as a PNG at twice its size', () => {
    const png = svgToPng(runChartSvg(runChart));
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([2200, 988]);
  });
});
