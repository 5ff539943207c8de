// Eighteen children accommodated once each, for the breakdowns of aim 2 (26 weeks = 182 days) as
// at 2021-06-01, every figure worked out by hand (docs/decisions/0026-breakdowns.md):
//
//   id  born        sex team    locality   start       type         outcome                              status      age band
//   Y1  2019-01-06  F   North   Hillside   2020-01-06  foster       recommended 2020-04-06, adoption     in time     1–4 (1 that day)
//   Y2  2018-05-05  F   North   Hillside   2020-01-06  foster       recommended 2020-04-06, adoption     in time     1–4
//   Y3  2017-05-05  F   North   Hillside   2020-01-06  foster       recommended 2020-04-06, adoption     in time     1–4
//   Y4  2016-05-05  F   North   Hillside   2020-01-06  foster       recommended 2020-04-06, adoption     in time     1–4
//   Y5  2018-05-05  M   South   Hillside   2020-01-06  foster       recommended 2020-04-06, PO           in time     1–4
//   Y6  2017-05-05  M   South   Hillside   2020-01-06  foster       recommended 2020-04-06, PO           in time     1–4
//   Y7  2016-05-05  M   South   Hillside   2020-01-06  kinship      recommended 2020-04-06, PO           in time     1–4
//   Y8  2015-01-07  M   South   Hillside   2020-01-06  kinship      recommended 2020-04-06, PO           in time     1–4 (5 the next day)
//   T1  2008-01-06  F   North   Riverside  2020-01-06  residential  recommended 2020-08-03, home          late        12–15 (12 that day)
//   T2  2006-05-05  F   North   Riverside  2020-01-06  residential  recommended 2020-08-03, home          late        12–15
//   T3  2004-01-07  F   North   Riverside  2020-01-06  residential  recommended 2020-08-03, home          late        12–15 (16 the next day)
//   T4  2006-05-05  M   South   Riverside  2020-06-01  foster       none; plan kinship order 2020-09-01  overdue     12–15
//   T5  2006-05-05  M   South   Riverside  2020-06-01  foster       none                                 overdue     12–15
//   T6  2007-01-01  M   South   Riverside  2020-01-06  foster       left 2020-07-24 (200 days)           left late   12–15
//   B1  2020-10-01  –   –       –          2021-04-01  foster       none (61 days)                       waiting     under 1
//   M1  2012-06-01  X   north   –          2020-03-02  kinship      recommended 2020-05-11, kinship      in time     5–11
//   M2  2014-02-02  F   –       –          2020-03-02  foster       left 2020-04-20 (49 days)            left early  5–11
//   O1  2003-09-01  M   South   –          2020-02-03  secure       recommended 2020-06-22, home         in time     16–17
//
// Recommended after 91 days (13 weeks: the Ys), 210 (30 weeks: T1–T3), 70 (10 weeks: M1) and 140
// (20 weeks: O1); PO is a permanence order, M1’s kinship a kinship care order.
// All: 10 in time, 3 late, 2 overdue, 1 left late (n = 16, 62.5%), 1 waiting, 1 left early. The
// median of the 13 journeys that reached the milestone (10, eight of 13, 20, three of 30 weeks) is
// 13 weeks. M1's team is written "north " and is the North team.
import { saveRecords, type AuthorityScope, type Connection } from '../src/store/index.js';
import type { Sex } from '../src/domain/codes.js';
import type { ChildRecord } from '../src/domain/records.js';
import { child, d, event, placement } from './builders.js';

export const breakdownAsAt = d('2021-06-01');

interface Row {
  readonly id: string;
  readonly born: string;
  readonly sex: Sex | null;
  readonly team: string | null;
  readonly locality: string | null;
  readonly start: string;
  readonly type: 'foster' | 'kinship' | 'residential' | 'secure';
  /** The last day of the placement, when it ended. */
  readonly left?: string;
  readonly recommended?: readonly [string, 'adoption' | 'permanence_order' | 'home' | 'kinship_order'];
  readonly plan?: readonly [string, 'kinship_order'];
}

