/** The dashboard's view model: per aim, its sentence, headline, charts and what the rules say. */
import { aimRunChartWords } from '../../domain/aim-run-chart.js';
import type { PlainDate } from '../../domain/date.js';
import type { JourneyStatus } from '../../domain/status.js';
import { statusLabels, statusMeaning } from '../../domain/status-words.js';
import type { AimResult, AuthorityFigures } from '../../app/authority-figures.js';
import { aimRunChartSvg, aimWaitingChartSvg } from '../../charts/aim-charts.js';
import { authorityPath } from '../views/layout.js';
import { trustedSvg, type TrustedSvg } from '../views/trusted-svg.js';
import { aimWords, countedInN, statusOrder } from '../../app/aim-words.js';
import { formatPercent, formatWeeks, longDate } from '../../app/format.js';
import { journeyListHref, type JourneyListFilter } from './journey-list.js';
import { timescaleWeeks, waitingGroupHref } from './timeline-group.js';
import { summariseVerdicts } from '../../app/verdict-words.js';

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
    aims: figures.aims.map((result) => presentAim(figures.authority.code, figures.asAt, figures.authority.programmeStart, result)),
  };
}

/**
 * More dots than this and a run chart is shown as a picture rather than as links: hundreds of links
 * in one chart are more than a keyboard or screen-reader user can move through, and the page
 * would weigh megabytes. The table on the aim's page links every child.
 */
export const maxLinkedPoints = 300;

/** One aim's part of the dashboard (and of its own page), its charts drawn with a link from each dot and bar to the child. */
export function presentAim(code: string, asAt: PlainDate, programmeStart: PlainDate | null, result: AimResult, options: { allVerdicts?: boolean } = {}): DashboardAim {
  const { aim, figures } = result;
  const base = authorityPath(code, `/aims/${encodeURIComponent(aim.id)}`);
  const query = `?as_at=${asAt.toString()}`;
  const links = (chart: string): ChartLinks => ({ svg: `${base}/${chart}.svg${query}`, png: `${base}/${chart}.png${query}`, csv: `${base}/${chart}.csv${query}` });
  const listOf = (filter: JourneyListFilter, count: number): LinkedCount => ({ count, href: journeyListHref(code, aim.id, filter, asAt) });
  const childHref = (childId: string) => authorityPath(code, `/children/${encodeURIComponent(childId)}`);
  const statusCounts = Object.fromEntries(statusOrder.map((s) => [s, listOf(s, figures.counts[s])])) as Record<JourneyStatus, LinkedCount>;
  const words = aimWords(figures);
  return {
    id: aim.id,
    name: aim.name,
    sentence: result.sentence,
    headline: words.headline,
    noPercentage: words.noPercentage,
    summary: {
      percent: figures.percentage === null ? '—' : formatPercent(figures.percentage),
      n: listOf('counted', figures.n),
      counts: statusCounts,
      median: figures.medianWeeks === null ? '—' : formatWeeks(figures.medianWeeks),
    },
    target: words.target,
    n: listOf('counted', figures.n),
    counts: statusOrder.map((status) => ({ status, label: statusLabels[status], meaning: statusMeaning(status, aim.kind), counted: countedInN(status), ...statusCounts[status] })),
    cohortWords: words.cohort,
    median: words.median,
    waiting: words.waiting,
    waitingHref: figures.stillWaiting > 0 ? listOf('still-waiting', figures.stillWaiting).href : null,
    backlog: words.backlog,
    runChart:
      result.chart.series.points.length > maxLinkedPoints
        ? { kind: 'picture', src: links('run-chart').svg, alt: `Run chart of ${aim.name}: ${result.chart.series.points.length} dots, one a journey that reached the milestone, at the date it did; height the weeks it took.` }
        : { kind: 'inline', svg: trustedSvg(aimRunChartSvg(aim, result.chart, programmeStart, result.marks, { hrefOf: childHref })) },
    waitingChart: trustedSvg(aimWaitingChartSvg(aim, result.chart.series, { hrefOf: childHref })),
    runLinks: links('run-chart'),
    waitingLinks: links('waiting-chart'),
    tablesHref: `${base}${query}`,
    timelines: { text: `Timelines of children waiting more than ${timescaleWeeks(aim.timescale)} weeks`, href: waitingGroupHref(code, aim, timescaleWeeks(aim.timescale), asAt) },
    verdicts: options.allVerdicts ? aimRunChartWords(result.chart) : summariseVerdicts(result.chart),
    marksKey: result.marks.map((m) => `${m.label}: ${m.description}`),
    points: result.chart.series.points.length,
    waitingCount: result.chart.series.waiting.length,
  };
}
