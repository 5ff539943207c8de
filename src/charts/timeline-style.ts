/**
 * What the child and group timelines share: a fill for each kind of placement (a colour from the
 * palette and, for greyscale print, a pattern), a symbol for each kind of event, label placement
 * that keeps labels apart, the heading with its words under it, and the legend drawn on the chart
 * so it survives as PNG and on paper.
 */
import * as Plot from '@observablehq/plot';
import type { EventType, PlacementType } from '../domain/codes.js';
import type { PlainDate } from '../domain/date.js';
import { palette } from './render.js';

const svgNs = 'http://www.w3.org/2000/svg';

interface Fill {
  readonly colour: string;
  readonly pattern: 'solid' | 'stripes' | 'crosshatch' | 'dots';
  /** Text drawn over the fill: white on dark fills, dark on light ones. */
  readonly ink: string;
}

/** Home and kinship share green (family); foster blue; the rest told apart by pattern as well as colour. */
const fills: Readonly<Record<PlacementType, Fill>> = {
  home: { colour: palette.green, pattern: 'solid', ink: 'white' },
  kinship: { colour: palette.green, pattern: 'stripes', ink: 'white' },
  foster: { colour: palette.blue, pattern: 'solid', ink: 'white' },
  adopters: { colour: palette.orange, pattern: 'solid', ink: palette.darkBlue },
  residential: { colour: palette.grey, pattern: 'crosshatch', ink: 'white' },
  secure: { colour: palette.darkBlue, pattern: 'crosshatch', ink: 'white' },
  other: { colour: palette.lightGrey, pattern: 'dots', ink: palette.darkBlue },
};

/** The SVG fill for a placement type: a pattern defined once per chart by `placementPatterns`. */
export function placementFill(type: PlacementType): string {
  return fills[type].pattern === 'solid' ? fills[type].colour : `url(#pace-timeline-${type})`;
}

export function placementInk(type: PlacementType): string {
  return fills[type].ink;
}

/** The placement's colour without its pattern: the halo behind words written on a band. */
export function placementColour(type: PlacementType): string {
  return fills[type].colour;
}

/**
 * The patterns, as a mark. Every timeline defines the same ids with the same content, so several
 * timelines on one page do not disturb each other.
 */
export const placementPatterns: Plot.RenderFunction = (_index, _scales, _values, _dimensions, context) => {
  const document = context.document;
  const make = (name: string, attributes: Record<string, string>) => {
    const element = document.createElementNS(svgNs, name);
    for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value);
    return element;
  };
  const defs = make('defs', {});
  for (const [type, fill] of Object.entries(fills)) {
    if (fill.pattern === 'solid') continue;
    const pattern = make('pattern', { id: `pace-timeline-${type}`, width: '8', height: '8', patternUnits: 'userSpaceOnUse', ...(fill.pattern === 'dots' ? {} : { patternTransform: 'rotate(45)' }) });
    pattern.append(make('rect', { width: '8', height: '8', fill: fill.colour }));
    if (fill.pattern === 'stripes') pattern.append(make('rect', { width: '3', height: '8', fill: 'white' }));
    if (fill.pattern === 'crosshatch') pattern.append(make('rect', { width: '1.5', height: '8', fill: 'white' }), make('rect', { width: '8', height: '1.5', fill: 'white' }));
    if (fill.pattern === 'dots') pattern.append(make('circle', { cx: '4', cy: '4', r: '1.6', fill: palette.darkBlue }));
    defs.append(pattern);
  }
  return defs as unknown as SVGElement;
};

export interface EventSymbol {
  readonly symbol: Plot.SymbolName;
  readonly colour: string;
  /** Outline only, for the first of a pair (advice requested, then received). */
  readonly hollow: boolean;
}

