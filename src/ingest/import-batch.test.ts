import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { ownText } from './import-batch.js';

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
