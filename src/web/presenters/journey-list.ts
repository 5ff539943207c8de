/**
 * The journeys behind one count of an aim: every count on the dashboard and on an aim's page leads
 * here, and the list holds exactly the journeys the count counted (the aim's cohort, after its
 * from-date and filters), a page at a time, with a CSV of them all.
 */
import { z } from 'zod';
import type { CohortJourney } from '../../domain/aim-figures.js';
import { breakdownDimensions, type BreakdownDimension } from '../../domain/breakdown.js';
import { journeyRouteLabels } from '../../domain/codes.js';
import { windowFigures } from '../../domain/aim-window.js';
import { journeysSettledIn, parseMonth } from '../../domain/aim-months.js';
import { journeysSettledInQuarter, parseQuarter } from '../../domain/aim-quarters.js';
import { quarterPeriod } from '../../domain/monthly-run-chart.js';
import { monthWords, type PlainDate } from '../../domain/date.js';
import { filterWords } from '../../domain/child-filter.js';
import { cohortJourneyJson } from '../../domain/figures-json.js';
import { countedStatuses, journeyStatuses, type JourneyStatus } from '../../domain/status.js';
import { aimSubject, type AimSubject } from '../../domain/aim.js';
import { leaveReasonWords, milestoneOf, statusLabels, statusMeaning } from '../../domain/status-words.js';
import type { AimResult } from '../../app/authority-figures.js';
import { authorityPath } from '../views/layout.js';
import { formatWeeks, longDate } from '../../app/format.js';
import { scopeQuery, type FigureScope } from '../forms/figure-scope.js';

/** Which journeys: one status, the denominator, those still waiting, or the whole cohort. */
export const journeyListFilters = [...journeyStatuses, 'counted', 'still-waiting', 'all'] as const;
export type JourneyListFilter = (typeof journeyListFilters)[number];

export const journeyListQuery = z.object({
  as_at: z.string().max(20).optional(),
  status: z.enum(journeyListFilters).default('all'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  /** Only the journeys settled in the last this-many months (decision 0019), as the dashboard's recent figure counts them. */
  months: z.coerce.number().int().min(1).max(120).optional(),
  /**
   * Only the journeys settled in this calendar month, "2021-03" (a point of the month-by-month chart:
   * aim-months.ts), or this calendar quarter, "2021-Q1" (a point of the quarter-by-quarter chart: aim-quarters.ts).
   */
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$/).optional(),
  /** Only the journeys of one group of a breakdown (docs/decisions/0026-breakdowns.md): its dimension and the group's key. */
  by: z.enum(breakdownDimensions).optional(),
  group: z.string().max(200).optional(),
});
export type JourneyListQuery = z.infer<typeof journeyListQuery>;

export const journeyPageSize = 50;

const filterStatuses: Readonly<Record<JourneyListFilter, readonly JourneyStatus[]>> = {
  in_time: ['in_time'],
  late: ['late'],
  overdue: ['overdue'],
  waiting: ['waiting'],
  left_late: ['left_late'],
  left_early: ['left_early'],
  counted: countedStatuses,
  'still-waiting': ['waiting', 'overdue'],
  all: journeyStatuses,
};

/**
 * The aim's cohort journeys a filter picks, longest first (then by child), as the list shows them;
 * with `months`, only those settled in the last that-many months (the recent figure's journeys);
 * with `month` ("2021-03"), only those settled in that month (a point of the month-by-month chart).
 */
export function journeysFor(result: AimResult, filter: JourneyListFilter, months?: number, month?: string, group?: JourneyGroup): CohortJourney[] {
  const statuses = filterStatuses[filter];
  const inMonth = month === undefined ? null : parseMonth(month);
  const inQuarter = month === undefined ? null : parseQuarter(month);
  const journeys =
    inMonth !== null
      ? journeysSettledIn(result.figures, inMonth)
      : inQuarter !== null
        ? journeysSettledInQuarter(result.figures, inQuarter)
        : months === undefined
          ? result.figures.journeys
          : windowFigures(result.figures, months).journeys;
  const inGroup = group === undefined ? null : new Set(group.journeys);
  return journeys.filter((j) => statuses.includes(j.status) && (inGroup === null || inGroup.has(j))).sort((a, b) => b.days - a.days || a.startDay - b.startDay || compare(a.journey.childId, b.journey.childId));
}

