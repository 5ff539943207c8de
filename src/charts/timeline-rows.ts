/**
 * The rows a child's timeline is built from, each a height and the marks that fill it from a given
 * top (pixels within the frame). The x scale is calendar time; `Place` converts a date to pixels
 * so that labels can be kept apart before Plot draws them.
 */
import * as Plot from '@observablehq/plot';
import type { CohortStatus } from '../domain/aim-figures.js';
import { addDays, type PlainDate } from '../domain/date.js';
import type { AgeTick, TimelineBand, TimelineDueDate, TimelineGap, TimelineMark, TimelinePlan } from '../domain/timeline.js';
import { longDate } from '../domain/date.js';
import { chartDate, palette } from './render.js';
import { assignLevels, eventSymbols, fontPx, placementColour, placementFill, placementInk, shortDate, styledDots, symbolStyle, textWidth, withValues, type EventSymbol } from './timeline-style.js';

export interface Place {
  /** Pixels from the frame's left edge. */
  readonly px: (date: PlainDate) => number;
  readonly frameWidth: number;
}

export interface Row {
  /** Plain words at the left: "Where the child lived". */
  readonly name: string;
  readonly height: number;
  readonly draw: (top: number) => Plot.Markish[];
  /** Drawn on a light background, to tell rows apart. */
  readonly shaded: boolean;
}

interface LabelledPoint {
  readonly date: PlainDate;
  readonly text: string;
  readonly title: string;
  readonly style: Plot.DotOptions;
}

const lineHeight = 15;

/** Symbols along the bottom of the row, each with its label stacked above it on a leader line. */
export function labelledPointsRow(name: string, points: readonly LabelledPoint[], place: Place, options: { readonly lines: number; readonly maxLevels: number }): Row {
  // A label goes to the right of its symbol, or to its left; where neither fits within the frame
  // (a narrow drawing), it starts at whichever edge it would otherwise cross, its leader line still
  // at the symbol.
  const spans = points.map((p) => {
    const x = place.px(p.date);
    const width = textWidth(p.text);
    const toRight = x + 4 + width <= place.frameWidth;
    const left = toRight ? x : x - width - 4;
    const shift = toRight || left >= 0 ? 0 : Math.min(-left, Math.max(0, place.frameWidth - width - 4));
    return { left: left + shift, right: (toRight ? x + width + 4 : x) + shift, toRight: toRight || shift > 0, dx: shift > 0 ? left + shift - x + 3 : null };
  });
  const levels = assignLevels(spans, options.maxLevels);
  const levelHeight = options.lines * lineHeight + 8;
  const height = 24 + (Math.max(-1, ...levels) + 1) * levelHeight;
  const draw = (top: number): Plot.Markish[] => {
    const symbolY = top + height - 12;
    const rows = points.map((p, i) => {
      const span = spans[i] as (typeof spans)[number];
      return { ...p, x: chartDate(p.date), labelY: symbolY - 14 - (levels[i] as number) * levelHeight, toRight: span.toRight, dx: span.dx };
    });
    const label = { y: 'labelY', text: 'text', lineAnchor: 'bottom', fill: 'currentColor', stroke: 'white', strokeWidth: 3, paintOrder: 'stroke', lineHeight: lineHeight / 13 } as const;
    // Labels to the right of their symbol, and those moved in from an edge, each by its own distance.
    const starting = rows.filter((r) => r.dx !== null || r.toRight);
    return [
      Plot.ruleX(rows, { x: 'x', y1: 'labelY', y2: symbolY, stroke: palette.lightGrey, strokeWidth: 1 }),
      ...styledDots(rows, (r) => r.style, () => ({ x: 'x', y: symbolY, title: 'title' })),
      Plot.text(starting, { ...label, x: 'x', textAnchor: 'start', render: movedRight(starting.map((r) => r.dx ?? 3)) }),
      Plot.text(rows.filter((r) => r.dx === null && !r.toRight), { ...label, x: 'x', textAnchor: 'end', dx: -3 }),
    ];
  };
  return { name, height, draw, shaded: false };
}

