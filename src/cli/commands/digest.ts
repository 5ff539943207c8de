import type { Command } from 'commander';
import { Temporal, type PlainDate } from '../../domain/date.js';
import { childrenDue } from '../../domain/reminders/due-list.js';
import { planDigests, type ContactKind, type DigestMessage } from '../../domain/reminders/digest.js';
import { digestsSent, listContacts, recipientKey, recordDigestSent } from '../../store/index.js';
import { authorityCodeArgument, dateArgument } from '../args.js';
import { authorityOrReport, exitCodes, withStore, type Io } from '../context.js';
import { defaultWindowDays, loadReminderInputs, windowArgument } from '../reminders/load.js';
import { sendDigests } from '../reminders/mailer.js';

export function digestCommand(program: Command, io: Io, done: (code: number) => void): void {
  program
    .command('digest')
    .description('e-mail each worker and team manager what is overdue and due soon for their children (run it weekly); SMTP_URL and MAIL_FROM say how')
    .requiredOption('--authority <code>', 'the authority', authorityCodeArgument)
    .option('--as-at <date>', 'the date the digests are for (default: today)', dateArgument)
    .option('--window <days>', `due within this many days counts as due soon (default ${defaultWindowDays})`, windowArgument)
    .option('--dry-run', 'print the messages instead of sending them')
    .option('--again', 'send again the digests already sent for this date (each is sent once a date otherwise)')
    .action(async (options: { authority: string; asAt?: PlainDate; window?: number; dryRun?: boolean; again?: boolean }) => {
      const asAt = options.asAt ?? Temporal.Now.plainDateISO('Europe/London');
      const windowDays = options.window ?? defaultWindowDays;
      const smtpUrl = io.env.SMTP_URL?.trim() ?? '';
      const from = io.env.MAIL_FROM?.trim() ?? '';
      if (!options.dryRun && (smtpUrl === '' || from === '')) {
        io.err.write('pace: set SMTP_URL (e.g. smtp://localhost:2525) and MAIL_FROM (e.g. "pace <pace@council.example>") to send, or use --dry-run\n');
        return done(exitCodes.usage);
      }
      const lines: string[] = [];
      let failed = 0;
      const plan = await withStore(io, async (connection) => {
        const found = await authorityOrReport(io, connection, options.authority);
        if (!found) return null;
        const [{ records, schedule }, contacts, sent] = await Promise.all([loadReminderInputs(connection, found, asAt), listContacts(connection, found.scope), digestsSent(connection, found.scope, asAt)]);
        const base = io.env.PACE_URL?.trim().replace(/\/+$/, '') ?? '';
        const linkFor = (kind: ContactKind, name: string) => (base === '' ? null : `${base}/a/${encodeURIComponent(found.scope.code)}/due?${new URLSearchParams({ [kind]: name }).toString()}`);
        const digests = planDigests(childrenDue(records, schedule, asAt, windowDays), contacts, { authorityName: found.authority.name, asAt, windowDays, linkFor });
        // A digest already sent for this date is not sent twice, unless asked.
        const already = options.again ? [] : digests.messages.filter((message) => sent.has(recipientKey(message)));
        const messages = options.again ? digests.messages : digests.messages.filter((message) => !sent.has(recipientKey(message)));
        if (options.dryRun) {
          lines.push(`Dry run: ${messages.length} ${messages.length === 1 ? 'digest' : 'digests'} for ${options.authority} as at ${asAt.toString()} would be sent.`);
          for (const message of messages) lines.push('', `To: ${message.to}`, `Subject: ${message.subject}`, '', message.text.trimEnd());
          if (messages.length > 0) lines.push('');
        } else {
          const results = await sendDigests(messages, { smtpUrl, from });
          for (const result of results) if (result.ok) await recordDigestSent(connection, found.scope, asAt, result.message, { by: io.env.USER ?? 'cli' });
          failed = results.filter((r) => !r.ok).length;
          lines.push(`Sent ${results.length - failed} of ${results.length} ${results.length === 1 ? 'digest' : 'digests'} for ${options.authority} as at ${asAt.toString()}.`);
          for (const result of results) lines.push(`  ${summary(result.message)}${result.ok ? '' : `: NOT SENT (${result.error})`}`);
        }
        for (const message of already) lines.push(`Already sent for ${asAt.toString()}, on ${(sent.get(recipientKey(message)) as string).slice(0, 10)}, so not sent again (use --again to): ${summary(message)}`);
        return digests;
      });
      if (plan === null) return done(exitCodes.refused);
      for (const missing of plan.withoutAddress) lines.push(`No address for ${missing.kind} ${missing.name} (${missing.children} ${missing.children === 1 ? 'child' : 'children'} with something due): set one with pace contacts set.`);
      if (plan.unallocated > 0) lines.push(`${plan.unallocated} ${plan.unallocated === 1 ? 'child' : 'children'} with something due ${plan.unallocated === 1 ? 'has' : 'have'} neither a worker nor a team.`);
      io.out.write(`${lines.join('\n')}\n`);
      done(failed > 0 ? exitCodes.refused : exitCodes.ok);
    });
}

function summary(message: DigestMessage): string {
  return `${message.kind} ${message.name} <${message.to}>: ${message.children} ${message.children === 1 ? 'child' : 'children'}, ${message.overdue} overdue, ${message.dueSoon} due soon`;
}
