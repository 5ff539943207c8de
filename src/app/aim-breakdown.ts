/**
 * An aim's figures by group (domain/breakdown.ts), worked out when a page, a file or a journey list
 * asks for them, once per cache entry and dimension: each child as on the as-at date, with the team
 * allocated then, as the filters by team read it (decision 0019).
 */
import { breakdown, type Breakdown, type BreakdownDimension } from '../domain/breakdown.js';
import type { StoredAuthority } from '../store/index.js';
import type { AimResult, AuthorityFigures } from './authority-figures.js';
import type { FiguresCache } from './figures-cache.js';

export function aimBreakdown(cache: FiguresCache, stored: StoredAuthority, figures: AuthorityFigures, result: AimResult, dimension: BreakdownDimension): Promise<Breakdown> {
  return cache.made(figures, `${result.aim.id}/breakdown/${dimension}`, async () => {
    const children = cache.made(figures, 'children-on-as-at', async () => new Map((await cache.allocatedRecords(stored, figures)).map((r) => [r.child.childId, r.child])));
    const byId = await children;
    return breakdown(result.figures, dimension, (childId) => byId.get(childId));
  });
}
