import { describe, expect, it } from 'vitest';
import { d, placement, record } from '../../test/builders.js';
import { manyMoves } from '../../test/timeline-fixtures.js';
import { nationalAims } from './aim.js';
import type { ChildRecord } from './records.js';
import { groupAlignment, groupOrderWords, groupTimeline, selectGroup, weeksSince } from './timeline-group.js';

const aims = nationalAims();
const asAt = d('2018-09-30');

function atHome(childId: string, start: string, end: string | null, legalBasis: 'CSO' | 'S25' = 'CSO'): ChildRecord {
  return record([placement(start, end, 'home', { childId, legalBasis })], [], { childId });
}

function fostered(childId: string, start: string): ChildRecord {
  return record([placement(start, null, 'foster', { childId })], [], { childId });
}

const ids = (records: readonly ChildRecord[]) => records.map((r) => r.child.childId);

describe('choosing a group', () => {
  it('takes brothers and sisters by sibling group, oldest first', () => {
    const records = [manyMoves({ childId: 'S2', siblingGroup: 'SG1', dateOfBirth: '2015-06-15' }), manyMoves({ childId: 'S1', siblingGroup: 'SG1', dateOfBirth: '2013-02-01' }), manyMoves({ childId: 'X', siblingGroup: 'SG2' })];
    const group = selectGroup(records, { kind: 'siblings', siblingGroup: 'SG1' }, asAt);
    expect([group.title, ids(group.records)]).toEqual(['Brothers and sisters (sibling group SG1)', ['S1', 'S2']]);
  });

  it('takes children at home on a supervision order for more than 18 months, longest first', () => {
    const records = [
      atHome('A', '2017-01-01', null), // 18 months on 2018-07-01: in
      atHome('B', '2017-06-01', null), // 18 months on 2018-12-01: not yet
      atHome('C', '2016-01-01', '2017-12-31'), // no longer at home
      atHome('D', '2016-01-01', null, 'S25'), // not on a supervision order
      atHome('E', '2016-05-01', null), // in, and longer than A
      atHome('F', '2017-03-30', null), // exactly 18 months on the as-at date: not more
    ];
    const group = selectGroup(records, { kind: 'at-home-longer-than', months: 18 }, asAt);
    expect([group.title, ids(group.records), group.journeyKind]).toEqual(['Looked after at home on a supervision order for more than 18 months', ['E', 'A'], 'at-home']);
  });

  it('takes children still waiting more than 52 weeks for an aim, longest first', () => {
    // As at 2018-09-30: from 2017-09-01 is 394 days (56.3 weeks); from 2017-10-15, 350 (50 weeks);
    // from 2016-09-01 the recommendation came on 2017-03-10, so that child is not waiting.
    const aim2 = aims[1]!;
    const records = [fostered('W1', '2017-10-15'), fostered('W2', '2017-09-01'), manyMoves({ childId: 'M' }), fostered('W3', '2017-01-01')];
    const group = selectGroup(records, { kind: 'waiting-longer-than', aim: aim2, weeks: 52 }, asAt);
    expect([group.title, ids(group.records)]).toEqual(['Waiting more than 52 weeks (Aim 2: permanence recommendation)', ['W3', 'W2']]);
  });

  it('takes chosen children in the order chosen and names the ids it does not know', () => {
    const group = selectGroup([fostered('A', '2018-01-01'), fostered('B', '2018-01-01')], { kind: 'chosen', childIds: ['B', 'Z', 'A'] }, asAt);
    expect([ids(group.records), group.unknownIds]).toEqual([['B', 'A'], ['Z']]);
  });
});

describe('the order of a group, in words', () => {
  it('says how each kind of group is ordered', () => {
    const selectors = [
      { kind: 'siblings', siblingGroup: 'SG1' },
      { kind: 'at-home-longer-than', months: 18 },
      { kind: 'waiting-longer-than', aim: aims[1] as (typeof aims)[number], weeks: 26 },
      { kind: 'chosen', childIds: ['A'] },
    ] as const;
    expect(selectors.map(groupOrderWords)).toEqual(['eldest first', 'longest at home first', 'longest wait first', 'in the order chosen']);
  });
});

