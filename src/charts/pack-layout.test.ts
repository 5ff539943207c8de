import { describe, expect, it } from 'vitest';
import { paginate, type LayoutBlock } from './pack-layout.js';

const text = (lines: number, more: Partial<LayoutBlock> = {}): LayoutBlock => ({ height: lines * 10, gap: 0, lines, kind: 'text', keepWithNext: false, newPage: false, ...more });
const heading = (more: Partial<LayoutBlock> = {}): LayoutBlock => ({ height: 20, gap: 0, lines: 0, kind: 'heading', keepWithNext: true, newPage: false, ...more });
const figure = (height: number, more: Partial<LayoutBlock> = {}): LayoutBlock => ({ height, gap: 0, lines: 0, kind: 'figure', keepWithNext: false, newPage: false, ...more });

describe('paginate', () => {
  it('puts blocks on one page while they fit, and a block that does not fit on the next, whole', () => {
    expect(paginate([text(3), text(4), text(2)], 80, 1)).toEqual([0, 0, 1]);
  });

  it('starts a new page for a part', () => {
    expect(paginate([heading(), text(1), heading({ newPage: true }), text(1)], 800, 1)).toEqual([0, 0, 1, 1]);
  });

  it('never leaves a heading last on a page: it goes with the block after it', () => {
    expect(paginate([text(6), heading(), text(3)], 90, 1)).toEqual([0, 1, 1]);
  });

  it('keeps a chain of blocks marked keepWithNext on one page (an aim heading, its answer and its chart)', () => {
    expect(paginate([text(2), heading(), text(1, { keepWithNext: true }), figure(40), text(1)], 80, 1)).toEqual([0, 1, 1, 1, 1]);
  });

  it('lets a page that overflow would leave with a few lines take blocks back from the page before', () => {
    // Greedy: nine one-line items on page 0 and one on page 1; with at least 3 lines a page, two more move over.
    const items = Array.from({ length: 10 }, () => text(1));
    expect(paginate([heading(), ...items], 110, 1)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
    expect(paginate([heading(), ...items], 110, 3)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1]);
  });

  it('does not take back what would leave the page before nearly empty itself', () => {
    expect(paginate([text(2), text(9)], 100, 5)).toEqual([0, 1]);
  });

  it('splits a chain taller than a page, keeping each heading with its next block', () => {
    expect(paginate([heading(), figure(70, { keepWithNext: true }), heading(), figure(70)], 100, 1)).toEqual([0, 0, 1, 1]);
  });
});
