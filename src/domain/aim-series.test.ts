import { describe, expect, it } from 'vitest';
import { d, event, placement } from '../../test/builders.js';
import { nationalAims, type Aim } from './aim.js';
import { aimSeries } from './aim-series.js';
import { epochDay } from './date.js';
import { placementTypesOnAsAt } from './journey.js';
import type { ChildRecord } from './records.js';

const aim2 = nationalAims()[1] as Aim;

function accommodated(id: string, start: string, recommended: string | null, extra: ChildRecord['placements'] = []): ChildRecord {
  return {
    child: { childId: id, firstName: null, lastName: null, dateOfBirth: d('2015-01-01'), sex: null, siblingGroup: null, worker: null, team: null, locality: null },
    placements: [placement(start, null, 'foster', { childId: id }), ...extra.map((p) => ({ ...p, childId: id }))],
    events: recommended ? [event('permanence_recommendation', recommended, 'adoption', { childId: id })] : [],
  };
}

describe('run chart points', () => {
  it('orders completed journeys by end date, then start date, then child reference', () => {
    const series = aimSeries(
      aim2,
      [accommodated('Z', '2020-01-01', '2020-03-01'), accommodated('B', '2020-02-01', '2020-03-01'), accommodated('A', '2020-02-01', '2020-03-01'), accommodated('Y', '2019-06-01', '2020-02-15'), accommodated('W', '2020-01-01', null)],
      d('2020-06-01'),
      null,
    );
    expect(series.points.map((p) => [p.position, p.childId, p.end.toString(), p.days])).toEqual([
      [1, 'Y', '2020-02-15', 259],
      [2, 'Z', '2020-03-01', 60],
      [3, 'A', '2020-03-01', 29],
      [4, 'B', '2020-03-01', 29],
    ]);
  });

  it('takes as baseline the points ending before the programme start when there are at least 10', () => {
    const records = Array.from({ length: 14 }, (_, i) => accommodated(`C${String(i).padStart(2, '0')}`, '2019-01-01', `2019-0${1 + Math.floor(i / 2)}-15`));
    // Ends: two each month from January to July 2019; 10 end before 2019-06-01.
    const series = aimSeries(aim2, records, d('2020-01-01'), d('2019-06-01'));
    expect([series.baselineCount, series.baselineRule]).toEqual([10, { kind: 'programme-start', programmeStart: d('2019-06-01') }]);
  });

  it('falls back to the first 12 points, and says why, with fewer than 10 before the start', () => {
    const records = Array.from({ length: 14 }, (_, i) => accommodated(`C${String(i).padStart(2, '0')}`, '2019-01-01', `2019-0${1 + Math.floor(i / 2)}-15`));
    const series = aimSeries(aim2, records, d('2020-01-01'), d('2019-04-01'));
    expect([series.baselineCount, series.baselineRule]).toEqual([12, { kind: 'first-points', programmeStart: d('2019-04-01'), beforeStart: 6 }]);
    const noStart = aimSeries(aim2, records.slice(0, 5), d('2020-01-01'), null);
    expect([noStart.baselineCount, noStart.baselineRule]).toEqual([5, { kind: 'first-points', programmeStart: null, beforeStart: 0 }]);
  });
});

describe('waiting chart bars', () => {
  it('shows every journey still waiting, longest first, with the placement at as-at', () => {
    const moved = [placement('2020-01-01', '2020-03-31', 'foster'), placement('2020-04-01', null, 'residential')];
    const records = [
      accommodated('A', '2020-05-01', null),
      { ...accommodated('B', '2020-01-01', null), placements: moved.map((p) => ({ ...p, childId: 'B' })) },
      accommodated('C', '2020-02-01', '2020-04-01'),
    ];
    const series = aimSeries(aim2, records, d('2020-09-01'), null);
    expect(series.waiting.map((w) => [w.childId, w.days, w.overdue, w.placementType, w.due.toString()])).toEqual([
      ['B', 244, true, 'residential', '2020-07-01'],
      ['A', 123, false, 'foster', '2020-10-30'],
    ]);
  });
});

describe('the same order whichever order the records come in', () => {
  // Records loaded from the store come in order of child (the ties are then already in order); any
  // other order must give the same chart.
  const records = [
    accommodated('A', '2020-02-01', '2020-03-01'),
    accommodated('B', '2020-02-01', '2020-03-01'),
    accommodated('C', '2020-01-01', null),
    accommodated('D', '2020-01-01', null),
    accommodated('E', '2019-12-01', null),
    accommodated('F', '2020-01-01', '2020-03-01'),
  ];
  const asAt = d('2020-06-01');

  it('orders points and bars by child among equals, records in order of child or not', () => {
    for (const list of [records, [...records].reverse(), [records[3], records[0], records[5], records[2], records[1], records[4]] as ChildRecord[]]) {
      const series = aimSeries(aim2, list, asAt, null);
      expect(series.points.map((p) => [p.position, p.childId, p.start.toString(), p.end.toString()])).toEqual([
        [1, 'F', '2020-01-01', '2020-03-01'],
        [2, 'A', '2020-02-01', '2020-03-01'],
        [3, 'B', '2020-02-01', '2020-03-01'],
      ]);
      expect(series.waiting.map((w) => [w.childId, w.days])).toEqual([
        ['E', 183],
        ['C', 152],
        ['D', 152],
      ]);
    }
  });

  it('gives each point its weeks and end day in the chart order, as the points have them', () => {
    const series = aimSeries(aim2, [...records].reverse(), asAt, null);
    expect(series.weeks).toEqual([60 / 7, 29 / 7, 29 / 7]);
    expect([...series.endDays]).toEqual(series.points.map((p) => epochDay(p.end)));
    expect(series.points.map((p) => p.weeks)).toEqual([60 / 7, 29 / 7, 29 / 7]);
  });
});

describe('where each child lives on the as-at date', () => {
  const child = (id: string, placements: ChildRecord['placements']): ChildRecord => ({ ...accommodated(id, '2019-01-01', null), placements: placements.map((p) => ({ ...p, childId: id })) });
  const records = (): ChildRecord[] => [
    // Moved on the as-at date: the placement moved into.
    child('A', [placement('2019-01-01', '2020-06-01', 'foster'), placement('2020-06-01', null, 'residential')]),
    // Left before it.
    child('B', [placement('2019-01-01', '2020-05-31', 'kinship')]),
    // Placed after it, though the records were read later.
    child('C', [placement('2019-01-01', '2019-02-01', 'foster'), placement('2020-06-02', null, 'secure')]),
  ];

  it('is the same whether noted as the journeys were derived or worked out afresh', () => {
    const asAt = d('2020-06-01');
    const afresh = placementTypesOnAsAt(records(), asAt);
    const derived = records();
    aimSeries(aim2, derived, asAt, null);
    const noted = placementTypesOnAsAt(derived, asAt);
    for (const typeOf of [afresh, noted]) expect([0, 1, 2].map(typeOf)).toEqual(['residential', null, null]);
    expect(placementTypesOnAsAt(derived, d('2020-06-02'))(2)).toBe('secure');
  });
});