export const eventSymbols: Readonly<Record<Exclude<EventType, 'care_plan'>, EventSymbol>> = {
  referral: { symbol: 'wye', colour: palette.darkBlue, hollow: false },
  permanence_recommendation: { symbol: 'circle', colour: palette.darkBlue, hollow: false },
  permanence_panel: { symbol: 'square', colour: palette.darkBlue, hollow: false },
  adm_decision: { symbol: 'diamond', colour: palette.darkBlue, hollow: false },
  court_application_lodged: { symbol: 'triangle', colour: palette.darkBlue, hollow: false },
  order_granted: { symbol: 'star', colour: palette.green, hollow: false },
  // Not a cross: a cross is a missed due date (timeline-rows.ts).
  ceased_looked_after: { symbol: 'asterisk', colour: palette.darkBlue, hollow: false },
  legal_advice_requested: { symbol: 'circle', colour: palette.orange, hollow: true },
  legal_advice_received: { symbol: 'circle', colour: palette.orange, hollow: false },
  planning_meeting_72h: { symbol: 'triangle', colour: palette.blue, hollow: false },
  permanence_planning_meeting: { symbol: 'diamond', colour: palette.blue, hollow: false },
  early_review: { symbol: 'square', colour: palette.blue, hollow: true },
  lac_review: { symbol: 'square', colour: palette.blue, hollow: false },
  home_review: { symbol: 'diamond', colour: palette.green, hollow: false },
  childrens_hearing: { symbol: 'hexagon', colour: palette.grey, hollow: false },
};

/** Plot's symbols drawn by their outline alone: filled, they would not show. */
const outlineSymbols: ReadonlySet<Plot.SymbolName> = new Set<Plot.SymbolName>(['asterisk', 'diamond2', 'plus', 'square2', 'times', 'triangle2']);

/** The dot options that draw `symbol` at radius `r`. */
export function symbolStyle(symbol: EventSymbol, r = 6): Plot.DotOptions {
  if (outlineSymbols.has(symbol.symbol)) return { symbol: symbol.symbol, r, fill: 'none', stroke: symbol.colour, strokeWidth: 2.5 };
  return symbol.hollow
    ? { symbol: symbol.symbol, r, fill: 'white', stroke: symbol.colour, strokeWidth: 2 }
    : { symbol: symbol.symbol, r, fill: symbol.colour, stroke: 'white', strokeWidth: 1 };
}

export const fontPx = 13;

/** A generous estimate of a line's width in DejaVu Sans, the font of the PNGs. */
export function textWidth(text: string, size = fontPx): number {
  return Math.max(0, ...text.split('\n').map((line) => line.length)) * size * 0.62;
}

/**
 * Gives each label a level (0, 1, …) so that labels on one level do not overlap: `left` and
 * `right` in pixels, in any order. Past `maxLevels`, the level whose last label ends first.
 */
export function assignLevels(spans: readonly { readonly left: number; readonly right: number }[], maxLevels = 4, gapPx = 8): number[] {
  const levelEnds: number[] = [];
  const levels = new Array<number>(spans.length).fill(0);
  const order = spans.map((_, i) => i).sort((a, b) => (spans[a] as { left: number }).left - (spans[b] as { left: number }).left);
  for (const i of order) {
    const span = spans[i] as { left: number; right: number };
    let level = levelEnds.findIndex((end) => end + gapPx <= span.left);
    if (level === -1) level = levelEnds.length < maxLevels ? levelEnds.length : levelEnds.indexOf(Math.min(...levelEnds));
    levelEnds[level] = span.right;
    levels[i] = level;
  }
  return levels;
}

const monthAbbreviations = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "10 Mar 2017". */
export function shortDate(date: PlainDate): string {
  return `${date.day} ${monthAbbreviations[date.month - 1]} ${date.year}`;
}

/** One entry of the legend: a symbol or swatch, and its words. */
export type LegendItem =
  | { readonly kind: 'swatch'; readonly fill: string; readonly words: string }
  | { readonly kind: 'symbol'; readonly style: Plot.DotOptions; readonly words: string }
  /** A character standing for a line style: "⟶" for an arrow, "┆" for a dashed upright line. */
  | { readonly kind: 'glyph'; readonly glyph: string; readonly colour: string; readonly words: string };

const legendRowPx = 22;

