/**
 * A child's timeline on one sheet (docs/domain.md, "Timelines"): rows of decisions, the time between
 * them, aim due dates, legal advice, meetings, reviews and hearings above the bands of where the
 * child lived, with the child's age beneath and a legend on the chart. Sized for A4 landscape.
 */
import * as Plot from '@observablehq/plot';
import { longDate } from '../domain/date.js';
import { addDays, daysBetween, epochDay, isAfter, type PlainDate } from '../domain/date.js';
import type { ChildTimeline, MarkGroup, TimelineMark } from '../domain/timeline.js';
import { chartDate, fontFamily, palette, renderSvg } from './render.js';
import { agesRow, bandsRow, cancelledGlyph, dueDateStyle, dueDatesRow, gapsRow, milestonesRow, planStyle, symbolOf, symbolsRow, type Place, type Row } from './timeline-rows.js';
import { eventSymbols, fontPx, headingMarks, legendHeight, legendMarks, placementFill, placementPatterns, symbolStyle, type LegendItem } from './timeline-style.js';
import { timelineSummary, timelineTitle } from './timeline-words.js';

export interface ChildTimelineSvgOptions {
  /** The heading drawn on the chart; default "Timeline for Alex Example (C7)". */
  readonly title?: string;
  /** Leave the child's name out of the default heading (for a copy shared beyond the authority). */
  readonly withoutName?: boolean;
  /** Pixels; the height follows from what there is to draw. Default 1120 (A4 landscape at 96 dpi, less margins). */
  readonly width?: number;
  /** Drawn to sit in a page: as inlinePicture (inline-picture.ts) would leave it. */
  readonly forPage?: boolean;
  /**
   * `small` for a phone: 560 px wide (its 13-px words show at about 8 px on a 390-px screen), each
   * row's name above the row rather than in a margin at its left, so that the time axis keeps most
   * of the width, and no summary under the heading (its page says it above the drawing; the
   * drawing's label still does). Default `full`, for a desk and for paper.
   */
  readonly size?: 'full' | 'small';
}

/**
 * Each size's width, margins (the top one the least: a long summary takes more), heading size, room
 * above a row for its name (none: the name is at the left), where the legend begins below the frame
 * (past the axis's words) and the size of its words, and whether the summary is written under the
 * heading (the small drawing's page gives it above).
 */
const layouts = {
  full: { width: 1120, margin: { left: 190, right: 30, top: 96, bottom: 40 }, titlePx: 22, nameAbove: 0, legendTop: 36, legendPx: 12, summary: true },
  small: { width: 560, margin: { left: 16, right: 24, top: 48, bottom: 50 }, titlePx: 18, nameAbove: 20, legendTop: 48, legendPx: fontPx, summary: false },
} as const;

const symbolRows: readonly { readonly group: Exclude<MarkGroup, 'milestone'>; readonly name: string }[] = [
  { group: 'legal-advice', name: 'Legal advice' },
  { group: 'meeting', name: 'Meetings' },
  { group: 'review', name: 'Reviews' },
  { group: 'hearing', name: "Children's hearings" },
];