/** Moves each datum's mark right by pixels of its own (`offsets`, by the datum's place in the data). */
function movedRight(offsets: readonly number[]): Plot.RenderFunction {
  return withValues((values) => ({ x: Array.from(values.x as ArrayLike<number>, (px, i) => px + (offsets[i] as number)) }));
}

/** The decisions and other milestones, each labelled with its name, route and date; those planned or cancelled as open marks. */
export function milestonesRow(marks: readonly TimelineMark[], place: Place, plans: readonly TimelinePlan[] = []): Row {
  const points = [
    ...marks.map((m) => ({
      date: m.date,
      text: [m.label, m.routeWords, shortDate(m.date)].filter((line): line is string => line !== null).join('\n'),
      title: markTitle(m),
      style: symbolStyle(symbolOf(m), 7),
    })),
    ...plans.map((p) => ({ date: p.date, text: `${p.label}\n${p.status}\n${shortDate(p.date)}`, title: planTitle(p), style: planStyle(eventSymbols[p.type], 7) })),
  ];
  const row = labelledPointsRow('Decisions and\nmilestones', points, place, { lines: 3, maxLevels: 4 });
  // A cancelled milestone is struck through, over its open mark.
  const cancelled = plans.filter((p) => p.status === 'cancelled');
  return cancelled.length === 0 ? row : { ...row, draw: (top) => [...row.draw(top), strikeThrough(cancelled, top + row.height - 12, 7)] };
}

/**
 * An event not held: its own symbol, open and dashed, so that it never reads as one that
 * happened (docs/decisions/0030-planned-events.md); a cancelled one is also struck through.
 */
export function planStyle(symbol: EventSymbol, r = 6): Plot.DotOptions {
  return { symbol: symbol.symbol, r, fill: 'white', stroke: symbol.colour, strokeWidth: 2, strokeDasharray: '2,2' };
}

/** The stroke through a cancelled event's open mark: a red slash, unlike the cross of a missed due date. */
export const cancelledGlyph = { glyph: '/', colour: palette.red } as const;

function strikeThrough(plans: readonly TimelinePlan[], y: number, r: number): Plot.Markish {
  return Plot.text(
    plans.map((p) => ({ x: chartDate(p.date), title: planTitle(p) })),
    { x: 'x', y, text: () => cancelledGlyph.glyph, title: 'title', fontSize: Math.round(r * 3.2), fontWeight: 'bold', fill: cancelledGlyph.colour },
  );
}

/** "Looked after child review, planned for 5 March 2027", with ": cancelled" when it was. */
export function planTitle(plan: TimelinePlan): string {
  return `${plan.label}, planned for ${longDate(plan.date)}${plan.status === 'cancelled' ? ': cancelled' : ' (not yet held)'}`;
}

// Shapes no event uses, so a due date is not mistaken for a decision in greyscale: a plus met,
// a cross missed, an open square still ahead.
const dueStyles: Readonly<Record<CohortStatus, Plot.DotOptions>> = {
  in_time: { symbol: 'plus', stroke: palette.green, strokeWidth: 3, fill: 'none' },
  late: { symbol: 'times', stroke: palette.red, strokeWidth: 3, fill: 'none' },
  overdue: { symbol: 'times', stroke: palette.red, strokeWidth: 3, fill: 'none' },
  waiting: { symbol: 'square2', stroke: palette.red, strokeWidth: 2, fill: 'white' },
  left_late: { symbol: 'times', stroke: palette.grey, strokeWidth: 3, fill: 'none' },
  left_early: { symbol: 'square2', stroke: palette.grey, strokeWidth: 2, fill: 'white' },
};

export function dueDateStyle(status: CohortStatus, r = 7): Plot.DotOptions {
  return { ...dueStyles[status], r };
}

/** Each aim's due date, with whether it was met. */
export function dueDatesRow(dueDates: readonly TimelineDueDate[], place: Place): Row {
  const points = dueDates.map((due) => ({
    date: due.due,
    text: `${due.label}\n${due.outcome}`,
    title: `${due.label} on ${longDate(due.due)}: ${due.outcome} (${due.aimName})`,
    style: dueDateStyle(due.status),
  }));
  return { ...labelledPointsRow('Aim due dates', points, place, { lines: 2, maxLevels: 3 }), shaded: true };
}

