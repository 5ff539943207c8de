/**
 * The dashboard's view model: each aim at a glance — the answer to "are we getting better?", the
 * figure for a recent window beside the figure since the aim's from-date, who is still waiting, and a
 * small run chart — every number leading to the journeys behind it (docs/decisions/0019-answers.md).
 */
import type { AimAnswer } from '../../domain/aim-answer.js';
import { windowFigures, type WindowFigures } from '../../domain/aim-window.js';
import { filterWords } from '../../domain/child-filter.js';
import type { JourneyStatus } from '../../domain/status.js';
import { aimSubject } from '../../domain/aim.js';
import { statusLabels, statusMeaning } from '../../domain/status-words.js';
import { aimQuarters, quarterKey, type AimQuarter } from '../../domain/aim-quarters.js';
import { quarterPeriod } from '../../domain/monthly-run-chart.js';
import type { AimResult, AuthorityFigures } from '../../app/authority-figures.js';
import { aimWords, answerSentence, countedInN, statusOrder, windowSentence } from '../../app/aim-words.js';
import { formatPercent, formatWeeks, longDate, plural } from '../../app/format.js';
import { scopeQuery, type FigureScope } from '../forms/figure-scope.js';
import { authorityPath } from '../views/layout.js';
import { journeyListHref, type JourneyListFilter } from './journey-list.js';

/** A count that leads to the journeys it counts. */
export interface LinkedCount {
  readonly count: number;
  readonly href: string;
}

/** One status's count with its meaning, for the list of counts. */
export interface StatusCount extends LinkedCount {
  readonly status: JourneyStatus;
  readonly label: string;
  readonly meaning: string;
  /** In the denominator n. */
  readonly counted: boolean;
}

/** A percentage in time over some journeys: the window's, or since the from-date. */
export interface FigureBox {
  /** "Last 12 months", "Since 2 July 2018". */
  readonly label: string;
  /** "62.5%", or null when no journey is counted yet. */
  readonly percent: string | null;
  readonly inTime: LinkedCount;
  readonly n: LinkedCount;
  /** Which journeys, in a sentence. */
  readonly explanation: string;
}

export interface AimAnswerModel {
  readonly kind: AimAnswer['kind'];
  readonly words: string;
}

export interface AimGlance {
  readonly id: string;
  readonly name: string;
  /** The aim's page, for this scope. */
  readonly href: string;
  readonly answer: AimAnswerModel;
  readonly recent: FigureBox;
  readonly since: FigureBox;
  readonly target: string | null;
  /** Still waiting (in the cohort), and of them overdue. */
  readonly stillWaiting: LinkedCount;
  readonly overdue: LinkedCount;
  readonly longestWait: string | null;
  /** The small run chart, a picture that leads to the aim's page (where each dot leads to its child). */
  readonly chart: { readonly src: string; readonly alt: string } | null;
  /** Quarter by quarter: the run chart of the percentage, a picture leading to the aim's quarters, and the latest quarter in words with its counts. */
  readonly quarters: { readonly src: string; readonly alt: string; readonly href: string; readonly latest: { readonly words: string; readonly inTime: LinkedCount; readonly n: LinkedCount; readonly median: string } | null } | null;
  /** Every count, for the table under the aims. */
  readonly summary: { readonly percent: string; readonly n: LinkedCount; readonly counts: Readonly<Record<JourneyStatus, LinkedCount>>; readonly median: string };
}

export interface DashboardModel {
  readonly asAtWords: string;
  readonly programmeStart: string | null;
  /** "team North East", or null for every child. */
  readonly filterWords: string | null;
  readonly window: number;
  readonly childCount: number;
  readonly aims: readonly AimGlance[];
}

/**
 * The dashboard's model, an aim at a time with `between` awaited after each (a server lets other
 * requests in between: an aim's glance reads every journey of the aim, twelve aims tens of
 * milliseconds for a large authority).
 */
export async function presentDashboard(figures: AuthorityFigures, scope: FigureScope, between: () => Promise<void> = () => Promise.resolve()): Promise<DashboardModel> {
  const aims: AimGlance[] = [];
  for (const result of figures.aims) {
    aims.push(presentGlance(figures.authority.code, scope, result));
    await between();
  }
  return {
    asAtWords: longDate(figures.asAt),
    programmeStart: figures.authority.programmeStart ? longDate(figures.authority.programmeStart) : null,
    filterWords: filterWords(figures.filter),
    window: scope.window,
    childCount: figures.childCount,
    aims,
  };
}

/** The address of an aim's page for a scope. */
export function aimHref(code: string, aimId: string, scope: FigureScope, fragment = ''): string {
  return authorityPath(code, `/aims/${encodeURIComponent(aimId)}${scopeQuery(scope)}${fragment}`);
}

export function presentAnswer(result: AimResult): AimAnswerModel {
  return { kind: result.answer.kind, words: answerSentence(result.aim, result.answer) };
}

