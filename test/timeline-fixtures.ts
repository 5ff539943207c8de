// Literal children for the timeline tests (domain, charts, CLI). Every duration asserted about them
// is worked by hand in the tests that use them.
import type { ChildRecord } from '../src/domain/records.js';
import { d, event, placement, record } from './builders.js';

/**
 * Born 2015-06-15, referred 2016-01-10, looked after at home on a CSO, then away from home with
 * four moves (one change of placement record with the same foster carer is not a move) on the way
 * to adoption; the application was lodged on 2017-09-29. With `order`, the adoption order was
 * granted on 2018-10-10.
 */
export function manyMoves(options: { childId?: string; order?: boolean; siblingGroup?: string; dateOfBirth?: string } = {}): ChildRecord {
  const childId = options.childId ?? 'C7';
  const p = (start: string, end: string | null, type: Parameters<typeof placement>[2], carerRef: string, legalBasis: 'CSO' | 'POA' = 'CSO') =>
    placement(start, end, type, { childId, carerRef, legalBasis, id: `${childId}-${start}` });
  const e = (type: Parameters<typeof event>[0], date: string, route: Parameters<typeof event>[2] = null) => event(type, date, route, { childId, id: `${childId}-${type}-${date}` });
  return record(
    [
      p('2016-02-01', '2016-08-31', 'home', 'parents'),
      p('2016-09-01', '2016-12-31', 'foster', 'FOS-1'),
      p('2017-01-01', '2017-03-31', 'foster', 'FOS-1'),
      p('2017-04-01', '2017-10-15', 'residential', 'RES-1'),
      p('2017-10-16', '2018-05-31', 'foster', 'FOS-2'),
      p('2018-06-01', null, 'adopters', 'ADO-1', 'POA'),
    ],
    [
      e('referral', '2016-01-10'),
      e('childrens_hearing', '2016-02-01'),
      e('planning_meeting_72h', '2016-09-03'),
      e('lac_review', '2016-10-13'),
      e('legal_advice_requested', '2017-01-20'),
      e('legal_advice_received', '2017-02-17'),
      e('permanence_planning_meeting', '2017-03-10'),
      e('permanence_recommendation', '2017-03-10', 'adoption'),
      e('care_plan', '2017-03-10', 'adoption'),
      e('permanence_panel', '2017-05-05'),
      e('adm_decision', '2017-06-30', 'adoption'),
      e('court_application_lodged', '2017-09-29', 'adoption'),
      ...(options.order ? [e('order_granted', '2018-10-10', 'adoption')] : []),
    ],
    { childId, dateOfBirth: d(options.dateOfBirth ?? '2015-06-15'), siblingGroup: options.siblingGroup ?? null, firstName: 'Alex', lastName: 'Example' },
  );
}

/**
 * Three brothers and sisters (SG1) accommodated together on 2016-09-01 with the same foster carer:
 * the eldest (S1, born 2011-04-02) and the youngest (S3, born 2016-08-20) moved to kinship carers
 * on 2017-06-01 on the way to a kinship care order (recommended 2017-04-01, decided 2017-07-14, no
 * application yet); the middle one (C7) is `manyMoves`.
 */
export function siblings(): ChildRecord[] {
  const kin = (childId: string, dateOfBirth: string, firstName: string) => {
    const e = (type: Parameters<typeof event>[0], date: string, route: Parameters<typeof event>[2] = null) => event(type, date, route, { childId, id: `${childId}-${type}-${date}` });
    return record(
      [
        placement('2016-09-01', '2017-05-31', 'foster', { childId, carerRef: 'FOS-1', legalBasis: 'CSO', id: `${childId}-1` }),
        placement('2017-06-01', null, 'kinship', { childId, carerRef: 'KIN-1', legalBasis: 'CSO', id: `${childId}-2` }),
      ],
      [e('referral', '2016-01-10'), e('permanence_recommendation', '2017-04-01', 'kinship_order'), e('adm_decision', '2017-07-14', 'kinship_order')],
      { childId, dateOfBirth: d(dateOfBirth), siblingGroup: 'SG1', firstName, lastName: 'Example' },
    );
  };
  return [kin('S1', '2011-04-02', 'Robin'), manyMoves({ siblingGroup: 'SG1' }), kin('S3', '2016-08-20', 'Skye')];
}
