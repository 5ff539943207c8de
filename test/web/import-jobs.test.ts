// The uploads of web imports: where they are kept, and that they are removed when a job fails
// and when they have waited too long.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadProfile, type Profile } from '../../src/ingest/profile.js';
import type { Connection } from '../../src/store/index.js';
import { ImportJobs, keepFor, uploadsDirFor, type Upload } from '../../src/app/import-jobs.js';
import { d } from '../builders.js';

const scope = { id: 1, code: 'NORTH' };
const noConnection = {} as Connection;
const canonical = loadProfile('canonical');
if (!canonical.ok) throw new Error('the canonical profile');
const profile: Profile = canonical.value;

describe('where uploads are kept', () => {
  it('beside a SQLite database’s file, under the working directory for PostgreSQL, or where PACE_UPLOADS_DIR says', () => {
    expect(uploadsDirFor({ file: '/srv/pace/data/pace.sqlite' }, {})).toBe('/srv/pace/data/uploads');
    expect(uploadsDirFor({ file: 'elsewhere/x.sqlite' }, {})).toBe(resolve('elsewhere/uploads'));
    expect(uploadsDirFor({}, {})).toBe(resolve('data/uploads'));
    expect(uploadsDirFor({}, { PACE_UPLOADS_DIR: '/srv/pace-uploads' })).toBe('/srv/pace-uploads');
    expect(uploadsDirFor({ file: '/srv/pace/data/pace.sqlite' }, { PACE_UPLOADS_DIR: '/srv/pace-uploads' })).toBe('/srv/pace-uploads');
    expect(uploadsDirFor({}, { PACE_UPLOAD_DIR: '/srv/older-name' })).toBe('/srv/older-name');
  });
});

describe('the uploads of web imports', () => {
  let root: string;
  let jobs: ImportJobs | null = null;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'pace-import-jobs-'));
  });

  afterEach(() => {
    jobs?.close();
    rmSync(root, { recursive: true, force: true });
  });

  const uploadTo = (made: ImportJobs): Upload => {
    const { id, dir } = made.newUploadDir();
    writeFileSync(join(dir, 'children.csv'), 'child_id\r\nC1\r\n');
    const upload = { id, dir, authorityId: scope.id, username: 'dana', fileNames: ['children.csv'] };
    made.keepUpload(upload);
    return upload;
  };
  const startOptions = (dryRun: boolean, onFailure: (error: unknown) => void = () => {}) => ({ scope, profile, dryRun, by: 'dana', clientIp: '127.0.0.1', today: d('2021-06-01'), path: root, onFailure });

  it('removes the files of a check that fails with a fault at once', async () => {
    let failed: unknown = null;
    jobs = new ImportJobs(noConnection, root, { importer: () => Promise.reject(new Error('a fault')) });
    const upload = uploadTo(jobs);
    const job = jobs.start(upload, startOptions(true, (error) => (failed = error)));
    await new Promise((done) => setTimeout(done, 10));
    expect(job.failure).toContain('because of a fault in pace');
    expect((failed as Error).message).toBe('a fault');
    expect(readdirSync(root)).toEqual([]);
    expect(jobs.upload(upload.id, scope.id, 'dana')).toBeNull();
  });

  it('removes an upload nobody imports two hours after it was checked, but not while a job reads it', async () => {
    let now = Date.parse('2021-06-01T09:00:00Z');
    let finish: () => void = () => {};
    jobs = new ImportJobs(noConnection, root, { now: () => now, importer: () => new Promise((done) => (finish = () => done(dryRunReport))) });
    const upload = uploadTo(jobs);
    jobs.start(upload, startOptions(true));
    now += keepFor + 1;
    jobs.expire();
    expect(readdirSync(root)).toEqual([upload.id]);
    finish();
    await new Promise((done) => setTimeout(done, 10));
    jobs.expire();
    expect(readdirSync(root)).toEqual([]);
    expect(jobs.upload(upload.id, scope.id, 'dana')).toBeNull();
  });

  it('removes the uploads it made when the server stops', () => {
    jobs = new ImportJobs(noConnection, root);
    uploadTo(jobs);
    uploadTo(jobs);
    expect(readdirSync(root)).toHaveLength(2);
    jobs.close();
    expect(readdirSync(root)).toEqual([]);
  });
});

const noneSaved = { added: 0, changed: 0, unchanged: 0 };
const dryRunReport = {
  outcome: 'dry-run' as const,
  dryRun: true,
  importId: 1,
  files: [],
  rows: { children: 1, placements: 0, events: 0 },
  errors: 0,
  warnings: 0,
  problems: [],
  problemCounts: [],
  saved: { children: { ...noneSaved, added: 1 }, placements: noneSaved, events: noneSaved },
};
