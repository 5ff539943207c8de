/**
 * The two exports as use cases the Exports page and `pace export` share: the CLAS permanence fields
 * of a return year, and the pseudonymised extract, each as tables; and the audit entry every export
 * writes (who, which file, from where).
 *
 * Both work through the records a few hundred children at a time and await `between` after each
 * part: the web passes a turn of the event loop (app/turns.ts), so a server goes on answering
 * other requests while an export of 20,000 children is worked out (issue 19, point 7).
 */
import { byChildThenEpisode, clasEpisodeRows, type ClasYear } from '../../domain/exports/clas.js';
import { inChildOrder, joined, pseudonymisedRecord } from '../../domain/exports/pseudonymise.js';
import { inParts, type Between } from '../../domain/in-parts.js';
import type { ChildRecord } from '../../domain/records.js';
import { appendAudit, type Connection, type StoredAuthority } from '../../store/index.js';
import { clasTable } from './clas-export.js';
import type { ExportTable } from './export-table.js';
import { hmacPseudonymiser } from './pseudonym-key.js';
import { pseudonymisedTables } from './pseudonymised-export.js';

const nothingBetween: Between = () => Promise.resolve();

/** Children worked through between two awaits of `between`: a few tens of milliseconds' work at most. */
const childrenInAPart = 100;

/** The CLAS permanence fields of every episode open in the return year, as one table. */
export async function clasExportTables(records: readonly ChildRecord[], year: ClasYear, between: Between = nothingBetween): Promise<ExportTable[]> {
  const rows = (await inParts(records, childrenInAPart, (record) => clasEpisodeRows(record, year), between)).flat();
  return [clasTable(rows.sort(byChildThenEpisode))];
}

/** Children, placements and events with every id a keyed pseudonym, no names, dates of birth as months. */
export async function pseudonymisedExportTables(records: readonly ChildRecord[], authorityCode: string, key: string, between: Between = nothingBetween): Promise<ExportTable[]> {
  const pseudonym = hmacPseudonymiser(key, authorityCode);
  const parts = inChildOrder(await inParts(records, childrenInAPart, (record) => pseudonymisedRecord(record, pseudonym), between));
  // The rows joined in the extract's order a few hundred children at a time, then the pieces' rows end to end.
  const pieces: ExportTable[][] = [];
  for (let start = 0; start < parts.length; start += childrenInAPart) {
    pieces.push(pseudonymisedTables(joined(parts.slice(start, start + childrenInAPart))));
    await between();
  }
  return pseudonymisedTables(joined([])).map((empty, t) => ({ ...empty, rows: pieces.flatMap((piece) => (piece[t] as ExportTable).rows) }));
}

/** Writes the export to the audit log: who, which file, from where (an IP address, or `cli`). */
export async function auditExport(connection: Connection, stored: StoredAuthority, who: { username: string; clientIp: string }, file: string): Promise<void> {
  await appendAudit(connection, stored.scope, { username: who.username, action: 'export', entity: 'export', recordId: file, clientIp: who.clientIp });
}
