/**
 * The data-quality report of an authority's stored records, as at a date: how completely each
 * milestone is recorded, sequences that are impossible or suspicious, how late milestones are
 * recorded, children with no placement, and journeys that have gone a year with no event. Each
 * problem names its child and what to fix. The CLI and the web page show this same value.
 */
import type { EventType } from '../codes.js';
import { epochDay, type PlainDate } from '../date.js';
import { inParts, type Between } from '../in-parts.js';
import { measureJourneys } from '../measure.js';
import { nationalTimescales } from '../national-aims.js';
import type { ChildRecord } from '../records.js';
import { milestoneCompleteness, type MilestoneCompleteness } from './completeness.js';
import { makeProblem, compareProblems, type Problem } from './problem.js';
import { validateChildRecords } from './validate.js';

/** Events recorded more than this many days after they happened are named. */
export const lateRecordingDays = 90;
/** Lag is measured for events dated in this many days up to as-at. */
export const lagWindowDays = 365;
/** An open journey with no event for longer than this is named. */
export const silentJourneyDays = 365;

export interface RecordingLag {
  readonly eventType: EventType;
  readonly events: number;
  readonly medianDays: number;
  readonly p90Days: number;
  readonly late: number;
}

export interface QualityReport {
  readonly asAt: PlainDate;
  readonly children: number;
  readonly completeness: readonly MilestoneCompleteness[];
  readonly lag: readonly RecordingLag[];
  readonly problems: readonly Problem[];
}

/**
 * The report as at `asAt`. Recording lag is measured only where an event's recorded date is known
 * (entered through pace's forms, or a `recorded_date` column): the day of an import is never a
 * recording date (docs/measurement.md, "Recording dates").
 */
export function qualityReport(records: readonly ChildRecord[], asAt: PlainDate): QualityReport {
  const report = new ReportInProgress(asAt);
  for (const record of records) report.add(record);
  return report.finish(records);
}

/**
 * qualityReport a part at a time, awaiting `pause` after each `perPart` children: a web server
 * answers other requests in between (an authority of 20,000 children took a third of a second).
 */
export async function qualityReportInParts(records: readonly ChildRecord[], asAt: PlainDate, pause: Between, perPart = 500): Promise<QualityReport> {
  const report = new ReportInProgress(asAt);
  await inParts(records, perPart, (record) => report.add(record), pause);
  return report.finish(records);
}

/** The problems and recording lags of each child's records, a child at a time, then the report. */
class ReportInProgress {
  readonly #problems: Problem[] = [];
  readonly #context: { readonly today: PlainDate; readonly isKnownChild: () => boolean };
  readonly #lags = new Map<EventType, number[]>();
  readonly #asAtDay: number;

  constructor(readonly asAt: PlainDate) {
    this.#context = { today: asAt, isKnownChild: () => true };
    this.#asAtDay = epochDay(asAt);
  }

  add(record: ChildRecord): void {
    const problems = this.#problems;
    problems.push(...validateChildRecords({ childId: record.child.childId, ...record }, this.#context).filter((p) => p.code !== 'date-in-future'));
    for (const event of record.events) {
      const day = epochDay(event.date);
      const recorded = event.recordedDate;
      if (recorded === null || day > this.#asAtDay || this.#asAtDay - day > lagWindowDays) continue;
      const lag = Math.max(0, epochDay(recorded) - day);
      const list = this.#lags.get(event.type);
      if (list === undefined) this.#lags.set(event.type, [lag]);
      else list.push(lag);
      if (lag > lateRecordingDays) problems.push(makeProblem('recording-late', { childId: event.childId, record: { kind: 'event', id: event.eventId }, column: 'date', value: event.date.toString(), detail: String(lag) }));
    }
  }

  /** The report, once every child of `records` has been added. */
  finish(records: readonly ChildRecord[]): QualityReport {
    const { asAt } = this;
    const problems = [...this.#problems, ...silentJourneys(records, asAt)];
    return { asAt, children: records.length, completeness: milestoneCompleteness(records, asAt), lag: summariseLags(this.#lags), problems: problems.sort(compareProblems) };
  }
}

function silentJourneys(records: readonly ChildRecord[], asAt: PlainDate): Problem[] {
  const asAtDay = epochDay(asAt);
  const byChild = new Map(records.map((r) => [r.child.childId, r]));
  const problems: Problem[] = [];
  for (const { journey, status } of measureJourneys(records, asAt, (kind) => nationalTimescales[kind])) {
    if (status !== 'waiting' && status !== 'overdue') continue;
    const startDay = epochDay(journey.start);
    if (asAtDay - startDay <= silentJourneyDays) continue;
    const events = byChild.get(journey.childId)?.events ?? [];
    const latest = events.reduce((max, e) => {
      const day = epochDay(e.date);
      return day >= startDay && day <= asAtDay && day > max ? day : max;
    }, -Infinity);
    if (asAtDay - latest > silentJourneyDays) {
      problems.push(makeProblem('journey-without-events', { childId: journey.childId, record: null, column: null, value: journey.start.toString(), detail: `the ${journey.kind} journey` }));
    }
  }
  return problems;
}

function summariseLags(lags: ReadonlyMap<EventType, number[]>): RecordingLag[] {
  return [...lags]
    .map(([eventType, days]) => {
      const sorted = Float64Array.from(days).sort();
      const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
      return { eventType, events: sorted.length, medianDays: at(0.5), p90Days: at(0.9), late: days.filter((d) => d > lateRecordingDays).length };
    })
    .sort((a, b) => (a.eventType < b.eventType ? -1 : 1));
}
