/**
 * A problem found in the records: which rule, about which record, and the value it is about.
 * The same value serves the import report (which adds the file and row), the quality report and
 * the web page.
 */
import { ruleOf, type RuleCode, type Severity } from './catalogue.js';

export type RecordKind = 'child' | 'placement' | 'event';

export interface Problem {
  readonly code: RuleCode;
  readonly severity: Severity;
  /** The child the problem is about, when there is one. */
  readonly childId: string | null;
  /** The record the problem is about (a child, placement or event id), when there is one. */
  readonly record: { readonly kind: RecordKind; readonly id: string } | null;
  /** The canonical column the problem is about, when there is one. */
  readonly column: string | null;
  /** The value as written, or as stored for a date (`YYYY-MM-DD`). */
  readonly value: string | null;
  /** What else the message names: another date, another record, a limit. */
  readonly detail: string | null;
}

export interface ProblemParts {
  readonly childId?: string | null;
  readonly record?: Problem['record'];
  readonly column?: string | null;
  readonly value?: string | null;
  readonly detail?: string | null;
}

export function makeProblem(code: RuleCode, parts: ProblemParts = {}): Problem {
  return {
    code,
    severity: ruleOf(code).severity,
    childId: parts.childId ?? null,
    record: parts.record ?? null,
    column: parts.column ?? null,
    value: parts.value ?? null,
    detail: parts.detail ?? null,
  };
}

/**
 * The problem in words, e.g. `invalid date_of_birth: 31/02/2019`. `columnLabel` is the name the
 * reader knows the column by (an export's own header, when a mapping profile renamed it).
 */
export function renderMessage(problem: Problem, columnLabel: string | null = problem.column): string {
  return fill(ruleOf(problem.code).message, problem, columnLabel);
}

/** What to do about the problem, in words. */
export function renderFix(problem: Problem, columnLabel: string | null = problem.column): string {
  return fill(ruleOf(problem.code).fix, problem, columnLabel);
}

function fill(template: string, problem: Problem, columnLabel: string | null): string {
  return template.replace(/\{(column|value|detail)\}/g, (_, name: 'column' | 'value' | 'detail') => {
    if (name === 'column') return columnLabel ?? '';
    return (name === 'value' ? problem.value : problem.detail) ?? '';
  });
}

/** Errors first, then by child and record, so a report reads child by child. */
export function compareProblems(a: Problem, b: Problem): number {
  if (a.severity !== b.severity) return a.severity === 'error' ? -1 : 1;
  return compareText(a.childId ?? '', b.childId ?? '') || compareText(a.record?.id ?? '', b.record?.id ?? '') || compareText(a.code, b.code);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
