/** What every route shares: the store, the figures cache and today's date. */
import { Temporal, type PlainDate } from '../domain/date.js';
import type { Connection } from '../store/index.js';
import type { OidcSignIn } from './auth/oidc.js';
import type { FiguresCache } from '../app/figures-cache.js';
import type { ImportJobs } from '../app/import-jobs.js';
import type { JobQueue } from '../app/job-queue.js';
import type { NationalJobs } from '../app/national-figures.js';
import type { DigestJobs } from '../app/digests.js';
import type { PdfJobs } from '../app/pdf-jobs.js';
import type { HeavyWork } from './heavy-work.js';

export interface WebContext {
  readonly connection: Connection;
  readonly cache: FiguresCache;
  /** Imports started from the browser, running or finished. */
  /** Durable jobs (app/job-queue.ts): queued in the database, run by any process that runs jobs. */
  readonly jobs: JobQueue;
  readonly imports: ImportJobs;
  /** National refreshes: the national view's figures, worked out by a job and stored for every process. */
  readonly national: NationalJobs;
  /** Weekly digests queued by `pace digest --queue`, sent by this process when it runs jobs (SMTP_URL and MAIL_FROM are its own). */
  readonly digests: DigestJobs;
  /** Meeting-pack and poster PDFs, made as durable jobs and kept in the database (app/pdf-jobs.ts). */
  readonly pdfs: PdfJobs;
  /** PNG pictures and PDFs, made in the render threads with a bound per reader (heavy-work.ts). */
  readonly heavy: HeavyWork;
  /** How long a page waits for figures being worked out before it shows how far the work has got instead (figures-page.ts). */
  readonly figuresWaitMs: number;
  /** Today, in Scotland: the default as-at date. Tests fix it. */
  readonly today: () => PlainDate;
  /** Single sign-on with the deployment's identity provider; absent when none is configured. */
  readonly oidc?: OidcSignIn | null;
}

export function todayInScotland(): PlainDate {
  return Temporal.Now.plainDateISO('Europe/London');
}
