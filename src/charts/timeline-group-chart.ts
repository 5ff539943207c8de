/**
 * Grouped timelines (docs/domain.md, "Timelines"): one lane a child on one shared axis, calendar dates
 * or weeks since each child's journey started. The full view shows where each child lived, every
 * move, the decisions and the aims' due dates; the placement-history view shows where each child
 * lived and every move, and nothing else.
 */
import * as Plot from '@observablehq/plot';
import { addDays, type PlainDate } from '../domain/date.js';
import { weeksSince, weeksSinceWords, type GroupRow, type GroupTimeline } from '../domain/timeline-group.js';
import type { TimelineMark } from '../domain/timeline.js';
import { chartDate, fontFamily, palette, renderSvg } from './render.js';
import { dueDateStyle, markTitle, symbolOf } from './timeline-rows.js';
import { fontPx, headingMarks, legendHeight, legendMarks, placementFill, placementPatterns, shortDate, symbolStyle, type LegendItem } from './timeline-style.js';
import { longDate } from '../domain/date.js';
import { formatCount } from '../domain/round.js';

export type GroupView = 'full' | 'placements';

export interface GroupTimelineSvgOptions {
  /** `full` (default): bands, moves, decisions and due dates; `placements`: bands and moves only. */
  readonly view?: GroupView;
  /** Show reference numbers only, not names. */
  readonly withoutNames?: boolean;
  readonly width?: number;
  /**
   * Which children to draw, by position in the group (`from` inclusive, `to` exclusive): one
   * printed sheet of a large group. Every sheet keeps the whole group's axis. Default: the first 40.
   */
  readonly lanes?: { readonly from: number; readonly to: number };
  /**
   * `small` for a phone: 560 px wide (its 13-px words at about 8 px on a 390-px screen), each
   * child's name, birth and moves on two lines above their lane rather than in margins at either side,
   * so that the time axis keeps most of the width. Default `full`, for a desk and for paper.
   */
  readonly size?: 'full' | 'small';
}

/** More children than this and the chart shows the first ones, and says so. */
export const maxGroupLanes = 40;

/**
 * Each size's width, margins (the top one the least: notes that wrap take more), heading size, room
 * above a lane for the child's lines (none: they are in the margins), and the legend's word size.
 */
const layouts = {
  full: { width: 1120, margin: { left: 240, right: 170, top: 84 }, titlePx: 22, nameAbove: 0, legendPx: 12 },
  small: { width: 560, margin: { left: 16, right: 24, top: 84 }, titlePx: 18, nameAbove: 36, legendPx: fontPx },
} as const;
type Layout = (typeof layouts)[keyof typeof layouts];
const laneHeights: Readonly<Record<GroupView, number>> = { full: 74, placements: 46 };

/** The grouped timeline as standalone SVG. */
export function groupTimelineSvg(group: GroupTimeline, options: GroupTimelineSvgOptions = {}): string {
  const view = options.view ?? 'full';
  const layout = layouts[options.size ?? 'full'];
  const width = options.width ?? layout.width;
  const from = options.lanes?.from ?? 0;
  const rows = group.rows.slice(from, Math.min(options.lanes?.to ?? maxGroupLanes, from + maxGroupLanes));
  const notes = notesOf(group, from, rows.length);
  const heading = headingMarks(group.title, notes, { width, marginLeft: layout.margin.left, minTop: layout.margin.top, titlePx: layout.titlePx });
  const margin = { ...layout.margin, top: heading.top };
  const laneHeight = laneHeights[view] + layout.nameAbove;
  const frameHeight = Math.max(1, rows.length) * laneHeight;
  const xOf = (row: GroupRow, date: PlainDate): Date | number => (row.anchor === null ? chartDate(date) : weeksSince(row.anchor, date));
  const marks: Plot.Markish[] = [placementPatterns];
  rows.forEach((row, lane) => marks.push(...laneMarks(row, lane * laneHeight, view, xOf, options, layout)));
  if (group.axis.kind === 'weeks') marks.push(Plot.ruleX([0], { stroke: palette.darkBlue, strokeWidth: 1.5 }));
  if (rows.length === 0) marks.push(Plot.text(['No children in this group'], { frameAnchor: 'middle', fill: palette.grey, fontSize: 16 }));

  const legend = legendItems(rows, view);
  const axisPx = group.axis.kind === 'weeks' ? 56 : 44;
  const height = margin.top + frameHeight + axisPx + legendHeight(legend, width - 40, layout.legendPx) + 16;
  marks.push(...heading.marks, ...legendMarks(legend, { topPx: axisPx, leftPx: margin.left - 20, widthPx: width - 40, fontPx: layout.legendPx }));
  const x: Plot.ScaleOptions =
    group.axis.kind === 'calendar'
      ? { type: 'utc', domain: [chartDate(addDays(group.axis.start, -30)), chartDate(addDays(group.axis.end, 30))], label: null, grid: true }
      : { type: 'linear', domain: [group.axis.fromWeeks - 4, group.axis.toWeeks + 4], label: null, grid: true };
  if (group.axis.kind === 'weeks') marks.push(Plot.text([`${weeksSinceWords(group.axis.journeyKind)} →`], { frameAnchor: 'bottom-right', dy: 36, textAnchor: 'end', fontWeight: 'bold', fill: palette.darkBlue }));
  return renderSvg({
    width,
    height,
    marginLeft: margin.left,
    marginRight: margin.right,
    marginTop: margin.top,
    marginBottom: height - margin.top - frameHeight,
    style: { fontFamily, fontSize: `${fontPx}px`, background: 'white' },
    ariaLabel: `${group.title}. ${notes}`,
    x,
    y: { domain: [0, frameHeight], range: [margin.top, margin.top + frameHeight], axis: null },
    marks,
  });
}

