/**
 * The funnel plot (Spiegelhalter 2005; src/domain/national/funnel.ts): one dot an authority at its
 * number of journeys (x) and percentage in time (y); the national rate as a horizontal line; the 95%
 * and 99.8% control limits around it, narrowing as n grows. A dot outside the limits differs from
 * the national rate by more than chance would usually make. Authorities are often of a size, so
 * their names are set in a column to the right, each joined to its dot by a thin line, spaced so
 * that none overlaps another (nor the labels of the lines).
 */
import * as Plot from '@observablehq/plot';
import { funnelCurve, funnelLevels } from '../domain/national/funnel.js';
import { fontFamily, palette, renderSvg } from './render.js';
import { formatCount } from '../domain/round.js';

export interface FunnelDot {
  readonly name: string;
  readonly n: number;
  /** 0–100. */
  readonly percentage: number;
}

export interface FunnelChartInput {
  /** The national proportion (0–1), or null when it is not published. */
  readonly rate: number | null;
  readonly dots: readonly FunnelDot[];
  /** Authorities left off (their numbers are suppressed), named beneath the chart. */
  readonly hidden: readonly string[];
}

const limitStyles = {
  '95%': { stroke: palette.orange, strokeDasharray: '6,4' },
  '99.8%': { stroke: palette.red, strokeDasharray: '2,3' },
} as const;

/** Pixels between the baselines of two labels. */
const labelGap = 13;
const marginTop = 24;

interface Label {
  readonly text: string;
  /** Where it would sit (a percentage), and where it does. */
  readonly target: number;
  y: number;
  readonly fill: string;
  readonly dot: FunnelDot | null;
}

/** The funnel plot as SVG. */
export function funnelChartSvg(input: FunnelChartInput): string {
  const maxN = Math.max(10, ...input.dots.map((d) => d.n)) * 1.1;
  const caption = input.hidden.length > 0 ? `Not shown, their numbers being too small to publish: ${input.hidden.join(', ')}` : null;
  const marginBottom = caption ? 80 : 40;
  const labels: Label[] = input.dots.map((dot) => ({ text: dot.name, target: dot.percentage, y: dot.percentage, fill: 'currentColor', dot }));
  const marks: Plot.Markish[] = [Plot.ruleY([0, 100], { stroke: palette.lightGrey })];
  if (input.rate !== null) {
    const rate = input.rate;
    for (const level of funnelLevels) {
      const curve = funnelCurve(rate, maxN, level.z).map((p) => ({ n: p.n, lower: p.lower * 100, upper: p.upper * 100 }));
      const style = limitStyles[level.name];
      marks.push(Plot.line(curve, { x: 'n', y: 'upper', strokeWidth: 1.5, ...style }));
      marks.push(Plot.line(curve, { x: 'n', y: 'lower', strokeWidth: 1.5, ...style }));
      const last = curve.at(-1);
      if (last) labels.push({ text: `${level.name} limits`, target: last.upper, y: last.upper, fill: style.stroke, dot: null });
    }
    marks.push(Plot.ruleY([rate * 100], { stroke: palette.darkBlue, strokeWidth: 1.5 }));
    labels.push({ text: `All authorities: ${(rate * 100).toFixed(1)}%`, target: rate * 100, y: rate * 100, fill: palette.darkBlue, dot: null });
  } else {
    marks.push(Plot.text(['The national rate is not published: its numbers are too small'], { frameAnchor: 'middle', fill: palette.grey, fontSize: 14 }));
  }
  const height = Math.max(caption ? 440 : 400, marginTop + marginBottom + (labels.length + 1) * labelGap);
  spaceLabels(labels, (height - marginTop - marginBottom) / 100);
  const dotted = labels.filter((l) => l.dot !== null).map((l) => ({ ...(l.dot as FunnelDot), labelY: l.y, title: `${l.text}: ${(l.dot as FunnelDot).percentage.toFixed(1)}% in time of ${formatCount((l.dot as FunnelDot).n)}` }));
  marks.push(Plot.link(dotted, { x1: 'n', y1: 'percentage', x2: maxN, y2: 'labelY', stroke: palette.lightGrey, strokeWidth: 0.75 }));
  marks.push(Plot.dot(dotted, { x: 'n', y: 'percentage', r: 4, fill: palette.blue, stroke: 'white', title: 'title' }));
  marks.push(Plot.text(labels, { x: maxN, y: 'y', text: 'text', fill: 'fill', textAnchor: 'start', dx: 6, clip: false }));
  if (caption) marks.push(Plot.text([caption], { frameAnchor: 'bottom-left', dy: 60, textAnchor: 'start', fill: palette.grey, lineWidth: 110 }));
  return renderSvg({
    width: 760,
    height,
    marginLeft: 50,
    marginRight: 210,
    marginTop,
    marginBottom,
    style: { fontFamily, fontSize: '11px' },
    x: { label: 'Journeys counted (n)', labelOffset: 32, domain: [0, maxN], grid: true },
    y: { label: '% in time', domain: [0, 100], grid: true },
    marks,
  });
}

/**
 * Moves labels up or down, as little as may be, so that no two are closer than `labelGap` pixels
 * and all stay within 0–100%: top-down, each no higher than the one above allows; then bottom-up,
 * each no lower than the one below allows.
 */
function spaceLabels(labels: Label[], pixelsPerPoint: number): void {
  const gap = labelGap / pixelsPerPoint;
  labels.sort((a, b) => b.target - a.target || a.text.localeCompare(b.text));
  labels.forEach((label, i) => {
    const above = labels[i - 1];
    label.y = Math.min(label.target, 100, above ? above.y - gap : 100);
  });
  for (let i = labels.length - 1; i >= 0; i--) {
    const label = labels[i] as Label;
    const below = labels[i + 1];
    label.y = Math.max(label.y, below ? below.y + gap : 0);
  }
}
