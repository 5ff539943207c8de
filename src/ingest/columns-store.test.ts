import { describe, expect, it } from 'vitest';
import { ByteColumn, IdIndex, repeatedIds } from './columns-store.js';

/** The same answer the slow way: a Map from each id to where it first appears. */
function byMap(ids: readonly string[]): { at: number; first: number }[] {
  const first = new Map<string, number>();
  const repeats: { at: number; first: number }[] = [];
  ids.forEach((id, at) => {
    const seen = first.get(id);
    if (seen === undefined) first.set(id, at);
    else repeats.push({ at, first: seen });
  });
  return repeats;
}

describe('finding ids used more than once', () => {
  it('names each repeat and where its id was first used', () => {
    expect(repeatedIds(['E1', 'E2', 'E1', 'E3', 'E2', 'E1'])).toEqual([
      { at: 2, first: 0 },
      { at: 4, first: 1 },
      { at: 5, first: 0 },
    ]);
    expect(repeatedIds([])).toEqual([]);
    expect(repeatedIds(['only'])).toEqual([]);
  });

  it('tells apart two different ids that have the same hash', () => {
    // E558385 and E1501100 have the same 32-bit FNV-1a hash.
    expect(repeatedIds(['E558385', 'E1501100', 'E1501100', 'E558385'])).toEqual([
      { at: 2, first: 1 },
      { at: 3, first: 0 },
    ]);
  });

  it('agrees with a Map on many ids, most of them repeated', () => {
    let seed = 7;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
    const ids = Array.from({ length: 50_000 }, () => `P${next() % 20_000}`);
    expect(repeatedIds(ids)).toEqual(byMap(ids));
  });

  it('copes with one id on every row', () => {
    const ids = Array<string>(100_000).fill('1');
    const repeats = repeatedIds(ids);
    expect(repeats).toHaveLength(99_999);
    expect(repeats[99_998]).toEqual({ at: 99_999, first: 0 });
  });
});

describe('finding an id by its position', () => {
  it('gives the first position of each id, and -1 for an id not there', () => {
    const index = new IdIndex(['E1', 'E2', 'E1', 'E3']);
    expect(['E1', 'E2', 'E3', 'E4', ''].map((id) => index.positionOf(id))).toEqual([0, 1, 3, -1, -1]);
    expect(new IdIndex([]).positionOf('E1')).toBe(-1);
  });

  it('gives the same positions to ids asked for in the order they are held, or out of it, and the first where an id is held twice', () => {
    const held = ['P3', 'P1', 'P2', 'P5'];
    expect([...held, 'P4', 'P1', 'P5', 'P3'].map((id) => new IdIndex(held).positionOf(id))).toEqual([0, 1, 2, 3, -1, 1, 3, 0]);
    const inOrder = new IdIndex(held);
    expect([...held, 'P4', 'P1', 'P2', 'P9', 'P5'].map((id) => inOrder.positionOf(id))).toEqual([0, 1, 2, 3, -1, 1, 2, -1, 3]);
    const twice = new IdIndex(['E1', 'E2', 'E1', 'E3']);
    expect(['E1', 'E2', 'E1', 'E3', 'E1'].map((id) => twice.positionOf(id))).toEqual([0, 1, 0, 3, 0]);
  });

  it('tells apart two different ids that have the same hash', () => {
    // E558385 and E1501100 have the same 32-bit FNV-1a hash.
    const index = new IdIndex(['E1501100', 'E558385']);
    expect([index.positionOf('E558385'), index.positionOf('E1501100')]).toEqual([1, 0]);
  });

  it('agrees with a Map on many ids', () => {
    const ids = Array.from({ length: 50_000 }, (_, i) => `P${(i * 7919) % 50_000}`);
    const index = new IdIndex(ids);
    const byMap = new Map(ids.map((id, at) => [id, at]));
    expect(ids.every((id) => index.positionOf(id) === byMap.get(id))).toBe(true);
    expect(index.positionOf('P50000')).toBe(-1);
  });
});

describe('a column of bytes', () => {
  it('holds numbers from 0 to 255 as it grows, and refuses any other', () => {
    const column = new ByteColumn(2);
    for (let i = 0; i < 300; i++) column.push(i % 256);
    expect(column.length).toBe(300);
    expect([column.at(0), column.at(255), column.at(256), column.at(299)]).toEqual([0, 255, 0, 43]);
    for (const value of [-1, 256, 1.5]) expect(() => column.push(value)).toThrow(/byte/);
  });
});
