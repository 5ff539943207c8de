/**
 * Tests of change and their PDSA cycles (docs/domain.md, "Quality Improvement objects"), and the rules of
 * their lifecycle (docs/decisions/0011-improvement.md):
 * - a cycle is planned, then done, then studied, then acted on, in that order and never skipping;
 * - its dates are in order: when planned ≤ done ≤ studied ≤ acted; none of done, studied or acted
 *   is after today; the plan is not before the test's start date;
 * - a test takes a new cycle only when its last cycle has been acted on, dated on or after that Act;
 * - an abandoned test, and one that is business as usual, take no new cycles;
 * - the status follows the cycles: planning a cycle makes the test `testing`; an Act makes it
 *   `adopted`, `adapting` or `abandoned`. A person may move an adopted test to business as usual,
 *   abandon a test at any time, and leave a test with no cycles an idea.
 * Expected failures are values (docs/architecture.md, "How the code reads" 6).
 */
import { compareDates, isAfter, isBefore, type PlainDate } from '../date.js';
import type { ActDecision, Agency, TestScale, TestStatus } from './codes.js';

export interface PdsaPlan {
  readonly what: string;
  readonly who: string;
  readonly where: string;
  /** When the cycle is to be carried out. */
  readonly when: PlainDate;
  readonly prediction: string;
  readonly measures: string;
}

export interface PdsaDo {
  /** The day it was carried out (or finished). */
  readonly date: PlainDate;
  readonly whatHappened: string;
  readonly observations: string;
}

/**
 * One number a Study records (issue 15, point 4): a count on a day, perhaps "out of" a
 * denominator, with a short label saying what was counted ("7 of 9 meetings held within 72 hours").
 */
export interface StudyMeasurement {
  readonly date: PlainDate;
  readonly count: number;
  /** The denominator, when the count is "out of" something; never below the count. */
  readonly outOf: number | null;
  /** What was counted, short: "meetings held within 72 hours". */
  readonly label: string;
}

/** A Study may record at most this many numbers: a small series, not a data set. */
export const maxStudyMeasurements = 12;

export interface PdsaStudy {
  readonly date: PlainDate;
  /** The result against the prediction. */
  readonly result: string;
  /** Numbers in the team's own words: all that cycles studied before issue 15 point 4 have. */
  readonly numbers: string;
  readonly quotes: string;
  /** The dated numbers drawn as a series on the test's page; absent (or empty) when none was recorded. */
  readonly measurements?: readonly StudyMeasurement[];
}

export interface PdsaAct {
  readonly date: PlainDate;
  readonly decision: ActDecision;
  readonly nextStep: string;
}

export interface PdsaCycle {
  /** 1, 2, 3 … within the test. */
  readonly number: number;
  readonly plan: PdsaPlan;
  readonly do: PdsaDo | null;
  readonly study: PdsaStudy | null;
  readonly act: PdsaAct | null;
}

/**
 * Who a test runs with (issue 15, point 4): everyone (the whole authority, as every test did before),
 * one of the authority's teams, or a few named children (their references). A test that runs with a
 * few has the same monthly measure drawn for just them beside the authority's.
 */
export type TestGroup = { readonly kind: 'everyone' } | { readonly kind: 'team'; readonly team: string } | { readonly kind: 'children'; readonly childIds: readonly string[] };

export const everyone: TestGroup = { kind: 'everyone' };

/** A test runs with at most this many named children: more than that is a team or everyone. */
export const maxTestChildren = 30;

/** What a person says about a test; the status and the cycles are governed by the rules here. */
export interface TestDetails {
  readonly title: string;
  /** The change being tested, in the team's words. */
  readonly change: string;
  /** The change idea of a driver diagram it tries, if any. */
  readonly changeIdea: number | null;
  /** The library idea it was started from, if any. */
  readonly libraryIdea: number | null;
  readonly agencies: readonly Agency[];
  readonly owner: string;
  readonly aimIds: readonly string[];
  /** Primary or secondary drivers of the aims' diagrams. */
  readonly driverIds: readonly number[];
  readonly start: PlainDate;
  readonly scale: TestScale;
  /** Who it runs with; absent for everyone (tests started before it could be said). */
  readonly runsWith?: TestGroup;
}

export interface TestOfChange extends TestDetails {
  /** 1, 2, 3 … within the authority. */
  readonly number: number;
  readonly status: TestStatus;
  /** In cycle-number order. */
  readonly cycles: readonly PdsaCycle[];
}

export type CycleStage = 'planned' | 'done' | 'studied' | 'acted';
export type CyclePart = 'plan' | 'do' | 'study' | 'act';

