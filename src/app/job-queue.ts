/**
 * Durable jobs (issue 18, point 1; docs/decisions/0024-durable-jobs.md). A job is a row of the
 * database (src/store/jobs.ts): any process shows its state and progress, and any process that
 * runs jobs — a web process, or `pace worker` — can take it. How a process hears of a job:
 *
 * - On PostgreSQL, pg-boss (a queue on the database itself) carries the job's id to one waiting
 *   process; the row is then taken with an update only one process can win (`claimJob`), so a job
 *   carried twice is still run once.
 * - On SQLite (one file, one machine), each process that runs jobs looks for queued rows twice a
 *   second and takes the oldest the same way.
 *
 * A running job's process writes its progress and a heartbeat every second. Every process looks,
 * every few seconds, for running jobs whose heartbeat stopped (their process was killed, or its
 * machine went) and queues them again, or fails them with a reason after their last attempt: a job
 * is never lost, and a job whose work is one transaction (an import) is never done twice.
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { CompiledQuery } from 'kysely';
import type PgBoss from 'pg-boss';
import { activeJobs, addJob, beatJob, claimJob, claimNextJob, findJob, findJobByKey, finishJob, forgetJobsBefore, requeueStaleJobs, staleJobKinds, type Connection, type StoredJob } from '../store/index.js';

export interface JobContext {
  /** Which attempt this is: 1, or more when a process running it before stopped. */
  readonly attempt: number;
  /** How far the job has got, for whoever shows it (written with the next heartbeat). */
  progress(value: unknown): void;
}

/** A job that cannot be done, for a reason its page gives in these words (not a fault: nothing goes to the log). */
export class JobFailure extends Error {}

/** Does a job's work and returns its result; a thrown JobFailure fails the job with its words, any other error with `failureWords`. */
export type JobHandler = (job: StoredJob, context: JobContext) => Promise<unknown>;

export interface JobKind {
  readonly handler: JobHandler;
  /** What the job's page says when the work fails with an unexpected fault (the error itself goes to the log). */
  readonly failureWords: string;
  /** What it says when the job's process stopped on each of its attempts. */
  readonly abandonedWords: string;
}

export interface JobQueueOptions {
  /** Whether this process runs jobs (default true); a web process started with PACE_RUN_JOBS=0 only queues and shows them. */
  readonly runJobs?: boolean;
  /** A running job with no heartbeat for this long is taken to have lost its process (default 60 s; PACE_JOB_STALE_SECONDS). */
  readonly staleAfterMs?: number;
  /** Attempts before a job whose process keeps stopping is failed (default 3). */
  readonly maxAttempts?: number;
  /** Where unexpected faults are told (the server's log). */
  readonly onError?: (error: unknown, what: string) => void;
  readonly now?: () => number;
}

/**
 * The settings a process's environment gives: PACE_RUN_JOBS=0 (a web process that only serves
 * pages, with `pace worker` processes doing the jobs), PACE_JOB_STALE_SECONDS (how long a running
 * job may go without a heartbeat before it is queued again).
 */
export function jobSettingsFromEnv(env: Readonly<Record<string, string | undefined>>): { runJobs: boolean; staleAfterMs?: number } {
  const stale = Number(env.PACE_JOB_STALE_SECONDS);
  return { runJobs: env.PACE_RUN_JOBS !== '0', ...(Number.isFinite(stale) && stale > 0 ? { staleAfterMs: stale * 1000 } : {}) };
}

/** How long an ended job is kept for its page. */
const keepEndedFor = 24 * 60 * 60 * 1000;

/** How often ended jobs kept long enough are looked for (and at start). */
const forgetEvery = 60 * 1000;

export class JobQueue {
  readonly #kinds = new Map<string, JobKind>();
  readonly #worker = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  readonly #runJobs: boolean;
  readonly #staleAfterMs: number;
  readonly #maxAttempts: number;
  readonly #onError: (error: unknown, what: string) => void;
  readonly #now: () => number;
  readonly #timers: NodeJS.Timeout[] = [];
  readonly #running = new Set<Promise<void>>();
  #boss: PgBoss | null = null;
  #started = false;
  #stopping = false;
  /** SQLite: a look for queued jobs is under way (one at a time; each runs what it finds in turn). */
  #polling = false;
  /** When this process last forgot ended jobs (never, at first). */
  #forgotAt = -Infinity;

  constructor(
    private readonly connection: Connection,
    options: JobQueueOptions = {},
  ) {
    this.#runJobs = options.runJobs ?? true;
    this.#staleAfterMs = options.staleAfterMs ?? 60_000;
    this.#maxAttempts = options.maxAttempts ?? 3;
    this.#onError = options.onError ?? (() => {});
    this.#now = options.now ?? Date.now;
  }

