import { spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { d } from '../../test/builders.js';
import { settledChildren } from '../../test/settled-fixtures.js';
import { nationalAims, type Aim } from '../domain/aim.js';
import { aimFigures } from '../domain/aim-figures.js';
import { makeKeptColumnsWith } from '../domain/kept-columns.js';
import { allowanceFor, ColumnsAllowance, leastAllowance, sharedColumnsAllocator } from './kept-columns-memory.js';

const MB = 1024 * 1024;
const aim2 = nationalAims()[1] as Aim;

afterEach(() => makeKeptColumnsWith(null));

describe('the allowance of columns made between full collections', () => {
  it('is a quarter of the heap in use, and never less than V8’s own 64 MB', () => {
    expect(leastAllowance).toBe(64 * MB);
    expect(allowanceFor(100 * MB)).toBe(64 * MB);
    expect(allowanceFor(1300 * MB)).toBe(325 * MB);
  });

  it('calls for a collection once the columns made since the last pass the allowance, then counts again', () => {
    let heapUsed = 1300 * MB;
    const allowance = new ColumnsAllowance(() => heapUsed);
    // 55 MB a run of 32 authorities' twelve aims: five runs stay within 325 MB, the sixth passes it.
    const due = Array.from({ length: 7 }, () => allowance.note(55 * MB));
    expect(due).toEqual([false, false, false, false, false, true, false]);
    expect(allowance.since).toBe(55 * MB);
    expect(allowance.large()).toBe(true);
    // A heap of 256 MB or less: V8's own 64 MB, and columns are made as before (not in shared memory).
    heapUsed = 256 * MB;
    expect(allowance.large()).toBe(false);
    allowance.collected();
    expect([allowance.note(40 * MB), allowance.note(24 * MB), allowance.note(1)]).toEqual([false, false, true]);
  });

  it('starts counting again after a full collection of V8’s own', () => {
    const allowance = new ColumnsAllowance(() => 0);
    expect(allowance.note(60 * MB)).toBe(false);
    allowance.collected();
    expect(allowance.note(60 * MB)).toBe(false);
    expect(allowance.since).toBe(60 * MB);
  });
});

describe('columns kept in shared memory', () => {
  it('gives the same figures, from columns in SharedArrayBuffers, and collects when the allowance is passed', () => {
    const inArrayBuffers = aimFigures(aim2, [...settledChildren], d('2021-06-01'));
    expect(inArrayBuffers.cohort.days.buffer).toBeInstanceOf(ArrayBuffer);
    let collections = 0;
    // A heap of 1.3 GB, its allowance of 325 MB already used up.
    const allowance = new ColumnsAllowance(() => 1300 * MB);
    allowance.note(325 * MB);
    makeKeptColumnsWith(sharedColumnsAllocator(allowance, () => (collections += 1)));
    const shared = aimFigures(aim2, [...settledChildren], d('2021-06-01'));
    expect(shared.cohort.days.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(shared.cohort.list.startDay.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(collections).toBe(1);
    expect(shared.counts).toEqual({ in_time: 2, late: 1, overdue: 1, waiting: 1, left_early: 0, left_late: 0 });
    expect(shared.counts).toEqual(inArrayBuffers.counts);
    expect(shared.journeys.map((j) => `${j.childId} ${j.status} ${j.days}`)).toEqual(inArrayBuffers.journeys.map((j) => `${j.childId} ${j.status} ${j.days}`));
  });
});

describe('a process that keeps its columns in shared memory (as the server and the pace command do)', () => {
  it('makes them as before while its heap is small; in SharedArrayBuffers once it is large, collecting itself when they pass a quarter of it', () => {
    // In a process of its own: the collections counted are that process's, by Node's gc entries.
    const script = `
      import { PerformanceObserver, constants } from 'node:perf_hooks';
      import { getHeapStatistics } from 'node:v8';
      import { keepColumnsInSharedMemory } from './src/app/kept-columns-memory.ts';
      import { keptColumnsBuffer } from './src/domain/kept-columns.ts';
      const forced = [];
      new PerformanceObserver((list) => { for (const e of list.getEntries()) if (e.detail.kind === constants.NODE_PERFORMANCE_GC_MAJOR && e.detail.flags & constants.NODE_PERFORMANCE_GC_FLAGS_FORCED) forced.push(e); }).observe({ entryTypes: ['gc'] });
      keepColumnsInSharedMemory();
      const small = keptColumnsBuffer(1024);
      // A heap of about 400 MB held (records, as a server holding several authorities would), then
      // 1.5 times its allowance of columns made: one collection.
      const held = Array.from({ length: 4_000_000 }, (_, i) => ({ i, text: 'child ' + i }));
      const allowance = Math.floor(getHeapStatistics().used_heap_size / 4);
      const kept = [];
      for (let made = 0; made < 1.5 * allowance; made += 1024 * 1024) kept.push(keptColumnsBuffer(1024 * 1024));
      setTimeout(() => console.log(JSON.stringify({ smallShared: small instanceof SharedArrayBuffer, largeShared: kept.every((b) => b instanceof SharedArrayBuffer), heapAbove256MB: allowance > 64 * 1024 * 1024, forced: forced.length, held: held.length })), 200);
    `;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '--eval', script], { encoding: 'utf8', timeout: 120_000 });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout.trim())).toEqual({ smallShared: false, largeShared: true, heapAbove256MB: true, forced: 1, held: 4_000_000 });
  });
});
