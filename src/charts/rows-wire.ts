/**
 * Rows of a table on their way to a render thread (render-pool.ts). Posting a list of 300,000 rows
 * to a thread copies it in one go on the event loop (a quarter to a third of a second for an
 * extract's events, measured), so the rows are written as JSON text a few thousand at a time, with
 * an await between parts, and the parts' bytes are moved to the thread rather than copied.
 */
import type { CsvCell } from './csv.js';

/** The rows in parts, each part's bytes the JSON of its rows (UTF-8), each part's buffer its own (so it can be moved). */
export type WireRows = readonly Uint8Array[];

/** Rows written between two awaits of `between`: a millisecond or two of work. */
const rowsInAPart = 5_000;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The rows as parts of JSON text, `between` awaited after each part (none: at once). */
export async function rowsToWire(rows: readonly (readonly CsvCell[])[], between?: () => Promise<void>): Promise<WireRows> {
  const parts: Uint8Array[] = [];
  for (let start = 0; start < rows.length; start += rowsInAPart) {
    parts.push(encoder.encode(JSON.stringify(rows.slice(start, start + rowsInAPart))));
    if (between) await between();
  }
  return parts;
}

/** The rows the parts hold, in order. */
export function rowsFromWire(parts: WireRows): CsvCell[][] {
  const rows: CsvCell[][] = [];
  for (const part of parts) for (const row of JSON.parse(decoder.decode(part)) as CsvCell[][]) rows.push(row);
  return rows;
}

/** The buffers to move with the parts. */
export function wireBuffers(parts: WireRows): ArrayBuffer[] {
  return parts.map((part) => part.buffer as ArrayBuffer);
}
