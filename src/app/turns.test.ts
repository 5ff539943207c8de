import { describe, expect, it } from 'vitest';
import { nextTurn } from './turns.js';

describe('nextTurn', () => {
  it('lets one part of all the waiting work run a turn, so a request arriving meanwhile waits behind one part, not one of each', async () => {
    const log: string[] = [];
    const work = async (name: string) => {
      for (let part = 0; part < 3; part++) {
        log.push(`${name}${part}`);
        await nextTurn();
      }
    };
    const both = Promise.all([work('a'), work('b')]);
    // What a request arriving now would wait for: the next turn of the event loop.
    setImmediate(() => log.push('request'));
    await both;
    expect(log).toEqual(['a0', 'b0', 'a1', 'request', 'b1', 'a2', 'b2']);
  });

  it('takes the parts in the order they were asked for, passing none over', async () => {
    const log: string[] = [];
    const work = async (name: string, parts: number) => {
      for (let part = 0; part < parts; part++) {
        await nextTurn();
        log.push(`${name}${part}`);
      }
    };
    await Promise.all([work('a', 3), work('b', 1), work('c', 2)]);
    expect(log).toEqual(['a0', 'b0', 'c0', 'a1', 'c1', 'a2']);
  });
});
