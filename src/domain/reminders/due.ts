/**
 * What is due for a child, as at a date: each time a rule of the authority's schedule fell or
 * falls due for one of the child's journeys (journey.ts gives the starts), and whether it was met.
 *
 * "Met", precisely (docs/decisions/0009-reminders.md). Take one journey, with start S and last day
 * P (the last day of the run of placements for accommodation and at-home journeys, the day before
 * the next journey of the kind starts for recommendation and ADM journeys; none while open). Each
 * time a rule falls due there is an occurrence with a due date D. Its *lapse date* N is the next
 * later due date of any meeting of the journey (for a meeting) or of the same rule (for a
 * milestone, which otherwise never lapses). The occurrence is met by the earliest event of the
 * rule's type, not already taken by an earlier occurrence, that is dated
 *   - on or after S, and after the due date of the previous occurrence of the same event type;
 *   - on or before P and on or before as-at (later events do not exist yet);
 *   - on or before D, or before N (late, but before the next one fell due).
 * So a later event never meets an earlier occurrence retroactively: once the next occurrence has
 * fallen due, an unmet one is missed for good, and the late event counts for the next one.
 * An unmet occurrence is *missed* once N is on or before as-at or P is before as-at, *overdue*
 * when as-at is past D, and otherwise *due*. Occurrences due after P never fall due.
 *
 * The child's own plans come before the rules (docs/decisions/0030-planned-events.md): an
 * occurrence not met takes the earliest planned event of the rule's type, not taken by an earlier
 * occurrence, planned on or after S, after the due date of the previous
 * occurrence of the same event type, and on or before P. While it is open (due or overdue) its date
 * is then the planned day, and it is overdue only once that day is past; a missed one keeps its
 * rule's date (and its plan, which no later occurrence takes). A cancelled event plans nothing.
 */
import { daysBetween, epochDay, type PlainDate } from '../date.js';
import type { EventType } from '../codes.js';
import { journeysOfKind, type JourneyKind, type NationalJourney as Journey } from '../journey.js';
import type { CaseEvent, ChildRecord, PlannedEvent } from '../records.js';
import { durationWords } from '../timeline-gaps.js';
import { nthDue } from './interval.js';
import type { ResolvedRule, ScheduleRuleId } from './schedule.js';

/**
 * - `met`: met by an event on or before its due date;
 * - `met-late`: met after its due date, before the next occurrence fell due;
 * - `missed`: never met, and can no longer be (the next fell due, or the journey ended);
 * - `overdue`: not met, past its due date, and can still be met;
 * - `due`: not met, due on or after as-at.
 */
export type DueStatus = 'met' | 'met-late' | 'missed' | 'overdue' | 'due';

/** One time one rule falls due for one of a child's journeys. */
export interface ScheduledItem {
  readonly childId: string;
  readonly ruleId: ScheduleRuleId;
  /** The rule's name: "Looked after review at 3 months". */
  readonly name: string;
  readonly journeyKind: JourneyKind;
  readonly journeyStart: PlainDate;
  /** 1 the first time the rule falls due for the journey, 2 the next (rules that repeat), … */
  readonly occurrence: number;
  /** The day it is due: the child's planned day when it has one (`plan`), the rule's otherwise. */
  readonly due: PlainDate;
  readonly status: DueStatus;
  /** Present when the child's own plan sets the date: the planned event, and the day the rule gave. */
  readonly plan?: { readonly eventId: string; readonly ruleDue: PlainDate };
  /** The event that met it. */
  readonly metBy: { readonly eventId: string; readonly date: PlainDate } | null;
  /** Days from as-at to the due date: negative once it is past. */
  readonly daysToDue: number;
}

/** A rule that repeats stops being counted after this many occurrences of one journey (a guard, not a rule). */
const maxOccurrences = 2000;

/**
 * Every occurrence of the schedule for one child as at `asAt`: each that fell due on or before
 * as-at, and for each rule the later ones up to its next unmet one. In due-date order.
 */
