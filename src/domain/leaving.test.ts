// Measurement version 2: journeys stop when the child leaves. Every expected value below is worked
// out by hand in test/leaving-fixtures.ts from docs/measurement.md.
import { describe, expect, it } from 'vitest';
import { d, event, placement, record } from '../../test/builders.js';
import { leavingAsAt, leavingChildren, pathwayChildren } from '../../test/leaving-fixtures.js';
import { nationalAims, type Aim } from './aim.js';
import { aimFigures } from './aim-figures.js';
import { aimSentence } from './aim-sentence.js';
import { dayBeforeEighteenthBirthday, journeysOfKind, lookedAfterSpells } from './journey.js';
import { measureJourneys } from './measure.js';
import { nationalTimescales } from './national-aims.js';
import { dateOfEpochDay } from './date.js';

function listed(records = leavingChildren) {
  return measureJourneys(records, leavingAsAt, (kind) => nationalTimescales[kind]).map(({ journey: j, status, days }) => [
    j.childId,
    j.kind,
    j.start.toString(),
    j.end?.toString() ?? null,
    j.leave?.toString() ?? null,
    j.leaveReason,
    j.route,
    status,
    days,
  ]);
}

describe('journeys that stop when the child leaves (version 2)', () => {
  it('gives every journey of every child its end or leave date, route, status and days, exactly', () => {
    expect(listed()).toEqual([
      ['L2A', 'accommodation', '2023-01-10', null, '2023-02-28', 'left-care', 'undecided', 'left_early', 49],
      ['L2B', 'at-home', '2023-01-01', null, null, null, 'undecided', 'waiting', 546],
      ['L2B', 'accommodation', '2022-03-01', null, '2022-12-31', 'run-ended', 'undecided', 'left_late', 305],
      ['CSD', 'accommodation', '2023-06-01', null, '2023-09-15', 'left-care', 'undecided', 'left_early', 106],
      ['T18', 'accommodation', '2021-05-01', null, '2022-02-28', 'turned-18', 'undecided', 'left_late', 303],
      ['L1A', 'at-home', '2022-01-01', null, '2022-06-30', 'run-ended', 'undecided', 'left_early', 180],
      ['L1A', 'accommodation', '2022-07-01', null, null, null, 'undecided', 'overdue', 730],
      ['L1B', 'at-home', '2020-03-01', null, '2022-05-31', 'left-care', 'undecided', 'left_late', 821],
      ['SUP', 'accommodation', '2021-01-04', '2022-01-10', null, null, 'permanence_order', 'late', 371],
      ['SUP', 'recommendation', '2022-01-10', null, '2022-05-31', 'superseded', 'permanence_order', 'left_late', 141],
      ['SUP', 'recommendation', '2022-06-01', '2022-07-15', null, null, 'adoption', 'in_time', 44],
      ['SUP', 'adm', '2022-07-15', null, null, null, 'adoption', 'overdue', 716],
      ['SAME', 'accommodation', '2023-03-01', '2023-08-01', null, null, 'kinship_order', 'in_time', 153],
      // Left on its start day; its route is that of the latest plan on the leave date: the later
      // of the two same-day recommendations (by event id).
      ['SAME', 'recommendation', '2023-08-01', null, '2023-08-01', 'superseded', 'adoption', 'left_early', 0],
      ['SAME', 'recommendation', '2023-08-01', null, null, null, 'adoption', 'overdue', 334],
      ['ADM', 'accommodation', '2020-01-06', '2020-09-01', null, null, 'poa', 'late', 239],
      ['ADM', 'recommendation', '2020-09-01', '2021-02-01', null, null, 'poa', 'late', 153],
      ['ADM', 'adm', '2021-02-01', null, '2021-03-31', 'superseded', 'poa', 'left_late', 58],
      ['ADM', 'adm', '2021-04-01', '2021-04-10', null, null, 'adoption', 'in_time', 9],
      ['ADE', 'accommodation', '2022-11-01', '2023-02-01', null, null, 'kinship_order', 'in_time', 92],
      ['ADE', 'recommendation', '2023-02-01', '2023-05-01', null, null, 'kinship_order', 'in_time', 89],
      ['ADE', 'adm', '2023-05-01', null, '2023-05-10', 'left-care', 'kinship_order', 'left_early', 9],
    ]);
  });

  it('counts a child who left after the timescale against the aim, and leaves one who left within it out of n', () => {
    const aim2 = nationalAims()[1] as Aim;
    const figures = aimFigures(aim2, leavingChildren, leavingAsAt);
    expect(figures.counts).toEqual({ in_time: 2, late: 2, overdue: 1, waiting: 0, left_late: 2, left_early: 2 });
    // n = 2 + 2 + 1 + 2 = 7; 2 ÷ 7 = 28.571…%
    expect(figures.n).toBe(7);
    expect(figures.percentage).toBeCloseTo(200 / 7, 10);
    // Completed journeys only: 92, 153, 239, 371 days.
    expect(figures.medianWeeks).toBeCloseTo((153 + 239) / 2 / 7, 10);
    expect(figures.stillWaiting).toBe(1);
  });

  it('measures a child who turned 18 to the day before the 18th birthday, 28 February for a 29 February birthday', () => {
    expect(dateOfEpochDay(dayBeforeEighteenthBirthday(d('2004-02-29'))).toString()).toBe('2022-02-28');
    expect(dateOfEpochDay(dayBeforeEighteenthBirthday(d('2005-03-01'))).toString()).toBe('2023-02-28');
    expect(dateOfEpochDay(dayBeforeEighteenthBirthday(d('2006-12-31'))).toString()).toBe('2024-12-30');
    const [journey] = journeysOfKind(leavingChildren[3]!, 'accommodation', leavingAsAt);
    expect([journey?.ageAtStart, journey?.leave?.toString(), journey?.leaveReason]).toEqual([17, '2022-02-28', 'turned-18']);
    // As at the day before, the child has not yet left; as at the day itself, the child has.
    const before = journeysOfKind(leavingChildren[3]!, 'accommodation', d('2022-02-27'))[0];
    expect([before?.leave, before?.departure]).toEqual([null, null]);
    expect(journeysOfKind(leavingChildren[3]!, 'accommodation', d('2022-02-28'))[0]?.leave?.toString()).toBe('2022-02-28');
    // Born 2001-03-01, four leap days before the 18th birthday: the day before is 6,573 days on.
    const born2001 = record([placement('2018-01-08', null, 'foster')], [], { dateOfBirth: d('2001-03-01') });
    expect(journeysOfKind(born2001, 'accommodation', d('2019-02-28'))[0]?.leave?.toString()).toBe('2019-02-28');
  });

  it('ends a spell on the ceased_looked_after date even while the placement is still open', () => {
    expect(lookedAfterSpells(leavingChildren[2]!, leavingAsAt).map((s) => [s.start.toString(), s.lastPlacementDay, s.over?.toString(), s.overReason])).toEqual([['2023-06-01', null, '2023-09-15', 'left-care']]);
  });

  it('gives a spell still going on neither an end nor a reason, and one that ended the day it ended', () => {
    const still = record([placement('2023-06-01', null, 'foster')]);
    expect(lookedAfterSpells(still, leavingAsAt).map((s) => [s.over, s.overReason])).toEqual([[null, null]]);
    const twice = record([placement('2020-01-06', '2020-06-30', 'foster'), placement('2021-02-01', null, 'home', { legalBasis: 'CSO' })]);
    expect(lookedAfterSpells(twice, leavingAsAt).map((s) => [s.start.toString(), s.over?.toString() ?? null, s.overReason])).toEqual([
      ['2020-01-06', '2020-06-30', 'left-care'],
      ['2021-02-01', null, null],
    ]);
  });

  it('never gives a leave date before the start: a ceased_looked_after before the start leaves on the start day', () => {
    const child = record(
      [placement('2020-01-06', null, 'foster')],
      [event('ceased_looked_after', '2020-03-01'), event('permanence_recommendation', '2020-05-04', 'adoption', { id: 'R1' })],
    );
    const [journey] = journeysOfKind(child, 'recommendation', leavingAsAt);
    expect([journey?.start.toString(), journey?.leave?.toString(), journey?.leaveReason]).toEqual(['2020-05-04', '2020-05-04', 'left-care']);
  });

  it('finds the milestone only up to the leave date: a recommendation after the child went home does not end the time away', () => {
    const child = record(
      [placement('2020-01-06', '2020-04-30', 'foster'), placement('2020-05-01', null, 'home', { legalBasis: 'CSO' })],
      [event('permanence_recommendation', '2020-05-15', 'home')],
    );
    const [away] = journeysOfKind(child, 'accommodation', leavingAsAt);
    expect([away?.end, away?.leave?.toString(), away?.leaveReason]).toEqual([null, '2020-04-30', 'run-ended']);
  });

  it('fixes a journey’s route once it ends, while a waiting journey follows the latest plan', () => {
    const child = record(
      [placement('2022-01-03', null, 'foster')],
      [event('permanence_recommendation', '2022-04-04', 'kinship_order', { id: 'R1' }), event('care_plan', '2023-01-02', 'adoption', { id: 'C1' })],
    );
    const routes = (asAt: string) => [journeysOfKind(child, 'accommodation', d(asAt))[0]?.route, journeysOfKind(child, 'recommendation', d(asAt))[0]?.route];
    expect(routes('2022-12-31')).toEqual(['kinship_order', 'kinship_order']);
    expect(routes('2024-06-30')).toEqual(['kinship_order', 'adoption']);
  });

  it('takes the route of a milestone without one from the latest plan before it (an aim 1 review)', () => {
    const child = record([placement('2021-01-04', null, 'home', { legalBasis: 'CSO' })], [event('care_plan', '2021-06-01', 'home'), event('home_review', '2022-09-01'), event('care_plan', '2023-01-02', 'kinship_order')]);
    expect(journeysOfKind(child, 'at-home', leavingAsAt)[0]?.route).toBe('home');
  });
});

