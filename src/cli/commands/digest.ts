import type { Command } from 'commander';
import { Temporal, type PlainDate } from '../../domain/date.js';
import { DigestJobs, digestSummary, mailSettingsFrom, mailSettingsMissing, planDigestsFor, sendAndRecord } from '../../app/digests.js';
import { JobQueue } from '../../app/job-queue.js';
import { recipientKey } from '../../store/index.js';
import { authorityCodeArgument, dateArgument } from '../args.js';
import { authorityOrReport, exitCodes, withStore, type Io } from '../context.js';
import { defaultWindowDays, windowArgument } from '../reminders/load.js';

export function digestCommand(program: Command, io: Io, done: (code: number) => void): void {
  program
    .command('digest')
    .description('e-mail each worker and team manager what is overdue and due soon for their children (run it weekly); SMTP_URL and MAIL_FROM say how')
    .requiredOption('--authority <code>', 'the authority', authorityCodeArgument)
    .option('--as-at <date>', 'the date the digests are for (default: today)', dateArgument)
    .option('--window <days>', `due within this many days counts as due soon (default ${defaultWindowDays})`, windowArgument)
    .option('--dry-run', 'print the messages instead of sending them')
    .option('--again', 'send again the digests already sent for this date (each is sent once a date otherwise)')
    .option('--queue', 'queue them as a job, sent by a process that runs jobs (pace worker, or the web server) with its own SMTP_URL and MAIL_FROM; prints the job id')
    .action(async (options: { authority: string; asAt?: PlainDate; window?: number; dryRun?: boolean; again?: boolean; queue?: boolean }) => {
      const asAt = options.asAt ?? Temporal.Now.plainDateISO('Europe/London');
      const windowDays = options.window ?? defaultWindowDays;
      if (options.queue && (options.dryRun || options.again)) {
        io.err.write('pace: --queue sends each digest not yet sent for the date; it cannot be a dry run or send again\n');
        return done(exitCodes.usage);
      }
      if (options.queue) {
        const id = await withStore(io, async (connection) => {
          const found = await authorityOrReport(io, connection, options.authority);
          if (!found) return null;
          // Started without running jobs, so that on PostgreSQL the job is carried to a process that does.
          const queue = new JobQueue(connection, { runJobs: false });
          const digests = new DigestJobs(connection, queue, io.env);
          await queue.start();
          try {
            return await digests.enqueue(found, asAt, windowDays, io.env.USER ?? 'cli');
          } finally {
            await queue.stop();
          }
        });
        if (id === null) return done(exitCodes.refused);
        io.out.write(`Queued the digests for ${options.authority} as at ${asAt.toString()}: job ${id}. A process that runs jobs (pace worker, or the web server) sends each not yet sent for the date.\n`);
        return done(exitCodes.ok);
      }
      const mail = mailSettingsFrom(io.env);
      if (!options.dryRun && !mail) {
        io.err.write(`pace: ${mailSettingsMissing}, or use --dry-run\n`);
        return done(exitCodes.usage);
      }
      const lines: string[] = [];
      let failed = 0;
      const plan = await withStore(io, async (connection) => {
        const found = await authorityOrReport(io, connection, options.authority);
        if (!found) return null;
        const { plan: digests, sent } = await planDigestsFor(connection, found, asAt, windowDays, io.env.PACE_URL ?? '');
        // A digest already sent for this date is not sent twice, unless asked.
        const already = options.again ? [] : digests.messages.filter((message) => sent.has(recipientKey(message)));
        const messages = options.again ? digests.messages : digests.messages.filter((message) => !sent.has(recipientKey(message)));
        if (options.dryRun || !mail) {
          lines.push(`Dry run: ${messages.length} ${messages.length === 1 ? 'digest' : 'digests'} for ${options.authority} as at ${asAt.toString()} would be sent.`);
          for (const message of messages) lines.push('', `To: ${message.to}`, `Subject: ${message.subject}`, '', message.text.trimEnd());
          if (messages.length > 0) lines.push('');
        } else {
          const results = await sendAndRecord(connection, found, asAt, messages, mail, io.env.USER ?? 'cli');
          failed = results.filter((r) => !r.ok).length;
          lines.push(`Sent ${results.length - failed} of ${results.length} ${results.length === 1 ? 'digest' : 'digests'} for ${options.authority} as at ${asAt.toString()}.`);
          for (const result of results) lines.push(`  ${digestSummary(result.message)}${result.ok ? '' : `: NOT SENT (${result.error})`}`);
        }
        for (const message of already) lines.push(`Already sent for ${asAt.toString()}, on ${(sent.get(recipientKey(message)) as string).slice(0, 10)}, so not sent again (use --again to): ${digestSummary(message)}`);
        return digests;
      });
      if (plan === null) return done(exitCodes.refused);
      for (const missing of plan.withoutAddress) lines.push(`No address for ${missing.kind} ${missing.name} (${missing.children} ${missing.children === 1 ? 'child' : 'children'} with something due): set one with pace contacts set.`);
      if (plan.unallocated > 0) lines.push(`${plan.unallocated} ${plan.unallocated === 1 ? 'child' : 'children'} with something due ${plan.unallocated === 1 ? 'has' : 'have'} neither a worker nor a team.`);
      io.out.write(`${lines.join('\n')}\n`);
      done(failed > 0 ? exitCodes.refused : exitCodes.ok);
    });
}
