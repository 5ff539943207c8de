import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  addUser,
  appendAudit,
  auditOf,
  childHistory,
  createSession,
  dataVersion,
  deleteExpiredSessions,
  deleteRecord,
  findRecordOwner,
  findSession,
  findUser,
  grantRole,
  grantsOf,
  grantsOfSession,
  restoreRecord,
  saveAim,
  saveRecords,
  searchChildren,
  setProgrammeStart,
  listAims,
  type AuthorityScope,
  type Connection,
} from '../../src/store/index.js';
import { child, d, event, placement } from '../builders.js';
import { engines, openTwoAuthorities } from '../engines.js';

const at = '2024-03-01T10:00:00.000Z';

describe.each(engines)('people, sessions and data versions in the store on $name', (engine) => {
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

  it('keeps one role per user and authority, the latest grant replacing the earlier', async () => {
    const added = await addUser(connection, { username: 'amy', displayName: 'Amy', passwordHash: 'scrypt$x' }, at);
    if (!added.ok) throw new Error('user');
    await grantRole(connection, added.value.id, north, 'viewer', 'test');
    await grantRole(connection, added.value.id, south, 'practitioner', 'test');
    await grantRole(connection, added.value.id, north, 'admin', 'test');
    expect((await grantsOf(connection, added.value.id)).map((g) => [g.scope.code, g.authority.name, g.role])).toEqual([
      ['NORTH', 'North Council', 'admin'],
      ['SOUTH', 'South Council', 'practitioner'],
    ]);
    expect(await addUser(connection, { username: 'amy', displayName: null, passwordHash: 'x' })).toEqual({ ok: false, error: { code: 'user-exists', username: 'amy' } });
    expect((await findUser(connection, 'amy'))?.displayName).toBe('Amy');
  });

  it('finds a session by the hash of its id, and removes those expired', async () => {
    const added = await addUser(connection, { username: 'amy', displayName: null, passwordHash: 'x' });
    if (!added.ok) throw new Error('user');
    await createSession(connection, { idHash: 'live', userId: added.value.id, createdAt: at, expiresAt: '2024-03-01T22:00:00.000Z' });
    await createSession(connection, { idHash: 'old', userId: added.value.id, createdAt: at, expiresAt: '2024-03-01T09:00:00.000Z' });
    expect(await findSession(connection, 'live')).toEqual({ userId: added.value.id, username: 'amy', displayName: null, expiresAt: '2024-03-01T22:00:00.000Z', userDisabled: false });
    expect(await deleteExpiredSessions(connection, at)).toBe(1);
    expect(await findSession(connection, 'old')).toBeNull();
  });

  it('gives the grants of a session’s user by the session’s hash, and none for a hash no session has', async () => {
    const amy = await addUser(connection, { username: 'amy', displayName: null, passwordHash: 'x' });
    const ben = await addUser(connection, { username: 'ben', displayName: null, passwordHash: 'x' });
    if (!amy.ok || !ben.ok) throw new Error('user');
    await grantRole(connection, amy.value.id, south, 'practitioner', 'test');
    await grantRole(connection, amy.value.id, north, 'viewer', 'test');
    await grantRole(connection, ben.value.id, north, 'admin', 'test');
    await createSession(connection, { idHash: 'amy-1', userId: amy.value.id, createdAt: at, expiresAt: '2024-03-01T22:00:00.000Z' });
    await createSession(connection, { idHash: 'ben-1', userId: ben.value.id, createdAt: at, expiresAt: '2024-03-01T22:00:00.000Z' });
    const roles = async (hash: string) => (await grantsOfSession(connection, hash)).map((g) => [g.scope.code, g.authority.name, g.role]);
    expect(await roles('amy-1')).toEqual([
      ['NORTH', 'North Council', 'viewer'],
      ['SOUTH', 'South Council', 'practitioner'],
    ]);
    expect(await grantsOfSession(connection, 'amy-1')).toEqual(await grantsOf(connection, amy.value.id));
    expect(await roles('ben-1')).toEqual([['NORTH', 'North Council', 'admin']]);
    expect(await roles('nobody')).toEqual([]);
  });

  it('raises the data version by one for each change the figures depend on — records added, edited, deleted or restored, an aim, the programme start — and only then', async () => {
    const versions = [await dataVersion(connection, north)];
    const next = async () => {
      versions.push(await dataVersion(connection, north));
      const step = (versions[versions.length - 1] as number) - (versions[versions.length - 2] as number);
      expect([0, 1]).toContain(step);
      return step === 1;
    };
    await saveRecords(connection, north, { children: [child({ childId: 'A1' })], events: [event('lac_review', '2020-01-01', null, { childId: 'A1', id: 'E1' })] }, { by: 't', at });
    expect(await next()).toBe(true);
    await saveRecords(connection, north, { children: [child({ childId: 'A1' })] }, { by: 't', at });
    expect(await next()).toBe(false);
    await saveRecords(connection, north, { events: [{ ...event('lac_review', '2020-01-02', null, { childId: 'A1', id: 'E1' }) }] }, { by: 't', at });
    expect(await next()).toBe(true);
    await deleteRecord(connection, north, 'event', 'E1', { by: 't', at });
    expect(await next()).toBe(true);
    await restoreRecord(connection, north, 'event', 'E1', { by: 't', at });
    expect(await next()).toBe(true);
    const [aim] = await listAims(connection, north);
    await saveAim(connection, north, { ...(aim as NonNullable<typeof aim>), name: 'Renamed' }, { by: 't', at });
    expect(await next()).toBe(true);
    await setProgrammeStart(connection, north, d('2020-01-01'));
    expect(await next()).toBe(true);
    await saveRecords(connection, south, { children: [child({ childId: 'S1' })] }, { by: 't', at });
    expect(await next()).toBe(false);
  });

  it("tells whose an id is, deleted records included, within one authority only", async () => {
    await saveRecords(connection, north, { children: [child({ childId: 'A1' })], placements: [placement('2020-01-01', null, 'foster', { childId: 'A1', id: 'P1' })] }, { by: 't', at });
    await deleteRecord(connection, north, 'placement', 'P1', { by: 't' });
    expect(await findRecordOwner(connection, north, 'placement', 'P1')).toEqual({ childId: 'A1', deleted: true });
    expect(await findRecordOwner(connection, south, 'placement', 'P1')).toBeNull();
  });

  it("gives a child's changes newest first, each with what it was before and after", async () => {
    await saveRecords(connection, north, { children: [child({ childId: 'A1' })], placements: [placement('2020-01-01', null, 'foster', { childId: 'A1', id: 'P1' })] }, { by: 'first', at });
    await saveRecords(connection, north, { placements: [placement('2020-01-01', '2020-06-30', 'foster', { childId: 'A1', id: 'P1' })] }, { by: 'second', at: '2024-03-02T10:00:00.000Z' });
    await deleteRecord(connection, north, 'placement', 'P1', { by: 'third', at: '2024-03-03T10:00:00.000Z' });
    const changes = await childHistory(connection, north, 'A1');
    expect(changes.map((c) => [c.entity, c.recordId, c.version, c.change, c.changedBy, c.before.end_date, c.after.end_date])).toEqual([
      ['placement', 'P1', 2, 'delete', 'third', '2020-06-30', '2020-06-30'],
      ['placement', 'P1', 1, 'edit', 'second', null, '2020-06-30'],
    ]);
    expect(await childHistory(connection, south, 'A1')).toEqual([]);
  });

  it('gives the history of the child and of their own events and placements only, not another child’s or another authority’s of the same ids', async () => {
    const first = { by: 'first', at };
    const later = { by: 'second', at: '2024-03-02T10:00:00.000Z' };
    for (const scope of [north, south]) {
      await saveRecords(connection, scope, { children: [child({ childId: 'A1' }), child({ childId: 'B1' })], events: [event('lac_review', '2020-01-01', null, { childId: 'A1', id: 'E1' })], placements: [placement('2020-01-01', null, 'foster', { childId: 'B1', id: 'P1' })] }, first);
      // At one instant: the child, their event and another child's placement changed.
      await saveRecords(connection, scope, { children: [child({ childId: 'A1', firstName: 'Amy' })], events: [event('lac_review', '2020-01-02', null, { childId: 'A1', id: 'E1' })], placements: [placement('2020-01-01', '2020-02-01', 'foster', { childId: 'B1', id: 'P1' })] }, later);
    }
    const changes = await childHistory(connection, north, 'A1');
    expect(changes.map((c) => [c.entity, c.recordId, c.version, c.change, c.changedBy])).toEqual([
      ['child', 'A1', 1, 'edit', 'second'],
      ['event', 'E1', 1, 'edit', 'second'],
    ]);
    const changed = (c: (typeof changes)[number]) => (c.entity === 'child' ? 'first_name' : 'event_date');
    expect(changes.map((c) => [c.before[changed(c)], c.after[changed(c)]])).toEqual([
      [null, 'Amy'],
      ['2020-01-01', '2020-01-02'],
    ]);
    expect((await childHistory(connection, south, 'B1')).map((c) => [c.entity, c.recordId, c.changedBy])).toEqual([['placement', 'P1', 'second']]);
  });

  it('finds children by reference or name, any case, treating % and _ as themselves', async () => {
    await saveRecords(connection, north, { children: [child({ childId: 'A1', firstName: 'Amy', lastName: 'Adams' }), child({ childId: 'B_2' }), child({ childId: 'B32' })] }, { by: 't', at });
    expect((await searchChildren(connection, north, 'ADAMS', { offset: 0, limit: 10 })).children.map((c) => c.childId)).toEqual(['A1']);
    expect(await searchChildren(connection, north, 'b_', { offset: 0, limit: 10 })).toMatchObject({ total: 1, children: [{ childId: 'B_2' }] });
    expect((await searchChildren(connection, south, '', { offset: 0, limit: 10 })).total).toBe(0);
  });

  it('keeps an audit of who viewed and changed a record', async () => {
    await appendAudit(connection, north, { username: 'amy', action: 'view', entity: 'child', recordId: 'A1', clientIp: '192.0.2.7', at });
    expect(await auditOf(connection, north, 'child', 'A1')).toEqual([{ username: 'amy', action: 'view', entity: 'child', recordId: 'A1', childId: 'A1', clientIp: '192.0.2.7', at }]);
    expect(await auditOf(connection, south, 'child', 'A1')).toEqual([]);
  });
});
