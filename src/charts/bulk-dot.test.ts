import * as Plot from '@observablehq/plot';
import { describe, expect, it } from 'vitest';
import { bulkDot, hundredths } from './bulk-dot.js';
import { renderSvg } from './render.js';

// Names with every character the markup escapes, a non-breaking space among them.
const data = Array.from({ length: 40 }, (_, i) => ({
  x: i * 3.7,
  y: (i * 7919) % 53,
  title: i % 7 === 0 ? '' : `C${i} <&> "quoted"\u00a0'x'`,
  href: `/children/C${i}?a=1&b=<2>`,
}));
const withMissing = [...data, { x: 4, y: null, title: 'not drawn', href: '/y' }];
type Row = (typeof withMissing)[number];
const xs = (rows: readonly Row[]) => Float64Array.from(rows.map((row) => row.x));

/** Plot's markup with each circle's place to a hundredth of a pixel, as bulk dots write it. */
const placedToHundredths = (markup: string) => markup.replace(/<circle([^>]*) cy="([^"]+)" cx="([^"]+)"/g, (_, before: string, cy: string, cx: string) => `<circle${before} cy="${hundredths(Number(cy))}" cx="${hundredths(Number(cx))}"`);

// Bulk dots take no part in working out the x domain or label, so the chart fixes them.
function chart(dot: Plot.Markish, linked: { label: string; keyboard?: boolean } | null): string {
  return renderSvg({ width: 400, height: 200, x: { domain: [0, 150], label: 'x' }, marks: [Plot.ruleY([0]), dot, Plot.text(['after'], { frameAnchor: 'top' })] }, linked);
}

describe('bulk dots', () => {
  it('draw exactly what Plot.dot draws, titles escaped and empty titles left out', () => {
    const rows: readonly Row[] = withMissing;
    const bulk = chart(bulkDot(rows, { x: xs(rows), y: 'y', r: 2.2, fill: '#0065bd', fillOpacity: 0.6, title: (i) => rows[i]?.title }), null);
    expect(bulk).toBe(placedToHundredths(chart(Plot.dot(rows, { x: 'x', y: 'y', r: 2.2, fill: '#0065bd', fillOpacity: 0.6, title: 'title' }), null)));
    expect(bulk).toContain('&lt;&amp;&gt;');
  });

  it('draw exactly what Plot.dot and renderSvg draw for links: named links, out of the keyboard order when asked', () => {
    const style = { y: 'y', r: 5, fill: '#0065bd', stroke: '#1a1a1a', strokeWidth: 2 } as const;
    const title = (i: number) => data[i]?.title;
    for (const linked of [{ label: 'Children & <their> dots' }, { label: 'Children', keyboard: false }, null]) {
      const bulk = chart(bulkDot(data, { ...style, x: xs(data), title, href: (i) => data[i]?.href, ariaLabel: title }), linked);
      expect(bulk).toBe(placedToHundredths(chart(Plot.dot(data, { ...style, x: 'x', title: 'title', href: 'href', ariaLabel: 'title' }), linked)));
      // A linked chart's tooltip is its link's, before the dot (a title inside each of thousands of
      // linked dots made Chromium slow to show the page); a picture's stays in its dot.
      const links = bulk.match(/<a [^>]*>.*?<\/a>/g) ?? [];
      expect(links.length).toBeGreaterThan(0);
      expect(links.filter((link) => link.includes('<title>')).length).toBe(34);
      for (const link of links) expect(link).toMatch(linked ? /^<a [^>]*>(<title>[^<]+<\/title>)?<circle [^>]*\/><\/a>$/ : /^<a [^>]*><circle [^>]*(\/>|><title>[^<]+<\/title><\/circle>)<\/a>$/);
    }
  });

  it('place each dot to a hundredth of a pixel', () => {
    // x 100/3 of 0–150 on 40–380 px: 115.5556 px; y 1/7 of 0–1 on 170–20 px: 148.5714 px.
    const rows = [{ y: 1 / 7 }, { y: 1 }];
    const svg = chart(bulkDot(rows, { x: Float64Array.of(100 / 3, 0), y: 'y', r: 2 }), null);
    expect(svg.match(/<circle [^>]*>/g)).toEqual(['<circle r="2" cy="148.57" cx="115.56" />', '<circle r="2" cy="20" cx="40" />']);
  });

  it('refuse a channel they cannot write', () => {
    expect(() => chart(bulkDot(data, { x: xs(data), y: 'y', r: 3, fill: 'title' }), null)).toThrow(/cannot write a fill channel/);
  });

  it('need an x scale', () => {
    expect(() => renderSvg({ marks: [bulkDot(data, { x: xs(data), y: 'y', r: 3 })] })).toThrow(/needs an x scale/);
  });
});
