import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedDemoIfEmpty } from '../../src/demo/seed.js';
import { findUser, grantsOf, setPasswordHash, type Connection } from '../../src/store/index.js';
import { hashPassword } from '../../src/app/secrets.js';
import { demoAccountUsable, ensureDemoAccount } from '../../src/web/demo-account.js';
import { d } from '../builders.js';
import { engines } from '../engines.js';

describe.each(engines)('the demo sign-in on $name', (engine) => {
  let connection: Connection;
  let dispose: () => Promise<void>;

  beforeEach(async () => {
    ({ connection, dispose } = await engine.open());
  });

  afterEach(async () => {
    await dispose();
  });

  it('is made with the demo authority, and can see that authority only', async () => {
    const demo = await seedDemoIfEmpty(connection, { children: 20, asAt: d('2024-06-01') });
    await ensureDemoAccount(connection, demo.code);
    const user = await findUser(connection, 'demo');
    expect((await grantsOf(connection, user?.id ?? 0)).map((g) => [g.scope.code, g.role])).toEqual([['DEMO01', 'admin']]);
    expect(await demoAccountUsable(connection)).toBe(true);
  });

  it('is no longer announced once its password has been changed', async () => {
    const demo = await seedDemoIfEmpty(connection, { children: 20, asAt: d('2024-06-01') });
    await ensureDemoAccount(connection, demo.code);
    await setPasswordHash(connection, (await findUser(connection, 'demo'))?.id ?? 0, await hashPassword('a private password'));
    expect(await demoAccountUsable(connection)).toBe(false);
  });
});