describe('aligning a group', () => {
  const selection = selectGroup([manyMoves({ childId: 'M' }), fostered('F', '2018-03-01'), atHome('H', '2017-01-01', null)], { kind: 'chosen', childIds: ['M', 'F', 'H'] }, asAt);

  it('by calendar date puts every child on the dates they lived, from the earliest start to the latest end', () => {
    const group = groupTimeline(selection, { asAt, aims: [], alignment: { kind: 'calendar' } });
    expect(group.rows.map((r) => r.anchor)).toEqual([null, null, null]);
    expect(group.axis).toEqual({ kind: 'calendar', start: d('2016-01-10'), end: d('2018-09-30') });
  });

  it('by weeks since the current journey started counts from being looked after, at home or away', () => {
    const group = groupTimeline(selection, { asAt, aims: [], alignment: { kind: 'journey-start', journeyKind: null } });
    // M's latest journey is being looked after away from home from 2016-09-01 (the at-home one ended).
    expect(group.rows.map((r) => `${r.timeline.childId} ${r.anchor?.toString()}`)).toEqual(['M 2016-09-01', 'F 2018-03-01', 'H 2017-01-01']);
    // M's referral, 2016-01-10, is 235 days (33.6 weeks) before; M's as-at is 759 days (108.4 weeks) after.
    expect(group.axis.kind === 'weeks' && [group.axis.fromWeeks, group.axis.toWeeks]).toEqual([-235 / 7, 759 / 7]);
    expect(weeksSince(d('2016-09-01'), d('2016-01-10'))).toBe(-235 / 7);
  });

  it('with a limit, works out only the first children, fits the axis to them and counts the rest', () => {
    const reordered = selectGroup([manyMoves({ childId: 'M' }), fostered('F', '2018-03-01'), atHome('H', '2017-01-01', null)], { kind: 'chosen', childIds: ['H', 'F', 'M'] }, asAt);
    const group = groupTimeline(reordered, { asAt, aims: [], alignment: { kind: 'calendar' }, limit: 2 });
    expect([group.rows.map((r) => r.timeline.childId), group.total]).toEqual([['H', 'F'], 3]);
    // M, left off, was referred on 2016-01-10: the axis starts with H, the earliest drawn, instead.
    expect(group.axis).toEqual({ kind: 'calendar', start: d('2017-01-01'), end: d('2018-09-30') });
    const aligned = groupTimeline(selection, { asAt, aims: [], alignment: { kind: 'journey-start', journeyKind: 'adm' }, limit: 0 });
    expect([aligned.rows, aligned.total, aligned.unaligned]).toEqual([[], 1, ['F', 'H']]);
  });

  it("by journey, as a reader asks for it, counts from the group's own kind of journey", () => {
    const waiting = selectGroup([], { kind: 'waiting-longer-than', aim: aims[2] as (typeof aims)[number], weeks: 14 }, asAt);
    expect([groupAlignment('calendar', waiting), groupAlignment('journey', waiting), groupAlignment('journey', selection)]).toEqual([
      { kind: 'calendar' },
      { kind: 'journey-start', journeyKind: 'recommendation' },
      { kind: 'journey-start', journeyKind: null },
    ]);
  });

  it('by weeks since a chosen kind of journey leaves off the children who have none', () => {
    const group = groupTimeline(selection, { asAt, aims: [], alignment: { kind: 'journey-start', journeyKind: 'adm' } });
    expect([group.rows.map((r) => `${r.timeline.childId} ${r.anchor?.toString()}`), group.unaligned]).toEqual([['M 2017-06-30'], ['F', 'H']]);
  });
});
