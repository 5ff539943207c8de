/**
 * A dot mark for thousands of dots: Plot's own dot, whose dots are written as text rather than
 * made as DOM nodes. An authority's run chart has a dot for every journey that reached its
 * milestone, 13,000 on one chart; linkedom made, escaped and serialised a circle, a title and a
 * link for each, and that was three quarters of the time of an aim's four charts.
 *
 * Plot still does everything but the dots themselves: the y channel, the scales and the mark's
 * group with its styles. The render transform asks Plot for the group with no dots in it,
 * and puts in their place a placeholder element that `writeBulkDots` replaces, in the finished
 * markup, by the markup Plot and renderSvg would have made (docs/decisions/0022-fast-figures.md):
 * the same elements, attributes in the same order, escaped in the same way, so the picture and
 * what assistive technology reads are the same; only a dot's place is written to a hundredth of a
 * pixel rather than to every digit.
 *
 * A dot's title, link and name are asked for as its markup is written, and its x put through the
 * chart's x scale then, rather than given to Plot as channels: thousands of strings, and of dates
 * (a time scale's channel is made of Date objects, 96 bytes each), kept for the whole drawing were
 * most of what the garbage collector copied while a run chart was drawn. So the chart must fix its
 * x domain, as the dots do not take part in working it out.
 */
import * as Plot from '@observablehq/plot';

/** Text for the dot of the datum at `index` in the mark's data; none when null or undefined. */
export type DotText = (index: number) => string | null | undefined;

/** The options a bulk dot takes: every style a constant, y as a channel, x as values for the x scale, and its words as functions. */
export interface BulkDotOptions {
  /** Each datum's x, in the x scale's values (milliseconds for a time scale). */
  readonly x: ArrayLike<number>;
  readonly y: Plot.ChannelValue;
  readonly r: number;
  readonly fill?: string;
  readonly fillOpacity?: number;
  readonly stroke?: string;
  readonly strokeWidth?: number;
  /** The tooltip, as Plot's title channel. */
  readonly title?: DotText;
  /** A link, as Plot's href channel. */
  readonly href?: DotText;
  /** The name, as Plot's ariaLabel channel. */
  readonly ariaLabel?: DotText;
}

/** What a placeholder stands for: the dots of one mark, in screen coordinates. */
interface Dots {
  readonly index: readonly number[];
  readonly r: number;
  readonly x: (index: number) => number;
  readonly y: ArrayLike<number>;
  readonly title: DotText | undefined;
  readonly href: DotText | undefined;
  readonly ariaLabel: DotText | undefined;
}

const placeholderTag = 'pace-bulk-dots';
// Data can never write this: linkedom escapes every `<` in text, and svgMarkup every `<` in an attribute.
const placeholderMarkup = `<${placeholderTag} />`;
const channelsWritten = new Set(['y']);
const dotsOf = new WeakMap<object, Dots>();

/** Plot.dot with the same drawing, for many dots. */
export function bulkDot(data: Plot.Data, options: BulkDotOptions): Plot.Dot {
  const { x, title, href, ariaLabel, ...plotOptions } = options;
  return Plot.dot(data, {
    ...plotOptions,
    render(index, scales, values, dimensions, context, next) {
      for (const name of Object.keys(values.channels)) {
        if (!channelsWritten.has(name)) throw new Error(`bulkDot cannot write a ${name} channel`);
      }
      const xScale = scales.x;
      if (xScale === undefined) throw new Error('bulkDot needs an x scale with a domain of its own');
      // Plot's group for the mark, its styles included, with no dots in it.
      const group = (next as Plot.RenderFunction)([], scales, values, dimensions, context);
      if (group === null) return null;
      const placeholder = context.document.createElementNS('http://www.w3.org/2000/svg', placeholderTag);
      dotsOf.set(placeholder, { index, r: options.r, x: (i) => xScale(x[i]) as number, y: values.y as ArrayLike<number>, title, href, ariaLabel });
      group.appendChild(placeholder);
      return group;
    },
  });
}

/** Whether a group holds bulk dots that are links (renderSvg hides a group without links from assistive technology). */
export function hasBulkDotLinks(group: Element): boolean {
  for (const placeholder of Array.from(group.querySelectorAll(placeholderTag))) {
    const dots = dotsOf.get(placeholder);
    const href = dots?.href;
    if (dots !== undefined && href !== undefined && dots.index.some((i) => href(i) != null)) return true;
  }
  return false;
}