/** The window's figure and the figure since the from-date, each count a link to its journeys. */
export function presentFigureBoxes(code: string, scope: FigureScope, result: AimResult): { recent: FigureBox; since: FigureBox; window: WindowFigures } {
  const { aim, figures } = result;
  const window = windowFigures(figures, scope.window);
  const listOf = (filter: JourneyListFilter, count: number, months?: number): LinkedCount => ({ count, href: journeyListHref(code, aim.id, filter, scope, { months }) });
  return {
    window,
    recent: {
      label: `Last ${scope.window} months`,
      percent: window.percentage === null ? null : formatPercent(window.percentage),
      inTime: listOf('in_time', window.counts.in_time, scope.window),
      n: listOf('counted', window.n, scope.window),
      explanation: windowSentence(window),
    },
    since: {
      label: figures.fromDate ? `Since ${longDate(figures.fromDate)}` : 'Since records began',
      percent: figures.percentage === null ? null : formatPercent(figures.percentage),
      inTime: listOf('in_time', figures.counts.in_time),
      n: listOf('counted', figures.n),
      explanation: figures.fromDate ? `Journeys starting on or after ${longDate(figures.fromDate)}, the aim's from-date.` : 'Every journey, whenever it started.',
    },
  };
}

/** Every status's count, each leading to its journeys. */
export function statusCounts(code: string, scope: FigureScope, result: AimResult): Record<JourneyStatus, LinkedCount> {
  return Object.fromEntries(statusOrder.map((s) => [s, { count: result.figures.counts[s], href: journeyListHref(code, result.aim.id, s, scope) }])) as Record<JourneyStatus, LinkedCount>;
}

export function presentStatusCounts(code: string, scope: FigureScope, result: AimResult): StatusCount[] {
  const counts = statusCounts(code, scope, result);
  return statusOrder.map((status) => ({ status, label: statusLabels[status], meaning: statusMeaning(status, aimSubject(result.aim)), counted: countedInN(status), ...counts[status] }));
}

function presentGlance(code: string, scope: FigureScope, result: AimResult): AimGlance {
  const { aim, figures } = result;
  const { recent, since } = presentFigureBoxes(code, scope, result);
  const words = aimWords(figures);
  const points = result.chart.series.weeks.length;
  const chartQuery = scopeQuery(scope);
  return {
    id: aim.id,
    name: aim.name,
    href: aimHref(code, aim.id, scope),
    answer: presentAnswer(result),
    recent,
    since,
    target: words.target,
    stillWaiting: { count: figures.stillWaiting, href: journeyListHref(code, aim.id, 'still-waiting', scope) },
    overdue: { count: figures.counts.overdue, href: journeyListHref(code, aim.id, 'overdue', scope) },
    longestWait: figures.longestWaitWeeks === null ? null : formatWeeks(figures.longestWaitWeeks),
    chart:
      points === 0
        ? null
        : {
            src: authorityPath(code, `/aims/${encodeURIComponent(aim.id)}/run-chart-small.svg${chartQuery}`),
            alt: `Run chart of ${aim.name}: ${plural(points, 'child', 'children')}, one dot each at the date they reached the milestone, height the weeks it took. ${answerSentence(aim, result.answer)}`,
          },
    quarters: presentQuarters(code, scope, result, chartQuery),
    summary: {
      percent: figures.percentage === null ? '—' : formatPercent(figures.percentage),
      n: { count: figures.n, href: journeyListHref(code, aim.id, 'counted', scope) },
      counts: statusCounts(code, scope, result),
      median: figures.medianWeeks === null ? '—' : formatWeeks(figures.medianWeeks),
    },
  };
}

/** The aim quarter by quarter on its card: its run chart as a picture, and the latest quarter with a journey settled. */
function presentQuarters(code: string, scope: FigureScope, result: AimResult, chartQuery: string): AimGlance['quarters'] {
  const { aim } = result;
  const quarters = aimQuarters(result.figures);
  const plotted = quarters.filter((q) => q.value !== null);
  if (plotted.length === 0) return null;
  const last = plotted[plotted.length - 1] as AimQuarter;
  const key = quarterKey(last.month);
  const latestWords = `${quarterPeriod.words(last.month)}: ${formatPercent(last.value as number)} in time`;
  return {
    src: authorityPath(code, `/aims/${encodeURIComponent(aim.id)}/quarters-small.svg${chartQuery}`),
    alt: `Run chart of ${aim.name} quarter by quarter: ${plotted.length} ${plotted.length === 1 ? 'quarter' : 'quarters'}, one dot each, height the percentage in time of the journeys settled in it. The latest, ${latestWords}.`,
    href: `${aimHref(code, aim.id, scope)}#quarter-by-quarter`,
    latest: {
      words: latestWords,
      inTime: { count: last.inTime, href: journeyListHref(code, aim.id, 'in_time', scope, { month: key }) },
      n: { count: last.n, href: journeyListHref(code, aim.id, 'counted', scope, { month: key }) },
      median: last.medianWeeks === null ? 'no journey completed' : `median ${formatWeeks(last.medianWeeks)} of the ${last.completed} completed`,
    },
  };
}
