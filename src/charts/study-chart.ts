/**
 * A test of change's Study numbers as a small run chart (issue 15, point 4; src/domain/improvement/
 * test-data.ts): one dot a number at its date, joined in date order, each labelled with its cycle
 * ("C2"); the percentage when every number of the series is "out of" something, the count
 * otherwise; the median as the orange centre line, as on every run chart here. A handful of points
 * has too few for the run rules, so none are applied: the table beside the chart gives every value.
 */
import * as Plot from '@observablehq/plot';
import type { StudySeries } from '../domain/improvement/test-data.js';
import { chartDate, fontFamily, palette, renderSvg, type LegendItem } from './render.js';
import { flatValueAxis } from './run-chart.js';

/** A desk's drawing, and a phone's: 440 wide, so that its 13-px words show at about 10 px on a 390-px screen. */
const layouts = {
  full: { width: 640, height: 300, marginLeft: 56 },
  small: { width: 440, height: 260, marginLeft: 48 },
} as const;

/** A value of the series in words: "77.8%" or "7". */
export function studyValueText(kind: StudySeries['kind'], value: number): string {
  return kind === 'percent' ? `${value.toFixed(1)}%` : Number.isInteger(value) ? String(value) : value.toFixed(1);
}

export function studySeriesSvg(series: StudySeries, testNumber: number, size: 'full' | 'small' = 'full'): string {
  const layout = layouts[size];
  const points = series.points.map((p) => ({ x: chartDate(p.date), y: p.value, label: `C${p.cycle}`, title: `Test ${testNumber}, cycle ${p.cycle}, ${p.date.toString()}: ${p.words}` }));
  const percent = series.kind === 'percent';
  const times = points.map((p) => p.x.getTime());
  const [low, high] = [Math.min(...times), Math.max(...times)];
  // A week either side, so that the first and last labels are not cut off and one date has somewhere to be.
  const domain = [new Date(low - 7 * 86_400_000), new Date(high + 7 * 86_400_000)];
  const marks: Plot.Markish[] = [
    Plot.ruleY([0], { stroke: palette.lightGrey }),
    ...(series.median === null ? [] : [Plot.ruleY([series.median], { stroke: palette.orange, strokeWidth: 2, strokeDasharray: '6,5' })]),
    Plot.line(points, { x: 'x', y: 'y', stroke: palette.blue, strokeWidth: 1.5 }),
    Plot.dot(points, { x: 'x', y: 'y', r: 4, fill: palette.blue, title: 'title' }),
    Plot.text(points, { x: 'x', y: 'y', text: 'label', dy: -12, fill: palette.black, fontWeight: 'bold', stroke: 'white', strokeWidth: 4, paintOrder: 'stroke' }),
  ];
  const legend: LegendItem[] = [
    { label: `a number: ${percent ? 'the percentage' : 'the count'}, labelled by its cycle`, symbol: 'dot', colour: palette.blue },
    ...(series.median === null ? [] : [{ label: `median ${studyValueText(series.kind, series.median)}`, symbol: 'dashed-line', colour: palette.orange } as const]),
  ];
  return renderSvg(
    {
      width: layout.width,
      height: layout.height,
      marginLeft: layout.marginLeft,
      marginRight: 24,
      marginTop: 28,
      marginBottom: 44,
      style: { fontFamily, fontSize: '13px' },
      x: { type: 'utc', label: 'Date of the number', labelAnchor: 'center', labelArrow: 'none', domain, ticks: 5 },
      y: percent ? { label: '%', grid: true, domain: [0, 100], labelArrow: 'none' } : { label: 'Count', grid: true, zero: true, nice: true, labelArrow: 'none', ...flatValueAxis(points.every((p) => p.y === 0)) },
      marks,
    },
    // No links, but named as a whole and its inner marks hidden from assistive technology: the table beside it gives every number.
    { label: `Run chart of ${series.label}: ${series.points.map((p) => `cycle ${p.cycle}, ${p.words}`).join('; ')}` },
    legend,
  );
}