type XOf = (row: GroupRow, date: PlainDate) => Date | number;

/**
 * One child's lane: name at the left, bands, moves, (full view) decisions and due dates, moves at
 * the right; in the small layout the name, birth and moves on two lines above the lane instead.
 */
function laneMarks(row: GroupRow, laneTop: number, view: GroupView, xOf: XOf, options: GroupTimelineSvgOptions, layout: Layout): Plot.Markish[] {
  const t = row.timeline;
  const full = view === 'full';
  const top = laneTop + layout.nameAbove;
  const bandTop = top + (full ? 26 : 14);
  const bandBottom = bandTop + (full ? 26 : 24);
  const name = options.withoutNames || t.name === null ? t.childId : t.name;
  const age = t.ending.kind === 'as-at' ? `aged ${t.ageAtEnd} now` : `${t.ageAtEnd} at the end`;
  const moves = `${t.moves} ${t.moves === 1 ? 'move' : 'moves'}${endingWords[t.ending.kind]}`;
  const bands = t.bands.map((b) => ({ ...b, x1: xOf(row, b.start), x2: xOf(row, addDays(b.end, 1)), title: `${t.childId}: ${b.label} from ${longDate(b.start)}${b.continues ? ', continuing' : ` to ${longDate(b.end)}`}` }));
  const types = [...new Set(t.bands.map((b) => b.type))];
  const endX = xOf(row, t.end);
  const inMargins = layout.nameAbove === 0;
  const who: Plot.Markish[] = inMargins
    ? [Plot.text([`${name}\n${name === t.childId ? '' : `${t.childId}, `}born ${shortDate(t.dateOfBirth)}${full ? `\n${age}` : ''}`], { frameAnchor: 'left', y: top + laneHeights[view] / 2, textAnchor: 'end', dx: -12, fill: palette.darkBlue, lineHeight: 1.15 })]
    : [
        Plot.text([`${name}${name === t.childId ? '' : ` (${t.childId})`}`], { frameAnchor: 'left', y: laneTop + 4, lineAnchor: 'top', textAnchor: 'start', dx: 2, fontWeight: 'bold', fill: palette.darkBlue }),
        Plot.text([`born ${shortDate(t.dateOfBirth)}; ${moves}`], { frameAnchor: 'left', y: laneTop + 20, lineAnchor: 'top', textAnchor: 'start', dx: 2, fill: palette.darkBlue }),
      ];
  const marks: Plot.Markish[] = [
    Plot.ruleY([top + laneHeights[view] - 2], { stroke: palette.lightGrey, strokeWidth: 0.5 }),
    ...who,
    ...types.map((type) => Plot.rect(bands.filter((b) => b.type === type), { x1: 'x1', x2: 'x2', y1: bandTop, y2: bandBottom, fill: placementFill(type), stroke: 'white', strokeWidth: 1.5, title: 'title' })),
    Plot.dot(bands.filter((b) => b.began === 'move'), { x: 'x1', y: bandTop - 6, symbol: 'triangle', rotate: 180, r: 4.5, fill: palette.orange, stroke: palette.darkBlue, strokeWidth: 0.75, title: (b: { start: PlainDate; label: string }) => `${t.childId} moved on ${longDate(b.start)}: ${b.label}` }),
    ...(inMargins ? [Plot.text([moves], { x: endX, y: (bandTop + bandBottom) / 2, textAnchor: 'start', dx: 8, fontWeight: 'bold', fill: palette.darkBlue })] : []),
  ];
  if (!full) return marks;
  const decisions = t.marks.filter((m) => m.group === 'milestone' && m.type !== 'referral');
  for (const type of new Set(decisions.map((m) => m.type))) {
    const ofType = decisions.filter((m) => m.type === type);
    marks.push(Plot.dot(ofType.map((m) => ({ x: xOf(row, m.date), title: `${t.childId}: ${markTitle(m)}` })), { x: 'x', y: top + 9, title: 'title', ...symbolStyle(symbolOf(ofType[0] as TimelineMark), 5.5) }));
  }
  for (const status of new Set(t.dueDates.map((d) => d.status))) {
    const ofStatus = t.dueDates.filter((d) => d.status === status);
    marks.push(Plot.dot(ofStatus.map((d) => ({ x: xOf(row, d.due), title: `${t.childId}: ${d.label} on ${longDate(d.due)}: ${d.outcome}` })), { x: 'x', y: bandBottom + 10, title: 'title', ...dueDateStyle(status, 5.5) }));
  }
  return marks;
}

