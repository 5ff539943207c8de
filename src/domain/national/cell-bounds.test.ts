import { describe, expect, it } from 'vitest';
import { cellIntervals } from './cell-bounds.js';
import { gridTable } from './suppression.js';

/** Each hidden cell's least and greatest value over every filling by whole counts 0…cap that keeps every sum: by trying them all. */
function enumerate(values: readonly number[], sums: ReturnType<typeof gridTable>['sums'], hidden: readonly boolean[], cap: number): Map<number, { lower: number; upper: number }> {
  const cells = values.map((_, i) => i).filter((i) => hidden[i]);
  const filled: (number | null)[] = values.map((v, i) => (hidden[i] ? null : v));
  const found = new Map<number, { lower: number; upper: number }>();
  const fits = () =>
    sums.every((sum) => {
      const parts = sum.parts.map((p) => filled[p] ?? null);
      const total = filled[sum.total] ?? null;
      const known = parts.reduce<number>((a, p) => a + (p ?? 0), 0);
      return total === null || (parts.includes(null) ? known <= total : known === total);
    });
  const fill = (k: number): void => {
    if (k === cells.length) {
      for (const cell of cells) {
        const v = filled[cell] as number;
        const was = found.get(cell);
        found.set(cell, { lower: Math.min(was?.lower ?? v, v), upper: Math.max(was?.upper ?? v, v) });
      }
      return;
    }
    const cell = cells[k] as number;
    for (let v = 0; v <= cap; v++) {
      filled[cell] = v;
      if (fits()) fill(k + 1);
    }
    filled[cell] = null;
  };
  fill(0);
  return found;
}

describe('the bounds of hidden cells', () => {
  it('are the least and greatest whole counts that agree with the table: the same as trying every filling, on 300 small tables', () => {
    let seed = 19;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const differences: string[] = [];
    let tried = 0;
    while (tried < 300) {
      const rows = 2 + Math.floor(random() * 2);
      const columns = 2 + Math.floor(random() * 2);
      const inner = Array.from({ length: rows }, () => Array.from({ length: columns }, () => (random() < 0.3 ? 0 : Math.floor(random() * 7))));
      const grid = inner.map((row) => [...row, row.reduce((a, b) => a + b, 0)]);
      grid.push((grid[0] as number[]).map((_, c) => grid.reduce((a, row) => a + (row[c] as number), 0)));
      const table = gridTable(grid);
      const grandTotal = table.values[table.values.length - 1] as number;
      // The grand total shown, so that every filling is at most it; four to seven other cells hidden.
      const hidden = table.values.map((_, i) => i !== table.values.length - 1 && random() < 0.45);
      const count = hidden.filter(Boolean).length;
      if (count < 4 || count > 7) continue;
      tried += 1;
      const expected = enumerate(table.values, table.sums, hidden, grandTotal);
      const actual = cellIntervals(table, hidden);
      // Nothing bounds a cell above but the grand total, which the enumeration stops at.
      for (const [cell, bounds] of expected) if (JSON.stringify(actual.get(cell)) !== JSON.stringify(bounds)) differences.push(`${JSON.stringify(grid)} cell ${cell}: ${JSON.stringify(actual.get(cell))} ≠ ${JSON.stringify(bounds)}`);
    }
    expect(differences).toEqual([]);
  });

  it('say when nothing bounds a cell above, and what a reader who knows some counts can work out', () => {
    const table = gridTable([
      [2, 3, 5],
      [4, 6, 10],
      [6, 9, 15],
    ]);
    // Every cell hidden but the grand total: each could be anything from 0 to 15. With it hidden
    // too, nothing bounds them above.
    const allButGrand = table.values.map((_, i) => i !== 8);
    expect(cellIntervals(table, allButGrand).get(0)).toEqual({ lower: 0, upper: 15 });
    expect(cellIntervals(table, table.values.map(() => true)).get(0)).toEqual({ lower: 0, upper: Number.POSITIVE_INFINITY });
    // The first row hidden: 2 + 3 = 5 with columns 6 − 4 and 9 − 6 fixes both.
    const firstRow = table.values.map((_, i) => i < 2);
    expect([...cellIntervals(table, firstRow)]).toEqual([
      [0, { lower: 2, upper: 2 }],
      [1, { lower: 3, upper: 3 }],
    ]);
    // A 2 × 2 block hidden: each could be 0 to its row's or column's total, less what the others need.
    const block = table.values.map((_, i) => [0, 1, 3, 4].includes(i));
    expect([...cellIntervals(table, block)].map(([cell, i]) => [cell, i.lower, i.upper])).toEqual([
      [0, 0, 5],
      [1, 0, 5],
      [3, 1, 6],
      [4, 4, 9],
    ]);
    // A reader who knows cell 0 is at least 1 knows cell 1 is at most 4.
    expect(cellIntervals(table, block, { atLeast: new Map([[0, 1]]) }).get(1)).toEqual({ lower: 0, upper: 4 });
  });
});
