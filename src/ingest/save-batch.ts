/**
 * Saving an import's records through the store's `saveRecords`, a part at a time, on a connection
 * that `inOneTransaction` holds: all of it is written or none of it, while memory holds one part
 * of the store's working rows at a time instead of all of them.
 */
import { kindsWithoutRecords, saveRecords, type AuthorityScope, type Author, type Connection, type SaveBatch, type SaveCounts, type SaveSummary } from '../store/index.js';
import type { ImportBatch } from './import-batch.js';

/**
 * Records per `saveRecords` call. Below the store's threshold for scanning the authority's whole
 * table to find known ids (records.ts), so each part looks up only its own ids.
 */
export const partSize = 5000;

export async function saveBatch(inside: Connection, scope: AuthorityScope, batch: ImportBatch, author: Author, onSaved: (records: number) => void = () => {}): Promise<SaveSummary> {
  const summary = { children: zero(), placements: zero(), events: zero() };
  // Asked before the first part is written: later parts find the earlier parts' rows.
  const allNew = await kindsWithoutRecords(inside, scope);
  const save = async (part: SaveBatch, into: SaveCounts, key: keyof SaveSummary, size: number) => {
    const saved = (await saveRecords(inside, scope, part, author, { allNew }))[key];
    into.added += saved.added;
    into.changed += saved.changed;
    into.unchanged += saved.unchanged;
    onSaved(size);
  };
  await inParts(batch.allChildren(), (children) => save({ children }, summary.children, 'children', children.length));
  await inParts(batch.allPlacements(), (placements) => save({ placements }, summary.placements, 'placements', placements.length));
  await inParts(batch.allEvents(), (events) => save({ events }, summary.events, 'events', events.length));
  return summary;
}

function zero(): SaveCounts {
  return { added: 0, changed: 0, unchanged: 0 };
}

async function inParts<T>(items: Iterable<T>, work: (part: T[]) => Promise<void>): Promise<void> {
  let part: T[] = [];
  for (const item of items) {
    part.push(item);
    if (part.length === partSize) {
      await work(part);
      part = [];
    }
  }
  if (part.length > 0) await work(part);
}
