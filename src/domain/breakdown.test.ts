import { describe, expect, it } from 'vitest';
import { breakdownAsAt, breakdownChildren } from '../../test/breakdown-fixtures.js';
import { child, d, event, placement } from '../../test/builders.js';
import { nationalAims, type Aim } from './aim.js';
import { aimFigures } from './aim-figures.js';
import { ageBandOf, breakdown, isGroupKey, type Breakdown, type BreakdownDimension, type BreakdownGroup } from './breakdown.js';
import type { Child, ChildRecord } from './records.js';
import { roundTo } from './round.js';

const aim2 = nationalAims()[1] as Aim;
const figures = aimFigures(aim2, breakdownChildren, breakdownAsAt);
const children = new Map(breakdownChildren.map((r) => [r.child.childId, r.child]));
const childOf = (id: string) => children.get(id);

/** Each group as one line: key, name, in time / late / overdue / left late, n, waiting / left early, %, interval, completed, median weeks (one decimal). */
function rows(b: Breakdown): string[] {
  const line = (g: BreakdownGroup) => {
    const c = g.counts;
    const percent = g.percentage === null ? '–' : `${roundTo(g.percentage)}%`;
    const interval = g.interval === null ? '–' : `${roundTo(g.interval.lower)}–${roundTo(g.interval.upper)}`;
    return `${g.key}${g.name === null ? '' : ` (${g.name})`}: ${c.in_time}/${c.late}/${c.overdue}/${c.left_late} n ${g.n}, ${c.waiting}/${c.left_early}; ${percent} ${interval}; median of ${g.completed}: ${g.medianWeeks === null ? '–' : roundTo(g.medianWeeks)}`;
  };
  return [...b.groups, b.all].map(line);
}

const of = (dimension: BreakdownDimension) => rows(breakdown(figures, dimension, childOf));

