/** The pseudonymised extract (src/domain/exports/pseudonymise.ts) as three tables: children, placements, events. */
import type { PseudonymisedExtract } from '../../domain/exports/pseudonymise.js';
import type { ExportTable } from './export-table.js';

export function pseudonymisedTables(extract: PseudonymisedExtract): ExportTable[] {
  return [
    {
      name: 'children',
      columns: ['child_pseudonym', 'birth_month', 'sex', 'sibling_group_pseudonym'],
      rows: extract.children.map((c) => [c.child, c.birthMonth, c.sex, c.siblingGroup]),
    },
    {
      name: 'placements',
      columns: ['child_pseudonym', 'placement_pseudonym', 'start_date', 'end_date', 'placement_type', 'legal_basis', 'carer_pseudonym'],
      rows: extract.placements.map((p) => [p.child, p.placement, p.start, p.end, p.type, p.legalBasis, p.carer]),
    },
    {
      name: 'events',
      columns: ['child_pseudonym', 'event_pseudonym', 'event_type', 'date', 'route'],
      rows: extract.events.map((e) => [e.child, e.event, e.type, e.date, e.route]),
    },
  ];
}
