/**
 * The append-only audit log: every view and change of a child's record, by whom, when and from
 * where (docs/domain.md, "Data protection"). This module only appends and reads: nothing in pace
 * updates or deletes an entry, and the database refuses it too (triggers, migrations 0008 and 0013);
 * each entry is chained to the one before it by its hash (audit-chain.ts).
 */
import type { Kysely, Transaction } from 'kysely';
import type { PlainDate } from '../domain/date.js';
import { accessDb } from './access-schema.js';
import { appendAtHead, appendChained, atHeadLimit, type ChainHead, type UnchainedAuditRow } from './audit-chain.js';
import type { AuthorityScope } from './authorities.js';
import type { Connection } from './dialect.js';
import { timestampToIso } from './rows.js';
import type { Database } from './schema.js';

/**
 * A record seen; a record added, edited, deleted or restored; a file of records imported; or a file of
 * records taken away (an export: entity `export`, recordId the file). `change` is what entries
 * written before migration 0008 call any addition or edit.
 */
export type AuditAction = 'view' | 'add' | 'edit' | 'delete' | 'restore' | 'import' | 'change' | 'export';

export const auditActions: readonly AuditAction[] = ['view', 'add', 'edit', 'delete', 'restore', 'import', 'change', 'export'];

export function isAuditAction(value: string): value is AuditAction {
  return (auditActions as readonly string[]).includes(value);
}

export interface AuditEntry {
  readonly username: string;
  readonly action: AuditAction;
  /** What kind of record: child, placement, event, aim, import, export. */
  readonly entity: string;
  readonly recordId: string;
  /** The child the entry is about, when it is about one. */
  readonly childId: string | null;
  /** The client's IP address, or `cli` for the pace command; null in entries written before migration 0008. */
  readonly clientIp: string | null;
  /** ISO instant. */
  readonly at: string;
}

export type NewAuditEntry = Pick<AuditEntry, 'username' | 'action' | 'entity' | 'recordId'> & {
  /** Defaults to the record itself when the entity is a child. */
  readonly childId?: string | null;
  readonly clientIp?: string | null;
  readonly at?: string;
};

/**
 * Appends one entry in a transaction of its own, and resolves once it is written. Entries asked for
 * while the authority's last ones are being written go together in the next transaction, in the
 * order they were asked for (a group commit): the chain's head is locked until each transaction
 * commits, so on PostgreSQL one entry a transaction put every view of a list in line behind
 * another's write-ahead log flush (`bench:web`, the waiting list under 20 connections; decision
 * 0036). Each entry's time is when it was asked for. When a group fails, its entries are written one
 * at a time, so that only an entry that cannot be written fails its caller.
 */
export function appendAudit(connection: Connection, scope: AuthorityScope, entry: NewAuditEntry): Promise<void> {
  const stamped = { ...entry, at: entry.at ?? new Date().toISOString() };
  let byAuthority = appending.get(connection);
  if (!byAuthority) appending.set(connection, (byAuthority = new Map()));
  const line = byAuthority.get(scope.id) ?? { writing: false, waiting: [], head: null };
  byAuthority.set(scope.id, line);
  return new Promise((resolve, reject) => {
    line.waiting.push({ entry: stamped, resolve, reject });
    if (!line.writing) void writeInGroups(connection, scope, line);
  });
}

