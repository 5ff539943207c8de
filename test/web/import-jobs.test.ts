// The uploads of web imports and the durable jobs that check and import them (issue 18, point 1):
// where uploads are kept, that they are removed when a job fails and when they have waited too
// long, that they and their jobs outlive the process, and that a job whose process stopped is
// done by another, once.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CompiledQuery } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadProfile, type Profile } from '../../src/ingest/profile.js';
import { addJob, claimJob, findJob, finishJob, requeueStaleJobs, type Connection } from '../../src/store/index.js';
import { ImportJobs, keepFor, receivingFor, uploadsDirFor, type Upload } from '../../src/app/import-jobs.js';
import { bossSql, JobQueue } from '../../src/app/job-queue.js';
import { d } from '../builders.js';
import { engines } from '../engines.js';
import { leftBehindUpload } from './harness.js';

const scope = { id: 1, code: 'NORTH' };
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

/** Asks `look` until it gives something other than null or undefined (a job runs in the background). */
async function eventually<T>(look: () => Promise<T | null | undefined>): Promise<T> {
  for (let tries = 0; tries < 200; tries += 1) {
    const seen = await look();
    if (seen !== null && seen !== undefined) return seen;
    await new Promise((done) => setTimeout(done, 25));
  }
  throw new Error('it never happened');
}

