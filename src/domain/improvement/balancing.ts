/**
 * Balancing measures (docs/domain.md, "Balancing measures"): what might get worse while the aims get
 * better, each a monthly series for a run chart. Definitions (docs/decisions/0011-improvement.md):
 * - placement moves per child per year looked after: moves that start in the month ÷ (days looked
 *   after in the month ÷ 365.25). A move is a placement that starts on, or the day after, the end of
 *   the child's previous placement (or during it), unless both have the same type and the same
 *   recorded carer. A child's first placement of a period is not a move.
 * - returned home and accommodated again within 12 months: of the returns home in the month (a run
 *   of placements away from home that ends with a placement at home, or ends the period looked after
 *   while the plan is a return home), the percentage followed by a new placement away from home
 *   within 12 calendar months of the day of the return. A month is shown only once every return in it
 *   has been followed for 12 months.
 * - children looked after at home on a CSO for more than 18 (and 24) months: on the last day of the
 *   month, the children in a run of placements at home that began on a CSO whose run began more than
 *   18 (24) calendar months before that day.
 * Months are calendar months ending on or before as-at.
 */
import { addDays, addMonths, dateOfEpochDay, epochDay, makeDate, type PlainDate } from '../date.js';
import { journeysOfKind, type AccommodationJourney, type AtHomeJourney } from '../journey.js';
import type { ChildRecord, Placement } from '../records.js';
import { lastDayOfMonth, monthlyRunChart, monthsEndingBy, type MonthlyRunChart } from '../monthly-run-chart.js';

export const balancingMeasureIds = ['placement-moves', 'reaccommodated', 'cso-at-home-18', 'cso-at-home-24'] as const;
export type BalancingMeasureId = (typeof balancingMeasureIds)[number];

export interface BalancingPoint {
  /** The first day of the month. */
  readonly month: PlainDate;
  readonly numerator: number;
  readonly denominator: number;
  /** Null when the month has nothing to divide by. */
  readonly value: number | null;
}

export interface BalancingMeasure {
  readonly id: BalancingMeasureId;
  readonly name: string;
  /** What the value is, for the axis and the table. */
  readonly unit: string;
  readonly numeratorLabel: string;
  readonly denominatorLabel: string;
  readonly definition: string;
  readonly points: readonly BalancingPoint[];
}

export interface BalancingChart extends MonthlyRunChart<BalancingPoint> {
  readonly measure: BalancingMeasure;
}

export const defaultBalancingMonths = 36;

const lastDayOf = lastDayOfMonth;

/** Every balancing measure as at `asAt`, over the last `months` months. */
export function balancingMeasures(records: readonly ChildRecord[], asAt: PlainDate, months = defaultBalancingMonths): BalancingMeasure[] {
  return [placementMoves(records, asAt, months), reaccommodated(records, asAt, months), csoAtHome(records, asAt, months, 18), csoAtHome(records, asAt, months, 24)];
}

/** Moves per child per year looked after, by the month the move happened. */
export function placementMoves(records: readonly ChildRecord[], asAt: PlainDate, count: number): BalancingMeasure {
  const months = monthsEndingBy(asAt, count);
  const firstDay = epochDay(months[0] as PlainDate);
  const lastDay = epochDay(lastDayOf(months[months.length - 1] as PlainDate));
  const index = new Map(months.map((m, i) => [monthKey(m), i]));
  const moves = months.map(() => 0);
  const days = months.map(() => 0);
  const asAtDay = epochDay(asAt);
  for (const record of records) {
    const placements = record.placements.filter((p) => epochDay(p.start) <= asAtDay).sort((a, b) => epochDay(a.start) - epochDay(b.start) || (a.placementId < b.placementId ? -1 : 1));
    let previous: Placement | null = null;
    let previousEnd = -Infinity;
    for (const p of placements) {
      const start = epochDay(p.start);
      const end = p.end === null ? asAtDay : Math.min(epochDay(p.end), asAtDay);
      if (previous !== null && start <= previousEnd + 1 && !sameSetting(previous, p)) {
        const i = index.get(monthKey(p.start));
        if (i !== undefined) moves[i] = (moves[i] as number) + 1;
      }
      // Days looked after: each day once, however placements overlap.
      const from = Math.max(start, previousEnd + 1, firstDay);
      const to = Math.min(end, lastDay);
      for (let day = from; day <= to; ) {
        const month = monthOfDay(day);
        const i = index.get(monthKey(month)) as number;
        const monthEnd = Math.min(to, epochDay(lastDayOf(month)));
        days[i] = (days[i] as number) + monthEnd - day + 1;
        day = monthEnd + 1;
      }
      previous = p;
      previousEnd = Math.max(previousEnd, end);
    }
  }
  return {
    id: 'placement-moves',
    name: 'Placement moves per child per year looked after',
    unit: 'Moves per child-year',
    numeratorLabel: 'moves',
    denominatorLabel: 'child-years looked after',
    definition:
      'Placement moves that started in the month, divided by the years children spent looked after in the month (days looked after ÷ 365.25). A move is a new placement that follows on from the previous one, unless it has the same type and the same recorded carer; a child’s first placement is not a move.',
    points: months.map((month, i) => {
      const years = (days[i] as number) / 365.25;
      return { month, numerator: moves[i] as number, denominator: years, value: years === 0 ? null : (moves[i] as number) / years };
    }),
  };
}

