/**
 * The dated marks a test of change puts on the run charts of the aims it serves: one at its start
 * date, and one at each cycle's Act, so that a team sees its changes against its data. Only what is
 * dated on or before the chart's as-at date is marked.
 */
import { compareDates, isAfter, type PlainDate } from '../date.js';
import { actDecisionLabels } from './codes.js';
import type { TestOfChange } from './test-of-change.js';

export interface ChangeMark {
  readonly date: PlainDate;
  readonly kind: 'start' | 'act';
  readonly testNumber: number;
  /** Short, for the chart: "T3" at the start, "T3.2" at cycle 2's Act. */
  readonly label: string;
  /** In full, for the chart's tooltip and the key beside it. */
  readonly description: string;
}

/** The marks of every test that serves `aimId`, in date order. */
export function changeMarks(tests: readonly TestOfChange[], aimId: string, asAt: PlainDate): ChangeMark[] {
  const marks: ChangeMark[] = [];
  for (const test of tests) {
    if (!test.aimIds.includes(aimId)) continue;
    if (!isAfter(test.start, asAt)) marks.push({ date: test.start, kind: 'start', testNumber: test.number, label: `T${test.number}`, description: `Test ${test.number}, ${test.title}: started ${test.start.toString()}` });
    for (const cycle of test.cycles) {
      if (!cycle.act || isAfter(cycle.act.date, asAt)) continue;
      marks.push({
        date: cycle.act.date,
        kind: 'act',
        testNumber: test.number,
        label: `T${test.number}.${cycle.number}`,
        description: `Test ${test.number}, ${test.title}: cycle ${cycle.number} acted on ${cycle.act.date.toString()} (${actDecisionLabels[cycle.act.decision].toLowerCase()})`,
      });
    }
  }
  return marks.sort((a, b) => compareDates(a.date, b.date) || a.testNumber - b.testNumber || (a.label < b.label ? -1 : 1));
}
