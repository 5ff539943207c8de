// Issue 18, point 3: a page whose figures are not ready within a moment says "working out the
// figures", shows how far the work has got, refreshes itself (and offers a plain link that does the
// same without script), and becomes the page asked for once they are ready.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FiguresCache } from '../../src/app/figures-cache.js';
import { generateAuthority } from '../../src/demo/generate.js';
import { addAuthority, dataVersion, findAuthority, saveRecords } from '../../src/store/index.js';
import { d } from '../builders.js';
import { engines } from '../engines.js';
import { saveNorth } from './fixtures.js';
import { addTestUser, Client, openWeb, textOf, type WebFixture } from './harness.js';

describe.each(engines)('working out the figures on $name', (engine) => {
  let web: WebFixture;
  let client: Client;

  beforeEach(async () => {
    // Pages wait not at all for their figures: each new as-at date shows the working-out page first.
    web = await openWeb(engine, { figuresWaitMs: 0 });
    await saveNorth(web.connection, web.north);
    await addTestUser(web.connection, 'vic', [[web.north, 'viewer']]);
    client = new Client(web.app);
    await client.signIn('vic');
  });

  afterEach(async () => {
    await web.dispose();
  });

  /** Asks for `url` until it stops answering 202, at most two seconds. */
  const whenReady = async (url: string) => {
    for (let tries = 0; tries < 200; tries += 1) {
      const page = await client.get(url);
      if (page.statusCode !== 202) return page;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error(`${url} was never ready`);
  };

  for (const url of ['/a/NORTH?as_at=2021-03-01', '/a/NORTH/aims/aim-1?as_at=2021-03-01', '/a/NORTH/waiting?as_at=2021-03-01']) {
    it(`shows how far the work has got at ${url}, refreshing itself, then the page`, async () => {
      const first = await client.get(url);
      expect(first.statusCode).toBe(202);
      expect(first.body).toContain('<meta http-equiv="refresh" content="1"/>');
      expect(textOf(first.body)).toContain('North Council as at 1 March 2021 Working out the figures');
      expect(first.body).toContain(`<a class="ds_link" href="${url.replace(/&/g, '&amp;')}">check again</a>`);
      expect(first.body).toMatch(/<progress max="\d+" value="\d+" aria-label="Progress">/);
      const ready = await whenReady(url);
      expect(ready.statusCode).toBe(200);
      expect(ready.body).not.toContain('http-equiv="refresh"');
      expect(textOf(ready.body)).toContain('1 March 2021');
    });
  }

  it('serves figures already worked out at once', async () => {
    await whenReady('/a/NORTH?as_at=2021-03-01');
    expect((await client.get('/a/NORTH?as_at=2021-03-01')).statusCode).toBe(200);
  });
});

describe.each(engines)('the figures cache on $name, asked with a wait', (engine) => {
  it('gives the figures when ready, how far they have got while worked out, and null while they wait for others', async () => {
    const { connection, dispose } = await engine.open();
    try {
      const generated = generateAuthority({ code: 'EAST', name: 'East', children: 2_000, seed: 'working-out', asAt: d('2026-01-01'), firstYear: 2017 });
      await addAuthority(connection, generated.authority, 'test');
      const east = await findAuthority(connection, 'EAST');
      if (!east) throw new Error('fixture authority');
      await saveRecords(connection, east.scope, { children: generated.records.map((r) => r.child), placements: generated.records.flatMap((r) => r.placements), events: generated.records.flatMap((r) => r.events) }, { by: 'test' });
      const cache = new FiguresCache(connection);
      const every = { team: null, locality: null, worker: null };
      // Two connections open, so that the question below is answered at once, not after a new
      // connection is made: on a busy machine, long enough for the first date to be worked out.
      await Promise.all([dataVersion(connection, east.scope), dataVersion(connection, east.scope)]);
      // A new date: its figures are being worked out (with no wait, the answer is how far they have got).
      const during = await cache.figuresWithin(east, d('2025-06-01'), every, 0);
      expect('progress' in during && during.progress !== null && during.progress.done < during.progress.total).toBe(true);
      // Another, asked meanwhile, waits its turn: no progress of its own yet.
      expect(await cache.figuresWithin(east, d('2025-07-01'), every, 0)).toEqual({ progress: null });
      const ready = await cache.figuresWithin(east, d('2025-06-01'), every, 60_000);
      expect('figures' in ready && ready.figures.asAt.toString()).toBe('2025-06-01');
    } finally {
      await dispose();
    }
  });
});