describe.each(engines)('the uploads of web imports on $name', (engine) => {
  let root: string;
  let connection: Connection;
  let dispose: () => Promise<void>;
  const queues: JobQueue[] = [];
  const made: ImportJobs[] = [];

  beforeEach(async () => {
    root = mkdtempSync(join(tmpdir(), 'pace-import-jobs-'));
    ({ connection, dispose } = await engine.open());
  });

  afterEach(async () => {
    for (const jobs of made.splice(0)) jobs.close();
    for (const queue of queues.splice(0)) await queue.stop();
    await dispose();
    rmSync(root, { recursive: true, force: true });
  });

  const importJobs = async (options: ConstructorParameters<typeof ImportJobs>[3] = {}): Promise<ImportJobs> => {
    const queue = new JobQueue(connection, { staleAfterMs: 400 });
    const jobs = new ImportJobs(connection, root, queue, options);
    queues.push(queue);
    made.push(jobs);
    await queue.start();
    await jobs.sweep();
    return jobs;
  };

  const uploadTo = async (jobs: ImportJobs): Promise<Upload> => {
    const { id, dir } = jobs.newUploadDir();
    writeFileSync(join(dir, 'children.csv'), 'child_id\r\nC1\r\n');
    const upload = { id, dir, authorityId: scope.id, username: 'dana', fileNames: ['children.csv'] };
    await jobs.keepUpload(upload);
    return upload;
  };
  const startOptions = (dryRun: boolean) => ({ scope, profile, dryRun, by: 'dana', clientIp: '127.0.0.1', today: d('2021-06-01'), path: root });

  it('removes the files of a check that fails with a fault at once', async () => {
    const jobs = await importJobs({ importer: () => Promise.reject(new Error('a fault')) });
    const upload = await uploadTo(jobs);
    const id = (await jobs.start(upload, startOptions(true))) as string;
    const failure = await eventually(async () => (await jobs.job(id, scope.id, 'dana'))?.failure);
    expect(failure).toBe('The files could not be checked or imported because of a fault in pace. Nothing was written. Try again; if it happens again, tell the people who run pace.');
    expect(readdirSync(root)).toEqual([]);
    expect(await jobs.upload(upload.id, scope.id, 'dana')).toBeNull();
  });

  it('shows a job only to the user and authority that started it', async () => {
    const jobs = await importJobs({ importer: () => Promise.resolve(dryRunReport) });
    const id = (await jobs.start(await uploadTo(jobs), startOptions(true))) as string;
    expect((await eventually(() => jobs.job(id, scope.id, 'dana'))).upload.fileNames).toEqual(['children.csv']);
    expect(await jobs.job(id, scope.id, 'sam')).toBeNull();
    expect(await jobs.job(id, 2, 'dana')).toBeNull();
  });

  it('removes an upload nobody imports two hours after it was checked, but not while a job reads it', async () => {
    let now = Date.now();
    let finish: () => void = () => {};
    const jobs = await importJobs({ now: () => now, importer: () => new Promise((done) => (finish = () => done(dryRunReport))) });
    const upload = await uploadTo(jobs);
    const id = (await jobs.start(upload, startOptions(true))) as string;
    await eventually(async () => ((await findJob(connection, id))?.state === 'running' ? true : null));
    now += keepFor + 1;
    await jobs.expire();
    expect(readdirSync(root)).toEqual([upload.id]);
    finish();
    await eventually(async () => (await jobs.job(id, scope.id, 'dana'))?.report);
    await jobs.expire();
    expect(readdirSync(root)).toEqual([]);
    expect(await jobs.upload(upload.id, scope.id, 'dana')).toBeNull();
  });

  it('keeps a checked upload when the process stops and another starts; removes, at start, folders no upload names that have not changed for an hour, and temporary folders of stopped processes', async () => {
    const first = await importJobs();
    const upload = await uploadTo(first);
    leftBehindUpload(root);
    mkdirSync(join(root, 'tmp', '999999999'), { recursive: true });
    mkdirSync(join(root, 'tmp', String(process.pid)));
    writeFileSync(join(root, 'tmp', 'loose'), 'a sheet set aside');
    writeFileSync(join(root, 'README.txt'), 'not an upload');
    first.close();
    const second = await importJobs();
    expect(readdirSync(root).sort()).toEqual(['README.txt', upload.id, 'tmp'].sort());
    expect(readdirSync(join(root, 'tmp'))).toEqual([String(process.pid)]);
    expect(await second.upload(upload.id, scope.id, 'dana')).toEqual(upload);
  });

  it('leaves a folder no upload names alone while it may still be receiving files (changed within the hour, here or in another process), and removes it once it has not changed for an hour', async () => {
    let now = Date.now();
    const receiving = join(root, 'b'.repeat(32));
    mkdirSync(receiving);
    writeFileSync(join(receiving, 'events.csv'), 'child_id,event_id\r\n');
    // A file being received changes as it is written; its folder changed only when the file was made.
    const made = new Date(now - receivingFor - 60_000);
    utimesSync(receiving, made, made);
    const jobs = await importJobs({ now: () => now });
    expect(readdirSync(root)).toEqual(['b'.repeat(32)]);
    now += receivingFor + 1000;
    await jobs.sweep();
    expect(readdirSync(root)).toEqual([]);
  });

  it('imports an upload once, however often the import is asked for', async () => {
    let runs = 0;
    const jobs = await importJobs({ importer: async () => ((runs += 1), importedReport) });
    const upload = await uploadTo(jobs);
    const [one, two] = await Promise.all([jobs.start(upload, startOptions(false)), jobs.start(upload, startOptions(false))]);
    expect([one === null, two === null].sort()).toEqual([false, true]);
    await eventually(async () => (await jobs.job((one ?? two) as string, scope.id, 'dana'))?.report);
    expect(runs).toBe(1);
    expect(readdirSync(root)).toEqual([]);
  });

  it('does a job whose process stopped in another process, from the beginning, once; and fails it, saying why, when every attempt stops', async () => {
    // A process that queues jobs but runs none, and a job it queued that a third process took and
    // then stopped saying it was at (killed): its heartbeat is ten seconds old.
    const queuing = new JobQueue(connection, { runJobs: false });
    const queued = new ImportJobs(connection, root, queuing);
    made.push(queued);
    queues.push(queuing);
    const upload = await uploadTo(queued);
    const id = (await queued.start(upload, startOptions(true))) as string;
    expect((await claimJob(connection, id, 'killed-process', Date.now() - 10_000))?.attempts).toBe(1);

    let runs = 0;
    const jobs = await importJobs({ importer: async () => ((runs += 1), dryRunReport) });
    const done = await eventually(async () => (await jobs.job(id, scope.id, 'dana'))?.report);
    expect(done.outcome).toBe('dry-run');
    expect(runs).toBe(1);
    expect((await findJob(connection, id))?.attempts).toBe(2);

    // Three attempts, each stopped: failed, with the words for it.
    for (const queue of queues.splice(0)) await queue.stop();
    const again = (await queued.start(upload, startOptions(true))) as string;
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      expect((await claimJob(connection, again, 'killed-process', Date.now() - 10_000))?.attempts).toBe(attempt);
      // A process starting looks for jobs whose process stopped.
      const sweeper = new JobQueue(connection, { runJobs: false, staleAfterMs: 400, maxAttempts: 3 });
      sweeper.handle('import', { handler: () => Promise.resolve(null), failureWords: '', abandonedWords: 'The server doing it stopped each time it tried.' });
      await sweeper.start();
      await sweeper.stop();
    }
    const failed = await findJob(connection, again);
    expect([failed?.state, failed?.failure, failed?.attempts]).toEqual(['failed', 'The server doing it stopped each time it tried.', 3]);
    expect(runs).toBe(1);
  });
});

