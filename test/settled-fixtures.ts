// Five children on national aim 2 (a recommendation within 26 weeks, 182 days, of becoming
// accommodated), one of each counted status and one waiting, each worked out by hand from
// docs/measurement.md (version 2): the day each journey's outcome was settled (aim-window.ts) and,
// for those that reached the milestone, the day it was completed. The window, month and quarter
// tests read these, each adding children of its own.
import type { ChildRecord } from '../src/domain/records.js';
import { event, placement, record } from './builders.js';

export const settledChildren: readonly ChildRecord[] = [
  // In time (65 days): settled and completed on 10 March 2021, the day of the recommendation.
  record([placement('2021-01-04', null, 'foster', { childId: 'A' })], [event('permanence_recommendation', '2021-03-10', 'adoption', { childId: 'A' })], { childId: 'A' }),
  // Late (231 days): due 30 January 2021, settled the day after, 31 January; completed 20 March.
  record([placement('2020-08-01', null, 'foster', { childId: 'B' })], [event('permanence_recommendation', '2021-03-20', 'adoption', { childId: 'B' })], { childId: 'B' }),
  // Overdue: due 2 March 2021, settled 3 March; not completed.
  record([placement('2020-09-01', null, 'residential', { childId: 'C' })], [], { childId: 'C' }),
  // Waiting within the timescale: never counted.
  record([placement('2021-04-01', null, 'foster', { childId: 'D' })], [], { childId: 'D' }),
  // In time (58 days): settled and completed on 31 March 2021.
  record([placement('2021-02-01', null, 'kinship', { childId: 'E' })], [event('permanence_recommendation', '2021-03-31', 'kinship_order', { childId: 'E' })], { childId: 'E' }),
];
