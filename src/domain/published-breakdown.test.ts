import { describe, expect, it } from 'vitest';
import { breakdownAsAt, breakdownChildren } from '../../test/breakdown-fixtures.js';
import { nationalAims, type Aim } from './aim.js';
import { aimFigures } from './aim-figures.js';
import { breakdown, type Breakdown, type BreakdownGroup } from './breakdown.js';
import { wilsonInterval } from './national/wilson.js';
import { breakdownCountColumns, publishBreakdown, type PublishedBreakdown, type PublishedGroup } from './published-breakdown.js';
import { roundOrNull } from './round.js';

const children = new Map(breakdownChildren.map((r) => [r.child.childId, r.child]));
const byAge = breakdown(aimFigures(nationalAims()[1] as Aim, breakdownChildren, breakdownAsAt), 'age', (id) => children.get(id));

/** Each row as published: its counts in the table's order, then %, interval, median (one decimal) and the completed count. */
function table(published: PublishedBreakdown): string[] {
  const line = (g: PublishedGroup) =>
    `${g.key}: ${breakdownCountColumns.map((c) => g.counts[c]).join(' ')} | ${roundOrNull(g.percentage) ?? '–'} ${g.interval ? `${roundOrNull(g.interval.lower)}–${roundOrNull(g.interval.upper)}` : '–'}${g.percentageHidden ? ' hidden' : ''} | median ${roundOrNull(g.medianWeeks) ?? '–'}${g.medianHidden ? ' hidden' : ''} of ${g.completed ?? '?'}`;
  return [...published.groups, published.all].map(line);
}

/** A group with literal counts (in time, late, overdue, left late, waiting, left early), for a table larger than a fixture's. */
function group(key: string, [in_time, late, overdue, left_late, waiting, left_early]: readonly [number, number, number, number, number, number], completed: number, medianWeeks: number): BreakdownGroup {
  const n = in_time + late + overdue + left_late;
  const interval = wilsonInterval(in_time, n);
  return { key, name: key, journeys: [], counts: { in_time, late, overdue, left_late, waiting, left_early }, n, percentage: (in_time / n) * 100, interval: interval && { lower: interval.lower * 100, upper: interval.upper * 100 }, completed, medianWeeks };
}

describe('a breakdown as shown to its reader', () => {
  it("shows an authority's own staff every count, percentage, interval and median, however small", () => {
    expect(table(publishBreakdown(byAge, { suppress: false }))).toEqual([
      'under-1: 0 0 0 0 0 1 0 | – – | median – of 0',
      '1-4: 8 0 0 0 8 0 0 | 100 67.6–100 | median 13 of 8',
      '5-11: 1 0 0 0 1 0 1 | 100 20.7–100 | median 10 of 1',
      '12-15: 0 3 2 1 6 0 0 | 0 0–39 | median 30 of 3',
      '16-17: 1 0 0 0 1 0 0 | 100 20.7–100 | median 20 of 1',
      'all: 10 3 2 1 16 1 1 | 62.5 38.6–81.5 | median 13 of 13',
    ]);
  });

  it('hides from a reader beyond the authority every count under 5 (zero too), and every count that would give one away', () => {
    // 1–4's 8 of 8 would show its three zeros (8 = 8 + 0 + 0 + 0); and to a reader who knows the
    // zeros, the n of 5–11 and 16–17 (1 and 1, adding to 16 − 8 − 6) would follow from it.
    expect(table(publishBreakdown(byAge, { suppress: true }))).toEqual([
      'under-1: [c] [c] [c] [c] [c] [c] [c] | – – hidden | median – hidden of ?',
      '1-4: [c] [c] [c] [c] [c] [c] [c] | – – hidden | median 13 of ?',
      '5-11: [c] [c] [c] [c] [c] [c] [c] | – – hidden | median – hidden of ?',
      '12-15: [c] [c] [c] [c] 6 [c] [c] | – – hidden | median – hidden of ?',
      '16-17: [c] [c] [c] [c] [c] [c] [c] | – – hidden | median – hidden of ?',
      'all: 10 [c] [c] [c] 16 [c] [c] | 62.5 38.6–81.5 | median 13 of ?',
    ]);
  });

  it('hides as few cells as protect the small ones in a larger table, and keeps the percentages whose counts are shown', () => {
    const teams: Breakdown = {
      dimension: 'team',
      groups: [group('named:a', [20, 6, 5, 0, 7, 2], 26, 20), group('named:b', [9, 8, 3, 5, 6, 0], 17, 25), group('named:c', [15, 10, 6, 7, 8, 5], 25, 28)],
      all: group('all', [44, 24, 14, 12, 21, 7], 68, 24),
    };
    // Primary: a's 0 left late and 2 left early, b's 3 overdue and 0 left early. Then a's 5
    // overdue (else its 0 follows from 31 − 20 − 6), b's 5 left late, and c's overdue, left late
    // and left early (else the columns' totals give the hidden ones away).
    expect(table(publishBreakdown(teams, { suppress: true }))).toEqual([
      'named:a: 20 6 [c] [c] 31 7 [c] | 64.5 46.9–78.9 | median 20 of ?',
      'named:b: 9 8 [c] [c] 25 6 [c] | 36 20.2–55.5 | median 25 of ?',
      'named:c: 15 10 [c] [c] 38 8 [c] | 39.5 25.6–55.3 | median 28 of ?',
      'all: 44 24 14 12 94 21 7 | 46.8 37–56.8 | median 24 of ?',
    ]);
  });

  it('publishes a lone row of all journeys when the aim has none, hidden as a count of 0', () => {
    const none: Breakdown = { dimension: 'age', groups: [], all: { ...group('all', [0, 0, 0, 0, 0, 0], 0, 0), percentage: null, interval: null, medianWeeks: null } };
    expect(table(publishBreakdown(none, { suppress: true }))).toEqual(['all: [c] [c] [c] [c] [c] [c] [c] | – – hidden | median – hidden of ?']);
    expect(table(publishBreakdown(none, { suppress: false }))).toEqual(['all: 0 0 0 0 0 0 0 | – – | median – of 0']);
  });
});
