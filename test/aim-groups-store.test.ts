// Aim groups, and the attendance and actions of meetings, on every engine: what is saved comes back,
// each change keeps the previous version in the history and is audited, users are named as their
// accounts name them, and each authority keeps its own.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GroupPerson } from '../src/domain/improvement/aim-group.js';
import {
  addAction,
  addUser,
  auditOf,
  findAction,
  findAimGroup,
  findAttendance,
  grantRole,
  listActions,
  listAimGroups,
  listAuthorityUsers,
  recordHistory,
  saveAction,
  saveAimGroup,
  saveAttendance,
  saveMeeting,
  type AuthorityScope,
  type Connection,
} from '../src/store/index.js';
import { d } from './builders.js';
import { engines, openTwoAuthorities } from './engines.js';

const sample: GroupPerson = { kind: 'partner', name: 'Dr A. Sample', organisation: 'NHS health visiting' };
const reporter: GroupPerson = { kind: 'partner', name: 'The locality reporter', organisation: 'SCRA' };
const audit = { clientIp: '192.0.2.7' };

describe.each(engines)('aim groups and meeting actions on $name', (engine) => {
  let connection: Connection;
  let dispose: () => Promise<void>;
  let north: AuthorityScope;
  let south: AuthorityScope;
  let amyId: number;
  let amy: GroupPerson;
  let ben: GroupPerson;

  beforeEach(async () => {
    ({ connection, north, south, dispose } = await openTwoAuthorities(engine));
    const user = async (username: string, displayName: string | null, scope: AuthorityScope) => {
      const added = await addUser(connection, { username, displayName, passwordHash: 'x' });
      if (!added.ok) throw new Error(username);
      await grantRole(connection, added.value.id, scope, 'practitioner', 'test');
      return added.value.id;
    };
    amyId = await user('amy', 'Amy Adams', north);
    amy = { kind: 'user', userId: amyId, name: 'Amy Adams' };
    ben = { kind: 'user', userId: await user('ben', null, north), name: 'ben' };
    await user('sam', 'Sam South', south);
  });

  afterEach(async () => {
    await dispose();
  });

  it("lists an authority's users by name, and none of another's", async () => {
    expect((await listAuthorityUsers(connection, north)).map((u) => [u.username, u.name])).toEqual([
      ['amy', 'Amy Adams'],
      ['ben', 'ben'],
    ]);
    expect((await listAuthorityUsers(connection, south)).map((u) => u.name)).toEqual(['Sam South']);
  });

  it('keeps an aim group with its lead and members, users and partners, each change in the history and the audit log', async () => {
    expect(await findAimGroup(connection, north, 'aim-2')).toBeNull();
    expect(await saveAimGroup(connection, north, 'aim-2', { lead: amy, members: [sample, amy] }, { by: 'amy', at: '2021-03-01T10:00:00.000Z' }, audit)).toBe('added');
    expect(await saveAimGroup(connection, north, 'aim-2', { lead: amy, members: [sample] }, { by: 'amy' }, audit)).toBe('unchanged');
    expect(await saveAimGroup(connection, north, 'aim-2', { lead: sample, members: [amy, ben, reporter] }, { by: 'ben', at: '2021-03-02T10:00:00.000Z' }, audit)).toBe('changed');
    const stored = await findAimGroup(connection, north, 'aim-2');
    expect(stored?.group).toEqual({ lead: sample, members: [amy, ben, reporter] });
    expect([stored?.version, stored?.savedBy, stored?.savedAt]).toEqual([2, 'ben', '2021-03-02T10:00:00.000Z']);
    expect((await recordHistory(connection, north, 'aim-group', 'aim-2')).map((h) => h.previous)).toEqual([{ definition: { lead: { kind: 'user', user_id: amyId }, members: [{ kind: 'partner', name: 'Dr A. Sample', organisation: 'NHS health visiting' }] }, recorded_by: 'amy' }]);
    expect((await auditOf(connection, north, 'aim-group', 'aim-2')).map((e) => [e.username, e.action, e.clientIp])).toEqual([
      ['amy', 'add', '192.0.2.7'],
      ['ben', 'edit', '192.0.2.7'],
    ]);
    expect(await listAimGroups(connection, south)).toEqual([]);
  });

  it('records who was at a meeting, a change kept in the history', async () => {
    await saveMeeting(connection, north, { date: d('2021-03-10'), title: "Champions' group", notes: '' }, { by: 'amy' });
    expect(await findAttendance(connection, north, d('2021-03-10'))).toBeNull();
    expect(await saveAttendance(connection, north, d('2021-03-10'), [amy, sample], { by: 'amy' }, audit)).toBe('added');
    expect(await saveAttendance(connection, north, d('2021-03-10'), [amy, sample, reporter], { by: 'amy' }, audit)).toBe('changed');
    expect(await findAttendance(connection, north, d('2021-03-10'))).toEqual([amy, sample, reporter]);
    expect((await recordHistory(connection, north, 'meeting-attendance', '2021-03-10')).length).toBe(1);
    expect((await auditOf(connection, north, 'meeting-attendance', '2021-03-10')).map((e) => e.action)).toEqual(['add', 'edit']);
    expect(await findAttendance(connection, south, d('2021-03-10'))).toBeNull();
  });

  it('numbers the actions of each authority, keeps their owners and dates, and marks one done with the previous version kept', async () => {
    await saveMeeting(connection, north, { date: d('2021-02-10'), title: "Champions' group", notes: '' }, { by: 'amy' });
    await saveMeeting(connection, south, { date: d('2021-02-10'), title: "Champions' group", notes: '' }, { by: 'sam' });
    expect(await addAction(connection, north, d('2021-02-10'), { text: 'Draft the legal advice referral form', owner: sample, due: d('2021-03-01'), done: null }, { by: 'amy' }, audit)).toBe(1);
    expect(await addAction(connection, north, d('2021-02-10'), { text: 'Ask IROs to date every recommendation', owner: ben, due: d('2021-03-10'), done: null }, { by: 'amy' }, audit)).toBe(2);
    expect(await addAction(connection, south, d('2021-02-10'), { text: 'South’s own', owner: reporter, due: d('2021-03-10'), done: null }, { by: 'sam' }, audit)).toBe(1);
    const first = await findAction(connection, north, 1);
    if (!first) throw new Error('A1');
    expect(await saveAction(connection, north, { ...first, done: d('2021-03-05') }, { by: 'ben' }, audit)).toBe('changed');
    expect(await saveAction(connection, north, { ...first, done: d('2021-03-05') }, { by: 'ben' }, audit)).toBe('unchanged');
    expect((await listActions(connection, north)).map((a) => [a.number, a.raisedAt.toString(), a.text, a.owner, a.due.toString(), a.done?.toString() ?? null])).toEqual([
      [1, '2021-02-10', 'Draft the legal advice referral form', sample, '2021-03-01', '2021-03-05'],
      [2, '2021-02-10', 'Ask IROs to date every recommendation', ben, '2021-03-10', null],
    ]);
    expect((await recordHistory(connection, north, 'meeting-action', 'A1')).map((h) => h.previous)).toEqual([
      { text: 'Draft the legal advice referral form', owner: { kind: 'partner', name: 'Dr A. Sample', organisation: 'NHS health visiting' }, due_date: '2021-03-01', done_date: null, recorded_by: 'amy' },
    ]);
    expect((await auditOf(connection, north, 'meeting-action', 'A1')).map((e) => [e.username, e.action])).toEqual([
      ['amy', 'add'],
      ['ben', 'edit'],
    ]);
    expect((await listActions(connection, south)).map((a) => a.text)).toEqual(['South’s own']);
  });
});
