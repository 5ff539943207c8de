/**
 * JSON schemas of what the API takes, for the OpenAPI document (/api/openapi.json, shown at
 * /api/docs; what it sends is in responses.ts). They describe; the parsers in
 * src/web/forms/records.ts (shared with the forms) decide. Record bodies use the column names of
 * the canonical import format (docs/measurement.md).
 */
import { eventStatuses, eventTypes, legalBases, placementTypes, routes, sexes } from '../../domain/codes.js';

type Schema = Readonly<Record<string, unknown>>;

const text = (description: string): Schema => ({ type: ['string', 'null'], description });
const date = (description: string): Schema => ({ type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$|^\\d{1,2}/\\d{1,2}/\\d{4}$', description: `${description} (YYYY-MM-DD or DD/MM/YYYY)` });
const oneOf = (values: readonly string[], description: string): Schema => ({ type: ['string', 'null'], enum: [...values, null], description });

export const childBody: Schema = {
  type: 'object',
  required: ['date_of_birth'],
  properties: {
    child_id: text("The authority's reference for the child; if given, must match the address"),
    first_name: text('Shown to the authority’s own staff only'),
    last_name: text('Shown to the authority’s own staff only'),
    date_of_birth: date('Date of birth'),
    sex: oneOf(sexes, 'M, F or X (other or not known)'),
    sibling_group: text('Children sharing it are siblings'),
    worker: text('The allocated social worker'),
    team: text('The allocated team'),
    locality: text('The area team or locality'),
  },
};

export const placementBody: Schema = {
  type: 'object',
  required: ['start_date', 'placement_type'],
  properties: {
    start_date: date('First day in the placement'),
    end_date: { ...date('Last day in the placement; null while it continues'), type: ['string', 'null'] },
    placement_type: oneOf(placementTypes, 'The setting'),
    legal_basis: oneOf(legalBases, 'The legal basis'),
    carer_ref: text('Identifies the carer or unit'),
    recorded_date: { ...date('The day it was entered in the source system, when known (for recording lag); left out, an update keeps the date already held'), type: ['string', 'null'] },
  },
};

export const eventBody: Schema = {
  type: 'object',
  required: ['event_type'],
  properties: {
    event_type: oneOf(eventTypes, 'The milestone'),
    status: oneOf(eventStatuses, 'held (the default, when null or left out), planned or cancelled'),
    date: { ...date('The day it happened, not the day it was recorded: required for a held event, not after today; null for one planned or cancelled'), type: ['string', 'null'] },
    planned_date: { ...date('The day it was planned for (may be after today): required for an event planned or cancelled, optional for a held one; left out, an update keeps the planned date already held, and null clears it'), type: ['string', 'null'] },
    route: oneOf(routes, 'Required for a held permanence_recommendation, care_plan, adm_decision, court_application_lodged or order_granted'),
    note: text('Free text; for a cancelled event, why it was cancelled (saved without, with a warning)'),
    recorded_date: { ...date('The day it was entered in the source system, when known (for recording lag); left out, an update keeps the date already held'), type: ['string', 'null'] },
  },
};

export const batchBody: Schema = {
  type: 'object',
  properties: {
    children: { type: 'array', items: { ...childBody, required: ['child_id', 'date_of_birth'] } },
    placements: { type: 'array', items: { ...placementBody, required: ['child_id', 'placement_id', 'start_date', 'placement_type'], properties: { child_id: text('The child'), placement_id: text('Unique within the authority'), ...(placementBody.properties as object) } } },
    events: { type: 'array', items: { ...eventBody, required: ['child_id', 'event_id', 'event_type'], properties: { child_id: text('The child'), event_id: text('Unique within the authority'), ...(eventBody.properties as object) } } },
  },
};

export const asAtQuery: Schema = { type: 'object', properties: { as_at: { type: 'string', description: 'The date the figures are for, YYYY-MM-DD or DD/MM/YYYY (default: today)' } } };

const paramWords: Readonly<Record<string, string>> = {
  code: 'The authority’s code, e.g. NORTH (GET /api/v1/authorities lists them)',
  childId: "The authority's reference for the child (child_id)",
  aimId: 'The aim’s id, e.g. aim-2 (as in the aims’ figures)',
  placementId: 'The placement’s reference (placement_id), unique within the authority',
  eventId: 'The event’s reference (event_id), unique within the authority',
};

export function params(...names: string[]): Schema {
  return { type: 'object', required: names, properties: Object.fromEntries(names.map((n) => [n, { type: 'string', description: paramWords[n] ?? n }])) };
}
