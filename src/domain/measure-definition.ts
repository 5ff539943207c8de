/**
 * A measure (issue 15, point 1; docs/decisions/0029-measures.md): from a start to an end within a
 * timescale, for a cohort narrowed by the aim's filters. The four national aims are measures with
 * fixed settings (`nationalPresets`), and any local aim — "a permanence planning meeting within
 * 12 weeks of becoming accommodated", "presented to panel within 12 weeks of the permanence
 * planning meeting", "a 72-hour meeting within 3 days of becoming accommodated" — is one more.
 *
 * The journeys of a measure follow MEASUREMENT.md version 2 exactly as the national ones do
 * (src/domain/journey.ts): the leave date first (the run ended, the child left care, turned 18, or
 * — for a start that is an event — the next event of the same type superseded it), then the end:
 * the first event of an end type dated on or after the start and on or before the leave date.
 */
import { eventTypeLabels, eventTypes, routeLabels, routes, type EventType, type Route } from './codes.js';
import type { JourneyKind } from './journey.js';

/** Where a measure's journeys start. */
export type MeasureStart =
  /** The start of each run of placements away from home (aim 2's journeys). */
  | { readonly kind: 'accommodated' }
  /** The start of each run at home that began on a Compulsory Supervision Order (aim 1's). */
  | { readonly kind: 'at-home' }
  /** The same, a run of placements at home or in kinship care. */
  | { readonly kind: 'at-home-or-kinship' }
  /** The start of each looked-after spell (placements of any type, contiguous). */
  | { readonly kind: 'spell' }
  /** Each event of a type; with `routes`, only those naming one of them; with `routesNot`, none of them. */
  | { readonly kind: 'event'; readonly type: EventType; readonly routes?: readonly Route[]; readonly routesNot?: readonly Route[] }
  /**
   * The planned date of each event of a type that was planned (docs/decisions/0030-planned-events.md):
   * the journey ends when it is held, and stops, cancelled, on the planned date of one cancelled.
   * Its ends are the event itself: "held on its planned date" is this start with a timescale of 0 days.
   */
  | { readonly kind: 'planned'; readonly type: EventType };

/** An event that ends a journey: its type, and (when given) one of the routes it must name. */
export interface EventMatch {
  readonly type: EventType;
  readonly routes?: readonly Route[];
}

export interface MeasureDefinition {
  readonly start: MeasureStart;
  /** One or more: the first of any of them ends the journey. */
  readonly ends: readonly EventMatch[];
}

/**
 * The national aims as measures. Aim 3 starts at any recommendation but one to return home (a
 * recommendation with no route recorded is still one: docs/decisions/0002-journey-readings.md);
 * aim 4 at an ADM decision approving a route to court.
 */
export const nationalPresets: Readonly<Record<JourneyKind, MeasureDefinition>> = {
  'at-home': { start: { kind: 'at-home' }, ends: [{ type: 'home_review' }] },
  accommodation: { start: { kind: 'accommodated' }, ends: [{ type: 'permanence_recommendation' }] },
  recommendation: { start: { kind: 'event', type: 'permanence_recommendation', routesNot: ['home'] }, ends: [{ type: 'adm_decision' }] },
  adm: { start: { kind: 'event', type: 'adm_decision', routes: ['kinship_order', 'permanence_order', 'poa', 'adoption'] }, ends: [{ type: 'court_application_lodged' }] },
};

/** Whether an event of `type` naming `route` is one `match` asks for. */
export function eventMatches(match: EventMatch | Extract<MeasureStart, { kind: 'event' }>, type: EventType, route: Route | null): boolean {
  if (match.type !== type) return false;
  if (match.routes?.length && (route === null || !match.routes.includes(route))) return false;
  if ('routesNot' in match && match.routesNot?.length && route !== null && match.routesNot.includes(route)) return false;
  return true;
}

/** A stable text of a definition, for remembering its journeys. */
export function measureKey(definition: MeasureDefinition): string {
  const start = definition.start;
  const startText = start.kind === 'event' ? `event:${start.type}:${(start.routes ?? []).join('+')}:${(start.routesNot ?? []).join('+')}` : start.kind === 'planned' ? `planned:${start.type}` : start.kind;
  return `${startText}>${definition.ends.map((end) => `${end.type}:${(end.routes ?? []).join('+')}`).join(',')}`;
}

// ——— The words of the command line: `--start accommodated|at-home|at-home-or-kinship|spell|EVENT[:ROUTE]`,
// `--end EVENT[:ROUTE][,…]`. ———

