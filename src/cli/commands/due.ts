import type { Command } from 'commander';
import { Temporal, type PlainDate } from '../../domain/date.js';
import { dueWords } from '../../domain/reminders/due.js';
import { dueListJson } from '../../domain/reminders/due-json.js';
import { dueList } from '../../domain/reminders/due-list.js';
import { authorityCodeArgument, dateArgument } from '../args.js';
import { authorityOrReport, exitCodes, withStore, writeJson, type Io } from '../context.js';
import { defaultWindowDays, loadReminderInputs, nameArgument, windowArgument } from '../reminders/load.js';

export function dueCommand(program: Command, io: Io, done: (code: number) => void): void {
  program
    .command('due')
    .description("what is overdue and due soon for each child, against the authority's schedule rules")
    .requiredOption('--authority <code>', 'the authority', authorityCodeArgument)
    .option('--as-at <date>', 'the date the list is for (default: today)', dateArgument)
    .option('--worker <name>', 'only the children allocated to this worker', nameArgument)
    .option('--team <name>', 'only the children of this team', nameArgument)
    .option('--window <days>', `due within this many days of as-at counts as due soon (default ${defaultWindowDays})`, windowArgument)
    .option('--json', 'print JSON')
    .action(async (options: { authority: string; asAt?: PlainDate; worker?: string; team?: string; window?: number; json?: boolean }) => {
      const asAt = options.asAt ?? Temporal.Now.plainDateISO('Europe/London');
      const windowDays = options.window ?? defaultWindowDays;
      const list = await withStore(io, async (connection) => {
        const found = await authorityOrReport(io, connection, options.authority);
        if (!found) return null;
        const { records, schedule } = await loadReminderInputs(connection, found, asAt);
        return dueList(records, schedule, asAt, { worker: options.worker ?? null, team: options.team ?? null, windowDays });
      });
      if (list === null) return done(exitCodes.refused);
      if (options.json) {
        writeJson(io, dueListJson(list, { authority: options.authority, worker: options.worker ?? null, team: options.team ?? null }));
        return done(exitCodes.ok);
      }
      const lines = [`Due as at ${asAt.toString()} in ${options.authority}: ${list.overdueCount} overdue, ${list.dueSoonCount} due within ${windowDays} days.`];
      if (list.children.length > 0) lines.push('child      due         what');
      for (const child of list.children) {
        for (const item of [...child.overdue, ...child.dueSoon]) lines.push(`${child.childId.padEnd(10)} ${item.due.toString()}  ${item.name} (${dueWords(item)})`);
      }
      io.out.write(`${lines.join('\n')}\n`);
      done(exitCodes.ok);
    });
}
