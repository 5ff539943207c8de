/**
 * The code lists of the canonical format (docs/measurement.md). Each list is the single source of its
 * values: types, validation messages and select boxes are derived from these arrays.
 */

export const placementTypes = ['home', 'kinship', 'foster', 'adopters', 'residential', 'secure', 'other'] as const;
export type PlacementType = (typeof placementTypes)[number];

export const legalBases = ['CSO', 'ICSO', 'CPO', 'S25', 'PO', 'POA', 'other'] as const;
export type LegalBasis = (typeof legalBases)[number];

export const sexes = ['M', 'F', 'X'] as const;
export type Sex = (typeof sexes)[number];

export const routes = ['home', 'kinship_order', 'permanence_order', 'poa', 'adoption'] as const;
export type Route = (typeof routes)[number];

/**
 * A journey's route (docs/measurement.md): the route of its milestone or of the latest plan, or
 * `undecided` when no plan names one. Filters read it, so excluding pathways keeps the undecided.
 */
export const journeyRoutes = [...routes, 'undecided'] as const;
export type JourneyRoute = (typeof journeyRoutes)[number];

export function isJourneyRoute(value: string): value is JourneyRoute {
  return (journeyRoutes as readonly string[]).includes(value);
}

/** Routes that lead to a court application: the ADM decisions that start an aim 4 journey. */
export const courtRoutes: readonly Route[] = ['kinship_order', 'permanence_order', 'poa', 'adoption'];

export const eventTypes = [
  'referral',
  'planning_meeting_72h',
  'early_review',
  'lac_review',
  'legal_advice_requested',
  'legal_advice_received',
  'permanence_planning_meeting',
  'permanence_recommendation',
  'care_plan',
  'permanence_panel',
  'adm_decision',
  'court_application_lodged',
  'order_granted',
  'childrens_hearing',
  'home_review',
  'ceased_looked_after',
] as const;
export type EventType = (typeof eventTypes)[number];

/**
 * Whether an event was held, is planned, or was cancelled (the import's optional `status` column;
 * held when absent). Only a held event is a milestone (docs/decisions/0030-planned-events.md).
 */
export const eventStatuses = ['held', 'planned', 'cancelled'] as const;
export type EventStatus = (typeof eventStatuses)[number];

/** Event types that must carry a route (marked R in docs/measurement.md). */
export const eventTypesWithRoute: readonly EventType[] = [
  'permanence_recommendation',
  'care_plan',
  'adm_decision',
  'court_application_lodged',
  'order_granted',
];

export function isPlacementType(value: string): value is PlacementType {
  return (placementTypes as readonly string[]).includes(value);
}

export function isLegalBasis(value: string): value is LegalBasis {
  return (legalBases as readonly string[]).includes(value);
}

export function isSex(value: string): value is Sex {
  return (sexes as readonly string[]).includes(value);
}

export function isRoute(value: string): value is Route {
  return (routes as readonly string[]).includes(value);
}

export function isEventType(value: string): value is EventType {
  return (eventTypes as readonly string[]).includes(value);
}

/** Plain-English names, for people who do not read codes. */
export const placementTypeLabels: Readonly<Record<PlacementType, string>> = {
  home: 'at home with parents',
  kinship: 'kinship care',
  foster: 'foster care',
  adopters: 'with prospective adopters',
  residential: 'residential care',
  secure: 'secure care',
  other: 'other setting',
};

export const routeLabels: Readonly<Record<Route, string>> = {
  home: 'return to or remain at home',
  kinship_order: 'kinship care order',
  permanence_order: 'permanence order',
  poa: 'permanence order with authority to adopt',
  adoption: 'adoption',
};

export const eventStatusLabels: Readonly<Record<EventStatus, string>> = {
  held: 'it happened, on the day in date (the default)',
  planned: 'not held yet: planned for the day in planned_date',
  cancelled: 'not held: cancelled (the reason in note)',
};

export const journeyRouteLabels: Readonly<Record<JourneyRoute, string>> = {
  ...routeLabels,
  undecided: 'no plan recorded yet',
};

export const legalBasisLabels: Readonly<Record<LegalBasis, string>> = {
  CSO: 'Compulsory Supervision Order',
  ICSO: 'Interim Compulsory Supervision Order',
  CPO: 'Child Protection Order',
  S25: 'section 25 (voluntary)',
  PO: 'Permanence Order',
  POA: 'Permanence Order with authority to adopt',
  other: 'other',
};

export const sexLabels: Readonly<Record<Sex, string>> = { M: 'male', F: 'female', X: 'other or not known' };

export const eventTypeLabels: Readonly<Record<EventType, string>> = {
  referral: 'Referral',
  planning_meeting_72h: '72-hour planning meeting',
  early_review: 'Early review',
  lac_review: 'Looked after child review',
  legal_advice_requested: 'Legal advice requested',
  legal_advice_received: 'Legal advice received',
  permanence_planning_meeting: 'Permanence planning meeting',
  permanence_recommendation: 'Permanence recommendation',
  care_plan: 'Care plan',
  permanence_panel: 'Permanence panel',
  adm_decision: 'Agency decision maker decision',
  court_application_lodged: 'Application lodged at court',
  order_granted: 'Order granted',
  childrens_hearing: "Children's hearing",
  home_review: 'Review of the period at home',
  ceased_looked_after: 'Ceased to be looked after',
};
