// An authority's children for the export tests, with every CLAS row worked out by hand for the
// return year 2020-21 (1 August 2020 to 31 July 2021):
//   K1 foster since 2019-05-01: recommended 2019-10-01 (adoption), ADM 2020-01-15, court 2020-09-10.
//   K2 foster 2019-01-01 to 2019-12-31 (ended before the year: no row); kinship since 2020-10-01:
//      recommended 2021-02-01 (kinship order), ADM 2021-03-01, court 2021-08-05 (after the year: blank).
//   K3 at home on a CSO 2020-01-01 to 2020-05-31, then foster to 2020-09-30 (one episode), recommended
//      2020-07-01 to return home (no ADM journey); at home again since 2021-01-10, nothing yet.
//   K4 foster since 2020-02-01: recommended 2020-05-01 (PO), ADM 2020-06-01; recommended again
//      2020-11-01 (adoption), ADM 2021-01-04, court 2021-01-20: the latest plan is reported.
//   K5 foster from 2021-08-02 (after the year: no row).
//   K6 foster 2018-01-01 to 2020-07-31 (ended the day before the year: no row).
//   K7 foster from 2021-07-31 (the year's last day).
//   K8 foster 2020-09-01 to 2021-09-30 (still open on 31 July 2021: no end).
//   =K9+1 (an id a spreadsheet would run as a formula) foster since 2020-08-01.
// Names, dates of birth, workers and notes are there to prove the pseudonymised extract drops them;
// K1's note and K2's first name start like formulas.
import type { Child, ChildRecord } from '../src/domain/records.js';
import { child, d, event, placement } from './builders.js';

const people: Record<string, Partial<Child>> = {
  K1: { firstName: 'Kirsty', lastName: 'Kerr', dateOfBirth: d('2014-02-17'), sex: 'F', siblingGroup: 'KERR', worker: 'Wendy Worker', team: 'North team' },
  K2: { firstName: '=HYPERLINK("http://x")', lastName: 'Knox', dateOfBirth: d('2016-11-03'), sex: 'M', siblingGroup: null },
  K3: { firstName: 'Kenny', lastName: 'Kidd', dateOfBirth: d('2012-07-29'), sex: 'M', siblingGroup: 'KERR' },
  K4: { firstName: 'Kate', lastName: 'Keir', dateOfBirth: d('2018-01-09'), sex: 'F' },
  K5: { firstName: 'Kim', lastName: 'Kay', dateOfBirth: d('2019-05-30'), sex: 'X' },
  K6: { firstName: 'Karl', lastName: 'Kemp', dateOfBirth: d('2005-12-25'), sex: 'M' },
  K7: { firstName: 'Kyla', lastName: 'King', dateOfBirth: d('2020-03-14'), sex: 'F' },
  K8: { firstName: 'Keith', lastName: 'Kane', dateOfBirth: d('2013-10-01'), sex: 'M' },
  '=K9+1': { firstName: 'Kai', lastName: 'Kell', dateOfBirth: d('2017-04-22'), sex: 'M' },
};

