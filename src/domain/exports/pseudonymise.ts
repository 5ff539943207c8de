/**
 * A pseudonymised extract of an authority's records, for data-sharing agreements: every id replaced
 * by a pseudonym (the caller's keyed hash: the same key gives the same pseudonym, so extracts can be
 * linked), names, workers, teams and notes left out, and dates of birth coarsened to the month.
 * Placement and event dates stay whole: the measures need them. Rows are in pseudonym order (then
 * date), so their order says nothing about the authority's own ids.
 */
import type { EventType, LegalBasis, PlacementType, Route, Sex } from '../codes.js';
import { compareDates, type PlainDate } from '../date.js';
import type { ChildRecord } from '../records.js';

export type PseudonymKind = 'child' | 'placement' | 'event' | 'sibling-group' | 'carer';

/** Replaces an id of a kind with its pseudonym; the same (kind, id) always gives the same one. */
export type Pseudonymiser = (kind: PseudonymKind, id: string) => string;

export interface PseudonymisedChild {
  readonly child: string;
  /** `YYYY-MM`. */
  readonly birthMonth: string;
  readonly sex: Sex | null;
  readonly siblingGroup: string | null;
}

export interface PseudonymisedPlacement {
  readonly child: string;
  readonly placement: string;
  readonly start: PlainDate;
  readonly end: PlainDate | null;
  readonly type: PlacementType;
  readonly legalBasis: LegalBasis | null;
  readonly carer: string | null;
}

export interface PseudonymisedEvent {
  readonly child: string;
  readonly event: string;
  readonly type: EventType;
  readonly date: PlainDate;
  readonly route: Route | null;
}

export interface PseudonymisedExtract {
  readonly children: readonly PseudonymisedChild[];
  readonly placements: readonly PseudonymisedPlacement[];
  readonly events: readonly PseudonymisedEvent[];
}

/** The records with every id pseudonymised and nothing that names or pins down a child. */
export function pseudonymisedExtract(records: readonly ChildRecord[], pseudonym: Pseudonymiser): PseudonymisedExtract {
  return inExtractOrder(records.map((record) => pseudonymisedRecord(record, pseudonym)));
}

/** One child's part of the extract (pseudonymisedExtract), its placements and events in date order (then pseudonym). */
export function pseudonymisedRecord({ child, placements, events }: ChildRecord, pseudonym: Pseudonymiser): PseudonymisedExtract {
  const childPseudonym = pseudonym('child', child.childId);
  const born = child.dateOfBirth;
  return {
    children: [{ child: childPseudonym, birthMonth: `${String(born.year).padStart(4, '0')}-${String(born.month).padStart(2, '0')}`, sex: child.sex, siblingGroup: child.siblingGroup === null ? null : pseudonym('sibling-group', child.siblingGroup) }],
    placements: placements
      .map((p) => ({ child: childPseudonym, placement: pseudonym('placement', p.placementId), start: p.start, end: p.end, type: p.type, legalBasis: p.legalBasis, carer: p.carerRef === null ? null : pseudonym('carer', p.carerRef) }))
      .sort((a, b) => compareDates(a.start, b.start) || compareText(a.placement, b.placement)),
    events: events.map((e) => ({ child: childPseudonym, event: pseudonym('event', e.eventId), type: e.type, date: e.date, route: e.route })).sort((a, b) => compareDates(a.date, b.date) || compareText(a.event, b.event)),
  };
}

/**
 * The children's parts as one extract, its rows in pseudonym order (then date): the parts sorted by
 * their child's pseudonym, each part's rows already in date order (pseudonymisedRecord), which is
 * the same order as sorting every row but sorts a few rows at a time, as each child is pseudonymised
 * (an extract of 20,000 children has about 300,000 events).
 */
export function inExtractOrder(parts: readonly PseudonymisedExtract[]): PseudonymisedExtract {
  return joined(inChildOrder(parts));
}

/** The children's parts in their child's pseudonym order (inExtractOrder without the joining). */
export function inChildOrder(parts: readonly PseudonymisedExtract[]): PseudonymisedExtract[] {
  return parts.filter((p) => p.children.length > 0).sort((a, b) => compareText((a.children[0] as PseudonymisedChild).child, (b.children[0] as PseudonymisedChild).child));
}

/** Parts in order, as one extract. */
export function joined(parts: readonly PseudonymisedExtract[]): PseudonymisedExtract {
  return { children: parts.flatMap((p) => p.children), placements: parts.flatMap((p) => p.placements), events: parts.flatMap((p) => p.events) };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
