import { describe, expect, it } from 'vitest';
import { breakdownAsAt, breakdownChildren } from '../../test/breakdown-fixtures.js';
import { nationalAims, type Aim } from './aim.js';
import { aimFigures } from './aim-figures.js';
import { breakdown, type BreakdownDimension } from './breakdown.js';
import { readBreakdown, type BreakdownReading } from './breakdown-reading.js';
import { publishBreakdown } from './published-breakdown.js';

const figures = aimFigures(nationalAims()[1] as Aim, breakdownChildren, breakdownAsAt);
const children = new Map(breakdownChildren.map((r) => [r.child.childId, r.child]));
const published = (dimension: BreakdownDimension, suppress = false) => publishBreakdown(breakdown(figures, dimension, (id) => children.get(id)), { suppress }).groups;

/** The reading with each group named by its key. */
function keys(reading: BreakdownReading): unknown {
  const key = (g: { key: string }) => g.key;
  const { verdict } = reading;
  const named =
    verdict.kind === 'apart'
      ? { kind: verdict.kind, below: verdict.below.map((b) => [key(b.group), b.above.map(key)]) }
      : verdict.kind === 'overlapping'
        ? { kind: verdict.kind, lowest: verdict.lowest.map(key), highest: verdict.highest.map(key) }
        : verdict.kind === 'one-group'
          ? { kind: verdict.kind, group: key(verdict.group) }
          : { kind: verdict.kind };
  return { ...named, longestMedian: reading.longestMedian && [reading.longestMedian.groups.map(key), reading.longestMedian.weeks], withMedian: reading.withMedian, withoutPercentage: reading.withoutPercentage.map(key) };
}

describe('what a breakdown says first', () => {
  it('finds a group wholly below another: 12–15 (0 of 6, up to 39.0%) against 1–4 (8 of 8, from 67.6%), and no others apart', () => {
    expect(keys(readBreakdown(published('age')))).toEqual({ kind: 'apart', below: [['12-15', ['1-4']]], longestMedian: [['12-15'], 30], withMedian: 4, withoutPercentage: ['under-1'] });
    expect(keys(readBreakdown(published('locality')))).toEqual({ kind: 'apart', below: [['named:riverside', ['named:hillside']]], longestMedian: [['named:riverside'], 30], withMedian: 3, withoutPercentage: [] });
  });

  it('says no group stands out when every interval overlaps, naming the groups in time least and most often', () => {
    // F 4 of 7 (25.0–84.2%), M 5 of 8 (30.6–86.3%), X 1 of 1 (20.7–100%).
    expect(keys(readBreakdown(published('sex')))).toEqual({ kind: 'overlapping', lowest: ['F'], highest: ['X'], longestMedian: [['M', 'F'], 13], withMedian: 3, withoutPercentage: ['not-recorded'] });
    // Home 1 of 4 is lowest, undecided 0 of 2 lower still: 0–65.8% overlaps them all.
    expect(keys(readBreakdown(published('route')))).toEqual({ kind: 'overlapping', lowest: ['undecided'], highest: ['permanence_order', 'adoption'], longestMedian: [['home'], 30], withMedian: 4, withoutPercentage: [] });
  });

  it('names every group sharing the least and the greatest, and the longest median, when they are equal', () => {
    expect(keys(readBreakdown(published('team')))).toEqual({ kind: 'overlapping', lowest: ['named:north', 'named:south'], highest: ['named:north', 'named:south'], longestMedian: [['named:north', 'named:south'], 13], withMedian: 2, withoutPercentage: ['not-recorded'] });
  });

  it('has nothing to compare with one group, and reads no percentage the reader may not see', () => {
    const [one] = published('age');
    const oneGroup = published('age').filter((g) => g.key === '1-4');
    expect(keys(readBreakdown(oneGroup))).toEqual({ kind: 'one-group', group: '1-4', longestMedian: null, withMedian: 1, withoutPercentage: [] });
    expect(keys(readBreakdown(one ? [one] : []))).toEqual({ kind: 'no-percentage', longestMedian: null, withMedian: 0, withoutPercentage: ['under-1'] });
    // Suppressed, every group's percentage is hidden: only 1–4's median (8 journeys) is shown.
    expect(keys(readBreakdown(published('age', true)))).toEqual({ kind: 'no-percentage', longestMedian: null, withMedian: 1, withoutPercentage: ['under-1', '1-4', '5-11', '12-15', '16-17'] });
  });
});
