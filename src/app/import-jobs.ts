/**
 * Imports started from the web: the uploaded files are kept in a folder of their own until the
 * data lead commits or abandons them, and each check or import runs as a durable job (job-queue.ts)
 * while the page shows its progress: any process can show the job, any process that runs jobs can
 * do it, and a job outlives the process that queued it (docs/decisions/0024-durable-jobs.md). The
 * files are checked again when committed: the dry run's report is a preview, the commit's is the
 * truth.
 *
 * The files hold children's records, so they are kept no longer than they are needed, in the
 * database's own uploads folder (never the system's shared temporary folder): removed when
 * imported, as soon as a check or an import is refused or fails, `keepFor` after upload
 * otherwise. An upload is a row of the database naming its folder; when a process starts, and
 * every five minutes after, it removes every folder in the uploads folder that no upload names and
 * that has not changed for `receivingFor` (one whose receiving was cut short: until then it may be
 * an upload another process is still receiving), and the temporary folders of processes no longer
 * running.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseDateOrThrow, type PlainDate } from '../domain/date.js';
import { importFiles, type ImportProgress, type ImportReport } from '../ingest/import-files.js';
import type { Profile } from '../ingest/profile.js';
import { addUpload, findUpload, listUploads, removeUpload, takeUpload, type AuthorityScope, type Connection, type StoredJob } from '../store/index.js';
import { JobFailure, type JobQueue } from './job-queue.js';

export interface Upload {
  readonly id: string;
  readonly dir: string;
  readonly authorityId: number;
  readonly username: string;
  /** The names of the files received, as the browser sent them (made safe). */
  readonly fileNames: readonly string[];
}

export interface ImportJob {
  readonly id: string;
  readonly upload: Upload;
  readonly profile: Profile;
  readonly dryRun: boolean;
  readonly startedAt: number;
  /** Which attempt is running: more than 1 when a process that ran it before stopped. */
  readonly attempt: number;
  readonly progress: ImportProgress | null;
  readonly report: ImportReport | null;
  /** An unexpected failure, in words (the details go to the server's log). */
  readonly failure: string | null;
}

/** The job kind of a check or an import of uploaded files. */
export const importJobKind = 'import';

/** What an import job is given: everything it needs, as plain data, so that any process can do it. */
interface ImportJobInput {
  readonly upload: Upload;
  readonly scope: AuthorityScope;
  readonly profile: Profile;
  readonly dryRun: boolean;
  readonly by: string;
  readonly clientIp: string;
  readonly today: string;
  readonly path: string;
}

/** How long an upload and its jobs are kept when nobody commits them. */
export const keepFor = 2 * 60 * 60 * 1000;

/**
 * How long a folder of the uploads folder that no upload names is left alone, from its last change:
 * an upload's files are written before the upload is kept, and while one process receives them
 * another may start and sweep (the same folder serves every process of a database). Without this,
 * a process started during an upload took the files from under it.
 */
export const receivingFor = 60 * 60 * 1000;

/** How often uploads kept too long, and folders left behind, are looked for. */
const sweepEvery = 5 * 60 * 1000;

/** An upload's folder is named by its id: 32 hex digits. Nothing else in the uploads folder is ever removed. */
const uploadFolderName = /^[0-9a-f]{32}$/;

/**
 * Where uploads are kept: `PACE_UPLOADS_DIR` when set (`PACE_UPLOAD_DIR`, its older name, too);
 * otherwise `uploads` beside a SQLite database's file, or `data/uploads` under the working
 * directory for PostgreSQL (and an in-memory database).
 */
export function uploadsDirFor(connection: Pick<Connection, 'file'>, env: Readonly<Record<string, string | undefined>>): string {
  const configured = (env.PACE_UPLOADS_DIR ?? env.PACE_UPLOAD_DIR)?.trim();
  if (configured) return resolve(configured);
  return connection.file === undefined ? resolve('data', 'uploads') : join(dirname(resolve(connection.file)), 'uploads');
}

/** The folder, inside the uploads folder, that holds each process's temporary folder. */
const temporaryFolderName = 'tmp';

