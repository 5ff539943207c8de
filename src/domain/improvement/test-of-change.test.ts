import { describe, expect, it } from 'vitest';
import { parseDateOrThrow as d } from '../date.js';
import { changeMarks } from './change-marks.js';
import { describeImprovementError } from './improvement-words.js';
import { previousMeeting, testsInWindow } from './meeting-window.js';
import { addCycle, allowedStatuses, changeTest, newTest, recordCyclePart, statusOfCycles, type PdsaPlan, type TestOfChange } from './test-of-change.js';

const today = d('2021-06-01');
const details = {
  title: 'Legal advice referral form',
  change: 'Send legal services a referral form with the documents they need',
  changeIdea: null,
  libraryIdea: null,
  agencies: ['legal', 'social-work'] as const,
  owner: 'Permanence team leader',
  aimIds: ['aim-2'],
  driverIds: [],
  start: d('2021-01-04'),
  scale: 'one-team' as const,
};
const plan = (when: string): PdsaPlan => ({ what: 'Use the form for two children', who: 'Two social workers', where: 'North team', when: d(when), prediction: 'Advice within four weeks', measures: 'Days from request to advice' });

function ok<T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return result.value;
}

/** A test with one cycle planned, done, studied and acted on (adapt) by 2021-03-01. */
function actedTest(): TestOfChange {
  let test = ok(addCycle(newTest(1, details), plan('2021-01-11'), today));
  test = ok(recordCyclePart(test, 1, { part: 'do', value: { date: d('2021-02-01'), whatHappened: 'Both referrals sent with the form', observations: 'Quicker' } }, today));
  test = ok(recordCyclePart(test, 1, { part: 'study', value: { date: d('2021-02-15'), result: 'Advice in 3 and 5 weeks against 4 predicted', numbers: '21 and 35 days', quotes: '"Everything we needed was there"' } }, today));
  return ok(recordCyclePart(test, 1, { part: 'act', value: { date: d('2021-03-01'), decision: 'adapt', nextStep: 'Add a checklist of documents' } }, today));
}

