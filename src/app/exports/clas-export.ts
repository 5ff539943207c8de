/** The CLAS permanence fields (src/domain/exports/clas.ts) as a table, in the order the return lists them. */
import type { ClasEpisodeRow } from '../../domain/exports/clas.js';
import type { ExportTable } from './export-table.js';

export const clasColumns = [
  'child_id',
  'episode_start',
  'episode_end',
  'permanence_recommendation_date',
  'permanence_recommendation_route',
  'adm_decision_date',
  'adm_decision_route',
  'court_application_date',
  'court_application_route',
] as const;

export function clasTable(rows: readonly ClasEpisodeRow[]): ExportTable {
  return {
    name: 'clas_permanence',
    columns: clasColumns,
    rows: rows.map((r) => [r.childId, r.episodeStart, r.episodeEnd, r.recommendation?.date ?? null, r.recommendation?.route ?? null, r.admDecision?.date ?? null, r.admDecision?.route ?? null, r.courtApplication?.date ?? null, r.courtApplication?.route ?? null]),
  };
}