const rows: readonly Row[] = [
  { id: 'Y1', born: '2019-01-06', sex: 'F', team: 'North', locality: 'Hillside', start: '2020-01-06', type: 'foster', recommended: ['2020-04-06', 'adoption'] },
  { id: 'Y2', born: '2018-05-05', sex: 'F', team: 'North', locality: 'Hillside', start: '2020-01-06', type: 'foster', recommended: ['2020-04-06', 'adoption'] },
  { id: 'Y3', born: '2017-05-05', sex: 'F', team: 'North', locality: 'Hillside', start: '2020-01-06', type: 'foster', recommended: ['2020-04-06', 'adoption'] },
  { id: 'Y4', born: '2016-05-05', sex: 'F', team: 'North', locality: 'Hillside', start: '2020-01-06', type: 'foster', recommended: ['2020-04-06', 'adoption'] },
  { id: 'Y5', born: '2018-05-05', sex: 'M', team: 'South', locality: 'Hillside', start: '2020-01-06', type: 'foster', recommended: ['2020-04-06', 'permanence_order'] },
  { id: 'Y6', born: '2017-05-05', sex: 'M', team: 'South', locality: 'Hillside', start: '2020-01-06', type: 'foster', recommended: ['2020-04-06', 'permanence_order'] },
  { id: 'Y7', born: '2016-05-05', sex: 'M', team: 'South', locality: 'Hillside', start: '2020-01-06', type: 'kinship', recommended: ['2020-04-06', 'permanence_order'] },
  { id: 'Y8', born: '2015-01-07', sex: 'M', team: 'South', locality: 'Hillside', start: '2020-01-06', type: 'kinship', recommended: ['2020-04-06', 'permanence_order'] },
  { id: 'T1', born: '2008-01-06', sex: 'F', team: 'North', locality: 'Riverside', start: '2020-01-06', type: 'residential', recommended: ['2020-08-03', 'home'] },
  { id: 'T2', born: '2006-05-05', sex: 'F', team: 'North', locality: 'Riverside', start: '2020-01-06', type: 'residential', recommended: ['2020-08-03', 'home'] },
  { id: 'T3', born: '2004-01-07', sex: 'F', team: 'North', locality: 'Riverside', start: '2020-01-06', type: 'residential', recommended: ['2020-08-03', 'home'] },
  { id: 'T4', born: '2006-05-05', sex: 'M', team: 'South', locality: 'Riverside', start: '2020-06-01', type: 'foster', plan: ['2020-09-01', 'kinship_order'] },
  { id: 'T5', born: '2006-05-05', sex: 'M', team: 'South', locality: 'Riverside', start: '2020-06-01', type: 'foster' },
  { id: 'T6', born: '2007-01-01', sex: 'M', team: 'South', locality: 'Riverside', start: '2020-01-06', type: 'foster', left: '2020-07-24' },
  { id: 'B1', born: '2020-10-01', sex: null, team: null, locality: null, start: '2021-04-01', type: 'foster' },
  { id: 'M1', born: '2012-06-01', sex: 'X', team: 'north ', locality: null, start: '2020-03-02', type: 'kinship', recommended: ['2020-05-11', 'kinship_order'] },
  { id: 'M2', born: '2014-02-02', sex: 'F', team: null, locality: null, start: '2020-03-02', type: 'foster', left: '2020-04-20' },
  { id: 'O1', born: '2003-09-01', sex: 'M', team: 'South', locality: null, start: '2020-02-03', type: 'secure', recommended: ['2020-06-22', 'home'] },
];

export const breakdownChildren: readonly ChildRecord[] = rows.map((r) => ({
  child: child({ childId: r.id, firstName: `Child ${r.id}`, lastName: 'Example', dateOfBirth: d(r.born), sex: r.sex, team: r.team, locality: r.locality }),
  placements: [placement(r.start, r.left ?? null, r.type, { childId: r.id, id: `P-${r.id}` })],
  events: [
    ...(r.recommended ? [event('permanence_recommendation', r.recommended[0], r.recommended[1], { childId: r.id, id: `R-${r.id}` })] : []),
    ...(r.plan ? [event('care_plan', r.plan[0], r.plan[1], { childId: r.id, id: `CP-${r.id}` })] : []),
  ],
}));

/** The eighteen children in an authority, recorded on 1 May 2021. */
export async function saveBreakdownChildren(connection: Connection, scope: AuthorityScope): Promise<void> {
  await saveRecords(
    connection,
    scope,
    { children: breakdownChildren.map((r) => r.child), placements: breakdownChildren.flatMap((r) => r.placements), events: breakdownChildren.flatMap((r) => r.events) },
    { by: 'fixture', at: '2021-05-01T09:00:00.000Z' },
  );
}
