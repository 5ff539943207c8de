import { describe, expect, it } from 'vitest';
import { d, placement, record } from '../../../test/builders.js';
import { nationalAims } from '../aim.js';
import { planDigests } from './digest.js';
import { childrenDue } from './due-list.js';
import { defaultScheduleRules, resolveSchedule } from './schedule.js';

const schedule = resolveSchedule(defaultScheduleRules(), nationalAims());
const asAt = d('2021-06-01');
const options = { authorityName: 'North Council', asAt, windowDays: 14, linkFor: () => null };

// W1 (Ann) accommodated 2021-05-30: the 72-hour meeting is due 2 June, the early review 13 June. U1 has no worker or team.
const children = childrenDue(
  [
    record([placement('2021-05-30', null, 'foster', { childId: 'W1' })], [], { childId: 'W1', firstName: 'Wendy', lastName: 'Walker', worker: 'Ann', team: null }),
    record([placement('2021-05-30', null, 'foster', { childId: 'U1' })], [], { childId: 'U1', firstName: 'Una', worker: null, team: ' ' }),
    record([placement('2021-01-04', null, 'foster', { childId: 'L1' })], [], { childId: 'L1', worker: 'Lee', team: null }),
  ],
  schedule,
  asAt,
  14,
);

describe('the weekly digest', () => {
  it('writes one message per worker with something due, by reference only, with nothing in the subject about any child', () => {
    const plan = planDigests(children, [{ kind: 'worker', name: 'ANN', email: 'ann@example.org' }], options);
    expect(plan.messages.map((m) => [m.to, m.subject])).toEqual([['ann@example.org', 'pace reminders, North Council: 0 overdue, 2 due in the next 14 days (as at 1 June 2021)']]);
    expect(plan.messages[0]?.text).toBe(
      [
        'Reminders from pace for ANN, as at 1 June 2021.',
        '',
        'North Council: 0 overdue and 2 due in the next 14 days for the children allocated to you.',
        '',
        'Due in the next 14 days',
        '- W1: 72-hour planning meeting, due 2 June 2021 (due in 1 day)',
        '- W1: Early review, due 13 June 2021 (due in 12 days)',
        '',
        'Children are named here by their reference only. Sign in to pace to see their records.',
        '',
        'You receive this because you are the allocated worker for these children.',
        '',
      ].join('\n'),
    );
    expect(plan.messages[0]?.text).not.toContain('Wendy');
  });

  it('counts, but does not send for, workers without an address and children with neither worker nor team', () => {
    const plan = planDigests(children, [], options);
    expect(plan.messages).toEqual([]);
    // L1's next item (the 3-month review, 4 April) is overdue: Lee has something due too.
    expect(plan.withoutAddress).toEqual([
      { kind: 'worker', name: 'Ann', children: 1 },
      { kind: 'worker', name: 'Lee', children: 1 },
    ]);
    expect(plan.unallocated).toBe(1);
  });

  it("writes a large team's counts with thousands separated, as every page does", () => {
    // 1,200 children of one team, each accommodated on 30 May 2021: two items each due within 14 days.
    const many = childrenDue(
      Array.from({ length: 1200 }, (_, i) => record([placement('2021-05-30', null, 'foster', { childId: `T${i}` })], [], { childId: `T${i}`, worker: 'Ann', team: 'North' })),
      schedule,
      asAt,
      14,
    );
    const plan = planDigests(many, [{ kind: 'team', name: 'North', email: 'north@example.org' }], options);
    expect(plan.messages[0]?.subject).toBe('pace reminders, North Council: 0 overdue, 2,400 due in the next 14 days (as at 1 June 2021)');
    expect(plan.messages[0]?.text).toContain('North Council: 0 overdue and 2,400 due in the next 14 days for the children of the North team.');
  });
});
