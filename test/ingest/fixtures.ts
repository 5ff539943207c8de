// Files for import tests, written from literal text into a fresh folder, and a snapshot of an
// authority's stored records to prove an import changed nothing.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { addAuthority, type AuthorityScope, type Connection } from '../../src/store/index.js';

export const childrenHeader = 'child_id,first_name,last_name,date_of_birth,sex,sibling_group,worker,team';
export const placementsHeader = 'child_id,placement_id,start_date,end_date,placement_type,legal_basis,carer_ref';
export const eventsHeader = 'child_id,event_id,event_type,date,route,note';

/** Two children, their placements and events: a clean canonical export. */
export const cleanExport = {
  'children.csv': [childrenHeader, 'C1,Amy,Testcase,2016-02-29,F,S1,Worker 1,North Team', 'C2,Ben,Sample,12/05/2014,M,,Worker 2,South Team'],
  'placements.csv': [placementsHeader, 'C1,P1,2020-01-10,2020-06-30,foster,CSO,F-17', 'C1,P2,01/07/2020,,kinship,CSO,K-3', 'C2,P3,2019-03-01,,home,CSO,parents'],
  'events.csv': [eventsHeader, 'C1,E1,permanence_recommendation,2020-06-01,kinship_order,', 'C1,E2,adm_decision,2020-08-20,kinship_order,"agreed, with conditions"', 'C2,E3,childrens_hearing,2019-03-01,,'],
};

export type FileSet = Readonly<Record<string, readonly string[] | Buffer>>;

/** Writes each file (lines joined with CRLF, or raw bytes) into a new temporary folder. */
export function writeFiles(files: FileSet, dir = mkdtempSync(join(tmpdir(), 'pace-import-'))): string {
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), Buffer.isBuffer(content) ? content : `${content.join('\r\n')}\r\n`);
  return dir;
}

/** The clean export with some files replaced. */
export function exportWith(changes: FileSet): string {
  return writeFiles({ ...cleanExport, ...changes });
}

export async function addTestAuthority(connection: Connection, code = 'NORTH'): Promise<AuthorityScope> {
  const added = await addAuthority(connection, { code, name: `${code} Council`, programmeStart: null }, 'test');
  if (!added.ok) throw new Error('fixture authority');
  return added.value.scope;
}

/** Every stored record and every history entry, as JSON: equal snapshots mean nothing changed. */
export async function snapshotRecords(connection: Connection): Promise<string> {
  const tables = ['children', 'placements', 'events', 'record_history'] as const;
  const out: unknown[] = [];
  for (const table of tables) out.push((await sql`select * from ${sql.table(table)} order by 1, 2, 3`.execute(connection.db)).rows);
  return JSON.stringify(out);
}

/** Snapshot of everything including the import log. */
export async function snapshotAll(connection: Connection): Promise<string> {
  const imports = (await sql`select * from imports order by id`.execute(connection.db)).rows;
  return `${await snapshotRecords(connection)}${JSON.stringify(imports)}`;
}