/** The timeline as standalone SVG. */
export function childTimelineSvg(timeline: ChildTimeline, options: ChildTimelineSvgOptions = {}): string {
  const layout = layouts[options.size ?? 'full'];
  const width = options.width ?? layout.width;
  const summary = timelineSummary(timeline);
  const title = options.title ?? timelineTitle(timeline, { withName: !options.withoutName });
  const heading = headingMarks(title, layout.summary ? summary : null, { width, marginLeft: layout.margin.left, minTop: layout.margin.top, titlePx: layout.titlePx });
  const margin = { ...layout.margin, top: heading.top };
  const frameWidth = width - margin.left - margin.right;
  const [from, to] = domainOf(timeline);
  const place: Place = { frameWidth, px: (date) => ((epochDay(date) - epochDay(from)) / Math.max(1, daysBetween(from, to))) * frameWidth };
  const marksOf = (group: MarkGroup) => timeline.marks.filter((m) => m.group === group);
  const plansOf = (group: MarkGroup) => timeline.plans.filter((p) => p.group === group);
  const rows: Row[] = [endingRow(timeline)];
  const milestones = marksOf('milestone');
  if (milestones.length > 0 || plansOf('milestone').length > 0) rows.push(milestonesRow(milestones, place, plansOf('milestone')));
  if (timeline.gaps.length > 0) rows.push(gapsRow(timeline.gaps, place));
  if (timeline.dueDates.length > 0) rows.push(dueDatesRow(timeline.dueDates, place));
  for (const { group, name } of symbolRows) if (marksOf(group).length > 0 || plansOf(group).length > 0) rows.push(symbolsRow(name, marksOf(group), plansOf(group)));
  const bandsName = `Where the child lived\n(${timeline.moves} ${timeline.moves === 1 ? 'move' : 'moves'})`;
  rows.push(bandsRow(bandsName, timeline.bands, place), agesRow(timeline.ages, place));

  const marks: Plot.Markish[] = [placementPatterns];
  // Where each row's own marks begin: below its name, when the name is drawn above it.
  const above = (row: Row) => (row.name === '' ? 0 : layout.nameAbove);
  let top = 0;
  const tops = rows.map((row) => {
    const rowTop = top + above(row);
    top = rowTop + row.height;
    return rowTop;
  });
  const frameHeight = top;
  // The shading and the names of all the rows, each in one mark.
  type Placed = { readonly row: Row; readonly top: number };
  const placed: Placed[] = rows.map((row, i) => ({ row, top: tops[i] as number }));
  marks.push(Plot.rect(placed.filter(({ row }) => row.shaded), { y1: ({ row, top }: Placed) => top - above(row), y2: ({ row, top }: Placed) => top + row.height, fill: '#f3f6f9' }));
  const named = placed.filter(({ row }) => row.name !== '');
  if (layout.nameAbove === 0) marks.push(Plot.text(named, { frameAnchor: 'left', y: ({ row, top }: Placed) => top + row.height / 2, text: ({ row }: Placed) => row.name, textAnchor: 'end', dx: -12, fontWeight: 'bold', fill: palette.darkBlue }));
  else marks.push(Plot.text(named, { frameAnchor: 'left', y: ({ row, top }: Placed) => top - above(row) + 4, text: ({ row }: Placed) => row.name.replaceAll('\n', ' '), lineAnchor: 'top', textAnchor: 'start', dx: 2, fontWeight: 'bold', fill: palette.darkBlue }));
  const bandsBottom = (tops[rows.length - 1] as number) - 8;
  marks.push(...guideLines(timeline, milestones, rows, tops, bandsBottom));
  rows.forEach((row, i) => marks.push(...row.draw(tops[i] as number)));

  const legend = legendItems(timeline);
  const height = margin.top + frameHeight + margin.bottom + legendHeight(legend, width - 40, layout.legendPx);
  marks.push(...heading.marks, ...legendMarks(legend, { topPx: layout.legendTop, leftPx: margin.left - 20, widthPx: width - 40, fontPx: layout.legendPx }));
  return renderSvg({
    width,
    height,
    marginLeft: margin.left,
    marginRight: margin.right,
    marginTop: margin.top,
    marginBottom: height - margin.top - frameHeight,
    style: { fontFamily, fontSize: `${fontPx}px`, background: 'white' },
    ariaLabel: `${title}. ${summary}`,
    x: { type: 'utc', domain: [chartDate(from), chartDate(to)], label: null, grid: true, tickSize: 6 },
    y: { domain: [0, frameHeight], range: [margin.top, margin.top + frameHeight], axis: null },
    marks,
  }, null, [], options.forPage);
}

/** From a little before the start to a little after the end (or the latest due date or planned event). */
function domainOf(timeline: ChildTimeline): [PlainDate, PlainDate] {
  const last = [...timeline.dueDates.map((due) => due.due), ...timeline.plans.map((p) => p.date)].reduce((latest, date) => (isAfter(date, latest) ? date : latest), timeline.end);
  const pad = Math.max(21, Math.round(daysBetween(timeline.start, last) * 0.03));
  return [addDays(timeline.start, -pad), addDays(last, pad)];
}

