/**
 * The national view's figures: every authority's records measured on the national aims
 * (src/domain/national), kept in this process per as-at and from-date until any authority's data
 * version changes (the exact version, as the figures cache uses: docs/decisions/0005-web.md), and
 * who may see them: national analysts only (migration 0007).
 */
import type { PlainDate } from '../domain/date.js';
import { nationalComparison, type NationalComparison } from '../domain/national/national-comparison.js';
import { dataVersion, isNationalAnalyst, listAuthorities, loadChildRecords, type Connection } from '../store/index.js';
import type { SignedInUser } from '../web/auth/access.js';
import { HttpError } from '../web/errors.js';

/** A national analyst may go on; anyone else is told there is no such page (as for an authority they have no role in). */
export async function requireNationalAnalyst(connection: Connection, user: SignedInUser): Promise<void> {
  if (!(await isNationalAnalyst(connection, user.id))) throw new HttpError(404, 'Page not found');
}

interface Entry {
  readonly versions: string;
  readonly value: Promise<NationalComparison>;
}

const maxEntries = 8;
const caches = new WeakMap<Connection, Map<string, Entry>>();

/** The national comparison as at `asAt`, computed again only when some authority's records have changed. */
export async function nationalFigures(connection: Connection, asAt: PlainDate, fromDate: PlainDate | null): Promise<NationalComparison> {
  let cache = caches.get(connection);
  if (!cache) caches.set(connection, (cache = new Map()));
  const authorities = await listAuthorities(connection);
  const versions = (await Promise.all(authorities.map(async (a) => `${a.scope.id}:${a.authority.name}:${await dataVersion(connection, a.scope)}`))).join(',');
  const key = `${asAt.toString()}|${fromDate?.toString() ?? ''}`;
  const cached = cache.get(key);
  if (cached && cached.versions === versions) return cached.value;
  const value = (async () => {
    const withRecords = await Promise.all(authorities.map(async (a) => ({ authority: a.authority, records: await loadChildRecords(connection, a.scope) })));
    return nationalComparison(withRecords, asAt, { fromDate });
  })();
  cache.delete(key);
  cache.set(key, { versions, value });
  value.catch(() => cache.get(key)?.value === value && cache.delete(key));
  while (cache.size > maxEntries) cache.delete(cache.keys().next().value as string);
  return value;
}
