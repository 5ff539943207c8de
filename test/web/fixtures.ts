// NORTH's children for the web tests, with their aim 2 statuses as at 2021-06-01 (26 weeks = 182 days):
//   A1 foster 2020-01-01, recommended 2020-06-01: 152 days, in time
//   B2 foster 2020-02-03, recommended 2020-10-05: 245 days, late
//   C3 residential 2020-09-01, no recommendation: 273 days, overdue (due 2021-03-02)
//   D4 kinship 2021-03-01: 92 days, waiting (due 2021-08-30)
//   E5 foster 2020-12-07: 176 days, waiting, due within 4 weeks (due 2021-06-07)
// so aim 2 is 1 in time of n = 3 (33.3%), with 2 waiting. As at 2020-07-01 only A1 counts: 100.0%.
import type { AuthorityScope, Connection } from '../../src/store/index.js';
import { saveRecords } from '../../src/store/index.js';
import { child, d, event, placement } from '../builders.js';
import { siblings } from '../timeline-fixtures.js';
import { addTestUser, Client, type WebFixture } from './harness.js';

export const northChildren = [
  child({ childId: 'A1', firstName: 'Amy', lastName: 'Adams', dateOfBirth: d('2012-04-01') }),
  child({ childId: 'B2', firstName: 'Ben', lastName: 'Brown', dateOfBirth: d('2014-09-12') }),
  child({ childId: 'C3', firstName: 'Cal', lastName: 'Clark', dateOfBirth: d('2010-01-20') }),
  child({ childId: 'D4', firstName: 'Dee', lastName: 'Dunn', dateOfBirth: d('2018-07-07') }),
  child({ childId: 'E5', firstName: 'Eve', lastName: 'Evans', dateOfBirth: d('2016-03-03') }),
];

export const northPlacements = [
  placement('2020-01-01', null, 'foster', { childId: 'A1', id: 'PA1' }),
  placement('2020-02-03', null, 'foster', { childId: 'B2', id: 'PB2' }),
  placement('2020-09-01', null, 'residential', { childId: 'C3', id: 'PC3' }),
  placement('2021-03-01', null, 'kinship', { childId: 'D4', id: 'PD4' }),
  placement('2020-12-07', null, 'foster', { childId: 'E5', id: 'PE5' }),
];

export const northEvents = [
  event('permanence_recommendation', '2020-06-01', 'adoption', { childId: 'A1', id: 'EA1' }),
  event('permanence_recommendation', '2020-10-05', 'permanence_order', { childId: 'B2', id: 'EB2' }),
];

export async function saveNorth(connection: Connection, north: AuthorityScope): Promise<void> {
  await saveRecords(connection, north, { children: northChildren, placements: northPlacements, events: northEvents }, { by: 'fixture', at: '2021-05-01T09:00:00.000Z' });
}

/**
 * The sibling group SG1 of test/timeline-fixtures.ts in NORTH: S1 (born 2011-04-02), C7 (Alex
 * Example, born 2015-06-15, four moves on the way to adoption) and S3 (born 2016-08-20). As at
 * 2021-06-01 S1 and S3 are waiting for aim 4 (an application to court, due 2017-08-04).
 */
export async function saveSiblings(connection: Connection, north: AuthorityScope): Promise<void> {
  const records = siblings();
  await saveRecords(connection, north, { children: records.map((r) => r.child), placements: records.flatMap((r) => r.placements), events: records.flatMap((r) => r.events) }, { by: 'fixture', at: '2021-05-01T09:00:00.000Z' });
}

/**
 * NORTH's children saved, the practitioner `pat` signed in, and one meeting, the Champions' group
 * on 10 March 2021 (whose pack the PDF tests make).
 */
export async function northWithAMeeting(web: WebFixture): Promise<Client> {
  await saveNorth(web.connection, web.north);
  await addTestUser(web.connection, 'pat', [[web.north, 'practitioner']]);
  const client = new Client(web.app);
  await client.signIn('pat');
  await client.get('/a/NORTH/meetings');
  const saved = await client.post('/a/NORTH/meetings', { meeting_date: '2021-03-10', title: "Champions' group", notes: '' });
  if (saved.statusCode !== 303) throw new Error(`the meeting was not saved: ${saved.statusCode}`);
  return client;
}