export type ImprovementError =
  | { readonly code: 'test-closed'; readonly status: TestStatus }
  | { readonly code: 'previous-cycle-open'; readonly cycle: number }
  | { readonly code: 'before-previous-act'; readonly cycle: number; readonly act: PlainDate }
  | { readonly code: 'before-test-start'; readonly start: PlainDate }
  | { readonly code: 'not-done'; readonly cycle: number }
  | { readonly code: 'not-studied'; readonly cycle: number }
  | { readonly code: 'dates-out-of-order'; readonly part: CyclePart; readonly earlier: CyclePart; readonly date: PlainDate; readonly earlierDate: PlainDate }
  | { readonly code: 'date-in-future'; readonly part: CyclePart; readonly date: PlainDate; readonly today: PlainDate }
  | { readonly code: 'no-such-cycle'; readonly cycle: number }
  | { readonly code: 'status-not-allowed'; readonly status: TestStatus; readonly allowed: readonly TestStatus[] }
  | { readonly code: 'start-after-first-cycle'; readonly start: PlainDate; readonly firstPlan: PlainDate }
  | { readonly code: 'count-above-denominator'; readonly cycle: number; readonly measurement: number; readonly count: number; readonly outOf: number }
  | { readonly code: 'measurement-after-study'; readonly cycle: number; readonly measurement: number; readonly date: PlainDate; readonly study: PlainDate }
  | { readonly code: 'too-many-measurements'; readonly cycle: number; readonly count: number };

export type ImprovementResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ImprovementError };

const fail = <T>(error: ImprovementError): ImprovementResult<T> => ({ ok: false, error });

/** How far a cycle has got. */
export function cycleStage(cycle: PdsaCycle): CycleStage {
  if (cycle.act) return 'acted';
  if (cycle.study) return 'studied';
  if (cycle.do) return 'done';
  return 'planned';
}

/** Tests that take no new cycles: stopped, or no longer being tested. */
export function isClosed(status: TestStatus): boolean {
  return status === 'abandoned' || status === 'business-as-usual';
}

/** The status the cycles give a test: none → idea; the last not yet acted on → testing; else its Act. */
export function statusOfCycles(cycles: readonly PdsaCycle[]): TestStatus {
  const last = cycles[cycles.length - 1];
  if (!last) return 'idea';
  if (!last.act) return 'testing';
  return statusAfterAct(last.act.decision);
}

export function statusAfterAct(decision: ActDecision): TestStatus {
  switch (decision) {
    case 'adopt':
      return 'adopted';
    case 'adapt':
      return 'adapting';
    case 'abandon':
      return 'abandoned';
    default:
      return unreachable(decision);
  }
}

/** The statuses a person may give a test now. */
export function allowedStatuses(test: Pick<TestOfChange, 'cycles' | 'status'>): TestStatus[] {
  const derived = statusOfCycles(test.cycles);
  const allowed = new Set<TestStatus>([derived, 'abandoned']);
  if (derived === 'adopted') allowed.add('business-as-usual');
  // A test abandoned by hand may be taken up again: it returns to what its cycles say.
  return [...allowed];
}

/** Checks one cycle's parts and dates (the parts present, in order, dated in order, none in the future). */
export function checkCycle(cycle: PdsaCycle, testStart: PlainDate, today: PlainDate): ImprovementError | null {
  if (isBefore(cycle.plan.when, testStart)) return { code: 'before-test-start', start: testStart };
  if (cycle.study && !cycle.do) return { code: 'not-done', cycle: cycle.number };
  if (cycle.act && !cycle.study) return { code: 'not-studied', cycle: cycle.number };
  const dated: [CyclePart, PlainDate][] = [['plan', cycle.plan.when]];
  if (cycle.do) dated.push(['do', cycle.do.date]);
  if (cycle.study) dated.push(['study', cycle.study.date]);
  if (cycle.act) dated.push(['act', cycle.act.date]);
  for (let i = 1; i < dated.length; i++) {
    const [part, date] = dated[i] as [CyclePart, PlainDate];
    const [earlier, earlierDate] = dated[i - 1] as [CyclePart, PlainDate];
    if (isAfter(date, today)) return { code: 'date-in-future', part, date, today };
    if (isBefore(date, earlierDate)) return { code: 'dates-out-of-order', part, earlier, date, earlierDate };
  }
  return cycle.study ? checkMeasurements(cycle.number, cycle.study) : null;
}

/**
 * A Study's numbers: at most `maxStudyMeasurements`, none counted more than it was out of, and
 * none dated after the Study that records them (which is itself not after today).
 */
