import { describe, expect, it } from 'vitest';
import { rowsFromWire, rowsToWire, wireBuffers } from './rows-wire.js';

describe('rows on their way to a render thread', () => {
  it('come back as they went: text of any script, quotes, line breaks, numbers and empty cells', async () => {
    const rows = [
      ['C001', 'Ailsa "Ally" Dunbar', 3, null],
      ['C002', 'line one\nline two', 0.5, '=1+1'],
      ['C003', 'Mòrag Nic a’ Phì — 🙂', -2, ''],
    ];
    const wire = await rowsToWire(rows);
    expect(wire).toHaveLength(1);
    expect(rowsFromWire(wire)).toEqual(rows);
  });

  it('are written 5,000 at a time, waiting between parts, each part in a buffer of its own to move', async () => {
    const rows = Array.from({ length: 12_001 }, (_, i) => [`E${i}`, i]);
    let waits = 0;
    const wire = await rowsToWire(rows, async () => {
      waits += 1;
    });
    expect(wire.map((part) => (JSON.parse(new TextDecoder().decode(part)) as unknown[]).length)).toEqual([5000, 5000, 2001]);
    expect(waits).toBe(3);
    for (const part of wire) expect([part.byteOffset, part.byteLength]).toEqual([0, part.buffer.byteLength]);
    expect(new Set(wireBuffers(wire)).size).toBe(3);
    const back = rowsFromWire(wire);
    expect(back).toHaveLength(12_001);
    expect(back[12_000]).toEqual(['E12000', 12000]);
  });

  it('of an empty table are no parts', async () => {
    expect(await rowsToWire([])).toEqual([]);
    expect(rowsFromWire([])).toEqual([]);
  });
});
