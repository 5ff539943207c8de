/**
 * Imports started from the web: the uploaded files are kept in a folder of their own until the
 * data lead commits or abandons them, and each check or import runs in the background while the
 * page shows its progress. The files are checked again when committed: the dry run's report is
 * a preview, the commit's is the truth. Jobs live in the process that started them (see
 * docs/decisions/0008-web-import.md).
 *
 * The files hold children's records, so they are kept no longer than they are needed, in the
 * database's own uploads folder (never the system's shared temporary folder): removed when
 * imported, as soon as a check or an import is refused or fails, `keepFor` after upload
 * otherwise, and every one left behind when the server starts (jobs do not survive a restart).
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { PlainDate } from '../domain/date.js';
import { importFiles, type ImportProgress, type ImportReport } from '../ingest/import-files.js';
import type { Profile } from '../ingest/profile.js';
import type { AuthorityScope, Connection } from '../store/index.js';

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
  progress: ImportProgress | null;
  report: ImportReport | null;
  /** An unexpected failure, in words (the details go to the server's log). */
  failure: string | null;
}

/** How long an upload and its jobs are kept when nobody commits them. */
export const keepFor = 2 * 60 * 60 * 1000;

/** How often uploads kept too long are looked for. */
const expireEvery = 5 * 60 * 1000;

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

/** The folder, inside the uploads folder, that serves the server's process as its temporary folder. */
const temporaryFolderName = 'tmp';

/**
 * Makes `tmp` in the uploads folder (mode 0700) the process's temporary folder (`os.tmpdir()`, which
 * reads TMPDIR, or TEMP and TMP on Windows, each time it is asked). Libraries write children's data
 * there: ExcelJS sets aside each sheet of a workbook that stores its sheets before its index. So in
 * the server it is a folder of pace's own, emptied when the server starts, never the system's
 * shared one. For the server's process only (start.ts): it changes the whole process.
 */
export function keepTemporaryFilesIn(uploadsDir: string, env: Record<string, string | undefined> = process.env): string {
  const dir = join(uploadsDir, temporaryFolderName);
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
  readonly #jobs = new Map<string, ImportJob>();
  /** Uploads checked without error, waiting to be imported. */
  readonly #uploads = new Map<string, { upload: Upload; at: number }>();
  /** Every upload folder this process made and has not removed yet. */
  readonly #folders = new Map<string, string>();
  /** Uploads a check or an import is reading now: never removed from under it. */
  readonly #reading = new Set<string>();
  readonly #now: () => number;
  readonly #importer: typeof importFiles;
  readonly #timer: NodeJS.Timeout;

  /** Removes every upload left in `root` by an earlier run of the server, and empties its temporary folder: their jobs died with it. */
  constructor(
    private readonly connection: Connection,
    private readonly root: string,
    options: ImportJobsOptions = {},
  ) {
    this.#now = options.now ?? Date.now;
    this.#importer = options.importer ?? importFiles;
    removeLeftovers(root);
    this.#timer = setInterval(() => this.expire(), expireEvery);
    this.#timer.unref();
  }

  /** A new, empty folder for one upload (mode 0700, like the uploads folder). */
  newUploadDir(): { id: string; dir: string } {
    this.expire();
    const id = randomBytes(16).toString('hex');
    const dir = join(this.root, id);
    mkdirSync(this.root, { recursive: true, mode: 0o700 });
    mkdirSync(dir, { mode: 0o700 });
    this.#folders.set(id, dir);
    return { id, dir };
  }

  /** Keeps an upload until it is imported, refused or `keepFor` has passed. */
  keepUpload(upload: Upload): void {
    this.#uploads.set(upload.id, { upload, at: this.#now() });
  }

  /** Removes an upload's files now. */
  discardUpload(id: string, dir: string): void {
    this.#uploads.delete(id);
    this.#folders.delete(id);
    rmSync(dir, { recursive: true, force: true });
  }

  /**
   * Checks (dry run) or imports an upload in the background; returns at once. An import takes the
   * upload (it cannot be imported twice); its files are removed when it ends, however it ends. A
   * check's files are kept only while they can still be imported: when it finds no error.
   */
  start(upload: Upload, options: { scope: AuthorityScope; profile: Profile; dryRun: boolean; by: string; clientIp: string; today: PlainDate; path: string; onFailure: (error: unknown) => void }): ImportJob {
    const job: ImportJob = { id: randomBytes(16).toString('hex'), upload, profile: options.profile, dryRun: options.dryRun, startedAt: this.#now(), progress: null, report: null, failure: null };
    this.#jobs.set(job.id, job);
    if (!options.dryRun) this.#uploads.delete(upload.id);
    this.#reading.add(upload.id);
    void this.#importer(this.connection, {
      path: options.path,
      scope: options.scope,
      profile: options.profile,
      dryRun: options.dryRun,
      by: options.by,
      clientIp: options.clientIp,
      today: options.today,
      onProgress: (progress) => {
        job.progress = progress;
      },
    }).then(
      (report) => {
        this.#reading.delete(upload.id);
        job.report = report;
        if (report.outcome !== 'dry-run') this.discardUpload(upload.id, upload.dir);
      },
      (error: unknown) => {
        this.#reading.delete(upload.id);
        job.failure = 'The files could not be checked or imported because of a fault in pace. Nothing was written. Try again; if it happens again, tell the people who run pace.';
        this.discardUpload(upload.id, upload.dir);
        options.onFailure(error);
      },
    );
    return job;
  }

  /** The job, only for the user and authority that started it. */
  job(id: string, authorityId: number, username: string): ImportJob | null {
    const job = this.#jobs.get(id);
    return job && job.upload.authorityId === authorityId && job.upload.username === username ? job : null;
  }

  /** The upload, only for the user and authority that made it, while it is kept. */
  upload(id: string, authorityId: number, username: string): Upload | null {
    const kept = this.#uploads.get(id)?.upload;
    return kept && kept.authorityId === authorityId && kept.username === username ? kept : null;
  }

  /** Forgets finished jobs and removes uploads kept longer than `keepFor` (not while a job reads them). */
  expire(): void {
    const before = this.#now() - keepFor;
    for (const [id, job] of this.#jobs) if (job.startedAt < before && (job.report !== null || job.failure !== null)) this.#jobs.delete(id);
    for (const [id, { upload, at }] of this.#uploads) if (at < before && !this.#reading.has(id)) this.discardUpload(id, upload.dir);
  }

  /** When the server stops: no more expiring, and every upload this process made is removed (its jobs end with it). */
  close(): void {
    clearInterval(this.#timer);
    for (const [id, dir] of this.#folders) this.discardUpload(id, dir);
  }
}

function removeLeftovers(root: string): void {
  let names: string[];
  try {
    names = readdirSync(root);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return; // No folder yet: nothing was ever uploaded here.
    throw error;
  }
  for (const name of names) if (uploadFolderName.test(name)) rmSync(join(root, name), { recursive: true, force: true });
  if (names.includes(temporaryFolderName)) for (const name of readdirSync(join(root, temporaryFolderName))) rmSync(join(root, temporaryFolderName, name), { recursive: true, force: true });
}
