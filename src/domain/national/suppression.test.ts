import { describe, expect, it } from 'vitest';
import { cellIntervals } from './cell-bounds.js';
import { gridTable, suppressGrid, suppressSmallCounts } from './suppression.js';

type Published = readonly (number | string)[];

/**
 * What a reader can work out from a published grid (last column and last row the totals), found by
 * trying every filling of its hidden cells with whole counts from 0 to the grand total: each hidden
 * cell's least and greatest value, by "row,column". Independent of the code under test.
 */
function boundsByEnumeration(published: readonly Published[]): Map<string, [number, number]> {
  const rows = published.length;
  const columns = (published[0] as Published).length;
  const grandTotal = (published[rows - 1] as Published)[columns - 1];
  if (typeof grandTotal !== 'number') throw new Error('the enumeration needs the grand total shown');
  const grid = published.map((row) => row.map((v) => (typeof v === 'number' ? v : null)));
  const hidden = grid.flatMap((row, r) => row.flatMap((v, c) => (v === null ? [[r, c] as const] : [])));
  const lines = [...grid.map((_, r) => ({ cells: Array.from({ length: columns - 1 }, (_, c) => [r, c] as const), total: [r, columns - 1] as const })), ...Array.from({ length: columns }, (_, c) => ({ cells: Array.from({ length: rows - 1 }, (_, r) => [r, c] as const), total: [rows - 1, c] as const }))];
  const consistent = () =>
    lines.every(({ cells, total }) => {
      const values = cells.map(([r, c]) => grid[r]?.[c] ?? null);
      const known = values.filter((v): v is number => v !== null).reduce((a, b) => a + b, 0);
      const t = grid[total[0]]?.[total[1]] ?? null;
      return t === null || (values.includes(null) ? known <= t : known === t);
    });
  const seen = new Map<string, [number, number]>();
  const fill = (k: number): void => {
    if (k === hidden.length) {
      for (const [r, c] of hidden) {
        const v = grid[r]?.[c] as number;
        const was = seen.get(`${r},${c}`);
        seen.set(`${r},${c}`, was ? [Math.min(was[0], v), Math.max(was[1], v)] : [v, v]);
      }
      return;
    }
    const [r, c] = hidden[k] as readonly [number, number];
    for (let v = 0; v <= grandTotal; v++) {
      (grid[r] as (number | null)[])[c] = v;
      if (consistent()) fill(k + 1);
    }
    (grid[r] as (number | null)[])[c] = null;
  };
  fill(0);
  return seen;
}

