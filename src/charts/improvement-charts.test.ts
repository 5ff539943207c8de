import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { parseDateOrThrow as d } from '../domain/date.js';
import { diagramLayout, driverDiagramSvg, wrapText } from './driver-diagram-chart.js';
import { runChartLayout, runChartSvg, type RunChartInput } from './run-chart.js';

describe('tests of change on a run chart', () => {
  // Points from 1 January 2020 to 1 January 2021 (366 days) fill the 1,020 pixels between the
  // margins (56 on the left, 24 on the right); 1 July 2020 is 182 days in: x = 56 + 182 / 366 × 1020 = 563.21.
  const input: RunChartInput = {
    points: [
      { position: 1, childId: 'A', end: d('2020-01-01'), weeks: 20 },
      { position: 2, childId: 'B', end: d('2021-01-01'), weeks: 30 },
    ],
    phases: [],
    highlighted: new Set(),
    aimWeeks: 26,
    aimLabel: 'Aim: 26 weeks',
    programmeStart: null,
    marks: [
      { date: d('2020-07-01'), kind: 'start', label: 'T1', description: 'Test 1, Referral form: started 2020-07-01' },
      { date: d('2020-07-03'), kind: 'act', label: 'T1.1', description: 'Test 1, Referral form: cycle 1 acted on 2020-07-03 (adopt)' },
    ],
  };
  const svg = runChartSvg(input);
  const { document } = parseHTML(`<!doctype html><html><body>${svg}</body></html>`);
  const lineOf = (title: string) => Array.from(document.querySelectorAll('line')).find((l) => l.querySelector('title')?.textContent === title);

  it('draws a rule at the date of the start, at the right place across the chart', () => {
    const rule = lineOf('Test 1, Referral form: started 2020-07-01');
    expect(Number(rule?.getAttribute('x1'))).toBeCloseTo(56 + (182 / 366) * 1020, 2);
    expect(runChartLayout.width - runChartLayout.marginLeft - runChartLayout.marginRight).toBe(1020);
  });

  it('draws the Act as a dashed rule, and labels close together in different lanes', () => {
    const act = lineOf('Test 1, Referral form: cycle 1 acted on 2020-07-03 (adopt)');
    expect(act?.parentElement?.getAttribute('stroke-dasharray')).toBe('4,3');
    // Each label's first text is the label; its <title> holds the description.
    const labels = Array.from(document.querySelectorAll('text')).filter((t) => ['T1', 'T1.1'].includes(t.firstChild?.textContent ?? ''));
    expect(labels.map((t) => t.firstChild?.textContent)).toEqual(['T1', 'T1.1']);
    const transforms = labels.map((t) => t.parentElement?.getAttribute('transform'));
    expect(new Set(transforms).size).toBe(2);
  });

  it('leaves room above the chart for the labels: two lanes push the plot down by two lanes', () => {
    const rule = lineOf('Test 1, Referral form: started 2020-07-01');
    expect(Number(rule?.getAttribute('y1'))).toBe(runChartLayout.marginTop + 2 * runChartLayout.laneHeight);
    expect(runChartLayout.marginTop + 2 * runChartLayout.laneHeight).toBe(60);
    const plain = parseHTML(`<!doctype html><html><body>${runChartSvg({ ...input, marks: [], aimWeeks: null })}</body></html>`).document;
    // Without marks the plot's top is the top margin: the highest grid line sits there.
    const gridTops = Array.from(plain.querySelectorAll('line')).map((l) => Number(l.getAttribute('y1')));
    expect(Math.min(...gridTops)).toBe(runChartLayout.marginTop);
  });
});

