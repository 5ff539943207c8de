/**
 * In a process with a large heap, the columns kept with figures (domain/kept-columns.ts) made in
 * SharedArrayBuffers, with a full collection made once they have grown by a quarter of the heap
 * (decision 0022, "Fifth pass").
 *
 * V8 (Node 20's) starts a full collection whenever 64 MB more of ArrayBuffer memory is held than
 * after the last one, whatever the size of the heap. A process holding 32 authorities' records
 * (about 1.3 GB of objects) keeps about 55 MB of columns each time it works out their twelve aims,
 * so each time it marked the whole heap: about 1.2 s of a 2.8 s run. V8 does not count
 * SharedArrayBuffers towards that trigger, so columns made in them leave full collections to the
 * heap's own growth, as for every other object. Columns let go would then wait for that collection
 * however large they had grown, so this process counts what it makes and collects itself once the
 * columns made since the last full collection pass a quarter of the heap in use. While the heap is
 * small (a quarter of it no more than V8's 64 MB) columns are made in ArrayBuffers, as before, and
 * V8's own trigger stands: it collects as often, and incrementally rather than all at once.
 */
import { constants, PerformanceObserver } from 'node:perf_hooks';
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { makeKeptColumnsWith, type KeptColumnsAllocator } from '../domain/kept-columns.js';

/** V8's own allowance of new ArrayBuffer memory between full collections: below it, V8's trigger stands. */
export const leastAllowance = 64 * 1024 * 1024;

/**
 * How many bytes of columns made since the last full collection call for one: a quarter of the
 * heap in use, and at least V8's own 64 MB.
 */
export function allowanceFor(heapUsedBytes: number): number {
  return Math.max(leastAllowance, Math.floor(heapUsedBytes / 4));
}

/** Counts the bytes of columns made in shared memory since the last full collection, and says when one is due. */
export class ColumnsAllowance {
  #since = 0;
  readonly #heapUsed: () => number;

  constructor(heapUsed: () => number) {
    this.#heapUsed = heapUsed;
  }

  /** Whether the heap is large enough for columns to be made in shared memory: more than 256 MB in use. */
  large(): boolean {
    return allowanceFor(this.#heapUsed()) > leastAllowance;
  }

  /** Notes `bytes` more made; true when a full collection is due (the count then starts again). */
  note(bytes: number): boolean {
    this.#since += bytes;
    if (this.#since <= leastAllowance || this.#since <= allowanceFor(this.#heapUsed())) return false;
    this.#since = 0;
    return true;
  }

  /** A full collection happened (V8's own): the count starts again. */
  collected(): void {
    this.#since = 0;
  }

  get since(): number {
    return this.#since;
  }
}

/**
 * Makes an allocator of columns: ArrayBuffers while the heap is small; otherwise shared memory,
 * calling `collect` when `allowance` says a collection is due.
 */
export function sharedColumnsAllocator(allowance: ColumnsAllowance, collect: () => void): KeptColumnsAllocator {
  return (bytes) => {
    if (!allowance.large()) return new ArrayBuffer(bytes);
    if (allowance.note(bytes)) collect();
    return new SharedArrayBuffer(bytes) as unknown as ArrayBuffer;
  };
}

let installed = false;

/**
 * From now on, while its heap is large, this process makes the columns kept with figures in shared
 * memory and collects itself when they have grown by a quarter of its heap. For the processes that
 * work figures out: the server, `pace worker` and the pace command.
 */
export function keepColumnsInSharedMemory(): void {
  if (installed) return;
  installed = true;
  // A full collection on demand: the one way Node offers is V8's gc(), exposed to a new context.
  setFlagsFromString('--expose-gc');
  const collect = runInNewContext('gc') as () => void;
  const allowance = new ColumnsAllowance(() => getHeapStatistics().used_heap_size);
  // V8's own full collections free the columns let go too: each starts the count again (reported
  // after the fact, on a later turn of the event loop).
  const observer = new PerformanceObserver((list) => {
    if (list.getEntries().some((entry) => (entry as { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR)) allowance.collected();
  });
  observer.observe({ entryTypes: ['gc'] });
  makeKeptColumnsWith(sharedColumnsAllocator(allowance, collect));
}
