/**
 * Validation of records before they are stored: every record rule and every rule across a
 * child's records, for each child in turn. The import and the quality report both call this.
 */
import type { PlainDate } from '../date.js';
import { childRecordProblems, type ChildRecords } from './child-rules.js';
import { makeProblem, type Problem } from './problem.js';
import { childProblems, eventProblems, placementProblems } from './record-rules.js';

export interface ValidationContext {
  /** No milestone may be dated after this day. */
  readonly today: PlainDate;
  /** Whether a child missing from these records is known elsewhere (already stored). */
  readonly isKnownChild: (childId: string) => boolean;
}

/** The problems with one child's records. */
export function validateChildRecords(records: ChildRecords, context: ValidationContext): Problem[] {
  const { child, childId } = records;
  const problems: Problem[] = child === null ? [] : childProblems(child, context.today);
  const unknown = child === null && !context.isKnownChild(childId);
  for (const placement of records.placements) {
    if (unknown) problems.push(makeProblem('placement-child-unknown', { childId, record: { kind: 'placement', id: placement.placementId }, column: 'child_id', value: childId }));
    problems.push(...placementProblems(placement, child, context.today));
  }
  for (const event of records.events) {
    if (unknown) problems.push(makeProblem('event-child-unknown', { childId, record: { kind: 'event', id: event.eventId }, column: 'child_id', value: childId }));
    eventProblems(event, child, context.today, problems);
  }
  if (unknown) {
    for (const plan of records.plans ?? []) problems.push(makeProblem('event-child-unknown', { childId, record: { kind: 'event', id: plan.eventId }, column: 'child_id', value: childId }));
  }
  problems.push(...childRecordProblems(records));
  return problems;
}

/** The problems with many children's records. */
export function validateRecords(all: Iterable<ChildRecords>, context: ValidationContext): Problem[] {
  const problems: Problem[] = [];
  for (const records of all) problems.push(...validateChildRecords(records, context));
  return problems;
}
