/**
 * An aim's figures by group (docs/decisions/0026-breakdowns.md): the same measured journeys as the
 * aim's headline, split by the child's age band at the journey's start, sex, placement type at the
 * start, the journey's route, or the child's team or locality on the as-at date, so that a team can
 * see whether any group waits longer. Each group has the aim's own figures (docs/measurement.md,
 * "Status and figures"): the count of each status, n, the percentage in time with its 95% Wilson
 * interval (the national view's method, national/wilson.ts), and the median weeks of the journeys
 * that reached the milestone. Every journey is in exactly one group; a group with no journey is
 * left out, and a value not recorded is a group of its own.
 */
import type { AimFigures, CohortJourney, StatusCounts } from './aim-figures.js';
import { journeyRoutes, placementTypes, sexes } from './codes.js';
import { wilsonInterval } from './national/wilson.js';
import type { Child } from './records.js';
import { compareNames, normaliseName } from './reminders/due-list.js';
import { median } from './spc/median.js';

export const breakdownDimensions = ['age', 'sex', 'placement', 'route', 'team', 'locality'] as const;
export type BreakdownDimension = (typeof breakdownDimensions)[number];

export function isBreakdownDimension(value: string): value is BreakdownDimension {
  return (breakdownDimensions as readonly string[]).includes(value);
}

/**
 * Age bands in whole years at the journey's start: the bands of the Scottish Government's
 * Children Looked After Statistics, so a reader can set one beside the other. A journey can start
 * after an 18th birthday only in a record that is wrong; it is kept, in a band of its own.
 */
export const ageBands = [
  { key: 'under-1', label: 'Under 1', from: 0, to: 0 },
  { key: '1-4', label: '1–4', from: 1, to: 4 },
  { key: '5-11', label: '5–11', from: 5, to: 11 },
  { key: '12-15', label: '12–15', from: 12, to: 15 },
  { key: '16-17', label: '16–17', from: 16, to: 17 },
  { key: '18-plus', label: '18 or over', from: 18, to: Infinity },
] as const;
export type AgeBandKey = (typeof ageBands)[number]['key'];

/** The key of the group of journeys whose value is not recorded (no sex, placement, team or locality). */
export const notRecorded = 'not-recorded';

/**
 * Which group of a dimension a journey is in: the age band's key, the sex or placement code, the
 * route, or for a team or locality `named:` and its name without regard to case or spacing (as the
 * filters match names); `not-recorded` when there is no value.
 */
export type GroupKey = string;

/** The figures of one group, or of the whole cohort. */
export interface BreakdownGroup {
  readonly key: GroupKey;
  /** For a team or locality, the name as most of its journeys' children have it written (the first so written, on a tie); otherwise null (the words name the code). */
  readonly name: string | null;
  /** The group's journeys, in the order of the aim's figures. */
  readonly journeys: readonly CohortJourney[];
  readonly counts: StatusCounts;
  /** in time + late + overdue + left late. */
  readonly n: number;
  /** in time ÷ n × 100, unrounded; null when n is 0. */
  readonly percentage: number | null;
  /** Its 95% Wilson score interval, in percent; null when n is 0. */
  readonly interval: { readonly lower: number; readonly upper: number } | null;
  /** Journeys that reached the milestone (in time or late): the median's count. */
  readonly completed: number;
  /** Median weeks of those journeys, unrounded; null when none did. */
  readonly medianWeeks: number | null;
}

export interface Breakdown {
  readonly dimension: BreakdownDimension;
  /** The groups with a journey, in the order of the dimension's codes (teams and localities by name), not recorded last. */
  readonly groups: readonly BreakdownGroup[];
  /** Every journey of the aim's cohort together: the aim's own figures. */
  readonly all: BreakdownGroup;
}

/**
 * Splits the aim's cohort (its journeys after the from-date and filters) by `dimension`. `childOf`
 * gives each child as on the as-at date, with the team allocated then (reminders/allocation.ts), as
 * the filters by team and locality read it.
 */
