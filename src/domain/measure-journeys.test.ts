// Local measures (issue 15, point 1): literal fixtures for each kind of start and end, supersession
// and leaving; the national presets give the same journeys as the four fixed kinds.
import { describe, expect, it } from 'vitest';
import { d, event, placement, record } from '../../test/builders.js';
import { generateAuthorities } from '../demo/generate.js';
import type { Aim } from './aim.js';
import { aimFigures } from './aim-figures.js';
import { aimSentence } from './aim-sentence.js';
import { epochDay, dateOfEpochDay } from './date.js';
import { deriveMeasures, journeyKinds, journeysOfKind, journeysOfKindForEach, journeysOfMeasure, journeysOfMeasureForEach, type Journey } from './journey.js';
import { measureWords, nationalPresets, parseMeasureEnds, parseMeasureStart, type MeasureDefinition } from './measure-definition.js';
import type { ChildRecord, PlannedEvent } from './records.js';
import { leaveReasonWords, statusMeaning } from './status-words.js';
import { days, parseTimescale, weeks } from './timescale.js';

const asAt = d('2024-01-01');

/** "start→end" or "start→…", with "(left DATE REASON)" when the child left without the end. */
function spans(journeys: readonly Journey[]): string[] {
  return journeys.map((j) => `${j.start.toString()}→${j.end?.toString() ?? '…'}${j.leave ? ` (left ${j.leave.toString()} ${j.leaveReason})` : ''}`);
}

function measure(start: string, ends: string): MeasureDefinition {
  const s = parseMeasureStart(start);
  const e = parseMeasureEnds(ends);
  if (!s.ok || !e.ok) throw new Error('bad measure');
  return { start: s.value, ends: e.value };
}

describe('a measure counted from a placement starting', () => {
  it('accommodated: each run away from home, to the first permanence planning meeting on or after its start', () => {
    const child = record(
      [placement('2020-01-10', '2020-06-30', 'foster'), placement('2020-07-01', '2020-09-30', 'home', { legalBasis: 'CSO' }), placement('2020-10-01', null, 'kinship')],
      [event('permanence_planning_meeting', '2020-01-05'), event('permanence_planning_meeting', '2020-03-20'), event('permanence_planning_meeting', '2020-12-01')],
    );
    expect(spans(journeysOfMeasure(child, measure('accommodated', 'permanence_planning_meeting'), asAt))).toEqual(['2020-01-10→2020-03-20', '2020-10-01→2020-12-01']);
  });

  it('accommodated: a child who moved home before the meeting left the journey on the last day away', () => {
    const child = record([placement('2020-01-10', '2020-02-29', 'foster'), placement('2020-03-01', null, 'home', { legalBasis: 'CSO' })], [event('permanence_planning_meeting', '2020-03-20')]);
    expect(spans(journeysOfMeasure(child, measure('accommodated', 'permanence_planning_meeting'), asAt))).toEqual(['2020-01-10→… (left 2020-02-29 run-ended)']);
  });

  it('at-home: only a run at home that began on a Compulsory Supervision Order; at-home-or-kinship carries on into kinship care', () => {
    const child = record([placement('2021-01-04', '2021-05-31', 'home', { legalBasis: 'CSO' }), placement('2021-06-01', null, 'kinship', { legalBasis: 'CSO' })], [event('lac_review', '2021-08-02')]);
    expect(spans(journeysOfMeasure(child, measure('at-home', 'lac_review'), asAt))).toEqual(['2021-01-04→… (left 2021-05-31 run-ended)']);
    expect(spans(journeysOfMeasure(child, measure('at-home-or-kinship', 'lac_review'), asAt))).toEqual(['2021-01-04→2021-08-02']);
    const voluntary = record([placement('2021-01-04', null, 'kinship', { legalBasis: 'S25' })], [event('lac_review', '2021-02-01')]);
    expect(spans(journeysOfMeasure(voluntary, measure('at-home-or-kinship', 'lac_review'), asAt))).toEqual([]);
  });

  it('spell: one journey for a spell of any placements, left when the child ceased to be looked after', () => {
    const child = record(
      [placement('2022-03-01', '2022-04-30', 'home', { legalBasis: 'CSO' }), placement('2022-05-01', '2022-09-30', 'foster')],
      [event('ceased_looked_after', '2022-09-30'), event('planning_meeting_72h', '2022-10-03')],
    );
    expect(spans(journeysOfMeasure(child, measure('spell', 'planning_meeting_72h'), asAt))).toEqual(['2022-03-01→… (left 2022-09-30 left-care)']);
  });

  it('spell: leaves the day before the 18th birthday', () => {
    const child = record([placement('2023-03-01', null, 'residential')], [event('lac_review', '2023-12-01')], { dateOfBirth: d('2005-07-20') });
    expect(spans(journeysOfMeasure(child, measure('spell', 'lac_review'), asAt))).toEqual(['2023-03-01→… (left 2023-07-19 turned-18)']);
  });
});

