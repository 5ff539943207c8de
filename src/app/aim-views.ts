/**
 * An aim's two slower views, worked out when a page or a file asks for them (never for the
 * dashboard), once per cache entry: where the time goes (the stages) and time to the milestone with
 * children still waiting counted (the survival curves).
 */
import { aimSurvival, type AimSurvival } from '../domain/aim-survival.js';
import { stagesForAim, type Stage } from '../domain/stages.js';
import type { StoredAuthority } from '../store/index.js';
import type { AimResult, AuthorityFigures } from './authority-figures.js';
import type { FiguresCache } from './figures-cache.js';

export interface AimViews {
  readonly stages: readonly Stage[];
  readonly survival: AimSurvival;
}

export function aimViews(cache: FiguresCache, stored: StoredAuthority, figures: AuthorityFigures, result: AimResult): Promise<AimViews> {
  return cache.made(figures, `${result.aim.id}/views`, async () => {
    const records = await cache.records(stored, figures);
    return { stages: stagesForAim(result.aim, records, figures.asAt), survival: aimSurvival(result.aim, records, figures.asAt, figures.authority.programmeStart) };
  });
}
