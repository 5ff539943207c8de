import { describe, expect, it } from 'vitest';
import { d, event, placement, record } from '../../../test/builders.js';
import { nationalAims, type Aim } from '../aim.js';
import { aimFigures } from '../aim-figures.js';
import { aimMonths } from '../aim-months.js';
import { addDays } from '../date.js';
import { describeImprovementError } from './improvement-words.js';
import { groupFigures, groupWords, measurementPercent, measurementWords, studyNumberLines, studySeries } from './test-data.js';
import { addCycle, newTest, recordCyclePart, type PdsaStudy, type StudyMeasurement, type TestOfChange } from './test-of-change.js';

const aim2 = nationalAims()[1] as Aim;
const asAt = d('2021-06-01');
// Aim 2: a recommendation within 26 weeks of becoming accommodated. A, C and E are North's; B and D East's.
const children = [
  // In time: settled 10 March 2021.
  record([placement('2021-01-04', null, 'foster', { childId: 'A' })], [event('permanence_recommendation', '2021-03-10', 'adoption', { childId: 'A' })], { childId: 'A', team: 'North' }),
  // Late: settled 31 January 2021.
  record([placement('2020-08-01', null, 'foster', { childId: 'B' })], [event('permanence_recommendation', '2021-03-20', 'adoption', { childId: 'B' })], { childId: 'B', team: 'East' }),
  // Overdue: settled 3 March 2021.
  record([placement('2020-09-01', null, 'residential', { childId: 'C' })], [], { childId: 'C', team: 'north ' }),
  // Waiting within the timescale.
  record([placement('2021-04-01', null, 'foster', { childId: 'D' })], [], { childId: 'D', team: 'East' }),
  // In time: settled 31 March 2021.
  record([placement('2021-02-01', null, 'kinship', { childId: 'E' })], [event('permanence_recommendation', '2021-03-31', 'kinship_order', { childId: 'E' })], { childId: 'E', team: null }),
];
const figures = aimFigures(aim2, children, asAt);
const settledMonths = (f: typeof figures) => aimMonths(f).filter((m) => m.n > 0).map((m) => [m.month.toString(), m.inTime, m.n]);

describe('the measure for the few a test runs with', () => {
  it('keeps every journey for everyone', () => {
    expect(groupFigures(figures, { kind: 'everyone' })).toBe(figures);
    expect(settledMonths(figures)).toEqual([
      ['2021-01-01', 0, 1],
      ['2021-03-01', 2, 3],
    ]);
  });

  it('keeps a team’s journeys, its name matched without regard to case or spacing, and tallies the months and counts again', () => {
    const north = groupFigures(figures, { kind: 'team', team: 'NORTH' });
    expect(north.journeys.map((j) => j.journey.childId)).toEqual(['A', 'C']);
    expect(settledMonths(north)).toEqual([['2021-03-01', 1, 2]]);
    expect([north.counts.in_time, north.counts.overdue, north.n, north.percentage, north.stillWaiting, north.backlog]).toEqual([1, 1, 2, 50, 1, null]);
    const east = groupFigures(figures, { kind: 'team', team: 'East' });
    expect([east.n, east.counts.late, east.counts.waiting, east.stillWaiting]).toEqual([1, 1, 1, 1]);
    expect(settledMonths(east)).toEqual([['2021-01-01', 0, 1]]);
  });

  it('keeps the named children’s journeys, and none for a team nobody is in', () => {
    const named = groupFigures(figures, { kind: 'children', childIds: ['E', 'B'] });
    expect(named.journeys.map((j) => j.journey.childId)).toEqual(['B', 'E']);
    expect(settledMonths(named)).toEqual([
      ['2021-01-01', 0, 1],
      ['2021-03-01', 1, 1],
    ]);
    const nobody = groupFigures(figures, { kind: 'team', team: 'West' });
    expect([nobody.journeys.length, nobody.n, nobody.percentage, nobody.medianWeeks, nobody.longestWaitWeeks]).toEqual([0, 0, null, null, null]);
  });

  it('names the group in words', () => {
    expect([groupWords({ kind: 'everyone' }), groupWords({ kind: 'team', team: 'North' }), groupWords({ kind: 'team', team: 'Permanence Team' }), groupWords({ kind: 'children', childIds: ['A'] }), groupWords({ kind: 'children', childIds: ['A', 'B', 'C'] })]).toEqual([
      'everyone',
      'the North team',
      'Permanence Team',
      '1 named child',
      '3 named children',
    ]);
  });
});

const today = d('2021-06-01');
const details = { title: '72-hour meeting agenda', change: 'A set agenda', changeIdea: null, libraryIdea: null, agencies: ['health' as const], owner: 'Lead', aimIds: ['aim-2'], driverIds: [], start: d('2021-01-04'), scale: 'one-team' as const };
const measured = (date: string, count: number, outOf: number | null, label: string): StudyMeasurement => ({ date: d(date), count, outOf, label });

