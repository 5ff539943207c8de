/**
 * Where the meeting pack's blocks fall on its pages, worked out from their measured heights before
 * anything is drawn (issue 16): a block is never split, a heading stays with what follows it (as
 * does any block marked to keep with the next: an aim's answer, figures and run chart), each part
 * starts a new page, and a page that overflow would leave holding only a few lines of text takes
 * blocks back from the page before, so that no page is nearly empty.
 */

export interface LayoutBlock {
  /** The height it takes, in points, without the space after it. */
  readonly height: number;
  /** The space after it, when something follows on the same page. */
  readonly gap: number;
  /** Lines of text it holds (0 for a heading or a figure). */
  readonly lines: number;
  readonly kind: 'heading' | 'text' | 'figure';
  /** Kept on the same page as the block after it. */
  readonly keepWithNext: boolean;
  /** Starts a new page: the first block of a part of the pack. */
  readonly newPage: boolean;
}

/** Blocks kept together: a run joined by keepWithNext, or one block. */
interface Chain {
  readonly first: number;
  readonly last: number;
}

/**
 * The page (from 0) of each block, for pages with `room` points between the margins. A page not
 * started by a part and holding no heading or figure keeps at least `minLines` lines when it can.
 */
export function paginate(blocks: readonly LayoutBlock[], room: number, minLines: number): number[] {
  const chains = chainsOf(blocks, room);
  const pages: Chain[][] = [];
  let used = 0;
  for (const chain of chains) {
    const height = chainHeight(blocks, chain);
    const current = pages[pages.length - 1];
    if (!current || blocks[chain.first]?.newPage || used + height > room) {
      pages.push([chain]);
      used = height + gapAfter(blocks, chain);
    } else {
      current.push(chain);
      used += height + gapAfter(blocks, chain);
    }
  }
  // A page overflow left with a few lines takes chains back from the page before.
  for (let p = 1; p < pages.length; p++) {
    const page = pages[p] as Chain[];
    const before = pages[p - 1] as Chain[];
    while (isSparse(blocks, page, minLines) && before.length > 1) {
      const head = page[0] as Chain;
      if (blocks[head.first]?.newPage) break;
      const moving = before[before.length - 1] as Chain;
      const remaining = before.slice(0, -1);
      if (pageHeight(blocks, [moving, ...page]) > room || isSparse(blocks, remaining, minLines)) break;
      before.pop();
      page.unshift(moving);
    }
  }
  const pageOf: number[] = [];
  pages.forEach((page, p) => page.forEach((chain) => pageOf.push(...Array.from({ length: chain.last - chain.first + 1 }, () => p))));
  return pageOf;
}

/** A page with no heading and no figure, and fewer than `minLines` lines. */
function isSparse(blocks: readonly LayoutBlock[], page: readonly Chain[], minLines: number): boolean {
  let lines = 0;
  for (const chain of page) {
    for (let i = chain.first; i <= chain.last; i++) {
      const block = blocks[i] as LayoutBlock;
      if (block.kind !== 'text') return false;
      lines += block.lines;
    }
  }
  return lines < minLines;
}

function chainsOf(blocks: readonly LayoutBlock[], room: number): Chain[] {
  const chains: Chain[] = [];
  let first = 0;
  blocks.forEach((block, i) => {
    const next = blocks[i + 1];
    if (block.keepWithNext && next && !next.newPage) return;
    chains.push({ first, last: i });
    first = i + 1;
  });
  // A chain taller than a page cannot be kept together: its blocks go one by one (a heading still
  // with the block after it).
  return chains.flatMap((chain) => {
    if (chainHeight(blocks, chain) <= room) return [chain];
    const parts: Chain[] = [];
    for (let i = chain.first; i <= chain.last; i++) {
      const pair = blocks[i]?.kind === 'heading' && i < chain.last ? { first: i, last: i + 1 } : { first: i, last: i };
      parts.push(pair);
      i = pair.last;
    }
    return parts;
  });
}

function chainHeight(blocks: readonly LayoutBlock[], chain: Chain): number {
  let height = 0;
  for (let i = chain.first; i <= chain.last; i++) height += (blocks[i] as LayoutBlock).height + (i < chain.last ? (blocks[i] as LayoutBlock).gap : 0);
  return height;
}

function gapAfter(blocks: readonly LayoutBlock[], chain: Chain): number {
  return (blocks[chain.last] as LayoutBlock).gap;
}

function pageHeight(blocks: readonly LayoutBlock[], page: readonly Chain[]): number {
  return page.reduce((sum, chain, i) => sum + chainHeight(blocks, chain) + (i < page.length - 1 ? gapAfter(blocks, chain) : 0), 0);
}