/** Why a lane stops before the as-at date. */
const endingWords: Readonly<Record<GroupRow['timeline']['ending']['kind'], string>> = { 'legal-permanence': ', then an order', 'left-care': ', then left care', 'as-at': '' };

function notesOf(group: GroupTimeline, from: number, shown: number): string {
  const total = group.total;
  const notes = [`${formatCount(total)} ${total === 1 ? 'child' : 'children'}${shown < total ? `; ${formatCount(from + 1)} to ${formatCount(from + shown)} are shown` : ''}.`];
  notes.push(group.axis.kind === 'calendar' ? 'Calendar dates.' : `${weeksSinceWords(group.axis.journeyKind)}, for each child.`);
  notes.push(`As at ${longDate(group.asAt)}.`);
  if (group.unaligned.length > 0) notes.push(`Not shown (no such journey): ${group.unaligned.join(', ')}.`);
  if (group.unknownIds.length > 0) notes.push(`No record of: ${group.unknownIds.join(', ')}.`);
  return notes.join(' ');
}

function legendItems(rows: readonly GroupRow[], view: GroupView): LegendItem[] {
  const items: LegendItem[] = [];
  const seen = new Set<string>();
  const timelines = rows.map((r) => r.timeline);
  for (const band of timelines.flatMap((t) => t.bands)) {
    if (seen.has(band.type)) continue;
    seen.add(band.type);
    items.push({ kind: 'swatch', fill: placementFill(band.type), words: `${band.label[0]?.toUpperCase() ?? ''}${band.label.slice(1)}` });
  }
  if (timelines.some((t) => t.moves > 0)) items.push({ kind: 'symbol', style: { symbol: 'triangle', rotate: 180, r: 6, fill: palette.orange, stroke: palette.darkBlue }, words: 'A move to a new carer or setting' });
  if (view === 'placements') return items;
  for (const mark of timelines.flatMap((t) => t.marks)) {
    if (mark.group !== 'milestone' || mark.type === 'referral' || seen.has(mark.type)) continue;
    seen.add(mark.type);
    items.push({ kind: 'symbol', style: symbolStyle(symbolOf(mark)), words: mark.label });
  }
  const statuses = new Set(timelines.flatMap((t) => t.dueDates.map((d) => d.status)));
  if (statuses.has('in_time')) items.push({ kind: 'symbol', style: dueDateStyle('in_time', 6), words: 'Aim due date met' });
  if (statuses.has('late') || statuses.has('overdue')) items.push({ kind: 'symbol', style: dueDateStyle('late', 6), words: 'Aim due date missed' });
  if (statuses.has('waiting')) items.push({ kind: 'symbol', style: dueDateStyle('waiting', 6), words: 'Aim due date still ahead' });
  return items;
}