describe('a measure counted from an event', () => {
  it('ends at the first end event on or after the start; an end before the start does not count', () => {
    const child = record([placement('2020-01-10', null, 'foster')], [event('permanence_panel', '2020-02-01'), event('permanence_planning_meeting', '2020-02-10'), event('permanence_panel', '2020-04-15'), event('permanence_panel', '2020-05-15')]);
    expect(spans(journeysOfMeasure(child, measure('permanence_planning_meeting', 'permanence_panel'), asAt))).toEqual(['2020-02-10→2020-04-15']);
  });

  it('is superseded by the next event of the same type: the earlier stops the day before it', () => {
    const child = record(
      [placement('2020-01-10', null, 'foster')],
      [event('permanence_planning_meeting', '2020-02-10'), event('permanence_planning_meeting', '2020-05-01'), event('permanence_panel', '2020-06-01')],
    );
    expect(spans(journeysOfMeasure(child, measure('permanence_planning_meeting', 'permanence_panel'), asAt))).toEqual(['2020-02-10→… (left 2020-04-30 superseded)', '2020-05-01→2020-06-01']);
  });

  it('with a route: only events naming it start a journey, but any later one of the type supersedes', () => {
    const child = record(
      [placement('2020-01-10', null, 'foster')],
      [event('adm_decision', '2020-03-01', 'adoption'), event('adm_decision', '2020-06-01', 'permanence_order'), event('court_application_lodged', '2020-08-01', 'permanence_order')],
    );
    expect(spans(journeysOfMeasure(child, measure('adm_decision:adoption', 'court_application_lodged'), asAt))).toEqual(['2020-03-01→… (left 2020-05-31 superseded)']);
  });

  it('with several ends: the first of any; an end with a route counts only naming it', () => {
    const child = record(
      [placement('2020-01-10', null, 'foster')],
      [event('permanence_recommendation', '2020-02-01', 'adoption'), event('order_granted', '2020-03-01', 'kinship_order'), event('permanence_panel', '2020-04-01'), event('order_granted', '2020-05-01', 'adoption')],
    );
    expect(spans(journeysOfMeasure(child, measure('permanence_recommendation', 'permanence_panel,order_granted'), asAt))).toEqual(['2020-02-01→2020-03-01']);
    expect(spans(journeysOfMeasure(child, measure('permanence_recommendation', 'order_granted:adoption'), asAt))).toEqual(['2020-02-01→2020-05-01']);
  });

  it('stops at the end of the spell holding the start: an end after the child left does not count', () => {
    const child = record([placement('2020-01-10', '2020-03-31', 'foster')], [event('lac_review', '2020-02-01'), event('childrens_hearing', '2020-04-10')]);
    expect(spans(journeysOfMeasure(child, measure('lac_review', 'childrens_hearing'), asAt))).toEqual(['2020-02-01→… (left 2020-03-31 left-care)']);
  });

  it('sees nothing dated after as-at', () => {
    const child = record([placement('2020-01-10', null, 'foster')], [event('permanence_planning_meeting', '2020-02-10'), event('permanence_panel', '2020-04-15')]);
    expect(spans(journeysOfMeasure(child, measure('permanence_planning_meeting', 'permanence_panel'), d('2020-04-14')))).toEqual(['2020-02-10→…']);
  });
});

