/**
 * The two exports as use cases the Exports page and `pace export` share: the CLAS permanence fields
 * of a return year, and the pseudonymised extract, each as tables; and the audit entry every export
 * writes (who, which file, from where).
 */
import { clasPermanenceRows, type ClasYear } from '../../domain/exports/clas.js';
import { pseudonymisedExtract } from '../../domain/exports/pseudonymise.js';
import { appendAudit, loadChildRecords, type Connection, type StoredAuthority } from '../../store/index.js';
import { clasTable } from './clas-export.js';
import type { ExportTable } from './export-table.js';
import { hmacPseudonymiser } from './pseudonym-key.js';
import { pseudonymisedTables } from './pseudonymised-export.js';

/** The CLAS permanence fields of every episode open in the return year, as one table. */
export async function clasExportTables(connection: Connection, stored: StoredAuthority, year: ClasYear): Promise<ExportTable[]> {
  return [clasTable(clasPermanenceRows(await loadChildRecords(connection, stored.scope), year))];
}

/** Children, placements and events with every id a keyed pseudonym, no names, dates of birth as months. */
export async function pseudonymisedExportTables(connection: Connection, stored: StoredAuthority, key: string): Promise<ExportTable[]> {
  return pseudonymisedTables(pseudonymisedExtract(await loadChildRecords(connection, stored.scope), hmacPseudonymiser(key, stored.scope.code)));
}

/** Writes the export to the audit log: who, which file, from where (an IP address, or `cli`). */
export async function auditExport(connection: Connection, stored: StoredAuthority, who: { username: string; clientIp: string }, file: string): Promise<void> {
  await appendAudit(connection, stored.scope, { username: who.username, action: 'export', entity: 'export', recordId: file, clientIp: who.clientIp });
}
