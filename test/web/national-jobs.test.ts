// National refreshes as durable jobs (issue 18, point 1; docs/decisions/0024-durable-jobs.md): a
// page-only process queues the refresh once and shows its progress; another process does it and
// keeps the figures, which every process then reads; a refresh whose process stopped is done by
// another; a refresh that failed is said in its words.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/web/app.js';
import { activeJobs, addAuthority, beatJob, claimJob, findJob, finishJob, grantNationalAnalyst, saveRecords, type Connection } from '../../src/store/index.js';
import { nationalJobKind } from '../../src/app/national-figures.js';
import { engines } from '../engines.js';
import { threeAuthorities } from '../national-fixtures.js';
import { addTestUser, Client, textOf, today } from './harness.js';

/** Asks `look` until it gives something other than null or undefined (a job runs in the background). */
async function eventually<T>(look: () => Promise<T | null | undefined>): Promise<T> {
  for (let tries = 0; tries < 400; tries += 1) {
    const seen = await look();
    if (seen !== null && seen !== undefined) return seen;
    await new Promise((done) => setTimeout(done, 25));
  }
  throw new Error('it never happened');
}

describe.each(engines)('national refreshes as jobs on $name', (engine) => {
  let connection: Connection;
  let dispose: () => Promise<void>;
  let uploads: string;
  const apps: FastifyInstance[] = [];

  beforeEach(async () => {
    ({ connection, dispose } = await engine.open());
    uploads = mkdtempSync(join(tmpdir(), 'pace-national-jobs-'));
    for (const { authority, records } of threeAuthorities()) {
      const added = await addAuthority(connection, authority, 'test');
      if (!added.ok) throw new Error('fixture authority');
      await saveRecords(connection, added.value.scope, { children: records.map((r) => r.child), placements: records.flatMap((r) => r.placements), events: records.flatMap((r) => r.events) }, { by: 'fixture', at: '2021-05-01T09:00:00.000Z' });
    }
    await grantNationalAnalyst(connection, await addTestUser(connection, 'nina', []), 'test');
  });

  afterEach(async () => {
    for (const app of apps.splice(0)) await app.close();
    await dispose();
    rmSync(uploads, { recursive: true, force: true });
  });

  /** A process on the same database: serving pages only, or running jobs too; signed in as the analyst. */
  const process = async (runJobs: boolean, jobStaleAfterMs = 60_000): Promise<Client> => {
    const app = await buildApp({ connection, today: () => today, figuresWaitMs: 0, runJobs, jobStaleAfterMs, uploadsDir: uploads });
    apps.push(app);
    const client = new Client(app);
    await client.signIn('nina');
    return client;
  };

  const storedResults = async () => Number((await sql<{ n: number | string }>`select count(*) as n from national_results`.execute(connection.db)).rows[0]?.n);
  const nationalJobs = async () => (await sql<{ id: string }>`select id from jobs where kind = ${nationalJobKind}`.execute(connection.db)).rows.map((r) => r.id);

  it('is queued once by a process that serves pages only, shown while it waits, done by another process and read by both', async () => {
    const pages = await process(false);
    const first = await pages.get('/national?as_at=2021-05');
    expect(first.statusCode).toBe(202);
    expect(textOf(first.body)).toContain('National view as at 31 May 2021 Working out the figures pace is working out other figures first; the figures of every authority as at 31 May 2021 come next.');
    const [id] = await nationalJobs();
    expect(first.body).toContain(`<meta http-equiv="refresh" content="1"/>`);
    expect(first.body).toContain(`href="/national?as_at=2021-05&amp;job=${id}"`);
    // Asked again (the page refreshing itself, or another reader): the same refresh, not another.
    const second = await pages.get('/national/aims/2?as_at=2021-05');
    expect(second.statusCode).toBe(202);
    expect(second.body).toContain(`href="/national/aims/2?as_at=2021-05&amp;job=${id}"`);
    expect(await nationalJobs()).toEqual([id]);
    expect(await storedResults()).toBe(0);

    const runner = await process(true);
    const done = await eventually(async () => ((await findJob(connection, id as string))?.state === 'done' ? findJob(connection, id as string) : null));
    expect([done?.attempts, done?.result]).toEqual([1, { asAt: '2021-05-31', fromDate: '' }]);
    expect(await storedResults()).toBe(1);

    const shown = await pages.get(`/national?as_at=2021-05&job=${id}`);
    expect(shown.statusCode).toBe(200);
    expect(textOf(shown.body)).toContain('All authorities: 55.6% in time (95% confidence interval 39.6% to 70.5%), n = 36.');
    const alsoShown = await runner.get('/national/aims/2/table.csv?as_at=2021-05');
    expect(alsoShown.body.split('\r\n')[1]).toBe('ALP,Alpha Council,12,[c],[c],20,[c],60,38.7,78.1,20,within the 95% limits');
    // Read by both from the one row: no other refresh was queued.
    expect(await nationalJobs()).toEqual([id]);
    expect(await activeJobs(connection, nationalJobKind)).toEqual([]);
  });

  it('is worked out again, by a new refresh, once some authority’s data has changed', async () => {
    const runner = await process(true);
    await eventually(async () => ((await runner.get('/national?as_at=2021-05')).statusCode === 200 ? true : null));
    expect(await nationalJobs()).toHaveLength(1);
    const beta = threeAuthorities()[1];
    if (!beta) throw new Error('Beta');
    await sql`update authorities set record_changes = record_changes + 1 where code = ${beta.authority.code}`.execute(connection.db);
    await eventually(async () => ((await runner.get('/national?as_at=2021-05')).statusCode === 200 ? true : null));
    expect(await nationalJobs()).toHaveLength(2);
    // The figures for the older data are forgotten: they can never be asked for again.
    expect(await storedResults()).toBe(1);
  });

  it('is done by another process when the one doing it stopped, the page showing how far it had got', async () => {
    const pages = await process(false);
    expect((await pages.get('/national?as_at=2021-05')).statusCode).toBe(202);
    const [id] = await nationalJobs();
    // Taken by a process that said it was a quarter of the way, then nothing for ten seconds (killed).
    expect((await claimJob(connection, id as string, 'killed-process', Date.now() - 10_000))?.attempts).toBe(1);
    expect(await beatJob(connection, id as string, 'killed-process', { done: 4, total: 16 }, Date.now() - 10_000)).toBe(true);
    const waiting = await pages.get('/national?as_at=2021-05');
    expect(textOf(waiting.body)).toContain('pace is working out the figures of every authority as at 31 May 2021: 25% done.');
    expect(waiting.body).toContain('<progress max="16" value="4" aria-label="Progress">25%</progress>');

    await process(true, 400);
    const done = await eventually(async () => ((await findJob(connection, id as string))?.state === 'done' ? findJob(connection, id as string) : null));
    expect(done?.attempts).toBe(2);
    expect((await pages.get('/national?as_at=2021-05')).statusCode).toBe(200);
    expect(await nationalJobs()).toEqual([id]);
  });

  it('says why a refresh failed, in its words, to the page that was waiting for it', async () => {
    const pages = await process(false);
    await pages.get('/national?as_at=2021-05');
    const [id] = await nationalJobs();
    await claimJob(connection, id as string, 'a-process', Date.now());
    await finishJob(connection, id as string, 'a-process', { failure: 'The national figures could not be worked out because of a fault in pace.' }, Date.now());
    const failed = await pages.get(`/national?as_at=2021-05&job=${id}`);
    expect(failed.statusCode).toBe(503);
    expect(textOf(failed.body)).toContain('The national figures could not be worked out because of a fault in pace.');
    // Asked afresh, without the failed refresh: queued again.
    expect((await pages.get('/national?as_at=2021-05')).statusCode).toBe(202);
    expect(await nationalJobs()).toHaveLength(2);
  });

  it('queues no refresh for an aim that does not exist', async () => {
    const pages = await process(false);
    await sql`delete from jobs`.execute(connection.db);
    expect((await pages.get('/national/aims/9?as_at=2021-05')).statusCode).toBe(404);
    expect((await pages.get('/national/aims/aim-2/table.csv?as_at=2021-05')).statusCode).toBe(404);
    expect(await nationalJobs()).toEqual([]);
  });
});
