/** Putting generated authorities into the store. */
import { addAuthority, findAuthority, saveRecords, type Connection, type SaveSummary } from '../store/index.js';
import type { GeneratedAuthority } from './generate.js';

export const demoRecorder = 'demo generator';

/** Adds the authority (or reuses one with the same code) and saves its records: loading twice changes nothing. */
export async function loadGenerated(connection: Connection, generated: GeneratedAuthority): Promise<SaveSummary> {
  const existing = await findAuthority(connection, generated.authority.code);
  let scope = existing?.scope;
  if (!scope) {
    const added = await addAuthority(connection, generated.authority, demoRecorder);
    if (!added.ok) throw new Error(`authority ${generated.authority.code} appeared while loading`);
    scope = added.value.scope;
  }
  const { records } = generated;
  return saveRecords(connection, scope, { children: records.map((r) => r.child), placements: records.flatMap((r) => r.placements), events: records.flatMap((r) => r.events) }, { by: demoRecorder });
}
