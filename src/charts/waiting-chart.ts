/**
 * The waiting chart (docs/domain.md, "Supplementary bar chart"): one bar a child still waiting, the
 * weeks waited so far as at the report date, longest first, each labelled with the weeks and where
 * the child lives now; the aim as a green line, labelled above the bars so that it strikes through
 * no label. Overdue bars are darker and say so; the legend says what each is.
 */
import * as Plot from '@observablehq/plot';
import { fontFamily, palette, renderSvg, type ChartLinks, type LegendItem } from './render.js';

export interface WaitingBarInput {
  readonly childId: string;
  readonly weeks: number;
  readonly overdue: boolean;
  /** Plain words: "residential care". */
  readonly placementLabel: string;
}

export interface WaitingChartInput {
  /** Longest first. */
  readonly bars: readonly WaitingBarInput[];
  readonly aimWeeks: number | null;
  readonly aimLabel: string;
  /** Each bar a link to its child (on a page); none in a download or a report. */
  readonly links?: ChartLinks;
  /** At most this many bars (the longest waits); the table beside the chart lists everyone. */
  readonly maxBars?: number;
  /**
   * A narrower drawing (a phone's): the same bars, each labelled with its weeks (and whether
   * overdue) but not where the child lives, which the title, the table and the child's page give.
   */
  readonly size?: 'full' | 'small';
}

/** More bars than this and the chart shows the longest waits; the table beside it lists everyone. */
export const maxWaitingBars = 60;

/** "1 week", "23 weeks": whole weeks waited. */
function wholeWeeks(weeks: number): string {
  const whole = Math.floor(weeks);
  return `${whole} ${whole === 1 ? 'week' : 'weeks'}`;
}

const widths = { full: 1100, small: 560 } as const;
const barHeight = 22;
const characterWidth = 7.6;

/** The waiting chart as SVG. */
export function waitingChartSvg(input: WaitingChartInput): string {
  const limit = input.maxBars ?? maxWaitingBars;
  const small = input.size === 'small';
  const shown = input.bars.slice(0, limit).map((b) => ({
    ...b,
    label: small ? `${wholeWeeks(b.weeks)}${b.overdue ? ', overdue' : ''}` : `${wholeWeeks(b.weeks)}, ${b.placementLabel}${b.overdue ? ' (overdue)' : ''}`,
    title: `${b.childId}: ${b.weeks.toFixed(1)} weeks waiting, ${b.placementLabel}${b.overdue ? ', overdue' : ''}`,
    href: input.links ? input.links.hrefOf(b.childId) : null,
  }));
  const hidden = input.bars.length - shown.length;
  // Room on the right for the longest label, so that none is cut off.
  const marginRight = Math.max(80, ...shown.map((b) => b.label.length * characterWidth + 16));
  const marginLeft = Math.max(70, ...shown.map((b) => b.childId.length * characterWidth + 14));
  const maxWeeks = Math.max(input.aimWeeks ?? 0, ...shown.map((b) => b.weeks), 1);
  const halo = { stroke: 'white', strokeWidth: 4, paintOrder: 'stroke' } as const;
  const marks: Plot.Markish[] = [
    Plot.barX(shown, { y: 'childId', x: 'weeks', fill: (d: { overdue: boolean }) => (d.overdue ? palette.darkBlue : palette.blue), title: 'title', sort: { y: '-x' }, insetTop: 3, insetBottom: 3, ...(input.links ? { href: 'href', ariaLabel: 'title' } : {}) }),
    Plot.ruleX([0]),
  ];
  // The aim line goes under the words, so that each label's halo keeps it readable where the line crosses.
  if (input.aimWeeks !== null && shown.length > 0) {
    marks.push(Plot.ruleX([input.aimWeeks], { stroke: palette.green, strokeWidth: 2.5 }));
    marks.push(Plot.text([input.aimLabel], { x: input.aimWeeks, frameAnchor: 'top', dy: -18, fill: palette.green, fontWeight: 'bold', ...halo }));
  }
  marks.push(Plot.text(shown, { y: 'childId', x: 'weeks', text: 'label', textAnchor: 'start', dx: 6, fill: palette.black, ...halo }));
  if (shown.length === 0) marks.push(Plot.text(['Nobody is waiting'], { frameAnchor: 'middle', fill: palette.grey, fontSize: 16 }));
  const caption = hidden > 0 ? `The ${shown.length} longest waits of ${input.bars.length}; the table lists all ${input.bars.length}.` : null;
  const legend: LegendItem[] = shown.length === 0 ? [] : [
    { label: 'a child waiting: weeks so far', symbol: 'bar', colour: palette.blue },
    ...(shown.some((b) => b.overdue) ? [{ label: 'waiting past the aim', symbol: 'bar', colour: palette.darkBlue } as const] : []),
    ...(input.aimWeeks !== null ? [{ label: 'aim', symbol: 'rule', colour: palette.green } as const] : []),
    ...(caption ? [{ label: caption, symbol: 'note', colour: palette.grey } as const] : []),
  ];
  return renderSvg(
    {
      width: widths[small ? 'small' : 'full'],
      height: Math.max(140, 60 + shown.length * barHeight + 40),
      marginLeft,
      marginRight,
      marginTop: 36,
      marginBottom: 44,
      style: { fontFamily, fontSize: '13px' },
      x: { label: 'Weeks waiting so far', grid: true, domain: [0, maxWeeks * 1.05], nice: true, labelAnchor: 'center', labelArrow: 'none' },
      y: { label: null, ...(shown.length === 0 ? { domain: [''] } : {}) },
      marks,
    },
    input.links ? { label: input.links.label } : null,
    legend,
  );
}
