// Meeting-pack and poster PDFs as durable jobs (issue 18, point 1; docs/decisions/0024-durable-jobs.md,
// "PDFs"): a PDF asked for on one process is made by whichever runs jobs and served by any other
// from the database, made once when asked twice, done again by another process when the one making
// it stops, and a failed one's page says why.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FiguresCache } from '../../src/app/figures-cache.js';
import { JobQueue } from '../../src/app/job-queue.js';
import { PdfJobs } from '../../src/app/pdf-jobs.js';
import { RenderPool } from '../../src/charts/render-pool.js';
import { claimJob, findJob, findJobFile, forgetJobsBefore, saveJobFile } from '../../src/store/index.js';
import { buildApp } from '../../src/web/app.js';
import { engines } from '../engines.js';
import { pdfPageTexts } from '../pdf-text.js';
import { northWithAMeeting } from './fixtures.js';
import { openWeb, type Client, textOf, today, type WebFixture } from './harness.js';

const making = '/a/NORTH/packs/2021-03-10/pdf';

/** Asks `look` until it gives something other than null or undefined (a job runs in the background). */
async function eventually<T>(look: () => Promise<T | null | undefined>): Promise<T> {
  for (let tries = 0; tries < 600; tries += 1) {
    const seen = await look();
    if (seen !== null && seen !== undefined) return seen;
    await new Promise((done) => setTimeout(done, 50));
  }
  throw new Error('it never happened');
}

