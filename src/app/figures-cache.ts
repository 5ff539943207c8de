/**
 * Figures computed once per data version and kept in this process (docs/decisions/0005-web.md).
 * Every request asks the store for the authority's cheap data stamp (a few index look-ups); the
 * exact data version (which counts rows) is asked at most once every `exactCheckMs` per entry. When
 * either differs from the cached entry's, whichever process changed the records, the figures are
 * computed afresh. Entries are keyed by authority and as-at date; requests that arrive while an
 * entry is being computed wait for that one computation.
 */
import type { PlainDate } from '../domain/date.js';
import type { ChildRecord } from '../domain/records.js';
import { dataStamp, dataVersion, listAims, loadChildRecords, type Connection, type StoredAuthority } from '../store/index.js';
import { computeAuthorityFigures, type AuthorityFigures } from './authority-figures.js';

interface Entry<T> {
  readonly stamp: string;
  readonly version: string;
  /** When the exact version was last found unchanged (ms since the epoch). */
  checkedAt: number;
  readonly value: Promise<T>;
}

export interface FiguresCacheOptions {
  readonly maxEntries?: number;
  /** How long an entry is trusted on its stamp alone before the exact version is asked again. */
  readonly exactCheckMs?: number;
  readonly now?: () => number;
}

export class FiguresCache {
  readonly #figures = new Map<string, Entry<AuthorityFigures>>();
  /** The latest records of each authority, shared by every as-at date. */
  readonly #records = new Map<number, { version: string; value: Promise<ChildRecord[]> }>();
  /** Derived artefacts (PNGs) per figures entry. */
  readonly #extras = new WeakMap<AuthorityFigures, Map<string, unknown>>();
  readonly #maxEntries: number;
  readonly #exactCheckMs: number;
  readonly #now: () => number;

  constructor(
    private readonly connection: Connection,
    options: FiguresCacheOptions = {},
  ) {
    this.#maxEntries = options.maxEntries ?? 12;
    this.#exactCheckMs = options.exactCheckMs ?? 1000;
    this.#now = options.now ?? Date.now;
  }

  /** The authority's figures as at `asAt`, from memory when nothing has changed since they were computed. */
  async figures(stored: StoredAuthority, asAt: PlainDate): Promise<AuthorityFigures> {
    const key = `${stored.scope.id}|${asAt.toString()}`;
    const stamp = await dataStamp(this.connection, stored.scope);
    const cached = this.#figures.get(key);
    if (cached && cached.stamp === stamp && (await this.#stillExact(cached, stored))) {
      // Most recently used last, so the oldest is dropped first.
      this.#figures.delete(key);
      this.#figures.set(key, cached);
      return cached.value;
    }
    const version = await dataVersion(this.connection, stored.scope);
    const value = this.#compute(stored, asAt, version);
    // The version begins with the stamp it was taken with: the entry is keyed on what it was computed from.
    this.#figures.set(key, { stamp: version.slice(0, version.lastIndexOf('|')), version, checkedAt: this.#now(), value });
    value.catch(() => this.#figures.get(key)?.value === value && this.#figures.delete(key));
    while (this.#figures.size > this.#maxEntries) this.#figures.delete(this.#figures.keys().next().value as string);
    return value;
  }

  /** The records `figures` were computed from, loaded once per data version and shared by every as-at date. */
  records(stored: StoredAuthority, figures: AuthorityFigures): Promise<ChildRecord[]> {
    return this.#recordsOf(stored, figures.version);
  }

  /** Something made from a figures entry (a PNG, say), made once per entry. */
  derived<T>(figures: AuthorityFigures, key: string, make: () => T): T {
    let extras = this.#extras.get(figures);
    if (!extras) this.#extras.set(figures, (extras = new Map()));
    if (!extras.has(key)) {
      const made = make();
      extras.set(key, made);
      // A promise that fails is not kept: the next reader tries again.
      if (made instanceof Promise) made.catch(() => extras.get(key) === made && extras.delete(key));
    }
    return extras.get(key) as T;
  }

  async #stillExact(entry: Entry<AuthorityFigures>, stored: StoredAuthority): Promise<boolean> {
    if (this.#now() - entry.checkedAt < this.#exactCheckMs) return true;
    if ((await dataVersion(this.connection, stored.scope)) !== entry.version) return false;
    entry.checkedAt = this.#now();
    return true;
  }

  async #compute(stored: StoredAuthority, asAt: PlainDate, version: string): Promise<AuthorityFigures> {
    const [aims, records] = await Promise.all([listAims(this.connection, stored.scope), this.#recordsOf(stored, version)]);
    return computeAuthorityFigures(stored.authority, aims, records, asAt, version);
  }

  #recordsOf(stored: StoredAuthority, version: string): Promise<ChildRecord[]> {
    const cached = this.#records.get(stored.scope.id);
    if (cached && cached.version === version) return cached.value;
    const value = loadChildRecords(this.connection, stored.scope);
    this.#records.set(stored.scope.id, { version, value });
    value.catch(() => this.#records.get(stored.scope.id)?.value === value && this.#records.delete(stored.scope.id));
    return value;
  }
}
