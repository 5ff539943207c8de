/**
 * What a reader can work out about each hidden count of a published table: the least and the
 * greatest value it can take in any filling of the hidden cells that agrees with the shown cells and
 * every published sum, counts being never negative (docs/decisions/0010-national-view.md). Each
 * bound is a small linear programme, solved by the simplex method (two phases, Bland's rule so that
 * it cannot cycle; Dantzig 1963, Bland 1977).
 *
 * The linear programme allows fractional fillings; counts are whole numbers, so a bound is rounded
 * inwards. For the tables pace publishes — a grid whose rows and columns add up to totals that add
 * up to a grand total, and a column that adds up to its total — the sums are the flow equations of
 * a network, whose coefficient matrix is totally unimodular: every vertex is whole, so the linear
 * programme's bounds are the exact bounds over whole-number fillings, and the arithmetic of each
 * pivot stays on small integers (exact in floating point).
 */
import type { CountTable } from './suppression.js';

/** The least and greatest value a hidden cell can take; `upper` is Infinity when nothing bounds it. */
export interface CellInterval {
  readonly lower: number;
  readonly upper: number;
}

/** What a reader knows besides the shown cells and the sums: a least value of some hidden cells (a reader who knows that a count is not zero knows it is at least 1). */
export interface ReaderKnowledge {
  /** By cell; hidden cells not named are at least 0. A hidden cell named with `fixed` is known exactly (a reader who knows a count is zero). */
  readonly atLeast?: ReadonlyMap<number, number>;
  readonly fixed?: ReadonlyMap<number, number>;
}

const epsilon = 1e-9;

/**
 * The linear programme of one table as a reader sees it: the hidden cells are the unknowns (each
 * moved to start at its least value), each sum that holds one an equation. Solved once to a first
 * feasible basis; each bound then starts from that basis.
 */
export class HiddenCells {
  readonly #cells: readonly number[];
  readonly #column: ReadonlyMap<number, number>;
  readonly #least: readonly number[];
  /** The tableau after phase 1: each row the basic variable's equation, the last entry its value. */
  readonly #rows: number[][];
  readonly #basis: number[];

