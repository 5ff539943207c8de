/**
 * `pace worker`: runs queued jobs (imports started from the web, checks and commits; meeting-pack
 * and poster PDFs) without
 * serving pages, until it is stopped (Ctrl+C or SIGTERM, after the job in hand is done). Run as
 * many as you like beside web processes started with PACE_RUN_JOBS=0, on the same database and
 * uploads folder (docs/decisions/0024-durable-jobs.md; README, "Running for a whole council or for
 * Scotland").
 */
import type { Command } from 'commander';
import { ImportJobs, keepTemporaryFilesIn, uploadsDirFor } from '../../app/import-jobs.js';
import { FiguresCache } from '../../app/figures-cache.js';
import { JobQueue, jobSettingsFromEnv } from '../../app/job-queue.js';
import { NationalJobs } from '../../app/national-figures.js';
import { DigestJobs } from '../../app/digests.js';
import { PdfJobs } from '../../app/pdf-jobs.js';
import { RenderPool } from '../../charts/render-pool.js';
import { exitCodes, withStore, type Io } from '../context.js';

export function workerCommand(program: Command, io: Io, done: (code: number) => void): void {
  program
    .command('worker')
    .description('run queued jobs (web imports, meeting-pack and poster PDFs, national refreshes, digests) without serving pages, until stopped; uploads are read from PACE_UPLOADS_DIR (or the database’s own folder)')
    .action(async () => {
      done(
        await withStore(io, async (connection) => {
          const uploadsDir = uploadsDirFor(connection, io.env);
          keepTemporaryFilesIn(uploadsDir);
          const settings = jobSettingsFromEnv(io.env);
          const queue = new JobQueue(connection, {
            runJobs: true,
            ...(settings.staleAfterMs ? { staleAfterMs: settings.staleAfterMs } : {}),
            onError: (error, what) => io.err.write(`pace worker: ${what} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`),
          });
          const imports = new ImportJobs(connection, uploadsDir, queue);
          new NationalJobs(connection, queue);
          new DigestJobs(connection, queue, io.env);
          // Meeting-pack and poster PDFs, drawn in this process's own render threads.
          const pool = new RenderPool();
          new PdfJobs(connection, queue, new FiguresCache(connection), pool);
          await queue.start();
          await imports.sweep();
          io.out.write(`pace worker ${queue.worker} is running jobs (uploads in ${uploadsDir}). Stop with Ctrl+C.\n`);
          // The queue's timers do not keep a process alive (a web process has its server for that): this does, until a signal.
          const alive = setInterval(() => {}, 60 * 60 * 1000);
          await new Promise<void>((resolve) => {
            for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => resolve());
          });
          clearInterval(alive);
          io.out.write('pace worker: stopping once the job in hand is done.\n');
          imports.close();
          await queue.stop();
          await pool.close();
          return exitCodes.ok;
        }),
      );
    });
}
