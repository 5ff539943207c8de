import { describe, expect, it } from 'vitest';
import { d, event, placement, record } from '../../../test/builders.js';
import { nationalAims } from '../aim.js';
import { childrenDue, childrenDueInParts, dueList, isAllocatedTo, sameName } from './due-list.js';
import { defaultScheduleRules, resolveSchedule } from './schedule.js';

const schedule = resolveSchedule(defaultScheduleRules(), nationalAims());
const asAt = d('2021-06-01');

// A: accommodated 2021-05-20 (early review due 3 June); B: accommodated 2020-09-01 (6-month review
// and recommendation overdue); C: nothing open (left care); D: at home without a CSO (no schedule).
const records = [
  record([placement('2021-05-20', null, 'foster', { childId: 'A' })], [event('planning_meeting_72h', '2021-05-21', null, { childId: 'A' })], { childId: 'A', firstName: 'Amy', worker: 'Ann Smith', team: 'East' }),
  record([placement('2020-09-01', null, 'residential', { childId: 'B' })], [], { childId: 'B', worker: ' ann  SMITH', team: 'West' }),
  record([placement('2021-01-01', '2021-01-02', 'foster', { childId: 'C' })], [], { childId: 'C', worker: 'Bob', team: 'East' }),
  record([placement('2021-01-01', null, 'home', { childId: 'D', legalBasis: 'S25' })], [], { childId: 'D', worker: 'Bob', team: 'East' }),
];

describe('the list of what is due', () => {
  it("gives each child's overdue items, those due within the window and the next one, most pressing child first", () => {
    const list = dueList(records, schedule, asAt, { windowDays: 14 });
    expect(list.children.map((c) => [c.childId, c.overdue.map((i) => i.ruleId), c.dueSoon.map((i) => i.ruleId), c.next?.ruleId ?? null, c.next?.due.toString() ?? null])).toEqual([
      ['B', ['reviews-6-monthly', 'permanence-recommendation'], [], 'reviews-6-monthly', '2021-09-01'],
      ['A', [], ['early-review'], 'early-review', '2021-06-03'],
    ]);
    expect([list.overdueCount, list.dueSoonCount]).toEqual([2, 1]);
  });

  it('leaves out children with nothing overdue or due within the window', () => {
    expect(dueList(records, schedule, asAt, { windowDays: 1 }).children.map((c) => c.childId)).toEqual(['B']);
    expect(childrenDue(records, schedule, asAt, 1).map((c) => c.childId)).toEqual(['A', 'B']);
  });

  it('gives the same list worked out a part at a time, pausing between the parts (for a web server)', async () => {
    let pauses = 0;
    const inParts = await childrenDueInParts(records, schedule, asAt, 14, async () => void (pauses += 1), 1);
    expect(inParts).toEqual(childrenDue(records, schedule, asAt, 14));
    expect(inParts.map((c) => c.childId)).toEqual(['A', 'B']);
    // Four parts of one child each: a pause after each part.
    expect(pauses).toBe(4);
  });

  it('matches a worker or team whatever the case or spacing of the name', () => {
    expect(sameName('Ann Smith', ' ann  SMITH')).toBe(true);
    expect(sameName(null, 'Ann Smith')).toBe(false);
    expect(isAllocatedTo({ worker: 'Ann Smith', team: 'East' }, { worker: 'ann smith', team: '' })).toBe(true);
    expect(isAllocatedTo({ worker: 'Ann Smith', team: 'East' }, { worker: 'ann smith', team: 'West' })).toBe(false);
    expect(dueList(records, schedule, asAt, { windowDays: 14, worker: 'Ann Smith', team: 'west' }).children.map((c) => c.childId)).toEqual(['B']);
  });
});