/** One group of a breakdown, as a journey list is limited to it: what it is, in words, and its journeys. */
export interface JourneyGroup {
  readonly by: BreakdownDimension;
  readonly key: string;
  /** "Children aged 12–15". */
  readonly words: string;
  readonly journeys: readonly CohortJourney[];
}

/** "March 2021" for "2021-03"; "January to March 2021" for "2021-Q1". */
function periodWords(month: string): string {
  const quarter = parseQuarter(month);
  return quarter ? quarterPeriod.words(quarter) : monthWords(parseMonth(month) as PlainDate);
}

export interface JourneyListRow {
  readonly childId: string;
  readonly childHref: string;
  readonly started: string;
  /** The day the milestone was reached, the day the child left and why, or "Not yet". */
  readonly outcome: string;
  readonly due: string;
  readonly weeks: string;
  readonly route: string;
  readonly status: JourneyStatus;
  readonly statusLabel: string;
}

export interface JourneyListModel {
  readonly aimName: string;
  readonly sentence: string;
  readonly asAtWords: string;
  readonly fromWords: string;
  /** "team North East", or null for every child. */
  readonly filterWords: string | null;
  /** "In the last 12 months (…)", when the list is the recent figure's. */
  readonly monthsWords: string | null;
  readonly months: number | null;
  /** The month ("2021-03") when the list is one point of the month-by-month chart. */
  readonly month: string | null;
  /** The group of a breakdown the list is limited to ("Children aged 12–15"), and its address's part. */
  readonly group: { readonly words: string; readonly by: BreakdownDimension; readonly key: string } | null;
  readonly filter: JourneyListFilter;
  /** "Left after the timescale", "Counted in the percentage". */
  readonly title: string;
  /** What the journeys listed have in common, in a sentence. */
  readonly meaning: string;
  readonly total: number;
  readonly rows: readonly JourneyListRow[];
  readonly page: number;
  readonly pages: number;
  readonly pageHref: (page: number) => string;
  readonly csvHref: string;
  /** The other lists of this aim, each with its count. */
  readonly others: readonly { readonly filter: JourneyListFilter; readonly label: string; readonly count: number; readonly href: string; readonly current: boolean }[];
  readonly aimHref: string;
}

const filterTitles: Readonly<Record<Exclude<JourneyListFilter, JourneyStatus>, string>> = {
  counted: 'Counted in the percentage',
  'still-waiting': 'Still waiting',
  all: 'Every journey in the cohort',
};

export function filterTitle(filter: JourneyListFilter): string {
  return filter in statusLabels ? statusLabels[filter as JourneyStatus] : filterTitles[filter as keyof typeof filterTitles];
}

function filterMeaning(filter: JourneyListFilter, result: AimResult): string {
  const kind = aimSubject(result.aim);
  switch (filter) {
    case 'counted':
      return `The denominator n of the percentage: in time, late, overdue and left after the timescale. Waiting within the timescale and left within it are not counted.`;
    case 'still-waiting':
      return `Still waiting for ${milestoneOf(kind)}, within the timescale or past it: the children on the waiting chart who started on or after the aim's from-date.`;
    case 'all':
      return `Every journey in the aim's cohort, whatever its status.`;
    default:
      return statusMeaning(filter, kind);
  }
}

/** The address of an aim's journey list, for a scope (as-at date and whose children). */
export function journeyListHref(
  code: string,
  aimId: string,
  filter: JourneyListFilter,
  scope: Pick<FigureScope, 'asAt' | 'filter'>,
  extra: { page?: number; csv?: boolean; months?: number | undefined; month?: string | undefined; group?: { readonly by: BreakdownDimension; readonly key: string } | undefined } = {},
): string {
  const params: Record<string, string> = { status: filter };
  if (extra.months !== undefined) params.months = String(extra.months);
  if (extra.month !== undefined) params.month = extra.month;
  if (extra.group !== undefined) {
    params.by = extra.group.by;
    params.group = extra.group.key;
  }
  if (extra.page !== undefined && extra.page > 1) params.page = String(extra.page);
  return authorityPath(code, `/aims/${encodeURIComponent(aimId)}/journeys${extra.csv ? '.csv' : ''}${scopeQuery(scope, params)}`);
}

