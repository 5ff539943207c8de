/**
 * Imports started from the web: the uploaded files are kept in a folder of their own until the
 * data lead commits or abandons them, and each check or import runs in the background while the
 * page shows its progress. The files are checked again when committed: the dry run's report is
 * a preview, the commit's is the truth. Jobs live in the process that started them (see
 * docs/decisions/0008-web-import.md); uploads are removed when imported or after `keepFor`.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PlainDate } from '../../domain/date.js';
import { importFiles, type ImportProgress, type ImportReport } from '../../ingest/import-files.js';
import type { Profile } from '../../ingest/profile.js';
import type { AuthorityScope, Connection } from '../../store/index.js';

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

export class ImportJobs {
  readonly #jobs = new Map<string, ImportJob>();
  readonly #uploads = new Map<string, { upload: Upload; at: number }>();

  constructor(
    private readonly connection: Connection,
    private readonly root: string = process.env.PACE_UPLOAD_DIR ?? join(tmpdir(), 'pace-uploads'),
  ) {}

  /** A new, empty folder for one upload. */
  newUploadDir(): { id: string; dir: string } {
    this.#sweep();
    const id = randomBytes(16).toString('hex');
    const dir = join(this.root, id);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    return { id, dir };
  }

  keepUpload(upload: Upload): void {
    this.#uploads.set(upload.id, { upload, at: Date.now() });
  }

  discardUpload(id: string, dir: string): void {
    this.#uploads.delete(id);
    rmSync(dir, { recursive: true, force: true });
  }

  /** Checks (dry run) or imports an upload in the background; returns at once. */
  start(upload: Upload, options: { scope: AuthorityScope; profile: Profile; dryRun: boolean; by: string; clientIp: string; today: PlainDate; path: string; onFailure: (error: unknown) => void }): ImportJob {
    const job: ImportJob = { id: randomBytes(16).toString('hex'), upload, profile: options.profile, dryRun: options.dryRun, startedAt: Date.now(), progress: null, report: null, failure: null };
    this.#jobs.set(job.id, job);
    void importFiles(this.connection, {
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
        job.report = report;
        if (report.outcome === 'imported') this.discardUpload(upload.id, upload.dir);
      },
      (error: unknown) => {
        job.failure = 'The files could not be checked or imported because of a fault in pace. Nothing was written. Try again; if it happens again, tell the people who run pace.';
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

  #sweep(): void {
    const before = Date.now() - keepFor;
    for (const [id, job] of this.#jobs) if (job.startedAt < before && (job.report !== null || job.failure !== null)) this.#jobs.delete(id);
    for (const [id, { upload, at }] of this.#uploads) if (at < before) this.discardUpload(id, upload.dir);
  }
}
