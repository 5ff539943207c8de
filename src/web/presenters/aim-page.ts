/**
 * An aim's page: the answer first, then the figures with every count leading to its journeys, the
 * run chart at full width with each dot a link to its child, the waiting chart, what the rules find
 * (grouped, current phase first), the first page of each chart's data with paging and CSV, and the
 * stage and survival views.
 */
import { aimRunChartSvg, aimStageChartSvg, aimSurvivalChartSvg, aimWaitingChartSvg } from '../../charts/aim-charts.js';
import { aimMonthsChartSvg, percentText } from '../../charts/aim-months-chart.js';
import { aimQuarterMediansChartSvg, aimQuartersChartSvg } from '../../charts/aim-quarters-chart.js';
import { aimQuarters, aimQuartersChart, quarterKey } from '../../domain/aim-quarters.js';
import { monthlyRunChart, quarterPeriod } from '../../domain/monthly-run-chart.js';
import { aimMonths, aimMonthsChart } from '../../domain/aim-months.js';
import { monthWords, type PlainDate } from '../../domain/date.js';
import type { AimViews } from '../../app/aim-views.js';
import type { AimResult, AuthorityFigures } from '../../app/authority-figures.js';
import { aimWords } from '../../app/aim-words.js';
import { formatWeeks, longDate, plural } from '../../app/format.js';
import { findingGroups, type FindingGroup } from '../../app/verdict-words.js';
import { filterWords } from '../../domain/child-filter.js';
import { scopeQuery, type FigureScope } from '../forms/figure-scope.js';
import { authorityPath } from '../views/layout.js';
import type { TableModel } from '../views/components.js';
import { drawnForWidths, trustedSvg, type ChartForWidths, type PhonePicture, type TrustedSvg } from '../views/trusted-svg.js';
import { inlinePicture } from '../../charts/inline-picture.js';
import { runTableModel, stagesTableModel, survivalTableModel, waitingTableModel } from './chart-tables.js';
import { aimHref, presentAnswer, presentFigureBoxes, presentStatusCounts, type AimAnswerModel, type FigureBox, type LinkedCount, type StatusCount } from './dashboard.js';
import { breakdownHref } from './breakdown.js';
import { journeyListHref } from './journey-list.js';
import { timescaleWeeks, waitingGroupHref } from './timeline-group.js';

export interface ChartLinks {
  readonly svg: string;
  readonly png: string;
  readonly csv: string;
}

/** One page of a table, with the way to the others and to all of it as CSV. */
export interface PagedTable {
  readonly id: string;
  readonly table: TableModel;
  readonly total: number;
  /** The number of the first row shown, from 1. */
  readonly first: number;
  readonly page: number;
  readonly pages: number;
  readonly pageHref: (page: number) => string;
  readonly csvHref: string;
}

export interface AimChart {
  readonly id: string;
  readonly heading: string;
  /** What the chart is, for its download links: "stages chart". */
  readonly name: string;
  readonly explanation: string;
  readonly svg: ChartForWidths;
  readonly links: ChartLinks;
  readonly table: PagedTable;
}

/** The aim month by month: the percentage in time of the journeys settled in each month (aim-months.ts). */
export interface AimMonthsModel {
  readonly svg: ChartForWidths;
  /** Months with a value on the chart. */
  readonly points: number;
  /** What the rules say of the monthly series. */
  readonly verdicts: readonly string[];
  /** Every month with a value, the latest first, each linking to its journeys. */
  readonly table: TableModel;
}

export interface AimQuartersModel {
  /** The percentage in time a quarter, and the median weeks a quarter. */
  readonly percentSvg: ChartForWidths;
  readonly medianSvg: ChartForWidths;
  /** Quarters with a percentage on the chart. */
  readonly points: number;
  /** What the rules say of the percentages, then of the medians. */
  readonly verdicts: readonly string[];
  readonly medianVerdicts: readonly string[];
  /** Every quarter with a journey settled or completed, the latest first, each count linking to its journeys. */
  readonly table: TableModel;
}

