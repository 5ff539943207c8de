/**
 * Rendering Observable Plot on the server: marks in, standalone SVG text out, with an injected
 * document (linkedom), and PNG from the same SVG through resvg. Every chart goes through here.
 */
import * as Plot from '@observablehq/plot';
import { Resvg } from '@resvg/resvg-js';
import { parseHTML } from 'linkedom';
import type { PlainDate } from '../domain/date.js';
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
 * and the table beside it say what they show), and each link is named by its mark.
 */
export function renderSvg(options: Omit<Plot.PlotOptions, 'document' | 'className'>, linked: { readonly label: string } | null = null): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const chart = Plot.plot({ ...options, className, document: document as unknown as NonNullable<Plot.PlotOptions['document']> });
  const svg = chart.tagName.toLowerCase() === 'svg' ? chart : chart.querySelector('svg');
  if (!svg) throw new Error('the plot rendered no SVG');
  svg.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  if (linked === null) {
    svg.setAttribute('role', 'img');
  } else {
    svg.setAttribute('role', 'group');
    svg.setAttribute('aria-label', linked.label);
    for (const link of Array.from(svg.querySelectorAll('a'))) {
      const mark = link.firstElementChild;
      const name = mark?.getAttribute('aria-label');
      if (name) {
        link.setAttribute('aria-label', name);
        mark?.removeAttribute('aria-label');
      }
    }
    for (const group of Array.from(svg.querySelectorAll('g[aria-label]'))) {
      const hasLinks = group.querySelector('a') !== null;
      group.removeAttribute('aria-label');
      if (!hasLinks) group.setAttribute('aria-hidden', 'true');
    }
  }
  return svgMarkup(svg);
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
  return new Date(Date.UTC(date.year, date.month - 1, date.day));
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
} as const;

export const fontFamily = 'DejaVu Sans, system-ui, sans-serif';
