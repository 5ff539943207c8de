/**
 * The change-idea library, shared by every authority: the programme's tested changes (loaded once
 * per key, so loading again changes nothing), and the tests authorities publish with consent. A
 * published idea holds only the test's title, change, agencies and the Study and Act summaries a
 * data lead approved; publishing the same test again replaces its entry, keeping the previous one.
 */
import type { Kysely } from 'kysely';
import { librarySeed } from '../domain/improvement/library-seed.js';
import type { Agency } from '../domain/improvement/codes.js';
import type { AuthorityScope } from './authorities.js';
import type { Connection } from './dialect.js';
import { appendHistory } from './history.js';
import { improvementDb, improvementTrx, type ImprovementDatabase } from './improvement-schema.js';
import { libraryIdeaFromRow, type LibraryIdea, type LibraryIdeaJson } from './improvement-json.js';
import type { Author } from './records.js';
import { timestampToIso } from './rows.js';

export const librarySeedRecorder = 'change library seed';

/** Adds each seed idea whose key the library does not hold yet; returns how many it added. */
export async function ensureLibrarySeed(db: Kysely<ImprovementDatabase>, at: string): Promise<number> {
  const held = new Set((await db.selectFrom('change_library').select('key').execute()).map((r) => r.key));
  let added = 0;
  for (const idea of librarySeed) {
    if (held.has(idea.key)) continue;
    const definition: LibraryIdeaJson = { also_known_as: [...(idea.alsoKnownAs ?? [])], agencies: [...idea.agencies], aims: [...idea.aims], change: idea.change, rationale: idea.rationale, impact: idea.impact };
    await db
      .insertInto('change_library')
      .values({ key: idea.key, source: 'seed', authority_id: null, test_no: null, title: idea.title, definition: JSON.stringify(definition), version: 1, recorded_at: at, recorded_by: librarySeedRecorder })
      .execute();
    added += 1;
  }
  return added;
}

const columns = ['id', 'key', 'source', 'title', 'definition', 'test_no', 'recorded_at'] as const;

function fromRow(row: { id: number; key: string; source: string; title: string; definition: string; test_no: number | null; recorded_at: string | Date }): LibraryIdea {
  return libraryIdeaFromRow({ ...row, recorded_at: timestampToIso(row.recorded_at) as string });
}

/** Every idea in the library: the seed's first, in the booklet's order, then published ones, newest first. */
export async function listLibraryIdeas(connection: Connection): Promise<LibraryIdea[]> {
  const rows = await improvementDb(connection).selectFrom('change_library').select(columns).execute();
  const seedOrder = new Map(librarySeed.map((s, i) => [s.key, i]));
  return rows
    .map(fromRow)
    .sort((a, b) => (a.source === b.source ? (a.source === 'seed' ? (seedOrder.get(a.key) ?? 0) - (seedOrder.get(b.key) ?? 0) : b.id - a.id) : a.source === 'seed' ? -1 : 1));
}

export async function findLibraryIdea(connection: Connection, id: number): Promise<LibraryIdea | null> {
  const row = await improvementDb(connection).selectFrom('change_library').select(columns).where('id', '=', id).executeTakeFirst();
  return row ? fromRow(row) : null;
}

export interface Publication {
  readonly testNumber: number;
  readonly authorityName: string;
  readonly title: string;
  readonly change: string;
  readonly agencies: readonly Agency[];
  readonly aims: readonly number[];
  readonly studySummary: string;
  readonly actSummary: string;
}

/** Publishes (or republishes) a test to the library; returns the idea's id. */
export async function publishToLibrary(connection: Connection, scope: AuthorityScope, publication: Publication, author: Author): Promise<number> {
  const at = author.at ?? new Date().toISOString();
  const key = `published:${scope.code}:${publication.testNumber}`;
  const definition: LibraryIdeaJson = {
    agencies: [...publication.agencies],
    aims: [...publication.aims],
    change: publication.change,
    study_summary: publication.studySummary,
    act_summary: publication.actSummary,
    authority_name: publication.authorityName,
  };
  return connection.db.transaction().execute(async (base) => {
    const trx = improvementTrx(base);
    const stored = await trx.selectFrom('change_library').selectAll().where('key', '=', key).executeTakeFirst();
    if (!stored) {
      const row = await trx
        .insertInto('change_library')
        .values({ key, source: 'published', authority_id: scope.id, test_no: publication.testNumber, title: publication.title, definition: JSON.stringify(definition), version: 1, recorded_at: at, recorded_by: author.by })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    }
    await appendHistory(base, { authorityId: scope.id, entity: 'library-idea', recordId: key, version: stored.version, previous: { title: stored.title, definition: JSON.parse(stored.definition) as unknown, recorded_by: stored.recorded_by }, change: 'edit', by: author.by, at });
    await trx.updateTable('change_library').set({ title: publication.title, definition: JSON.stringify(definition), version: stored.version + 1, recorded_at: at, recorded_by: author.by }).where('id', '=', stored.id).execute();
    return stored.id;
  });
}

/** The library entry a test was published as, if it was. */
export async function publishedIdeaOf(connection: Connection, scope: AuthorityScope, testNumber: number): Promise<LibraryIdea | null> {
  const row = await improvementDb(connection).selectFrom('change_library').select(columns).where('key', '=', `published:${scope.code}:${testNumber}`).executeTakeFirst();
  return row ? fromRow(row) : null;
}
