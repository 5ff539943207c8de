import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { breakEntryId, describeAuditChainBreak, type AuditChainBreak, type ChainPoint } from '../../domain/audit-chain.js';
import type { PlainDate } from '../../domain/date.js';
import { auditActions, isAuditAction, queryAudit, verifyAuditChain, type AuditAction, type AuditChainReport, type AuditEntry, type AuditFilter } from '../../store/index.js';
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
  verify?: boolean;
  anchor?: ChainPoint;
}

/** Entries read from the database at a time: the log can be long. */
const pageSize = 1000;

function actionArgument(value: string): AuditAction {
  const action = value.trim().toLowerCase();
  if (!isAuditAction(action)) throw new InvalidArgumentError(`not an action: ${value} (one of ${auditActions.join(', ')})`);
  return action;
}

/** `ID:HASH`, as `--verify` prints it. */
function anchorArgument(value: string): ChainPoint {
  const match = /^(\d+):([0-9a-f]{64})$/.exec(value.trim().toLowerCase());
  if (!match) throw new InvalidArgumentError(`not an entry and its hash: ${value} (write ID:HASH, as pace audit --verify prints it)`);
  return { id: Number(match[1]), hash: match[2] as string };
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
    .option('--verify', "check the authority's whole log against its hash chain: exit code 0 when it is whole, 1 when an entry has been changed, deleted or inserted")
    .option('--anchor <id:hash>', 'with --verify: an entry and its hash printed by an earlier check, which must still be in the log unchanged', anchorArgument)
    .action(async (options: AuditOptions) => {
      if (options.verify) return done(await verify(io, options));
      if (options.anchor) {
        io.err.write('pace: --anchor goes with --verify\n');
        return done(exitCodes.usage);
      }
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

async function verify(io: Io, options: AuditOptions): Promise<number> {
  if ([options.child, options.user, options.action, options.from, options.to].some((o) => o !== undefined)) {
    io.err.write('pace: --verify checks the whole log of the authority: leave out --child, --user, --action, --from and --to\n');
    return exitCodes.usage;
  }
  return withStore(io, async (connection) => {
    const found = await authorityOrReport(io, connection, options.authority);
    if (!found) return exitCodes.refused;
    const report = await verifyAuditChain(connection, found.scope, options.anchor ?? null);
    const code = found.scope.code;
    if (options.json) {
      writeJson(io, { authority: code, whole: report.broken === null, entries: report.entries, last: report.broken === null ? report.last : null, broken_at: report.broken && breakEntryId(report.broken), problem: report.broken?.kind ?? null, message: report.broken && describeAuditChainBreak(report.broken) });
    } else {
      io.out.write(verifyWords(code, report));
    }
    return report.broken === null ? exitCodes.ok : exitCodes.refused;
  });
}

function verifyWords(code: string, report: AuditChainReport): string {
  if (report.broken !== null) return `The audit log of ${code} is broken ${where(report.broken)}: ${describeAuditChainBreak(report.broken)}.\n`;
  const count = `${report.entries} ${report.entries === 1 ? 'entry' : 'entries'}`;
  if (report.last === null) return `The audit log of ${code} is whole: it has no entries.\n`;
  return (
    `The audit log of ${code} is whole: ${count}, each chained to the one before it.\n` +
    `Its last entry is ${report.last.id}, with hash ${report.last.hash}.\n` +
    `Keep that to check later that nothing before it has been rewritten: pace audit --verify --authority ${code} --anchor ${report.last.id}:${report.last.hash}\n`
  );
}

/** "at entry 5", or "after entry 4" when entries are missing from the end. */
function where(broken: AuditChainBreak): string {
  const id = breakEntryId(broken);
  if (broken.kind === 'deleted-at-end') return id === null ? 'at its start' : `after entry ${id}`;
  return `at entry ${id}`;
}