export function checkMeasurements(cycleNumber: number, study: PdsaStudy): ImprovementError | null {
  const measurements = study.measurements ?? [];
  if (measurements.length > maxStudyMeasurements) return { code: 'too-many-measurements', cycle: cycleNumber, count: measurements.length };
  for (const [i, m] of measurements.entries()) {
    if (m.outOf !== null && m.count > m.outOf) return { code: 'count-above-denominator', cycle: cycleNumber, measurement: i + 1, count: m.count, outOf: m.outOf };
    if (isAfter(m.date, study.date)) return { code: 'measurement-after-study', cycle: cycleNumber, measurement: i + 1, date: m.date, study: study.date };
  }
  return null;
}

/** Plans the next cycle of a test. */
export function addCycle(test: TestOfChange, plan: PdsaPlan, today: PlainDate): ImprovementResult<TestOfChange> {
  if (isClosed(test.status)) return fail({ code: 'test-closed', status: test.status });
  const previous = test.cycles[test.cycles.length - 1];
  if (previous && !previous.act) return fail({ code: 'previous-cycle-open', cycle: previous.number });
  if (previous?.act && isBefore(plan.when, previous.act.date)) return fail({ code: 'before-previous-act', cycle: previous.number, act: previous.act.date });
  const cycle: PdsaCycle = { number: (previous?.number ?? 0) + 1, plan, do: null, study: null, act: null };
  const problem = checkCycle(cycle, test.start, today);
  if (problem) return fail(problem);
  return { ok: true, value: { ...test, status: 'testing', cycles: [...test.cycles, cycle] } };
}

export type CycleRecord = { readonly part: 'plan'; readonly value: PdsaPlan } | { readonly part: 'do'; readonly value: PdsaDo } | { readonly part: 'study'; readonly value: PdsaStudy } | { readonly part: 'act'; readonly value: PdsaAct };

/**
 * Records (or corrects) one part of a cycle. Doing needs a plan, studying needs the doing, acting
 * needs the study. An Act on the last cycle sets the test's status; a correction of an earlier
 * cycle leaves it. An abandoned test's cycles may still be corrected.
 */
export function recordCyclePart(test: TestOfChange, cycleNumber: number, record: CycleRecord, today: PlainDate): ImprovementResult<TestOfChange> {
  const index = test.cycles.findIndex((c) => c.number === cycleNumber);
  const cycle = test.cycles[index];
  if (!cycle) return fail({ code: 'no-such-cycle', cycle: cycleNumber });
  if (record.part === 'study' && !cycle.do) return fail({ code: 'not-done', cycle: cycleNumber });
  if (record.part === 'act' && !cycle.study) return fail({ code: 'not-studied', cycle: cycleNumber });
  const updated: PdsaCycle = { ...cycle, [record.part]: record.value };
  const problem = checkCycle(updated, test.start, today);
  if (problem) return fail(problem);
  // The next cycle was planned on or after this one's Act: a corrected Act may not pass it.
  const next = test.cycles[index + 1];
  if (next && updated.act && isBefore(next.plan.when, updated.act.date)) return fail({ code: 'before-previous-act', cycle: updated.number, act: updated.act.date });
  const cycles = test.cycles.map((c, i) => (i === index ? updated : c));
  const isLast = index === test.cycles.length - 1;
  const status = isLast && record.part === 'act' ? statusAfterAct(record.value.decision) : test.status;
  return { ok: true, value: { ...test, cycles, status } };
}

/** Changes what a person says about a test, and perhaps its status (one of `allowedStatuses`). */
export function changeTest(test: TestOfChange, details: TestDetails, status: TestStatus): ImprovementResult<TestOfChange> {
  const allowed = allowedStatuses(test);
  if (status !== test.status && !allowed.includes(status)) return fail({ code: 'status-not-allowed', status, allowed });
  const first = test.cycles[0];
  if (first && isAfter(details.start, first.plan.when)) return fail({ code: 'start-after-first-cycle', start: details.start, firstPlan: first.plan.when });
  return { ok: true, value: { ...test, ...details, status } };
}

/** A new test: an idea until its first cycle is planned. */
export function newTest(number: number, details: TestDetails): TestOfChange {
  return { ...details, number, status: 'idea', cycles: [] };
}

/** Every dated thing a cycle records, in order: what a meeting pack reports for a period. */
export function cycleDates(cycle: PdsaCycle): { readonly part: CyclePart; readonly date: PlainDate }[] {
  const dates: { part: CyclePart; date: PlainDate }[] = [{ part: 'plan', date: cycle.plan.when }];
  if (cycle.do) dates.push({ part: 'do', date: cycle.do.date });
  if (cycle.study) dates.push({ part: 'study', date: cycle.study.date });
  if (cycle.act) dates.push({ part: 'act', date: cycle.act.date });
  return dates.sort((a, b) => compareDates(a.date, b.date));
}

function unreachable(value: never): never {
  throw new Error(`unhandled value: ${JSON.stringify(value)}`);
}