export const startKeywords = ['accommodated', 'at-home', 'at-home-or-kinship', 'spell'] as const;

export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

/** "accommodated", "spell", "permanence_planning_meeting", "adm_decision:adoption", "planned:lac_review". */
export function parseMeasureStart(text: string): Parsed<MeasureStart> {
  const word = text.trim().toLowerCase();
  if ((startKeywords as readonly string[]).includes(word)) return { ok: true, value: { kind: word as (typeof startKeywords)[number] } };
  if (word.startsWith('planned:')) {
    const type = word.slice('planned:'.length);
    if (!(eventTypes as readonly string[]).includes(type)) return { ok: false, error: `"${type}" is not an event type (one of ${eventTypes.join(', ')})` };
    return { ok: true, value: { kind: 'planned', type: type as EventType } };
  }
  const event = parseEventMatch(word);
  if (!event.ok) return { ok: false, error: `${event.error}, or one of ${startKeywords.join(', ')}, or planned:EVENT` };
  return { ok: true, value: { kind: 'event', ...event.value } };
}

/** "permanence_panel", "adm_decision:adoption,permanence_panel". */
export function parseMeasureEnds(text: string): Parsed<EventMatch[]> {
  const parts = text.split(',').map((part) => part.trim()).filter((part) => part !== '');
  if (parts.length === 0) return { ok: false, error: 'no end event given' };
  const ends: EventMatch[] = [];
  for (const part of parts) {
    const parsed = parseEventMatch(part.toLowerCase());
    if (!parsed.ok) return parsed;
    ends.push(parsed.value);
  }
  return { ok: true, value: ends };
}

function parseEventMatch(text: string): Parsed<EventMatch> {
  const [type = '', route, extra] = text.split(':');
  if (!(eventTypes as readonly string[]).includes(type)) return { ok: false, error: `"${type}" is not an event type (one of ${eventTypes.join(', ')})` };
  if (extra !== undefined) return { ok: false, error: `"${text}" has more than one route (EVENT:ROUTE)` };
  if (route === undefined) return { ok: true, value: { type: type as EventType } };
  if (!(routes as readonly string[]).includes(route)) return { ok: false, error: `"${route}" is not a route (one of ${routes.join(', ')})` };
  return { ok: true, value: { type: type as EventType, routes: [route as Route] } };
}

/** The definition as the command line writes it: `--start … --end …`. */
export function measureArguments(definition: MeasureDefinition): { start: string; ends: string[] } {
  const start = definition.start;
  const startText = start.kind === 'event' ? `${start.type}${start.routes?.length === 1 ? `:${start.routes[0]}` : ''}` : start.kind === 'planned' ? `planned:${start.type}` : start.kind;
  return { start: startText, ends: definition.ends.map((end) => `${end.type}${end.routes?.length === 1 ? `:${end.routes[0]}` : ''}`) };
}

// ——— The words of the aim's sentence. ———

/** An event as the thing a child waits for: "a permanence planning meeting". */
const eventNouns: Readonly<Record<EventType, string>> = {
  referral: 'a referral',
  planning_meeting_72h: 'a 72-hour planning meeting',
  early_review: 'an early review',
  lac_review: 'a looked after child review',
  legal_advice_requested: 'a request for legal advice',
  legal_advice_received: 'legal advice',
  permanence_planning_meeting: 'a permanence planning meeting',
  permanence_recommendation: 'a permanence recommendation',
  care_plan: 'a care plan',
  permanence_panel: 'a presentation to the permanence panel',
  adm_decision: 'an Agency Decision Maker decision',
  court_application_lodged: 'an application lodged at court',
  order_granted: 'an order granted',
  childrens_hearing: "a Children's Hearing",
  home_review: 'a review of their whole period at home',
  ceased_looked_after: 'leaving care',
};

/** Where "will have …" reads better than the noun: "will have been presented to the permanence panel". */
const eventHave: Partial<Record<EventType, string>> = {
  legal_advice_received: 'received legal advice',
  permanence_panel: 'been presented to the permanence panel',
  ceased_looked_after: 'ceased to be looked after',
  order_granted: 'an order granted',
};

