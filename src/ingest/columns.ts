/**
 * Matching a header row to the canonical columns: names are compared without case or surrounding
 * spaces, through the profile's names for each column. A required column that is missing, or a
 * column given twice, stops the import; a column nobody asked for is ignored with a warning.
 */
import { makeProblem, type Problem } from '../domain/quality/problem.js';
import { headerNamesFor, type Profile } from './profile.js';
import type { RawValue } from './source.js';
import { tableColumns, type ColumnSpec, type TableName } from './tables.js';

export interface MappedColumn {
  readonly spec: ColumnSpec;
  /** Where the column is in the file's rows. */
  readonly index: number;
  /** The file's own name for it. */
  readonly label: string;
}

export interface ColumnMap {
  readonly table: TableName;
  readonly columns: readonly MappedColumn[];
  readonly width: number;
  /** The file's own name for a canonical column (the canonical name when the file lacks it). */
  labelOf(canonical: string): string;
  indexOf(canonical: string): number | undefined;
  /** The columns kept when absent (`ColumnSpec.keptWhenAbsent`) that the file lacks: each record keeps its stored value of them. */
  readonly keptAsStored: readonly string[];
}

export interface ColumnProblem {
  readonly problem: Problem;
  readonly label: string | null;
}

export function mapColumns(table: TableName, header: readonly RawValue[], profile: Profile): { map: ColumnMap; problems: ColumnProblem[] } {
  const labels = header.map((cell) => String(cell).replace(/^\uFEFF/, '').trim());
  const wanted = new Map<string, ColumnSpec>();
  for (const spec of tableColumns[table]) for (const name of headerNamesFor(profile, table, spec.name)) wanted.set(name.trim().toLowerCase(), spec);
  const problems: ColumnProblem[] = [];
  const columns: MappedColumn[] = [];
  labels.forEach((label, index) => {
    if (label === '') return;
    const spec = wanted.get(label.toLowerCase());
    if (spec === undefined) {
      problems.push({ problem: makeProblem('column-unknown', { column: label, value: label }), label });
    } else if (columns.some((c) => c.spec === spec)) {
      problems.push({ problem: makeProblem('column-duplicate', { column: spec.name, value: spec.name }), label });
    } else {
      columns.push({ spec, index, label });
    }
  });
  for (const spec of tableColumns[table]) {
    if (spec.required && !columns.some((c) => c.spec === spec)) problems.push({ problem: makeProblem('column-missing', { column: spec.name, value: spec.name }), label: spec.name });
  }
  const byName = new Map(columns.map((c) => [c.spec.name, c]));
  return {
    map: {
      table,
      columns,
      width: labels.length,
      labelOf: (canonical) => byName.get(canonical)?.label ?? canonical,
      indexOf: (canonical) => byName.get(canonical)?.index,
      keptAsStored: tableColumns[table].filter((spec) => spec.keptWhenAbsent === true && !byName.has(spec.name)).map((spec) => spec.name),
    },
    problems,
  };
}
