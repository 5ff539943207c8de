import { describe, expect, it } from 'vitest';
import { ColumnDecoder, ColumnEncoder, noCode, noDay, transferables } from './row-columns.js';

/** Sends `rows` through an encoder and a decoder, `perMessage` rows a message, giving the values decoded. */
function roundTrip(columns: readonly string[], coded: readonly string[], rows: readonly (readonly (string | null)[])[], perMessage: number, positions = false): unknown[] {
  const encoder = new ColumnEncoder(columns, new Set(coded), positions, 2);
  const decoder = new ColumnDecoder();
  const values: unknown[] = [];
  const send = () => {
    // What the writer thread gets: a copy, as postMessage makes it.
    const message = structuredClone(encoder.take());
    values.push(...decoder.flat(message, positions));
  };
  rows.forEach((row, i) => {
    encoder.startRow(100 + i);
    for (const value of row) encoder.push(value);
    encoder.endRow();
    if (encoder.rows === perMessage) send();
  });
  if (encoder.rows > 0) send();
  return values;
}

describe('rows sent to a writer as columns', () => {
  const columns = ['event_id', 'event_type', 'event_date', 'note'];
  const rows = [
    ['E1', 'referral', '2021-01-17', null],
    ['E2', 'childrens_hearing', '2021-01-17', 'a note of more than thirteen characters'],
    ['E3', 'referral', null, ''],
    ['E4', null, '2022-02-28', 'Zoë 中文 😀'],
    ['E5', 'referral', '2021-01-17', null],
  ] as const;

  it('gives back every value in order, NULL as null, whatever the messages (dictionaries carried from one to the next)', () => {
    for (const perMessage of [1, 2, 3, 100]) {
      expect(roundTrip(columns, ['event_type', 'event_date'], rows, perMessage)).toEqual(rows.flat());
      expect(roundTrip(columns, [], rows, perMessage)).toEqual(rows.flat());
      expect(roundTrip(columns, columns, rows, perMessage)).toEqual(rows.flat());
    }
  });

  it('leads each row with its position when the rows are to be compared', () => {
    expect(roundTrip(columns, ['event_type'], rows, 2, true)).toEqual(rows.flatMap((row, i) => [100 + i, ...row]));
  });

  it('sends a coded value once, and its column as numbers that are moved rather than copied', () => {
    const encoder = new ColumnEncoder(columns, new Set(['event_type', 'event_date']), false, 4);
    for (const row of rows) {
      encoder.startRow();
      for (const value of row) encoder.push(value);
      encoder.endRow();
    }
    const message = encoder.take();
    expect(message.rows).toBe(5);
    expect(message.added).toEqual([[], ['referral', 'childrens_hearing'], ['2021-01-17', '2022-02-28'], []]);
    expect(message.columns[1]).toEqual(new Int32Array([0, 1, 0, -1, 0]));
    expect(message.columns[0]).toEqual(['E1', 'E2', 'E3', 'E4', 'E5']);
    expect(transferables(message)).toHaveLength(2);
    encoder.startRow();
    for (const value of rows[0]) encoder.push(value);
    encoder.endRow();
    expect(encoder.take().added).toEqual([[], [], [], []]);
  });

  it('reads codes sent as bytes and days sent as day numbers, NULL as null', () => {
    const codes = new Uint8Array([1, noCode, 0]);
    const days = new Int32Array([0, noDay, 18_644]);
    const message = {
      rows: 3,
      columns: [codes, { days }],
      added: [['referral', 'childrens_hearing'], []],
      positions: null,
    };
    expect(new ColumnDecoder().flat(structuredClone(message))).toEqual(['childrens_hearing', '1970-01-01', null, null, 'referral', '2021-01-17']);
    expect(transferables(message)).toEqual([codes.buffer, days.buffer]);
  });

  it('refuses a row of the wrong width, and a value that is not text', () => {
    const encoder = new ColumnEncoder(['a', 'b'], new Set(['b']), false, 4);
    encoder.startRow();
    encoder.push('x');
    expect(() => encoder.endRow()).toThrow(/a row of 1 values, not 2/);
    encoder.startRow();
    expect(() => encoder.push(1)).toThrow(/text/);
    expect(() => encoder.push({})).toThrow(/text/);
  });
});
