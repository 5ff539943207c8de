// The audit log in the database itself: no statement of any form may write over, change or remove an
// entry, and every entry is chained to the one before it by SHA-256, so that `pace audit --verify`
// finds an entry changed, deleted or inserted by someone who could get past the triggers
// (docs/decisions/0015-audit-chain.md).
import { createHash } from 'node:crypto';
import { sql, type Kysely, type KyselyPlugin } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importFiles } from '../src/ingest/import-files.js';
import { loadProfile } from '../src/ingest/profile.js';
import { auditChainMigration } from '../src/store/migrations/0013-audit-chain.js';
import { appendAudit, closeStore, insertAuditEntries, openStore, saveRecords, type AuthorityScope, type Connection } from '../src/store/index.js';
import type { Database } from '../src/store/schema.js';
import { d } from './builders.js';
import { pace } from './cli-harness.js';
import { engines, type TestEngine } from './engines.js';
import { addTestAuthority, cleanExport, writeFiles } from './ingest/fixtures.js';

const columns = '(id, authority_id, username, action, entity, record_id, child_id, client_ip, at)';
const forged = (id: number, authorityId: number) => `(${id}, ${authorityId}, 'mallory', 'view', 'child', 'Z9', 'Z9', '203.0.113.66', '2024-07-05T00:00:00.000Z')`;