export function scheduleOf(record: ChildRecord, schedule: readonly ResolvedRule[], asAt: PlainDate): ScheduledItem[] {
  const asAtDay = epochDay(asAt);
  const items: ScheduledItem[] = [];
  const kinds = [...new Set(schedule.map((r) => r.meaning.start))];
  for (const kind of kinds) {
    const rules = schedule.filter((r) => r.meaning.start === kind);
    const journeys = journeysOfKind(record, kind, asAt);
    for (const journey of journeys) items.push(...journeySchedule(record, journey, lastDayOf(journey), rules, asAt, asAtDay));
  }
  const order = new Map(schedule.map((r, index) => [r.rule.id, index]));
  const rank = (item: ScheduledItem) => order.get(item.ruleId) ?? 0;
  return items.sort((a, b) => daysBetween(b.due, a.due) || rank(a) - rank(b) || a.occurrence - b.occurrence);
}

interface Occurrence {
  readonly rule: ResolvedRule;
  readonly ruleIndex: number;
  readonly n: number;
  readonly due: PlainDate;
  readonly dueDay: number;
}

/**
 * The journey's last day as a day number (Infinity while open): the day it stops by the leave
 * rules (the run ends, the child leaves care or turns 18, or a new recommendation or decision
 * starts the count again), whether or not its milestone was reached.
 */
function lastDayOf(journey: Journey): number {
  return journey.departure === null ? Infinity : epochDay(journey.departure.date);
}

function journeySchedule(record: ChildRecord, journey: Journey, lastDay: number, rules: readonly ResolvedRule[], asAt: PlainDate, asAtDay: number): ScheduledItem[] {
  const occurrences = occurrencesOf(journey, lastDay, rules, asAtDay);
  const eventsByType = new Map<EventType, { event: CaseEvent; day: number }[]>();
  const startDay = epochDay(journey.start);
  for (const type of new Set(rules.map((r) => r.meaning.metBy))) {
    const events = record.events
      .filter((e) => e.type === type)
      .map((event) => ({ event, day: epochDay(event.date) }))
      .filter(({ day }) => day >= startDay && day <= lastDay && day <= asAtDay)
      .sort((a, b) => a.day - b.day || (a.event.eventId < b.event.eventId ? -1 : a.event.eventId > b.event.eventId ? 1 : 0));
    eventsByType.set(type, events);
  }
  const plansByType = new Map<EventType, { plan: PlannedEvent; day: number }[]>();
  for (const plan of record.plans ?? []) {
    if (plan.status !== 'planned') continue;
    const day = epochDay(plan.plannedDate);
    if (day < startDay || day > lastDay) continue;
    plansByType.set(plan.type, [...(plansByType.get(plan.type) ?? []), { plan, day }]);
  }
  for (const plans of plansByType.values()) plans.sort((a, b) => a.day - b.day || (a.plan.eventId < b.plan.eventId ? -1 : a.plan.eventId > b.plan.eventId ? 1 : 0));
  const taken = new Set<string>();
  const takenPlans = new Set<string>();
  const statuses = occurrences.map((occurrence, index) => {
    const type = occurrence.rule.meaning.metBy;
    const lapseDay = lapseDayOf(occurrences, index);
    let previousSameType = -Infinity;
    for (const other of occurrences) if (other.rule.meaning.metBy === type && other.dueDay < occurrence.dueDay) previousSameType = Math.max(previousSameType, other.dueDay);
    const low = Math.max(startDay, previousSameType + 1);
    const high = Math.max(occurrence.dueDay, lapseDay - 1);
    const met = (eventsByType.get(type) ?? []).find(({ event, day }) => day >= low && day <= high && !taken.has(event.eventId));
    if (met) taken.add(met.event.eventId);
    const status: DueStatus = met
      ? met.day <= occurrence.dueDay
        ? 'met'
        : 'met-late'
      : lapseDay <= asAtDay || lastDay < asAtDay
        ? 'missed'
        : occurrence.dueDay < asAtDay
          ? 'overdue'
          : 'due';
    if (met) return { occurrence, status, met, plan: undefined };
    // A missed occurrence keeps its plan too (planned, never held), so that no later one takes it.
    const plan = (plansByType.get(type) ?? []).find(({ plan, day }) => day >= low && !takenPlans.has(plan.eventId));
    if (plan === undefined) return { occurrence, status, met, plan: undefined };
    takenPlans.add(plan.plan.eventId);
    if (status === 'missed') return { occurrence, status, met, plan: undefined };
    return { occurrence, status: plan.day < asAtDay ? ('overdue' as const) : ('due' as const), met, plan };
  });
  // After as-at, each rule is listed up to its next unmet occurrence; the rest are further off.
  const unmetAhead = new Set<number>();
  const items: ScheduledItem[] = [];
  for (const { occurrence, status, met, plan } of [...statuses].sort((a, b) => a.occurrence.ruleIndex - b.occurrence.ruleIndex || a.occurrence.n - b.occurrence.n)) {
    if (occurrence.dueDay > asAtDay) {
      if (unmetAhead.has(occurrence.ruleIndex)) continue;
      if (status === 'due') unmetAhead.add(occurrence.ruleIndex);
    }
    const { rule } = occurrence;
    items.push({
      childId: record.child.childId,
      ruleId: rule.rule.id,
      name: rule.rule.name,
      journeyKind: journey.kind,
      journeyStart: journey.start,
      occurrence: occurrence.n,
      due: plan ? plan.plan.plannedDate : occurrence.due,
      status,
      metBy: met ? { eventId: met.event.eventId, date: met.event.date } : null,
      daysToDue: daysBetween(asAt, plan ? plan.plan.plannedDate : occurrence.due),
      ...(plan ? { plan: { eventId: plan.plan.eventId, ruleDue: occurrence.due } } : {}),
    });
  }
  return items;
}