/** How tall the legend of `items` is when wrapped to `widthPx`. */
export function legendHeight(items: readonly LegendItem[], widthPx: number, fontPx = 12): number {
  return legendLayout(items, widthPx, fontPx).rows * legendRowPx;
}

/**
 * The legend as marks, below the frame's bottom-left corner, starting `topPx` below it and
 * `leftPx` left of it (negative to start in the left margin), wrapped to `widthPx`. A few marks
 * for the whole legend, each drawing many entries (each entry placed by `placedBelowFrame`): a mark
 * an entry made the legend most of a timeline's marks, and each mark costs more to draw than its
 * entries do.
 */
export function legendMarks(items: readonly LegendItem[], options: { readonly topPx: number; readonly leftPx: number; readonly widthPx: number; readonly fontPx?: number }): Plot.Markish[] {
  const fontSize = options.fontPx ?? 12;
  const { positions } = legendLayout(items, options.widthPx, fontSize);
  const entries = items.map((item, i) => {
    const at = positions[i] as { x: number; row: number };
    return { item, dx: at.x - options.leftPx, dy: options.topPx + at.row * legendRowPx + legendRowPx / 2 };
  });
  type Entry = (typeof entries)[number];
  const drawn = entries.flatMap((entry) => (entry.item.kind === 'glyph' ? [] : [{ ...entry, style: legendStyle(entry.item) }]));
  const glyphs = entries.flatMap((entry) => (entry.item.kind === 'glyph' ? [{ ...entry, glyph: entry.item.glyph, colour: entry.item.colour }] : []));
  return [
    ...styledDots(drawn, (entry) => entry.style, (ofDash) => ({ frameAnchor: 'bottom-left', render: placedBelowFrame(ofDash, 8) })),
    Plot.text(glyphs, { text: 'glyph', fontSize: 16, fontWeight: 'bold', fill: literal((entry: (typeof glyphs)[number]) => entry.colour), frameAnchor: 'bottom-left', render: placedBelowFrame(glyphs, 7) }),
    Plot.text(entries, { text: (entry: Entry) => entry.item.words, textAnchor: 'start', fontSize, fill: 'currentColor', frameAnchor: 'bottom-left', render: placedBelowFrame(entries, 22) }),
  ];
}

/** A legend entry's drawing: a swatch is a square of the placement's fill. */
function legendStyle(item: Exclude<LegendItem, { kind: 'glyph' }>): Plot.DotOptions {
  return item.kind === 'swatch' ? { symbol: 'square', r: 8, fill: item.fill, stroke: palette.grey, strokeWidth: 0.5 } : item.style;
}

/** A channel whose values are drawn as they are (a colour, a radius in pixels), through no scale. */
function literal<T>(value: (datum: T, index: number) => string | number): Plot.ChannelValueSpec {
  return { value, scale: null } as Plot.ChannelValueSpec;
}

/**
 * Dots each drawn in a style of its own (`styleOf`: constants, as `symbolStyle` gives them), in as
 * few marks as can draw them: one for each dash, a dash not being a channel. A mark a dot made
 * most of a timeline's marks, and each mark costs more to draw than its dots do. The dots of each
 * mark are drawn in the order given; `options` places them (x and y, or a frame anchor) and may
 * add a title.
 */
export function styledDots<T>(data: readonly T[], styleOf: (datum: T) => Plot.DotOptions, options: (ofDash: readonly T[]) => Plot.DotOptions): Plot.Dot[] {
  const styled = data.map((datum) => ({ datum, style: styleOf(datum) }));
  const dashOf = (style: Plot.DotOptions) => (style.strokeDasharray === undefined ? undefined : String(style.strokeDasharray));
  return [...new Set(styled.map(({ style }) => dashOf(style)))].map((dash) => {
    const ofDash = styled.filter(({ style }) => dashOf(style) === dash);
    const data = ofDash.map(({ datum }) => datum);
    const style = (i: number) => (ofDash[i] as (typeof ofDash)[number]).style;
    // Each channel by the dot's place in `data`; Plot's own defaults where a style leaves one out.
    const each = <V,>(value: (style: Plot.DotOptions) => V) => (_: T, i: number) => value(style(i));
    return Plot.dot(data, {
      symbol: each((s) => String(s.symbol ?? 'circle')),
      r: literal(each((s) => Number(s.r ?? 4.5))),
      ...(ofDash.some(({ style }) => style.rotate !== undefined) ? { rotate: each((s) => Number(s.rotate ?? 0)) } : {}),
      fill: literal(each((s) => String(s.fill ?? 'none'))),
      stroke: literal(each((s) => String(s.stroke ?? 'currentColor'))),
      strokeWidth: each((s) => Number(s.strokeWidth ?? 1.5)),
      ...(dash === undefined ? {} : { strokeDasharray: dash }),
      sort: null,
      ...options(data),
    });
  });
}

