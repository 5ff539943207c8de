/** Each authority's aims. A change keeps the previous definition in the history. */
import { nationalAims, type Aim } from '../domain/aim.js';
import type { AuthorityScope } from './authorities.js';
import type { Connection } from './dialect.js';
import { aimToJson, parseAimJson } from './aim-json.js';
import { appendHistory } from './history.js';
import { noteDataChange } from './data-version.js';
import type { Author } from './records.js';

/** The authority's aims in dashboard order. */
export async function listAims(connection: Connection, scope: AuthorityScope): Promise<Aim[]> {
  const rows = await connection.db.selectFrom('aims').select(['aim_id', 'definition']).where('authority_id', '=', scope.id).where('deleted_at', 'is', null).orderBy('position').orderBy('aim_id').execute();
  return rows.map((row) => {
    const parsed = parseAimJson(JSON.parse(row.definition));
    if (!parsed.ok) throw new Error(`stored aim ${row.aim_id} is not valid: ${parsed.error.issues.join('; ')}`);
    return parsed.value;
  });
}

export async function findAim(connection: Connection, scope: AuthorityScope, aimId: string): Promise<Aim | null> {
  return (await listAims(connection, scope)).find((aim) => aim.id === aimId) ?? null;
}

export type SaveAimResult = { ok: true; value: { aim: Aim; change: 'added' | 'changed' | 'unchanged'; version: number } };

/** Adds an aim, or replaces the one with the same id (keeping its previous definition). */
export async function saveAim(connection: Connection, scope: AuthorityScope, aim: Aim, author: Author): Promise<SaveAimResult> {
  const at = author.at ?? new Date().toISOString();
  const definition = JSON.stringify(aimToJson(aim));
  return connection.db.transaction().execute(async (trx): Promise<SaveAimResult> => {
    const stored = await trx.selectFrom('aims').selectAll().where('authority_id', '=', scope.id).where('aim_id', '=', aim.id).executeTakeFirst();
    if (!stored) {
      const last = await trx.selectFrom('aims').select((eb) => eb.fn.max('position').as('position')).where('authority_id', '=', scope.id).executeTakeFirst();
      const position = Number(last?.position ?? 0) + 1;
      await trx.insertInto('aims').values({ authority_id: scope.id, aim_id: aim.id, position, definition, version: 1, recorded_at: at, recorded_by: author.by, deleted_at: null, deleted_by: null }).execute();
      await noteDataChange(trx, scope);
      return { ok: true, value: { aim, change: 'added', version: 1 } };
    }
    if (stored.definition === definition && stored.deleted_at === null) return { ok: true, value: { aim, change: 'unchanged', version: stored.version } };
    await appendHistory(trx, {
      authorityId: scope.id,
      entity: 'aim',
      recordId: aim.id,
      version: stored.version,
      previous: { definition: JSON.parse(stored.definition) as unknown, recorded_by: stored.recorded_by },
      change: 'edit',
      by: author.by,
      at,
    });
    const version = stored.version + 1;
    await trx.updateTable('aims').set({ definition, version, recorded_at: at, recorded_by: author.by, deleted_at: null, deleted_by: null }).where('authority_id', '=', scope.id).where('aim_id', '=', aim.id).execute();
    await noteDataChange(trx, scope);
    return { ok: true, value: { aim, change: 'changed', version } };
  });
}

/** Gives a new authority the four national aims with their default timescales. */
export async function addNationalAims(connection: Connection, scope: AuthorityScope, author: Author): Promise<void> {
  for (const aim of nationalAims()) await saveAim(connection, scope, aim, author);
}