/**
 * The chart's finished markup with each bulk dot's placeholder replaced by its dots; `svg` is the
 * chart the markup was written from. `linked` as renderSvg's: each link takes its mark's name, and
 * leaves the keyboard's order when `keyboard` is false.
 */
export function writeBulkDots(markup: string, svg: Element, linked: { readonly keyboard?: boolean } | null): string {
  const placeholders = Array.from(svg.querySelectorAll(placeholderTag));
  if (placeholders.length === 0) return markup;
  const parts = markup.split(placeholderMarkup);
  if (parts.length !== placeholders.length + 1) throw new Error('bulk dots: the placeholders and the markup disagree');
  let text = parts[0] as string;
  placeholders.forEach((placeholder, n) => {
    const dots = dotsOf.get(placeholder);
    if (dots === undefined) throw new Error('bulk dots: a placeholder without its dots');
    text += dotsMarkup(dots, linked) + (parts[n + 1] as string);
  });
  return text;
}

/** Dots written before their strings are joined: joined strings this long are kept outside the young generation. */
const dotsPerChunk = 2048;

/**
 * Each dot as Plot draws it into linkedom and linkedom serialises it: attributes in the reverse of
 * the order set (cx, cy, r, aria-label), a title when there is one, wrapped in a link when there
 * is an href; then renderSvg's changes to links: the title moves from the circle to the link,
 * and the name too unless the title says the same.
 */
function dotsMarkup(dots: Dots, linked: { readonly keyboard?: boolean } | null): string {
  const r = String(dots.r);
  const tabindex = linked !== null && linked.keyboard === false ? ' tabindex="-1"' : '';
  const chunks: string[] = [];
  let parts: string[] = [];
  for (let n = 0; n < dots.index.length; n++) {
    const i = dots.index[n] as number;
    const title = dots.title?.(i);
    const label = dots.ariaLabel === dots.title ? title : dots.ariaLabel?.(i);
    const href = dots.href?.(i);
    const isLink = href !== null && href !== undefined;
    // renderSvg moves a non-empty name from the circle to its link, where the title does not say the same.
    const nameOnLink = isLink && linked !== null && label !== null && label !== undefined && label !== '';
    const circleLabel = label !== null && label !== undefined && !nameOnLink ? ` aria-label="${attribute(label)}"` : '';
    const titled = title !== null && title !== undefined && title !== '';
    const place = `<circle${circleLabel} r="${r}" cy="${hundredths(dots.y[i] as number)}" cx="${hundredths(dots.x(i))}"`;
    // renderSvg moves the title too, to the front of the link.
    if (isLink && linked !== null) {
      const linkLabel = nameOnLink && !(titled && title === label) ? ` aria-label="${attribute(label)}"` : '';
      parts.push(`<a${tabindex}${linkLabel} href="${attribute(href)}" fill="inherit">${titled ? `<title>${text(title)}</title>` : ''}${place} /></a>`);
    } else {
      const circle = titled ? `${place}><title>${text(title)}</title></circle>` : `${place} />`;
      parts.push(isLink ? `<a${tabindex} href="${attribute(href)}" fill="inherit">${circle}</a>` : circle);
    }
    if (parts.length === dotsPerChunk) {
      chunks.push(parts.join(''));
      parts = [];
    }
  }
  chunks.push(parts.join(''));
  return chunks.join('');
}

/**
 * A dot's place to a hundredth of a pixel, where Plot writes every digit a number has
 * (`cy="163.53428571428572"`): no screen or printer shows the difference, and a run chart is
 * thousands of dots, a fifth of whose bytes were those digits.
 */
export function hundredths(value: number): number {
  return Math.round(value * 100) / 100;
}

// Whether a value needs escaping is asked with indexOf rather than a regular expression: on a
// string just built from pieces, as a dot's title is, that measured a fifth of the dots' time.

/** Text content as linkedom escapes it. */
function text(value: string): string {
  if (value.indexOf('&') < 0 && value.indexOf('<') < 0 && value.indexOf('>') < 0 && value.indexOf('\u00a0') < 0) return value;
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\u00a0/g, '&#160;');
}

/** An attribute value as svgMarkup and then linkedom escape it. */
function attribute(value: string): string {
  if (value.indexOf('&') < 0 && value.indexOf('<') < 0 && value.indexOf('>') < 0 && value.indexOf('"') < 0) return value;
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
