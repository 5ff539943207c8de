// Children who leave their journeys before the milestone, each worked out by hand from
// docs/measurement.md (version 2) as at 2024-06-30. Timescales: aim 1 24 months, aim 2 26 weeks
// (182 days), aim 3 14 weeks (98 days), aim 4 3 weeks (21 days). Days are counted from the start.
// The domain tests, the store suites on both engines and the CLI tests all read these.
import type { CaseEvent, ChildRecord, Placement } from '../src/domain/records.js';
import { d, event, placement, record } from './builders.js';

export const leavingAsAt = d('2024-06-30');

function child(id: string, placements: Placement[], events: CaseEvent[] = [], dateOfBirth = '2015-06-15'): ChildRecord {
  return record(
    placements.map((p) => ({ ...p, childId: id, placementId: `${id}-${p.placementId}` })),
    events.map((e) => ({ ...e, childId: id, eventId: `${id}-${e.eventId}` })),
    { childId: id, dateOfBirth: d(dateOfBirth) },
  );
}

export const leavingChildren: readonly ChildRecord[] = [
  // Aim 2, left within the timescale: placed 2023-01-10 to 2023-02-28 and no more. Left care on
  // 2023-02-28 (49 days; due 2023-07-11): left_early.
  child('L2A', [placement('2023-01-10', '2023-02-28', 'foster', { id: 'P1' })]),
  // Aim 2, left after the timescale: away 2022-03-01 to 2022-12-31, then at home on a CSO. The run
  // ended on 2022-12-31 while still looked after (moved home; 305 days, due 2022-08-30):
  // left_late. The time at home starts an aim 1 journey on 2023-01-01, waiting (due 2025-01-01).
  child('L2B', [placement('2022-03-01', '2022-12-31', 'foster', { id: 'P1' }), placement('2023-01-01', null, 'home', { id: 'P2', legalBasis: 'CSO' })]),
  // Ceased to be looked after on 2023-09-15 while the placement stays open: the spell is over on
  // that day (106 days, due 2023-11-30): left_early.
  child('CSD', [placement('2023-06-01', null, 'foster', { id: 'P1' })], [event('ceased_looked_after', '2023-09-15', null, { id: 'E1' })]),
  // Born 29 February 2004: 18 on 1 March 2022, so the journey stops on 28 February 2022 (303 days,
  // due 2021-10-30): left_late, though the placement is still recorded as open. Age 17 at the start.
  child('T18', [placement('2021-05-01', null, 'foster', { id: 'P1' })], [], '2004-02-29'),
  // Aim 1, left within the timescale: at home on a CSO 2022-01-01 to 2022-06-30, then accommodated
  // (180 days, due 2024-01-01): left_early. The accommodation from 2022-07-01 has no
  // recommendation: overdue, 730 days.
  child('L1A', [placement('2022-01-01', '2022-06-30', 'home', { id: 'P1', legalBasis: 'CSO' }), placement('2022-07-01', null, 'foster', { id: 'P2' })]),
  // Aim 1, left after the timescale without a review: at home 2020-03-01 to 2022-05-31, then no
  // longer looked after (821 days, due 2022-03-01): left_late (version 1's "closed but overdue").
  child('L1B', [placement('2020-03-01', '2022-05-31', 'home', { id: 'P1', legalBasis: 'CSO' })]),
  // Aim 3, superseded on a later day: recommendation R1 2022-01-10 (permanence order) replaced by R2
  // on 2022-06-01 (adoption): R1 leaves on 2022-05-31 (141 days, due 2022-04-18): left_late. R2 ends
  // with the ADM decision of 2022-07-15 (44 days): in_time, route adoption. Aim 2 from 2021-01-04
  // ends at R1 (371 days): late. Aim 4 from 2022-07-15: no application, overdue (716 days).
  child(
    'SUP',
    [placement('2021-01-04', null, 'foster', { id: 'P1' })],
    [
      event('permanence_recommendation', '2022-01-10', 'permanence_order', { id: 'E1' }),
      event('permanence_recommendation', '2022-06-01', 'adoption', { id: 'E2' }),
      event('adm_decision', '2022-07-15', 'adoption', { id: 'E3' }),
    ],
  ),
  // Aim 3, superseded on the same day: two recommendations on 2023-08-01, ordered by event id. The
  // first (kinship order) leaves on its start date (0 days): left_early. The second (adoption) has no
  // ADM decision: overdue (334 days, due 2023-11-07).
  child(
    'SAME',
    [placement('2023-03-01', null, 'foster', { id: 'P1' })],
    [event('permanence_recommendation', '2023-08-01', 'kinship_order', { id: 'E1' }), event('permanence_recommendation', '2023-08-01', 'adoption', { id: 'E2' })],
  ),
  // Aim 4, superseded: ADM A1 2021-02-01 (POA) replaced by A2 2021-04-01 (adoption): A1 leaves on
  // 2021-03-31 (58 days, due 2021-02-22): left_late. A2 ends with the application of 2021-04-10
  // (9 days): in_time.
  child(
    'ADM',
    [placement('2020-01-06', null, 'foster', { id: 'P1' })],
    [
      event('permanence_recommendation', '2020-09-01', 'poa', { id: 'E0' }),
      event('adm_decision', '2021-02-01', 'poa', { id: 'E1' }),
      event('adm_decision', '2021-04-01', 'adoption', { id: 'E2' }),
      event('court_application_lodged', '2021-04-10', 'adoption', { id: 'E3' }),
    ],
  ),
  // Aim 4, left within the timescale: ADM 2023-05-01 (kinship order); the placement ends and the
  // child ceases to be looked after on 2023-05-10 (9 days, due 2023-05-22): left_early.
  child(
    'ADE',
    [placement('2022-11-01', '2023-05-10', 'kinship', { id: 'P1' })],
    [
      event('permanence_recommendation', '2023-02-01', 'kinship_order', { id: 'E0' }),
      event('adm_decision', '2023-05-01', 'kinship_order', { id: 'E1' }),
      event('ceased_looked_after', '2023-05-10', null, { id: 'E2' }),
    ],
  ),
];

/**
 * Eight accommodation journeys for the exclusion filter (docs/decisions/0016-measurement-v2.md): two with a permanence plan
 * in time, four with no plan yet and overdue, one kinship and one return home, both in time. All
 * accommodated on 2023-01-02; as at 2024-06-30.
 */
export const pathwayChildren: readonly ChildRecord[] = [
  child('P1', [placement('2023-01-02', null, 'foster', { id: 'P1' })], [event('permanence_recommendation', '2023-05-01', 'adoption', { id: 'E1' })]),
  child('P2', [placement('2023-01-02', null, 'foster', { id: 'P1' })], [event('permanence_recommendation', '2023-06-01', 'permanence_order', { id: 'E1' })]),
  child('U1', [placement('2023-01-02', null, 'foster', { id: 'P1' })]),
  child('U2', [placement('2023-01-02', null, 'residential', { id: 'P1' })]),
  child('U3', [placement('2023-01-02', null, 'kinship', { id: 'P1' })]),
  child('U4', [placement('2023-01-02', null, 'foster', { id: 'P1' })]),
  child('K1', [placement('2023-01-02', null, 'kinship', { id: 'P1' })], [event('permanence_recommendation', '2023-04-03', 'kinship_order', { id: 'E1' })]),
  child('H1', [placement('2023-01-02', null, 'foster', { id: 'P1' })], [event('permanence_recommendation', '2023-03-01', 'home', { id: 'E1' })]),
];
