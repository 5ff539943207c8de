/**
 * Small-number suppression for tables shared beyond an authority (DOMAIN.md, "Data protection":
 * counts of fewer than 5 are suppressed). Primary suppression hides every count under the
 * threshold; secondary suppression hides more cells until no hidden count can be worked out from
 * the published ones and the table's sums. The algorithm, step by step, is in
 * docs/decisions/0010-national-view.md; the tests there use literal tables.
 */

/** Counts under this are hidden. */
export const smallCountThreshold = 5;

/** What a hidden count is shown as, wherever it is published (tables, CSV, JSON). */
export const suppressedMark = '<5';

/** One published sum: the cells `parts` add up to the cell `total` (indices into the table's values). */
export interface CountSum {
  readonly parts: readonly number[];
  readonly total: number;
}

/** A table of counts, flattened, with every sum a reader could use to work a hidden count out. */
export interface CountTable {
  readonly values: readonly number[];
  readonly sums: readonly CountSum[];
  /**
   * How much readers lose when a cell is hidden, by cell (default: all alike). Secondary suppression
   * hides the cheapest candidate first, then the smallest.
   */
  readonly costs?: readonly number[];
}

/** Shown; hidden for being small (primary); or hidden to protect a small one (secondary). */
export type CellSuppression = 'shown' | 'primary' | 'secondary';

/** Decides which counts of the table are hidden, in the order given in the decision note. */
export function suppressSmallCounts(table: CountTable, threshold: number = smallCountThreshold): CellSuppression[] {
  for (const sum of table.sums) {
    const parts = sum.parts.reduce((total, i) => total + valueAt(table, i), 0);
    if (parts !== valueAt(table, sum.total)) throw new Error(`a published sum does not add up: cells ${sum.parts.join('+')} make ${parts}, cell ${sum.total} holds ${valueAt(table, sum.total)}`);
  }
  const state: CellSuppression[] = table.values.map((value) => (value < threshold ? 'primary' : 'shown'));
  const hidden = (i: number) => state[i] !== 'shown';
  // A reader may know that a count is zero (an authority with no such children), so a hidden zero
  // must not be what protects a small count: each check is made again as if every zero were known.
  const primary = (i: number) => state[i] === 'primary';
  const hiddenNonZero = (i: number) => hidden(i) && table.values[i] !== 0;
  for (;;) {
    // Step 2: a sum with exactly one hidden cell gives that cell away, and one whose only hidden
    // non-zero cell is a small count gives it away to a reader who knows the zeros: hide one more.
    const giveaway = table.sums.find((sum) => {
      const cells = [...sum.parts, sum.total];
      const nonZero = cells.filter(hiddenNonZero);
      return cells.filter(hidden).length === 1 || (nonZero.length === 1 && primary(nonZero[0] as number));
    });
    if (giveaway) {
      state[chooseCell(table, [giveaway], hidden)] = 'secondary';
      continue;
    }
    // Step 3: the sums taken together may still give a small count away (to any reader, or to one
    // who knows the zeros); hide one more cell near it.
    const determined = [...determinedCells(table, state.map((_, i) => hidden(i))), ...determinedCells(table, state.map((_, i) => hiddenNonZero(i)))].filter(primary);
    const first = determined.length === 0 ? undefined : Math.min(...determined);
    if (first === undefined) return state;
    const near = table.sums.filter((sum) => sum.parts.includes(first) || sum.total === first);
    const candidates = near.some((sum) => [...sum.parts, sum.total].some((i) => !hidden(i))) ? near : connectedSums(table, first, hidden);
    state[chooseCell(table, candidates, hidden)] = 'secondary';
  }
}

/**
 * The hidden cells whose values follow exactly from the shown cells and the sums: x is determined
 * when the unit vector of its cell lies in the row space of the sums' coefficients over the hidden
 * cells (+1 a part, −1 the total). Reduced row echelon form shows it: the cell is a pivot whose row
 * has no other non-zero coefficient.
 */
export function determinedCells(table: CountTable, hidden: readonly boolean[]): number[] {
  const unknowns = table.values.map((_, i) => i).filter((i) => hidden[i]);
  const column = new Map(unknowns.map((cell, c) => [cell, c]));
  const rows: number[][] = [];
  for (const sum of table.sums) {
    const row = new Array<number>(unknowns.length).fill(0);
    let any = false;
    const add = (cell: number, coefficient: number) => {
      const c = column.get(cell);
      if (c === undefined) return;
      row[c] = (row[c] as number) + coefficient;
      any = true;
    };
    for (const part of sum.parts) add(part, 1);
    add(sum.total, -1);
    if (any) rows.push(row);
  }
  const pivots = reducedRowEchelon(rows, unknowns.length);
  const determined: number[] = [];
  for (const [r, c] of pivots) {
    const row = rows[r] as number[];
    if (row.every((v, j) => j === c || Math.abs(v) < tolerance)) determined.push(unknowns[c] as number);
  }
  return determined.sort((a, b) => a - b);
}