export function exportRecords(): ChildRecord[] {
  const p = (childId: string, id: string, start: string, end: string | null, type: Parameters<typeof placement>[2], extra: Parameters<typeof placement>[3] = {}) => placement(start, end, type, { childId, id, ...extra });
  const e = (childId: string, id: string, type: Parameters<typeof event>[0], date: string, route: Parameters<typeof event>[2] = null) => event(type, date, route, { childId, id });
  const records: Record<string, Pick<ChildRecord, 'placements' | 'events'>> = {
    K1: {
      placements: [p('K1', 'PK1', '2019-05-01', null, 'foster', { carerRef: 'CARER-9' })],
      events: [e('K1', 'EK1a', 'permanence_recommendation', '2019-10-01', 'adoption'), e('K1', 'EK1b', 'adm_decision', '2020-01-15', 'adoption'), e('K1', 'EK1c', 'court_application_lodged', '2020-09-10', 'adoption')],
    },
    K2: {
      placements: [p('K2', 'PK2a', '2019-01-01', '2019-12-31', 'foster'), p('K2', 'PK2b', '2020-10-01', null, 'kinship')],
      events: [e('K2', 'EK2a', 'permanence_recommendation', '2019-06-01', 'permanence_order'), e('K2', 'EK2b', 'permanence_recommendation', '2021-02-01', 'kinship_order'), e('K2', 'EK2c', 'adm_decision', '2021-03-01', 'kinship_order'), e('K2', 'EK2d', 'court_application_lodged', '2021-08-05', 'kinship_order')],
    },
    K3: {
      placements: [p('K3', 'PK3a', '2020-01-01', '2020-05-31', 'home', { legalBasis: 'CSO' }), p('K3', 'PK3b', '2020-06-01', '2020-09-30', 'foster'), p('K3', 'PK3c', '2021-01-10', null, 'home', { legalBasis: 'CSO' })],
      events: [e('K3', 'EK3a', 'permanence_recommendation', '2020-07-01', 'home')],
    },
    K4: {
      placements: [p('K4', 'PK4', '2020-02-01', null, 'foster')],
      events: [
        e('K4', 'EK4a', 'permanence_recommendation', '2020-05-01', 'permanence_order'),
        e('K4', 'EK4b', 'adm_decision', '2020-06-01', 'permanence_order'),
        e('K4', 'EK4c', 'permanence_recommendation', '2020-11-01', 'adoption'),
        e('K4', 'EK4d', 'adm_decision', '2021-01-04', 'adoption'),
        e('K4', 'EK4e', 'court_application_lodged', '2021-01-20', 'adoption'),
      ],
    },
    K5: { placements: [p('K5', 'PK5', '2021-08-02', null, 'foster')], events: [] },
    K6: { placements: [p('K6', 'PK6', '2018-01-01', '2020-07-31', 'foster')], events: [] },
    K7: { placements: [p('K7', 'PK7', '2021-07-31', null, 'foster')], events: [] },
    K8: { placements: [p('K8', 'PK8', '2020-09-01', '2021-09-30', 'foster')], events: [] },
    '=K9+1': { placements: [p('=K9+1', 'PK9', '2020-08-01', null, 'foster')], events: [] },
  };
  const withNote = (r: Pick<ChildRecord, 'placements' | 'events'>, childId: string) => (childId === 'K1' ? { ...r, events: r.events.map((ev, i) => (i === 0 ? { ...ev, note: '@SUM(1+1) told Kirsty Kerr' } : ev)) } : r);
  return Object.entries(records).map(([childId, r]) => ({ child: child({ childId, ...people[childId] }), ...withNote(r, childId) }));
}

/** The CLAS rows for 2020-21 as the CSV holds them (hand-worked above). */
export const clasCsv2021 = [
  'child_id,episode_start,episode_end,permanence_recommendation_date,permanence_recommendation_route,adm_decision_date,adm_decision_route,court_application_date,court_application_route',
  "'=K9+1,2020-08-01,,,,,,,",
  'K1,2019-05-01,,2019-10-01,adoption,2020-01-15,adoption,2020-09-10,adoption',
  'K2,2020-10-01,,2021-02-01,kinship_order,2021-03-01,kinship_order,,',
  'K3,2020-01-01,2020-09-30,2020-07-01,home,,,,',
  'K3,2021-01-10,,,,,,,',
  'K4,2020-02-01,,2020-11-01,adoption,2021-01-04,adoption,2021-01-20,adoption',
  'K7,2021-07-31,,,,,,,',
  'K8,2020-09-01,,,,,,,',
  '',
].join('\r\n');

/** Every name and full date of birth in the fixture: none may appear in a pseudonymised extract. */
export const identifyingTexts = [...Object.values(people).flatMap((c) => [c.firstName, c.lastName, c.dateOfBirth?.toString(), c.worker, c.team]), 'Kirsty Kerr', 'CARER-9', 'KERR'].filter((t): t is string => typeof t === 'string');