/** What an attacker with the power to change the schema does first: takes the triggers off audit_log. */
async function dropAuditTriggers(engine: TestEngine, db: Kysely<Database>): Promise<void> {
  if (engine.name === 'postgres') {
    await sql`ALTER TABLE audit_log DISABLE TRIGGER USER`.execute(db);
    return;
  }
  const triggers = (await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'`.execute(db)).rows;
  expect(triggers.length).toBeGreaterThanOrEqual(3);
  for (const { name } of triggers) await sql.raw(`DROP TRIGGER ${name}`).execute(db);
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe.each(engines)('the audit log in the database, on $name', (engine) => {
  let connection: Connection;
  let url: string;
  let north: AuthorityScope;
  let south: AuthorityScope;
  let dispose: () => Promise<void>;

  beforeEach(async () => {
    const opened = await engine.open();
    ({ connection, url, dispose } = opened);
    north = await addTestAuthority(connection, 'NORTH');
    south = await addTestAuthority(connection, 'SOUTH');
  });

  afterEach(async () => {
    await dispose();
  });

  const rows = async () =>
    (await sql<{ id: number; username: string; record_id: string; prev_hash: string; hash: string }>`SELECT id, username, record_id, prev_hash, hash FROM audit_log ORDER BY id`.execute(connection.db)).rows.map((r) => ({ ...r, id: Number(r.id) }));

  const twoEntries = async () => {
    await appendAudit(connection, north, { username: 'pat', action: 'view', entity: 'child', recordId: 'A1', clientIp: '192.0.2.1', at: '2024-07-01T12:00:00.000Z' });
    await appendAudit(connection, north, { username: 'vic', action: 'edit', entity: 'event', recordId: 'EA1', childId: 'A1', clientIp: 'cli', at: '2024-07-02T12:00:00.000Z' });
  };

  it('refuses every statement that would write over, change or remove an entry, in every form the engine has', async () => {
    await twoEntries();
    const before = (await rows()).map((r) => `${r.id} ${r.username} ${r.record_id}`);
    expect(before).toEqual(['1 pat A1', '2 vic EA1']);
    const statements =
      engine.name === 'sqlite'
        ? [
            `REPLACE INTO audit_log ${columns} VALUES ${forged(1, north.id)}`,
            `INSERT OR REPLACE INTO audit_log ${columns} VALUES ${forged(1, north.id)}`,
            `INSERT INTO audit_log ${columns} VALUES ${forged(1, north.id)} ON CONFLICT(id) DO UPDATE SET username = excluded.username, record_id = excluded.record_id`,
            `INSERT INTO audit_log ${columns} VALUES ${forged(1, north.id)} ON CONFLICT DO NOTHING`,
            `INSERT OR IGNORE INTO audit_log ${columns} VALUES ${forged(1, north.id)}`,
            `INSERT INTO audit_log ${columns} VALUES ${forged(2, north.id)}`,
            `UPDATE OR REPLACE audit_log SET username = 'mallory' WHERE id = 1`,
            `UPDATE OR REPLACE audit_log SET id = 1 WHERE id = 2`,
            `UPDATE audit_log SET username = 'mallory'`,
            `DELETE FROM audit_log WHERE id = 1`,
          ]
        : [
            `INSERT INTO audit_log ${columns} VALUES ${forged(1, north.id)} ON CONFLICT (id) DO UPDATE SET username = EXCLUDED.username, record_id = EXCLUDED.record_id`,
            `INSERT INTO audit_log ${columns} VALUES ${forged(1, north.id)} ON CONFLICT DO NOTHING`,
            `INSERT INTO audit_log ${columns} VALUES ${forged(2, north.id)}`,
            `UPDATE audit_log SET username = 'mallory'`,
            `DELETE FROM audit_log WHERE id = 1`,
            'TRUNCATE audit_log',
            `MERGE INTO audit_log USING (SELECT 1 AS id) AS s ON audit_log.id = s.id WHEN MATCHED THEN UPDATE SET username = 'mallory'`,
            'MERGE INTO audit_log USING (SELECT 1 AS id) AS s ON audit_log.id = s.id WHEN MATCHED THEN DELETE',
          ];
    const outcomes: string[] = [];
    for (const statement of statements) {
      try {
        await sql.raw(statement).execute(connection.db);
        outcomes.push(`accepted: ${statement}`);
      } catch (error) {
        outcomes.push(/audit_log is append-only/.test(String(error)) ? 'refused' : `failed otherwise (${String(error)}): ${statement}`);
      }
    }
    expect(outcomes).toEqual(statements.map(() => 'refused'));
    expect((await rows()).map((r) => `${r.id} ${r.username} ${r.record_id}`)).toEqual(before);
  });

  it('chains each entry to the one before it of the same authority: prev_hash, and hash = SHA-256 of prev_hash and the entry', async () => {
    await twoEntries();
    await appendAudit(connection, south, { username: 'sam', action: 'view', entity: 'child', recordId: 'S1', clientIp: '192.0.2.9', at: '2024-07-03T12:00:00.000Z' });
    const zero = '0'.repeat(64);
    // Worked with `printf '%s\n%s' PREV CONTENT | sha256sum`: NORTH's id is 1, SOUTH's 2.
    const first = '8fcec47ea4faf3be9498dfb63923a914a61c46ca8434c0c75a090ad4a40eb959';
    const second = 'f18a7250bd5ccf5a3f103c4d340c39391c58efe9ebcd5bd71580b8a38f7ad6b7';
    expect(sha256(`${zero}\n[1,"pat","view","child","A1","A1","192.0.2.1","2024-07-01T12:00:00.000Z"]`)).toBe(first);
    expect(await rows()).toEqual([
      { id: 1, username: 'pat', record_id: 'A1', prev_hash: zero, hash: first },
      { id: 2, username: 'vic', record_id: 'EA1', prev_hash: first, hash: second },
      { id: 3, username: 'sam', record_id: 'S1', prev_hash: zero, hash: sha256(`${zero}\n[2,"sam","view","child","S1","S1","192.0.2.9","2024-07-03T12:00:00.000Z"]`) },
    ]);
  });

  it('keeps one unbroken chain for each authority when many requests write entries at once', async () => {
    const writes: Promise<unknown>[] = [];
    for (let i = 0; i < 24; i++) {
      writes.push(appendAudit(connection, i % 3 === 2 ? south : north, { username: `u${i}`, action: 'view', entity: 'child', recordId: `C${i}`, clientIp: '192.0.2.1' }));
      if (i % 6 === 0) writes.push(saveRecords(connection, north, { children: [{ childId: `K${i}`, firstName: null, lastName: null, dateOfBirth: d('2015-01-01'), sex: null, siblingGroup: null, worker: null, team: null, locality: null }], placements: [], events: [] }, { by: 'pat' }, { audit: { clientIp: '192.0.2.2' } }));
    }
    await Promise.all(writes);
    const chained = (await sql<{ authority_id: number; prev_hash: string; hash: string }>`SELECT authority_id, prev_hash, hash FROM audit_log ORDER BY id`.execute(connection.db)).rows;
    expect(chained.length).toBe(28);
    for (const scope of [north, south]) {
      const own = chained.filter((r) => Number(r.authority_id) === scope.id);
      const links = own.map((r, i) => r.prev_hash === (i === 0 ? '0'.repeat(64) : own[i - 1]?.hash));
      expect(links).toEqual(own.map(() => true));
    }
    for (const code of ['NORTH', 'SOUTH']) expect((await pace(['audit', '--verify', '--authority', code], { DATABASE_URL: url })).code).toBe(0);
  });


  it('writes entries asked for while others are written as one group, in the order asked, and fails only an entry that cannot be written', async () => {
    const view = (n: string, username = `u${n}`) => appendAudit(connection, north, { username, action: 'view', entity: 'waiting-list', recordId: `/a/NORTH/waiting?n=${n}`, childId: null, clientIp: '192.0.2.1' });
    // The first starts a transaction; the rest arrive while it is written and go in the next one together.
    const written = ['0', '1', '2', '3', '4', '5'].map((n) => view(n));
    const refused = view('bad', null as unknown as string);
    const after = ['6', '7'].map((n) => view(n));
    await Promise.all(written);
    await expect(refused).rejects.toThrow();
    await Promise.all(after);
    expect((await rows()).map((r) => [r.username, r.record_id])).toEqual(['0', '1', '2', '3', '4', '5', '6', '7'].map((n) => [`u${n}`, `/a/NORTH/waiting?n=${n}`]));
    expect((await pace(['audit', '--verify', '--authority', 'NORTH'], { DATABASE_URL: url })).code).toBe(0);
  });
  it('writes a view in one statement after the head its last one left (PostgreSQL), in two once another writer has moved it', async () => {
    // Every statement sent counted (begin and commit are not statements of the query builder).
    const sent: string[] = [];
    const counting: KyselyPlugin = {
      transformQuery: (args) => {
        sent.push(args.node.kind);
        return args.node;
      },
      transformResult: async (args) => args.result,
    };
    // Each a process of its own as far as its audit entries go (the heads they left are kept by connection).
    const counted: Connection = { ...connection, db: connection.db.withPlugin(counting) };
    const another: Connection = { ...connection, db: connection.db.withPlugin(counting) };
    const view = async (recordId: string, by = counted) => {
      sent.length = 0;
      await appendAudit(by, north, { username: 'pat', action: 'view', entity: 'child', recordId, clientIp: '192.0.2.1' });
      return sent.length;
    };
    const postgres = engine.name === 'postgres';
    const usual = 3; // take the head, insert, move the head
    // The authority has no head yet: PostgreSQL's one statement finds none, and the usual way makes it.
    expect(await view('A1')).toBe(postgres ? 1 + usual : usual);
    expect(await view('A2')).toBe(postgres ? 1 : usual);
    expect(await view('A3')).toBe(postgres ? 1 : usual);
    // A record saved, and its change audited in the save's transaction, moves the head: the view's
    // statement writes nothing and gives the head as it is, and the view is written after it.
    await saveRecords(connection, north, { children: [{ childId: 'K1', firstName: null, lastName: null, dateOfBirth: d('2015-01-01'), sex: null, siblingGroup: null, worker: null, team: null, locality: null }], placements: [], events: [] }, { by: 'sam' }, { audit: { clientIp: '192.0.2.2' } });
    expect(await view('A4')).toBe(postgres ? 2 : usual);
    // Another process's first view: it knows no head, so its first statement only finds it.
    expect(await view('A5', another)).toBe(postgres ? 2 : usual);
    // Text that must be stored as it was hashed: quotes, a backslash, a line break, any script.
    const awkward = `A6 'O\u2019Brien' "x" \\ \n é 🙂`;
    expect(await view(awkward)).toBe(postgres ? 2 : usual);
    expect(await view('A7')).toBe(postgres ? 1 : usual);
    const written = await rows();
    expect(written.map((r) => [r.id, r.username, r.record_id])).toEqual([
      [1, 'pat', 'A1'],
      [2, 'pat', 'A2'],
      [3, 'pat', 'A3'],
      [4, 'sam', 'K1'],
      [5, 'pat', 'A4'],
      [6, 'pat', 'A5'],
      [7, 'pat', awkward],
      [8, 'pat', 'A7'],
    ]);
    expect(written.slice(1).map((r, i) => r.prev_hash === written[i]?.hash)).toEqual([true, true, true, true, true, true, true]);
    const verified = await pace(['audit', '--verify', '--authority', 'NORTH'], { DATABASE_URL: url });
    expect([verified.code, verified.out.split('\n')[0]]).toEqual([0, 'The audit log of NORTH is whole: 8 entries, each chained to the one before it.']);
  });

  it('chains the entry of an import, written on the import’s own thread on SQLite', async () => {
    const profile = loadProfile('canonical');
    if (!profile.ok) throw new Error('the canonical profile does not load');
    await twoEntries();
    const report = await importFiles(connection, { path: writeFiles(cleanExport), scope: north, profile: profile.value, dryRun: false, by: 'ops', today: d('2026-11-01'), clientIp: 'cli', writeWhileReadingFrom: 0 });
    expect(report.outcome).toBe('imported');
    const verified = await pace(['audit', '--verify', '--authority', 'NORTH'], { DATABASE_URL: url });
    expect([verified.code, verified.out.split('\n')[0]]).toEqual([0, 'The audit log of NORTH is whole: 3 entries, each chained to the one before it.']);
  });

  it('chains the entries written before the chain began, in the order they were written', async () => {
    await twoEntries();
    const migration = auditChainMigration(connection.capabilities);
    await migration.down?.(connection.db as Kysely<unknown>);
    await sql.raw(`INSERT INTO audit_log (authority_id, username, action, entity, record_id, child_id, client_ip, at) VALUES (${south.id}, 'sam', 'view', 'child', 'S1', 'S1', '192.0.2.9', '2024-07-03T12:00:00.000Z')`).execute(connection.db);
    await migration.up(connection.db as Kysely<unknown>);
    const chained = await rows();
    expect(chained.map((r) => [r.id, r.hash])).toEqual([
      [1, '8fcec47ea4faf3be9498dfb63923a914a61c46ca8434c0c75a090ad4a40eb959'],
      [2, 'f18a7250bd5ccf5a3f103c4d340c39391c58efe9ebcd5bd71580b8a38f7ad6b7'],
      [3, sha256(`${'0'.repeat(64)}\n[2,"sam","view","child","S1","S1","192.0.2.9","2024-07-03T12:00:00.000Z"]`)],
    ]);
    // New entries go on from there.
    await appendAudit(connection, north, { username: 'pat', action: 'view', entity: 'child', recordId: 'A2', clientIp: '192.0.2.1' });
    expect((await rows())[3]?.prev_hash).toBe('f18a7250bd5ccf5a3f103c4d340c39391c58efe9ebcd5bd71580b8a38f7ad6b7');
    expect((await pace(['audit', '--verify', '--authority', 'NORTH'], { DATABASE_URL: url })).code).toBe(0);
  });

  describe('pace audit --verify', () => {
    const verify = (...more: string[]) => pace(['audit', '--verify', '--authority', 'NORTH', ...more], { DATABASE_URL: url });

    /** Five entries of NORTH (ids 1, 2, 4, 5, 6) and one of SOUTH (id 3). */
    const fiveEntries = async () => {
      await twoEntries();
      await appendAudit(connection, south, { username: 'sam', action: 'view', entity: 'child', recordId: 'S1', clientIp: '192.0.2.9', at: '2024-07-03T12:00:00.000Z' });
      for (const [i, recordId] of ['B2', 'C3', 'D4'].entries()) await appendAudit(connection, north, { username: 'pat', action: 'view', entity: 'child', recordId, clientIp: '192.0.2.1', at: `2024-07-0${4 + i}T12:00:00.000Z` });
    };
    const hashOf = async (id: number) => (await rows()).find((r) => r.id === id)?.hash ?? '';

    it('says the log is whole, with its last entry and hash to keep, and exits 0', async () => {
      await fiveEntries();
      const last = await hashOf(6);
      expect(await verify()).toEqual({
        code: 0,
        out: `The audit log of NORTH is whole: 5 entries, each chained to the one before it.\nIts last entry is 6, with hash ${last}.\nKeep that to check later that nothing before it has been rewritten: pace audit --verify --authority NORTH --anchor 6:${last}\n`,
        err: '',
      });
      expect(JSON.parse((await verify('--json')).out)).toEqual({ authority: 'NORTH', whole: true, entries: 5, last: { id: 6, hash: last }, broken_at: null, problem: null, message: null });
      expect((await verify('--anchor', `6:${last}`)).code).toBe(0);
      expect(await pace(['audit', '--verify', '--authority', 'NORTH', '--user', 'pat'], { DATABASE_URL: url })).toEqual({ code: 2, out: '', err: 'pace: --verify checks the whole log of the authority: leave out --child, --user, --action, --from and --to\n' });
    });

    it('finds an entry changed by someone who dropped the triggers first, by its id, and exits 1', async () => {
      await fiveEntries();
      await dropAuditTriggers(engine, connection.db);
      await sql`UPDATE audit_log SET username = 'someone else' WHERE id = 2`.execute(connection.db);
      expect(await verify()).toEqual({ code: 1, out: 'The audit log of NORTH is broken at entry 2: entry 2 has been changed since it was written (its contents no longer give its hash).\n', err: '' });
      expect(JSON.parse((await verify('--json')).out)).toMatchObject({ whole: false, broken_at: 2, problem: 'changed' });
    });

    it('finds an entry changed, its hash and every later hash worked out again, only against an anchor kept from an earlier check', async () => {
      await fiveEntries();
      const anchor = `5:${await hashOf(5)}`;
      await dropAuditTriggers(engine, connection.db);
      // A careful forger rewrites entry 2 and every hash after it, and the chain's head.
      const chain = (await sql<{ id: number; authority_id: number; username: string; action: string; entity: string; record_id: string; child_id: string | null; client_ip: string | null }>`SELECT id, authority_id, username, action, entity, record_id, child_id, client_ip FROM audit_log WHERE authority_id = ${north.id} ORDER BY id`.execute(connection.db)).rows;
      let previous = '0'.repeat(64);
      const days = ['2024-07-01', '2024-07-02', '2024-07-04', '2024-07-05', '2024-07-06'];
      for (const [i, r] of chain.entries()) {
        const username = Number(r.id) === 2 ? 'someone else' : r.username;
        const hash = sha256(`${previous}\n${JSON.stringify([north.id, username, r.action, r.entity, r.record_id, r.child_id, r.client_ip, `${days[i]}T12:00:00.000Z`])}`);
        await sql`UPDATE audit_log SET username = ${username}, prev_hash = ${previous}, hash = ${hash} WHERE id = ${r.id}`.execute(connection.db);
        previous = hash;
      }
      await sql`UPDATE audit_chain_heads SET hash = ${previous} WHERE authority_id = ${north.id}`.execute(connection.db);
      expect((await verify()).code).toBe(0);
      expect(await verify('--anchor', anchor)).toEqual({
        code: 1,
        out: `The audit log of NORTH is broken at entry 5: entry 5 is not the entry an earlier check found (its hash was ${anchor.slice(2)}): the log has been rewritten up to it.\n`,
        err: '',
      });
      expect((await verify('--anchor', 'five')).code).toBe(2);
    });

    it('finds an entry deleted, by the entry after it, and exits 1', async () => {
      await fiveEntries();
      await dropAuditTriggers(engine, connection.db);
      await sql`DELETE FROM audit_log WHERE id = 4`.execute(connection.db);
      expect(await verify()).toEqual({ code: 1, out: 'The audit log of NORTH is broken at entry 5: entry 5 does not follow entry 2: the entries between them have been deleted, or entry 2 has been replaced.\n', err: '' });
    });

    it('finds the last entries deleted, by the chain’s head', async () => {
      await fiveEntries();
      await dropAuditTriggers(engine, connection.db);
      await sql`DELETE FROM audit_log WHERE id >= 5`.execute(connection.db);
      expect(await verify()).toEqual({ code: 1, out: 'The audit log of NORTH is broken after entry 4: the entries after entry 4 have been deleted (the chain’s head is entry 6).\n', err: '' });
    });

    it('finds an entry inserted between two others, by its id', async () => {
      await fiveEntries();
      await dropAuditTriggers(engine, connection.db);
      // Make room after entry 2 and put a forged entry there, chained to entry 2 as pace would.
      await sql`UPDATE audit_log SET id = id + 100 WHERE id >= 4`.execute(connection.db);
      const after2 = await hashOf(2);
      const content = JSON.stringify([north.id, 'mallory', 'view', 'child', 'Z9', 'Z9', '203.0.113.66', '2024-07-03T13:00:00.000Z']);
      await sql`INSERT INTO audit_log (id, authority_id, username, action, entity, record_id, child_id, client_ip, at, prev_hash, hash) VALUES (50, ${north.id}, 'mallory', 'view', 'child', 'Z9', 'Z9', '203.0.113.66', '2024-07-03T13:00:00.000Z', ${after2}, ${sha256(`${after2}\n${content}`)})`.execute(connection.db);
      expect(await verify()).toEqual({ code: 1, out: 'The audit log of NORTH is broken at entry 50: entry 50 has been inserted between entry 2 and entry 104, which follows entry 2.\n', err: '' });
    });

    it('finds an entry added by someone other than pace, after the chain’s head', async () => {
      await fiveEntries();
      // No trigger stops an INSERT of a new entry: the head, which pace moves with every entry, does.
      const last = await hashOf(6);
      const content = JSON.stringify([north.id, 'mallory', 'view', 'child', 'Z9', 'Z9', '203.0.113.66', '2024-07-07T13:00:00.000Z']);
      await sql`INSERT INTO audit_log (id, authority_id, username, action, entity, record_id, child_id, client_ip, at, prev_hash, hash) VALUES (7, ${north.id}, 'mallory', 'view', 'child', 'Z9', 'Z9', '203.0.113.66', '2024-07-07T13:00:00.000Z', ${last}, ${sha256(`${last}\n${content}`)})`.execute(connection.db);
      expect(await verify()).toEqual({ code: 1, out: 'The audit log of NORTH is broken at entry 7: entry 7 was not written by pace: the chain’s head is entry 6.\n', err: '' });
    });
  });
});

// Several processes share one database only on PostgreSQL (a SQLite file has one process).
describe.each(engines.filter((engine) => engine.name === 'postgres'))('the audit log written by two processes, on $name', (engine) => {
  let connection: Connection;
  let url: string;
  let north: AuthorityScope;
  let dispose: () => Promise<void>;

  beforeEach(async () => {
    ({ connection, url, dispose } = await engine.open());
    north = await addTestAuthority(connection, 'NORTH');
  });

  afterEach(async () => {
    await dispose();
  });

  const rows = async () => (await sql<{ username: string; record_id: string }>`SELECT username, record_id FROM audit_log ORDER BY id`.execute(connection.db)).rows;

  it('waits for a writer that holds the chain’s head, and writes a view after the head that writer left', async () => {
    const other = await openStore(url);
    try {
      const view = (recordId: string) => appendAudit(connection, north, { username: 'pat', action: 'view', entity: 'child', recordId, clientIp: '192.0.2.1' });
      await view('V1');
      let viewed: Promise<void> | null = null;
      await other.db.transaction().execute(async (trx) => {
        // The other process takes the head and moves it, and has not committed when the view is asked for.
        await insertAuditEntries(trx, north, [{ username: 'sam', action: 'import', entity: 'import', recordId: '1', childId: null, clientIp: 'cli' }]);
        viewed = view('V2');
        await new Promise((resolve) => setTimeout(resolve, 200));
      });
      await viewed;
    } finally {
      await closeStore(other);
    }
    expect((await rows()).map((r) => [r.username, r.record_id])).toEqual([
      ['pat', 'V1'],
      ['sam', '1'],
      ['pat', 'V2'],
    ]);
    const verified = await pace(['audit', '--verify', '--authority', 'NORTH'], { DATABASE_URL: url });
    expect([verified.code, verified.out.split('\n')[0]]).toEqual([0, 'The audit log of NORTH is whole: 3 entries, each chained to the one before it.']);
  });

  it('keeps one chain when two processes write an authority’s views at once, records saved between them', async () => {
    // A second pool on the same database, as a second web process behind a load balancer: each
    // process's next group is chained after the head its own last group left, which the other's
    // writes keep moving (PostgreSQL: appendAtHead finds it moved and the group is written the usual way).
    const other = await openStore(url);
    try {
      const writes: Promise<unknown>[] = [];
      for (let i = 0; i < 30; i++) {
        writes.push(appendAudit(i % 2 === 0 ? connection : other, north, { username: `viewer${i % 2}`, action: 'view', entity: 'child', recordId: `C${i}`, clientIp: '192.0.2.1' }));
        if (i % 10 === 5) writes.push(saveRecords(other, north, { children: [{ childId: `K${i}`, firstName: null, lastName: null, dateOfBirth: d('2015-01-01'), sex: null, siblingGroup: null, worker: null, team: null, locality: null }], placements: [], events: [] }, { by: 'pat' }, { audit: { clientIp: '192.0.2.2' } }));
        if (i % 3 === 0) await new Promise((resolve) => setTimeout(resolve, 1));
      }
      await Promise.all(writes);
    } finally {
      await closeStore(other);
    }
    const written = await rows();
    expect(written.length).toBe(33);
    expect(written.filter((r) => r.username.startsWith('viewer')).map((r) => r.record_id).sort()).toEqual(Array.from({ length: 30 }, (_, i) => `C${i}`).sort());
    const verified = await pace(['audit', '--verify', '--authority', 'NORTH'], { DATABASE_URL: url });
    expect([verified.code, verified.out.split('\n')[0]]).toEqual([0, 'The audit log of NORTH is whole: 33 entries, each chained to the one before it.']);
  });
});
