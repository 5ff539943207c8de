import { describe, expect, it } from 'vitest';
import { determinedCells, gridTable, suppressGrid, suppressSmallCounts } from './suppression.js';

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
      ['<5', '<5', 13],
      ['<5', '<5', 20],
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
      ['<5', '<5', 9],
      ['<5', '<5', 13],
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
      ['<5', '<5', '<5', '<5'],
      ['<5', '<5', '<5', '<5'],
      [11, 22, 31, 64],
    ]);
  });

  it('does not let a hidden zero protect a small count: a reader may know the zero', () => {
    // Row B is an authority with nothing to count. Hiding its zeros beside C's 3 would leave
    // 13 − 10 − 0 = 3 to a reader who knows B has none; so A's 10s go, and then C's 9 (beside B's 0).
    expect(
      suppressGrid([
        [10, 10, 20],
        [0, 0, 0],
        [3, 6, 9],
        [13, 16, 29],
      ]),
    ).toEqual([
      ['<5', '<5', 20],
      ['<5', '<5', '<5'],
      ['<5', '<5', '<5'],
      [13, 16, 29],
    ]);
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
    expect(determinedCells(table, primary)).toEqual([2]);
  });

  it('hides one more count so that it cannot: the smallest shown count in the row or column of the cell given away', () => {
    // Row 0 offers 9, column 2 offers 8: 8 (row 1, column 2) is hidden.
    expect(suppressGrid(bridged)).toEqual([
      ['<5', '<5', '<5', 9, 15],
      ['<5', '<5', '<5', 7, 18],
      [6, 7, '<5', '<5', 18],
      [9, 5, '<5', '<5', 19],
      [18, 15, 17, 20, 70],
    ]);
    const table = gridTable(bridged);
    const hidden = suppressSmallCounts(table).map((s) => s !== 'shown');
    expect(determinedCells(table, hidden)).toEqual([]);
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