/** A strip at the top saying where the timeline stops, with a line down to the bands. */
function endingRow(timeline: ChildTimeline): Row {
  const { ending } = timeline;
  const words =
    ending.kind === 'legal-permanence'
      ? `Legal permanence${ending.routeWords ? ` (${ending.routeWords})` : ''}: ${longDate(ending.date)}`
      : ending.kind === 'left-care'
        ? `No longer looked after: ${longDate(ending.date)}`
        : `As at ${longDate(ending.date)}`;
  return {
    name: '',
    height: 22,
    shaded: false,
    draw: (top) => [Plot.text([words], { x: chartDate(ending.date), y: top + 16, textAnchor: 'end', dx: -4, fontWeight: 'bold', fill: ending.kind === 'legal-permanence' ? palette.green : palette.grey })],
  };
}

/** Faint upright lines tying each decision and due date to where the child was living then. */
function guideLines(timeline: ChildTimeline, milestones: readonly TimelineMark[], rows: readonly Row[], tops: readonly number[], bandsBottom: number): Plot.Markish[] {
  const start = (name: string) => tops[rows.findIndex((r) => r.name === name)] ?? 0;
  const end = { x: chartDate(timeline.end) };
  return [
    Plot.ruleX([end], { x: 'x', y1: 0, y2: bandsBottom, stroke: palette.grey, strokeDasharray: '2,3' }),
    Plot.ruleX(milestones.map((m) => ({ x: chartDate(m.date) })), { x: 'x', y1: start('Decisions and\nmilestones') + 20, y2: bandsBottom, stroke: palette.lightGrey, strokeDasharray: '1,3' }),
    Plot.ruleX(timeline.dueDates.map((d) => ({ x: chartDate(d.due) })), { x: 'x', y1: start('Aim due dates') + 10, y2: bandsBottom, stroke: palette.red, strokeOpacity: 0.5, strokeDasharray: '4,4' }),
  ];
}

/** Only what the chart shows, in the order the rows show it. */
function legendItems(timeline: ChildTimeline): LegendItem[] {
  const items: LegendItem[] = [];
  const seen = new Set<string>();
  for (const band of timeline.bands) {
    if (seen.has(band.type)) continue;
    seen.add(band.type);
    items.push({ kind: 'swatch', fill: placementFill(band.type), words: band.label[0]?.toUpperCase() + band.label.slice(1) });
  }
  if (timeline.moves > 0) items.push({ kind: 'symbol', style: { symbol: 'triangle', rotate: 180, r: 6, fill: palette.orange, stroke: palette.darkBlue }, words: 'A move to a new carer or setting' });
  for (const mark of timeline.marks) {
    if (seen.has(mark.type)) continue;
    seen.add(mark.type);
    items.push({ kind: 'symbol', style: symbolStyle(symbolOf(mark)), words: mark.label });
  }
  // Plans by their own symbol, open and dashed; one entry each for "planned" and "cancelled".
  const planned = timeline.plans.find((p) => p.status === 'planned');
  if (planned) items.push({ kind: 'symbol', style: planStyle(eventSymbols[planned.type]), words: 'Planned, not yet held (open mark)' });
  const cancelled = timeline.plans.find((p) => p.status === 'cancelled');
  if (cancelled) items.push({ kind: 'glyph', ...cancelledGlyph, words: 'Cancelled (struck through)' });
  if (timeline.gaps.some((g) => g.kind === 'between')) items.push({ kind: 'glyph', glyph: '→', colour: palette.darkBlue, words: 'Time between decisions' });
  if (timeline.gaps.some((g) => g.kind === 'so-far')) items.push({ kind: 'glyph', glyph: '⇢', colour: palette.red, words: 'Time since the last decision, still going' });
  const statuses = new Set(timeline.dueDates.map((d) => d.status));
  if (statuses.has('in_time')) items.push({ kind: 'symbol', style: dueDateStyle('in_time'), words: 'Due date met' });
  if (statuses.has('late') || statuses.has('overdue')) items.push({ kind: 'symbol', style: dueDateStyle('late'), words: 'Due date missed' });
  if (statuses.has('waiting')) items.push({ kind: 'symbol', style: dueDateStyle('waiting'), words: 'Due date still ahead' });
  return items;
}
