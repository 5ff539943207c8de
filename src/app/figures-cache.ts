/**
 * The one cache of figures (docs/architecture.md, "The cache"): an authority's figures as at a date,
 * for every child or for a team's, a locality's or a worker's (child-filter.ts), keyed by
 * (authority, as-at date, filter, data version). The data version is one counter the store raises
 * inside the transaction of every change the figures depend on (src/store/data-version.ts), so each
 * request asks for it once (one indexed look-up) and an entry is used only while it is current,
 * whichever process changed the data. Requests that arrive while an entry is being computed wait
 * for that one computation. What is made from an entry (a drawn chart, a PNG, a page part, a
 * report) is kept with the entry, under the entry's key and a name, and goes when the entry goes.
 */
import type { PlainDate } from '../domain/date.js';
import { everyChild, filterChoices, filterKey, inFilter, isEveryChild, type ChildFilter, type FilterChoices } from '../domain/child-filter.js';
import type { ChildRecord } from '../domain/records.js';
import { withAllocationsOn, type AllocationVersion } from '../domain/reminders/allocation.js';
import { allocationVersions, dataVersion, listAims, listTests, loadChildRecords, type Connection, type StoredAuthority } from '../store/index.js';
import { nextTurn } from './turns.js';
import pLimit from 'p-limit';
import { computeAuthorityFiguresInParts, type AuthorityFigures } from './authority-figures.js';

interface Entry {
  readonly version: number;
  readonly value: Promise<AuthorityFigures>;
  /** The figures once worked out: null until then. */
  readonly ready: { current: AuthorityFigures | null };
  /** How far the working-out has got: null while it waits for another's to be worked out first. */
  readonly progress: { current: FiguresProgress | null };
}

/** Parts of an authority's figures worked out, of how many (authority-figures.ts). */
export interface FiguresProgress {
  readonly done: number;
  readonly total: number;
}

export interface FiguresCacheOptions {
  /** Entries kept (authority and as-at date pairs); the least recently used goes first. */
  readonly maxEntries?: number;
}

export class FiguresCache {
  readonly #figures = new Map<string, Entry>();
  /** The records of each authority at its latest data version, shared by every as-at date. */
  readonly #records = new Map<number, { version: number; value: Promise<ChildRecord[]> }>();
  /** Each child's allocations over time, at the authority's latest data version, for a filter by team or worker. */
  readonly #allocations = new Map<number, { version: number; value: Promise<ReadonlyMap<string, readonly AllocationVersion[]>> }>();
  /** What is made from each entry (charts, PNGs, page parts) or from each data version's records (exports), by name. */
  readonly #made = new WeakMap<AuthorityFigures | readonly ChildRecord[], Map<string, unknown>>();
  readonly #maxEntries: number;
  readonly #oneAtATime = pLimit(1);

  constructor(
    private readonly connection: Connection,
    options: FiguresCacheOptions = {},
  ) {
    this.#maxEntries = options.maxEntries ?? 24;
  }

