/**
 * The permanence fields of the CLAS return (Children Looked After Statistics, the annual return to
 * the Scottish Government; since 2016 it carries three voluntary permanence dates: recommendation,
 * ADM decision, application to court). One row per child and episode — an episode is a period of
 * being looked after (journey.ts, `lookedAfterPeriods`) — for every episode open on any day of the
 * return year. How the fields are read is in docs/decisions/0010-national-view.md.
 */
import type { Route } from '../codes.js';
import { compareDates, epochDay, makeDate, type PlainDate } from '../date.js';
import { journeysOfKind, lookedAfterPeriods } from '../journey.js';
import type { CaseEvent, ChildRecord } from '../records.js';

/** A CLAS return year: 1 August to 31 July, named by both years ("2020-21"). */
export interface ClasYear {
  /** The calendar year it ends in: `--year 2021` is 1 August 2020 to 31 July 2021. */
  readonly endYear: number;
  readonly label: string;
  readonly first: PlainDate;
  readonly last: PlainDate;
}

/** The return year that ends on 31 July of `endYear`. */
export function clasYear(endYear: number): ClasYear {
  if (!Number.isInteger(endYear) || endYear < 1901 || endYear > 9999) throw new Error(`not a return year: ${endYear}`);
  return { endYear, label: `${endYear - 1}-${String(endYear % 100).padStart(2, '0')}`, first: makeDate(endYear - 1, 8, 1), last: makeDate(endYear, 7, 31) };
}

/** The return year `date` falls in. */
export function clasYearOf(date: PlainDate): ClasYear {
  return clasYear(date.month >= 8 ? date.year + 1 : date.year);
}

export interface DatedRoute {
  readonly date: PlainDate;
  readonly route: Route | null;
}

export interface ClasEpisodeRow {
  readonly childId: string;
  readonly episodeStart: PlainDate;
  /** The last day looked after; null when the episode was still open on the year's last day. */
  readonly episodeEnd: PlainDate | null;
  /** The latest permanence recommendation in the episode (the plan in force at its end, or at the year's end). */
  readonly recommendation: DatedRoute | null;
  /** The ADM decision that ended that recommendation's journey (aim 3), if in the episode. */
  readonly admDecision: DatedRoute | null;
  /** The application to court that ended that decision's journey (aim 4), if in the episode. */
  readonly courtApplication: DatedRoute | null;
}

/**
 * The permanence fields for every episode of every child open on any day of the return year, as
 * known at its last day (later records do not exist for it), by child id then episode start.
 */
export function clasPermanenceRows(records: readonly ChildRecord[], year: ClasYear): ClasEpisodeRow[] {
  return records.flatMap((record) => clasEpisodeRows(record, year)).sort(byChildThenEpisode);
}

/** One child's rows of the return year (clasPermanenceRows), by episode start. */
export function clasEpisodeRows(record: ChildRecord, year: ClasYear): ClasEpisodeRow[] {
  const asAt = year.last;
  const firstDay = epochDay(year.first);
  const periods = lookedAfterPeriods(record, asAt).filter((p) => p.end === null || epochDay(p.end) >= firstDay);
  if (periods.length === 0) return [];
  const events = new Map(record.events.map((e) => [e.eventId, e]));
  const recommendations = record.events.filter((e) => e.type === 'permanence_recommendation').sort(byDateThenId);
  const decisionOf = new Map(journeysOfKind(record, 'recommendation', asAt).map((j) => [j.startRef, j.endRef]));
  const applicationOf = new Map(journeysOfKind(record, 'adm', asAt).map((j) => [j.startRef, j.endRef]));
  return periods.map((period) => {
    const from = epochDay(period.start);
    const to = epochDay(period.end ?? asAt);
    const within = (e: CaseEvent | undefined): CaseEvent | null => (e !== undefined && epochDay(e.date) >= from && epochDay(e.date) <= to ? e : null);
    const recommendation = recommendations.filter((e) => within(e) !== null).at(-1) ?? null;
    const decision = recommendation ? within(events.get(decisionOf.get(recommendation.eventId) ?? '')) : null;
    const application = decision ? within(events.get(applicationOf.get(decision.eventId) ?? '')) : null;
    return {
      childId: record.child.childId,
      episodeStart: period.start,
      episodeEnd: period.end,
      recommendation: recommendation && datedRoute(recommendation),
      admDecision: decision && datedRoute(decision),
      courtApplication: application && datedRoute(application),
    };
  });
}

/** The order of the return's rows: by child id, then episode start. */
export function byChildThenEpisode(a: ClasEpisodeRow, b: ClasEpisodeRow): number {
  return a.childId < b.childId ? -1 : a.childId > b.childId ? 1 : compareDates(a.episodeStart, b.episodeStart);
}

function datedRoute(event: CaseEvent): DatedRoute {
  return { date: event.date, route: event.route };
}

function byDateThenId(a: CaseEvent, b: CaseEvent): number {
  return compareDates(a.date, b.date) || (a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0);
}
