// Each child's events and placements are put in order once and remembered on the lists
// (putInOrder: eventOrderOf, placementOrderOf). The journeys must not depend on the order the
// records came in, nor on which as-at date was asked for first.
import { describe, expect, it } from 'vitest';
import { d, event, placement, record } from '../../test/builders.js';
import { generateAuthorities } from '../demo/generate.js';
import { aimFigures } from './aim-figures.js';
import { nationalAims } from './aim.js';
import { journeyKinds, journeysOf, journeysOfKindForEach, journeysOfMeasure, journeysOfMeasureForEach, putAllInOrder, putInOrder, type Journey } from './journey.js';
import type { MeasureDefinition } from './measure-definition.js';
import type { ChildRecord } from './records.js';

/** What a reader of a journey sees, dates as text. */
function essence(j: Journey): string {
  return [j.kind, j.childId, j.start.toString(), j.end?.toString() ?? '-', j.leave?.toString() ?? '-', j.leaveReason ?? '-', j.departure?.date.toString() ?? '-', j.startRef, j.endRef ?? '-', j.placementTypeAtStart ?? '-', j.ageAtStart, j.route, j.runEnd?.toString() ?? '-', j.startRoute ?? '-'].join(' ');
}

/** The same record with its events and placements in reverse order, in new lists (nothing remembered). */
function reversed(r: ChildRecord): ChildRecord {
  return { ...r, placements: [...r.placements].reverse(), events: [...r.events].reverse() };
}

describe('journeys read from each child put in order once', () => {
  it('are the same whatever order the events and placements come in, as at any date and in any order of asking', () => {
    const [authority] = generateAuthorities({ authorities: 1, children: 400, seed: 'journey-order', asAt: d('2026-11-01') });
    if (authority === undefined) throw new Error('no authority generated');
    const dates = [d('2026-11-01'), d('2022-03-15'), d('2024-07-31')];
    const asGiven = authority.records.map((r) => ({ ...r, placements: [...r.placements], events: [...r.events] }));
    const backwards = authority.records.map(reversed);
    asGiven.forEach(putInOrder);
    let compared = 0;
    for (const asAt of dates) {
      for (let i = 0; i < asGiven.length; i++) {
        const expected = journeysOf(asGiven[i] as ChildRecord, asAt).map(essence);
        expect(journeysOf(backwards[i] as ChildRecord, asAt).map(essence)).toEqual(expected);
        compared += expected.length;
      }
      // The authority's columns give the same journeys as the children one by one.
      for (const kind of journeyKinds) {
        expect(journeysOfKindForEach(backwards, kind, asAt).journeys.map(essence)).toEqual(asGiven.flatMap((r) => journeysOf(r, asAt).filter((j) => j.kind === kind)).map(essence));
      }
    }
    expect(compared).toBeGreaterThan(1000);
    // And the figures the columns give are the ones the journeys give.
    for (const aim of nationalAims()) expect(aimFigures(aim, backwards, d('2026-11-01')).counts).toEqual(aimFigures(aim, asGiven, d('2026-11-01')).counts);
  });

  it('are the same with every child’s order in one block (as the store loads them) as with one list a child', () => {
    const [authority] = generateAuthorities({ authorities: 1, children: 300, seed: 'journey-block', asAt: d('2026-11-01') });
    if (authority === undefined) throw new Error('no authority generated');
    const copies = () => authority.records.map((r) => ({ ...r, placements: [...r.placements], events: [...r.events] }));
    const oneByOne = copies();
    oneByOne.forEach(putInOrder);
    const inBlock = copies();
    // One child already in order keeps its own; the rest share the block.
    putInOrder(inBlock[7] as ChildRecord);
    putAllInOrder(inBlock);
    for (const asAt of [d('2026-11-01'), d('2023-02-28')]) {
      for (const kind of journeyKinds) expect(journeysOfKindForEach(inBlock, kind, asAt).journeys.map(essence)).toEqual(journeysOfKindForEach(oneByOne, kind, asAt).journeys.map(essence));
    }
    expect(journeysOfKindForEach(inBlock, 'accommodation', d('2026-11-01')).length).toBeGreaterThan(100);
  });

  it('makes a settled list’s journeys again child by child, the same as one child at a time, in any order of asking', () => {
    const [authority] = generateAuthorities({ authorities: 1, children: 300, seed: 'journey-settled', asAt: d('2026-11-01') });
    if (authority === undefined) throw new Error('no authority generated');
    const asAt = d('2026-11-01');
    const measures: MeasureDefinition[] = [
      { start: { kind: 'accommodated' }, ends: [{ type: 'permanence_planning_meeting' }] },
      { start: { kind: 'event', type: 'adm_decision', routes: ['adoption'] }, ends: [{ type: 'court_application_lodged' }, { type: 'order_granted' }] },
      { start: { kind: 'spell' }, ends: [{ type: 'lac_review' }] },
    ];
    for (const definition of measures) {
      const records = authority.records.map((r) => ({ ...r }));
      const list = journeysOfMeasureForEach(records, definition, asAt);
      const oneByOne = records.flatMap((r) => journeysOfMeasure(r, definition, asAt)).map(essence);
      expect(list.length).toBe(oneByOne.length);
      expect(list.length).toBeGreaterThan(20);
      // Last first, then all: each made again from its own child.
      const backwards = Array.from({ length: list.length }, (_, k) => essence(list.journey(list.length - 1 - k))).reverse();
      expect(backwards).toEqual(oneByOne);
      expect(list.journeys.map(essence)).toEqual(oneByOne);
    }
  });

  it('takes the plan route from the later of a care plan and a recommendation on the same day, by id', () => {
    const asAt = d('2024-01-01');
    // At home on a CSO with no home review yet: the journey is open, its route the plan's as at now.
    const atHome = (carePlanId: string, recommendationId: string) =>
      record(
        [placement('2022-01-10', null, 'home', { legalBasis: 'CSO' })],
        [event('care_plan', '2022-06-01', 'kinship_order', { id: carePlanId }), event('permanence_recommendation', '2022-06-01', 'adoption', { id: recommendationId })],
      );
    const routeOf = (child: ChildRecord) => journeysOf(child, asAt).filter((j) => j.kind === 'at-home').map((j) => [j.end, j.route]);
    // Same day: the greater id is the later.
    expect(routeOf(atHome('E-2', 'E-1'))).toEqual([[null, 'kinship_order']]);
    expect(routeOf(atHome('E-1', 'E-2'))).toEqual([[null, 'adoption']]);
  });

  it('reads a placement that ended after an earlier as-at date as open then, after reading it ended at a later one', () => {
    const child = record([placement('2020-01-10', '2021-05-31', 'foster'), placement('2021-06-01', null, 'home', { legalBasis: 'CSO' })], [event('permanence_recommendation', '2021-08-01', 'home')]);
    putInOrder(child);
    const later = journeysOf(child, d('2024-01-01')).filter((j) => j.kind === 'accommodation');
    expect(later.map((j) => [j.start.toString(), j.runEnd?.toString() ?? null, j.leaveReason])).toEqual([['2020-01-10', '2021-05-31', 'run-ended']]);
    const earlier = journeysOf({ ...child }, d('2021-03-01')).filter((j) => j.kind === 'accommodation');
    expect(earlier.map((j) => [j.start.toString(), j.runEnd, j.leave])).toEqual([['2020-01-10', null, null]]);
    expect(journeysOf({ ...child }, d('2021-03-01')).filter((j) => j.kind === 'at-home')).toEqual([]);
  });
});
