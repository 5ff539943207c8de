/**
 * Grouped timelines (docs/domain.md, "Timelines"): several children on one axis. Brothers and sisters,
 * children looked after at home for longer than a number of months, children waiting longer than
 * a number of weeks for an aim's milestone, or any chosen children; aligned by calendar date or by
 * weeks since each child's journey started. Readings: docs/decisions/0007-timelines.md.
 */
import { measuredJourneys } from './aim-figures.js';
import type { Aim } from './aim.js';
import { addMonths, compareDates, daysBetween, isBefore, latestDate, type PlainDate } from './date.js';
import { journeysOfKind, type Journey, type JourneyKind } from './journey.js';
import { isStillWaiting } from './status.js';
import type { ChildRecord } from './records.js';
import { childTimeline, type ChildTimeline } from './timeline.js';

export type GroupSelector =
  | { readonly kind: 'siblings'; readonly siblingGroup: string }
  /** Looked after at home on a Compulsory Supervision Order, without a break, for more than `months` at as-at. */
  | { readonly kind: 'at-home-longer-than'; readonly months: number }
  /** Still waiting for the aim's end milestone after more than `weeks`. */
  | { readonly kind: 'waiting-longer-than'; readonly aim: Aim; readonly weeks: number }
  | { readonly kind: 'chosen'; readonly childIds: readonly string[] };

/** `journey-start` counts weeks from each child's journey of `journeyKind`; null: the current one. */
export type GroupAlignment = { readonly kind: 'calendar' } | { readonly kind: 'journey-start'; readonly journeyKind: JourneyKind | null };

export interface GroupSelection {
  /** Plain words: "Looked after at home on a supervision order for more than 18 months". */
  readonly title: string;
  /** In the group's order: siblings oldest first, waits longest first, chosen children as chosen. */
  readonly records: readonly ChildRecord[];
  /** Chosen ids the authority has no record of. */
  readonly unknownIds: readonly string[];
  /** The journey kind the group is about, when it is about one (the default for journey alignment). */
  readonly journeyKind: JourneyKind | null;
}

export interface GroupRow {
  readonly timeline: ChildTimeline;
  /** The day weeks are counted from under journey alignment; null under calendar alignment. */
  readonly anchor: PlainDate | null;
}

export type GroupAxis =
  | { readonly kind: 'calendar'; readonly start: PlainDate; readonly end: PlainDate }
  | { readonly kind: 'weeks'; readonly journeyKind: JourneyKind | null; readonly fromWeeks: number; readonly toWeeks: number };

export interface GroupTimeline {
  readonly title: string;
  readonly asAt: PlainDate;
  readonly axis: GroupAxis;
  /** The children drawn, in the group's order: all of them, or the first `limit`. */
  readonly rows: readonly GroupRow[];
  /** How many children there are to draw (more than `rows` holds when a limit left some off). */
  readonly total: number;
  /** Children left off under journey alignment because they have no journey of the kind. */
  readonly unaligned: readonly string[];
  readonly unknownIds: readonly string[];
}

const kindWords: Readonly<Record<JourneyKind, string>> = {
  'at-home': 'looked after at home',
  accommodation: 'looked after away from home',
  recommendation: 'the permanence recommendation',
  adm: 'the agency decision maker decision',
};

/** Words for the start of a journey of `kind` (null: the current one): "Weeks since looked after away from home". */
export function weeksSinceWords(kind: JourneyKind | null): string {
  return kind === null ? 'Weeks since the current journey started' : `Weeks since ${kindWords[kind]}`;
}

/** The children a selector picks from an authority's records, as at `asAt`, in the group's order. */
export function selectGroup(records: readonly ChildRecord[], selector: GroupSelector, asAt: PlainDate): GroupSelection {
  switch (selector.kind) {
    case 'siblings': {
      const siblings = records.filter((r) => r.child.siblingGroup === selector.siblingGroup);
      siblings.sort((a, b) => compareDates(a.child.dateOfBirth, b.child.dateOfBirth) || compareText(a.child.childId, b.child.childId));
      return { title: `Brothers and sisters (sibling group ${selector.siblingGroup})`, records: siblings, unknownIds: [], journeyKind: null };
    }
    case 'at-home-longer-than': {
      const longest = new Map<ChildRecord, number>();
      for (const record of records) {
        for (const j of journeysOfKind(record, 'at-home', asAt)) {
          if (j.kind === 'at-home' && j.departure === null && isBefore(addMonths(j.start, selector.months), asAt)) longest.set(record, Math.max(longest.get(record) ?? 0, daysBetween(j.start, asAt)));
        }
      }
      return { title: `Looked after at home on a supervision order for more than ${selector.months} months`, records: byLongest(longest), unknownIds: [], journeyKind: 'at-home' };
    }
    case 'waiting-longer-than': {
      const byId = new Map(records.map((r) => [r.child.childId, r]));
      const longest = new Map<ChildRecord, number>();
      for (const m of measuredJourneys(selector.aim, records, asAt)) {
        const record = byId.get(m.journey.childId);
        if (record !== undefined && m.stillWaiting && m.weeks > selector.weeks) longest.set(record, Math.max(longest.get(record) ?? 0, m.days));
      }
      return { title: `Waiting more than ${selector.weeks} weeks (${selector.aim.name})`, records: byLongest(longest), unknownIds: [], journeyKind: selector.aim.kind === 'measure' ? null : selector.aim.kind };
    }
    case 'chosen': {
      const byId = new Map(records.map((r) => [r.child.childId, r]));
      const found = selector.childIds.map((id) => byId.get(id)).filter((r): r is ChildRecord => r !== undefined);
      return { title: 'Chosen children', records: found, unknownIds: selector.childIds.filter((id) => !byId.has(id)), journeyKind: null };
    }
    default:
      return unreachable(selector);
  }
}