describe('the driver diagram', () => {
  const input = {
    aim: 'Aim 2: permanence recommendation within 26 weeks',
    primaries: [
      {
        text: 'Complete information early, from every agency <b>&',
        children: [
          { text: 'Legal advice ready before the permanence review', children: [{ text: 'Legal advice referral form', note: 'Tested in T1', children: [] }, { text: 'Diarise written advice four weeks before the review, every time, without fail', children: [] }] },
          { text: 'Every agency knows its tasks', children: [] },
        ],
      },
      { text: 'A process with no needless steps', children: [] },
    ],
  };
  const svg = driverDiagramSvg(input);
  const { document } = parseHTML(`<!doctype html><html><body>${svg}</body></html>`);

  it('wraps words into lines that fit the box', () => {
    expect(wrapText('Diarise written advice four weeks before the review, every time', 28)).toEqual(['Diarise written advice four', 'weeks before the review,', 'every time']);
    expect(wrapText('Supercalifragilisticexpialidocious', 10)).toEqual(['Supercali-', 'fragilist-', 'icexpiali-', 'docious']);
  });

  it('puts each level in its own column, with no two boxes overlapping', () => {
    const boxes = Array.from(document.querySelectorAll('g > rect')).map((r) => ({ x: Number(r.getAttribute('x')), y: Number(r.getAttribute('y')), h: Number(r.getAttribute('height')) }));
    expect(boxes.length).toBe(7);
    const columns = new Map<number, { y: number; h: number }[]>();
    for (const b of boxes) columns.set(b.x, [...(columns.get(b.x) ?? []), b]);
    expect(columns.size).toBe(4);
    for (const column of columns.values()) {
      const sorted = column.sort((a, b) => a.y - b.y);
      for (let i = 1; i < sorted.length; i++) expect(sorted[i]?.y).toBeGreaterThanOrEqual((sorted[i - 1]?.y ?? 0) + (sorted[i - 1]?.h ?? 0) + diagramLayout.siblingGap - 0.1);
    }
    // A line from each box but the aim's to its parent.
    expect(document.querySelectorAll('path').length).toBe(6);
  });

  it('escapes what a person typed, and names the tests of a change idea', () => {
    expect(svg).toContain('&lt;b&gt;&amp;');
    expect(svg).toContain('Tested in T1');
    expect(svg.startsWith('<svg')).toBe(true);
  });

  it('on a phone, is an outline 360 wide: the same boxes top to bottom in the tree’s order, each level indented, no two overlapping', () => {
    const small = driverDiagramSvg(input, 'small');
    const outline = parseHTML(`<!doctype html><html><body>${small}</body></html>`).document;
    expect(outline.querySelector('svg')?.getAttribute('viewBox')).toMatch(/^0 0 360 \d+$/);
    const boxes = Array.from(outline.querySelectorAll('g > rect')).map((r) => ({
      x: Number(r.getAttribute('x')),
      y: Number(r.getAttribute('y')),
      w: Number(r.getAttribute('width')),
      h: Number(r.getAttribute('height')),
      lines: Array.from((r.parentNode as Element).querySelectorAll('tspan')).map((line) => line.textContent ?? ''),
    }));
    // The tree's order, depth first: each level 18 px further in, each box reaching the same right edge.
    expect(boxes.map((b) => [b.x, b.lines.join(' ')])).toEqual([
      [12, 'Aim 2: permanence recommendation within 26 weeks'],
      [30, 'Complete information early, from every agency <b>&'],
      [48, 'Legal advice ready before the permanence review'],
      [66, 'Legal advice referral form Tested in T1'],
      [66, 'Diarise written advice four weeks before the review, every time, without fail'],
      [48, 'Every agency knows its tasks'],
      [30, 'A process with no needless steps'],
    ]);
    expect(new Set(boxes.map((b) => b.x + b.w))).toEqual(new Set([348]));
    for (let i = 1; i < boxes.length; i++) expect((boxes[i] as { y: number }).y).toBeGreaterThan((boxes[i - 1] as { y: number; h: number }).y + (boxes[i - 1] as { h: number }).h);
    // Every line of words fits its box (at 7 px a character, the wrap's own measure).
    for (const box of boxes) for (const line of box.lines) expect(line.length * diagramLayout.characterWidth).toBeLessThanOrEqual(box.w - 2 * diagramLayout.padding);
    // The key names the four levels; a line joins each box but the aim's to its parent.
    for (const level of ['Aim', 'Primary drivers', 'Secondary drivers', 'Change ideas']) expect(small).toContain(`>${level}</text>`);
    expect(outline.querySelectorAll('path').length).toBe(6);
    expect(small).toContain('&lt;b&gt;&amp;');
  });
});