export interface AimPageModel {
  readonly name: string;
  readonly sentence: string;
  readonly asAtWords: string;
  readonly filterWords: string | null;
  readonly answer: AimAnswerModel;
  readonly recent: FigureBox;
  readonly since: FigureBox;
  readonly target: string | null;
  readonly n: LinkedCount;
  readonly counts: readonly StatusCount[];
  readonly cohortWords: string;
  readonly median: string;
  readonly waiting: string;
  readonly waitingHref: string | null;
  readonly backlog: string | null;
  /**
   * The desk's drawing in the page, each dot a link to its child; a phone's is a picture of its own
   * (decision 0034), as a dot a finger cannot pick out is no link, and an authority's thousands of
   * dots drawn twice made the page several megabytes.
   */
  readonly runChart: { readonly svg: TrustedSvg; readonly phone: PhonePicture; readonly links: ChartLinks; readonly points: number; readonly marksKey: readonly string[] };
  readonly findings: readonly FindingGroup[];
  readonly months: AimMonthsModel;
  readonly quarters: AimQuartersModel;
  readonly runTable: PagedTable;
  readonly waitingChart: { readonly svg: ChartForWidths; readonly links: ChartLinks; readonly count: number };
  readonly waitingTable: PagedTable;
  readonly extraCharts: readonly AimChart[];
  readonly timelines: { readonly text: string; readonly href: string };
  readonly driversHref: string;
  /** The same figures by age band, sex, placement type, route, team and locality. */
  readonly breakdownHref: string;
}

/** Rows a page of an aim page's table. */
export const aimTablePageSize = 25;

/** Bars on the aim page's waiting chart: the longest waits; the table under it lists everyone. */
export const aimWaitingBars = 30;

export interface AimPageQuery {
  readonly run_page: number;
  readonly waiting_page: number;
}

/**
 * The aim's page; the charts are drawn by `draw` (once per cache entry, by the route), one after
 * another, each awaited: the route lets the server answer other requests between two drawings (an
 * authority's run chart of thousands of linked dots, its months, quarters, waiting bars, stages and
 * survival drawn in one piece held every other request for 0.3 s).
 */