  constructor(table: CountTable, hidden: readonly boolean[], knowledge: ReaderKnowledge = {}) {
    const fixed = knowledge.fixed ?? new Map<number, number>();
    const cells = table.values.map((_, i) => i).filter((i) => hidden[i] && !fixed.has(i));
    this.#cells = cells;
    this.#column = new Map(cells.map((cell, c) => [cell, c]));
    this.#least = cells.map((cell) => knowledge.atLeast?.get(cell) ?? 0);
    const known = (cell: number) => (hidden[cell] ? (fixed.get(cell) as number) : (table.values[cell] as number));
    const equations: { coefficients: number[]; value: number }[] = [];
    for (const sum of table.sums) {
      const coefficients = new Array<number>(cells.length).fill(0);
      let value = 0;
      let any = false;
      const add = (cell: number, sign: number) => {
        const c = this.#column.get(cell);
        if (c === undefined) {
          value -= sign * known(cell);
          return;
        }
        coefficients[c] = (coefficients[c] as number) + sign;
        // Start every unknown at its least value: y = x − least ≥ 0.
        value -= sign * (this.#least[c] as number);
        any = true;
      };
      for (const part of sum.parts) add(part, 1);
      add(sum.total, -1);
      if (!any) {
        if (Math.abs(value) > epsilon) throw new Error('the shown cells do not add up: a published sum is wrong');
        continue;
      }
      equations.push(value < 0 ? { coefficients: coefficients.map((v) => -v), value: -value } : { coefficients, value });
    }
    // Phase 1: an artificial variable for each equation, their sum driven to zero.
    const n = cells.length;
    const m = equations.length;
    const rows = equations.map((e, i) => [...e.coefficients, ...Array.from({ length: m }, (_, j) => (i === j ? 1 : 0)), e.value]);
    const basis = equations.map((_, i) => n + i);
    const phaseOne = Array.from({ length: n + m }, (_, j) => (j >= n ? 1 : 0));
    if (simplex(rows, basis, phaseOne, n + m) !== 'optimal' || objectiveValue(rows, basis, phaseOne) > epsilon) throw new Error('no filling of the hidden cells agrees with the published table');
    // Drive each artificial variable left in the basis (at zero) out, or drop its equation: it was
    // a sum of the others.
    for (let r = rows.length - 1; r >= 0; r--) {
      if ((basis[r] as number) < n) continue;
      const row = rows[r] as number[];
      const entering = row.findIndex((v, j) => j < n && Math.abs(v) > epsilon);
      if (entering === -1) {
        rows.splice(r, 1);
        basis.splice(r, 1);
      } else {
        pivot(rows, basis, r, entering);
      }
    }
    this.#rows = rows.map((row) => [...row.slice(0, n), row[row.length - 1] as number]);
    this.#basis = basis;
  }

  /** The hidden cells, in table order. */
  get cells(): readonly number[] {
    return this.#cells;
  }

  /** The least value `cell` can take; stops as soon as it is known to be at most `enough`. */
  lower(cell: number, enough = Number.NEGATIVE_INFINITY): number {
    return this.#extreme(cell, 1, enough);
  }

  /** The greatest value `cell` can take (Infinity when unbounded); stops as soon as it is known to be at least `enough`. */
  upper(cell: number, enough = Number.POSITIVE_INFINITY): number {
    return -this.#extreme(cell, -1, -enough);
  }

  /** Both bounds of `cell`. */
  interval(cell: number): CellInterval {
    return { lower: this.lower(cell), upper: this.upper(cell) };
  }

  /** Minimises sign × cell from the first feasible basis; gives the least sign × value, whole numbers rounded inwards. */
  #extreme(cell: number, sign: 1 | -1, enough: number): number {
    const c = this.#column.get(cell);
    if (c === undefined) throw new Error(`cell ${cell} is not hidden`);
    const least = this.#least[c] as number;
    const rows = this.#rows.map((row) => [...row]);
    const basis = [...this.#basis];
    const n = this.#cells.length;
    const cost = Array.from({ length: n }, (_, j) => (j === c ? sign : 0));
    const current = () => {
      const r = basis.indexOf(c);
      return sign * (least + (r === -1 ? 0 : ((rows[r] as number[])[n] as number)));
    };
    const outcome = simplex(rows, basis, cost, n, () => current() <= enough + epsilon);
    if (outcome === 'unbounded') return Number.NEGATIVE_INFINITY;
    const value = current();
    // Whole numbers: round inwards (a least value up, a greatest value down).
    // (`|| 0` turns −0 into 0.)
    return (sign === 1 ? Math.ceil(value - 1e-7) : -Math.floor(-value + 1e-7)) || 0;
  }
}

/** Every hidden cell's interval (for tests and for explaining a table). */
export function cellIntervals(table: CountTable, hidden: readonly boolean[], knowledge: ReaderKnowledge = {}): Map<number, CellInterval> {
  const model = new HiddenCells(table, hidden, knowledge);
  return new Map(model.cells.map((cell) => [cell, model.interval(cell)]));
}

/**
 * Minimises cost · x over the tableau (rows hold each basic variable's equation, the last entry its
 * value; the first `width` columns are the variables). Bland's rule: the entering variable is the
 * lowest-numbered one that improves, the leaving one the lowest-numbered among the tied ratios.
 * `done` may stop it early, when what is wanted is already known.
 */
function simplex(rows: number[][], basis: number[], cost: readonly number[], width: number, done: () => boolean = () => false): 'optimal' | 'unbounded' {
  for (;;) {
    if (done()) return 'optimal';
    let entering = -1;
    for (let j = 0; j < width; j++) {
      if (basis.includes(j)) continue;
      let reduced = cost[j] as number;
      for (let i = 0; i < rows.length; i++) reduced -= (cost[basis[i] as number] as number) * ((rows[i] as number[])[j] as number);
      if (reduced < -epsilon) {
        entering = j;
        break;
      }
    }
    if (entering === -1) return 'optimal';
    let leaving = -1;
    let best = Number.POSITIVE_INFINITY;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i] as number[];
      const a = row[entering] as number;
      if (a <= epsilon) continue;
      const ratio = (row[row.length - 1] as number) / a;
      if (ratio < best - epsilon || (Math.abs(ratio - best) <= epsilon && (basis[i] as number) < (basis[leaving] as number))) {
        best = ratio;
        leaving = i;
      }
    }
    if (leaving === -1) return 'unbounded';
    pivot(rows, basis, leaving, entering);
  }
}

function pivot(rows: number[][], basis: number[], r: number, c: number): void {
  const pivotRow = rows[r] as number[];
  const p = pivotRow[c] as number;
  for (let j = 0; j < pivotRow.length; j++) pivotRow[j] = (pivotRow[j] as number) / p;
  for (let i = 0; i < rows.length; i++) {
    if (i === r) continue;
    const row = rows[i] as number[];
    const factor = row[c] as number;
    if (factor === 0) continue;
    for (let j = 0; j < row.length; j++) row[j] = (row[j] as number) - factor * (pivotRow[j] as number);
  }
  basis[r] = c;
}

function objectiveValue(rows: readonly (readonly number[])[], basis: readonly number[], cost: readonly number[]): number {
  return rows.reduce((total, row, i) => total + (cost[basis[i] as number] as number) * (row[row.length - 1] as number), 0);
}
