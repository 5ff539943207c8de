/**
 * Durable jobs and the uploads they read (issue 18, point 1; migration 0016). A job is a row: what
 * to do (its kind and input), who asked, its state — queued, running, done, failed — its progress
 * and its result, so that any process can show it. A process that runs jobs takes one with an
 * update that succeeds for one process only (`claimJob`), says every few seconds that it is still
 * at it (`beatJob`), and writes the end (`finishJob`) only while the job is still its own. A job
 * whose process stopped saying so (killed, or its machine gone) is queued again or, after its last
 * attempt, failed with a reason (`requeueStaleJobs`): never lost, and never run by two processes
 * at once. Times are milliseconds since 1970.
 */
import { sql } from 'kysely';
import type { Connection } from './dialect.js';

export type JobState = 'queued' | 'running' | 'done' | 'failed';

export interface StoredJob {
  readonly id: string;
  readonly kind: string;
  readonly authorityId: number;
  readonly username: string;
  readonly state: JobState;
  readonly input: unknown;
  readonly progress: unknown;
  readonly result: unknown;
  readonly failure: string | null;
  readonly attempts: number;
  readonly worker: string | null;
  readonly createdAt: number;
  readonly finishedAt: number | null;
}

interface JobRow {
  id: string;
  kind: string;
  authority_id: number | string;
  username: string;
  state: JobState;
  input: string;
  progress: string | null;
  result: string | null;
  failure: string | null;
  attempts: number | string;
  worker: string | null;
  created_at: number | string;
  finished_at: number | string | null;
}

const columns = sql.raw('id, kind, authority_id, username, state, input, progress, result, failure, attempts, worker, created_at, finished_at');

/**
 * Queues a job. A job with a `key` (what it makes, migration 0019) is added only when no job of its
 * kind and key is queued, running or done: false when one is (the caller uses that one instead).
 */
export async function addJob(connection: Connection, job: { id: string; kind: string; authorityId: number; username: string; input: unknown; key?: string }, nowMs: number): Promise<boolean> {
  const added = await sql`insert into jobs (id, kind, authority_id, username, state, input, attempts, created_at, job_key) values (${job.id}, ${job.kind}, ${job.authorityId}, ${job.username}, 'queued', ${JSON.stringify(job.input)}, 0, ${nowMs}, ${job.key ?? null}) on conflict do nothing`.execute(connection.db);
  return Number(added.numAffectedRows ?? 0) > 0;
}

/** The latest job of `kind` with `key`, whatever its state (a failed one included, for its words); null when none is kept. */
export async function findJobByKey(connection: Connection, kind: string, key: string): Promise<StoredJob | null> {
  const { rows } = await sql<JobRow>`select ${columns} from jobs where kind = ${kind} and job_key = ${key} order by case when state = 'failed' then 1 else 0 end, created_at desc, id limit 1`.execute(connection.db);
  return rows[0] ? jobOf(rows[0]) : null;
}

export async function findJob(connection: Connection, id: string): Promise<StoredJob | null> {
  const { rows } = await sql<JobRow>`select ${columns} from jobs where id = ${id}`.execute(connection.db);
  return rows[0] ? jobOf(rows[0]) : null;
}

/** The queued and running jobs of `kind`. */
export async function activeJobs(connection: Connection, kind: string): Promise<StoredJob[]> {
  const { rows } = await sql<JobRow>`select ${columns} from jobs where kind = ${kind} and state in ('queued', 'running')`.execute(connection.db);
  return rows.map(jobOf);
}

/** Takes the queued job `id` for `worker`; null when it is not queued (another process took it, or it is over). */
export async function claimJob(connection: Connection, id: string, worker: string, nowMs: number): Promise<StoredJob | null> {
  const { rows } = await sql<JobRow>`
    update jobs set state = 'running', worker = ${worker}, heartbeat_at = ${nowMs}, attempts = attempts + 1
    where id = ${id} and state = 'queued'
    returning ${columns}`.execute(connection.db);
  return rows[0] ? jobOf(rows[0]) : null;
}

