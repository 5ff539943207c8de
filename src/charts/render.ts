/**
 * Rendering Observable Plot on the server: marks in, standalone SVG text out, with an injected
 * document (linkedom), and PNG from the same SVG through resvg. Every chart goes through here.
 */
import * as Plot from '@observablehq/plot';
import { Resvg } from '@resvg/resvg-js';
import { parseHTML } from 'linkedom';
import { epochDay, type PlainDate } from '../domain/date.js';
import { hasBulkDotLinks, writeBulkDots } from './bulk-dot.js';
import { svgMarkup } from './svg-markup.js';

/** The class Plot puts on each chart: fixed, so SVG output is the same from run to run. */
const className = 'pace-chart';

/**
 * Links from a chart's marks to the children they stand for: each mark's `href` and `ariaLabel`
 * channels (Plot wraps each linked mark in an `<a>`), and the label of the chart as a whole.
 */
export interface ChartLinks {
  readonly hrefOf: (childId: string) => string;
  /** "Run chart of Aim 2: one dot a child, each a link to the child's record". */
  readonly label: string;
}

/**
 * Renders a plot to standalone SVG markup. A chart whose marks carry links (`linked`) stops being
 * an image (whose inside assistive technology does not enter) and becomes a labelled group whose
 * links a keyboard reaches; its axes and lines are hidden from assistive technology (the caption
 * and the table beside it say what they show), and each link is named by its mark. An image drawn
 * `forPage` is written as inlinePicture (inline-picture.ts) would leave it, without writing it out
 * and reading it back in.
 */
export function renderSvg(options: Omit<Plot.PlotOptions, 'document' | 'className'>, linked: { readonly label: string; readonly keyboard?: boolean } | null = null, legend: readonly LegendItem[] = [], forPage = false): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const height = Number(options.height ?? 400);
  const legendRows = legendLayout(legend, Number(options.width ?? 640));
  const chart = Plot.plot({ ...options, height, className, document: document as unknown as NonNullable<Plot.PlotOptions['document']> });
  const svg = chart.tagName.toLowerCase() === 'svg' ? chart : chart.querySelector('svg');
  if (!svg) throw new Error('the plot rendered no SVG');
  svg.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  if (legendRows.length > 0) drawLegend(document as unknown as Document, svg as unknown as SVGSVGElement, legendRows, height, Number(options.width ?? 640));
  if (linked === null) {
    svg.setAttribute('role', 'img');
    if (forPage) for (const group of Array.from(svg.querySelectorAll('g[aria-label]'))) group.removeAttribute('aria-label');
  } else {
    svg.setAttribute('role', 'group');
    svg.setAttribute('aria-label', linked.label);
    for (const link of Array.from(svg.querySelectorAll('a'))) {
      const mark = link.firstElementChild;
      const name = mark?.getAttribute('aria-label');
      // The tooltip goes with the name, to the link (it still shows over the mark). A title inside
      // each of 13,600 linked dots made Chromium take 4.2 s to show an aim's page; in each link, 0.6 s.
      const title = mark ? Array.from(mark.children).find((child) => child.tagName.toLowerCase() === 'title') : undefined;
      if (mark && title) link.insertBefore(title, mark);
      // A link's title is its name (SVG's accessible name, as Chromium computes it): the same words
      // again as its aria-label were a fifth of the bytes of a run chart of thousands of children.
      if (name) {
        if (title?.textContent !== name) link.setAttribute('aria-label', name);
        mark?.removeAttribute('aria-label');
      }
      // Hundreds of links are more stops than a keyboard can move through: the table beside the
      // chart lists every child; a pointer still reaches each one from its mark.
      if (linked.keyboard === false) link.setAttribute('tabindex', '-1');
    }
    for (const group of Array.from(svg.querySelectorAll('g[aria-label]'))) {
      const hasLinks = group.querySelector('a') !== null || hasBulkDotLinks(group as unknown as Element);
      group.removeAttribute('aria-label');
      if (!hasLinks) group.setAttribute('aria-hidden', 'true');
    }
  }
  return writeBulkDots(svgMarkup(svg), svg as unknown as Element, linked);
}

