import * as Plot from '@observablehq/plot';
import { describe, expect, it } from 'vitest';
import { bulkDot, type BulkDotOptions } from './bulk-dot.js';
import { renderSvg } from './render.js';

// Names with every character the markup escapes, a non-breaking space among them.
const data = Array.from({ length: 40 }, (_, i) => ({
  x: i * 3.7,
  y: (i * 7919) % 53,
  title: i % 7 === 0 ? '' : `C${i} <&> "quoted"\u00a0'x'`,
  href: `/children/C${i}?a=1&b=<2>`,
}));
const withMissing = [...data, { x: Number.NaN, y: 3, title: 'not drawn', href: '/x' }, { x: 4, y: null, title: 'nor this', href: '/y' }];

function both(options: BulkDotOptions, linked: { label: string; keyboard?: boolean } | null, rows: readonly object[] = data): [string, string] {
  const chart = (dot: Plot.Markish) => renderSvg({ width: 400, height: 200, marks: [Plot.ruleY([0]), dot, Plot.text(['after'], { frameAnchor: 'top' })] }, linked);
  return [chart(bulkDot(rows, options)), chart(Plot.dot(rows, options))];
}

describe('bulk dots', () => {
  it('draw exactly what Plot.dot draws, titles escaped and empty titles left out', () => {
    const [bulk, plot] = both({ x: 'x', y: 'y', r: 2.2, fill: '#0065bd', fillOpacity: 0.6, title: 'title' }, null, withMissing);
    expect(bulk).toBe(plot);
    expect(bulk).toContain('&lt;&amp;&gt;');
  });

  it('draw exactly what Plot.dot and renderSvg draw for links: named links, out of the keyboard order when asked', () => {
    const options: BulkDotOptions = { x: 'x', y: 'y', r: 5, fill: '#0065bd', stroke: '#1a1a1a', strokeWidth: 2, title: 'title', href: 'href', ariaLabel: 'title' };
    for (const linked of [{ label: 'Children & <their> dots' }, { label: 'Children', keyboard: false }, null]) {
      const [bulk, plot] = both(options, linked);
      expect(bulk).toBe(plot);
    }
  });

  it('refuse a channel they cannot write', () => {
    const options = { x: 'x', y: 'y', r: 3, fill: 'title' } as BulkDotOptions;
    expect(() => both(options, null)).toThrow(/cannot write a fill channel/);
  });
});