/** The oldest queued job of one of `kinds`, taken for `worker`; null when none waits. */
export async function claimNextJob(connection: Connection, kinds: readonly string[], worker: string, nowMs: number): Promise<StoredJob | null> {
  if (kinds.length === 0) return null;
  for (;;) {
    const { rows } = await sql<{ id: string }>`select id from jobs where state = 'queued' and kind in (${sql.join(kinds)}) order by created_at, id limit 1`.execute(connection.db);
    const next = rows[0];
    if (!next) return null;
    const claimed = await claimJob(connection, next.id, worker, nowMs);
    // Another process took it between the two statements: look again.
    if (claimed) return claimed;
  }
}

/** Says `worker` is still at job `id`, with how far it has got; false when the job is no longer its own. */
export async function beatJob(connection: Connection, id: string, worker: string, progress: unknown, nowMs: number): Promise<boolean> {
  const result = await sql`update jobs set heartbeat_at = ${nowMs}, progress = ${progress === undefined ? null : JSON.stringify(progress)} where id = ${id} and worker = ${worker} and state = 'running'`.execute(connection.db);
  return Number(result.numAffectedRows ?? 0) > 0;
}

/** Ends job `id` with its result or why it failed, if it is still `worker`'s; false otherwise. */
export async function finishJob(connection: Connection, id: string, worker: string, end: { result: unknown } | { failure: string }, nowMs: number, attempt?: number): Promise<boolean> {
  const [state, result, failure] = 'failure' in end ? (['failed', null, end.failure] as const) : (['done', JSON.stringify(end.result), null] as const);
  // Also a job queued again while this attempt ran (its heartbeat fell late: a busy process), which no
  // other process has taken since: the attempt finished, so its end is the job's — done again, an
  // import would find its upload gone with the first attempt's success.
  const requeuedSince = attempt === undefined ? sql`false` : sql`(state = 'queued' and worker is null and attempts = ${attempt})`;
  const updated = await sql`update jobs set state = ${state}, result = ${result}, failure = ${failure}, finished_at = ${nowMs}, worker = ${worker} where id = ${id} and ((worker = ${worker} and state = 'running') or ${requeuedSince})`.execute(connection.db);
  return Number(updated.numAffectedRows ?? 0) > 0;
}

/** The kinds of running jobs whose process has not said it is still at them since `staleBeforeMs`, other than `exceptWorker`'s: a read, so that a sweep that finds none writes nothing. */
export async function staleJobKinds(connection: Connection, staleBeforeMs: number, exceptWorker = ''): Promise<Set<string>> {
  const { rows } = await sql<{ kind: string }>`select distinct kind from jobs where state = 'running' and heartbeat_at < ${staleBeforeMs} and worker <> ${exceptWorker}`.execute(connection.db);
  return new Set(rows.map((r) => r.kind));
}

/**
 * Running jobs of `kind` whose process has not said it is still at them since `staleBeforeMs`: each is queued
 * again, or failed with `failure` once it has had `maxAttempts`. Returns the jobs queued again.
 * `exceptWorker`, the process sweeping, never sweeps its own jobs: it is running, so they are not
 * lost, however late their heartbeat (its event loop was busy, which also held up the heartbeat).
 */
export async function requeueStaleJobs(connection: Connection, kind: string, staleBeforeMs: number, maxAttempts: number, failure: string, nowMs: number, exceptWorker = ''): Promise<StoredJob[]> {
  await sql`update jobs set state = 'failed', failure = ${failure}, finished_at = ${nowMs}, worker = null where kind = ${kind} and state = 'running' and heartbeat_at < ${staleBeforeMs} and attempts >= ${maxAttempts} and worker <> ${exceptWorker}`.execute(connection.db);
  const { rows } = await sql<JobRow>`update jobs set state = 'queued', worker = null where kind = ${kind} and state = 'running' and heartbeat_at < ${staleBeforeMs} and worker <> ${exceptWorker} returning ${columns}`.execute(connection.db);
  return rows.map(jobOf);
}

/** Forgets jobs that ended before `beforeMs`, and the files they made. */
export async function forgetJobsBefore(connection: Connection, beforeMs: number): Promise<void> {
  await sql`delete from job_files where job_id in (select id from jobs where finished_at < ${beforeMs})`.execute(connection.db);
  await sql`delete from jobs where finished_at < ${beforeMs}`.execute(connection.db);
}

/** A file a job made (a PDF), kept until the job is forgotten so that any process can serve it. */
export interface JobFile {
  readonly jobId: string;
  readonly fileName: string;
  readonly contentType: string;
  readonly bytes: Buffer;
}