/**
 * Makes `tmp/<process id>` in the uploads folder (mode 0700) the process's temporary folder
 * (`os.tmpdir()`, which reads TMPDIR, or TEMP and TMP on Windows, each time it is asked). Libraries
 * write children's data there: ExcelJS sets aside each sheet of a workbook that stores its sheets
 * before its index. So in the server it is a folder of pace's own, never the system's shared one,
 * and one for each process, so that a process starting (and sweeping) never removes a file another
 * is reading. For the server's and the worker's process only: it changes the whole process.
 */
export function keepTemporaryFilesIn(uploadsDir: string, env: Record<string, string | undefined> = process.env): string {
  const dir = join(uploadsDir, temporaryFolderName, String(process.pid));
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  for (const name of ['TMPDIR', 'TEMP', 'TMP']) env[name] = dir;
  return dir;
}

export interface ImportJobsOptions {
  /** The clock, in ms since the epoch; tests move it. */
  readonly now?: () => number;
  /** What checks or imports the files; tests replace it. */
  readonly importer?: typeof importFiles;
}

export class ImportJobs {
  readonly #now: () => number;
  readonly #importer: typeof importFiles;
  readonly #timer: NodeJS.Timeout;

  /** Says how to do import jobs; the uploads folder is swept by `sweep` (once the queue runs). */
  constructor(
    private readonly connection: Connection,
    private readonly root: string,
    private readonly queue: JobQueue,
    options: ImportJobsOptions = {},
  ) {
    this.#now = options.now ?? Date.now;
    this.#importer = options.importer ?? importFiles;
    queue.handle(importJobKind, {
      handler: (job, context) => this.#run(job, context.progress),
      failureWords: 'The files could not be checked or imported because of a fault in pace. Nothing was written. Try again; if it happens again, tell the people who run pace.',
      abandonedWords: 'The files could not be checked or imported: the server doing it stopped each time it tried. Nothing was written. Upload the files again; if it happens again, tell the people who run pace.',
    });
    this.#timer = setInterval(() => void this.sweep().catch(() => {}), sweepEvery);
    this.#timer.unref();
  }