/** Arrows from one decision to the next, each labelled with the weeks between them. */
export function gapsRow(gaps: readonly TimelineGap[], place: Place): Row {
  const spans = gaps.map((g) => {
    const from = place.px(g.from.date);
    const to = place.px(g.to.date);
    const half = textWidth(g.words) / 2 + 2;
    return { left: Math.min(from, (from + to) / 2 - half), right: Math.max(to, (from + to) / 2 + half) };
  });
  const levels = assignLevels(spans, 4, 4);
  const levelHeight = 32;
  const height = 8 + (Math.max(-1, ...levels) + 1) * levelHeight;
  const draw = (top: number): Plot.Markish[] => {
    const rows = gaps.map((g, i) => ({
      x1: chartDate(g.from.date),
      x2: chartDate(g.to.date),
      xMid: new Date((chartDate(g.from.date).getTime() + chartDate(g.to.date).getTime()) / 2),
      y: top + 28 + (levels[i] as number) * levelHeight,
      words: g.words,
      soFar: g.kind === 'so-far',
      title: `${g.from.label} (${longDate(g.from.date)}) to ${g.kind === 'so-far' ? 'the as-at date' : g.to.label.toLowerCase()} (${longDate(g.to.date)}): ${g.words}`,
      days: g.days,
    }));
    const drawn = rows.filter((r) => r.days > 0);
    return [
      Plot.arrow(drawn.filter((r) => !r.soFar), { x1: 'x1', x2: 'x2', y1: 'y', y2: 'y', stroke: palette.darkBlue, strokeWidth: 2, headLength: 8, title: 'title' }),
      Plot.arrow(drawn.filter((r) => r.soFar), { x1: 'x1', x2: 'x2', y1: 'y', y2: 'y', stroke: palette.red, strokeWidth: 2, strokeDasharray: '6,4', headLength: 8, title: 'title' }),
      Plot.text(rows, { x: 'xMid', y: 'y', dy: -6, lineAnchor: 'bottom', text: 'words', fontWeight: 'bold', fill: (d: { soFar: boolean }) => (d.soFar ? palette.red : palette.darkBlue), stroke: 'white', strokeWidth: 3, paintOrder: 'stroke' }),
    ];
  };
  return { name: 'Time between\ndecisions', height, draw, shaded: true };
}

/** One row of events drawn as symbols only: the row's name says what they are. Plans are open marks, a cancelled one struck through. */
export function symbolsRow(name: string, marks: readonly TimelineMark[], plans: readonly TimelinePlan[] = []): Row {
  const height = 30;
  const draw = (top: number): Plot.Markish[] => {
    const y = top + height / 2;
    const types = [...new Set(marks.map((m) => m.type))];
    const held = types.map((type) => {
      const ofType = marks.filter((m) => m.type === type);
      const rows = ofType.map((m) => ({ x: chartDate(m.date), title: markTitle(m) }));
      return Plot.dot(rows, { x: 'x', y, title: 'title', ...symbolStyle(symbolOf(ofType[0] as TimelineMark)) });
    });
    const planned = [...new Set(plans.map((p) => p.type))].map((type) =>
      Plot.dot(
        plans.filter((p) => p.type === type).map((p) => ({ x: chartDate(p.date), title: planTitle(p) })),
        { x: 'x', y, title: 'title', ...planStyle(eventSymbols[type]) },
      ),
    );
    const cancelled = plans.filter((p) => p.status === 'cancelled');
    return [...held, ...planned, ...(cancelled.length > 0 ? [strikeThrough(cancelled, y, 6)] : [])];
  };
  return { name, height, draw, shaded: false };
}

