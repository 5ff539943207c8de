// The weekly digest, sent over SMTP to a local server the test starts (smtp-server on port 0), each
// message read back with mailparser.
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DigestJobs } from '../src/app/digests.js';
import { JobQueue } from '../src/app/job-queue.js';
import { addAuthority, claimJob, digestsSent, findAuthority, findJob, recordDigestSent, setContact, type AuthorityScope, type Connection, type StoredJob } from '../src/store/index.js';
import { d } from './builders.js';
import { pace } from './cli-harness.js';
import { engines } from './engines.js';
import { saveMovedChild, saveReminderChildren } from './reminders-fixtures.js';

const childNames = ['Amy', 'Adams', 'Ben', 'Brown', 'Cal', 'Clark', 'Dee', 'Dunn'];

const annText = [
  'Reminders from pace for Ann Smith, as at 1 June 2021.',
  '',
  'North Council: 2 overdue and 1 due in the next 14 days for the children allocated to you.',
  '',
  'Overdue',
  '- B2: Looked after review every 6 months, due 1 March 2021 (overdue by 13 weeks)',
  '- B2: Permanence recommendation, due 2 March 2021 (overdue by 13 weeks)',
  '',
  'Due in the next 14 days',
  '- A1: Early review, due 3 June 2021 (due in 2 days)',
  '',
  'Children are named here by their reference only. Sign in to pace to see their records:',
  'https://pace.north.example/a/NORTH/due?worker=Ann+Smith',
  '',
  'You receive this because you are the allocated worker for these children.',
  '',
].join('\n');

const teamText = [
  'Reminders from pace for the manager of the North East team, as at 1 June 2021.',
  '',
  'North Council: 3 overdue and 2 due in the next 14 days for the children of the North East team.',
  '',
  'Overdue',
  '- B2 (Ann Smith): Looked after review every 6 months, due 1 March 2021 (overdue by 13 weeks)',
  '- B2 (Ann Smith): Permanence recommendation, due 2 March 2021 (overdue by 13 weeks)',
  '- D4 (no allocated worker): Agency decision maker decision, due 8 March 2021 (overdue by 12 weeks)',
  '',
  'Due in the next 14 days',
  '- D4 (no allocated worker): Looked after review every 6 months, due 1 June 2021 (due today)',
  '- A1 (Ann Smith): Early review, due 3 June 2021 (due in 2 days)',
  '',
  'Children are named here by their reference only. Sign in to pace to see their records:',
  'https://pace.north.example/a/NORTH/due?team=North+East',
  '',
  'You receive this as the manager of the North East team.',
  '',
].join('\n');