/**
 * A grid of counts whose last column holds each row's total and whose last row holds each
 * column's total (the bottom-right cell the grand total), as a CountTable: the form of most
 * published tables, and of the tests' literal tables.
 */
export function gridTable(grid: readonly (readonly number[])[]): CountTable {
  const rows = grid.length;
  const columns = grid[0]?.length ?? 0;
  if (rows < 2 || columns < 2 || grid.some((row) => row.length !== columns)) throw new Error('a grid needs at least two rows and two columns, every row as long as the first');
  const at = (r: number, c: number) => r * columns + c;
  const sums: CountSum[] = [];
  for (let r = 0; r < rows; r++) sums.push({ parts: range(columns - 1).map((c) => at(r, c)), total: at(r, columns - 1) });
  for (let c = 0; c < columns; c++) sums.push({ parts: range(rows - 1).map((r) => at(r, c)), total: at(rows - 1, c) });
  return { values: grid.flat(), sums };
}

/** The grid as published: every hidden count shown as `<5`. */
export function suppressGrid(grid: readonly (readonly number[])[], threshold: number = smallCountThreshold): (number | typeof suppressedMark)[][] {
  const state = suppressSmallCounts(gridTable(grid), threshold);
  const columns = grid[0]?.length ?? 0;
  return grid.map((row, r) => row.map((value, c) => (state[r * columns + c] === 'shown' ? value : suppressedMark)));
}

const tolerance = 1e-9;

/**
 * The cheapest, then smallest, shown cell among the parts of the given sums (ties: the first in the
 * table), or, when every part is hidden, among their totals: hiding a part costs readers less than
 * hiding a total.
 */
function chooseCell(table: CountTable, sums: readonly CountSum[], hidden: (i: number) => boolean): number {
  const cost = (i: number) => table.costs?.[i] ?? 0;
  const smallest = (cells: readonly number[]) => cells.filter((i) => !hidden(i)).sort((a, b) => cost(a) - cost(b) || valueAt(table, a) - valueAt(table, b) || a - b)[0];
  const cell = smallest(sums.flatMap((s) => s.parts)) ?? smallest(sums.map((s) => s.total));
  if (cell === undefined) throw new Error('secondary suppression found no cell left to hide');
  return cell;
}

/** The sums linked to `cell` through hidden cells they share. */
function connectedSums(table: CountTable, cell: number, hidden: (i: number) => boolean): CountSum[] {
  const found = new Set<CountSum>();
  const seen = new Set<number>([cell]);
  const queue = [cell];
  while (queue.length > 0) {
    const current = queue.pop() as number;
    for (const sum of table.sums) {
      const cells = [...sum.parts, sum.total];
      if (!cells.includes(current) || found.has(sum)) continue;
      found.add(sum);
      for (const next of cells) {
        if (!hidden(next) || seen.has(next)) continue;
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return [...found];
}

/** Brings `rows` to reduced row echelon form in place (partial pivoting); returns each pivot as [row, column]. */
function reducedRowEchelon(rows: number[][], columns: number): [number, number][] {
  const pivots: [number, number][] = [];
  let r = 0;
  for (let c = 0; c < columns && r < rows.length; c++) {
    let best = r;
    for (let i = r + 1; i < rows.length; i++) if (Math.abs((rows[i] as number[])[c] as number) > Math.abs((rows[best] as number[])[c] as number)) best = i;
    const pivotValue = (rows[best] as number[])[c] as number;
    if (Math.abs(pivotValue) < tolerance) continue;
    [rows[r], rows[best]] = [rows[best] as number[], rows[r] as number[]];
    const pivotRow = (rows[r] as number[]).map((v) => v / pivotValue);
    rows[r] = pivotRow;
    for (let i = 0; i < rows.length; i++) {
      if (i === r) continue;
      const row = rows[i] as number[];
      const factor = row[c] as number;
      if (Math.abs(factor) < tolerance) continue;
      for (let j = 0; j < columns; j++) row[j] = (row[j] as number) - factor * (pivotRow[j] as number);
    }
    pivots.push([r, c]);
    r += 1;
  }
  return pivots;
}

function valueAt(table: CountTable, i: number): number {
  const value = table.values[i];
  if (value === undefined) throw new Error(`no cell ${i} in the table`);
  return value;
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}