describe('the PDSA lifecycle', () => {
  it('makes a new test an idea, and planning its first cycle makes it testing', () => {
    const test = newTest(1, details);
    expect(test.status).toBe('idea');
    const planned = ok(addCycle(test, plan('2021-01-11'), today));
    expect([planned.status, planned.cycles.map((c) => c.number)]).toEqual(['testing', [1]]);
  });

  it('refuses to study a cycle before it is done, and to act on it before it is studied', () => {
    const test = ok(addCycle(newTest(1, details), plan('2021-01-11'), today));
    const study = recordCyclePart(test, 1, { part: 'study', value: { date: d('2021-02-15'), result: 'r', numbers: '', quotes: '' } }, today);
    expect(study).toEqual({ ok: false, error: { code: 'not-done', cycle: 1 } });
    const done = ok(recordCyclePart(test, 1, { part: 'do', value: { date: d('2021-02-01'), whatHappened: 'w', observations: '' } }, today));
    const act = recordCyclePart(done, 1, { part: 'act', value: { date: d('2021-03-01'), decision: 'adopt', nextStep: '' } }, today);
    expect(act).toEqual({ ok: false, error: { code: 'not-studied', cycle: 1 } });
    expect(describeImprovementError({ code: 'not-studied', cycle: 1 })).toBe('Cycle 1 cannot be acted on before it has been studied: record the Study first.');
  });

  it('keeps a cycle’s dates in order and none after today', () => {
    const test = ok(addCycle(newTest(1, details), plan('2021-01-11'), today));
    const early = recordCyclePart(test, 1, { part: 'do', value: { date: d('2021-01-10'), whatHappened: 'w', observations: '' } }, today);
    expect(early).toEqual({ ok: false, error: { code: 'dates-out-of-order', part: 'do', earlier: 'plan', date: d('2021-01-10'), earlierDate: d('2021-01-11') } });
    const future = recordCyclePart(test, 1, { part: 'do', value: { date: d('2021-06-02'), whatHappened: 'w', observations: '' } }, today);
    expect(future.ok ? null : future.error.code).toBe('date-in-future');
    expect(addCycle(newTest(1, details), plan('2021-01-03'), today)).toEqual({ ok: false, error: { code: 'before-test-start', start: d('2021-01-04') } });
  });

  it('follows the last Act: adapt makes the test adapting, and the next cycle makes it testing again', () => {
    const test = actedTest();
    expect(test.status).toBe('adapting');
    expect(addCycle(test, plan('2021-02-28'), today)).toEqual({ ok: false, error: { code: 'before-previous-act', cycle: 1, act: d('2021-03-01') } });
    const next = ok(addCycle(test, plan('2021-03-08'), today));
    expect([next.status, next.cycles.length]).toEqual(['testing', 2]);
  });

  it('takes no new cycle while the last is not acted on', () => {
    const test = ok(addCycle(newTest(1, details), plan('2021-01-11'), today));
    expect(addCycle(test, plan('2021-01-18'), today)).toEqual({ ok: false, error: { code: 'previous-cycle-open', cycle: 1 } });
  });

  it('gives an abandoned test no new cycles', () => {
    let test = actedTest();
    test = ok(recordCyclePart(test, 1, { part: 'act', value: { date: d('2021-03-01'), decision: 'abandon', nextStep: 'Stop' } }, today));
    expect(test.status).toBe('abandoned');
    expect(addCycle(test, plan('2021-03-08'), today)).toEqual({ ok: false, error: { code: 'test-closed', status: 'abandoned' } });
  });

  it('lets an adopted test become business as usual, but not an adapting one', () => {
    const adapting = actedTest();
    expect(allowedStatuses(adapting)).toEqual(['adapting', 'abandoned']);
    expect(changeTest(adapting, adapting, 'business-as-usual').ok).toBe(false);
    const adopted = ok(recordCyclePart(adapting, 1, { part: 'act', value: { date: d('2021-03-01'), decision: 'adopt', nextStep: 'Use everywhere' } }, today));
    expect(allowedStatuses(adopted)).toEqual(['adopted', 'abandoned', 'business-as-usual']);
    expect(ok(changeTest(adopted, adopted, 'business-as-usual')).status).toBe('business-as-usual');
    expect(statusOfCycles([])).toBe('idea');
  });

  it('does not let the start date move after the first cycle', () => {
    const test = actedTest();
    expect(changeTest(test, { ...test, start: d('2021-01-12') }, test.status)).toEqual({ ok: false, error: { code: 'start-after-first-cycle', start: d('2021-01-12'), firstPlan: d('2021-01-11') } });
  });

  it('corrects an earlier cycle without changing the status', () => {
    let test = ok(addCycle(actedTest(), plan('2021-03-08'), today));
    test = ok(recordCyclePart(test, 1, { part: 'act', value: { date: d('2021-03-01'), decision: 'adopt', nextStep: 'Changed words' } }, today));
    expect(test.status).toBe('testing');
    expect(recordCyclePart(test, 1, { part: 'act', value: { date: d('2021-03-09'), decision: 'adopt', nextStep: '' } }, today)).toEqual({ ok: false, error: { code: 'before-previous-act', cycle: 1, act: d('2021-03-09') } });
  });
});

describe('marks on the run charts', () => {
  it('marks the start and each Act on the charts of the aims the test serves, up to as-at', () => {
    const test = actedTest();
    expect(changeMarks([test], 'aim-2', today).map((m) => [m.date.toString(), m.kind, m.label])).toEqual([
      ['2021-01-04', 'start', 'T1'],
      ['2021-03-01', 'act', 'T1.1'],
    ]);
    expect(changeMarks([test], 'aim-3', today)).toEqual([]);
    expect(changeMarks([test], 'aim-2', d('2021-02-01')).map((m) => m.label)).toEqual(['T1']);
  });
});

describe('a meeting pack’s window', () => {
  it('holds the cycles with anything dated after the previous meeting up to this one', () => {
    const test = actedTest();
    expect(previousMeeting([d('2021-01-15'), d('2021-02-10'), d('2021-03-10')], d('2021-03-10'))?.toString()).toBe('2021-02-10');
    const found = testsInWindow([test], { after: d('2021-02-10'), to: d('2021-03-10') });
    expect(found.map((t) => [t.test.number, t.cycles.map((c) => [c.cycle.number, c.parts])])).toEqual([[1, [[1, ['study', 'act']]]]]);
    expect(testsInWindow([test], { after: d('2021-03-10'), to: d('2021-04-10') })).toEqual([]);
    expect(testsInWindow([test], { after: null, to: d('2021-01-31') })[0]?.cycles[0]?.parts).toEqual(['plan']);
  });
});
