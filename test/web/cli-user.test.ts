import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addAuthority, closeStore, findUser, grantsOf, openStore } from '../../src/store/index.js';
import { buildApp } from '../../src/web/app.js';
import { verifyPassword } from '../../src/app/secrets.js';
import { pace } from '../cli-harness.js';
import { engines } from '../engines.js';

describe.each(engines)('pace user on $name', (engine) => {
  let env: NodeJS.ProcessEnv;
  let dispose: () => Promise<void>;

  beforeEach(async () => {
    const opened = await engine.open();
    await addAuthority(opened.connection, { code: 'NORTH', name: 'North Council', programmeStart: null }, 'test');
    env = { DATABASE_URL: opened.url, USER: 'admin' };
    dispose = opened.dispose;
  });

  afterEach(async () => {
    await dispose();
  });

  async function withConnection<T>(work: (connection: Awaited<ReturnType<typeof openStore>>) => Promise<T>): Promise<T> {
    const connection = await openStore(env.DATABASE_URL);
    try {
      return await work(connection);
    } finally {
      await closeStore(connection);
    }
  }

  it('adds a user with a role, keeping only a hash of the password read from standard input', async () => {
    const run = await pace(['user', 'add', 'amy', '--authority', 'north', '--role', 'data_lead', '--name', 'Amy Adams', '--password-stdin'], env, 'a long enough password\n');
    expect(run).toEqual({ code: 0, out: 'Added amy, data-lead in NORTH.\n', err: '' });
    const user = await withConnection((c) => findUser(c, 'amy'));
    expect(user?.passwordHash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await verifyPassword('a long enough password', user?.passwordHash ?? '')).toBe(true);
    expect((await withConnection((c) => grantsOf(c, user?.id ?? 0))).map((g) => [g.scope.code, g.role])).toEqual([['NORTH', 'data-lead']]);
  });

  it('makes and prints a password when none is given', async () => {
    const run = await pace(['user', 'add', 'ben', '--authority', 'NORTH', '--role', 'viewer'], env);
    const password = /Password \(shown once\): (\S+)\n$/.exec(run.out)?.[1] ?? '';
    expect(password).toHaveLength(20);
    expect(await verifyPassword(password, (await withConnection((c) => findUser(c, 'ben')))?.passwordHash ?? '')).toBe(true);
  });

  it('refuses a short password, an unknown role, an existing user and an unknown authority', async () => {
    expect(await pace(['user', 'add', 'amy', '--authority', 'NORTH', '--role', 'viewer', '--password-stdin'], env, 'short\n')).toEqual({ code: 2, out: '', err: 'pace: the password is too short: 5 characters (at least 10)\n' });
    expect((await pace(['user', 'add', 'amy', '--authority', 'NORTH', '--role', 'boss'], env)).err).toContain("error: option '--role <role>' argument 'boss' is invalid. not a role: boss (one of partner, viewer, practitioner, data-lead, admin)");
    await pace(['user', 'add', 'amy', '--authority', 'NORTH', '--role', 'viewer'], env);
    expect((await pace(['user', 'add', 'amy', '--authority', 'NORTH', '--role', 'viewer'], env)).err).toBe('pace: a user called amy already exists\n');
    expect((await pace(['user', 'add', 'cal', '--authority', 'SOUTH', '--role', 'viewer'], env)).err).toBe('pace: no authority with code SOUTH (see: pace authority list)\n');
  });

  it('adds a multi-agency partner with the partner role, and lists them', async () => {
    expect(await pace(['user', 'add', 'pam', '--authority', 'NORTH', '--role', 'partner', '--password-stdin'], env, 'a long enough password\n')).toEqual({ code: 0, out: 'Added pam, partner in NORTH.\n', err: '' });
    expect((await pace(['user', 'list'], env)).out).toBe(`${'pam'.padEnd(20)} partner in NORTH\n`);
    const user = await withConnection((c) => findUser(c, 'pam'));
    expect((await withConnection((c) => grantsOf(c, user?.id ?? 0))).map((g) => [g.scope.code, g.role])).toEqual([['NORTH', 'partner']]);
  });

  it('lists users with their roles, and changes a role', async () => {
    await pace(['user', 'add', 'amy', '--authority', 'NORTH', '--role', 'viewer'], env);
    expect((await pace(['user', 'grant', 'amy', '--authority', 'NORTH', '--role', 'admin'], env)).out).toBe('amy is now admin in NORTH.\n');
    expect((await pace(['user', 'list'], env)).out).toBe(`${'amy'.padEnd(20)} admin in NORTH\n`);
  });

  it('makes an API token that the API accepts, until it is revoked', async () => {
    await pace(['user', 'add', 'cms', '--authority', 'NORTH', '--role', 'practitioner'], env);
    const made = await pace(['user', 'token', 'cms', '--name', 'case management'], env);
    const token = /\n(pace_[A-Za-z0-9_-]{43})\n/.exec(made.out)?.[1] ?? '';
    expect(made.out).toMatch(/^API token 1 for cms \(case management\), shown once:\n/);
    const status = () =>
      withConnection(async (connection) => {
        const app = await buildApp({ connection });
        const response = await app.inject({ method: 'GET', url: '/api/v1/authorities', headers: { authorization: `Bearer ${token}` } });
        await app.close();
        return response.statusCode;
      });
    expect(await status()).toBe(200);
    expect((await pace(['user', 'tokens', 'cms'], env)).out).toMatch(/^1 {6}case management \(made \d{4}-\d\d-\d\dT/);
    expect((await pace(['user', 'revoke-token', 'cms', '1'], env)).out).toBe('Revoked API token 1 of cms.\n');
    expect(await status()).toBe(401);
  });

  it('changes a password read from standard input', async () => {
    await pace(['user', 'add', 'amy', '--authority', 'NORTH', '--role', 'viewer'], env);
    expect((await pace(['user', 'password', 'amy'], env, 'another long password\n')).out).toBe('Password changed for amy.\n');
    expect(await verifyPassword('another long password', (await withConnection((c) => findUser(c, 'amy')))?.passwordHash ?? '')).toBe(true);
  });
});
