/** The dashboard's view model: per aim, its sentence, headline, charts and what the rules say. */
import type { AimFigures } from '../../domain/aim-figures.js';
import { aimRunChartWords } from '../../domain/aim-run-chart.js';
import type { PlainDate } from '../../domain/date.js';
import type { JourneyStatus } from '../../domain/status.js';
import { statusLabels, statusMeaning } from '../../domain/status-words.js';
import type { AimResult, AuthorityFigures } from '../../app/authority-figures.js';
import { authorityPath } from '../views/layout.js';
import { trustedSvg, type TrustedSvg } from '../views/trusted-svg.js';
import { formatPercent, formatWeeks, longDate, plural } from './format.js';
import { journeyListHref, type JourneyListFilter } from './journey-list.js';
import { timescaleWeeks, waitingGroupHref } from './timeline-group.js';
import { summariseVerdicts } from './verdicts.js';

export interface ChartLinks {
  readonly svg: string;
  readonly png: string;
  readonly csv: string;
}

/** A count that leads to the journeys it counts. */
export interface LinkedCount {
  readonly count: number;
  readonly href: string;
}

/** One status's count with its meaning, for the list under the headline. */
export interface StatusCount extends LinkedCount {
  readonly status: JourneyStatus;
  readonly label: string;
  readonly meaning: string;
  /** In the denominator n. */
  readonly counted: boolean;
}

export interface DashboardAim {
  readonly id: string;
  readonly name: string;
  readonly sentence: string;
  /** "62.5% in time", or null with `noPercentage` saying why there is none yet. */
  readonly headline: string | null;
  readonly noPercentage: string;
  /** For the summary table: each count with the list of its journeys. */
  readonly summary: { readonly percent: string; readonly n: LinkedCount; readonly counts: Readonly<Record<JourneyStatus, LinkedCount>>; readonly median: string };
  readonly target: string | null;
  /** "n = 8 (the journeys counted)", leading to them. */
  readonly n: LinkedCount;
  /** Every status with its count, meaning and list: the counted ones first. */
  readonly counts: readonly StatusCount[];
  /** Whose journeys these are: "Journeys starting on or after 2 July 2018." */
  readonly cohortWords: string;
  readonly median: string;
  readonly waiting: string;
  /** The list of those still waiting (in the cohort), when there are any. */
  readonly waitingHref: string | null;
  readonly backlog: string | null;
  /** The run chart in the page with its dots linked, or (with too many dots) a picture of it. */
  readonly runChart: { readonly kind: 'inline'; readonly svg: TrustedSvg } | { readonly kind: 'picture'; readonly src: string; readonly alt: string };
  readonly waitingChart: TrustedSvg;
  readonly runLinks: ChartLinks;
  readonly waitingLinks: ChartLinks;
  /** The aim's page, where each chart's data is shown as a table. */
  readonly tablesHref: string;
  /** The group timelines of the children waiting longer than the aim's timescale. */
  readonly timelines: { readonly text: string; readonly href: string };
  readonly verdicts: readonly string[];
  /** The tests of change marked on the run chart, each in words. */
  readonly marksKey: readonly string[];
  readonly points: number;
  readonly waitingCount: number;
}

export interface DashboardModel {
  readonly authorityName: string;
  readonly asAt: string;
  readonly asAtWords: string;
  readonly programmeStart: string | null;
  readonly aims: readonly DashboardAim[];
}

export function presentDashboard(figures: AuthorityFigures): DashboardModel {
  return {
    authorityName: figures.authority.name,
    asAt: figures.asAt.toString(),
    asAtWords: longDate(figures.asAt),
    programmeStart: figures.authority.programmeStart ? longDate(figures.authority.programmeStart) : null,
    aims: figures.aims.map((result) => presentAim(figures.authority.code, figures.asAt, result)),
  };
}

