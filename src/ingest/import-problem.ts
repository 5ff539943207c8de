/**
 * A problem as the import reports it: the domain's problem, placed in the file (row 1 is the
 * header, as a spreadsheet shows it), under the column name the file uses, in words.
 */
import type { RuleCode, Severity } from '../domain/quality/catalogue.js';
import { renderFix, renderMessage, type Problem } from '../domain/quality/problem.js';

export interface ImportProblem {
  readonly code: RuleCode;
  readonly severity: Severity;
  readonly file: string;
  /** 1-based, the header being row 1; null for a problem with the whole file. */
  readonly row: number | null;
  /** The column as the file names it. */
  readonly column: string | null;
  readonly value: string | null;
  readonly childId: string | null;
  readonly message: string;
  readonly fix: string;
}

export function locate(problem: Problem, file: string, row: number | null, columnLabel: string | null): ImportProblem {
  return {
    code: problem.code,
    severity: problem.severity,
    file,
    row,
    column: columnLabel,
    value: problem.value,
    childId: problem.childId,
    message: renderMessage(problem, columnLabel),
    fix: renderFix(problem, columnLabel),
  };
}

/** At most this many problems of one rule are kept with their details; the rest are counted. */
export const problemsKeptPerRule = 1000;

/** Problems as they are found, keeping a readable number of each rule and counting all. */
export class ProblemLog {
  readonly #kept: ImportProblem[] = [];
  readonly #counts = new Map<RuleCode, { severity: Severity; count: number }>();

  add(problem: ImportProblem): void {
    const entry = this.#counts.get(problem.code) ?? { severity: problem.severity, count: 0 };
    entry.count += 1;
    this.#counts.set(problem.code, entry);
    if (entry.count <= problemsKeptPerRule) this.#kept.push(problem);
  }

  get errors(): number {
    return this.#total('error');
  }

  get warnings(): number {
    return this.#total('warning');
  }

  /** The kept problems: errors first, then by file and row. */
  problems(): ImportProblem[] {
    return [...this.#kept].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1) || a.file.localeCompare(b.file) || (a.row ?? 0) - (b.row ?? 0));
  }

  /** How many problems of each rule there were, errors first. */
  counts(): { code: RuleCode; severity: Severity; count: number }[] {
    return [...this.#counts].map(([code, v]) => ({ code, ...v })).sort((a, b) => (a.severity === b.severity ? b.count - a.count : a.severity === 'error' ? -1 : 1));
  }

  #total(severity: Severity): number {
    let total = 0;
    for (const entry of this.#counts.values()) if (entry.severity === severity) total += entry.count;
    return total;
  }
}