describe('an aim that is a local measure', () => {
  const aim = (definition: MeasureDefinition, timescale = weeks(12)): Aim => ({ id: 'ppm', name: 'PPM', nationalAim: null, kind: 'measure', measure: definition, byDate: null, targetPercent: null, fromDate: null, timescale, filters: {}, backlog: null });

  it('measures its journeys with the six statuses, in days too', () => {
    const records = [
      record([placement('2023-01-02', null, 'foster', { childId: 'A' })], [event('planning_meeting_72h', '2023-01-05', null, { childId: 'A' })], { childId: 'A' }),
      record([placement('2023-02-01', null, 'foster', { childId: 'B' })], [event('planning_meeting_72h', '2023-02-07', null, { childId: 'B' })], { childId: 'B' }),
      record([placement('2023-12-30', null, 'foster', { childId: 'C' })], [], { childId: 'C' }),
      record([placement('2023-11-01', null, 'foster', { childId: 'D' })], [], { childId: 'D' }),
      record([placement('2023-06-01', '2023-06-02', 'foster', { childId: 'E' })], [], { childId: 'E' }),
    ];
    const figures = aimFigures(aim(measure('accommodated', 'planning_meeting_72h'), days(3)), records, asAt);
    expect(figures.journeys.map((j) => `${j.journey.childId} ${j.status} ${j.days}`)).toEqual(['A in_time 3', 'B late 6', 'C waiting 2', 'D overdue 61', 'E left_early 1']);
    expect([figures.n, figures.percentage]).toEqual([3, (1 / 3) * 100]);
  });

  it('reads as a sentence', () => {
    expect(aimSentence({ ...aim(measure('accommodated', 'permanence_planning_meeting')), targetPercent: 80 })).toBe('80% of children who become looked after and accommodated will have a permanence planning meeting within 12 weeks of becoming looked after and accommodated.');
    expect(aimSentence(aim(measure('permanence_planning_meeting', 'permanence_panel')))).toBe('All children with a permanence planning meeting will have been presented to the permanence panel within 12 weeks of the permanence planning meeting.');
    expect(aimSentence(aim(measure('accommodated', 'planning_meeting_72h'), days(3)))).toBe('All children who become looked after and accommodated will have a 72-hour planning meeting within 3 days of becoming looked after and accommodated.');
    expect(measureWords(measure('adm_decision:adoption', 'court_application_lodged,order_granted')).cohort).toBe('children with an Agency Decision Maker decision for adoption');
  });

  it('refuses a start or end that is not one, saying what would be', () => {
    expect(parseMeasureStart('panel')).toEqual({ ok: false, error: expect.stringContaining('"panel" is not an event type') as string });
    expect(parseMeasureEnds('adm_decision:sometime')).toEqual({ ok: false, error: expect.stringContaining('"sometime" is not a route') as string });
    expect(parseMeasureEnds(' , ')).toEqual({ ok: false, error: 'no end event given' });
    expect([parseTimescale('3 days'), parseTimescale('0 days'), parseTimescale('12 weeks'), parseTimescale('24 months'), parseTimescale('0 weeks'), parseTimescale('soon')]).toEqual([days(3), days(0), weeks(12), { unit: 'months', months: 24 }, null, null]);
  });
});

