/**
 * Where the columns kept with an as-at date's figures are made: the settled journey lists'
 * (journey.ts) and the cohorts' (aim-figures.ts), which stay in memory as long as the figures do.
 * The domain makes them in ArrayBuffers unless the process says otherwise: a process holding many
 * authorities' records makes them elsewhere (app/kept-columns-memory.ts, decision 0022, "Fifth
 * pass"). Either way they are read and written as the same typed arrays.
 */

/** Makes the memory for `bytes` of kept columns. */
export type KeptColumnsAllocator = (bytes: number) => ArrayBuffer;

const inArrayBuffers: KeptColumnsAllocator = (bytes) => new ArrayBuffer(bytes);
let allocate: KeptColumnsAllocator = inArrayBuffers;

/** Memory for `bytes` of columns kept with figures. */
export function keptColumnsBuffer(bytes: number): ArrayBuffer {
  return allocate(bytes);
}

/** Makes every column kept from now on with `allocator`; null for ArrayBuffers again. */
export function makeKeptColumnsWith(allocator: KeptColumnsAllocator | null): void {
  allocate = allocator ?? inArrayBuffers;
}