  /** The authority's figures as at `asAt` (for the children in `filter`), from memory while its data version is unchanged. */
  async figures(stored: StoredAuthority, asAt: PlainDate, filter: ChildFilter = everyChild): Promise<AuthorityFigures> {
    return (await this.#entry(stored, asAt, filter)).value;
  }

  /**
   * The figures, if they are ready within `waitMs`; otherwise how far their working-out has got (null
   * while it waits for others to be worked out first). The work goes on either way: a page asks
   * again (it refreshes itself) and is served from the cache once they are ready.
   */
  async figuresWithin(stored: StoredAuthority, asAt: PlainDate, filter: ChildFilter, waitMs: number): Promise<{ readonly figures: AuthorityFigures } | { readonly progress: FiguresProgress | null }> {
    const entry = await this.#entry(stored, asAt, filter);
    if (entry.ready.current) return { figures: entry.ready.current };
    // No wait at all: the figures worked out already, or how far they have got. (A timer of 0 ms
    // fires after at least one, time enough for a very small authority's figures on a fast day.)
    if (waitMs <= 0) return { progress: entry.progress.current };
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), waitMs)));
    try {
      const first = await Promise.race([entry.value, late]);
      if (first !== 'late') return { figures: first };
    } finally {
      clearTimeout(timer);
    }
    return { progress: entry.progress.current };
  }

  /** The cache's entry for the figures, made (and their working-out started) if there is none at the current data version. */
  async #entry(stored: StoredAuthority, asAt: PlainDate, filter: ChildFilter): Promise<Entry> {
    const key = `${stored.scope.id}|${asAt.toString()}|${filterKey(filter)}`;
    const version = await dataVersion(this.connection, stored.scope);
    const cached = this.#figures.get(key);
    if (cached && cached.version === version) {
      // Most recently used last, so the oldest is dropped first.
      this.#figures.delete(key);
      this.#figures.set(key, cached);
      return cached;
    }
    // One computation at a time: each is worked out a part at a time, the server answering other
    // requests between the parts (app/turns.ts, one part of all such work a turn), and the first
    // asked for is finished first, rather than all of them together at the end. Started at once,
    // unless another's are being worked out (or wait) first.
    const waits = this.#oneAtATime.activeCount + this.#oneAtATime.pendingCount > 0;
    const progress: Entry['progress'] = { current: waits ? null : { done: 0, total: 1 } };
    const ready: Entry['ready'] = { current: null };
    const value = this.#oneAtATime(() => this.#compute(stored, asAt, version, filter, (now) => (progress.current = now)));
    value.then((figures) => (ready.current = figures)).catch(() => undefined);
    const entry = { version, value, ready, progress };
    this.#figures.delete(key);
    this.#figures.set(key, entry);
    // A computation that fails is not kept: the next request tries again.
    value.catch(() => this.#figures.get(key)?.value === value && this.#figures.delete(key));
    while (this.#figures.size > this.#maxEntries) this.#figures.delete(this.#figures.keys().next().value as string);
    return entry;
  }

  /** The authority's records at its current data version (for a report that needs no figures). */
  async currentRecords(stored: StoredAuthority): Promise<ChildRecord[]> {
    return this.#recordsOf(stored, await dataVersion(this.connection, stored.scope));
  }

  /** The records `figures` were computed from, loaded once per data version and shared by every as-at date. */
  records(stored: StoredAuthority, figures: AuthorityFigures): Promise<ChildRecord[]> {
    return this.#recordsOf(stored, Number(figures.version));
  }

  /**
   * The records `figures` were computed from, each child's team and worker as allocated on the
   * figures' as-at date (as the filters by team and worker read them), once per entry.
   */
  allocatedRecords(stored: StoredAuthority, figures: AuthorityFigures): Promise<readonly ChildRecord[]> {
    return this.made(figures, 'allocated-records', async () => {
      const [records, allocations] = await Promise.all([this.records(stored, figures), this.#allocationsOf(stored, Number(figures.version))]);
      return withAllocationsOn(records, allocations, figures.asAt);
    });
  }

  /**
   * Something made from an entry (a chart, a PNG, a page part), made once per entry and name; or
   * from an authority's records (an export), made once per data version and name.
   */
  made<T>(from: AuthorityFigures | readonly ChildRecord[], name: string, make: () => T): T {
    let made = this.#made.get(from);
    if (!made) this.#made.set(from, (made = new Map()));
    if (!made.has(name)) {
      const value = make();
      made.set(name, value);
      // A promise that fails is not kept: the next reader tries again.
      if (value instanceof Promise) value.catch(() => made.get(name) === value && made.delete(name));
    }
    return made.get(name) as T;
  }

  async #compute(stored: StoredAuthority, asAt: PlainDate, version: number, filter: ChildFilter, onProgress: (progress: FiguresProgress) => void): Promise<AuthorityFigures> {
    onProgress({ done: 0, total: 1 });
    const [aims, tests, records] = await Promise.all([listAims(this.connection, stored.scope), listTests(this.connection, stored.scope), this.#recordsOf(stored, version)]);
    // Worked out a part at a time, letting other requests be answered in between (authority-figures.ts).
    const inParts = (children: readonly ChildRecord[]) =>
      computeAuthorityFiguresInParts(stored.authority, aims, children, tests, asAt, String(version), filter, (done, total) => {
        onProgress({ done, total });
        return nextTurn();
      });
    if (isEveryChild(filter)) return inParts(records);
    // The children in the filter, each with the team and worker allocated to them on the as-at date.
    const allocated = filter.team === null && filter.worker === null ? records : withAllocationsOn(records, await this.#allocationsOf(stored, version), asAt);
    return inParts(allocated.filter((record) => inFilter(record, filter)));
  }

  #allocationsOf(stored: StoredAuthority, version: number): Promise<ReadonlyMap<string, readonly AllocationVersion[]>> {
    const cached = this.#allocations.get(stored.scope.id);
    if (cached && cached.version === version) return cached.value;
    const value = allocationVersions(this.connection, stored.scope);
    this.#allocations.set(stored.scope.id, { version, value });
    value.catch(() => this.#allocations.get(stored.scope.id)?.value === value && this.#allocations.delete(stored.scope.id));
    return value;
  }

  #recordsOf(stored: StoredAuthority, version: number): Promise<ChildRecord[]> {
    const cached = this.#records.get(stored.scope.id);
    if (cached && cached.version === version) return cached.value;
    const value = loadChildRecords(this.connection, stored.scope);
    this.#records.set(stored.scope.id, { version, value });
    value.catch(() => this.#records.get(stored.scope.id)?.value === value && this.#records.delete(stored.scope.id));
    return value;
  }
}

/** Every team, locality and worker the authority's records name (for the forms that filter by them), once per data version. */
export async function filterChoicesOf(cache: FiguresCache, stored: StoredAuthority, figures: AuthorityFigures): Promise<FilterChoices> {
  // Made from the records, not from the figures of each as-at date.
  const records = await cache.records(stored, figures);
  return cache.made(records, 'filter-choices', () => filterChoices(records));
}