describe.each(engines)('meeting-pack and poster PDFs as jobs on $name', (engine) => {
  let web: WebFixture;
  let client: Client;
  const others: FastifyInstance[] = [];
  const queues: JobQueue[] = [];
  const pools: RenderPool[] = [];
  let uploads: string;

  /** The web process the page is served by runs no jobs: another process (`runner`) does them. */
  beforeEach(async () => {
    web = await openWeb(engine, { runJobs: false });
    uploads = mkdtempSync(join(tmpdir(), 'pace-pdf-jobs-'));
    client = await northWithAMeeting(web);
  });

  afterEach(async () => {
    for (const app of others.splice(0)) await app.close();
    for (const queue of queues.splice(0)) await queue.stop();
    for (const pool of pools.splice(0)) await pool.close();
    await web.dispose();
    rmSync(uploads, { recursive: true, force: true });
  });

  /** A second web process on the same database, running jobs. */
  const runner = async (jobStaleAfterMs?: number): Promise<FastifyInstance> => {
    const app = await buildApp({ connection: web.connection, today: () => today, figuresWaitMs: 60_000, uploadsDir: uploads, renderThreads: 1, ...(jobStaleAfterMs ? { jobStaleAfterMs } : {}) });
    others.push(app);
    return app;
  };

  const pdfJobs = async () => (await sql<{ state: string; attempts: number | string }>`select state, attempts from jobs where kind = 'pdf' order by created_at`.execute(web.connection.db)).rows.map((row) => `${row.state} ${Number(row.attempts)}`);
  const fileCount = async () => Number((await sql<{ n: number | string }>`select count(*) as n from job_files`.execute(web.connection.db)).rows[0]?.n);
  const readyPage = () => eventually(async () => {
    const page = await client.get(making);
    return textOf(page.body).includes('The PDF is ready') ? page : null;
  });

  it('asked for on a process that runs no jobs, is made by one that does, and is shown and served from the database by the first; asked for again, it is the same one job and file', async () => {
    const first = await client.get(making);
    expect(first.statusCode).toBe(200);
    expect(textOf(first.body)).toContain('Making the PDF: starting…');
    expect(first.body).toContain('<meta http-equiv="refresh" content="1"/>');
    expect(await pdfJobs()).toEqual(['queued 0']);
    await runner();
    const page = await readyPage();
    expect(page.body).toContain('<a class="ds_button" href="/a/NORTH/packs/2021-03-10.pdf">Download the PDF</a>');
    const pdf = await client.get('/a/NORTH/packs/2021-03-10.pdf');
    expect([pdf.statusCode, pdf.headers['content-type'], pdf.headers['content-disposition']]).toEqual([200, 'application/pdf', 'attachment; filename="meeting-pack-NORTH-2021-03-10.pdf"']);
    expect(pdfPageTexts(pdf.rawPayload)[0]).toContain("Meeting pack: Champions' group, 10 March 2021");
    // Asked for again, on the page and as the file: no second job, no second file, the same bytes.
    expect(textOf((await client.get(making)).body)).toContain('The PDF is ready');
    expect((await client.get('/a/NORTH/packs/2021-03-10.pdf')).rawPayload.equals(pdf.rawPayload)).toBe(true);
    expect([await pdfJobs(), await fileCount()]).toEqual([['done 1'], 1]);
    // Forgotten with its job (a day after it ended), the file goes with the row.
    await forgetJobsBefore(web.connection, Date.now() + 1);
    expect([await pdfJobs(), await fileCount()]).toEqual([[], 0]);
  });

  it('is done again, from the start, by another process when the one making it stopped; the file kept by the stopped attempt is replaced, never doubled', async () => {
    expect(textOf((await client.get(making)).body)).toContain('Making the PDF: starting…');
    const [{ id }] = (await sql<{ id: string }>`select id from jobs where kind = 'pdf'`.execute(web.connection.db)).rows as [{ id: string }];
    // A process took it and then stopped saying it was at it (killed) after keeping half a file: its heartbeat is ten seconds old.
    expect((await claimJob(web.connection, id, 'killed-process', Date.now() - 10_000))?.attempts).toBe(1);
    expect(await saveJobFile(web.connection, { jobId: id, fileName: 'half.pdf', contentType: 'application/pdf', bytes: Buffer.from('half') }, 'killed-process')).toBe(true);
    await runner(400);
    const page = await readyPage();
    expect(page.statusCode).toBe(200);
    expect((await findJob(web.connection, id))?.attempts).toBe(2);
    const file = await findJobFile(web.connection, id);
    expect([file?.fileName, file?.bytes.subarray(0, 5).toString()]).toEqual(['meeting-pack-NORTH-2021-03-10.pdf', '%PDF-']);
    expect([await pdfJobs(), await fileCount()]).toEqual([['done 2'], 1]);
  });

  it('says in plain words why it failed, and is made anew when asked to try again', async () => {
    await client.get(making);
    const [{ id }] = (await sql<{ id: string }>`select id from jobs where kind = 'pdf'`.execute(web.connection.db)).rows as [{ id: string }];
    await claimJob(web.connection, id, 'killed-process', Date.now() - 10_000);
    // A process that gives each job one attempt finds it stopped and fails it.
    const pool = new RenderPool({ threads: 1 });
    pools.push(pool);
    const sweeper = new JobQueue(web.connection, { runJobs: false, staleAfterMs: 400, maxAttempts: 1 });
    queues.push(sweeper);
    new PdfJobs(web.connection, sweeper, new FiguresCache(web.connection), pool);
    await sweeper.start();
    expect((await findJob(web.connection, id))?.state).toBe('failed');
    // Its work done: left running, it would take the next job's process for stopped too whenever the
    // PDF took longer than its 400 ms to make (the runner writes a heartbeat once a second).
    await sweeper.stop();
    queues.splice(queues.indexOf(sweeper), 1);
    const failed = await client.get(making);
    expect(failed.statusCode).toBe(200);
    expect(textOf(failed.body)).toContain('The PDF could not be made The server making the PDF stopped each time it tried. Try again; if it fails again, tell your system administrator.');
    expect(failed.body).not.toContain('http-equiv="refresh"');
    expect(failed.body).toContain('<a class="ds_link" href="/a/NORTH/packs/2021-03-10/pdf?again=1">');
    // Shown again, still failed: nothing is queued until the reader asks.
    expect(textOf((await client.get(making)).body)).toContain('The PDF could not be made');
    expect(await pdfJobs()).toEqual(['failed 1']);
    expect(textOf((await client.get(`${making}?again=1`)).body)).toContain('Making the PDF: starting…');
    await runner();
    await readyPage();
    expect(await pdfJobs()).toEqual(['failed 1', 'done 1']);
  });

  it("makes the poster's PDF as a job too, one for each size", async () => {
    await runner();
    const a4 = await client.get('/a/NORTH/poster-a4.pdf');
    expect([a4.statusCode, a4.headers['content-type'], a4.headers['content-disposition']]).toEqual([200, 'application/pdf', 'attachment; filename="poster-NORTH-2021-06-01-a4.pdf"']);
    expect((await client.get('/a/NORTH/poster-a4.pdf')).rawPayload.equals(a4.rawPayload)).toBe(true);
    expect((await client.get('/a/NORTH/poster-a3.pdf')).statusCode).toBe(200);
    expect([await pdfJobs(), await fileCount()]).toEqual([['done 1', 'done 1'], 2]);
  });
});
