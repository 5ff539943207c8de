/**
 * The turns of the event loop that work done a part at a time waits for: the figures for a new
 * as-at date, the lists and reports worked out from them, exports, digests and the national
 * comparison (each awaits `nextTurn` between two parts: domain/in-parts.ts). One part of all such
 * work runs in a turn, whichever computation it belongs to, in the order they asked: four exports
 * and a due list worked out at once take their parts in turn, and a request that arrives waits
 * behind one part, not one of each. The figures cache already worked out one authority's figures at
 * a time for the same reason (figures-cache.ts); this is the same rule for all of them together.
 * Each computation takes as long as before in all; none is passed over.
 */

const waiting: (() => void)[] = [];
let scheduled = false;

/** Lets the next waiting part go on, and asks for another turn if more wait. */
function runOne(): void {
  const next = waiting.shift();
  scheduled = waiting.length > 0;
  if (scheduled) setImmediate(runOne);
  next?.();
}

/** Resolves in a later turn of the event loop, after whatever I/O has arrived meanwhile, and after the parts that asked first. */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => {
    waiting.push(resolve);
    if (!scheduled) {
      scheduled = true;
      setImmediate(runOne);
    }
  });
}
