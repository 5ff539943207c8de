/**
 * Small-number suppression for tables shared beyond an authority (docs/domain.md, "Data protection":
 * counts of fewer than 5 are suppressed). Primary suppression hides every count under the
 * threshold; secondary suppression hides more cells until, from the published cells, the table's
 * sums and the fact that no count is negative, no hidden count can be worked out (zero included)
 * and none can be shown to be a small count other than zero (cell-bounds.ts gives each hidden
 * cell's bounds; protecting-cycle.ts chooses what to hide). The algorithm, step by step, is in
 * docs/decisions/0010-national-view.md; the tests use literal tables.
 */
import { HiddenCells } from './cell-bounds.js';
import { compareCosts, protectingCycle } from './protecting-cycle.js';

/** Counts under this are hidden. */
export const smallCountThreshold = 5;

/** What a hidden count is shown as, wherever it is published (tables, CSV, JSON): `[c]`, confidential, as in the Scottish Government's tables. */
export const suppressedMark = '[c]';

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
  for (;;) {
    // Step 2, quick: a sum with one hidden cell gives it away; so does one whose only hidden
    // non-zero cell is a small count, to a reader who knows the zeros. Step 3: the bounds.
    // Step 4: hide the shown cells of the cheapest cycle that lets the cell move.
    const problem = singleSumProblem(table, state) ?? unprotectedCell(table, state, threshold);
    if (problem === undefined) return showWhatNeedNotBeHidden(table, state, threshold);
    const hiddenNow = state.map((_, i) => hidden(i));
    const cycle = cheapestCycle(table, hiddenNow, problem, threshold);
    if (cycle !== null && cycle.length > 0) {
      for (const cell of cycle) state[cell] = 'secondary';
      continue;
    }
    // No cycle of shown cells frees it: hide the cheapest shown cell near it.
    const near = table.sums.filter((sum) => sum.parts.includes(problem.cell) || sum.total === problem.cell);
    const candidates = near.some((sum) => [...sum.parts, sum.total].some((i) => !hidden(i))) ? near : connectedSums(table, problem.cell, hidden);
    state[chooseCell(table, candidates, hidden)] = 'secondary';
  }
}

/**
 * Step 5: the cycles chosen one after another may hide more than the end needs. Each cell hidden
 * to protect another is shown again, the most useful to readers first (the dearest, then the
 * largest), whenever the table is still protected without it.
 */
function showWhatNeedNotBeHidden(table: CountTable, state: CellSuppression[], threshold: number): CellSuppression[] {
  const cost = (i: number) => table.costs?.[i] ?? 0;
  const secondary = state.map((s, i) => (s === 'secondary' ? [i] : [])).flat();
  secondary.sort((a, b) => cost(b) - cost(a) || valueAt(table, b) - valueAt(table, a) || a - b);
  for (const cell of secondary) {
    state[cell] = 'shown';
    if ((singleSumProblem(table, state) ?? unprotectedCell(table, state, threshold)) !== undefined) state[cell] = 'secondary';
  }
  return state;
}

/** A hidden cell a reader learns too much about: its value (`determined`), or that it is a small count other than zero (`small`). */
interface Problem {
  readonly cell: number;
  readonly kind: 'determined' | 'small';
  /** Found by a reader who knows which counts are zero. */
  readonly zerosKnown: boolean;
}

function singleSumProblem(table: CountTable, state: readonly CellSuppression[]): Problem | undefined {
  const hidden = (i: number) => state[i] !== 'shown';
  for (const sum of table.sums) {
    const cells = [...sum.parts, sum.total];
    const hiddenCells = cells.filter(hidden);
    if (hiddenCells.length === 1) return { cell: hiddenCells[0] as number, kind: 'determined', zerosKnown: false };
    const nonZero = hiddenCells.filter((i) => table.values[i] !== 0);
    if (nonZero.length === 1 && state[nonZero[0] as number] === 'primary') return { cell: nonZero[0] as number, kind: 'determined', zerosKnown: true };
  }
  return undefined;
}

/**
 * The first hidden cell (in table order) that a reader can learn too much about, or undefined when
 * every one is protected. Over every filling of the hidden cells by counts of 0 or more that agrees
 * with the shown cells and the sums, each hidden cell must be able to take two values or more
 * (so no count, zero included, is known), and must not be known to lie between 1 and
 * `threshold − 1` (a reader may learn "none or a few", as the mark itself says, or "at least one,
 * perhaps many", but never "a few, and not none"). And to a reader who knows which counts are zero
 * (so that every other count is at least 1), no small count may take only one value.
 */
function unprotectedCell(table: CountTable, state: readonly CellSuppression[], threshold: number): Problem | undefined {
  const hidden = state.map((s) => s !== 'shown');
  const reader = new HiddenCells(table, hidden);
  for (const cell of reader.cells) {
    const lower = reader.lower(cell);
    // Enough to know: that it can be more than its least value, and, if that is 1 or more, that it can reach the threshold.
    const upper = reader.upper(cell, lower >= 1 ? Math.max(lower + 1, threshold) : lower + 1);
    if (upper <= lower) return { cell, kind: 'determined', zerosKnown: false };
    if (lower >= 1 && upper < threshold) return { cell, kind: 'small', zerosKnown: false };
  }
  const zeros = reader.cells.filter((cell) => table.values[cell] === 0);
  const nonZero = reader.cells.filter((cell) => table.values[cell] !== 0);
  const knowing = new HiddenCells(table, hidden, { fixed: new Map(zeros.map((cell) => [cell, 0])), atLeast: new Map(nonZero.map((cell) => [cell, 1])) });
  for (const cell of knowing.cells) {
    if (state[cell] !== 'primary') continue;
    const lower = knowing.lower(cell);
    if (knowing.upper(cell, lower + 1) <= lower) return { cell, kind: 'determined', zerosKnown: true };
  }
  return undefined;
}

/**
 * The shown cells of the cheapest cycle that frees the cell of `problem`: up or down by one for a
 * cell whose value is known; down to zero, or up to the threshold, for one known to be a few.
 */
function cheapestCycle(table: CountTable, hidden: readonly boolean[], problem: Problem, threshold: number): number[] | null {
  const value = table.values[problem.cell] as number;
  const floor = problem.zerosKnown && value !== 0 ? 1 : 0;
  const requests =
    problem.kind === 'small'
      ? [
          { direction: -1 as const, amount: value },
          { direction: 1 as const, amount: threshold - value },
        ]
      : [{ direction: 1 as const, amount: 1 }, ...(value - 1 >= floor ? [{ direction: -1 as const, amount: 1 }] : [])];
  const found = requests
    .map((r) => protectingCycle(table, hidden, { cell: problem.cell, ...r, zerosKnown: problem.zerosKnown }))
    .filter((c): c is NonNullable<typeof c> => c !== null)
    .sort((x, y) => compareCosts(x.cost, y.cost));
  return found[0]?.cells ?? null;
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

/** The grid as published: every hidden count shown as `[c]`. */
export function suppressGrid(grid: readonly (readonly number[])[], threshold: number = smallCountThreshold): (number | typeof suppressedMark)[][] {
  const state = suppressSmallCounts(gridTable(grid), threshold);
  const columns = grid[0]?.length ?? 0;
  return grid.map((row, r) => row.map((value, c) => (state[r * columns + c] === 'shown' ? value : suppressedMark)));
}

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

function valueAt(table: CountTable, i: number): number {
  const value = table.values[i];
  if (value === undefined) throw new Error(`no cell ${i} in the table`);
  return value;
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}
