/**
 * Which cells to hide so that a hidden cell a reader can pin down can move again: the cheapest
 * cycle of cells through it along which its value can change while every sum still adds up
 * (the network heuristic of secondary suppression: Kelly, Golden and Assad 1992; Castro 2006).
 *
 * Every sum is a node; every cell is an edge between the (at most two) sums it is in, or between
 * its one sum and a free node outside. Changing the cell's value by δ and going round a cycle,
 * each sum passed through gets one cell up and one down (or both the same way when one is a part
 * and the other the total), so every sum still adds up; a count that goes down must stay 0 or
 * more. Hiding the cycle's shown cells lets a reader no longer tell the table from the one with
 * the changed values. The bounds (cell-bounds.ts) remain the proof; this only chooses what to hide.
 */
import type { CountTable } from './suppression.js';

export interface CycleRequest {
  /** The hidden cell that must be able to move. */
  readonly cell: number;
  /** Up by `amount`, or down by it. */
  readonly direction: 1 | -1;
  readonly amount: number;
  /** A reader who knows which counts are zero: a zero cannot move, and no other count may go below 1. */
  readonly zerosKnown?: boolean;
}

/** The cost of a cycle: what readers lose (the cells' costs), then how many totals, then the values hidden. */
export type Cost = readonly [number, number, number];

/** Orders costs: the cheaper first. */
export function compareCosts(x: Cost, y: Cost): number {
  return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
}

const outside = -1;

/**
 * The shown cells of the cheapest cycle through `request.cell` along which it can move, or null
 * when there is none (a cell in more than two sums is not followed).
 */
export function protectingCycle(table: CountTable, hidden: readonly boolean[], request: CycleRequest): { readonly cells: number[]; readonly cost: Cost } | null {
  const membership = table.values.map(() => [] as { sum: number; sign: number }[]);
  table.sums.forEach((sum, s) => {
    for (const part of sum.parts) membership[part]?.push({ sum: s, sign: 1 });
    membership[sum.total]?.push({ sum: s, sign: -1 });
  });
  const nodesOf = (cell: number) => {
    const m = membership[cell] ?? [];
    return m.length === 1 ? [...m, { sum: outside, sign: 0 }] : m;
  };
  const isTotal = (cell: number) => (membership[cell] ?? []).some((m) => m.sign === -1);
  const start = nodesOf(request.cell);
  if (start.length !== 2) return null;
  const [a, b] = start as [{ sum: number; sign: number }, { sum: number; sign: number }];
  const movable = (cell: number, delta: number) => {
    const value = table.values[cell] as number;
    if (request.zerosKnown && value === 0 && hidden[cell]) return false;
    const floor = request.zerosKnown && value !== 0 ? 1 : 0;
    return delta > 0 || value - request.amount >= floor;
  };
  // A state: at a sum, with the change `pending` already put into it that the next cell must cancel.
  const key = (node: number, pending: number) => (node === outside ? 'out' : `${node}:${pending}`);
  const cellCost = (cell: number): Cost => (hidden[cell] ? [0, 0, 0] : [table.costs?.[cell] ?? 1, isTotal(cell) ? 1 : 0, table.values[cell] as number]);
  const add = (x: Cost, y: Cost): Cost => [x[0] + y[0], x[1] + y[1], x[2] + y[2]];
  const less = compareCosts;

  const startState = { node: b.sum, pending: b.sign * request.direction };
  const goal = key(a.sum, -a.sign * request.direction);
  const best = new Map<string, Cost>([[key(startState.node, startState.pending), [0, 0, 0]]]);
  const from = new Map<string, { previous: string; cell: number }>();
  const open = [{ ...startState, cost: [0, 0, 0] as Cost }];
  const done = new Set<string>();
  while (open.length > 0) {
    open.sort((x, y) => less(x.cost, y.cost));
    const state = open.shift() as { node: number; pending: number; cost: Cost };
    const here = key(state.node, state.pending);
    if (done.has(here)) continue;
    done.add(here);
    if (here === goal) break;
    const leaving: { cell: number; delta: number; to: { sum: number; sign: number } }[] = [];
    if (state.node === outside) {
      // Any cell in one sum only, up or down.
      membership.forEach((m, cell) => {
        if (m.length !== 1 || cell === request.cell) return;
        for (const delta of [1, -1]) leaving.push({ cell, delta, to: m[0] as { sum: number; sign: number } });
      });
    } else {
      const sum = table.sums[state.node];
      if (sum === undefined) continue;
      for (const cell of [...sum.parts, sum.total]) {
        if (cell === request.cell) continue;
        const nodes = nodesOf(cell);
        if (nodes.length !== 2) continue;
        const here = nodes.find((n) => n.sum === state.node) as { sum: number; sign: number };
        const other = nodes.find((n) => n !== here) as { sum: number; sign: number };
        leaving.push({ cell, delta: -state.pending * here.sign, to: other });
      }
    }
    for (const { cell, delta, to } of leaving) {
      if (!movable(cell, delta)) continue;
      const next = { node: to.sum, pending: to.sign * delta };
      const nextKey = key(next.node, next.pending);
      const cost = add(state.cost, cellCost(cell));
      const known = best.get(nextKey);
      if (known !== undefined && less(known, cost) <= 0) continue;
      best.set(nextKey, cost);
      from.set(nextKey, { previous: here, cell });
      open.push({ ...next, cost });
    }
  }
  if (!done.has(goal)) return null;
  const cells: number[] = [];
  for (let at = goal; from.has(at); at = (from.get(at) as { previous: string }).previous) {
    const step = from.get(at) as { previous: string; cell: number };
    if (!hidden[step.cell]) cells.push(step.cell);
  }
  return { cells: cells.sort((x, y) => x - y), cost: best.get(goal) as Cost };
}
