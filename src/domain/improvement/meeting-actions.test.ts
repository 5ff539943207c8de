import { describe, expect, it } from 'vitest';
import { d } from '../../../test/builders.js';
import { groupPeople, normaliseGroup, personKey, personWords, type GroupPerson } from './aim-group.js';
import { actionErrors, actionsOfMeeting, actionsReview, type MeetingAction } from './meeting-actions.js';

const amy: GroupPerson = { kind: 'user', userId: 3, name: 'Amy Adams' };
const sample: GroupPerson = { kind: 'partner', name: 'Dr A. Sample', organisation: 'NHS health visiting' };
const reporter: GroupPerson = { kind: 'partner', name: 'The locality reporter', organisation: '' };

const action = (number: number, raisedAt: string, due: string, done: string | null, owner: GroupPerson = amy): MeetingAction => ({ number, raisedAt: d(raisedAt), text: `Action ${number}`, owner, due: d(due), done: done === null ? null : d(done) });

describe('the people of an aim group', () => {
  it('names a user by their name and a partner by their name and organisation', () => {
    expect([amy, sample, reporter].map(personWords)).toEqual(['Amy Adams', 'Dr A. Sample, NHS health visiting', 'The locality reporter']);
  });

  it('knows a partner written with other case, spaces or stops as the same person, and gives keys usable as ids', () => {
    expect(personKey(sample)).toBe('partner-dr-a-sample--nhs-health-visiting');
    expect(personKey({ kind: 'partner', name: 'dr a  sample', organisation: 'NHS Health Visiting.' })).toBe(personKey(sample));
    expect(personKey(amy)).toBe('user-3');
    expect(personKey({ kind: 'partner', name: 'Siân Ní Bhriain', organisation: 'SCRA' })).toBe('partner-siân-ní-bhriain--scra');
  });

  it('lists each member once, never the lead again, and everyone of several groups leads first', () => {
    expect(normaliseGroup({ lead: amy, members: [sample, amy, { ...sample, name: 'DR A SAMPLE' }, reporter] })).toEqual({ lead: amy, members: [sample, reporter] });
    expect(groupPeople([{ lead: null, members: [reporter, amy] }, { lead: sample, members: [amy] }])).toEqual([sample, reporter, amy]);
  });
});

describe('the actions a meeting reviews', () => {
  const actions = [
    action(1, '2021-01-13', '2021-02-01', null),
    action(2, '2021-01-13', '2021-02-01', '2021-01-30'),
    action(3, '2021-02-10', '2021-03-01', '2021-03-05', sample),
    action(4, '2021-02-10', '2021-03-10', null, reporter),
    action(5, '2021-02-10', '2021-04-01', '2021-03-09'),
    action(6, '2021-02-10', '2021-03-08', '2021-03-20'),
    action(7, '2021-03-10', '2021-03-10', null),
  ];
  const window = { after: d('2021-02-10'), to: d('2021-03-10') };

  it('lists those due by the meeting and open on its day, the longest overdue first, saying which were overdue at the previous meeting', () => {
    expect(actionsReview(actions, window).due.map((a) => [a.action.number, a.overdueBefore])).toEqual([
      [1, true],
      [6, false],
      [4, false],
      [7, false],
    ]);
  });

  it('lists those done after the previous meeting and up to this one, in the order done', () => {
    expect(actionsReview(actions, window).done.map((a) => a.number)).toEqual([3, 5]);
  });

  it('at the first meeting, counts everything done by it and nothing as overdue before', () => {
    const first = actionsReview(actions, { after: null, to: d('2021-02-10') });
    expect(first.done.map((a) => a.number)).toEqual([2]);
    expect(first.due.map((a) => [a.action.number, a.overdueBefore])).toEqual([[1, false]]);
  });

  it("leaves out actions agreed after the meeting's day", () => {
    expect(actionsReview(actions, { after: d('2021-01-13'), to: d('2021-02-10') }).due.map((a) => a.action.number)).toEqual([1]);
  });

  it("lists on a meeting's page what it agreed, and what earlier meetings agreed that was open after the previous one", () => {
    const listed = actionsOfMeeting(actions, window);
    expect(listed.agreed.map((a) => a.number)).toEqual([7]);
    expect(listed.earlier.map((a) => a.number)).toEqual([1, 3, 6, 4, 5]);
  });

  it('refuses an action due before the meeting that agreed it, or done before it or after today', () => {
    expect(actionErrors({ text: 'x', owner: amy, due: d('2021-03-01'), done: d('2021-03-02') }, d('2021-03-10'), d('2021-06-01')).map((e) => e.code)).toEqual(['due-before-meeting', 'done-before-meeting']);
    expect(actionErrors({ text: 'x', owner: amy, due: d('2021-03-11'), done: d('2021-06-02') }, d('2021-03-10'), d('2021-06-01')).map((e) => e.code)).toEqual(['done-after-today']);
    expect(actionErrors({ text: 'x', owner: amy, due: d('2021-03-10'), done: null }, d('2021-03-10'), d('2021-06-01'))).toEqual([]);
  });
});
