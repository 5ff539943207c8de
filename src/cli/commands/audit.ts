import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import type { PlainDate } from '../../domain/date.js';
import { auditActions, isAuditAction, queryAudit, type AuditAction, type AuditEntry, type AuditFilter } from '../../store/index.js';
import { authorityCodeArgument, dateArgument } from '../args.js';
import { authorityOrReport, exitCodes, withStore, writeJson, type Io } from '../context.js';

interface AuditOptions {
  authority: string;
  child?: string;
  user?: string;
  action?: AuditAction;
  from?: PlainDate;
  to?: PlainDate;
  json?: boolean;
}

/** Entries read from the database at a time: the log can be long. */
const pageSize = 1000;

function actionArgument(value: string): AuditAction {
  const action = value.trim().toLowerCase();
  if (!isAuditAction(action)) throw new InvalidArgumentError(`not an action: ${value} (one of ${auditActions.join(', ')})`);
  return action;
}

export function auditCommand(program: Command, io: Io, done: (code: number) => void): void {
  program
    .command('audit')
    .description("the authority's audit log, oldest first: every view and change of a child's record, every import and export, with who, when and from where")
    .requiredOption('--authority <code>', 'the authority', authorityCodeArgument)
    .option('--child <id>', "only entries about this child (their record, placements and events)")
    .option('--user <username>', "only this user's entries")
    .option('--action <action>', `only this action: ${auditActions.join(', ')}`, actionArgument)
    .option('--from <date>', 'from the start of this day (Scottish time)', dateArgument)
    .option('--to <date>', 'to the end of this day (Scottish time)', dateArgument)
    .option('--json', 'print JSON')
    .action(async (options: AuditOptions) => {
      if (options.from && options.to && options.from.toString() > options.to.toString()) {
        io.err.write(`pace: --to ${options.to.toString()} is before --from ${options.from.toString()}\n`);
        return done(exitCodes.usage);
      }
      const filter: AuditFilter = {
        ...(options.child !== undefined ? { childId: options.child } : {}),
        ...(options.user !== undefined ? { username: options.user } : {}),
        ...(options.action !== undefined ? { action: options.action } : {}),
        ...(options.from !== undefined ? { from: options.from } : {}),
        ...(options.to !== undefined ? { to: options.to } : {}),
      };
      done(
        await withStore(io, async (connection) => {
          const found = await authorityOrReport(io, connection, options.authority);
          if (!found) return exitCodes.refused;
          const entries: AuditEntry[] = [];
          for (let offset = 0; ; offset += pageSize) {
            const page = await queryAudit(connection, found.scope, filter, { offset, limit: pageSize, order: 'oldest' });
            entries.push(...page.entries);
            if (page.entries.length < pageSize) break;
          }
          if (options.json) writeJson(io, { authority: found.scope.code, entries: entries.map(entryJson) });
          else if (entries.length === 0) io.out.write(`No audit entries in ${found.scope.code} match.\n`);
          else for (const entry of entries) io.out.write(`${entryLine(entry)}\n`);
          return exitCodes.ok;
        }),
      );
    });
}

function entryJson(entry: AuditEntry) {
  return { at: entry.at, username: entry.username, action: entry.action, entity: entry.entity, record_id: entry.recordId, child_id: entry.childId, client_ip: entry.clientIp };
}

/** `2024-03-01T10:00:00.000Z  amy  view  child A1  (child A1)  from 192.0.2.7` */
function entryLine(entry: AuditEntry): string {
  const child = entry.childId !== null && entry.entity !== 'child' ? `  (child ${entry.childId})` : '';
  return `${entry.at}  ${entry.username}  ${entry.action}  ${entry.entity} ${entry.recordId}${child}  from ${entry.clientIp ?? 'not recorded'}`;
}
