import { describe, expect, it } from 'vitest';
import { d } from '../../../test/builders.js';
import type { IdentifyingValues } from './identifying-text.js';
import { childIdentifiersIn, childIdentifiersInContact, describeChildIdentifiers, outcomeRank, posterPoints, posterTextIdentifiers, testOutcome } from './poster.js';
import { addCycle, newTest, recordCyclePart, type TestOfChange } from './test-of-change.js';

const values: IdentifyingValues = {
  children: [
    { childId: 'N-2207', firstName: 'Skye', lastName: 'Campbell', dateOfBirth: d('2014-03-07'), worker: 'Morag Fraser', team: 'Leith Family Support' },
    { childId: 'C3', firstName: 'Sarah', lastName: 'Reid', dateOfBirth: d('2010-11-30'), worker: null, team: null },
  ],
};

describe("the team's words on a poster", () => {
  it('makes one point a line, dropping blank lines and the bullets, dashes and numbers a line starts with', () => {
    expect(posterPoints('• Process mapped\n\n- Set two aims\r\n  2. Ran 11 tests of change  \n* 72-hour agenda\n72-hour meetings')).toEqual(['Process mapped', 'Set two aims', 'Ran 11 tests of change', '72-hour agenda', '72-hour meetings']);
    expect(posterPoints('  \n ')).toEqual([]);
  });

  it("finds a child's reference, first or last name and date of birth, but not a worker's or a team's name", () => {
    expect(describeChildIdentifiers(childIdentifiersIn('Skye and n2207 (born 7 March 2014) with Morag Fraser of Leith Family Support', values))).toBe(
      '“Skye” (a child’s first name), “n2207” (a child’s reference), “7 March 2014” (a child’s date of birth)',
    );
  });

  it("finds in the contact only a child's whole name, reference or date of birth: staff may share a child's first or last name", () => {
    expect(childIdentifiersInContact('Sarah Campbell, PACE lead, sarah.campbell@council.gov.uk', values)).toEqual([]);
    expect(describeChildIdentifiers(childIdentifiersInContact('Ask Sarah Reid about C3', values))).toBe('“Sarah Reid” (a child’s name), “C3” (a child’s reference)');
  });

  it('says which parts of the words could identify a child', () => {
    const text = { done: 'Worked with Skye', learning: 'Nothing to name', nextSteps: '', contact: 'Sarah Campbell' };
    expect(posterTextIdentifiers(text, values)).toEqual([{ part: 'done', found: [{ text: 'Skye', kinds: ['first-name'] }] }]);
  });
});

function ok(result: { ok: true; value: TestOfChange } | { ok: false; error: unknown }): TestOfChange {
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

describe("a test of change's outcome on a poster, as at a date", () => {
  const details = { title: 'Legal advice referral form', change: 'A form', changeIdea: null, libraryIdea: null, agencies: ['legal' as const], owner: 'Team leader', aimIds: ['aim-2'], driverIds: [], start: d('2023-01-09'), scale: 'one-team' as const };
  const today = d('2023-12-01');
  const plan = (when: string) => ({ what: 'Try it', who: 'Two workers', where: 'One team', when: d(when), prediction: 'Quicker advice', measures: 'Days' });
  let test = ok(addCycle(newTest(1, details), plan('2023-01-16'), today));
  test = ok(recordCyclePart(test, 1, { part: 'do', value: { date: d('2023-02-06'), whatHappened: 'Done', observations: '' } }, today));
  test = ok(recordCyclePart(test, 1, { part: 'study', value: { date: d('2023-02-20'), result: 'Two of three', numbers: '', quotes: '' } }, today));
  test = ok(recordCyclePart(test, 1, { part: 'act', value: { date: d('2023-02-27'), decision: 'adapt', nextStep: 'Add a checklist' } }, today));
  test = ok(addCycle(test, plan('2023-03-06'), today));
  test = ok(recordCyclePart(test, 2, { part: 'do', value: { date: d('2023-05-01'), whatHappened: 'Done', observations: '' } }, today));
  test = ok(recordCyclePart(test, 2, { part: 'study', value: { date: d('2023-05-15'), result: 'Six of seven', numbers: '', quotes: '' } }, today));
  test = ok(recordCyclePart(test, 2, { part: 'act', value: { date: d('2023-05-22'), decision: 'adopt', nextStep: 'Offer it to the other teams' } }, today));

  it('is nothing before the test started, an idea before its first cycle is planned for, and being tested until an Act', () => {
    expect(testOutcome(test, d('2023-01-08'), today)).toBeNull();
    expect(testOutcome(test, d('2023-01-10'), today)).toEqual({ kind: 'idea' });
    expect(testOutcome(test, d('2023-02-01'), today)).toEqual({ kind: 'testing', cycles: 1 });
  });

  it('is the latest decision dated by then, with every decision before it', () => {
    expect(testOutcome(test, d('2023-03-01'), today)).toEqual({ kind: 'decided', decision: 'adapt', decisions: ['adapt'], cycles: 1, date: d('2023-02-27') });
    expect(testOutcome(test, d('2023-04-01'), today)).toEqual({ kind: 'decided', decision: 'adapt', decisions: ['adapt'], cycles: 2, date: d('2023-02-27') });
    expect(testOutcome(test, today, today)).toEqual({ kind: 'decided', decision: 'adopt', decisions: ['adapt', 'adopt'], cycles: 2, date: d('2023-05-22') });
  });

  it('knows a status set without an Act (business as usual, abandoned) only as at today', () => {
    const usual = { ...test, status: 'business-as-usual' as const };
    expect(testOutcome(usual, today, today)).toEqual({ kind: 'business-as-usual', decisions: ['adapt', 'adopt'], cycles: 2 });
    expect(testOutcome(usual, d('2023-06-01'), today)?.kind).toBe('decided');
    const dropped = { ...newTest(2, details), status: 'abandoned' as const };
    expect(testOutcome(dropped, today, today)).toEqual({ kind: 'abandoned', decisions: [], cycles: 0 });
    expect(testOutcome(dropped, d('2023-06-01'), today)).toEqual({ kind: 'idea' });
  });

  it('lists what was adopted first, then adapted, being tested, abandoned and not yet tested', () => {
    const ranks = [{ kind: 'idea' as const }, { kind: 'testing' as const, cycles: 1 }, { kind: 'decided' as const, decision: 'abandon' as const, decisions: [], cycles: 1, date: today }, { kind: 'decided' as const, decision: 'adopt' as const, decisions: [], cycles: 1, date: today }].map(outcomeRank);
    expect(ranks).toEqual([5, 3, 4, 1]);
  });
});