/** The same event as the start the time is counted from: "of the permanence planning meeting". */
const eventSince: Readonly<Record<EventType, string>> = {
  referral: 'of the referral',
  planning_meeting_72h: 'of the 72-hour planning meeting',
  early_review: 'of the early review',
  lac_review: 'of the looked after child review',
  legal_advice_requested: 'of the request for legal advice',
  legal_advice_received: 'of receiving legal advice',
  permanence_planning_meeting: 'of the permanence planning meeting',
  permanence_recommendation: 'of the permanence recommendation',
  care_plan: 'of the care plan',
  permanence_panel: 'of the permanence panel',
  adm_decision: 'of the Agency Decision Maker decision',
  court_application_lodged: 'of the application to court',
  order_granted: 'of the order',
  childrens_hearing: "of the Children's Hearing",
  home_review: 'of the review of their period at home',
  ceased_looked_after: 'of ceasing to be looked after',
};

const runWords: Readonly<Record<Exclude<MeasureStart['kind'], 'event' | 'planned'>, { cohort: string; since: string }>> = {
  accommodated: { cohort: 'children who become looked after and accommodated', since: 'of becoming looked after and accommodated' },
  'at-home': { cohort: 'children looked after at home on a Compulsory Supervision Order', since: 'of becoming looked after at home' },
  'at-home-or-kinship': { cohort: 'children looked after at home or in kinship care on a Compulsory Supervision Order', since: 'of becoming looked after at home or in kinship care' },
  spell: { cohort: 'children who become looked after', since: 'of becoming looked after' },
};

/** "for adoption", "for adoption or a permanence order". */
function routeWords(routesNamed: readonly Route[] | undefined): string {
  if (!routesNamed?.length) return '';
  return ` for ${listWords(routesNamed.map((route) => routeLabels[route]), 'or')}`;
}

/**
 * The parts of the aim's sentence: who the measure is about ("children with a permanence planning
 * meeting"), what they will have ("been presented to the permanence panel"), the milestone as a
 * noun for "still waiting for …" ("a presentation to the permanence panel"), and from when the
 * time counts ("of the permanence planning meeting").
 */
export function measureWords(definition: MeasureDefinition): { cohort: string; end: string; milestone: string; since: string } {
  const start = definition.start;
  const end = listWords(definition.ends.map((e) => `${eventHave[e.type] ?? eventNouns[e.type]}${routeWords(e.routes)}`), 'or');
  const milestone = listWords(definition.ends.map((e) => `${eventNouns[e.type]}${routeWords(e.routes)}`), 'or');
  if (start.kind === 'planned') {
    const noun = eventNouns[start.type];
    const bare = noun.replace(/^(a|an) /, '');
    return { cohort: `children with ${noun} planned`, end: 'had it held', milestone: `the ${bare} being held`, since: 'of its planned date' };
  }
  if (start.kind !== 'event') return { ...runWords[start.kind], end, milestone };
  const except = start.routesNot?.length ? ` other than ${listWords(start.routesNot.map((route) => routeLabels[route]), 'or')}` : '';
  return { cohort: `children with ${eventNouns[start.type]}${routeWords(start.routes)}${except}`, end, milestone, since: eventSince[start.type] };
}

/** The choices of the web form, in words, each with the value the command line takes. */
export function startChoices(): { value: string; label: string }[] {
  return [
    { value: 'accommodated', label: 'becoming looked after and accommodated' },
    { value: 'at-home', label: 'becoming looked after at home on a Compulsory Supervision Order' },
    { value: 'at-home-or-kinship', label: 'becoming looked after at home or in kinship care on a Compulsory Supervision Order' },
    { value: 'spell', label: 'becoming looked after (any placement)' },
    ...eventTypes.map((type) => ({ value: type, label: eventTypeLabels[type] })),
    ...plannedTypes.map((type) => ({ value: `planned:${type}`, label: `The planned date of a ${eventTypeLabels[type].charAt(0).toLowerCase()}${eventTypeLabels[type].slice(1)} (ended when it is held; stopped if cancelled)` })),
  ];
}

/** The events a team plans ahead, offered as the planned-date starts of the form. */
const plannedTypes: readonly EventType[] = ['planning_meeting_72h', 'early_review', 'lac_review', 'permanence_planning_meeting', 'permanence_panel', 'childrens_hearing', 'home_review'];

/** The ends a measure is read with: a planned-date start's own event type, or the definition's ends. */
export function measureEnds(definition: MeasureDefinition): readonly EventMatch[] {
  return definition.start.kind === 'planned' ? [{ type: definition.start.type }] : definition.ends;
}

function listWords(items: readonly string[], conjunction: 'or' | 'and'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}