interface WaitingEntry {
  readonly entry: NewAuditEntry;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

/**
 * One authority's entries waiting to be appended, whether a group of them is being written, and the
 * chain's head as the last group left it (null until one is written; PostgreSQL: appendAtHead).
 */
interface AuditLine {
  writing: boolean;
  readonly waiting: WaitingEntry[];
  head: ChainHead | null;
}

/** The lines, by connection and authority. */
const appending = new WeakMap<Connection, Map<number, AuditLine>>();

async function writeInGroups(connection: Connection, scope: AuthorityScope, line: AuditLine): Promise<void> {
  line.writing = true;
  try {
    while (line.waiting.length > 0) {
      const group = line.waiting.splice(0);
      try {
        line.head = await appendGroup(connection, scope, line.head, group.map((waiting) => waiting.entry));
        for (const waiting of group) waiting.resolve();
      } catch (error) {
        line.head = null;
        if (group.length === 1) (group[0] as WaitingEntry).reject(error);
        else
          for (const waiting of group) {
            await insertAuditEntries(connection.db, scope, [waiting.entry]).then(waiting.resolve, waiting.reject);
          }
      }
    }
  } finally {
    line.writing = false;
  }
}

/**
 * A group of entries appended in a transaction of its own, and the chain's head it leaves. On
 * PostgreSQL the group is first offered in one statement chained after the head the last group
 * left (`appendAtHead`); if another writer has moved the head since, that statement gives the head
 * as it is and the group is offered once more after it (two round trips where the usual way takes
 * five). Only when the authority has no head yet, a group is larger than one statement takes, or
 * other writers moved the head again in between, is it written the usual way.
 */
async function appendGroup(connection: Connection, scope: AuthorityScope, head: ChainHead | null, entries: readonly NewAuditEntry[]): Promise<ChainHead | null> {
  const rows = unchainedRows(scope, entries);
  if (connection.capabilities.engine === 'postgres' && rows.length <= atHeadLimit) {
    // A head no chain has, when this process has written none: the first offer only finds the head.
    let expected: ChainHead | null = head ?? { lastId: -1, hash: '' };
    for (let offer = 0; offer < 2 && expected !== null; offer++) {
      const done = await appendAtHead(connection.db, scope.id, expected, rows);
      if ('written' in done) return done.written;
      expected = done.headIs;
    }
  }
  return appendRows(connection.db, scope, rows);
}

/**
 * Appends entries inside the caller's transaction (the store's writes audit their changes this way),
 * or in a transaction of their own; each is chained to the authority's entry before it (audit-chain.ts).
 * Gives the chain's new head (null when there were no entries).
 */
export async function insertAuditEntries(db: Kysely<Database> | Transaction<Database>, scope: AuthorityScope, entries: readonly NewAuditEntry[]): Promise<ChainHead | null> {
  if (entries.length === 0) return null;
  return appendRows(db, scope, unchainedRows(scope, entries));
}

/** The rows chained inside the caller's transaction, or in one of their own. */
async function appendRows(db: Kysely<Database> | Transaction<Database>, scope: AuthorityScope, rows: readonly UnchainedAuditRow[]): Promise<ChainHead | null> {
  if (db.isTransaction) return appendChained(db, scope.id, rows);
  return db.transaction().execute((trx) => appendChained(trx, scope.id, rows));
}

function unchainedRows(scope: AuthorityScope, entries: readonly NewAuditEntry[]): UnchainedAuditRow[] {
  const now = new Date().toISOString();
  return entries.map((entry) => ({
    authority_id: scope.id,
    username: entry.username,
    action: entry.action,
    entity: entry.entity,
    record_id: entry.recordId,
    child_id: entry.childId !== undefined ? entry.childId : entry.entity === 'child' ? entry.recordId : null,
    client_ip: entry.clientIp ?? null,
    // One form of an instant, the one the hash covers and both engines give back.
    at: new Date(entry.at ?? now).toISOString(),
  }));
}

/** Who viewed or changed one record of the authority, oldest first. */
export async function auditOf(connection: Connection, scope: AuthorityScope, entity: string, recordId: string): Promise<AuditEntry[]> {
  const rows = await selectEntries(connection, scope).where('entity', '=', entity).where('record_id', '=', recordId).orderBy('id').execute();
  return rows.map(entryFromRow);
}

export interface AuditFilter {
  /** Entries about this child (the child's own record, and their placements and events). */
  readonly childId?: string;
  readonly username?: string;
  readonly action?: AuditAction;
  /** From the start of this day in Scotland. */
  readonly from?: PlainDate;
  /** To the end of this day in Scotland. */
  readonly to?: PlainDate;
}

/** A page of the authority's entries matching `filter`, newest first (or oldest first), and how many match in all. */
export async function queryAudit(
  connection: Connection,
  scope: AuthorityScope,
  filter: AuditFilter,
  page: { readonly offset: number; readonly limit: number; readonly order?: 'newest' | 'oldest' },
): Promise<{ total: number; entries: AuditEntry[] }> {
  const db = accessDb(connection);
  let counted = db.selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n')).where('authority_id', '=', scope.id);
  let selected = selectEntries(connection, scope);
  const bounds = { from: filter.from ? startOfDay(filter.from) : null, before: filter.to ? startOfDay(filter.to.add({ days: 1 })) : null };
  // The same conditions on both queries: each is a bound value, never text put into SQL.
  if (filter.childId !== undefined) [counted, selected] = [counted.where('child_id', '=', filter.childId), selected.where('child_id', '=', filter.childId)];
  if (filter.username !== undefined) [counted, selected] = [counted.where('username', '=', filter.username), selected.where('username', '=', filter.username)];
  if (filter.action !== undefined) [counted, selected] = [counted.where('action', '=', filter.action), selected.where('action', '=', filter.action)];
  if (bounds.from !== null) [counted, selected] = [counted.where('at', '>=', bounds.from), selected.where('at', '>=', bounds.from)];
  if (bounds.before !== null) [counted, selected] = [counted.where('at', '<', bounds.before), selected.where('at', '<', bounds.before)];
  const [count, rows] = await Promise.all([
    counted.executeTakeFirstOrThrow(),
    selected
      .orderBy('id', page.order === 'oldest' ? 'asc' : 'desc')
      .offset(page.offset)
      .limit(page.limit)
      .execute(),
  ]);
  return { total: Number(count.n), entries: rows.map(entryFromRow) };
}

type EntryRow = { username: string; action: string; entity: string; record_id: string; child_id: string | null; client_ip: string | null; at: string | Date };

function selectEntries(connection: Connection, scope: AuthorityScope) {
  return accessDb(connection).selectFrom('audit_log').select(['username', 'action', 'entity', 'record_id', 'child_id', 'client_ip', 'at']).where('authority_id', '=', scope.id);
}

function entryFromRow(r: EntryRow): AuditEntry {
  return { username: r.username, action: r.action as AuditAction, entity: r.entity, recordId: r.record_id, childId: r.child_id, clientIp: r.client_ip, at: timestampToIso(r.at) as string };
}

/** The instant a day begins in Scotland, as the ISO text every entry's `at` is written in. */
function startOfDay(date: PlainDate): string {
  return new Date(date.toZonedDateTime({ timeZone: 'Europe/London' }).epochMilliseconds).toISOString();
}
