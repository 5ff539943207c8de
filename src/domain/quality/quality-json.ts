/** The data-quality report as plain JSON, one shape for the CLI, the API and the web page. */
import { journeyKinds } from '../journey.js';
import { ruleTitles } from './catalogue.js';
import { renderFix, renderMessage, type Problem } from './problem.js';
import type { QualityReport } from './quality-report.js';

export interface QualityLine {
  readonly severity: Problem['severity'];
  readonly code: Problem['code'];
  /** The rule's name in words. */
  readonly rule: string;
  readonly child_id: string | null;
  readonly record: string | null;
  readonly column: string | null;
  readonly value: string | null;
  readonly message: string;
  readonly fix: string;
}

export function qualityLine(problem: Problem): QualityLine {
  return {
    severity: problem.severity,
    code: problem.code,
    rule: ruleTitles[problem.code],
    child_id: problem.childId,
    record: problem.record === null ? null : `${problem.record.kind} ${problem.record.id}`,
    column: problem.column,
    value: problem.value,
    message: renderMessage(problem),
    fix: renderFix(problem),
  };
}

export function qualityJson(report: QualityReport) {
  const counts = new Map<string, { severity: string; count: number }>();
  for (const p of report.problems) counts.set(p.code, { severity: p.severity, count: (counts.get(p.code)?.count ?? 0) + 1 });
  return {
    as_at: report.asAt.toString(),
    children: report.children,
    completeness: journeyKinds.map((kind) => ({
      kind,
      milestones: report.completeness.filter((c) => c.kind === kind).map((c) => ({ milestone: c.milestone, due: c.due, recorded: c.recorded, percent: c.percent })),
    })),
    recording_lag: report.lag.map((l) => ({ event_type: l.eventType, events: l.events, median_days: l.medianDays, p90_days: l.p90Days, late: l.late })),
    problem_counts: [...counts].map(([code, v]) => ({ code, rule: ruleTitles[code as Problem['code']], ...v })),
    problems: report.problems.map(qualityLine),
  };
}