describe('a measure from planned dates', () => {
  const planned = (date: string, plannedDate: string, id: string) => ({ ...event('lac_review', date, null, { id }), plannedDate: d(plannedDate) });
  const plan = (plannedDate: string, status: 'planned' | 'cancelled', id: string, reason: string | null = null): PlannedEvent => ({ childId: 'C1', eventId: id, type: 'lac_review', status, plannedDate: d(plannedDate), route: null, reason, recordedDate: null });
  const child: ChildRecord = {
    ...record(
      [placement('2020-01-01', null, 'foster')],
      [planned('2020-02-01', '2020-02-01', 'A'), planned('2020-05-08', '2020-05-01', 'B'), planned('2020-06-10', '2020-06-15', 'F'), event('lac_review', '2020-09-20', null, { id: 'G' }), planned('2021-01-05', '2020-12-20', 'H')],
    ),
    plans: [plan('2020-08-01', 'cancelled', 'C', 'social worker ill'), plan('2020-11-02', 'planned', 'D'), plan('2021-03-01', 'planned', 'E')],
  };
  const definition = measure('planned:lac_review', 'lac_review');
  const heldOnTheDay: Aim = { id: 'reviews', name: 'Reviews on their planned date', nationalAim: null, kind: 'measure', measure: definition, byDate: null, targetPercent: 90, fromDate: null, timescale: days(0), filters: {}, backlog: null };

  it('starts at each planned date on or before as-at, ends when held, and stops on the day a cancelled one was planned for', () => {
    // H was held after as-at: at as-at it is still to be held. E is planned after as-at: not yet a journey. G had no planned date.
    expect(spans(journeysOfMeasure(child, definition, d('2021-01-01')))).toEqual(['2020-02-01→2020-02-01', '2020-05-01→2020-05-08', '2020-06-10→2020-06-10', '2020-08-01→… (left 2020-08-01 cancelled)', '2020-11-02→…', '2020-12-20→…']);
  });

  it('counts held on its planned date, late, not held and cancelled', () => {
    const figures = aimFigures(heldOnTheDay, [child], d('2021-01-01'));
    expect(figures.journeys.map((j) => `${j.journey.startRef} ${j.status}`)).toEqual(['A in_time', 'B late', 'F in_time', 'C left_early', 'D overdue', 'H overdue']);
    expect([figures.n, figures.percentage]).toEqual([5, 40]);
    expect(aimSentence(heldOnTheDay)).toBe('90% of children with a looked after child review planned will have had it held on its planned date.');
    expect(statusMeaning('left_early', definition)).toBe('Cancelled, or the child left care before it was due: not counted in the percentage, but listed with the reason.');
    expect(leaveReasonWords('cancelled', definition)).toBe('cancelled');
  });
});

describe('the national aims as measures', () => {
  /** The fields a journey's figures read: every one of them must match. */
  const essence = (j: Journey) => [j.childId, j.start.toString(), j.end?.toString() ?? null, j.leave?.toString() ?? null, j.leaveReason, j.departure?.date.toString() ?? null, j.startRef, j.endRef, j.placementTypeAtStart, j.ageAtStart, j.route, j.runEnd?.toString() ?? null, j.startRoute].join('|');

  it('are derived alike for a list when the local measures derive them in their own pass', () => {
    const [authority] = generateAuthorities({ authorities: 1, children: 600, seed: 'delta', asAt: d('2026-06-30') });
    if (!authority) throw new Error('nothing generated');
    const together = authority.records.map((r) => ({ ...r }));
    const apart = authority.records.map((r) => ({ ...r }));
    const local = [measure('accommodated', 'permanence_planning_meeting'), measure('planned:lac_review', 'lac_review')];
    deriveMeasures(together, local, d('2026-06-30'));
    for (const kind of journeyKinds) expect(journeysOfKindForEach(together, kind, d('2026-06-30')).journeys.map(essence)).toEqual(journeysOfKindForEach(apart, kind, d('2026-06-30')).journeys.map(essence));
    for (const definition of local) expect(journeysOfMeasureForEach(together, definition, d('2026-06-30')).journeys.map(essence)).toEqual(apart.flatMap((r) => journeysOfMeasure(r, definition, d('2026-06-30'))).map(essence));
    expect(journeysOfMeasureForEach(together, local[1] as MeasureDefinition, d('2026-06-30')).journeys.length).toBeGreaterThan(100);
  });

  // Generated data: the demo generator's authorities (their placements, moves home, recommendations
  // superseded, ADM decisions of every route, children leaving and turning 18), each seen as at
  // several dates.
  it.each(['alpha', 'bravo', 'charlie'])('give the same journeys as the four fixed kinds (seed %s)', (seed) => {
    const [authority] = generateAuthorities({ authorities: 1, children: 1500, seed, asAt: d('2026-06-30') });
    if (!authority) throw new Error('nothing generated');
    let compared = 0;
    for (const offset of [0, 400, 1100, 2000]) {
      const when = dateOfEpochDay(epochDay(d('2026-06-30')) - offset);
      for (const r of authority.records) {
        for (const kind of journeyKinds) {
          const fixed = journeysOfKind(r, kind, when).map(essence);
          expect(journeysOfMeasure(r, nationalPresets[kind], when).map(essence)).toEqual(fixed);
          compared += fixed.length;
        }
      }
    }
    expect(compared).toBeGreaterThan(3000);
  });
});
