/**
 * Calendar dates across a thread: a structured copy of a `Temporal.PlainDate` loses what makes it a
 * date, so a value sent to a render thread (render-worker.ts) has each date written as
 * `{ $date: 'yyyy-mm-dd' }` on the way (`datesToWire`) and made a date again on arrival
 * (`datesFromWire`). Everything else is copied as it is.
 */
import { isoDate, parseDateOrThrow, Temporal } from '../domain/date.js';

export type WireDated = unknown;

export function datesToWire(value: unknown): WireDated {
  if (value instanceof Temporal.PlainDate) return { $date: isoDate(value) };
  if (Array.isArray(value)) return value.map(datesToWire);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, datesToWire(v)]));
  return value;
}

export function datesFromWire<T>(value: WireDated): T {
  return revive(value) as T;
}

function revive(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(revive);
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 1 && entries[0]?.[0] === '$date' && typeof entries[0][1] === 'string') return parseDateOrThrow(entries[0][1]);
    return Object.fromEntries(entries.map(([key, v]) => [key, revive(v)]));
  }
  return value;
}
