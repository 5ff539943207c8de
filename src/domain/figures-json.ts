/**
 * An aim's figures and its journeys as the JSON the CLI and the API both print: snake_case,
 * percentages and weeks rounded to one decimal (rounding is for showing, never for computing).
 */
import type { Aim } from './aim.js';
import type { AimFigures, CohortJourney } from './aim-figures.js';
import { aimRunChartWords, type AimRunChart } from './aim-run-chart.js';
import type { PlainDate } from './date.js';
import { nationalAimOfKind, type Journey } from './journey.js';
import { roundOrNull, roundTo } from './round.js';
import type { JourneyStatus } from './status.js';

export function figuresJson(f: AimFigures) {
  return {
    from_date: f.fromDate?.toString() ?? null,
    counts: f.counts,
    n: f.n,
    percentage: roundOrNull(f.percentage),
    median_weeks: roundOrNull(f.medianWeeks),
    still_waiting: f.stillWaiting,
    longest_wait_weeks: roundOrNull(f.longestWaitWeeks),
    backlog: f.backlog && { by_date: f.backlog.byDate.toString(), started_before: f.backlog.startedBefore.toString(), total: f.backlog.total, complete: f.backlog.complete, left: f.backlog.left, still_waiting: f.backlog.stillWaiting },
  };
}

/** One journey with its status: `pace journeys --json`, an aim's journeys, and the API's lists. */
export function journeyJson(journey: Journey, status: JourneyStatus, days: number) {
  return {
    kind: journey.kind === 'measure' ? null : nationalAimOfKind[journey.kind],
    child_id: journey.childId,
    start: journey.start.toString(),
    end: journey.end?.toString() ?? null,
    leave: journey.leave?.toString() ?? null,
    leave_reason: journey.leaveReason,
    route: journey.route,
    status,
    weeks: roundTo(days / 7),
  };
}

/** A journey measured against an aim: as `journeyJson`, with its due date. */
export function cohortJourneyJson(j: CohortJourney) {
  return { ...journeyJson(j.journey, j.status, j.days), due: j.due.toString() };
}

/**
 * An aim's run chart as data: its points, the baseline, the analysis exactly as `pace spc --json`
 * prints one, every finding typed and in words, and the waiting bars. `pace runchart --json` and
 * the API's run chart both send this.
 */
export function runChartJson(aim: Aim, chart: AimRunChart, asAt: PlainDate) {
  const { series } = chart;
  return {
    aim_id: aim.id,
    aim: aim.nationalAim ?? aim.id,
    as_at: asAt.toString(),
    points: series.points.map((p) => ({ point: p.position, child_id: p.childId, start: p.start.toString(), end: p.end.toString(), weeks: roundTo(p.weeks), in_signal: chart.highlighted.has(p.position) })),
    baseline: { count: series.baselineCount, from: series.baselineCount > 0 ? 1 : null, to: series.baselineCount > 0 ? series.baselineCount : null, rule: series.baselineRule.kind },
    analysis: chart.analysis,
    findings: chart.findings,
    verdicts: aimRunChartWords(chart),
    waiting: series.waiting.map((w) => ({ child_id: w.childId, start: w.start.toString(), weeks: roundTo(w.weeks), due: w.due.toString(), status: w.overdue ? 'overdue' : 'waiting', placement_type: w.placementType })),
  };
}