function ok<T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return result.value;
}

/** A test with a cycle planned on `plans[i]`, done and studied a week later with `studies[i]`, acted on (adapt) the day after. */
function testWith(studies: readonly (readonly StudyMeasurement[])[]): TestOfChange {
  let test = newTest(1, details);
  studies.forEach((measurements, i) => {
    const start = addDays(d('2021-01-11'), i * 28);
    test = ok(addCycle(test, { what: 'w', who: 'w', where: 'w', when: start, prediction: 'p', measures: 'm' }, today));
    test = ok(recordCyclePart(test, i + 1, { part: 'do', value: { date: addDays(start, 7), whatHappened: 'h', observations: '' } }, today));
    test = ok(recordCyclePart(test, i + 1, { part: 'study', value: { date: addDays(start, 14), result: 'r', numbers: '', quotes: '', measurements } }, today));
    test = ok(recordCyclePart(test, i + 1, { part: 'act', value: { date: addDays(start, 15), decision: 'adapt', nextStep: 'n' } }, today));
  });
  return test;
}

describe('the Study numbers of a test', () => {
  it('says a count out of a denominator with its percentage, and a count alone as it is', () => {
    expect(measurementWords(measured('2021-01-20', 7, 9, 'meetings held within 72 hours'))).toBe('7 of 9 meetings held within 72 hours (78%)');
    expect(measurementWords(measured('2021-01-20', 12, null, 'referrals sent'))).toBe('12 referrals sent');
    expect(measurementWords(measured('2021-01-20', 0, 0, 'meetings'))).toBe('0 of 0 meetings');
    expect(measurementPercent(measured('2021-01-20', 2, 3, 'x'))).toBeCloseTo(66.667, 3);
    expect(measurementPercent(measured('2021-01-20', 2, null, 'x'))).toBeNull();
  });

  it('draws each thing counted as one series across the cycles, in date order, percentages when every one has a denominator', () => {
    const test = testWith([
      [measured('2021-01-24', 4, 8, 'Meetings held within 72 hours'), measured('2021-01-19', 3, 6, 'meetings held within 72 hours'), measured('2021-01-24', 5, null, 'agencies at the meeting')],
      [measured('2021-02-20', 7, 9, 'meetings  held within 72 hours'), measured('2021-02-20', 6, 10, 'agencies at the meeting')],
    ]);
    const series = studySeries(test);
    expect(series.map((s) => [s.label, s.kind, s.median, s.points.map((p) => [p.cycle, p.date.toString(), Number(p.value.toFixed(1))])])).toEqual([
      [
        'Meetings held within 72 hours',
        'percent',
        50,
        [
          [1, '2021-01-19', 50],
          [1, '2021-01-24', 50],
          [2, '2021-02-20', 77.8],
        ],
      ],
      [
        'agencies at the meeting',
        'count',
        5.5,
        [
          [1, '2021-01-24', 5],
          [2, '2021-02-20', 6],
        ],
      ],
    ]);
    expect(studyNumberLines(test)).toEqual([
      'Cycle 1 study: 4 of 8 Meetings held within 72 hours (50%)',
      'Cycle 1 study: 3 of 6 meetings held within 72 hours (50%)',
      'Cycle 1 study: 5 agencies at the meeting',
      'Cycle 2 study: 7 of 9 meetings  held within 72 hours (78%)',
      'Cycle 2 study: 6 of 10 agencies at the meeting (60%)',
    ]);
  });

  it('has no series for a test whose cycles recorded numbers only in words', () => {
    expect(studySeries(testWith([[]]))).toEqual([]);
    expect(studyNumberLines(testWith([[]]))).toEqual([]);
  });

  it('refuses a count above its denominator, a number dated after its Study, and more than twelve numbers', () => {
    const test = testWith([[]]);
    const study = (measurements: readonly StudyMeasurement[]): PdsaStudy => ({ date: d('2021-01-25'), result: 'r', numbers: '', quotes: '', measurements });
    const above = recordCyclePart(test, 1, { part: 'study', value: study([measured('2021-01-20', 3, 4, 'a'), measured('2021-01-20', 10, 9, 'meetings')]) }, today);
    expect(above.ok ? null : describeImprovementError(above.error)).toBe('Number 2: the count (10) cannot be more than what it is out of (9).');
    const late = recordCyclePart(test, 1, { part: 'study', value: study([measured('2021-01-26', 3, 4, 'a')]) }, today);
    expect(late.ok ? null : describeImprovementError(late.error)).toBe('Number 1: its date (26 January 2021) cannot be after the date it was studied (25 January 2021).');
    const many = recordCyclePart(test, 1, { part: 'study', value: study(Array.from({ length: 13 }, () => measured('2021-01-20', 1, 2, 'a'))) }, today);
    expect(many.ok ? null : describeImprovementError(many.error)).toBe('A Study can record at most 12 numbers (this one has 13).');
  });
});