/** Returns home, by the month of the return, and the percentage accommodated again within 12 months. */
export function reaccommodated(records: readonly ChildRecord[], asAt: PlainDate, count: number): BalancingMeasure {
  // A return on the last day of a month is followed for 12 months by the same day a year on.
  const months = monthsEndingBy(addMonths(asAt, -12), count);
  const index = new Map(months.map((m, i) => [monthKey(m), i]));
  const returns = months.map(() => 0);
  const again = months.map(() => 0);
  for (const record of records) {
    const runs = journeysOfKind(record, 'accommodation', asAt) as readonly AccommodationJourney[];
    runs.forEach((run, i) => {
      if (run.runEnd === null) return;
      const returned = addDays(run.runEnd, 1);
      const m = index.get(monthKey(returned));
      if (m === undefined || !isReturnHome(record, run.runEnd)) return;
      returns[m] = (returns[m] as number) + 1;
      const next = runs[i + 1];
      if (next && epochDay(next.start) <= epochDay(addMonths(returned, 12))) again[m] = (again[m] as number) + 1;
    });
  }
  return {
    id: 'reaccommodated',
    name: 'Returned home and accommodated again within 12 months',
    unit: '% accommodated again',
    numeratorLabel: 'accommodated again within 12 months',
    denominatorLabel: 'returns home',
    definition:
      'Of the returns home in the month (a time away from home that ends with a placement at home, or ends being looked after while the plan is a return home), the percentage followed by a new placement away from home within 12 months of the return. A month is shown once every return in it has had 12 months to follow.',
    points: months.map((month, i) => ({ month, numerator: again[i] as number, denominator: returns[i] as number, value: returns[i] === 0 ? null : ((again[i] as number) / (returns[i] as number)) * 100 })),
  };
}

/** Children at home on a CSO for more than `threshold` months, on the last day of each month. */
export function csoAtHome(records: readonly ChildRecord[], asAt: PlainDate, count: number, threshold: 18 | 24): BalancingMeasure {
  const months = monthsEndingBy(asAt, count);
  const over = months.map(() => 0);
  const all = months.map(() => 0);
  for (const record of records) {
    for (const run of journeysOfKind(record, 'at-home', asAt) as readonly AtHomeJourney[]) {
      const start = epochDay(run.start);
      // At home until the run ends or the child leaves care (or turns 18), whichever is first.
      const end = run.departure === null ? Infinity : epochDay(run.departure.date);
      const longAfter = epochDay(addMonths(run.start, threshold));
      months.forEach((month, i) => {
        const day = epochDay(lastDayOf(month));
        if (day < start || day > end) return;
        all[i] = (all[i] as number) + 1;
        if (day > longAfter) over[i] = (over[i] as number) + 1;
      });
    }
  }
  return {
    id: threshold === 18 ? 'cso-at-home-18' : 'cso-at-home-24',
    name: `Children at home on a CSO for more than ${threshold} months`,
    unit: 'Children',
    numeratorLabel: `at home on a CSO for more than ${threshold} months`,
    denominatorLabel: 'at home on a CSO',
    definition: `On the last day of the month, the children looked after at home whose time at home began on a Compulsory Supervision Order more than ${threshold} calendar months before.`,
    points: months.map((month, i) => ({ month, numerator: over[i] as number, denominator: all[i] as number, value: over[i] as number })),
  };
}

/** A measure's run chart: the months with a value, the baseline (as for an aim), both rule sets and their verdicts. */
export function balancingChart(measure: BalancingMeasure, programmeStart: PlainDate | null): BalancingChart {
  return { measure, ...monthlyRunChart(measure.points, programmeStart) };
}

function isReturnHome(record: ChildRecord, runEnd: PlainDate): boolean {
  const endDay = epochDay(runEnd);
  const next = record.placements.find((p) => {
    const start = epochDay(p.start);
    return start === endDay + 1 || (start <= endDay && (p.end === null || epochDay(p.end) > endDay));
  });
  if (next) return next.type === 'home';
  // The period looked after ended: a return home when the latest plan said so.
  let latest: { day: number; route: string } | null = null;
  for (const e of record.events) {
    if ((e.type !== 'permanence_recommendation' && e.type !== 'care_plan') || e.route === null) continue;
    const day = epochDay(e.date);
    if (day <= endDay && (latest === null || day >= latest.day)) latest = { day, route: e.route };
  }
  return latest?.route === 'home';
}

function sameSetting(a: Placement, b: Placement): boolean {
  return a.type === b.type && a.carerRef !== null && a.carerRef === b.carerRef;
}

function monthKey(date: PlainDate): number {
  return date.year * 12 + date.month - 1;
}

function monthOfDay(day: number): PlainDate {
  const date = dateOfEpochDay(day);
  return makeDate(date.year, date.month, 1);
}
