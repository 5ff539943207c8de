/**
 * The data a test of change carries (issue 15, point 4; docs/decisions/0031-tests-of-change-data.md):
 * - the measure of the aims it serves for just the few it runs with (a team, or named children),
 *   beside the whole authority's, so that a test run with one team is judged on that team's journeys;
 * - the numbers its cycles' Study steps recorded, as a series across the cycles, each in words.
 */
import type { AimFigures, CohortJourney } from '../aim-figures.js';
import { compareDates, type PlainDate } from '../date.js';
import { normaliseName } from '../reminders/due-list.js';
import { median } from '../spc/median.js';
import type { StudyMeasurement, TestGroup, TestOfChange } from './test-of-change.js';

/** Whether a journey is one of the group's: the child's team (names matched without regard to case or spacing), or one of the named children. */
export function inTestGroup(journey: CohortJourney, group: TestGroup): boolean {
  switch (group.kind) {
    case 'everyone':
      return true;
    case 'team':
      return journey.journey.team !== null && normaliseName(journey.journey.team) === normaliseName(group.team);
    case 'children':
      return group.childIds.includes(journey.journey.childId);
    default:
      return unreachable(group);
  }
}

/**
 * The aim's figures for the group's journeys alone: the same journeys, statuses and from-date as the
 * authority's, only fewer, with the counts, percentage and waits tallied again from them, so that the
 * monthly tally (aim-months.ts) and any figure read from the result are the group's. A backlog is
 * the authority's work and is not carried over.
 */
export function groupFigures(figures: AimFigures, group: TestGroup): AimFigures {
  if (group.kind === 'everyone') return figures;
  const all = figures.cohort.journeys;
  const places = figures.places.filter((k) => inTestGroup(all[k] as CohortJourney, group));
  const journeys = Array.from(places, (k) => all[k] as CohortJourney);
  const counts = { in_time: 0, late: 0, overdue: 0, waiting: 0, left_late: 0, left_early: 0 };
  const completedWeeks: number[] = [];
  let stillWaiting = 0;
  let longestWaitWeeks: number | null = null;
  for (const j of journeys) {
    counts[j.status] += 1;
    if (j.endDay !== null) completedWeeks.push(j.weeks);
    if (j.stillWaiting) {
      stillWaiting += 1;
      longestWaitWeeks = Math.max(longestWaitWeeks ?? -Infinity, j.weeks);
    }
  }
  const n = counts.in_time + counts.late + counts.overdue + counts.left_late;
  return { ...figures, journeys, places, counts, n, percentage: n === 0 ? null : (counts.in_time / n) * 100, medianWeeks: median(completedWeeks), stillWaiting, longestWaitWeeks, backlog: null };
}

/** The group in words, for a caption or a pack: "the North team", "3 named children", "everyone". */
export function groupWords(group: TestGroup): string {
  switch (group.kind) {
    case 'everyone':
      return 'everyone';
    case 'team':
      return /\bteam\b/i.test(group.team) ? group.team : `the ${group.team} team`;
    case 'children':
      return group.childIds.length === 1 ? '1 named child' : `${group.childIds.length} named children`;
    default:
      return unreachable(group);
  }
}

/** A measurement's percentage, count ÷ out of × 100 unrounded; null with no denominator (or a denominator of 0). */
export function measurementPercent(m: StudyMeasurement): number | null {
  return m.outOf === null || m.outOf === 0 ? null : (m.count / m.outOf) * 100;
}

/** "7 of 9 meetings held within 72 hours (78%)", or "12 referrals sent" with no denominator. */
export function measurementWords(m: StudyMeasurement): string {
  const percent = measurementPercent(m);
  const label = m.label === '' ? '' : ` ${m.label}`;
  if (m.outOf === null) return `${m.count}${label}`;
  return `${m.count} of ${m.outOf}${label}${percent === null ? '' : ` (${Math.round(percent)}%)`}`;
}

export interface StudyPoint {
  readonly cycle: number;
  readonly date: PlainDate;
  readonly measurement: StudyMeasurement;
  /** What is drawn: the percentage when the series is of percentages, the count otherwise. */
  readonly value: number;
  readonly words: string;
}

export interface StudySeries {
  /** The label the measurements share, as first written. */
  readonly label: string;
  /** Percentages when every measurement of the series has a denominator; counts otherwise. */
  readonly kind: 'percent' | 'count';
  /** In date order, then cycle order. */
  readonly points: readonly StudyPoint[];
  /** The median of the values, drawn as the centre line; null with no points. */
  readonly median: number | null;
}

/**
 * The test's Study numbers as series across its cycles: one series for each thing counted (the
 * measurements whose labels match without regard to case or spacing), in the order first recorded.
 * A series is of percentages when every one of its measurements is "out of" something, so that a
 * count and a percentage are never drawn on one axis.
 */
export function studySeries(test: Pick<TestOfChange, 'cycles'>): StudySeries[] {
  const byLabel = new Map<string, { label: string; items: { cycle: number; measurement: StudyMeasurement }[] }>();
  for (const cycle of test.cycles) {
    for (const measurement of cycle.study?.measurements ?? []) {
      const key = normaliseName(measurement.label);
      const entry = byLabel.get(key) ?? { label: measurement.label.trim(), items: [] };
      entry.items.push({ cycle: cycle.number, measurement });
      byLabel.set(key, entry);
    }
  }
  return [...byLabel.values()].map(({ label, items }) => {
    const kind = items.every((i) => measurementPercent(i.measurement) !== null) ? 'percent' : 'count';
    const points = items
      .map(({ cycle, measurement }) => ({ cycle, date: measurement.date, measurement, value: kind === 'percent' ? (measurementPercent(measurement) as number) : measurement.count, words: measurementWords(measurement) }))
      .sort((a, b) => compareDates(a.date, b.date) || a.cycle - b.cycle);
    return { label, kind, points, median: median(points.map((p) => p.value)) };
  });
}

/** Each Study number of the test in words, "Cycle 2 study: 7 of 9 meetings held within 72 hours (78%)", in cycle order. */
export function studyNumberLines(test: Pick<TestOfChange, 'cycles'>): string[] {
  return test.cycles.flatMap((cycle) => (cycle.study?.measurements ?? []).map((m) => `Cycle ${cycle.number} study: ${measurementWords(m)}`));
}

function unreachable(value: never): never {
  throw new Error(`unhandled test group: ${JSON.stringify(value)}`);
}
