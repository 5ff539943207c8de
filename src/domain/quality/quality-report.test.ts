import { describe, expect, it } from 'vitest';
import { d, event, placement, record } from '../../../test/builders.js';
import { milestoneCompleteness } from './completeness.js';
import { renderMessage } from './problem.js';
import { qualityReport, qualityReportInParts } from './quality-report.js';

const asAt = d('2024-06-30');

describe('the data-quality report', () => {
  it('counts each milestone as recorded or missing, of the journeys for which it is due', () => {
    const meets = record([placement('2023-01-02', null, 'foster')], [event('planning_meeting_72h', '2023-01-04'), event('lac_review', '2023-02-13')], { childId: 'C1' });
    const missing = record([placement('2024-06-01', null, 'foster', { childId: 'C2' })], [], { childId: 'C2' });
    const tooRecent = record([placement('2024-06-29', null, 'foster', { childId: 'C3' })], [], { childId: 'C3' });
    const accommodation = milestoneCompleteness([meets, missing, tooRecent], asAt).filter((c) => c.kind === 'accommodation');
    expect(accommodation.map((c) => [c.milestone, c.recorded, c.due, c.percent])).toEqual([
      ['planning_meeting_72h', 1, 2, 50],
      ['early_review', 0, 2, 0],
      ['lac_review', 1, 1, 100],
      ['permanence_recommendation', 0, 1, 0],
    ]);
  });

  it('measures how late events were recorded, only where the recorded date is known, and names those over 90 days late', () => {
    const child = record(
      [placement('2023-01-02', null, 'foster')],
      [
        event('lac_review', '2024-01-10', null, { id: 'E1', recordedDate: '2024-06-01' }),
        event('lac_review', '2024-05-01', null, { id: 'E2', recordedDate: '2024-05-03' }),
        // Imported without a recorded date: no lag, however long ago it happened.
        event('lac_review', '2023-08-01', null, { id: 'E3' }),
        event('planning_meeting_72h', '2024-02-01', null, { id: 'E4' }),
      ],
    );
    const report = qualityReport([child], asAt);
    expect(report.lag).toEqual([{ eventType: 'lac_review', events: 2, medianDays: 143, p90Days: 143, late: 1 }]);
    expect(report.problems.filter((p) => p.code === 'recording-late').map((p) => [p.record?.id, renderMessage(p)])).toEqual([['E1', 'event dated 2024-01-10 was recorded 143 days after it happened']]);
  });

  it('names a journey that has gone over a year without any event, and a child with no placement', () => {
    const silent = record([placement('2022-01-03', null, 'foster')], [event('lac_review', '2023-05-01')], { childId: 'C1' });
    const noPlacement = record([], [], { childId: 'C2' });
    const report = qualityReport([silent, noPlacement], asAt);
    expect(report.problems.map((p) => [p.childId, p.code, renderMessage(p)])).toEqual([
      ['C1', 'journey-without-events', 'the accommodation journey open since 2022-01-03 has had no event for over a year'],
      ['C2', 'child-without-placement', 'child has no placement'],
    ]);
  });

  it('gives the same report worked out a part at a time, pausing between the parts (for a web server)', async () => {
    const silent = record([placement('2022-01-03', null, 'foster')], [event('lac_review', '2023-05-01')], { childId: 'C1' });
    const noPlacement = record([], [], { childId: 'C2' });
    const late = record([placement('2023-01-02', null, 'foster', { childId: 'C3' })], [event('lac_review', '2024-01-10', null, { id: 'E1', childId: 'C3', recordedDate: '2024-06-01' })], { childId: 'C3' });
    let pauses = 0;
    const inParts = await qualityReportInParts([silent, noPlacement, late], asAt, async () => void (pauses += 1), 1);
    expect(inParts).toEqual(qualityReport([silent, noPlacement, late], asAt));
    expect(inParts.problems.map((p) => `${p.childId} ${p.code}`)).toEqual(['C1 journey-without-events', 'C2 child-without-placement', 'C3 recording-late']);
    // After each of the three parts (a child each): the last before the report is put together.
    expect(pauses).toBe(3);
  });

  it('names impossible or suspicious sequences with the child to fix', () => {
    const child = record([placement('2023-01-02', null, 'foster')], [event('adm_decision', '2023-05-01', 'adoption'), event('lac_review', '2024-06-01')]);
    expect(qualityReport([child], asAt).problems.map((p) => `${p.childId} ${p.code}`)).toEqual(['C1 adm-before-recommendation']);
  });
});