export async function presentAimPage(figures: AuthorityFigures, scope: FigureScope, result: AimResult, views: AimViews, query: AimPageQuery, draw: <T>(name: string, make: () => T) => Promise<T>): Promise<AimPageModel> {
  const code = figures.authority.code;
  const { aim } = result;
  const words = aimWords(result.figures);
  const { recent, since } = presentFigureBoxes(code, scope, result);
  const base = authorityPath(code, `/aims/${encodeURIComponent(aim.id)}`);
  const fileLinks = (chart: string): ChartLinks => ({ svg: `${base}/${chart}.svg${scopeQuery(scope)}`, png: `${base}/${chart}.png${scopeQuery(scope)}`, csv: `${base}/${chart}.csv${scopeQuery(scope)}` });
  const childHref = (childId: string) => authorityPath(code, `/children/${encodeURIComponent(childId)}`);
  const runChartSvg = await draw(`${aim.id}/run-chart.linked`, () => trustedSvg(aimRunChartSvg(aim, result.chart, figures.authority.programmeStart, result.marks, { hrefOf: childHref })));
  const months = await draw(`${aim.id}/months`, () => presentAimMonths(code, scope, result, figures.authority.programmeStart));
  const quarters = await draw(`${aim.id}/quarters`, () => presentAimQuarters(code, scope, result, figures.authority.programmeStart));
  const waitingSvg = await draw(`${aim.id}/waiting-chart.linked`, () => drawnForWidths((size) => aimWaitingChartSvg(aim, result.chart.series, { hrefOf: childHref, maxBars: aimWaitingBars, size })));
  const stagesSvg = await draw(`${aim.id}/stages.inline`, () => drawnForWidths((size) => inlinePicture(aimStageChartSvg(views.stages, size), `Bar chart of the median weeks between consecutive milestones for ${aim.name}; the table below gives each stage's figures.`)));
  const survivalSvg = await draw(`${aim.id}/survival.inline`, () => drawnForWidths((size) => inlinePicture(aimSurvivalChartSvg(aim, views.survival, size), `Line chart of the percentage of journeys still waiting for ${aim.name}, week by week since they started, before and after the programme start; the table below gives the steps.`)));
  const pageHref = (part: keyof AimPageQuery, page: number, fragment: string) => `${base}${scopeQuery(scope, { ...pageParams(query), [part]: String(page) })}#${fragment}`;
  const paged = (id: string, part: keyof AimPageQuery, table: TableModel, csvHref: string): PagedTable => {
    const pages = Math.max(1, Math.ceil(table.rows.length / aimTablePageSize));
    const page = Math.min(query[part], pages);
    return {
      id,
      table: { ...table, rows: table.rows.slice((page - 1) * aimTablePageSize, page * aimTablePageSize) },
      total: table.rows.length,
      first: (page - 1) * aimTablePageSize + 1,
      page,
      pages,
      pageHref: (n) => pageHref(part, n, id),
      csvHref,
    };
  };
  const weeks = timescaleWeeks(aim.timescale);
  return {
    name: aim.name,
    sentence: result.sentence,
    asAtWords: longDate(figures.asAt),
    filterWords: filterWords(figures.filter),
    answer: presentAnswer(result),
    recent,
    since,
    target: words.target,
    n: { count: result.figures.n, href: journeyListHref(code, aim.id, 'counted', scope) },
    counts: presentStatusCounts(code, scope, result),
    cohortWords: words.cohort,
    median: words.median,
    waiting: words.waiting,
    waitingHref: result.figures.stillWaiting > 0 ? journeyListHref(code, aim.id, 'still-waiting', scope) : null,
    backlog: words.backlog,
    runChart: {
      svg: runChartSvg,
      phone: { href: fileLinks('run-chart-phone').svg, alt: runChartAlt(aim.name, result.chart.series.weeks.length) },
      links: fileLinks('run-chart'),
      points: result.chart.series.weeks.length,
      marksKey: result.marks.map((m) => `${m.label}: ${m.description}`),
    },
    findings: findingGroups(result.chart),
    months,
    quarters,
    runTable: paged('run-chart-table', 'run_page', latestFirst(runTableModel(code, result)), fileLinks('run-chart').csv),
    waitingChart: {
      svg: waitingSvg,
      links: fileLinks('waiting-chart'),
      count: result.chart.series.waiting.length,
    },
    waitingTable: paged('waiting-chart-table', 'waiting_page', waitingTableModel(code, result), fileLinks('waiting-chart').csv),
    extraCharts: [
      {
        id: 'stages',
        heading: 'Where the time goes: the stages',
        name: 'stages chart',
        explanation: 'For the journeys in this aim, the median weeks between each milestone and the next (the bar), and the middle half of journeys (the line). The longest bar is where the delay sits.',
        svg: stagesSvg,
        links: fileLinks('stages'),
        table: firstPageOnly('stages-table', stagesTableModel(result, views), fileLinks('stages').csv),
      },
      {
        id: 'survival',
        heading: 'Time to the milestone, with children still waiting counted',
        name: 'time-to-milestone chart',
        explanation: 'The share of journeys still without their milestone, week by week since they started. Children still waiting count for as long as they have waited, so short waits finishing first cannot make things look better than they are.',
        svg: survivalSvg,
        links: fileLinks('survival'),
        table: firstPageOnly('survival-table', survivalTableModel(result, views), fileLinks('survival').csv),
      },
    ],
    timelines: { text: `Timelines of children waiting more than ${weeks} weeks`, href: waitingGroupHref(code, aim, weeks, figures.asAt) },
    driversHref: `${aimHref(code, aim.id, scope).split('?')[0] as string}/drivers`,
    breakdownHref: breakdownHref(code, aim.id, scope, 'age'),
  };
}

/** The run chart's rows with the most recent child first, as a manager reads them (the CSV keeps the chart's order). */
function latestFirst(table: TableModel): TableModel {
  return { ...table, caption: `${table.caption}, the most recent first`, rows: [...table.rows].reverse() };
}

