/** Journeys of many children measured against timescales, as at a date. */
import type { PlainDate } from './date.js';
import { journeysOf, type Journey, type JourneyKind } from './journey.js';
import type { ChildRecord } from './records.js';
import { journeyDays, journeyStatus, type JourneyStatus } from './status.js';
import type { Timescale } from './timescale.js';

export interface MeasuredJourney {
  readonly journey: Journey;
  readonly status: JourneyStatus;
  /** Days from start to end, or waited so far. */
  readonly days: number;
}

/**
 * Every journey of every child, with its status against the timescale of its kind, as at `asAt`;
 * journeys the child left are listed with their status (left_late or left_early).
 */
export function measureJourneys(records: readonly ChildRecord[], asAt: PlainDate, timescaleOf: (kind: JourneyKind) => Timescale): MeasuredJourney[] {
  const measured: MeasuredJourney[] = [];
  for (const record of records) {
    for (const journey of journeysOf(record, asAt)) {
      measured.push({ journey, status: journeyStatus(journey, timescaleOf(journey.kind), asAt), days: journeyDays(journey, asAt) });
    }
  }
  return measured;
}
