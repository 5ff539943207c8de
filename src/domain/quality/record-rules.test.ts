import { describe, expect, it } from 'vitest';
import { child, d, event, placement } from '../../../test/builders.js';
import { renderMessage } from './problem.js';
import { childProblems, eventProblems, placementProblems } from './record-rules.js';

const today = d('2024-06-30');
const amy = child({ childId: 'C1', dateOfBirth: d('2015-06-15') });
const messages = (problems: readonly { code: string }[]) => problems.map((p) => `${p.code}: ${renderMessage(p as never)}`);

describe('record rules', () => {
  it('find nothing wrong with an ordinary placement and event', () => {
    expect(placementProblems(placement('2020-01-10', '2020-06-01', 'foster'), amy, today)).toEqual([]);
    expect(eventProblems(event('permanence_recommendation', '2020-05-01', 'adoption'), amy, today)).toEqual([]);
  });

  it('refuse a placement that ends before it starts, or starts before birth', () => {
    expect(messages(placementProblems(placement('2020-02-01', '2020-01-31', 'foster'), amy, today))).toEqual(['placement-end-before-start: end_date 2020-01-31 is before start_date 2020-02-01']);
    expect(messages(placementProblems(placement('2015-06-14', null, 'foster'), amy, today))).toEqual(['placement-before-birth: start_date 2015-06-14 is before the child was born (2015-06-15)']);
  });

  it('refuse dates after today', () => {
    expect(messages(placementProblems(placement('2024-07-01', null, 'foster'), amy, today))).toEqual(['date-in-future: start_date 2024-07-01 is after today (2024-06-30)']);
    expect(messages(childProblems(child({ dateOfBirth: d('2099-01-01') }), today))).toEqual(['date-in-future: date_of_birth 2099-01-01 is after today (2024-06-30)']);
  });

  it('refuse an event that needs a route and has none', () => {
    expect(messages(eventProblems(event('adm_decision', '2020-05-01'), amy, today))).toEqual(['route-missing: adm_decision on 2020-05-01 has no route']);
  });

  it('warn about a route where none belongs, an ADM decision to go home, and an event before birth', () => {
    expect(eventProblems(event('lac_review', '2020-05-01', 'home'), amy, today).map((p) => p.code)).toEqual(['route-not-expected']);
    expect(eventProblems(event('adm_decision', '2020-05-01', 'home'), amy, today).map((p) => p.code)).toEqual(['adm-route-home']);
    expect(messages(eventProblems(event('referral', '2015-05-01'), amy, today))).toEqual(['event-before-birth: referral on 2015-05-01 is before the child was born']);
  });

  it('warn about a placement starting after the eighteenth birthday', () => {
    expect(placementProblems(placement('2033-06-15', null, 'foster'), amy, d('2040-01-01')).map((p) => p.severity + ' ' + p.code)).toEqual(['warning placement-after-eighteen']);
  });
});
