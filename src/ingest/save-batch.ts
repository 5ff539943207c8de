/**
 * Saving an import's records, on a connection inside one transaction (`inOneTransaction`, or a
 * writer's: write-while-reading.ts): all of it is written or none of it. Each kind of record is
 * first compared with what the authority holds, in one pass over its stored rows
 * (`compareWithStored`), unless it holds none of that kind or the writer compared them already: a
 * record stored as read is left alone, a new one is added without being looked up, and only the
 * rest go through the store's usual comparison, which keeps their previous versions. Records are
 * saved a part at a time, so that memory holds one part of the store's working rows, not all.
 */
import type { AnyEvent } from '../domain/planned.js';
import type { Child, Placement } from '../domain/records.js';
import { compareWithStored, kindsWithoutRecords, saveRecords, stored, type Author, type AuthorityScope, type Compared, type Connection, type RecordsByPosition, type SaveCounts, type SaveOptions, type SaveSummary } from '../store/index.js';
import type { ImportBatch } from './import-batch.js';

/** Records per `saveRecords` call: each part of the records that differ looks up only its own ids. */
export const partSize = 5000;

type AnyRecord = Child | Placement | AnyEvent;

/** Saves the batch; `compared`, when given, says already what the authority holds of each record (write-while-reading.ts). */
export async function saveBatch(inside: Connection, scope: AuthorityScope, batch: ImportBatch, author: Author, onSaved: (records: number) => void = () => {}, compared?: Compared): Promise<SaveSummary> {
  // Asked before the first part is written: later parts find the earlier parts' rows.
  const allNew = compared === undefined ? await kindsWithoutRecords(inside, scope) : new Set();
  const kinds: readonly { name: 'child' | 'placement' | 'event'; key: keyof SaveSummary; records: RecordsByPosition<AnyRecord> }[] = [
    { name: 'child', key: 'children', records: batch.childrenRead() },
    { name: 'placement', key: 'placements', records: batch.placementsRead() },
    { name: 'event', key: 'events', records: batch.eventsRead() },
  ];
  const summary = { children: zero(), placements: zero(), events: zero() };
  for (const { name, key, records } of kinds) {
    const into: SaveCounts = summary[key];
    // The columns the file did not carry are compared with nothing and keep what is stored.
    const kept = batch.keptAsStored(key);
    const save = async (part: AnyRecord[], options: SaveOptions) => {
      const saved = (await saveRecords(inside, scope, { [key]: part }, author, { ...options, keepStored: { [name]: kept } }))[key];
      into.added += saved.added;
      into.changed += saved.changed;
      into.unchanged += saved.unchanged;
      onSaved(part.length);
    };
    const found = compared?.[key] ?? (allNew.has(name) ? null : await compareWithStored(inside, scope, name, records, kept));
    into.unchanged = count(records, found, stored.same);
    onSaved(into.unchanged);
    // A record the authority does not hold is new: it fails on the table's key, and the whole
    // import is undone, should another writer have added it meanwhile.
    const onlyNew = { allNew: new Set([name]) };
    await inParts(withFound(records, found, stored.none), (part) => save(part, onlyNew));
    await inParts(withFound(records, found, stored.different), (part) => save(part, {}));
  }
  return summary;
}

function zero(): SaveCounts {
  return { added: 0, changed: 0, unchanged: 0 };
}

/** The records the authority holds as `found` says (`stored`); when nothing was compared, none is held. */
function* withFound<R>(records: RecordsByPosition<R>, found: Uint8Array | null, wanted: number): Generator<R> {
  for (let i = 0; i < records.count; i++) {
    if ((found?.[i] ?? stored.none) === wanted && records.has(i)) yield records.at(i) as R;
  }
}

/** How many records the authority holds as `found` says, without making them. */
function count<R>(records: RecordsByPosition<R>, found: Uint8Array | null, wanted: number): number {
  let n = 0;
  for (let i = 0; i < records.count; i++) if ((found?.[i] ?? stored.none) === wanted && records.has(i)) n += 1;
  return n;
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