/** How a reader asks for a group to be lined up: by calendar date, or by weeks since each child's journey started. */
export type AlignBy = 'calendar' | 'journey';

/** The alignment a reader asked for; by journey, weeks count from each child's journey of the group's own kind. */
export function groupAlignment(align: AlignBy, selection: GroupSelection): GroupAlignment {
  return align === 'calendar' ? { kind: 'calendar' } : { kind: 'journey-start', journeyKind: selection.journeyKind };
}

/** The order a selector puts its children in, in words: "eldest first". */
export function groupOrderWords(selector: GroupSelector): string {
  switch (selector.kind) {
    case 'siblings':
      return 'eldest first';
    case 'at-home-longer-than':
      return 'longest at home first';
    case 'waiting-longer-than':
      return 'longest wait first';
    case 'chosen':
      return 'in the order chosen';
    default:
      return unreachable(selector);
  }
}

/** The group's timelines on one axis. */
export function groupTimeline(selection: GroupSelection, options: { readonly asAt: PlainDate; readonly aims: readonly Aim[]; readonly alignment: GroupAlignment; readonly limit?: number }): GroupTimeline {
  const { asAt, alignment } = options;
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  const rows: GroupRow[] = [];
  const unaligned: string[] = [];
  let total = 0;
  for (const record of selection.records) {
    const journey = alignment.kind === 'calendar' ? null : currentJourney(record, alignment.journeyKind, asAt);
    if (alignment.kind !== 'calendar' && journey === null) {
      unaligned.push(record.child.childId);
      continue;
    }
    total += 1;
    // Only the children drawn have their timelines worked out; the axis fits them.
    if (rows.length < limit) rows.push({ timeline: childTimeline(record, { asAt, aims: options.aims }), anchor: journey === null ? null : journey.start });
  }
  return { title: selection.title, asAt, axis: axisOf(rows, alignment, asAt), rows, total, unaligned, unknownIds: selection.unknownIds };
}

/**
 * The journey weeks are counted from: of `kind`, or (null) of being looked after at home or away.
 * The latest one still waiting for its end milestone, else the latest one.
 */
export function currentJourney(record: ChildRecord, kind: JourneyKind | null, asAt: PlainDate): Journey | null {
  const journeys = kind === null ? [...journeysOfKind(record, 'at-home', asAt), ...journeysOfKind(record, 'accommodation', asAt)] : [...journeysOfKind(record, kind, asAt)];
  journeys.sort((a, b) => compareDates(a.start, b.start));
  const waiting = journeys.filter(isStillWaiting);
  return waiting[waiting.length - 1] ?? journeys[journeys.length - 1] ?? null;
}

/** Weeks from `anchor` to `date` (negative before it), days ÷ 7. */
export function weeksSince(anchor: PlainDate, date: PlainDate): number {
  return daysBetween(anchor, date) / 7;
}

function axisOf(rows: readonly GroupRow[], alignment: GroupAlignment, asAt: PlainDate): GroupAxis {
  const timelines = rows.map((r) => r.timeline);
  if (alignment.kind === 'calendar') {
    const starts = timelines.map((t) => t.start);
    const ends = timelines.flatMap((t) => [t.end, ...t.dueDates.map((d) => d.due)]);
    const first = starts.reduce((a, b) => (isBefore(b, a) ? b : a), starts[0] ?? asAt);
    const last = ends.reduce(latestDate, ends[0] ?? asAt);
    return { kind: 'calendar', start: first, end: last };
  }
  let fromWeeks = 0;
  let toWeeks = 0;
  for (const row of rows) {
    const anchor = row.anchor as PlainDate;
    fromWeeks = Math.min(fromWeeks, weeksSince(anchor, row.timeline.start));
    toWeeks = Math.max(toWeeks, weeksSince(anchor, row.timeline.end), ...row.timeline.dueDates.map((d) => weeksSince(anchor, d.due)));
  }
  return { kind: 'weeks', journeyKind: alignment.journeyKind, fromWeeks, toWeeks };
}

function byLongest(days: ReadonlyMap<ChildRecord, number>): ChildRecord[] {
  return [...days.entries()].sort((a, b) => b[1] - a[1] || compareText(a[0].child.childId, b[0].child.childId)).map(([record]) => record);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function unreachable(value: never): never {
  throw new Error(`unhandled group selector: ${JSON.stringify(value)}`);
}
