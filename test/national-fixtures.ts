// Three authorities for the national view's tests, hand-worked. Aim 2 (accommodated → permanence
// recommendation, 26 weeks = 182 days) as at 2021-06-01:
//   in time: accommodated 2020-01-06, recommended 2020-05-25 (140 days, 20 weeks)
//   late:    accommodated 2020-01-06, recommended 2020-08-03 (210 days, 30 weeks)
//   overdue: accommodated 2020-06-01, no recommendation (365 days)
//   waiting: accommodated 2021-03-01, no recommendation (92 days)
// Recommendations are to return home, so no aim 3 journey starts. Counts (in time, late, overdue,
// n, waiting): Alpha 12 3 5 20 2; Beta 6 6 0 12 0; Gamma 2 1 1 4 1; all 20 10 6 36 3. Every child is
// called Zebedee Secret<i>, born 2012-03-04, with an id starting with the authority's code.
import type { AuthorityRecords } from '../src/domain/national/national-comparison.js';
import type { ChildRecord } from '../src/domain/records.js';
import { child, d, event, placement } from './builders.js';

type Kind = 'in_time' | 'late' | 'overdue' | 'waiting';

export function nationalChildren(code: string, counts: Readonly<Record<Kind, number>>): ChildRecord[] {
  const records: ChildRecord[] = [];
  for (const kind of ['in_time', 'late', 'overdue', 'waiting'] as const) {
    for (let i = 0; i < counts[kind]; i++) {
      const childId = `${code}-${kind}-${i}`;
      const start = kind === 'overdue' ? '2020-06-01' : kind === 'waiting' ? '2021-03-01' : '2020-01-06';
      const end = kind === 'in_time' ? '2020-05-25' : kind === 'late' ? '2020-08-03' : null;
      records.push({
        child: child({ childId, firstName: 'Zebedee', lastName: `Secret${i}`, dateOfBirth: d('2012-03-04') }),
        placements: [placement(start, null, 'foster', { childId, id: `P-${childId}` })],
        events: end ? [event('permanence_recommendation', end, 'home', { childId, id: `E-${childId}` })] : [],
      });
    }
  }
  return records;
}

export function threeAuthorities(): AuthorityRecords[] {
  return [
    { authority: { code: 'GAM', name: 'Gamma Council', programmeStart: null }, records: nationalChildren('GAM', { in_time: 2, late: 1, overdue: 1, waiting: 1 }) },
    { authority: { code: 'ALP', name: 'Alpha Council', programmeStart: null }, records: nationalChildren('ALP', { in_time: 12, late: 3, overdue: 5, waiting: 2 }) },
    { authority: { code: 'BET', name: 'Beta Council', programmeStart: null }, records: nationalChildren('BET', { in_time: 6, late: 6, overdue: 0, waiting: 0 }) },
  ];
}
