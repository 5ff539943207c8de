import * as Plot from '@observablehq/plot';
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { palette, renderSvg } from './render.js';
import { legendMarks, styledDots, textWidth, type LegendItem } from './timeline-style.js';

/** The chart's pixels, as resvg draws them. */
function pixels(svg: string): Uint8Array {
  return new Resvg(svg, { background: 'white', font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' } }).render().pixels;
}

/** How many bytes of two drawings of one size differ, and by how much at most. */
function difference(a: string, b: string): { bytes: number; most: number } {
  const [pa, pb] = [pixels(a), pixels(b)];
  expect(pa.length).toBe(pb.length);
  let bytes = 0;
  let most = 0;
  for (let i = 0; i < pa.length; i++) {
    const d = Math.abs((pa[i] as number) - (pb[i] as number));
    if (d > 0) bytes++;
    most = Math.max(most, d);
  }
  return { bytes, most };
}

const chart = (marks: Plot.Markish[]) => renderSvg({ width: 600, height: 200, marginLeft: 40, marginRight: 20, marginTop: 20, marginBottom: 100, x: { domain: [0, 10], axis: null }, y: { domain: [0, 1], axis: null }, marks });

const styles: readonly Plot.DotOptions[] = [
  { symbol: 'circle', r: 7, fill: palette.darkBlue, stroke: 'white', strokeWidth: 1 },
  { symbol: 'circle', r: 7, fill: 'white', stroke: palette.orange, strokeWidth: 2 },
  { symbol: 'times', r: 7, stroke: palette.red, strokeWidth: 3, fill: 'none' },
  { symbol: 'square', r: 6, fill: 'white', stroke: palette.blue, strokeWidth: 2, strokeDasharray: '2,2' },
  { symbol: 'triangle', rotate: 180, r: 6, fill: palette.orange, stroke: palette.darkBlue },
  { symbol: 'square', r: 8, fill: 'url(#pattern)', stroke: palette.grey, strokeWidth: 0.5 },
];

describe('dots each in a style of their own (styledDots)', () => {
  const data = styles.map((style, i) => ({ x: 1 + i * 1.5, title: `dot ${i}`, style }));

  it('draw what a Plot dot a datum draws, in one mark for each dash', () => {
    const merged = styledDots(data, (d) => d.style, () => ({ x: 'x', y: 0.5, title: 'title' }));
    expect(merged).toHaveLength(2);
    const one = chart(merged);
    const each = chart(data.map((d) => Plot.dot([d], { x: 'x', y: 0.5, title: 'title', ...d.style })));
    expect(difference(one, each)).toEqual({ bytes: 0, most: 0 });
    // Each dot keeps its title, in the order given.
    expect([...one.matchAll(/<title>(dot \d)<\/title>/g)].map((m) => m[1])).toEqual(['dot 0', 'dot 1', 'dot 2', 'dot 4', 'dot 5', 'dot 3']);
  });
});

describe('a timeline legend', () => {
  const items: readonly LegendItem[] = [
    { kind: 'swatch', fill: palette.green, words: 'At home' },
    { kind: 'symbol', style: styles[0] as Plot.DotOptions, words: 'Referral' },
    { kind: 'symbol', style: styles[3] as Plot.DotOptions, words: 'Planned, not yet held' },
    { kind: 'glyph', glyph: '→', colour: palette.darkBlue, words: 'Time between decisions' },
  ];
  const options = { topPx: 30, leftPx: 20, widthPx: 520 };

  it('draws each entry where the frame’s bottom-left corner, its place in the legend and its offset put it, in four marks', () => {
    const svg = chart(legendMarks(items, options));
    // The frame's bottom-left corner is (40, 100); the first row's middle 30 + 11 below it, the
    // second's 22 further. Each entry takes 22 px, the width of its words and 18 px, from 20 px left
    // of the corner, and goes to the next row where it would pass 520 px.
    expect(items.map((item) => 22 + textWidth(item.words, 12) + 18)).toEqual([92.08, 99.52, 196.24, 203.68]);
    const drawn = [...svg.matchAll(/<text[^>]* transform="translate\(([\d.]+),([\d.]+)\)"[^>]*>([^<]+)<\/text>/g)].map(([, x, y, text]) => [text, Number(Number(x).toFixed(2)), Number(y)]);
    expect(drawn).toEqual([
      ['→', 27, 163],
      ['At home', 42, 141],
      ['Referral', 134.08, 141],
      ['Planned, not yet held', 233.6, 141],
      ['Time between decisions', 42, 163],
    ]);
    expect(svg.match(/aria-label="dot"/g)).toHaveLength(2);
    expect(svg.match(/aria-label="text"/g)).toHaveLength(2);
  });

  it('looks as it did drawn with two marks an entry', () => {
    const at = [
      [0, 0],
      [92.08, 0],
      [191.6, 0],
      [0, 1],
    ] as const;
    const reference = items.flatMap((item, i) => {
      const [x, row] = at[i] as readonly [number, number];
      const place = { frameAnchor: 'bottom-left' as const, dy: options.topPx + row * 22 + 11 };
      const dx = x - options.leftPx;
      const words = Plot.text([item.words], { ...place, dx: dx + 22, textAnchor: 'start', fontSize: 12, fill: 'currentColor' });
      if (item.kind === 'swatch') return [Plot.dot([0], { ...place, dx: dx + 8, symbol: 'square', r: 8, fill: item.fill, stroke: palette.grey, strokeWidth: 0.5 }), words];
      if (item.kind === 'symbol') return [Plot.dot([0], { ...place, dx: dx + 8, ...item.style }), words];
      return [Plot.text([item.glyph], { ...place, dx: dx + 7, fontSize: 16, fontWeight: 'bold', fill: item.colour }), words];
    });
    const { bytes, most } = difference(chart(legendMarks(items, options)), chart(reference));
    // At most a few bytes, by a shade: where an edge falls across a pixel.
    expect(bytes).toBeLessThanOrEqual(16);
    expect(most).toBeLessThanOrEqual(32);
  });
});