describe('filters that exclude (version 2)', () => {
  const aim2 = nationalAims()[1] as Aim;

  it('keeps children with no plan yet when kinship and return-home pathways are left out', () => {
    const excluding = aimFigures({ ...aim2, filters: { routesNot: ['kinship_order', 'home'] } }, pathwayChildren, leavingAsAt);
    expect(excluding.journeys.map((j) => j.journey.childId)).toEqual(['P1', 'P2', 'U1', 'U2', 'U3', 'U4']);
    expect([excluding.counts.in_time, excluding.n, Number(excluding.percentage?.toFixed(1))]).toEqual([2, 6, 33.3]);
    // The version 1 way of writing it, "only PO, POA and adoption plans", drops the undecided.
    const only = aimFigures({ ...aim2, filters: { routes: ['permanence_order', 'poa', 'adoption'] } }, pathwayChildren, leavingAsAt);
    expect([only.counts.in_time, only.n, only.percentage]).toEqual([2, 2, 100]);
  });

  it('can keep or leave out the undecided by name, and children in a sibling group, and a team', () => {
    expect(aimFigures({ ...aim2, filters: { routes: ['undecided'] } }, pathwayChildren, leavingAsAt).journeys.map((j) => j.journey.childId)).toEqual(['U1', 'U2', 'U3', 'U4']);
    const withGroups = pathwayChildren.map((r, i) => ({ ...r, child: { ...r.child, siblingGroup: i < 2 ? 'SG1' : null, team: i % 2 === 0 ? 'North' : 'South' } }));
    expect(aimFigures({ ...aim2, filters: { inSiblingGroup: true } }, withGroups, leavingAsAt).journeys.map((j) => j.journey.childId)).toEqual(['P1', 'P2']);
    expect(aimFigures({ ...aim2, filters: { inSiblingGroup: false } }, withGroups, leavingAsAt).journeys).toHaveLength(6);
    expect(aimFigures({ ...aim2, filters: { teams: ['South'] } }, withGroups, leavingAsAt).journeys.map((j) => j.journey.childId)).toEqual(['P2', 'U2', 'U4', 'H1']);
  });

  it('leaves out a placement type at the start, keeping journeys that had no placement at the start', () => {
    expect(aimFigures({ ...aim2, filters: { placementTypesNot: ['kinship'] } }, pathwayChildren, leavingAsAt).journeys.map((j) => j.journey.childId)).toEqual(['P1', 'P2', 'U1', 'U2', 'U4', 'H1']);
    const aim3 = nationalAims()[2] as Aim;
    const unplaced = record([], [event('permanence_recommendation', '2023-01-02', 'adoption')], { childId: 'N1' });
    expect(aimFigures({ ...aim3, filters: { placementTypesNot: ['foster'] } }, [unplaced], leavingAsAt).journeys.map((j) => j.journey.placementTypeAtStart)).toEqual([null]);
  });

  it('says in the aim’s sentence what is left out', () => {
    expect(aimSentence({ ...aim2, targetPercent: 70, fromDate: d('2018-07-02'), filters: { routesNot: ['kinship_order', 'home'] } })).toBe(
      '70% of children who become looked after and accommodated on or after 2 July 2018, excluding children with a kinship or return-home plan, will have a permanence recommendation within 26 weeks of becoming looked after and accommodated.',
    );
    expect(aimSentence({ ...aim2, filters: { routes: ['adoption', 'undecided'], placementTypesNot: ['kinship'], inSiblingGroup: false, teams: ['North Team'] } })).toBe(
      'All children who become looked after and accommodated (with an adoption plan or with no plan yet; allocated to North Team), excluding children placed in kinship care at the start and children in a sibling group, will have a permanence recommendation within 26 weeks of becoming looked after and accommodated.',
    );
  });
});