/** One entry of a chart's legend: a small drawing of the mark, and what it means. */
export interface LegendItem {
  readonly label: string;
  /** 'note': a line of grey words on a row of its own, with no drawing. */
  readonly symbol: 'dot' | 'ring' | 'line' | 'dashed-line' | 'rule' | 'bar' | 'note';
  readonly colour: string;
}

const legendFont = 13;
const legendRowHeight = 22;

/** The legend's entries laid out in rows that fit the chart's width. */
function legendLayout(items: readonly LegendItem[], width: number): { item: LegendItem; x: number }[][] {
  const rows: { item: LegendItem; x: number }[][] = [];
  let row: { item: LegendItem; x: number }[] = [];
  let x = 12;
  for (const item of items) {
    const itemWidth = 30 + item.label.length * legendFont * 0.56 + 18;
    if (row.length > 0 && (item.symbol === 'note' || x + itemWidth > width - 12)) {
      rows.push(row);
      row = [];
      x = 12;
    }
    row.push({ item, x });
    x += itemWidth;
  }
  if (row.length > 0) rows.push(row);
  return rows;
}

/** Draws the legend below the plot, making the picture taller: the same in the page, the download and the PDF. */
function drawLegend(document: Document, svg: SVGSVGElement, rows: { item: LegendItem; x: number }[][], plotHeight: number, width: number): void {
  const ns = 'http://www.w3.org/2000/svg';
  const height = plotHeight + 10 + rows.length * legendRowHeight;
  svg.setAttribute('height', String(height));
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  const group = document.createElementNS(ns, 'g');
  group.setAttribute('aria-hidden', 'true');
  group.setAttribute('font-size', String(legendFont));
  group.setAttribute('text-anchor', 'start');
  const add = (tag: string, attributes: Record<string, string>) => {
    const element = document.createElementNS(ns, tag);
    for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
    group.appendChild(element);
    return element;
  };
  rows.forEach((row, r) => {
    const y = plotHeight + 10 + r * legendRowHeight + legendRowHeight / 2;
    for (const { item, x } of row) {
      switch (item.symbol) {
        case 'dot':
          add('circle', { cx: String(x + 10), cy: String(y), r: '4', fill: item.colour });
          break;
        case 'ring':
          add('circle', { cx: String(x + 10), cy: String(y), r: '5', fill: palette.blue, stroke: item.colour, 'stroke-width': '2.5' });
          break;
        case 'line':
          add('line', { x1: String(x), x2: String(x + 22), y1: String(y), y2: String(y), stroke: item.colour, 'stroke-width': '2.5' });
          break;
        case 'dashed-line':
          add('line', { x1: String(x), x2: String(x + 22), y1: String(y), y2: String(y), stroke: item.colour, 'stroke-width': '2.5', 'stroke-dasharray': '5,4' });
          break;
        case 'rule':
          add('line', { x1: String(x + 10), x2: String(x + 10), y1: String(y - 8), y2: String(y + 8), stroke: item.colour, 'stroke-width': '2' });
          break;
        case 'bar':
          add('rect', { x: String(x), y: String(y - 6), width: '22', height: '12', fill: item.colour });
          break;
        default:
          break;
      }
      const note = item.symbol === 'note';
      const text = add('text', { x: String(note ? x : x + 30), y: String(y), dy: '0.32em', fill: note ? item.colour : '#1a1a1a' });
      text.textContent = item.label;
    }
  });
  svg.appendChild(group);
}

/** The same chart as a PNG picture, at twice the SVG's size for sharp printing. */
export function svgToPng(svg: string): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: 2 },
    background: 'white',
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' },
  });
  return resvg.render().asPng();
}

/** A calendar day as the UTC midnight Plot's time scales expect. */
export function chartDate(date: PlainDate): Date {
  // From the day number, which the date remembers, rather than its slow calendar fields.
  return new Date(epochDay(date) * 86_400_000);
}

/** Colours from the Scottish Government Design System palette, with shapes doing the same work for colour-blind readers. */
export const palette = {
  blue: '#0065bd',
  darkBlue: '#002d54',
  orange: '#e5682a',
  red: '#d32205',
  grey: '#727272',
  lightGrey: '#b3b3b3',
  green: '#428542',
  purple: '#6f3b8f',
  black: '#1a1a1a',
} as const;

export const fontFamily = 'DejaVu Sans, system-ui, sans-serif';
