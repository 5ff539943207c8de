/**
 * Checks on one record at a time, given its child: dates that cannot be right, and routes that
 * are missing or out of place. `today` is an argument (the domain never reads the clock).
 */
import { eventTypesWithRoute } from '../codes.js';
import { ageInYears, dateOfEpochDay, epochDay, isoDate, type PlainDate } from '../date.js';
import { dayBeforeEighteenthBirthday } from '../journey.js';
import type { CaseEvent, Child, Placement } from '../records.js';
import type { RuleCode } from './catalogue.js';
import { makeProblem, type Problem } from './problem.js';

/** Problems with a child's own details. */
export function childProblems(child: Child, today: PlainDate): Problem[] {
  const record = { kind: 'child', id: child.childId } as const;
  if (epochDay(child.dateOfBirth) > epochDay(today)) {
    return [makeProblem('date-in-future', { childId: child.childId, record, column: 'date_of_birth', value: isoDate(child.dateOfBirth), detail: isoDate(today) })];
  }
  return [];
}

/** Problems with one placement; `child` is null when the child is not known. */
export function placementProblems(placement: Placement, child: Child | null, today: PlainDate): Problem[] {
  const problems: Problem[] = [];
  const parts = { childId: placement.childId, record: { kind: 'placement', id: placement.placementId } as const };
  const todayDay = epochDay(today);
  const startDay = epochDay(placement.start);
  if (startDay > todayDay) problems.push(makeProblem('date-in-future', { ...parts, column: 'start_date', value: isoDate(placement.start), detail: isoDate(today) }));
  if (placement.end !== null) {
    const endDay = epochDay(placement.end);
    if (endDay > todayDay) problems.push(makeProblem('date-in-future', { ...parts, column: 'end_date', value: isoDate(placement.end), detail: isoDate(today) }));
    if (endDay < startDay) problems.push(makeProblem('placement-end-before-start', { ...parts, column: 'end_date', value: isoDate(placement.end), detail: isoDate(placement.start) }));
  }
  if (child !== null) {
    if (startDay < epochDay(child.dateOfBirth)) {
      problems.push(makeProblem('placement-before-birth', { ...parts, column: 'start_date', value: isoDate(placement.start), detail: isoDate(child.dateOfBirth) }));
    } else if (ageInYears(child.dateOfBirth, placement.start) >= 18) {
      problems.push(makeProblem('placement-after-eighteen', { ...parts, column: 'start_date', value: isoDate(placement.start), detail: `born ${isoDate(child.dateOfBirth)}` }));
    } else {
      // Started before the 18th birthday: still open on it (as at today), or ending on or after it.
      const birthday = dayBeforeEighteenthBirthday(child.dateOfBirth) + 1;
      const lastDay = placement.end === null ? todayDay : epochDay(placement.end);
      if (lastDay >= birthday) problems.push(makeProblem('looked-after-at-eighteen', { ...parts, column: 'end_date', value: placement.placementId, detail: `18 on ${isoDate(dateOfEpochDay(birthday))}` }));
    }
  }
  return problems;
}

/**
 * Problems with one event, added to `problems` and returned; `child` is null when the child is not
 * known. This runs for every event imported: nothing is made for an event without a problem.
 */
export function eventProblems(event: CaseEvent, child: Child | null, today: PlainDate, problems: Problem[] = []): Problem[] {
  const day = epochDay(event.date);
  if (day > epochDay(today)) problems.push(eventProblem(event, 'date-in-future', 'date', isoDate(event.date), isoDate(today)));
  const needsRoute = eventTypesWithRoute.includes(event.type);
  // A recommendation without its route still starts and ends journeys (docs/decisions/0016-measurement-v2.md):
  // named, not refused. Other milestones need theirs.
  if (needsRoute && event.route === null) {
    if (event.type === 'permanence_recommendation') problems.push(eventProblem(event, 'recommendation-route-missing', 'route', isoDate(event.date)));
    else problems.push(eventProblem(event, 'route-missing', 'route', '', `${event.type} on ${isoDate(event.date)}`));
  }
  if (!needsRoute && event.route !== null) problems.push(eventProblem(event, 'route-not-expected', 'route', event.route, `${event.type} on ${isoDate(event.date)}`));
  if (event.type === 'adm_decision' && event.route === 'home') problems.push(eventProblem(event, 'adm-route-home', 'route', 'home'));
  if (child !== null && day < epochDay(child.dateOfBirth)) problems.push(eventProblem(event, 'event-before-birth', 'date', isoDate(event.date), event.type));
  return problems;
}

/** A problem with `event`'s `column`. */
function eventProblem(event: CaseEvent, code: RuleCode, column: string, value: string, detail?: string): Problem {
  return makeProblem(code, { childId: event.childId, record: { kind: 'event', id: event.eventId }, column, value, detail: detail ?? null });
}
