/**
 * The survival view: the share of journeys still without their end milestone, week by week since
 * they started, with children still waiting counted for as long as they have waited (Kaplan–Meier).
 * One line for journeys that started before the programme, one for after.
 */
import * as Plot from '@observablehq/plot';
import { fontFamily, palette, renderSvg } from './render.js';

export interface SurvivalLineInput {
  readonly label: string;
  readonly steps: readonly { readonly days: number; readonly stillWaiting: number }[];
}

export interface SurvivalChartInput {
  readonly lines: readonly SurvivalLineInput[];
  readonly aimWeeks: number | null;
  readonly aimLabel: string;
  /** A smaller drawing (a phone's): 560 wide, the same lines and words, the legend above the plot. */
  readonly size?: 'full' | 'small';
}

const lineColours = [palette.grey, palette.blue];

/**
 * A legend written on the chart in each line's colour, so it survives as PNG and print: inside the
 * plot's top right corner, or above the plot on a small drawing, whose lines would run through it.
 */
function legend(lines: readonly SurvivalLineInput[], above: boolean): Plot.Markish[] {
  const colours = lineColours.slice(-lines.length);
  return lines.map((line, i) => Plot.text([line.label], { frameAnchor: 'top-right', dy: (above ? -52 : 0) + i * 14, fill: colours[i], textAnchor: 'end' }));
}

/** The survival view as SVG. */
export function survivalChartSvg(input: SurvivalChartInput): string {
  const small = input.size === 'small';
  const rows = input.lines.flatMap((line) => line.steps.map((s) => ({ group: line.label, weeks: s.days / 7, percent: s.stillWaiting * 100 })));
  const marks: Plot.Markish[] = [
    // One line a group, said outright: with few steps, Plot would otherwise warn that the groups look like too many.
    Plot.lineY(rows, { x: 'weeks', y: 'percent', z: 'group', stroke: 'group', curve: 'step-after', strokeWidth: 2 }),
    Plot.ruleY([0]),
    Plot.ruleY([50], { stroke: palette.lightGrey, strokeDasharray: '3,3' }),
  ];
  if (input.aimWeeks !== null) {
    marks.push(Plot.ruleX([input.aimWeeks], { stroke: palette.red, strokeWidth: 1.5 }));
    marks.push(Plot.text([input.aimLabel], { x: input.aimWeeks, frameAnchor: 'top', dy: -14, fill: palette.red }));
  }
  if (rows.length === 0) marks.push(Plot.text(['No journeys yet'], { frameAnchor: 'middle', fill: palette.grey, fontSize: 14 }));
  return renderSvg({
    // The page's full content width, and text of 13 px there (as the run and waiting charts).
    width: small ? 560 : 1100,
    height: small ? 330 : 400,
    marginTop: small ? 64 : 30,
    style: { fontFamily, fontSize: '13px' },
    x: { label: 'Weeks since the journey started', grid: true, zero: true },
    y: { label: '% still waiting', domain: [0, 100], grid: true },
    color: { domain: input.lines.map((l) => l.label), range: lineColours.slice(-input.lines.length), legend: false },
    marks: [...marks, ...legend(input.lines, small)],
  });
}