/** A long table's first rows, the rest in its CSV. */
function firstPageOnly(id: string, table: TableModel, csvHref: string): PagedTable {
  // One page here: the CSV holds every row.
  return { id, table: { ...table, rows: table.rows.slice(0, aimTablePageSize) }, total: table.rows.length, first: 1, page: 1, pages: 1, pageHref: () => csvHref, csvHref };
}

function pageParams(query: AimPageQuery): Record<string, string> {
  const params: Record<string, string> = {};
  if (query.run_page > 1) params.run_page = String(query.run_page);
  if (query.waiting_page > 1) params.waiting_page = String(query.waiting_page);
  return params;
}

function presentAimQuarters(code: string, scope: FigureScope, result: AimResult, programmeStart: PlainDate | null): AimQuartersModel {
  const { aim } = result;
  const quarters = aimQuarters(result.figures);
  const chart = aimQuartersChart(quarters, programmeStart);
  const medians = monthlyRunChart(
    quarters.map((q) => ({ ...q, value: q.medianWeeks })),
    programmeStart,
    quarterPeriod,
  );
  const quarterHref = (quarter: string, filter: 'counted' | 'in_time' | 'all' = 'counted') => journeyListHref(code, aim.id, filter, scope, { month: quarter });
  const href = (quarter: string) => quarterHref(quarter);
  return {
    percentSvg: drawnForWidths((size) => aimQuartersChartSvg(aim, chart, quarters, programmeStart, href, size)),
    medianSvg: drawnForWidths((size) => aimQuarterMediansChartSvg(aim, medians, quarters, programmeStart, href, size)),
    points: chart.plotted.length,
    verdicts: chart.verdicts,
    medianVerdicts: medians.verdicts,
    table: {
      caption: `${aim.name} quarter by quarter: the journeys settled in each quarter and the median weeks of those completed in it, the latest first`,
      columns: ['Quarter', 'In time', 'Settled (n)', '% in time', 'Completed', 'Median weeks'],
      rows: [...quarters]
        .reverse()
        .filter((q) => q.n > 0 || q.completed > 0)
        .map((q) => {
          const key = quarterKey(q.month);
          return [
            quarterPeriod.words(q.month),
            { text: String(q.inTime), href: quarterHref(key, 'in_time') },
            { text: String(q.n), href: quarterHref(key) },
            q.value === null ? 'No figure' : percentText(q.value),
            String(q.completed),
            q.medianWeeks === null ? 'No figure' : formatWeeks(q.medianWeeks),
          ];
        }),
    },
  };
}

function presentAimMonths(code: string, scope: FigureScope, result: AimResult, programmeStart: PlainDate | null): AimMonthsModel {
  const { aim } = result;
  const months = aimMonths(result.figures);
  const chart = aimMonthsChart(months, programmeStart);
  const monthHref = (month: string, filter: 'counted' | 'in_time' = 'counted') => journeyListHref(code, aim.id, filter, scope, { month });
  const svg = drawnForWidths((size) => aimMonthsChartSvg(aim, chart, months, programmeStart, (month) => monthHref(month), [], size));
  return {
    svg,
    points: chart.plotted.length,
    verdicts: chart.verdicts,
    table: {
      caption: `${aim.name} month by month: the journeys settled in each month, the latest first`,
      columns: ['Month', 'In time', 'Settled (n)', '% in time'],
      rows: [...chart.plotted].reverse().map((m) => {
        const month = m.month.toString().slice(0, 7);
        return [monthWords(m.month), { text: String(m.inTime), href: monthHref(month, 'in_time') }, { text: String(m.n), href: monthHref(month) }, percentText(m.value as number)];
      }),
    },
  };
}

/** The words of the run chart's phone picture: what it shows, and where its children are listed. */
function runChartAlt(aimName: string, points: number): string {
  return `Run chart of ${aimName}: ${plural(points, 'child', 'children')}, one dot each at the date they reached the milestone, height the weeks it took. The table below lists them, each a link to the child's record.`;
}