/**
 * Draws each of `entries` where the frame's bottom-left corner is, moved right by the entry's `dx`
 * and `dxPx` more, and down by its `dy`: in pixels, whatever the scales. The mark is anchored to the
 * frame, as an entry's own mark was, so that Plot does not read x and y from each datum.
 */
function placedBelowFrame(entries: readonly { readonly dx: number; readonly dy: number }[], dxPx: number): Plot.RenderFunction {
  return withValues((_, dimensions) => ({
    x: entries.map((entry) => dimensions.marginLeft + entry.dx + dxPx),
    y: entries.map((entry) => dimensions.height - dimensions.marginBottom + entry.dy),
  }));
}

type ChannelValues = Parameters<Plot.RenderFunction>[2];

/**
 * A render transform that draws a mark with some of its channels' values (each datum's, in pixels
 * for x and y) replaced by `replace`, worked out from its own values and the chart's size: where
 * Plot would place every datum of a mark alike (one `dx` a mark; one point for a mark anchored to
 * the frame), each datum goes where its own mark would have put it.
 */
export function withValues(replace: (values: ChannelValues, dimensions: Parameters<Plot.RenderFunction>[3]) => Partial<Record<'x' | 'y', readonly number[]>>): Plot.RenderFunction {
  return (index, scales, values, dimensions, context, next) => (next as NonNullable<typeof next>)(index, scales, { ...values, ...replace(values, dimensions) } as ChannelValues, dimensions, context);
}

function legendLayout(items: readonly LegendItem[], widthPx: number, fontPx: number): { positions: { x: number; row: number }[]; rows: number } {
  const positions: { x: number; row: number }[] = [];
  let x = 0;
  let row = 0;
  for (const item of items) {
    const width = 22 + textWidth(item.words, fontPx) + 18;
    if (x > 0 && x + width > widthPx) {
      x = 0;
      row += 1;
    }
    positions.push({ x, row });
    x += width;
  }
  return { positions, rows: items.length === 0 ? 0 : row + 1 };
}

/** Breaks text into lines of at most `maxChars`, at spaces. */
export function wrap(text: string, maxChars: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > maxChars) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines.join('\n');
}

/**
 * A timeline's heading at its top left and, under it, `words` (null for none) wrapped to the
 * drawing's `width`: the marks, placed from the frame's top-left corner, for a frame whose top
 * margin is `top` — at least `minTop`, more when the words take more lines than it leaves room for.
 */
export function headingMarks(heading: string, words: string | null, options: { readonly width: number; readonly marginLeft: number; readonly minTop: number; readonly titlePx: number }): { readonly marks: Plot.Markish[]; readonly top: number } {
  const lines = words === null ? null : wrap(words, Math.floor((options.width - 40) / (fontPx * 0.62)));
  const top = lines === null ? options.minTop : Math.max(options.minTop, 44 + lines.split('\n').length * 16 + 20);
  const at = { frameAnchor: 'top-left', dx: -options.marginLeft + 20, lineAnchor: 'top', textAnchor: 'start' } as const;
  return {
    top,
    marks: [
      Plot.text([heading], { ...at, dy: -top + 10, fontSize: options.titlePx, fontWeight: 'bold', fill: palette.darkBlue }),
      ...(lines === null ? [] : [Plot.text([lines], { ...at, dy: -top + 44, fill: 'currentColor' })]),
    ],
  };
}
