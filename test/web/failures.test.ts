import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeStore, openStore } from '../../src/store/index.js';
import { buildApp } from '../../src/web/app.js';
import { engines } from '../engines.js';
import { addTestUser, Client, openWeb, textOf, type WebFixture } from './harness.js';

describe.each(engines)('when something goes wrong, on $name', (engine) => {
  let web: WebFixture;

  beforeEach(async () => {
    web = await openWeb(engine);
    await addTestUser(web.connection, 'amy', [[web.north, 'viewer']]);
  });

  afterEach(async () => {
    await web.dispose();
  });

  it('answers an unknown address with a plain page not found', async () => {
    const response = await new Client(web.app).get('/no/such/page');
    expect(response.statusCode).toBe(404);
    expect(textOf(response.body)).toContain('Page not found There is no page at this address. Check it, or start again from the start page.');
  });

  it('says it is ready while its database answers, and not ready (503) once it does not, saying nothing more', async () => {
    expect((await web.app.inject({ method: 'GET', url: '/ready' })).json()).toEqual({ status: 'ready', database: 'ok' });
    const other = await engine.open();
    const connection = await openStore(other.url);
    const app = await buildApp({ connection });
    await closeStore(connection);
    const response = await app.inject({ method: 'GET', url: '/ready' });
    expect([response.statusCode, response.json()]).toEqual([503, { status: 'not ready', database: 'unreachable' }]);
    expect((await app.inject({ method: 'GET', url: '/health' })).json()).toEqual({ status: 'ok' });
    await app.close();
    await other.dispose();
  });

  it('answers a fault of ours with a plain page and a reference, never a stack trace', async () => {
    // A second app over its own connection to another database, which is then closed: every query fails.
    const other = await engine.open();
    const connection = await openStore(other.url);
    const app = await buildApp({ connection });
    const client = new Client(app);
    await client.get('/sign-in');
    await closeStore(connection);
    const response = await client.post('/sign-in', { username: 'amy', password: 'anything at all' });
    expect(response.statusCode).toBe(500);
    const text = textOf(response.body);
    expect(text).toContain('Sorry, there is a problem with the service Something went wrong on our side.');
    expect(text).toMatch(/If you report this, quote the reference req-\w+\./);
    expect(response.body).not.toMatch(/at \w+ \(|\.ts:\d+|Error:/);
    await app.close();
    await other.dispose();
  });

  it('answers an API fault with JSON and a reference', async () => {
    const other = await engine.open();
    const connection = await openStore(other.url);
    const app = await buildApp({ connection });
    await closeStore(connection);
    const response = await app.inject({ method: 'GET', url: '/api/v1/authorities', headers: { authorization: 'Bearer pace_x' } });
    expect(response.statusCode).toBe(500);
    expect(response.json()).toMatchObject({ error: { code: 'internal', reference: expect.stringMatching(/^req-/) } });
    await app.close();
    await other.dispose();
  });
});
