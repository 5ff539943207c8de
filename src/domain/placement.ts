/** Questions about a child's placements. */
import { epochDay, type PlainDate } from './date.js';
import type { Placement } from './records.js';

/**
 * The placement the child is in on `date`: open on that day (started on or before it, not ended
 * before it). On a moving day, the one the child moved into.
 */
export function placementOn(placements: readonly Placement[], date: PlainDate): Placement | null {
  const day = epochDay(date);
  let found: Placement | null = null;
  let foundStart = -Infinity;
  for (const placement of placements) {
    const start = epochDay(placement.start);
    if (start > day || (placement.end !== null && epochDay(placement.end) < day)) continue;
    if (start > foundStart || (start === foundStart && found !== null && placement.placementId > found.placementId)) {
      found = placement;
      foundStart = start;
    }
  }
  return found;
}