describe.each(engines)('pace digest on $name', (engine) => {
  let env: NodeJS.ProcessEnv;
  let dispose: () => Promise<void>;
  let connection: Connection;
  let north: AuthorityScope;
  let server: SMTPServer;
  let received: ParsedMail[];
  let refused: string[];
  let held: { address: string; released: Promise<void> };

  beforeEach(async () => {
    const opened = await engine.open();
    ({ connection, dispose } = opened);
    const added = await addAuthority(connection, { code: 'NORTH', name: 'North Council', programmeStart: null }, 'test');
    if (!added.ok) throw new Error('fixture authority');
    north = added.value.scope;
    await saveReminderChildren(connection, north);
    await setContact(connection, north, { kind: 'worker', name: 'Ann Smith', email: 'ann@north.example' }, { by: 'test' });
    await setContact(connection, north, { kind: 'team', name: 'North East', email: 'north-east@north.example' }, { by: 'test' });
    received = [];
    refused = [];
    held = { address: '', released: Promise.resolve() };
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo(address, _session, callback) {
        if (refused.includes(address.address)) return callback(new Error('mailbox unavailable'));
        callback();
      },
      onData(stream, session, callback) {
        simpleParser(stream).then(
          async (mail) => {
            received.push(mail);
            // A message to a held address is not accepted until released: the sender waits on it.
            if (session.envelope.rcptTo.some((to) => to.address === held.address)) await held.released;
            callback();
          },
          (error: Error) => callback(error),
        );
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    const { port } = server.server.address() as AddressInfo;
    env = { DATABASE_URL: opened.url, USER: 'tester', SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_FROM: 'pace <pace@north.example>', PACE_URL: 'https://pace.north.example' };
  });

  const queues: JobQueue[] = [];

  /** A process that runs jobs, with `processEnv` as its environment. */
  const runJobs = async (processEnv: NodeJS.ProcessEnv): Promise<void> => {
    const queue = new JobQueue(connection, { staleAfterMs: 400 });
    new DigestJobs(connection, queue, processEnv);
    queues.push(queue);
    await queue.start();
  };

  const ended = async (id: string): Promise<StoredJob> => {
    for (let tries = 0; tries < 400; tries += 1) {
      const job = await findJob(connection, id);
      if (job && (job.state === 'done' || job.state === 'failed')) return job;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error('the job never ended');
  };

  const queued = async (): Promise<string> => {
    // The queuing process needs no SMTP settings: the process that sends reads its own.
    const run = await pace(['digest', '--authority', 'NORTH', '--as-at', '2021-06-01', '--queue'], { ...env, SMTP_URL: '', MAIL_FROM: '' });
    expect([run.code, run.err]).toEqual([0, '']);
    const id = /^Queued the digests for NORTH as at 2021-06-01: job ([0-9a-f]{32})\. A process that runs jobs \(pace worker, or the web server\) sends each not yet sent for the date\.\n$/.exec(run.out)?.[1];
    if (!id) throw new Error(`no job id in ${run.out}`);
    return id;
  };

  afterEach(async () => {
    for (const queue of queues.splice(0)) await queue.stop();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await dispose();
  });

  it('sends each worker and team manager with an address a digest of their children, saying who has none', async () => {
    const run = await pace(['digest', '--authority', 'NORTH', '--as-at', '2021-06-01'], env);
    expect(run.err).toBe('');
    expect(run.out).toBe(
      [
        'Sent 2 of 2 digests for NORTH as at 2021-06-01.',
        '  worker Ann Smith <ann@north.example>: 2 children, 2 overdue, 1 due soon',
        '  team North East <north-east@north.example>: 3 children, 3 overdue, 2 due soon',
        'No address for worker Bob Jones (1 child with something due): set one with pace contacts set.',
        'No address for team North West (1 child with something due): set one with pace contacts set.',
        '',
      ].join('\n'),
    );
    expect(run.code).toBe(0);
    expect(received.map((m) => [m.from?.value[0]?.name, m.from?.value[0]?.address, (Array.isArray(m.to) ? m.to : [m.to]).map((t) => t?.text).join(', ')])).toEqual([
      ['pace', 'pace@north.example', 'ann@north.example'],
      ['pace', 'pace@north.example', 'north-east@north.example'],
    ]);
    expect(received.map((m) => m.subject)).toEqual([
      'pace reminders, North Council: 2 overdue, 1 due in the next 14 days (as at 1 June 2021)',
      'pace reminders, North Council: 3 overdue, 2 due in the next 14 days (as at 1 June 2021)',
    ]);
    expect(received.map((m) => m.text)).toEqual([annText, teamText]);
  });

  it('sends each digest once for a date: run again, it says which were sent already; --again sends them again', async () => {
    expect((await pace(['digest', '--authority', 'NORTH', '--as-at', '2021-06-01'], env)).code).toBe(0);
    expect(received).toHaveLength(2);
    const again = await pace(['digest', '--authority', 'NORTH', '--as-at', '2021-06-01'], env);
    expect(again.code).toBe(0);
    expect(received).toHaveLength(2);
    const lines = again.out.split('\n');
    expect(lines[0]).toBe('Sent 0 of 0 digests for NORTH as at 2021-06-01.');
    expect(lines.slice(1, 3).map((line) => line.replace(/on \d{4}-\d{2}-\d{2},/, 'on DAY,'))).toEqual([
      'Already sent for 2021-06-01, on DAY, so not sent again (use --again to): worker Ann Smith <ann@north.example>: 2 children, 2 overdue, 1 due soon',
      'Already sent for 2021-06-01, on DAY, so not sent again (use --again to): team North East <north-east@north.example>: 3 children, 3 overdue, 2 due soon',
    ]);
    const dry = await pace(['digest', '--authority', 'NORTH', '--as-at', '2021-06-01', '--dry-run'], env);
    expect(dry.out.split('\n')[0]).toBe('Dry run: 0 digests for NORTH as at 2021-06-01 would be sent.');
    const forced = await pace(['digest', '--authority', 'NORTH', '--as-at', '2021-06-01', '--again'], env);
    expect(forced.out.split('\n')[0]).toBe('Sent 2 of 2 digests for NORTH as at 2021-06-01.');
    expect(received).toHaveLength(4);
    // Another week's date is another digest.
    expect((await pace(['digest', '--authority', 'NORTH', '--as-at', '2021-06-08'], env)).out.split('\n')[0]).toBe('Sent 2 of 2 digests for NORTH as at 2021-06-08.');
    expect(received).toHaveLength(6);
  });

  it('names no child in any subject line or body: references only', async () => {
    await pace(['digest', '--authority', 'NORTH', '--as-at', '2021-06-01'], env);
    expect(received).toHaveLength(2);
    for (const mail of received) {
      for (const name of childNames) {
        expect(mail.subject).not.toContain(name);
        expect(mail.text).not.toContain(name);
      }
      expect(mail.html).toBe(false);
    }
  });

  it('sends each worker the children allocated to them on the date the digest is for', async () => {
    const south = await addAuthority(connection, { code: 'SOUTH', name: 'South Council', programmeStart: null }, 'test');
    if (!south.ok) throw new Error('fixture authority');
    await saveMovedChild(connection, south.value.scope);
    await setContact(connection, south.value.scope, { kind: 'worker', name: 'Worker A', email: 'a@south.example' }, { by: 'test' });
    await setContact(connection, south.value.scope, { kind: 'worker', name: 'Worker B', email: 'b@south.example' }, { by: 'test' });
    const plain = { ...env, SMTP_URL: '', PACE_URL: '' };
    const before = await pace(['digest', '--authority', 'SOUTH', '--as-at', '2026-02-15', '--dry-run'], plain);
    expect(before.out.split('\n').slice(0, 4)).toEqual(['Dry run: 1 digest for SOUTH as at 2026-02-15 would be sent.', '', 'To: a@south.example', 'Subject: pace reminders, South Council: 1 overdue, 1 due in the next 14 days (as at 15 February 2026)']);
    expect(before.out).toContain('- M1: Early review, due 19 January 2026 (overdue by 3 weeks)');
    expect(before.out).not.toContain('b@south.example');
    const after = await pace(['digest', '--authority', 'SOUTH', '--as-at', '2026-03-15', '--dry-run'], plain);
    expect(after.out.split('\n').slice(0, 4)).toEqual(['Dry run: 1 digest for SOUTH as at 2026-03-15 would be sent.', '', 'To: b@south.example', 'Subject: pace reminders, South Council: 1 overdue, 0 due in the next 14 days (as at 15 March 2026)']);
    expect(after.out).toContain('- M1: Looked after review at 6 weeks, due 16 February 2026 (overdue by 3 weeks)');
    expect(after.out).not.toContain('a@south.example');
  });

  it('prints the messages without sending them on a dry run', async () => {
    const run = await pace(['digest', '--authority', 'NORTH', '--as-at', '2021-06-01', '--dry-run'], { ...env, SMTP_URL: '', PACE_URL: '' });
    expect(run.code).toBe(0);
    expect(run.out.split('\n').slice(0, 5)).toEqual(['Dry run: 2 digests for NORTH as at 2021-06-01 would be sent.', '', 'To: ann@north.example', 'Subject: pace reminders, North Council: 2 overdue, 1 due in the next 14 days (as at 1 June 2021)', '']);
    expect(run.out).toContain('Children are named here by their reference only. Sign in to pace to see their records.\n');
    expect(received).toEqual([]);
  });

  it('reports a message the server refused, sends the others, and exits 1', async () => {
    refused.push('ann@north.example');
    const run = await pace(['digest', '--authority', 'NORTH', '--as-at', '2021-06-01'], env);
    expect(run.code).toBe(1);
    expect(run.out.split('\n').slice(0, 3)).toEqual([
      'Sent 1 of 2 digests for NORTH as at 2021-06-01.',
      expect.stringMatching(/^ {2}worker Ann Smith <ann@north\.example>: 2 children, 2 overdue, 1 due soon: NOT SENT \(.*mailbox unavailable.*\)$/),
      '  team North East <north-east@north.example>: 3 children, 3 overdue, 2 due soon',
    ]);
    expect(received.map((m) => m.subject?.startsWith('pace reminders, North Council: 3 overdue'))).toEqual([true]);
  });

  it('refuses to send without SMTP settings', async () => {
    expect(await pace(['digest', '--authority', 'NORTH'], { ...env, SMTP_URL: '' })).toEqual({
      code: 2,
      out: '',
      err: 'pace: set SMTP_URL (e.g. smtp://localhost:2525) and MAIL_FROM (e.g. "pace <pace@council.example>") to send, or use --dry-run\n',
    });
  });

  it('queues the digests as a job, sent by a process that runs jobs; an attempt that stopped half-way is done again, sending only what it had not sent', async () => {
    const id = await queued();
    expect(received).toEqual([]);
    // A process took the job, sent Ann's digest and recorded it, then stopped (its heartbeat ten seconds old).
    expect((await claimJob(connection, id, 'killed-process', Date.now() - 10_000))?.attempts).toBe(1);
    await recordDigestSent(connection, north, d('2021-06-01'), { kind: 'worker', name: 'Ann Smith', to: 'ann@north.example' }, { by: 'tester' });

    await runJobs(env);
    const job = await ended(id);
    expect([job.state, job.attempts, job.result]).toEqual([
      'done',
      2,
      {
        sent: 1,
        failed: 0,
        already: 1,
        lines: ['Sent 1 of 1 digest for NORTH as at 2021-06-01 (1 sent already for the date, so not sent again).', '  team North East <north-east@north.example>: 3 children, 3 overdue, 2 due soon'],
      },
    ]);
    expect(received.map((m) => [(Array.isArray(m.to) ? m.to : [m.to]).map((t) => t?.text).join(', '), m.text])).toEqual([['north-east@north.example', teamText]]);
    expect([...(await digestsSent(connection, north, d('2021-06-01'))).keys()].sort()).toEqual(['team|north east|north-east@north.example', 'worker|ann smith|ann@north.example']);

    // Queued again for the same date: nothing is sent twice.
    const again = await queued();
    expect(((await ended(again)).result as { lines: string[] }).lines).toEqual(['Sent 0 of 0 digests for NORTH as at 2021-06-01 (2 sent already for the date, so not sent again).']);
    expect(received).toHaveLength(1);
  });

  it('records each message of a digests job as soon as it is sent, not when all are', async () => {
    let release: () => void = () => {};
    held = { address: 'north-east@north.example', released: new Promise((resolve) => (release = resolve)) };
    const id = await queued();
    await runJobs(env);
    for (let tries = 0; tries < 400 && received.length < 2; tries += 1) await new Promise((resolve) => setTimeout(resolve, 25));
    // The team's message is still being sent; Ann's is recorded already, so a process killed now would not send it again.
    expect((await findJob(connection, id))?.state).toBe('running');
    expect([...(await digestsSent(connection, north, d('2021-06-01'))).keys()]).toEqual(['worker|ann smith|ann@north.example']);
    release();
    expect(((await ended(id)).result as { sent: number }).sent).toBe(2);
    expect((await digestsSent(connection, north, d('2021-06-01'))).size).toBe(2);
  });

  it('fails a digests job in a process without SMTP settings, in the words pace digest uses', async () => {
    const id = await queued();
    await runJobs({ ...env, SMTP_URL: '' });
    const job = await ended(id);
    expect([job.state, job.failure]).toEqual(['failed', 'The digests were not sent: set SMTP_URL (e.g. smtp://localhost:2525) and MAIL_FROM (e.g. "pace <pace@council.example>") to send, in the environment of the process that runs jobs.']);
    expect(received).toEqual([]);
    expect((await digestsSent(connection, north, d('2021-06-01'))).size).toBe(0);
  });

  it('refuses to queue a dry run or a sending again', async () => {
    expect(await pace(['digest', '--authority', 'NORTH', '--queue', '--dry-run'], env)).toEqual({ code: 2, out: '', err: 'pace: --queue sends each digest not yet sent for the date; it cannot be a dry run or send again\n' });
    expect(await findAuthority(connection, 'NORTH')).not.toBeNull();
  });
});
