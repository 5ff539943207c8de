/**
 * The poster's layout sums (poster-pdf.ts): the scale at which it fits its page, and its last part
 * put into columns of about the same height. Pure arithmetic over measured heights.
 */

/** Something measured before it is drawn: its height, and how to draw it. */
export interface Measured<Draw> {
  readonly height: number;
  readonly draw: Draw;
}

/**
 * The largest scale, at most 1, at which `heightAt(scale)` is within `room`: 1 when the poster fits
 * at its own sizes, otherwise found by halving the interval (to within half a percent). Below
 * `smallest` it gives `smallest`.
 */
export function fitScale(heightAt: (scale: number) => number, room: number, smallest = 0.2): number {
  if (heightAt(1) <= room) return 1;
  let fits = smallest;
  let over = 1;
  while (over - fits > 0.005) {
    const middle = (fits + over) / 2;
    if (heightAt(middle) <= room) fits = middle;
    else over = middle;
  }
  return fits;
}

/** A piece of a column: its height, and the space after it when another follows in the same column. */
export interface ColumnPiece {
  readonly height: number;
  readonly gap: number;
}

/**
 * The pieces, in order, put into at most `columns` columns as evenly as order allows: the smallest
 * column height at which filling each column in turn leaves none over. Returns that height and each
 * piece's column and top.
 */
export function balanceColumns<P extends ColumnPiece>(pieces: readonly P[], columns: number): { height: number; chains: { chain: P; column: number; top: number }[] } {
  if (pieces.length === 0) return { height: 0, chains: [] };
  const fill = (limit: number) => {
    const placed: { chain: P; column: number; top: number }[] = [];
    let column = 0;
    let used = 0;
    let tallest = 0;
    for (const piece of pieces) {
      if (used > 0 && used + piece.height > limit) {
        column += 1;
        used = 0;
      }
      placed.push({ chain: piece, column, top: used });
      tallest = Math.max(tallest, used + piece.height);
      used += piece.height + piece.gap;
    }
    return { placed, columns: column + 1, tallest };
  };
  let low = Math.max(...pieces.map((p) => p.height));
  let high = pieces.reduce((sum, p) => sum + p.height + p.gap, 0);
  if (fill(low).columns <= columns) high = low;
  while (high - low > 0.5) {
    const middle = (low + high) / 2;
    if (fill(middle).columns <= columns) high = middle;
    else low = middle;
  }
  const best = fill(high);
  return { height: best.tallest, chains: best.placed };
}
