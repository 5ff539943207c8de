// NORTH's children for the reminder tests, with what is due as at 2021-06-01 under the default
// schedule (aim 2: 26 weeks):
//   A1 Amy Adams, worker Ann Smith, team North East: foster from 2021-05-20; 72-hour meeting held
//      2021-05-22 (met); early review due 2021-06-03 (in 2 days); 6-week review due 2021-07-01.
//   B2 Ben Brown, worker Ann Smith (moved from Bob Jones, North West, on 2021-05-15), team North
//      East: residential from 2020-09-01, nothing recorded: the 6-month review (due 2021-03-01, 92
//      days ago) and the permanence recommendation (due 2021-03-02, 91 days ago) are overdue; the
//      earlier meetings were missed when the next ones fell due.
//   C3 Cal Clark, worker Bob Jones, team North West: at home on a CSO from 2019-12-10; the review
//      at 18 months is due 2021-06-10 (in 9 days).
//   D4 Dee Dunn, no worker, team North East: kinship from 2020-06-01, reviews held 2020-07-13,
//      2020-09-01 and 2020-12-01 (each on its day), recommended (permanence order) 2020-11-30, in
//      time; the ADM decision (due 2021-03-08, 85 days ago) is overdue and the 12-month review is
//      due today.
import { saveRecords, type AuthorityScope, type Connection } from '../src/store/index.js';
import { child, d, event, placement } from './builders.js';

export const remindersAsAt = d('2021-06-01');

export async function saveReminderChildren(connection: Connection, north: AuthorityScope): Promise<void> {
  await saveRecords(
    connection,
    north,
    {
      children: [
        child({ childId: 'A1', firstName: 'Amy', lastName: 'Adams', worker: 'Ann Smith', team: 'North East' }),
        child({ childId: 'B2', firstName: 'Ben', lastName: 'Brown', worker: 'Bob Jones', team: 'North West' }),
        child({ childId: 'C3', firstName: 'Cal', lastName: 'Clark', worker: 'Bob Jones', team: 'North West' }),
        child({ childId: 'D4', firstName: 'Dee', lastName: 'Dunn', worker: null, team: 'North East' }),
      ],
      placements: [
        placement('2021-05-20', null, 'foster', { childId: 'A1', id: 'PA1' }),
        placement('2020-09-01', null, 'residential', { childId: 'B2', id: 'PB2' }),
        placement('2019-12-10', null, 'home', { childId: 'C3', id: 'PC3', legalBasis: 'CSO' }),
        placement('2020-06-01', null, 'kinship', { childId: 'D4', id: 'PD4' }),
      ],
      events: [
        event('planning_meeting_72h', '2021-05-22', null, { childId: 'A1', id: 'EA1' }),
        event('lac_review', '2020-07-13', null, { childId: 'D4', id: 'ED1' }),
        event('lac_review', '2020-09-01', null, { childId: 'D4', id: 'ED2' }),
        event('lac_review', '2020-12-01', null, { childId: 'D4', id: 'ED3' }),
        event('permanence_recommendation', '2020-11-30', 'permanence_order', { childId: 'D4', id: 'ED4' }),
      ],
    },
    { by: 'fixture', at: '2021-05-01T09:00:00.000Z' },
  );
  // B2 moves from Bob Jones (North West) to Ann Smith (North East): the change is kept in the record's history.
  await saveRecords(connection, north, { children: [child({ childId: 'B2', firstName: 'Ben', lastName: 'Brown', worker: 'Ann Smith', team: 'North East' })] }, { by: 'amy', at: '2021-05-15T10:30:00.000Z' });
}

/**
 * A child whose worker changed, for what is due as at a date (allocation in force then): M1 (Mo
 * Moved), accommodated in foster care on 2026-01-05 and recorded that day with Worker A of Team A,
 * then moved to Worker B of Team B, recorded on 2026-03-01. Under the default schedule, as at
 * 2026-02-15 the early review (due 2026-01-19) is overdue and the 6-week review (due 2026-02-16) is
 * due the next day; as at 2026-03-15 the 6-week review is overdue (the 3-month review falls due on
 * 2026-04-05).
 */
export async function saveMovedChild(connection: Connection, scope: AuthorityScope): Promise<void> {
  const m1 = child({ childId: 'M1', firstName: 'Mo', lastName: 'Moved', dateOfBirth: d('2019-04-04'), worker: 'Worker A', team: 'Team A' });
  await saveRecords(connection, scope, { children: [m1], placements: [placement('2026-01-05', null, 'foster', { childId: 'M1', id: 'PM1' })] }, { by: 'fixture', at: '2026-01-05T10:00:00.000Z' });
  await saveRecords(connection, scope, { children: [{ ...m1, worker: 'Worker B', team: 'Team B' }] }, { by: 'fixture', at: '2026-03-01T09:00:00.000Z' });
}
