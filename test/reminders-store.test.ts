import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { interval } from '../src/domain/reminders/interval.js';
import { defaultScheduleRules } from '../src/domain/reminders/schedule.js';
import {
  addCalendarFeed,
  allocationChanges,
  allocationVersions,
  findCalendarFeed,
  listCalendarFeeds,
  listContacts,
  listScheduleRules,
  parseScheduleRuleJson,
  recordHistory,
  revokeCalendarFeed,
  saveRecords,
  saveScheduleRule,
  setContact,
  type AuthorityScope,
  type Connection,
} from '../src/store/index.js';
import { engines, openTwoAuthorities } from './engines.js';
import { child, d } from './builders.js';
import { saveMovedChild, saveReminderChildren } from './reminders-fixtures.js';

describe.each(engines)('the reminders store on $name', (engine) => {
  let connection: Connection;
  let dispose: () => Promise<void>;
  let north: AuthorityScope;
  let south: AuthorityScope;

  beforeEach(async () => {
    ({ connection, north, south, dispose } = await openTwoAuthorities(engine));
  });

  afterEach(async () => {
    await dispose();
  });

  it("gives an authority the default schedule until it changes a rule, keeping the previous version in the rule's history", async () => {
    expect(await listScheduleRules(connection, north)).toEqual(defaultScheduleRules());
    const early = { ...(defaultScheduleRules()[1] as ReturnType<typeof defaultScheduleRules>[number]), after: interval(3, 'weeks') };
    expect(await saveScheduleRule(connection, north, early, { by: 'dan', at: '2021-05-01T09:00:00.000Z' })).toBe('changed');
    expect(await saveScheduleRule(connection, north, early, { by: 'dan' })).toBe('unchanged');
    expect(await saveScheduleRule(connection, north, { ...early, after: interval(4, 'weeks') }, { by: 'dan', at: '2021-05-02T09:00:00.000Z' })).toBe('changed');
    expect((await listScheduleRules(connection, north)).find((r) => r.id === 'early-review')?.after).toEqual({ unit: 'weeks', count: 4 });
    expect((await listScheduleRules(connection, south)).find((r) => r.id === 'early-review')?.after).toEqual({ unit: 'weeks', count: 2 });
    const history = await recordHistory(connection, north, 'schedule-rule', 'early-review');
    expect(history.map((h) => [h.version, h.change, h.changedBy, (h.previous.definition as { after: unknown }).after])).toEqual([[1, 'edit', 'dan', { unit: 'weeks', count: 3 }]]);
  });

  it('refuses a rule that follows an aim when no aim measures it, naming the field', () => {
    expect(parseScheduleRuleJson({ id: 'early-review', name: 'Early review', enabled: true, after: null, every: null })).toEqual({ ok: false, error: { code: 'invalid-schedule-rule', issues: ['after: this rule follows no aim, so it needs its own timescale'] } });
    expect(parseScheduleRuleJson({ id: 'permanence-recommendation', name: 'Permanence recommendation', enabled: true, after: null, every: null }).ok).toBe(true);
    const bad = parseScheduleRuleJson({ id: 'early-review', name: '', enabled: true, after: { unit: 'fortnights', count: 0 }, every: null });
    expect(bad.ok ? [] : bad.error.issues.map((i) => i.split(':')[0])).toEqual(['name', 'after.unit', 'after.count']);
  });

  it("keeps each authority's addresses apart, one per worker or team whatever the case or spacing of the name", async () => {
    await setContact(connection, north, { kind: 'worker', name: 'Ann Smith', email: 'ann@north.example' }, { by: 'test' });
    await setContact(connection, north, { kind: 'worker', name: ' ANN   smith ', email: 'ann.smith@north.example' }, { by: 'test' });
    await setContact(connection, south, { kind: 'worker', name: 'Ann Smith', email: 'ann@south.example' }, { by: 'test' });
    expect(await listContacts(connection, north)).toEqual([{ kind: 'worker', name: 'ANN smith', email: 'ann.smith@north.example' }]);
    expect(await listContacts(connection, south)).toEqual([{ kind: 'worker', name: 'Ann Smith', email: 'ann@south.example' }]);
  });

  it('finds a live calendar feed by the hash of its token, and lets only its own authority revoke it', async () => {
    const id = await addCalendarFeed(connection, north, { worker: 'Ann  Smith', tokenHash: 'hash-1', by: 'amy' }, '2021-06-01T08:00:00.000Z');
    expect(await findCalendarFeed(connection, 'hash-1')).toEqual({ id, worker: 'Ann Smith', authority: { scope: north, authority: { code: 'NORTH', name: 'North Council', programmeStart: null } } });
    expect(await findCalendarFeed(connection, 'hash-2')).toBeNull();
    expect(await revokeCalendarFeed(connection, south, id, 'sam')).toBe(false);
    expect(await listCalendarFeeds(connection, north, 'ann smith')).toEqual([{ id, worker: 'Ann Smith', createdAt: '2021-06-01T08:00:00.000Z', createdBy: 'amy', revokedAt: null }]);
    expect(await revokeCalendarFeed(connection, north, id, 'amy', '2021-06-02T08:00:00.000Z')).toBe(true);
    expect(await findCalendarFeed(connection, 'hash-1')).toBeNull();
    expect((await listCalendarFeeds(connection, north))[0]?.revokedAt).toBe('2021-06-02T08:00:00.000Z');
  });

  it("reads each change of a child's worker or team from the versions the store already keeps", async () => {
    await saveReminderChildren(connection, north);
    expect(await allocationChanges(connection, north)).toEqual([
      { childId: 'B2', at: '2021-05-15T10:30:00.000Z', by: 'amy', from: { worker: 'Bob Jones', team: 'North West' }, to: { worker: 'Ann Smith', team: 'North East' } },
    ]);
    expect(await allocationChanges(connection, south)).toEqual([]);
  });
  it("reads each child's versions of worker and team with the day in Scotland each was recorded", async () => {
    await saveMovedChild(connection, south);
    // Recorded at 23:30 UTC on 30 June: 00:30 on 1 July in Scotland (BST).
    await saveRecords(connection, south, { children: [child({ childId: 'M1', firstName: 'Mo', lastName: 'Moved', dateOfBirth: d('2019-04-04'), worker: 'Worker C', team: 'Team B' })] }, { by: 'fixture', at: '2026-06-30T23:30:00.000Z' });
    const versions = await allocationVersions(connection, south);
    expect([...versions.keys()]).toEqual(['M1']);
    expect(versions.get('M1')?.map((v) => [v.worker, v.team, v.recordedOn.toString()])).toEqual([
      ['Worker A', 'Team A', '2026-01-05'],
      ['Worker B', 'Team B', '2026-03-01'],
      ['Worker C', 'Team B', '2026-07-01'],
    ]);
    expect(await allocationVersions(connection, north)).toEqual(new Map());
  });
});
