/** The append-only audit log: every view and change of a child's record, by whom and when (DOMAIN.md, "Data protection"). */
import { accessDb } from './access-schema.js';
import type { AuthorityScope } from './authorities.js';
import type { Connection } from './dialect.js';
import { timestampToIso } from './rows.js';

export type AuditAction = 'view' | 'change';

export interface AuditEntry {
  readonly username: string;
  readonly action: AuditAction;
  readonly entity: string;
  readonly recordId: string;
  readonly at: string;
}

export async function appendAudit(connection: Connection, scope: AuthorityScope, entry: Omit<AuditEntry, 'at'> & { at?: string }): Promise<void> {
  await accessDb(connection)
    .insertInto('audit_log')
    .values({ authority_id: scope.id, username: entry.username, action: entry.action, entity: entry.entity, record_id: entry.recordId, at: entry.at ?? new Date().toISOString() })
    .execute();
}

/** Who viewed or changed one record of the authority, oldest first. */
export async function auditOf(connection: Connection, scope: AuthorityScope, entity: string, recordId: string): Promise<AuditEntry[]> {
  const rows = await accessDb(connection)
    .selectFrom('audit_log')
    .select(['username', 'action', 'entity', 'record_id', 'at'])
    .where('authority_id', '=', scope.id)
    .where('entity', '=', entity)
    .where('record_id', '=', recordId)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ username: r.username, action: r.action as AuditAction, entity: r.entity, recordId: r.record_id, at: timestampToIso(r.at) as string }));
}
