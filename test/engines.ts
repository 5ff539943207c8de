// The engines every store test runs against (docs/architecture.md, "How the code reads" 8): SQLite always, PostgreSQL when
// TEST_DATABASE_URL is set. Each opened store is a fresh, empty, migrated database.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { addAuthority, closeStore, openStore, type AuthorityScope, type Connection } from '../src/store/index.js';

export interface TestEngine {
  readonly name: 'sqlite' | 'postgres';
  /** A fresh migrated database, and a way to throw it away. */
  open(): Promise<{ connection: Connection; url: string; dispose(): Promise<void> }>;
}

const postgresUrl = process.env.TEST_DATABASE_URL;

if (!postgresUrl) {
  if (process.env.PACE_REQUIRE_ALL_SUITES === '1') throw new Error('TEST_DATABASE_URL is not set, but every suite must run (PACE_REQUIRE_ALL_SUITES=1).');
  console.warn('NOTICE: TEST_DATABASE_URL is not set: the PostgreSQL store suite is skipped. Set it (e.g. postgres://postgres@127.0.0.1:5432/test) to run it.');
}

const sqlite: TestEngine = {
  name: 'sqlite',
  async open() {
    const dir = mkdtempSync(join(tmpdir(), 'pace-test-'));
    const url = `sqlite:${join(dir, 'pace.sqlite')}`;
    const connection = await openStore(url);
    return {
      connection,
      url,
      async dispose() {
        await closeStore(connection);
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
};

const postgres: TestEngine = {
  name: 'postgres',
  async open() {
    const name = `pace_test_${randomBytes(6).toString('hex')}`;
    await adminQuery(`CREATE DATABASE ${name}`);
    const url = withDatabase(postgresUrl as string, name);
    const connection = await openStore(url);
    return {
      connection,
      url,
      async dispose() {
        await closeStore(connection);
        await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      },
    };
  },
};

export const engines: readonly TestEngine[] = postgresUrl ? [sqlite, postgres] : [sqlite];

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: postgresUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** A fresh store on `engine` holding two authorities, NORTH and SOUTH (no programme start), for tests that keep them apart. */
export async function openTwoAuthorities(engine: TestEngine): Promise<{ connection: Connection; north: AuthorityScope; south: AuthorityScope; dispose(): Promise<void> }> {
  const { connection, dispose } = await engine.open();
  const a = await addAuthority(connection, { code: 'NORTH', name: 'North Council', programmeStart: null }, 'test');
  const b = await addAuthority(connection, { code: 'SOUTH', name: 'South Council', programmeStart: null }, 'test');
  if (!a.ok || !b.ok) throw new Error('fixture authorities');
  return { connection, north: a.value.scope, south: b.value.scope, dispose };
}