  /** The name this process's jobs carry while it runs them. */
  get worker(): string {
    return this.#worker;
  }

  /** Says how to run jobs of `kind`; before `start`. */
  handle(kind: string, how: JobKind): void {
    this.#kinds.set(kind, how);
  }

  /** Starts hearing of jobs (if this process runs them) and looking for jobs whose process stopped. */
  async start(): Promise<void> {
    if (this.#started) return;
    this.#started = true;
    if (this.connection.capabilities.engine === 'postgres') {
      // Loaded only here: with the database driver it brings, a tenth of a second that a SQLite process, and any command that runs no job, need not wait.
      const { default: PgBossQueue } = await import('pg-boss');
      const boss = new PgBossQueue({ db: { executeSql: (text, values) => bossSql(this.connection, text, values) }, schema: 'pgboss', schedule: false, supervise: true, migrate: true });
      boss.on('error', (error) => this.#onError(error, 'the job queue (pg-boss)'));
      // Processes starting at once on a new database would each create pg-boss's tables and queues,
      // and deadlock or be refused: they start one after another, under a lock of the database's own.
      await startingAlone(this.connection, async () => {
        await boss.start();
        for (const kind of this.#kinds.keys()) {
          // The row says whether a job is still to be done: pg-boss only carries its id, once.
          await createQueueOnce(boss, kind);
        }
      });
      this.#boss = boss;
      if (this.#runJobs) for (const kind of this.#kinds.keys()) await boss.work<{ jobId: string }>(kind, { pollingIntervalSeconds: 0.5, batchSize: 1 }, async ([carried]) => this.#take(carried?.data.jobId ?? ''));
    } else if (this.#runJobs) {
      this.#every(500, () => this.#poll());
    }
    this.#every(Math.max(1000, Math.floor(this.#staleAfterMs / 3)), () => this.#sweep());
    await this.#sweep();
  }

  /**
   * Queues a job; returns its id. A job given a `key` (what it makes) is queued only when no job of
   * its kind and key is queued, running or done: the id of that one is returned instead, so the same
   * thing asked for twice, on any process, is done once.
   */
  async enqueue(kind: string, job: { authorityId: number; username: string; input: unknown; key?: string }): Promise<string> {
    if (!this.#kinds.has(kind)) throw new Error(`no job kind ${kind}`);
    for (;;) {
      const id = randomBytes(16).toString('hex');
      if (await addJob(this.connection, { id, kind, ...job }, this.#now())) {
        await this.#carry(kind, id);
        return id;
      }
      // Another job holds the key; it may have failed (freeing the key) between the two statements: look again.
      const live = job.key === undefined ? null : await findJobByKey(this.connection, kind, job.key);
      if (live && live.state !== 'failed') return live.id;
    }
  }

  /** The latest job of `kind` with `key`, whatever its state. */
  findByKey(kind: string, key: string): Promise<StoredJob | null> {
    return findJobByKey(this.connection, kind, key);
  }

  find(id: string): Promise<StoredJob | null> {
    return findJob(this.connection, id);
  }

  /** The queued and running jobs of `kind`. */
  active(kind: string): Promise<StoredJob[]> {
    return activeJobs(this.connection, kind);
  }

  /** Whether a queued or running job of `kind` has an input `matches` accepts. */
  async hasActive(kind: string, matches: (input: unknown) => boolean): Promise<boolean> {
    return (await activeJobs(this.connection, kind)).some((job) => matches(job.input));
  }

  /** Stops taking jobs and waits for those this process is running. */
  async stop(): Promise<void> {
    this.#stopping = true;
    for (const timer of this.#timers.splice(0)) clearInterval(timer);
    if (this.#boss) await this.#boss.stop({ graceful: true, wait: true, close: false, timeout: 5_000 });
    await Promise.allSettled([...this.#running]);
  }

  async #carry(kind: string, id: string): Promise<void> {
    if (this.#boss) await this.#boss.send(kind, { jobId: id });
    else if (this.#runJobs && this.#started) void this.#poll();
  }

  #every(ms: number, work: () => Promise<void>): void {
    const timer = setInterval(() => void work().catch((error: unknown) => this.#onError(error, 'the job queue')), ms);
    timer.unref();
    this.#timers.push(timer);
  }

  /** SQLite: runs queued jobs, oldest first, one at a time. */
  async #poll(): Promise<void> {
    if (this.#polling || this.#stopping) return;
    this.#polling = true;
    try {
      for (;;) {
        if (this.#stopping) return;
        const job = await claimNextJob(this.connection, [...this.#kinds.keys()], this.#worker, this.#now());
        if (!job) return;
        await this.#track(this.#run(job));
      }
    } finally {
      this.#polling = false;
    }
  }

  /** PostgreSQL: takes the job pg-boss carried, unless another process has it or it is over. */
  async #take(id: string): Promise<void> {
    if (this.#stopping) return;
    const job = await claimJob(this.connection, id, this.#worker, this.#now());
    if (job) await this.#track(this.#run(job));
  }

  #track(work: Promise<void>): Promise<void> {
    this.#running.add(work);
    return work.finally(() => this.#running.delete(work));
  }

  async #run(job: StoredJob): Promise<void> {
    const kind = this.#kinds.get(job.kind);
    if (!kind) return;
    let progress: unknown = job.progress;
    const beat = setInterval(() => {
      beatJob(this.connection, job.id, this.#worker, progress, this.#now()).catch((error: unknown) => this.#onError(error, `the heartbeat of job ${job.id}`));
    }, Math.min(1000, Math.max(100, Math.floor(this.#staleAfterMs / 4))));
    let end: { result: unknown } | { failure: string };
    try {
      end = { result: (await kind.handler(job, { attempt: job.attempts, progress: (value) => (progress = value) })) ?? null };
    } catch (error) {
      if (error instanceof JobFailure) end = { failure: error.message };
      else {
        this.#onError(error, `job ${job.id} (${job.kind})`);
        end = { failure: kind.failureWords };
      }
    } finally {
      clearInterval(beat);
    }
    await finishJob(this.connection, job.id, this.#worker, end, this.#now(), job.attempts);
  }

  /** Queues again the running jobs whose process stopped, and forgets jobs ended long ago. */
  async #sweep(): Promise<void> {
    if (this.#stopping) return;
    const now = this.#now();
    // A look first, and writes only for what it finds: on SQLite every write waits its turn with the
    // writes of a running import, its heartbeat among them, so a sweep that wrote for every kind every
    // second held the heartbeat up until the job looked stale.
    const stale = await staleJobKinds(this.connection, now - this.#staleAfterMs, this.#worker);
    for (const [name, kind] of this.#kinds) {
      if (!stale.has(name)) continue;
      const requeued = await requeueStaleJobs(this.connection, name, now - this.#staleAfterMs, this.#maxAttempts, kind.abandonedWords, now, this.#worker);
      for (const job of requeued) await this.#carry(name, job.id);
    }
    if (now - this.#forgotAt >= forgetEvery) {
      this.#forgotAt = now;
      await forgetJobsBefore(this.connection, now - keepEndedFor);
    }
  }
}

/**
 * Creates pg-boss's queue for `kind` unless it exists. Creating a queue makes a partition of
 * pg-boss's job table; two processes starting at once on a new database, each creating the queues
 * of several kinds, can deadlock on that table, and PostgreSQL then refuses one of them. The one
 * refused looks again: by then the other has usually made the queue.
 */
async function createQueueOnce(boss: PgBoss, kind: string): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    if (await boss.getQueue(kind)) return;
    try {
      await boss.createQueue(kind, { name: kind, retryLimit: 0, expireInSeconds: 23 * 60 * 60 });
      return;
    } catch (error) {
      if ((error as { code?: unknown }).code !== '40P01' || attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 + Math.floor(Math.random() * 200)));
    }
  }
}

/**
 * Runs one of pg-boss's statements on one connection of the pool. Some are several statements in an
 * explicit transaction (`BEGIN; …; COMMIT`), and pg-boss expects some of those to fail — two
 * processes starting at once on a new database both create its tables, and the second is refused.
 * A failure inside such a block leaves the connection in an aborted transaction, which would refuse
 * every later query of whatever borrowed it next; so a failed statement is rolled back on the same
 * connection before the connection goes back to the pool (a ROLLBACK outside a transaction only warns).
 */
export async function bossSql(connection: Connection, text: string, values?: unknown[]): Promise<{ rows: unknown[] }> {
  return connection.db.connection().execute(async (one) => {
    try {
      return (await one.executeQuery(CompiledQuery.raw(text, values))) as { rows: unknown[] };
    } catch (error) {
      await one.executeQuery(CompiledQuery.raw('ROLLBACK')).catch(() => undefined);
      throw error;
    }
  });
}

/** A key of pace's own for PostgreSQL's advisory locks: "pace" and "jobs" in ASCII. */
const startLock = 0x70616365_6a6f6273n;

/** Runs `work` while this process holds the job queue's start lock (a session advisory lock, on one connection of the pool). */
async function startingAlone(connection: Connection, work: () => Promise<void>): Promise<void> {
  await connection.db.connection().execute(async (one) => {
    await one.executeQuery(CompiledQuery.raw('SELECT pg_advisory_lock($1)', [startLock.toString()]));
    try {
      await work();
    } finally {
      await one.executeQuery(CompiledQuery.raw('SELECT pg_advisory_unlock($1)', [startLock.toString()]));
    }
  });
}