/**
 * Keeps the file job `jobId` made, if the job is still `worker`'s and running; a later attempt's
 * file replaces an earlier one's (an attempt cut short after keeping its file, before its end was
 * written), so a job has one file however many times it was done. False when the job is not `worker`'s.
 */
export async function saveJobFile(connection: Connection, file: JobFile, worker: string): Promise<boolean> {
  return connection.db.transaction().execute(async (trx) => {
    const { rows } = await sql<{ id: string }>`select id from jobs where id = ${file.jobId} and worker = ${worker} and state = 'running'`.execute(trx);
    if (rows.length === 0) return false;
    await sql`delete from job_files where job_id = ${file.jobId}`.execute(trx);
    await sql`insert into job_files (job_id, file_name, content_type, bytes) values (${file.jobId}, ${file.fileName}, ${file.contentType}, ${file.bytes})`.execute(trx);
    return true;
  });
}

export async function findJobFile(connection: Connection, jobId: string): Promise<JobFile | null> {
  const { rows } = await sql<{ job_id: string; file_name: string; content_type: string; bytes: Uint8Array }>`select job_id, file_name, content_type, bytes from job_files where job_id = ${jobId}`.execute(connection.db);
  const row = rows[0];
  return row ? { jobId: row.job_id, fileName: row.file_name, contentType: row.content_type, bytes: Buffer.from(row.bytes.buffer, row.bytes.byteOffset, row.bytes.byteLength) } : null;
}

function jobOf(row: JobRow): StoredJob {
  return {
    id: row.id,
    kind: row.kind,
    authorityId: Number(row.authority_id),
    username: row.username,
    state: row.state,
    input: JSON.parse(row.input) as unknown,
    progress: row.progress === null ? null : (JSON.parse(row.progress) as unknown),
    result: row.result === null ? null : (JSON.parse(row.result) as unknown),
    failure: row.failure,
    attempts: Number(row.attempts),
    worker: row.worker,
    createdAt: Number(row.created_at),
    finishedAt: row.finished_at === null ? null : Number(row.finished_at),
  };
}

export interface StoredUpload {
  readonly id: string;
  readonly authorityId: number;
  readonly username: string;
  readonly dir: string;
  readonly fileNames: readonly string[];
  /** kept: checked without error, waiting to be imported; taken: an import is reading it. */
  readonly state: 'kept' | 'taken';
  readonly keptAt: number;
}

interface UploadRow {
  id: string;
  authority_id: number | string;
  username: string;
  dir: string;
  file_names: string;
  state: 'kept' | 'taken';
  kept_at: number | string;
}

export async function addUpload(connection: Connection, upload: Omit<StoredUpload, 'state' | 'keptAt'>, nowMs: number): Promise<void> {
  await sql`insert into uploads (id, authority_id, username, dir, file_names, state, kept_at) values (${upload.id}, ${upload.authorityId}, ${upload.username}, ${upload.dir}, ${JSON.stringify(upload.fileNames)}, 'kept', ${nowMs})`.execute(connection.db);
}

export async function findUpload(connection: Connection, id: string): Promise<StoredUpload | null> {
  const { rows } = await sql<UploadRow>`select * from uploads where id = ${id}`.execute(connection.db);
  return rows[0] ? uploadOf(rows[0]) : null;
}

/** Takes a kept upload for an import (it cannot be imported twice); false when it is not kept. */
export async function takeUpload(connection: Connection, id: string): Promise<boolean> {
  const result = await sql`update uploads set state = 'taken' where id = ${id} and state = 'kept'`.execute(connection.db);
  return Number(result.numAffectedRows ?? 0) > 0;
}

export async function removeUpload(connection: Connection, id: string): Promise<void> {
  await sql`delete from uploads where id = ${id}`.execute(connection.db);
}

/** Every upload, for sweeping the uploads folder. */
export async function listUploads(connection: Connection): Promise<StoredUpload[]> {
  const { rows } = await sql<UploadRow>`select * from uploads`.execute(connection.db);
  return rows.map(uploadOf);
}

function uploadOf(row: UploadRow): StoredUpload {
  return { id: row.id, authorityId: Number(row.authority_id), username: row.username, dir: row.dir, fileNames: JSON.parse(row.file_names) as string[], state: row.state, keptAt: Number(row.kept_at) };
}
