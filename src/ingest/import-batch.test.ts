import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { parseDateOrThrow as d } from '../domain/date.js';
import type { AnyEvent } from '../domain/planned.js';
import type { Placement } from '../domain/records.js';
import { ColumnDecoder, transferables, type ColumnRows } from '../store/row-columns.js';
import { eventToRow, placementToRow } from '../store/rows.js';
import { ImportBatch, ownText } from './import-batch.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

describe('text an import keeps', () => {
  it('is the same text, short or long', () => {
    for (const text of ['', 'E1', 'exactly 13 ch', 'a note of more than thirteen characters', 'Zoë 中文 עברית 😀 and more']) expect(ownText(text)).toBe(text);
  });

  it('does not keep alive the chunk of the file it was cut from', () => {
    const keptFrom = (keep: (text: string) => string) => {
      gc();
      const before = process.memoryUsage().heapUsed;
      const kept: string[] = [];
      for (let i = 0; i < 200; i++) kept.push(keep(`${'x'.repeat(64 * 1024)},${i}`.substring(10, 40)));
      gc();
      expect(kept.every((text) => text === 'x'.repeat(30))).toBe(true);
      return process.memoryUsage().heapUsed - before;
    };
    // A slice of each of 200 chunks of 64 KB holds on to all of them; a copy, to its own 30 characters.
    expect(keptFrom((text) => text)).toBeGreaterThan(10 * 1024 * 1024);
    expect(keptFrom(ownText)).toBeLessThan(2 * 1024 * 1024);
  });
});

describe('placements and events sent to a writer from the batch', () => {
  const events: AnyEvent[] = [
    { childId: 'C1', eventId: 'E1', type: 'referral', date: d('2021-01-17'), route: null, note: null, recordedDate: null },
    { childId: 'C1', eventId: 'E2', type: 'childrens_hearing', date: d('2021-03-02'), route: 'kinship_order', note: 'a note of more than thirteen characters', recordedDate: d('2021-03-09') },
    { childId: 'C2', eventId: 'E3', type: 'planning_meeting_72h', status: 'planned', plannedDate: d('2027-01-05'), route: null, reason: null, recordedDate: null },
    { childId: 'C2', eventId: 'E4', type: 'childrens_hearing', status: 'cancelled', plannedDate: d('2026-11-30'), route: null, reason: 'panel member ill', recordedDate: d('2026-11-29') },
    { childId: 'C3', eventId: 'E5', type: 'planning_meeting_72h', date: d('2019-12-12'), route: null, note: null, recordedDate: d('2019-12-19'), plannedDate: d('2019-12-12') } as AnyEvent,
  ];
  const placements: Placement[] = [
    { childId: 'C1', placementId: 'P1', start: d('2021-02-24'), end: d('2021-05-02'), type: 'home', legalBasis: 'CSO', carerRef: 'parents', recordedDate: d('2021-03-10') },
    { childId: 'C3', placementId: 'P2', start: d('2021-05-03'), end: null, type: 'kinship', legalBasis: null, carerRef: null, recordedDate: null },
  ];
  const batch = new ImportBatch();
  placements.forEach((placement, i) => batch.addPlacement(placement, i + 2));
  events.forEach((event, i) => batch.addEvent(event, i + 2));

  /** The rows a writer decodes from `messages`, after each has been copied as postMessage copies it. */
  const decoded = (messages: ColumnRows[], withPositions = false) => {
    const decoder = new ColumnDecoder();
    return messages.flatMap((message) => decoder.flat(structuredClone(message), withPositions));
  };

  it('are the rows the store writes for the records, in one message or several', () => {
    const eventColumns = ['event_id', 'child_id', 'event_type', 'event_date', 'route', 'note', 'recorded_date', 'status', 'planned_date'] as const;
    const expected = events.flatMap((event) => eventColumns.map((column) => eventToRow(event)[column]));
    expect(batch.count('events')).toBe(5);
    expect(decoded([batch.columnRows('events', 0, 5, eventColumns, false)])).toEqual(expected);
    expect(decoded([batch.columnRows('events', 0, 2, eventColumns, false), batch.columnRows('events', 2, 3, eventColumns, false), batch.columnRows('events', 3, 5, eventColumns, false)])).toEqual(expected);
    // Spelled out for the planned and the cancelled event: the plan's day is its event_date as well.
    expect(decoded([batch.columnRows('events', 0, 5, eventColumns, false)]).slice(18, 36)).toEqual([
      ...['E3', 'C2', 'planning_meeting_72h', '2027-01-05', null, null, null, 'planned', '2027-01-05'],
      ...['E4', 'C2', 'childrens_hearing', '2026-11-30', null, 'panel member ill', '2026-11-29', 'cancelled', '2026-11-30'],
    ]);
    const placementColumns = ['placement_id', 'child_id', 'start_date', 'end_date', 'placement_type', 'legal_basis', 'carer_ref', 'recorded_date'] as const;
    expect(decoded([batch.columnRows('placements', 0, 2, placementColumns, false)])).toEqual([
      ...['P1', 'C1', '2021-02-24', '2021-05-02', 'home', 'CSO', 'parents', '2021-03-10'],
      ...['P2', 'C3', '2021-05-03', null, 'kinship', null, null, null],
    ]);
    expect(decoded([batch.columnRows('placements', 0, 2, placementColumns, false)])).toEqual(placements.flatMap((placement) => placementColumns.map((column) => placementToRow(placement)[column])));
  });

  it('carries the columns asked for, led by each row\'s position, code lists in the first message only, as arrays moved rather than copied', () => {
    const first = batch.columnRows('events', 0, 2, ['event_id', 'event_date', 'route'], true);
    const second = batch.columnRows('events', 2, 4, ['event_id', 'event_date', 'route'], true);
    expect(first.added[2]).toContain('kinship_order');
    expect(second.added).toEqual([[], [], []]);
    expect(second.positions).toEqual(new Int32Array([2, 3]));
    expect(transferables(second)).toHaveLength(3);
    expect(decoded([first, second], true)).toEqual([0, 'E1', '2021-01-17', null, 1, 'E2', '2021-03-02', 'kinship_order', 2, 'E3', '2027-01-05', null, 3, 'E4', '2026-11-30', null]);
    expect(() => batch.columnRows('events', 0, 1, ['start_date'], false)).toThrow(/events have no column start_date/);
  });
});
