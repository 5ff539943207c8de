/**
 * A worker's due dates as an iCalendar feed (RFC 5545, written by ical-generator, which escapes
 * text and folds long lines). Each item still to be met is an all-day event on its due date. Like
 * the e-mail digest, a feed leaves pace: it names each child by reference only.
 */
import ical from 'ical-generator';
import type { PlainDate } from '../../domain/date.js';
import { dueWords } from '../../domain/reminders/due.js';
import type { DueChild } from '../../domain/reminders/due-list.js';

export interface CalendarInput {
  readonly authorityCode: string;
  readonly authorityName: string;
  readonly worker: string;
  /** The day the feed was made: its DTSTAMP (midnight UTC of that day). */
  readonly asAt: PlainDate;
  readonly children: readonly DueChild[];
}

export function calendarIcs(input: CalendarInput): string {
  const calendar = ical({
    name: `pace: due dates for ${input.worker} (${input.authorityName})`,
    prodId: { company: 'pace', product: 'reminders', language: 'EN' },
    // Calendar programs that honour it look again every hour.
    ttl: 60 * 60,
  });
  const events = input.children.flatMap((child) => child.open.map((item) => ({ child, item }))).sort((a, b) => a.item.daysToDue - b.item.daysToDue || (a.child.childId < b.child.childId ? -1 : 1));
  for (const { child, item } of events) {
    calendar.createEvent({
      // Stable across refreshes, so a calendar program updates an event rather than adding another.
      id: `${item.ruleId}-${item.occurrence}-${item.journeyStart.toString()}-${child.childId}-${input.authorityCode}@pace`,
      start: item.due,
      allDay: true,
      stamp: input.asAt,
      summary: `${item.status === 'overdue' ? 'Overdue: ' : ''}${child.childId}: ${item.name}`,
      description: `${item.name} for child ${child.childId}, ${dueWords(item)} as at ${input.asAt.toString()}. Sign in to pace to see the child's record.`,
    });
  }
  return calendar.toString();
}
