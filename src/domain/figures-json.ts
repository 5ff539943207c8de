/**
 * An aim's headline figures as the JSON the CLI and the API both print: snake_case, percentages and
 * weeks rounded to one decimal (rounding is for showing, never for computing).
 */
import type { AimFigures } from './aim-figures.js';
import { roundOrNull } from './round.js';

export function figuresJson(f: AimFigures) {
  return {
    from_date: f.fromDate?.toString() ?? null,
    counts: f.counts,
    n: f.n,
    percentage: roundOrNull(f.percentage),
    median_weeks: roundOrNull(f.medianWeeks),
    still_waiting: f.stillWaiting,
    longest_wait_weeks: roundOrNull(f.longestWaitWeeks),
    backlog: f.backlog && { by_date: f.backlog.byDate.toString(), started_before: f.backlog.startedBefore.toString(), total: f.backlog.total, complete: f.backlog.complete, still_waiting: f.backlog.stillWaiting },
  };
}