export function presentAim(code: string, asAt: PlainDate, result: AimResult, options: { allVerdicts?: boolean } = {}): DashboardAim {
  const { aim, figures } = result;
  const base = authorityPath(code, `/aims/${encodeURIComponent(aim.id)}`);
  const query = `?as_at=${asAt.toString()}`;
  const links = (chart: string): ChartLinks => ({ svg: `${base}/${chart}.svg${query}`, png: `${base}/${chart}.png${query}`, csv: `${base}/${chart}.csv${query}` });
  const listOf = (filter: JourneyListFilter, count: number): LinkedCount => ({ count, href: journeyListHref(code, aim.id, filter, asAt) });
  const statusCounts = Object.fromEntries(statusOrder.map((s) => [s, listOf(s, figures.counts[s])])) as Record<JourneyStatus, LinkedCount>;
  return {
    id: aim.id,
    name: aim.name,
    sentence: result.sentence,
    headline: figures.percentage === null ? null : `${formatPercent(figures.percentage)} in time`,
    noPercentage: 'No percentage yet: no journey in the cohort has reached its milestone or become overdue.',
    summary: {
      percent: figures.percentage === null ? '—' : formatPercent(figures.percentage),
      n: listOf('counted', figures.n),
      counts: statusCounts,
      median: figures.medianWeeks === null ? '—' : formatWeeks(figures.medianWeeks),
    },
    target: aim.targetPercent === null ? null : `Target: ${aim.targetPercent}%${aim.byDate ? ` by ${longDate(aim.byDate)}` : ''}`,
    n: listOf('counted', figures.n),
    counts: statusOrder.map((status) => ({ status, label: statusLabels[status], meaning: statusMeaning(status, aim.kind), counted: countedInN(status), ...statusCounts[status] })),
    cohortWords: cohortWords(figures),
    median: figures.medianWeeks === null ? 'No journey has reached its milestone yet.' : `Median time to the milestone: ${formatWeeks(figures.medianWeeks)} (journeys that reached it).`,
    waiting:
      figures.stillWaiting === 0
        ? 'Nobody in the cohort is still waiting.'
        : `${plural(figures.stillWaiting, 'child', 'children')} in the cohort still waiting, the longest for ${formatWeeks(figures.longestWaitWeeks ?? 0)}. The waiting chart shows everyone still waiting, whenever they started; nobody who has left is on it.`,
    waitingHref: figures.stillWaiting > 0 ? listOf('still-waiting', figures.stillWaiting).href : null,
    backlog: figures.backlog
      ? `Backlog: of ${plural(figures.backlog.total, 'journey')} started before ${longDate(figures.backlog.startedBefore)}, ${figures.backlog.complete} had reached the milestone, ${figures.backlog.left} had left without it and ${figures.backlog.stillWaiting} were still waiting (aim: all by ${longDate(figures.backlog.byDate)}).`
      : null,
    runChart:
      result.runSvgLinked === null
        ? { kind: 'picture', src: links('run-chart').svg, alt: `Run chart of ${aim.name}: ${result.chart.series.points.length} dots, one a journey that reached the milestone, at the date it did; height the weeks it took.` }
        : { kind: 'inline', svg: trustedSvg(result.runSvgLinked) },
    waitingChart: trustedSvg(result.waitingSvgLinked),
    runLinks: links('run-chart'),
    waitingLinks: links('waiting-chart'),
    tablesHref: `${base}${query}`,
    timelines: { text: `Timelines of children waiting more than ${timescaleWeeks(aim.timescale)} weeks`, href: waitingGroupHref(code, aim, timescaleWeeks(aim.timescale), asAt) },
    verdicts: options.allVerdicts ? aimRunChartWords(result.chart) : summariseVerdicts(result.chart),
    marksKey: (result.marks ?? []).map((m) => `${m.label}: ${m.description}`),
    points: result.chart.series.points.length,
    waitingCount: result.chart.series.waiting.length,
  };
}

/** The counts in one sentence, for print: "n = 8: 5 in time, 2 late, 1 overdue, 0 left after the timescale; not counted: …". */
export function countsSentence(aim: DashboardAim): string {
  const of = (status: JourneyStatus) => aim.counts.find((c) => c.status === status)?.count ?? 0;
  return `n = ${aim.n.count}: ${of('in_time')} in time, ${of('late')} late, ${of('overdue')} overdue, ${of('left_late')} left after the timescale; not counted: ${of('waiting')} waiting within the timescale, ${of('left_early')} left within it. ${aim.cohortWords}`;
}

/** The statuses in the order a reader meets them: the four counted in n, then the two that are not. */
const statusOrder: readonly JourneyStatus[] = ['in_time', 'late', 'overdue', 'left_late', 'waiting', 'left_early'];

function countedInN(status: JourneyStatus): boolean {
  return status !== 'waiting' && status !== 'left_early';
}

function cohortWords(figures: AimFigures): string {
  return figures.fromDate ? `Journeys starting on or after ${longDate(figures.fromDate)}.` : 'Every journey, whenever it started.';
}
