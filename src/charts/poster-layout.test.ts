import { describe, expect, it } from 'vitest';
import { balanceColumns, fitScale } from './poster-layout.js';
import { svgForPdf } from './pdf-blocks.js';

describe("the poster's layout sums", () => {
  it('keeps the poster at its own size when it fits, and otherwise finds the largest scale that does, to within half a percent', () => {
    expect(fitScale((s) => 900 * s, 1000)).toBe(1);
    const scale = fitScale((s) => 1300 * s, 1000);
    expect(1300 * scale).toBeLessThanOrEqual(1000);
    expect(scale).toBeGreaterThan(1000 / 1300 - 0.005);
    expect(fitScale(() => 5000, 1000)).toBe(0.2);
  });

  it('puts pieces in order into columns of about the same height', () => {
    const pieces = [100, 50, 50, 120, 30, 40].map((height) => ({ height, gap: 10 }));
    const { height, chains } = balanceColumns(pieces, 3);
    expect(chains.map((c) => [c.column, c.top])).toEqual([
      [0, 0],
      [0, 110],
      [1, 0],
      [1, 60],
      [2, 0],
      [2, 40],
    ]);
    expect(height).toBe(180);
    expect(balanceColumns([], 3)).toEqual({ height: 0, chains: [] });
  });
});

describe('a chart for svg-to-pdfkit', () => {
  it('draws a label with a halo twice, the halo first, since svg-to-pdfkit knows no paint-order', () => {
    const svg = '<svg><g paint-order="stroke" stroke="white" stroke-width="4" fill="#d32205" font-weight="bold"><text>PACE start</text></g><g fill="blue"><circle r="2"/></g></svg>';
    expect(svgForPdf(svg)).toBe(
      '<svg><g stroke="white" stroke-width="4" font-weight="bold" fill="white"><text>PACE start</text></g><g fill="#d32205" font-weight="bold"><text>PACE start</text></g><g fill="blue"><circle r="2"/></g></svg>',
    );
  });
});