describe.each(engines)('a job’s end on $name', (engine) => {
  let connection: Connection;
  let dispose: () => Promise<void>;

  beforeEach(async () => {
    ({ connection, dispose } = await engine.open());
  });

  afterEach(async () => {
    await dispose();
  });

  it('is written by an attempt that finished after its job was queued again, unless another process took the job since', async () => {
    const job = { kind: 'import', authorityId: scope.id, username: 'dana', input: {} };
    await addJob(connection, { id: 'late-beat', ...job }, 1_000);
    expect((await claimJob(connection, 'late-beat', 'busy-process', 2_000))?.attempts).toBe(1);
    // Its heartbeat fell late (the process was busy), and another process queued it again.
    expect((await requeueStaleJobs(connection, 'import', 10_000, 3, 'stopped', 10_000, 'other')).map((j) => j.id)).toEqual(['late-beat']);
    expect(await finishJob(connection, 'late-beat', 'busy-process', { result: { imported: true } }, 11_000, 1)).toBe(true);
    expect([(await findJob(connection, 'late-beat'))?.state, (await findJob(connection, 'late-beat'))?.result]).toEqual(['done', { imported: true }]);

    await addJob(connection, { id: 'taken-again', ...job }, 1_000);
    await claimJob(connection, 'taken-again', 'busy-process', 2_000);
    await requeueStaleJobs(connection, 'import', 10_000, 3, 'stopped', 10_000, 'other');
    expect((await claimJob(connection, 'taken-again', 'other', 10_500))?.attempts).toBe(2);
    expect(await finishJob(connection, 'taken-again', 'busy-process', { result: { imported: true } }, 11_000, 1)).toBe(false);
    expect([(await findJob(connection, 'taken-again'))?.state, (await findJob(connection, 'taken-again'))?.worker]).toEqual(['running', 'other']);
  });
});

/** pg-boss on PostgreSQL: its statements must leave every connection of the pool fit for use. */
describe.each(engines.filter((engine) => engine.name === 'postgres'))('the job queue on $name', (engine) => {
  let connection: Connection;
  let dispose: () => Promise<void>;
  const queues: JobQueue[] = [];

  beforeEach(async () => {
    ({ connection, dispose } = await engine.open());
  });

  afterEach(async () => {
    for (const queue of queues.splice(0)) await queue.stop();
    await dispose();
  });

  it('starts two queues at once on a new database, and every connection is fit for use after (the second is refused creating the queue’s tables)', async () => {
    const started = [new JobQueue(connection), new JobQueue(connection)];
    for (const queue of started) {
      queue.handle('import', { handler: () => Promise.resolve(null), failureWords: '', abandonedWords: '' });
      queues.push(queue);
    }
    await Promise.all(started.map((queue) => queue.start()));
    // More queries at once than the pool has connections, so each connection answers one.
    const answers = await Promise.all(Array.from({ length: 12 }, (_, n) => connection.db.executeQuery<{ n: number }>(CompiledQuery.raw(`SELECT ${n}::int AS n`))));
    expect(answers.map((answer) => answer.rows[0]?.n)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(await Promise.all(started.map((queue) => queue.enqueue('import', { authorityId: scope.id, username: 'dana', input: {} }).then((id) => id.length)))).toEqual([32, 32]);
  });

  it('rolls a failed statement block of the queue library back on its own connection', async () => {
    for (let n = 0; n < 12; n += 1) await expect(bossSql(connection, 'BEGIN; SELECT 1/0; COMMIT;')).rejects.toThrow('division by zero');
    const answers = await Promise.all(Array.from({ length: 12 }, () => connection.db.executeQuery<{ one: number }>(CompiledQuery.raw('SELECT 1::int AS one'))));
    expect(answers.map((answer) => answer.rows[0]?.one)).toEqual(Array.from({ length: 12 }, () => 1));
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
const importedReport = { ...dryRunReport, outcome: 'imported' as const, dryRun: false };