/**
 * Each rule's occurrences that can matter as at `asAtDay`: all due on or before it, and the first
 * two after it (the first may have been met early; no event on or before as-at can meet the
 * second). None due after the journey's last day. In due-date order, then rule order.
 */
function occurrencesOf(journey: Journey, lastDay: number, rules: readonly ResolvedRule[], asAtDay: number): Occurrence[] {
  const occurrences: Occurrence[] = [];
  rules.forEach((rule, ruleIndex) => {
    let ahead = 0;
    for (let n = 1; n <= maxOccurrences; n++) {
      const due = nthDue(journey.start, rule.after, rule.rule.every, n);
      const dueDay = epochDay(due);
      if (dueDay > lastDay) break;
      occurrences.push({ rule, ruleIndex, n, due, dueDay });
      if (rule.rule.every === null) break;
      if (dueDay > asAtDay && ++ahead === 2) break;
    }
  });
  return occurrences.sort((a, b) => a.dueDay - b.dueDay || a.ruleIndex - b.ruleIndex || a.n - b.n);
}

/** The day after which an unmet occurrence can no longer be met (Infinity: not before the journey ends). */
function lapseDayOf(occurrences: readonly Occurrence[], index: number): number {
  const occurrence = occurrences[index] as Occurrence;
  const isMeeting = occurrence.rule.meaning.category === 'meeting';
  for (let i = index + 1; i < occurrences.length; i++) {
    const later = occurrences[i] as Occurrence;
    if (later.dueDay <= occurrence.dueDay) continue;
    if (isMeeting ? later.rule.meaning.category === 'meeting' : later.ruleIndex === occurrence.ruleIndex) return later.dueDay;
  }
  return Infinity;
}

/** Open items: what is still to be done. */
export function isOpen(item: ScheduledItem): boolean {
  return item.status === 'overdue' || item.status === 'due';
}

/**
 * An open item's timing in words: "overdue by 3 weeks", "due today", "due in 6 days"; with
 * "planned" beside it when the date is the child's own planned day ("planned, due in 6 days").
 */
export function dueWords(item: ScheduledItem): string {
  return `${item.plan === undefined ? '' : 'planned, '}${timingWords(item)}`;
}

/** The timing alone, planned or not: "overdue by 3 weeks", "due today", "due in 6 days". */
export function timingWords(item: ScheduledItem): string {
  if (item.daysToDue < 0) return `overdue by ${durationWords(-item.daysToDue)}`;
  if (item.daysToDue === 0) return 'due today';
  return `due in ${durationWords(item.daysToDue)}`;
}
