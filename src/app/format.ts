/** How figures, dates and codes read on a page. Rounding is for showing only, never for computing. */
import { longDate } from '../domain/date.js';
import { eventTypeLabels, placementTypeLabels, routeLabels, type EventType, type PlacementType, type Route } from '../domain/codes.js';
import type { PlainDate } from '../domain/date.js';
import { countText, formatCount, roundTo } from '../domain/round.js';

export { countText, formatCount, longDate };

/** "26.1 weeks", "1 week". */
export function formatWeeks(weeks: number): string {
  const rounded = roundTo(weeks, 1);
  return `${rounded.toFixed(1)} ${rounded === 1 ? 'week' : 'weeks'}`;
}

/** "62.5%". */
export function formatPercent(percent: number): string {
  return `${roundTo(percent, 1).toFixed(1)}%`;
}

/** "2 April 2024 at 09:30", in UK time. */
export function formatInstant(iso: string): string {
  const date = new Date(iso);
  const day = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'long', year: 'numeric' }).format(date);
  const time = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(date);
  return `${day} at ${time}`;
}

export function optionalDate(date: PlainDate | null): string {
  return date === null ? '' : longDate(date);
}

export function placementLabel(type: PlacementType | null): string {
  return type === null ? 'no current placement' : placementTypeLabels[type];
}

export function routeLabel(route: Route | null): string {
  return route === null ? '' : routeLabels[route];
}

export function eventLabel(type: EventType): string {
  return eventTypeLabels[type];
}

/** "1 child", "1,351 journeys". */
export function plural(count: number, noun: string, pluralNoun = `${noun}s`): string {
  return `${formatCount(count)} ${count === 1 ? noun : pluralNoun}`;
}
