/**
 * Meeting-pack and poster PDFs as durable jobs (issue 18, point 1; docs/decisions/0024-durable-jobs.md,
 * "PDFs"). A PDF takes seconds to draw: the page that offers it queues a job naming what to make
 * (an authority's pack of a meeting, or its poster as at a date at a size, for the team or for its
 * partners), any process that runs jobs draws it in its render threads, and the finished file is
 * kept in the database beside the job (`job_files`), so that any process shows how far it has got
 * and serves it. A job is keyed by its authority, what it is and a digest of its content (one data
 * version): the same document asked for again, by anyone, on any process, while its job is queued,
 * running or done is not made twice.
 *
 * The job's input names what to make, not the document: the process that takes it works the pack
 * or the poster out again from the store, as of the day it was asked for. An attempt writes only
 * its file, which replaces any an earlier attempt kept, so an attempt cut short (its process
 * killed) is simply done again by another.
 */
import { partnerMeetingPackFor } from './partner-pack.js';
import { meetingPackFor } from './meeting-pack.js';
import { posterFor, type PosterAudience } from './poster.js';
import type { FiguresCache } from './figures-cache.js';
import { JobFailure, type JobQueue } from './job-queue.js';
import type { PosterSize } from '../charts/poster-pdf.js';
import type { RenderPool, RenderProgress } from '../charts/render-pool.js';
import { parseDateOrThrow } from '../domain/date.js';
import { findAuthority, findJobFile, saveJobFile, type Connection, type JobFile, type StoredJob } from '../store/index.js';

/** The job kind of a meeting pack's or a poster's PDF. */
export const pdfJobKind = 'pdf';

/** What a PDF job makes: everything a process needs to work the document out again, as plain data. */
export type PdfJobInput =
  | { readonly what: 'pack'; readonly code: string; readonly date: string; readonly audience: PosterAudience; readonly today: string; readonly fileName: string }
  | { readonly what: 'poster'; readonly code: string; readonly asAt: string; readonly size: PosterSize; readonly audience: PosterAudience; readonly today: string; readonly fileName: string };

/** What a done PDF job's row says (its file is in `job_files`). */
export interface PdfJobResult {
  readonly fileName: string;
  readonly bytes: number;
}

/** How a PDF's page reads the job: its state, how far it has got, why it failed. */
export type PdfJobState =
  | { readonly kind: 'making'; readonly done: number; readonly total: number; readonly step: string | null; readonly attempt: number }
  | { readonly kind: 'ready'; readonly bytes: number }
  | { readonly kind: 'failed'; readonly reason: string };

export interface PdfJobsOptions {
  /** Runs the drawing within the reader's share of the render threads (HeavyWork.forUser); at once when not given. */
  readonly forUser?: <T>(user: string, make: () => Promise<T>) => Promise<T>;
}

export class PdfJobs {
  readonly #forUser: <T>(user: string, make: () => Promise<T>) => Promise<T>;

  constructor(
    private readonly connection: Connection,
    private readonly queue: JobQueue,
    private readonly cache: FiguresCache,
    private readonly pool: RenderPool,
    options: PdfJobsOptions = {},
  ) {
    this.#forUser = options.forUser ?? ((_user, make) => make());
    queue.handle(pdfJobKind, {
      handler: (job, context) => this.#run(job, context.progress),
      failureWords: 'The PDF could not be made because of a fault in pace (the details are in the server’s log). Try again; if it fails again, tell your system administrator.',
      abandonedWords: 'The server making the PDF stopped each time it tried. Try again; if it fails again, tell your system administrator.',
    });
  }

  /**
   * The job that makes the document `key` names for `authorityId`: the one queued, running or done
   * already, or a new one queued for `username`. A failed job is shown (with its words) unless
   * `again` is asked, when a new one is queued.
   */
  async ask(authorityId: number, username: string, key: string, input: PdfJobInput, again = false): Promise<StoredJob> {
    const known = await this.queue.findByKey(pdfJobKind, key);
    if (known && known.authorityId === authorityId && (known.state !== 'failed' || !again)) return known;
    const id = await this.queue.enqueue(pdfJobKind, { authorityId, username, input, key });
    const job = await this.queue.find(id);
    if (!job) throw new Error(`the PDF job ${id} went as it was queued`);
    return job;
  }

  /** The job as it stands now (any process may have moved it on). */
  async latest(job: StoredJob): Promise<StoredJob> {
    return (await this.queue.find(job.id)) ?? job;
  }

  /** Waits up to `ms` for `job` to end; returns it as it then stands. */
  async waitFor(job: StoredJob, ms: number, every = 100): Promise<StoredJob> {
    const until = Date.now() + ms;
    let seen = job;
    while (seen.state !== 'done' && seen.state !== 'failed' && Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, every));
      seen = await this.latest(seen);
    }
    return seen;
  }

  /** The file of a done job, for a reader who has already been shown that its key is theirs. */
  file(job: StoredJob): Promise<JobFile | null> {
    return job.state === 'done' ? findJobFile(this.connection, job.id) : Promise.resolve(null);
  }

  /** How the page reads a job. */
  static stateOf(job: StoredJob): PdfJobState {
    if (job.state === 'done') return { kind: 'ready', bytes: (job.result as PdfJobResult).bytes };
    if (job.state === 'failed') return { kind: 'failed', reason: job.failure ?? 'The PDF could not be made. Try again; if it fails again, tell your system administrator.' };
    const progress = job.state === 'running' ? (job.progress as RenderProgress | null) : null;
    return { kind: 'making', done: progress?.done ?? 0, total: progress?.total ?? 0, step: progress?.step ?? null, attempt: Math.max(1, job.attempts) };
  }

  async #run(job: StoredJob, progress: (value: RenderProgress) => void): Promise<PdfJobResult> {
    const input = job.input as PdfJobInput;
    const stored = await findAuthority(this.connection, input.code);
    if (!stored || stored.scope.id !== job.authorityId) throw new JobFailure('The authority this PDF was asked for is no longer kept in pace.');
    const today = parseDateOrThrow(input.today);
    const bytes = await this.#forUser(job.username, async () => {
      if (input.what === 'pack') {
        const date = parseDateOrThrow(input.date);
        const pack = input.audience === 'team' ? await meetingPackFor(this.connection, this.cache, stored, date, today) : await partnerMeetingPackFor(this.connection, this.cache, stored, date, today);
        if (!pack) throw new JobFailure(`There is no meeting on ${input.date} any more, so there is no pack to make. Record the meeting on the meetings page first.`);
        return this.pool.pdf(pack, progress);
      }
      const poster = await posterFor(this.connection, this.cache, stored, parseDateOrThrow(input.asAt), today, input.audience);
      return this.pool.poster(poster, input.size, progress);
    });
    // Kept only while the job is still this process's; a later attempt's file replaces this one.
    await saveJobFile(this.connection, { jobId: job.id, fileName: input.fileName, contentType: 'application/pdf', bytes }, this.queue.worker);
    return { fileName: input.fileName, bytes: bytes.length };
  }
}