export function breakdown(figures: AimFigures, dimension: BreakdownDimension, childOf: (childId: string) => Child | undefined): Breakdown {
  const byKey = new Map<GroupKey, { names: Map<string, number>; journeys: CohortJourney[] }>();
  for (const j of figures.journeys) {
    const { key, name } = groupOf(j, dimension, childOf);
    let group = byKey.get(key);
    if (!group) byKey.set(key, (group = { names: new Map(), journeys: [] }));
    group.journeys.push(j);
    if (name !== null) group.names.set(name, (group.names.get(name) ?? 0) + 1);
  }
  const named = [...byKey.entries()].map(([key, g]) => ({ key, name: commonest(g.names), journeys: g.journeys }));
  const order = keyOrder(dimension);
  const groups = named.sort((a, b) => order(a.key) - order(b.key) || compareNames(a.name ?? '', b.name ?? '')).map((g) => groupFigures(g.key, g.name, g.journeys));
  return { dimension, groups, all: groupFigures('all', null, figures.journeys) };
}

/** The age band of an age in whole years. */
export function ageBandOf(age: number): AgeBandKey {
  const band = ageBands.find((b) => age >= b.from && age <= b.to);
  return band?.key ?? 'under-1';
}

/** The keys a dimension's groups can have, apart from teams' and localities' names: for checking a key read from an address. */
export function isGroupKey(dimension: BreakdownDimension, key: string): boolean {
  switch (dimension) {
    case 'age':
      return ageBands.some((b) => b.key === key);
    case 'sex':
      return key === notRecorded || (sexes as readonly string[]).includes(key);
    case 'placement':
      return key === notRecorded || (placementTypes as readonly string[]).includes(key);
    case 'route':
      return (journeyRoutes as readonly string[]).includes(key);
    case 'team':
    case 'locality':
      return key === notRecorded || (key.startsWith('named:') && key.length > 'named:'.length);
    default:
      return assertNever(dimension);
  }
}

/** The key of the group a team or locality named `name` is in. */
export function namedKey(name: string): GroupKey {
  return `named:${normaliseName(name)}`;
}

function groupOf(j: CohortJourney, dimension: BreakdownDimension, childOf: (childId: string) => Child | undefined): { key: GroupKey; name: string | null } {
  const { journey } = j;
  switch (dimension) {
    case 'age':
      return { key: ageBandOf(journey.ageAtStart), name: null };
    case 'sex':
      return { key: childOf(journey.childId)?.sex ?? notRecorded, name: null };
    case 'placement':
      return { key: journey.placementTypeAtStart ?? notRecorded, name: null };
    case 'route':
      return { key: journey.route, name: null };
    case 'team':
    case 'locality': {
      const value = childOf(journey.childId)?.[dimension] ?? null;
      return value === null || value.trim() === '' ? { key: notRecorded, name: null } : { key: namedKey(value), name: value.trim().replace(/\s+/g, ' ') };
    }
    default:
      return assertNever(dimension);
  }
}

/** Where each key goes: the codes in their lists' order; names after them (sorted by name); not recorded last. */
function keyOrder(dimension: BreakdownDimension): (key: GroupKey) => number {
  const codes: readonly string[] = dimension === 'age' ? ageBands.map((b) => b.key) : dimension === 'sex' ? sexes : dimension === 'placement' ? placementTypes : dimension === 'route' ? journeyRoutes : [];
  return (key) => (key === notRecorded ? codes.length + 1 : codes.includes(key) ? codes.indexOf(key) : codes.length);
}

/** The name written most often (the first met, on a tie); null when there is none. */
function commonest(names: ReadonlyMap<string, number>): string | null {
  let best: string | null = null;
  for (const [name, count] of names) if (best === null || count > (names.get(best) as number)) best = name;
  return best;
}

function groupFigures(key: GroupKey, name: string | null, journeys: readonly CohortJourney[]): BreakdownGroup {
  const counts = { in_time: 0, late: 0, overdue: 0, waiting: 0, left_late: 0, left_early: 0 };
  for (const j of journeys) counts[j.status] += 1;
  const n = counts.in_time + counts.late + counts.overdue + counts.left_late;
  const interval = wilsonInterval(counts.in_time, n);
  const completed = journeys.filter((j) => j.endDay !== null);
  return {
    key,
    name,
    journeys,
    counts,
    n,
    percentage: n === 0 ? null : (counts.in_time / n) * 100,
    interval: interval && { lower: interval.lower * 100, upper: interval.upper * 100 },
    completed: completed.length,
    medianWeeks: median(completed.map((j) => j.weeks)),
  };
}

function assertNever(value: never): never {
  throw new Error(`unhandled breakdown dimension: ${String(value)}`);
}