/** Where the child lived: a band a placement, a marker at each move. */
export function bandsRow(name: string, bands: readonly TimelineBand[], place: Place): Row {
  const height = 70;
  const draw = (top: number): Plot.Markish[] => {
    const y1 = top + 20;
    const y2 = top + 62;
    const rows = bands.map((b) => ({
      ...b,
      x1: chartDate(b.start),
      // A band covers its last day: it ends where the next day begins.
      x2: chartDate(addDays(b.end, 1)),
      xMid: new Date((chartDate(b.start).getTime() + chartDate(addDays(b.end, 1)).getTime()) / 2),
      fits: place.px(addDays(b.end, 1)) - place.px(b.start) > textWidth(b.label) + 8,
      title: bandTitle(b),
    }));
    const types = [...new Set(bands.map((b) => b.type))];
    return [
      ...types.map((type) => Plot.rect(rows.filter((r) => r.type === type), { x1: 'x1', x2: 'x2', y1, y2, fill: placementFill(type), stroke: 'white', strokeWidth: 2, title: 'title' })),
      ...types.map((type) =>
        Plot.text(rows.filter((r) => r.type === type && r.fits), { x: 'xMid', y: (y1 + y2) / 2, text: 'label', fill: placementInk(type), fontWeight: 'bold', stroke: placementColour(type), strokeWidth: 4, paintOrder: 'stroke' }),
      ),
      Plot.dot(rows.filter((r) => r.began === 'move'), { x: 'x1', y: top + 10, symbol: 'triangle', rotate: 180, r: 6, fill: palette.orange, stroke: palette.darkBlue, strokeWidth: 1, title: (d: TimelineBand) => `Moved on ${longDate(d.start)}: ${d.label}` }),
    ];
  };
  return { name, height, draw, shaded: false };
}

/**
 * The child's age under the bands. Every tick is drawn; a label only where it fits, whole years
 * first, so that "3 years" is never crowded out by "2 years 6 months".
 */
export function agesRow(ages: readonly AgeTick[], place: Place): Row {
  const height = 30;
  const taken: { left: number; right: number }[] = [];
  const labelled = new Set<AgeTick>();
  for (const age of [...ages.filter((a) => a.months % 12 === 0), ...ages.filter((a) => a.months % 12 !== 0)]) {
    const x = place.px(age.date);
    const half = textWidth(age.words, fontPx + 1) / 2; // bold
    const span = { left: x - half - 6, right: x + half + 6 };
    if (span.left < 0 || span.right > place.frameWidth || taken.some((t) => t.left < span.right && span.left < t.right)) continue;
    taken.push(span);
    labelled.add(age);
  }
  const draw = (top: number): Plot.Markish[] => {
    const rows = ages.map((a) => ({ x: chartDate(a.date), words: a.words, labelled: labelled.has(a) }));
    return [
      Plot.ruleX(rows, { x: 'x', y1: top, y2: top + 6, stroke: palette.darkBlue }),
      Plot.text(rows.filter((r) => r.labelled), { x: 'x', y: top + 8, text: 'words', lineAnchor: 'top', fill: palette.darkBlue, fontWeight: 'bold' }),
    ];
  };
  return { name: 'Age', height, draw, shaded: false };
}

export function symbolOf(mark: TimelineMark): EventSymbol {
  if (mark.type === 'care_plan') throw new Error('care plans are not drawn');
  return eventSymbols[mark.type];
}

/** "Looked after child review, 12 March 2025"; with its planned day, "…, held on 12 March 2025 (planned for 5 March 2025)". */
export function markTitle(mark: TimelineMark): string {
  const what = `${mark.label}${mark.routeWords ? `: ${mark.routeWords}` : ''}`;
  if (mark.plannedDate === undefined) return `${what}, ${longDate(mark.date)}`;
  if (longDate(mark.plannedDate) === longDate(mark.date)) return `${what}, held on ${longDate(mark.date)} as planned`;
  return `${what}, held on ${longDate(mark.date)} (planned for ${longDate(mark.plannedDate)})`;
}

function bandTitle(b: TimelineBand): string {
  const until = b.continues ? `from ${longDate(b.start)}, continuing` : `from ${longDate(b.start)} to ${longDate(b.end)}`;
  return `${b.label[0]?.toUpperCase() ?? ''}${b.label.slice(1)} ${until}${b.carerRef ? ` (carer ${b.carerRef})` : ''}`;
}
