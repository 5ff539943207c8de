// Events planned and cancelled on a child's timeline (docs/decisions/0030-planned-events.md): open
// marks at their planned date, a cancelled one struck through, and the text alternative saying so.
import { describe, expect, it } from 'vitest';
import { d } from '../../test/builders.js';
import { manyMoves } from '../../test/timeline-fixtures.js';
import { nationalAims } from '../domain/aim.js';
import type { ChildRecord, PlannedEvent } from '../domain/records.js';
import { childTimeline } from '../domain/timeline.js';
import { childTimelineSvg } from './timeline-chart.js';
import { timelineSummary } from './timeline-words.js';

const aims = nationalAims();
const asAt = d('2018-09-30');

const plan = (type: PlannedEvent['type'], day: string, status: PlannedEvent['status']): PlannedEvent => ({ childId: 'C7', eventId: `C7-${status}-${day}`, type, status, plannedDate: d(day), route: null, reason: status === 'cancelled' ? 'chair ill' : null, recordedDate: null });

/** C7 with a review cancelled, another planned after as-at, a panel planned, and one review held a week after its planned day. */
function withPlans(options: { order?: boolean } = {}): ChildRecord {
  const base = manyMoves(options);
  return {
    ...base,
    events: base.events.map((e) => (e.type === 'lac_review' ? { ...e, plannedDate: d('2016-10-06') } : e)),
    plans: [plan('lac_review', '2018-04-12', 'cancelled'), plan('lac_review', '2018-11-05', 'planned'), plan('permanence_panel', '2018-10-20', 'planned'), plan('care_plan', '2018-10-01', 'planned')],
  };
}

describe('planned and cancelled events on a child’s timeline', () => {
  it('keeps each plan at its planned date, apart from the held events, care plans left out as ever', () => {
    const timeline = childTimeline(withPlans(), { asAt, aims });
    expect(timeline.plans.map((p) => [p.type, p.group, p.status, p.date.toString()])).toEqual([
      ['lac_review', 'review', 'cancelled', '2018-04-12'],
      ['permanence_panel', 'milestone', 'planned', '2018-10-20'],
      ['lac_review', 'review', 'planned', '2018-11-05'],
    ]);
    // Plans are no milestones: the marks, the gaps and the end are those of the held events alone.
    const held = childTimeline(manyMoves(), { asAt, aims });
    expect([timeline.marks.length, timeline.gaps, timeline.end]).toEqual([held.marks.length, held.gaps, held.end]);
  });

  it('draws plans as open, dashed marks and strikes the cancelled one through, saying which on hover', () => {
    const svg = childTimelineSvg(childTimeline(withPlans(), { asAt, aims }));
    expect(svg).toContain('<title>Looked after child review, planned for 12 April 2018: cancelled</title>');
    expect(svg).toContain('<title>Looked after child review, planned for 5 November 2018 (not yet held)</title>');
    expect(svg).toContain('<title>Permanence panel, planned for 20 October 2018 (not yet held)</title>');
    expect(svg).toMatch(/stroke-dasharray="2,2"/);
    expect(svg).toContain('Planned, not yet held (open mark)');
    expect(svg).toContain('Cancelled (struck through)');
    expect(svg).toMatch(/>Permanence panel<\/tspan><tspan [^>]+>planned<\/tspan><tspan [^>]+>20 Oct 2018<\/tspan>/);
  });

  it('says when a held event was held and the day it had been planned for', () => {
    const svg = childTimelineSvg(childTimeline(withPlans(), { asAt, aims }));
    expect(svg).toContain('<title>Looked after child review, held on 13 October 2016 (planned for 6 October 2016)</title>');
  });

  it('says what is planned and what was cancelled in the text alternative', () => {
    const timeline = childTimeline(withPlans(), { asAt, aims });
    expect(timelineSummary(timeline)).toBe(
      'Born 15 June 2015. First recorded on 10 January 2016, aged 6 months. 4 moves of carer or setting. 52 weeks so far since the application lodged at court. As at 30 September 2018, aged 3 years 3 months. ' +
        'Planned, not yet held: permanence panel on 20 October 2018; looked after child review on 5 November 2018. Cancelled: looked after child review (planned for 12 April 2018).',
    );
    expect(childTimelineSvg(timeline)).toContain('aria-label="Timeline for Alex Example (C7). Born 15 June 2015.');
  });

  it('leaves out plans after the end of a timeline that has ended: they will not be held', () => {
    const ended = childTimeline(withPlans({ order: true }), { asAt: d('2018-12-31'), aims });
    expect(ended.ending.kind).toBe('legal-permanence');
    expect(ended.plans.map((p) => [p.status, p.date.toString()])).toEqual([['cancelled', '2018-04-12']]);
  });
});
