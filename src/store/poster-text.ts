/**
 * The words a team keeps with its poster (migration 0015): what we have done, key learning, next
 * steps and whom to contact, one set per authority, with who saved it and when. A save that changes
 * them keeps the previous version in the record history and is written to the audit log in the same
 * transaction, so that no change is ever kept unaudited.
 */
import type { PosterText } from '../domain/improvement/poster.js';
import type { AuthorityScope } from './authorities.js';
import { insertAuditEntries } from './audit.js';
import type { Connection } from './dialect.js';
import { appendHistory } from './history.js';
import type { AuditContext, Author } from './records.js';
import { timestampToIso } from './rows.js';
import type { Timestamp } from './schema.js';

interface PosterTextTable {
  authority_id: number;
  done: string;
  learning: string;
  next_steps: string;
  contact: string;
  version: number;
  recorded_at: Timestamp;
  recorded_by: string;
}

type PosterTables = { poster_texts: PosterTextTable };


/** The poster's text as saved, with who saved it and when. */
export interface StoredPosterText {
  readonly text: PosterText;
  readonly version: number;
  readonly savedBy: string;
  /** ISO instant. */
  readonly savedAt: string;
}

/** The authority's poster text, or null when nobody has written any yet. */
export async function findPosterText(connection: Connection, scope: AuthorityScope): Promise<StoredPosterText | null> {
  const row = await connection.db.withTables<PosterTables>().selectFrom('poster_texts').selectAll().where('authority_id', '=', scope.id).executeTakeFirst();
  if (!row) return null;
  return {
    text: { done: row.done, learning: row.learning, nextSteps: row.next_steps, contact: row.contact },
    version: row.version,
    savedBy: row.recorded_by,
    savedAt: timestampToIso(row.recorded_at) as string,
  };
}

/**
 * Saves the poster's text: the first save adds it, a later one changes it (the previous version
 * goes to the history); either is written to the audit log as `poster text`. Text the same as
 * the stored text is left alone and not audited.
 */
export async function savePosterText(connection: Connection, scope: AuthorityScope, text: PosterText, author: Author, audit: AuditContext): Promise<'added' | 'changed' | 'unchanged'> {
  const at = author.at ?? new Date().toISOString();
  return connection.db.transaction().execute(async (base) => {
    const trx = base.withTables<PosterTables>();
    const stored = await trx.selectFrom('poster_texts').selectAll().where('authority_id', '=', scope.id).executeTakeFirst();
    const values = { done: text.done, learning: text.learning, next_steps: text.nextSteps, contact: text.contact };
    if (!stored) {
      await trx.insertInto('poster_texts').values({ authority_id: scope.id, ...values, version: 1, recorded_at: at, recorded_by: author.by }).execute();
    } else {
      if (stored.done === text.done && stored.learning === text.learning && stored.next_steps === text.nextSteps && stored.contact === text.contact) return 'unchanged';
      await appendHistory(base, {
        authorityId: scope.id,
        entity: 'poster-text',
        recordId: 'poster',
        version: stored.version,
        previous: { done: stored.done, learning: stored.learning, next_steps: stored.next_steps, contact: stored.contact, recorded_by: stored.recorded_by },
        change: 'edit',
        by: author.by,
        at,
      });
      await trx.updateTable('poster_texts').set({ ...values, version: stored.version + 1, recorded_at: at, recorded_by: author.by }).where('authority_id', '=', scope.id).execute();
    }
    await insertAuditEntries(base, scope, [{ username: author.by, action: stored ? 'edit' : 'add', entity: 'poster', recordId: 'text', childId: null, clientIp: audit.clientIp, at }]);
    return stored ? 'changed' : 'added';
  });
}
