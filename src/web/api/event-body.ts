/**
 * An event sent to the API, held, planned or cancelled: read by the parser of the event form,
 * with the import's rule for a cancelled event without a reason (saved, with a warning). Like
 * recorded_date, a planned_date left out of the body keeps the one already held, while null
 * clears it: a client that never sends planned dates cannot wipe one that the import or a form
 * recorded (docs/decisions/0030-planned-events.md, "The JSON API").
 */
import type { PlainDate } from '../../domain/date.js';
import type { AnyEvent } from '../../domain/planned.js';
import { parseAnyEvent, type Fields, type ParseResult } from '../forms/records.js';

export function parseEventBody(body: unknown, fields: Fields, today: PlainDate, childId: string, eventId: string, stored: AnyEvent | undefined): ParseResult<AnyEvent> {
  const sent = typeof body === 'object' && body !== null && Object.hasOwn(body, 'planned_date');
  const withPlannedDate = sent ? fields : { ...fields, planned_date: stored?.plannedDate?.toString() ?? '' };
  return parseAnyEvent(withPlannedDate, today, childId, eventId, stored?.recordedDate ?? null, 'warning');
}
