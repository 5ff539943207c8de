/**
 * The national view's figures: every authority's records measured on the national aims
 * (src/domain/national), cached by as-at date and from-date while every authority's data version is
 * the same as when they were computed (docs/architecture.md, "The cache"); worked out a part at a
 * time, so that other requests are answered while they are.
 */
import type { PlainDate } from '../domain/date.js';
import { setImmediate } from 'node:timers/promises';
import { nationalComparisonInParts, type NationalComparison } from '../domain/national/national-comparison.js';
import { dataVersions, listAuthorities, loadChildRecords, type Connection } from '../store/index.js';

interface Entry {
  readonly versions: string;
  readonly value: Promise<NationalComparison>;
}

const maxEntries = 8;
const caches = new WeakMap<Connection, Map<string, Entry>>();

/** The national comparison as at `asAt`, computed again only when some authority's data has changed. */
export async function nationalFigures(connection: Connection, asAt: PlainDate, fromDate: PlainDate | null): Promise<NationalComparison> {
  let cache = caches.get(connection);
  if (!cache) caches.set(connection, (cache = new Map()));
  const [authorities, versionOf] = await Promise.all([listAuthorities(connection), dataVersions(connection)]);
  const versions = authorities.map((a) => `${a.scope.id}:${a.authority.name}:${versionOf.get(a.scope.id) ?? 0}`).join(',');
  const key = `${asAt.toString()}|${fromDate?.toString() ?? ''}`;
  const cached = cache.get(key);
  if (cached && cached.versions === versions) return cached.value;
  const value = (async () => {
    const withRecords = await Promise.all(authorities.map(async (a) => ({ authority: a.authority, records: await loadChildRecords(connection, a.scope) })));
    // A part at a time, the server answering other requests in between (national-comparison.ts).
    return nationalComparisonInParts(withRecords, asAt, { fromDate }, () => setImmediate());
  })();
  cache.delete(key);
  cache.set(key, { versions, value });
  value.catch(() => cache.get(key)?.value === value && cache.delete(key));
  while (cache.size > maxEntries) cache.delete(cache.keys().next().value as string);
  return value;
}