describe("an aim's figures by group (test/breakdown-fixtures.ts, aim 2 as at 2021-06-01)", () => {
  const all = 'all: 10/3/2/1 n 16, 1/1; 62.5% 38.6–81.5; median of 13: 13';

  it('splits by age band at the start, bands in order, leaving out the band with no journey (18 or over)', () => {
    expect(of('age')).toEqual([
      'under-1: 0/0/0/0 n 0, 1/0; – –; median of 0: –',
      '1-4: 8/0/0/0 n 8, 0/0; 100% 67.6–100; median of 8: 13',
      '5-11: 1/0/0/0 n 1, 0/1; 100% 20.7–100; median of 1: 10',
      '12-15: 0/3/2/1 n 6, 0/0; 0% 0–39; median of 3: 30',
      '16-17: 1/0/0/0 n 1, 0/0; 100% 20.7–100; median of 1: 20',
      all,
    ]);
  });

  it('takes whole years on the day the journey started: 1 on the first birthday, still 4 the day before the fifth, 15 the day before the sixteenth', () => {
    expect([0, 1, 4, 5, 11, 12, 15, 16, 17, 18, 19].map(ageBandOf)).toEqual(['under-1', '1-4', '1-4', '5-11', '5-11', '12-15', '12-15', '16-17', '16-17', '18-plus', '18-plus']);
    const band = (id: string) => breakdown(figures, 'age', childOf).groups.find((g) => g.journeys.some((j) => j.journey.childId === id))?.key;
    expect([band('Y1'), band('Y8'), band('T1'), band('T3')]).toEqual(['1-4', '1-4', '12-15', '12-15']);
  });

  it('splits by sex, in the code list’s order, with a group for sex not recorded', () => {
    expect(of('sex')).toEqual([
      'M: 5/0/2/1 n 8, 0/0; 62.5% 30.6–86.3; median of 5: 13',
      'F: 4/3/0/0 n 7, 0/1; 57.1% 25–84.2; median of 7: 13',
      'X: 1/0/0/0 n 1, 0/0; 100% 20.7–100; median of 1: 10',
      'not-recorded: 0/0/0/0 n 0, 1/0; – –; median of 0: –',
      all,
    ]);
  });

  it('splits by placement type at the start', () => {
    expect(of('placement')).toEqual([
      'kinship: 3/0/0/0 n 3, 0/0; 100% 43.8–100; median of 3: 13',
      'foster: 6/0/2/1 n 9, 1/1; 66.7% 35.4–87.9; median of 6: 13',
      'residential: 0/3/0/0 n 3, 0/0; 0% 0–56.2; median of 3: 30',
      'secure: 1/0/0/0 n 1, 0/0; 100% 20.7–100; median of 1: 20',
      all,
    ]);
  });

  it("splits by the journey's route, a plan without a milestone counting (T4's kinship order) and no plan being undecided", () => {
    expect(of('route')).toEqual([
      'home: 1/3/0/0 n 4, 0/0; 25% 4.6–69.9; median of 4: 30',
      'kinship_order: 1/0/1/0 n 2, 0/0; 50% 9.5–90.5; median of 1: 10',
      'permanence_order: 4/0/0/0 n 4, 0/0; 100% 51–100; median of 4: 13',
      'adoption: 4/0/0/0 n 4, 0/0; 100% 51–100; median of 4: 13',
      'undecided: 0/0/1/1 n 2, 1/1; 0% 0–65.8; median of 0: –',
      all,
    ]);
  });

  it('splits by team, names matched without regard to case or spacing ("north " is North), not recorded last', () => {
    expect(of('team')).toEqual([
      'named:north (North): 5/3/0/0 n 8, 0/0; 62.5% 30.6–86.3; median of 8: 13',
      'named:south (South): 5/0/2/1 n 8, 0/0; 62.5% 30.6–86.3; median of 5: 13',
      'not-recorded: 0/0/0/0 n 0, 1/1; – –; median of 0: –',
      all,
    ]);
  });

  it('names a team as most of its children have it written, whichever child comes first', () => {
    const reversed = aimFigures(aim2, [...breakdownChildren].reverse(), breakdownAsAt);
    expect(breakdown(reversed, 'team', childOf).groups.map((g) => g.name)).toEqual(['North', 'South', null]);
  });

  it('splits by locality', () => {
    expect(of('locality')).toEqual([
      'named:hillside (Hillside): 8/0/0/0 n 8, 0/0; 100% 67.6–100; median of 8: 13',
      'named:riverside (Riverside): 0/3/2/1 n 6, 0/0; 0% 0–39; median of 3: 30',
      'not-recorded: 2/0/0/0 n 2, 1/1; 100% 34.2–100; median of 2: 15',
      all,
    ]);
  });

  it('reads the team from the child as given (the team allocated on the as-at date), not as the journey was derived', () => {
    const moved = new Map<string, Child>(children);
    moved.set('T1', { ...(children.get('T1') as Child), team: 'East' });
    expect(rows(breakdown(figures, 'team', (id) => moved.get(id))).slice(0, 3)).toEqual([
      'named:east (East): 0/1/0/0 n 1, 0/0; 0% 0–79.3; median of 1: 30',
      'named:north (North): 5/2/0/0 n 7, 0/0; 71.4% 35.9–91.8; median of 7: 13',
      'named:south (South): 5/0/2/1 n 8, 0/0; 62.5% 30.6–86.3; median of 5: 13',
    ]);
  });

  it('puts every journey of the cohort in exactly one group', () => {
    for (const dimension of ['age', 'sex', 'placement', 'route', 'team', 'locality'] as const) {
      const ids = breakdown(figures, dimension, childOf).groups.flatMap((g) => g.journeys.map((j) => j.journey.childId));
      expect([...ids].sort(), dimension).toEqual(figures.journeys.map((j) => j.journey.childId).sort());
    }
  });

  it('has a group for no placement at the start where an aim 3 journey began with the child in none', () => {
    const records: ChildRecord[] = [
      { child: child({ childId: 'R1' }), placements: [placement('2020-01-06', null, 'foster', { childId: 'R1' })], events: [event('permanence_recommendation', '2020-03-02', 'adoption', { childId: 'R1' })] },
      { child: child({ childId: 'R2' }), placements: [], events: [event('permanence_recommendation', '2020-03-02', 'permanence_order', { childId: 'R2' })] },
    ];
    const aim3 = aimFigures(nationalAims()[2] as Aim, records, d('2020-12-01'));
    expect(rows(breakdown(aim3, 'placement', () => undefined))).toEqual([
      'foster: 0/0/1/0 n 1, 0/0; 0% 0–79.3; median of 0: –',
      'not-recorded: 0/0/1/0 n 1, 0/0; 0% 0–79.3; median of 0: –',
      'all: 0/0/2/0 n 2, 0/0; 0% 0–65.8; median of 0: –',
    ]);
  });

  it('has no groups, only the whole cohort, when the aim has no journey', () => {
    const none = breakdown(aimFigures(aim2, [], breakdownAsAt), 'age', childOf);
    expect(none.groups).toEqual([]);
    expect(rows(none)).toEqual(['all: 0/0/0/0 n 0, 0/0; – –; median of 0: –']);
  });

  it('knows the keys each dimension can have, for an address', () => {
    expect(['under-1', '18-plus', 'over-18'].map((k) => isGroupKey('age', k))).toEqual([true, true, false]);
    expect(['F', 'not-recorded', 'female'].map((k) => isGroupKey('sex', k))).toEqual([true, true, false]);
    expect(['undecided', 'not-recorded'].map((k) => isGroupKey('route', k))).toEqual([true, false]);
    expect(['not-recorded', 'named:north', 'named:', 'North'].map((k) => isGroupKey('team', k))).toEqual([true, true, false, false]);
  });
});
