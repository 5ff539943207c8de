import { describe, expect, it } from 'vitest';
import { child, d, event, placement } from '../../../test/builders.js';
import { childRecordProblems, type ChildRecords } from './child-rules.js';
import { renderMessage } from './problem.js';
import { validateChildRecords } from './validate.js';

const records = (placements: ChildRecords['placements'], events: ChildRecords['events'] = []): ChildRecords => ({ childId: 'C1', child: child(), placements, events });
const found = (r: ChildRecords) => childRecordProblems(r).map((p) => `${p.code}: ${renderMessage(p)}`);

describe('rules across a child’s records', () => {
  it('find nothing wrong with a child moving from one carer to the next', () => {
    expect(found(records([placement('2020-01-10', '2020-03-31', 'foster', { id: 'P1', carerRef: 'F1' }), placement('2020-04-01', null, 'kinship', { id: 'P2', carerRef: 'K1' })]))).toEqual([]);
  });

  it('refuse placements that overlap', () => {
    expect(found(records([placement('2020-01-10', '2020-04-01', 'foster', { id: 'P1' }), placement('2020-04-01', null, 'kinship', { id: 'P2' })]))).toEqual([
      'placements-overlap: placement P2 (2020-04-01 to open) overlaps placement P1 (2020-01-10 to 2020-04-01)',
    ]);
  });

  it('refuse two open placements at once', () => {
    expect(found(records([placement('2020-01-10', null, 'foster', { id: 'P1' }), placement('2021-01-01', null, 'foster', { id: 'P2' })])).map((m) => m.split(':')[0])).toEqual(['placements-overlap']);
  });

  it('warn when a placement merely continues the last one with the same carer', () => {
    expect(found(records([placement('2020-01-10', '2020-03-31', 'foster', { id: 'P1', carerRef: 'F1' }), placement('2020-04-01', null, 'foster', { id: 'P2', carerRef: 'F1' })]))).toEqual([
      'placement-split: placement P2 continues placement P1 with the same carer and type',
    ]);
  });

  it('warn about decisions, applications, orders and advice out of order', () => {
    const placements = [placement('2019-01-01', null, 'foster')];
    expect(found(records(placements, [event('adm_decision', '2020-05-01', 'adoption'), event('permanence_recommendation', '2020-06-01', 'adoption')]))).toEqual([
      'adm-before-recommendation: agency decision maker decision on 2020-05-01 has no permanence recommendation on or before it',
    ]);
    expect(found(records(placements, [event('court_application_lodged', '2020-05-01', 'adoption')]))).toEqual([
      'application-before-adm: court application lodged on 2020-05-01 has no agency decision maker decision on or before it',
    ]);
    expect(found(records(placements, [event('order_granted', '2020-05-01', 'adoption')])).map((m) => m.split(':')[0])).toEqual(['order-before-application']);
    expect(found(records(placements, [event('legal_advice_received', '2020-05-01'), event('legal_advice_requested', '2020-05-02')])).map((m) => m.split(':')[0])).toEqual(['advice-received-before-requested']);
  });

  it('warn when the ADM decides a route other than the one recommended', () => {
    const events = [event('permanence_recommendation', '2020-01-01', 'adoption'), event('adm_decision', '2020-03-01', 'permanence_order')];
    expect(found(records([placement('2019-01-01', null, 'foster')], events))).toEqual(['adm-route-differs: the agency decision maker decided permanence_order but the latest recommendation before it was adoption']);
  });

  it('warn about ceasing to be looked after while a placement continues after that day', () => {
    expect(found(records([placement('2019-01-01', null, 'foster', { id: 'P9' })], [event('ceased_looked_after', '2020-01-01')]))).toEqual(['ceased-while-placed: ceased to be looked after on 2020-01-01 while placement P9 continues after that day']);
    // Ceasing on the last day in a placement, or the day after it, is consistent.
    expect(found(records([placement('2019-01-01', '2019-12-31', 'foster')], [event('ceased_looked_after', '2020-01-01')]))).toEqual([]);
    expect(found(records([placement('2019-01-01', '2019-12-31', 'foster')], [event('ceased_looked_after', '2019-12-31')]))).toEqual([]);
  });

  it('warn about a placement that follows ceasing to be looked after without a break', () => {
    const ended = records([placement('2019-01-01', '2019-12-31', 'foster', { id: 'P1' }), placement('2020-01-01', null, 'home', { id: 'P2', legalBasis: 'CSO' })], [event('ceased_looked_after', '2019-12-31')]);
    expect(found(ended)).toEqual(['placement-after-ceased: ceased to be looked after on 2019-12-31, but placement P2 follows on without a break']);
    // After a gap, a new placement is a new time looked after.
    expect(found(records([placement('2019-01-01', '2019-12-31', 'foster', { id: 'P1' }), placement('2020-03-01', null, 'foster', { id: 'P2' })], [event('ceased_looked_after', '2019-12-31')]))).toEqual([]);
  });

  it('warn about the same event recorded twice, a home review without a home placement, and a child with no placement', () => {
    expect(found(records([placement('2019-01-01', null, 'foster')], [event('lac_review', '2020-01-01', null, { id: 'E1' }), event('lac_review', '2020-01-01', null, { id: 'E2' })]))).toEqual(['event-duplicate: recorded twice: lac_review (E1 and E2) on 2020-01-01']);
    expect(found(records([placement('2019-01-01', null, 'foster')], [event('home_review', '2020-01-01')])).map((m) => m.split(':')[0])).toEqual(['home-review-without-home-placement']);
    expect(found(records([]))).toEqual(['child-without-placement: child has no placement']);
  });

  it('refuse records of a child nobody knows, unless the child is already held', () => {
    const orphan: ChildRecords = { childId: 'C9', child: null, placements: [placement('2020-01-01', null, 'foster', { id: 'P1', childId: 'C9' })], events: [event('lac_review', '2020-02-01', null, { id: 'E1', childId: 'C9' })] };
    const context = { today: d('2024-01-01'), isKnownChild: () => false };
    expect(validateChildRecords(orphan, context).map((p) => `${p.code}: ${renderMessage(p)}`)).toEqual([
      'placement-child-unknown: placement for child C9, who is not in the children file',
      'event-child-unknown: event for child C9, who is not in the children file',
    ]);
    expect(validateChildRecords(orphan, { ...context, isKnownChild: (id) => id === 'C9' })).toEqual([]);
  });
});
