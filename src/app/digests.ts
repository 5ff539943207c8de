/**
 * The weekly digests (docs/reminders.md): what `pace digest` sends at once, and what a `digests`
 * job sends in whichever process runs it (`pace digest --queue`; docs/decisions/0024-durable-jobs.md).
 * Each message is recorded in digests_sent as soon as it is sent, not when all are: a job whose
 * process stopped half-way is done again by another process, which sends only the messages not yet
 * recorded, so that no one is sent a digest twice for a date. (A process killed between a message
 * leaving and its row being written is the one way one can go twice.) The SMTP settings are read by
 * the process that sends: the job's process, not the one that queued it.
 */
import { nextTurn } from './turns.js';
import { parseDateOrThrow, type PlainDate } from '../domain/date.js';
import { childrenDueInParts } from '../domain/reminders/due-list.js';
import { planDigests, type ContactKind, type DigestMessage, type DigestPlan } from '../domain/reminders/digest.js';
import { loadReminderInputs } from './reminder-inputs.js';
import { sendDigests, type MailSettings, type SendResult } from './mailer.js';
import { digestsSent, findAuthority, listContacts, recipientKey, recordDigestSent, type Connection, type StoredAuthority } from '../store/index.js';
import { JobFailure, type JobQueue } from './job-queue.js';

/** What is said when there is no SMTP server or sender to send with (by `pace digest`, and by a digests job that fails for it). */
export const mailSettingsMissing = 'set SMTP_URL (e.g. smtp://localhost:2525) and MAIL_FROM (e.g. "pace <pace@council.example>") to send';

/** The SMTP server and sender `env` names; null when either is missing. */
export function mailSettingsFrom(env: Readonly<Record<string, string | undefined>>): MailSettings | null {
  const smtpUrl = env.SMTP_URL?.trim() ?? '';
  const from = env.MAIL_FROM?.trim() ?? '';
  return smtpUrl === '' || from === '' ? null : { smtpUrl, from };
}

export interface PlannedDigests {
  readonly plan: DigestPlan;
  /** When each recipient was sent the digest for the date already (ISO instants), by `recipientKey`. */
  readonly sent: ReadonlyMap<string, string>;
}

/** Every digest of `found` for `asAt`, and which were sent already. `baseUrl` (PACE_URL) links each to its due list. */
export async function planDigestsFor(connection: Connection, found: StoredAuthority, asAt: PlainDate, windowDays: number, baseUrl: string): Promise<PlannedDigests> {
  const [{ records, schedule }, contacts, sent] = await Promise.all([loadReminderInputs(connection, found, asAt), listContacts(connection, found.scope), digestsSent(connection, found.scope, asAt)]);
  const base = baseUrl.trim().replace(/\/+$/, '');
  const linkFor = (kind: ContactKind, name: string) => (base === '' ? null : `${base}/a/${encodeURIComponent(found.scope.code)}/due?${new URLSearchParams({ [kind]: name }).toString()}`);
  // A part at a time: a digests job may run in a web process, which answers other requests meanwhile.
  const due = await childrenDueInParts(records, schedule, asAt, windowDays, () => nextTurn());
  return { plan: planDigests(due, contacts, { authorityName: found.authority.name, asAt, windowDays, linkFor }), sent };
}

/** Sends `messages`, recording each in digests_sent as soon as it has gone. */
export async function sendAndRecord(connection: Connection, found: StoredAuthority, asAt: PlainDate, messages: readonly DigestMessage[], mail: MailSettings, by: string): Promise<SendResult[]> {
  return sendDigests(messages, mail, async (result) => {
    if (result.ok) await recordDigestSent(connection, found.scope, asAt, result.message, { by });
  });
}

/** One line a digest: who, how many children, what is overdue and due soon. */
export function digestSummary(message: DigestMessage): string {
  return `${message.kind} ${message.name} <${message.to}>: ${message.children} ${message.children === 1 ? 'child' : 'children'}, ${message.overdue} overdue, ${message.dueSoon} due soon`;
}

/** The job kind of an authority's digests for a date. */
export const digestJobKind = 'digests';

interface DigestJobInput {
  readonly code: string;
  readonly asAt: string;
  readonly windowDays: number;
  /** Who queued them: recorded as the sender of each. */
  readonly by: string;
}

/** What a digests job ends with: the same counts and lines `pace digest` prints. */
export interface DigestJobResult {
  readonly sent: number;
  readonly failed: number;
  /** Sent already for the date (by an earlier run, or an attempt of this job that stopped), so not sent again. */
  readonly already: number;
  readonly lines: readonly string[];
}

/** Digests jobs: queued by `pace digest --queue`, sent by any process that runs jobs. */
export class DigestJobs {
  constructor(
    private readonly connection: Connection,
    private readonly queue: JobQueue,
    /** The environment of the process that sends: SMTP_URL, MAIL_FROM and PACE_URL. */
    private readonly env: Readonly<Record<string, string | undefined>> = process.env,
  ) {
    queue.handle(digestJobKind, {
      handler: (job, context) => this.#run(job.input as DigestJobInput, context.progress),
      failureWords: 'The digests could not all be sent because of a fault in pace. Those sent are recorded and will not be sent again. Queue them again; if it happens again, tell the people who run pace.',
      abandonedWords: 'The digests could not all be sent: the process sending them stopped each time it tried. Those sent are recorded and will not be sent again. Queue them again; if it happens again, tell the people who run pace.',
    });
  }

  /** Queues the digests of `found` for `asAt`; returns the job's id. */
  enqueue(found: StoredAuthority, asAt: PlainDate, windowDays: number, by: string): Promise<string> {
    const input: DigestJobInput = { code: found.scope.code, asAt: asAt.toString(), windowDays, by };
    return this.queue.enqueue(digestJobKind, { authorityId: found.scope.id, username: by, input });
  }

  async #run(input: DigestJobInput, progress: (value: { sent: number; total: number }) => void): Promise<DigestJobResult> {
    const mail = mailSettingsFrom(this.env);
    if (!mail) throw new JobFailure(`The digests were not sent: ${mailSettingsMissing}, in the environment of the process that runs jobs.`);
    const found = await findAuthority(this.connection, input.code);
    if (!found) throw new JobFailure(`The digests were not sent: there is no authority with code ${input.code} now.`);
    const asAt = parseDateOrThrow(input.asAt);
    // Read afresh on every attempt: what an attempt that stopped sent is recorded, and not sent again.
    const { plan, sent } = await planDigestsFor(this.connection, found, asAt, input.windowDays, this.env.PACE_URL ?? '');
    const messages = plan.messages.filter((message) => !sent.has(recipientKey(message)));
    let done = 0;
    progress({ sent: done, total: messages.length });
    const results = await sendDigests(messages, mail, async (result) => {
      if (result.ok) await recordDigestSent(this.connection, found.scope, asAt, result.message, { by: input.by });
      progress({ sent: (done += 1), total: messages.length });
    });
    const failed = results.filter((r) => !r.ok).length;
    const already = plan.messages.length - messages.length;
    const lines = [
      `Sent ${results.length - failed} of ${results.length} ${results.length === 1 ? 'digest' : 'digests'} for ${input.code} as at ${input.asAt}${already > 0 ? ` (${already} sent already for the date, so not sent again)` : ''}.`,
      ...results.map((result) => `  ${digestSummary(result.message)}${result.ok ? '' : `: NOT SENT (${result.error})`}`),
    ];
    return { sent: results.length - failed, failed, already, lines };
  }
}