  /**
   * Removes every folder in the uploads folder that no upload names and that has not changed for
   * `receivingFor`, the temporary folders of processes no longer running, and uploads kept too long.
   */
  async sweep(): Promise<void> {
    const kept = new Set((await listUploads(this.connection)).map((u) => u.id));
    removeLeftovers(this.root, kept, this.#now() - receivingFor);
    await this.expire();
  }

  /** A new, empty folder for one upload (mode 0700, like the uploads folder). */
  newUploadDir(): { id: string; dir: string } {
    const id = randomBytes(16).toString('hex');
    const dir = join(this.root, id);
    mkdirSync(this.root, { recursive: true, mode: 0o700 });
    mkdirSync(dir, { mode: 0o700 });
    return { id, dir };
  }

  /** Keeps an upload until it is imported, refused or `keepFor` has passed. */
  async keepUpload(upload: Upload): Promise<void> {
    await addUpload(this.connection, upload, this.#now());
  }

  /** Removes an upload's files now. */
  async discardUpload(id: string, dir: string): Promise<void> {
    await removeUpload(this.connection, id);
    rmSync(dir, { recursive: true, force: true });
  }

  /**
   * Queues a check (dry run) or an import of an upload; returns the job's id, or null when the
   * upload cannot be imported (already taken by an import, or gone). An import takes the upload (it
   * cannot be imported twice); its files are removed when it ends, however it ends. A check's files
   * are kept only while they can still be imported: when it finds no error.
   */
  async start(upload: Upload, options: { scope: AuthorityScope; profile: Profile; dryRun: boolean; by: string; clientIp: string; today: PlainDate; path: string }): Promise<string | null> {
    if (!options.dryRun && !(await takeUpload(this.connection, upload.id))) return null;
    const input: ImportJobInput = { upload, scope: options.scope, profile: options.profile, dryRun: options.dryRun, by: options.by, clientIp: options.clientIp, today: options.today.toString(), path: options.path };
    return this.queue.enqueue(importJobKind, { authorityId: upload.authorityId, username: upload.username, input });
  }

  /** The job, only for the user and authority that started it. */
  async job(id: string, authorityId: number, username: string): Promise<ImportJob | null> {
    const job = await this.queue.find(id);
    if (!job || job.kind !== importJobKind || job.authorityId !== authorityId || job.username !== username) return null;
    const input = job.input as ImportJobInput;
    return {
      id: job.id,
      upload: input.upload,
      profile: input.profile,
      dryRun: input.dryRun,
      startedAt: job.createdAt,
      attempt: job.attempts,
      progress: job.state === 'running' ? (job.progress as ImportProgress | null) : null,
      report: job.state === 'done' ? (job.result as ImportReport) : null,
      failure: job.failure,
    };
  }

  /** The upload, only for the user and authority that made it, while it is kept. */
  async upload(id: string, authorityId: number, username: string): Promise<Upload | null> {
    const kept = await findUpload(this.connection, id);
    return kept && kept.state === 'kept' && kept.authorityId === authorityId && kept.username === username ? { id: kept.id, dir: kept.dir, authorityId: kept.authorityId, username: kept.username, fileNames: kept.fileNames } : null;
  }

  /** Removes uploads kept longer than `keepFor`, unless a job that will read them is queued or running. */
  async expire(): Promise<void> {
    const before = this.#now() - keepFor;
    for (const upload of await listUploads(this.connection)) {
      if (upload.keptAt >= before) continue;
      if (await this.queue.hasActive(importJobKind, (input) => (input as ImportJobInput).upload.id === upload.id)) continue;
      await this.discardUpload(upload.id, upload.dir);
    }
  }

  /** When the process stops: no more expiring. Uploads and their jobs outlive it. */
  close(): void {
    clearInterval(this.#timer);
  }

  async #run(job: StoredJob, progress: (value: ImportProgress) => void): Promise<ImportReport> {
    const input = job.input as ImportJobInput;
    const { upload } = input;
    try {
      if ((await findUpload(this.connection, upload.id)) === null) throw new JobFailure('These files are no longer kept (they waited too long to be imported). Nothing was written. Upload them again.');
      const report = await this.#importer(this.connection, {
        path: input.path,
        scope: input.scope,
        profile: input.profile,
        dryRun: input.dryRun,
        by: input.by,
        clientIp: input.clientIp,
        today: parseDateOrThrow(input.today),
        onProgress: progress,
      });
      if (report.outcome !== 'dry-run') await this.discardUpload(upload.id, upload.dir);
      return report;
    } catch (error) {
      await this.discardUpload(upload.id, upload.dir);
      throw error;
    }
  }
}

/** Removes what `sweep` says, an unnamed upload folder only when it last changed before `before` (ms since the epoch). */
function removeLeftovers(root: string, kept: ReadonlySet<string>, before: number): void {
  let names: string[];
  try {
    names = readdirSync(root);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return; // No folder yet: nothing was ever uploaded here.
    throw error;
  }
  for (const name of names) {
    if (uploadFolderName.test(name) && !kept.has(name) && (lastChanged(join(root, name)) ?? -Infinity) < before) rmSync(join(root, name), { recursive: true, force: true });
  }
  if (!names.includes(temporaryFolderName)) return;
  // Each process's temporary folder is named by its process id: keep those of running processes.
  for (const name of readdirSync(join(root, temporaryFolderName))) if (!/^\d+$/.test(name) || !isRunning(Number(name))) rmSync(join(root, temporaryFolderName, name), { recursive: true, force: true });
}

/** When a folder, or a file in it, last changed (a file being received changes as it is written); null when it is gone. */
function lastChanged(dir: string): number | null {
  try {
    let last = statSync(dir).mtimeMs;
    for (const name of readdirSync(dir)) last = Math.max(last, statSync(join(dir, name), { throwIfNoEntry: false })?.mtimeMs ?? last);
    return last;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
