/**
 * What a meeting pack reports of the improvement work: the PDSA cycles with anything dated after
 * the previous meeting and up to this one (docs/decisions/0011-improvement.md). A cycle's dates
 * are the days things happened (planned for, done, studied, acted), not the days they were typed.
 */
import { epochDay, type PlainDate } from '../date.js';
import { cycleDates, type CyclePart, type PdsaCycle, type TestOfChange } from './test-of-change.js';

export interface MeetingWindow {
  /** The previous meeting's date; null when this is the first, and then everything up to `to` counts. */
  readonly after: PlainDate | null;
  readonly to: PlainDate;
}

/** The meeting before `date` among an authority's meeting dates, or null. */
export function previousMeeting(meetings: readonly PlainDate[], date: PlainDate): PlainDate | null {
  let previous: PlainDate | null = null;
  for (const m of meetings) if (epochDay(m) < epochDay(date) && (previous === null || epochDay(m) > epochDay(previous))) previous = m;
  return previous;
}

export interface CycleInWindow {
  readonly cycle: PdsaCycle;
  /** The parts of the cycle dated within the window. */
  readonly parts: readonly CyclePart[];
}

export interface TestInWindow {
  readonly test: TestOfChange;
  readonly cycles: readonly CycleInWindow[];
}

function inWindow(date: PlainDate, window: MeetingWindow): boolean {
  const day = epochDay(date);
  return day <= epochDay(window.to) && (window.after === null || day > epochDay(window.after));
}

/** Each test with a cycle dated in the window, with those cycles, in test order. */
export function testsInWindow(tests: readonly TestOfChange[], window: MeetingWindow): TestInWindow[] {
  const found: TestInWindow[] = [];
  for (const test of tests) {
    const cycles = test.cycles
      .map((cycle) => ({ cycle, parts: cycleDates(cycle).filter((d) => inWindow(d.date, window)).map((d) => d.part) }))
      .filter((c) => c.parts.length > 0);
    if (cycles.length > 0) found.push({ test, cycles });
  }
  return found.sort((a, b) => a.test.number - b.test.number);
}