// Each grid: the last column holds the row totals, the last row the column totals.
describe('suppression of small counts', () => {
  it('shows a table with no count under 5 as it is', () => {
    const grid = [
      [5, 10, 15],
      [7, 8, 15],
      [12, 18, 30],
    ];
    expect(suppressGrid(grid)).toEqual(grid);
  });

  it('hides a count under 5, then the smallest other count in its row and in its column, then what those give away', () => {
    // 3 is hidden (primary). Its row would give it away (13 − 10): 10 is hidden too. Its column
    // would (11 − 8): 8 is hidden, whose row would (20 − 8): 12 is hidden. The totals stay.
    expect(
      suppressGrid([
        [3, 10, 13],
        [8, 12, 20],
        [11, 22, 33],
      ]),
    ).toEqual([
      ['[c]', '[c]', 13],
      ['[c]', '[c]', 20],
      [11, 22, 33],
    ]);
  });

  it('hides zeros, and a total under 5 with the counts it totals', () => {
    expect(
      suppressGrid([
        [0, 9, 9],
        [6, 7, 13],
        [6, 16, 22],
      ]),
    ).toEqual([
      ['[c]', '[c]', 9],
      ['[c]', '[c]', 13],
      [6, 16, 22],
    ]);
    // A row of small counts with a total under 5: with two rows, the other row's counts must go too,
    // each column's total being the sum of the two.
    expect(
      suppressGrid([
        [1, 2, 1, 4],
        [10, 20, 30, 60],
        [11, 22, 31, 64],
      ]),
    ).toEqual([
      ['[c]', '[c]', '[c]', '[c]'],
      ['[c]', '[c]', '[c]', '[c]'],
      [11, 22, 31, 64],
    ]);
  });

  it('does not let a hidden zero protect a small count: a reader may know the zero', () => {
    // Row B is an authority with nothing to count. Hiding its zeros beside C's 3 would leave
    // 9 − 6 − 0 = 3 to a reader who knows B has none. The cheapest cycle that lets C's 3 move
    // without B's zeros runs through A's first 10 and both totals of rows A and C.
    const grid = [
      [10, 10, 20],
      [0, 0, 0],
      [3, 6, 9],
      [13, 16, 29],
    ];
    expect(suppressGrid(grid)).toEqual([
      ['[c]', 10, '[c]'],
      ['[c]', '[c]', '[c]'],
      ['[c]', '[c]', '[c]'],
      [13, 16, 29],
    ]);
    // To a reader who knows row B is all zeros, C's 3 could still be anything from 1 to 12.
    const table = gridTable(grid);
    const hidden = suppressSmallCounts(table).map((s) => s !== 'shown');
    const known = cellIntervals(table, hidden, { fixed: new Map([3, 4, 5].map((cell) => [cell, 0])), atLeast: new Map([0, 2, 6, 7, 8].map((cell) => [cell, 1])) });
    expect(known.get(6)).toEqual({ lower: 1, upper: 12 });
  });

  it('tells primary from secondary suppression', () => {
    const state = suppressSmallCounts(
      gridTable([
        [3, 10, 13],
        [8, 12, 20],
        [11, 22, 33],
      ]),
    );
    expect(state).toEqual(['primary', 'secondary', 'shown', 'secondary', 'secondary', 'shown', 'shown', 'shown', 'shown']);
  });

  // Nine counts under 5 in two blocks joined by one cell (row 0, column 2). Every row and column
  // has two or more hidden cells, so no single sum gives one away; but rows 0 and 1 less columns 0
  // and 1 leave exactly that cell (worked below).
  const bridged = [
    [1, 2, 3, 9, 15],
    [2, 1, 8, 7, 18],
    [6, 7, 4, 1, 18],
    [9, 5, 2, 3, 19],
    [18, 15, 17, 20, 70],
  ];

  it('finds a hidden count that the sums give away together, though none gives it away alone', () => {
    const table = gridTable(bridged);
    const primary = table.values.map((v) => v < 5);
    // (x00 + x01 + x02) + (x10 + x11) − (x00 + x10) − (x01 + x11) = x02:
    // (15 − 9) + (18 − 8 − 7) − (18 − 6 − 9) − (15 − 7 − 5) = 6 + 3 − 3 − 3 = 3.
    expect(cellIntervals(table, primary).get(2)).toEqual({ lower: 3, upper: 3 });
  });

  it('hides the shown cells of the cheapest cycle through a count the sums give away, then shows again what need not be hidden', () => {
    expect(suppressGrid(bridged)).toEqual([
      ['[c]', '[c]', '[c]', 9, 15],
      ['[c]', '[c]', 8, 7, 18],
      [6, 7, '[c]', '[c]', 18],
      [9, '[c]', '[c]', '[c]', 19],
      [18, 15, 17, 20, 70],
    ]);
    const table = gridTable(bridged);
    const state = suppressSmallCounts(table);
    expect([...cellIntervals(table, state.map((s) => s !== 'shown'))].map(([cell, i]) => [cell, table.values[cell], i.lower, i.upper])).toEqual([
      [0, 1, 0, 3],
      [1, 2, 0, 6],
      [2, 3, 0, 6],
      [5, 2, 0, 3],
      [6, 1, 0, 3],
      [12, 4, 1, 5],
      [13, 1, 0, 4],
      [16, 5, 2, 8],
      [17, 2, 0, 8],
      [18, 3, 0, 4],
    ]);
  });

  // Tables where the earlier method (sums solved as equations, ignoring that counts are never
  // negative) published hidden cells that a reader could work out: found by trying small tables.
  it('leaves no hidden zero that the sums give away once counts are known not to be negative', () => {
    // A column of zeros beside a column whose total is the grand total: the hidden cells add up to 0.
    const zeros = [
      [0, 10, 0, 10],
      [0, 9, 0, 9],
      [0, 19, 0, 19],
    ];
    const before = [
      ['[c]', 10, '[c]', 10],
      ['[c]', 9, '[c]', 9],
      ['[c]', 19, '[c]', 19],
    ];
    expect([...boundsByEnumeration(before)]).toEqual([
      ['0,0', [0, 0]],
      ['0,2', [0, 0]],
      ['1,0', [0, 0]],
      ['1,2', [0, 0]],
      ['2,0', [0, 0]],
      ['2,2', [0, 0]],
    ]);
    const after = suppressGrid(zeros);
    // Column 1 is hidden whole instead: each zero could be anything from 0 to its row's total.
    expect(after).toEqual([
      ['[c]', '[c]', '[c]', 10],
      ['[c]', '[c]', '[c]', 9],
      ['[c]', '[c]', '[c]', 19],
    ]);
    expect([...boundsByEnumeration(after)]).toEqual([
      ['0,0', [0, 10]],
      ['0,1', [0, 10]],
      ['0,2', [0, 10]],
      ['1,0', [0, 9]],
      ['1,1', [0, 9]],
      ['1,2', [0, 9]],
      ['2,0', [0, 19]],
      ['2,1', [0, 19]],
      ['2,2', [0, 19]],
    ]);
  });

  it('gives away no hidden count, zero or not, in tables where the earlier method gave some away', () => {
    const tables = [
      [
        [0, 5, 5, 10],
        [6, 0, 0, 6],
        [8, 5, 0, 13],
        [14, 10, 5, 29],
      ],
      [
        [7, 9, 16],
        [2, 0, 2],
        [8, 0, 8],
        [17, 9, 26],
      ],
      [
        [0, 0, 12, 12],
        [5, 0, 0, 5],
        [5, 0, 12, 17],
      ],
    ];
    // As the earlier method published them, and what a reader could work out from that: hidden
    // zeros, and the counts beside them.
    const before = [
      [
        ['[c]', '[c]', 5, 10],
        ['[c]', '[c]', '[c]', 6],
        [8, '[c]', '[c]', 13],
        [14, 10, 5, 29],
      ],
      [
        [7, 9, 16],
        ['[c]', '[c]', '[c]'],
        ['[c]', '[c]', '[c]'],
        [17, 9, 26],
      ],
      [
        ['[c]', '[c]', '[c]', 12],
        [5, '[c]', '[c]', 5],
        ['[c]', '[c]', 12, 17],
      ],
    ];
    const givenAway = (published: Published[]) => [...boundsByEnumeration(published)].filter(([, [lower, upper]]) => lower === upper || (lower >= 1 && upper < 5));
    expect(before.map(givenAway)).toEqual([
      [
        ['1,2', [0, 0]],
        ['2,1', [5, 5]],
        ['2,2', [0, 0]],
      ],
      [
        ['1,1', [0, 0]],
        ['2,1', [0, 0]],
      ],
      [
        ['0,0', [0, 0]],
        ['0,1', [0, 0]],
        ['0,2', [12, 12]],
        ['1,1', [0, 0]],
        ['1,2', [0, 0]],
        ['2,0', [5, 5]],
        ['2,1', [0, 0]],
      ],
    ]);
    const after = tables.map((t) => suppressGrid(t));
    expect(after).toEqual([
      [
        ['[c]', 5, '[c]', 10],
        ['[c]', '[c]', '[c]', 6],
        [8, '[c]', '[c]', 13],
        [14, 10, 5, 29],
      ],
      [
        ['[c]', '[c]', 16],
        ['[c]', '[c]', '[c]'],
        ['[c]', '[c]', '[c]'],
        [17, 9, 26],
      ],
      [
        ['[c]', '[c]', '[c]', 12],
        ['[c]', '[c]', '[c]', 5],
        ['[c]', '[c]', 12, 17],
      ],
    ]);
    // Every hidden count under 5, zeros included, could be 0 and could be more than 0. The cells
    // hidden only to protect them (6, 7 and 12 here) cannot all fall to 0, but none is known.
    expect(after.map((p) => [...boundsByEnumeration(p)])).toEqual([
      [
        ['0,0', [0, 5]],
        ['0,2', [0, 5]],
        ['1,0', [1, 6]],
        ['1,1', [0, 5]],
        ['1,2', [0, 5]],
        ['2,1', [0, 5]],
        ['2,2', [0, 5]],
      ],
      [
        ['0,0', [7, 16]],
        ['0,1', [0, 9]],
        ['1,0', [0, 10]],
        ['1,1', [0, 9]],
        ['1,2', [0, 10]],
        ['2,0', [0, 10]],
        ['2,1', [0, 9]],
        ['2,2', [0, 10]],
      ],
      [
        ['0,0', [0, 5]],
        ['0,1', [0, 5]],
        ['0,2', [7, 12]],
        ['1,0', [0, 5]],
        ['1,1', [0, 5]],
        ['1,2', [0, 5]],
        ['2,0', [0, 5]],
        ['2,1', [0, 5]],
      ],
    ]);
  });

  it('never lets a reader place a hidden count between 1 and 4', () => {
    const grid = [
      [7, 0, 1, 2, 10],
      [8, 0, 0, 6, 14],
      [8, 2, 4, 8, 22],
      [23, 2, 5, 16, 46],
    ];
    const table = gridTable(grid);
    // With only the counts under 5 hidden, row 2's 2 (cell 11) is 1 or 2: a few, and not none.
    expect(cellIntervals(table, table.values.map((v) => v < 5)).get(11)).toEqual({ lower: 1, upper: 2 });
    expect(suppressGrid(grid)).toEqual([
      [7, '[c]', '[c]', '[c]', 10],
      [8, '[c]', '[c]', '[c]', 14],
      [8, '[c]', '[c]', '[c]', 22],
      [23, '[c]', '[c]', 16, 46],
    ]);
    const state = suppressSmallCounts(table);
    expect([...cellIntervals(table, state.map((s) => s !== 'shown'))].map(([cell, i]) => [cell, i.lower, i.upper])).toEqual([
      [1, 0, 3],
      [2, 0, 3],
      [3, 0, 3],
      [6, 0, 6],
      [7, 0, 6],
      [8, 0, 6],
      [11, 0, 7],
      [12, 0, 7],
      [13, 7, 14],
      [16, 0, 7],
      [17, 0, 7],
    ]);
  });

  it('refuses a table whose sums do not add up', () => {
    expect(() =>
      suppressGrid([
        [1, 2, 4],
        [1, 2, 3],
      ]),
    ).toThrow('does not add up');
  });
});