export function presentJourneyList(code: string, scope: FigureScope, result: AimResult, query: JourneyListQuery, group?: JourneyGroup): JourneyListModel {
  const { months, month } = query;
  const all = journeysFor(result, query.status, months, month, group);
  const groupPart = group && { by: group.by, key: group.key };
  const pages = Math.max(1, Math.ceil(all.length / journeyPageSize));
  const page = Math.min(query.page, pages);
  const { figures } = result;
  const window = months === undefined ? null : windowFigures(figures, months);
  return {
    aimName: result.aim.name,
    sentence: result.sentence,
    asAtWords: longDate(scope.asAt),
    fromWords: figures.fromDate ? `Journeys starting on or after ${longDate(figures.fromDate)}.` : 'Every journey, whenever it started.',
    filterWords: filterWords(scope.filter),
    monthsWords:
      month !== undefined
        ? `Only those settled in ${periodWords(month)}: in time on the day they reached the milestone; late, overdue or left after the timescale on the day after their due date. The journeys of that ${parseQuarter(month) ? 'quarter on the quarter-by-quarter' : 'month on the month-by-month'} chart.`
        : window === null
          ? null
          : `Only those that reached the milestone in time, or went past their timescale, in the last ${months} months, ${longDate(window.from)} to ${longDate(window.to)}: the journeys of the recent figure.`,
    months: months ?? null,
    month: month ?? null,
    group: group ? { words: group.words, by: group.by, key: group.key } : null,
    filter: query.status,
    title: filterTitle(query.status),
    meaning: filterMeaning(query.status, result),
    total: all.length,
    rows: all.slice((page - 1) * journeyPageSize, page * journeyPageSize).map((j) => presentRow(code, j, aimSubject(result.aim))),
    page,
    pages,
    pageHref: (n) => journeyListHref(code, result.aim.id, query.status, scope, { page: n, months, month, group: groupPart }),
    csvHref: journeyListHref(code, result.aim.id, query.status, scope, { csv: true, months, month, group: groupPart }),
    others: journeyListFilters.map((filter) => ({
      filter,
      label: filterTitle(filter),
      count: filter === query.status ? all.length : journeysFor(result, filter, months, month, group).length,
      href: journeyListHref(code, result.aim.id, filter, scope, { months, month, group: groupPart }),
      current: filter === query.status,
    })),
    aimHref: authorityPath(code, `/aims/${encodeURIComponent(result.aim.id)}${scopeQuery(scope)}`),
  };
}

function presentRow(code: string, j: CohortJourney, subject: AimSubject): JourneyListRow {
  const { journey } = j;
  return {
    childId: journey.childId,
    childHref: authorityPath(code, `/children/${encodeURIComponent(journey.childId)}`),
    started: longDate(journey.start),
    outcome: journey.end
      ? `Reached on ${longDate(journey.end)}`
      : journey.leave && journey.leaveReason
        ? `Left on ${longDate(journey.leave)}: ${leaveReasonWords(journey.leaveReason, subject)}`
        : 'Not yet',
    due: longDate(j.due),
    weeks: formatWeeks(j.weeks),
    route: journeyRouteLabels[journey.route],
    status: j.status,
    statusLabel: statusLabels[j.status],
  };
}

/**
 * The list as CSV rows: one a journey, every journey of the filter (no paging). Made 1,000 journeys
 * at a time, awaiting `pause` between them, so that a list of 20,000 does not hold up the server.
 */
export async function journeyListCsvRows(result: AimResult, filter: JourneyListFilter, months: number | undefined, month: string | undefined, group: JourneyGroup | undefined, pause: () => Promise<void>): Promise<{ header: string[]; rows: (string | number | null)[][] }> {
  const header = ['child_id', 'start', 'end', 'leave', 'leave_reason', 'due', 'weeks', 'route', 'status'];
  const rows: (string | number | null)[][] = [];
  for (const j of journeysFor(result, filter, months, month, group)) {
    const json = cohortJourneyJson(j);
    rows.push([json.child_id, json.start, json.end, json.leave, json.leave_reason, json.due, json.weeks, json.route, json.status]);
    if (rows.length % 1000 === 0) await pause();
  }
  return { header, rows };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
