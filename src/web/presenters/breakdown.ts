/**
 * An aim's breakdown page (docs/decisions/0026-breakdowns.md): the answer in words first, then the
 * dot chart of each group's percentage in time with its interval, and the table of every figure,
 * each count leading to the journeys it counts (unless small counts are hidden from the reader:
 * a table to be shared leads to no child).
 */
import type { AimResult, AuthorityFigures } from '../../app/authority-figures.js';
import { breakdownWords, dimensionLabels, dimensionWords, groupLabel } from '../../app/breakdown-words.js';
import { countText, formatPercent, longDate } from '../../app/format.js';
import { roundTo } from '../../domain/round.js';
import { breakdownChartSvg, type BreakdownChartInput, type BreakdownRow } from '../../charts/breakdown-chart.js';
import { readBreakdown } from '../../domain/breakdown-reading.js';
import { breakdownDimensions, notRecorded, type BreakdownDimension } from '../../domain/breakdown.js';
import { filterWords } from '../../domain/child-filter.js';
import type { PublishedBreakdown, PublishedCount, PublishedGroup } from '../../domain/published-breakdown.js';
import type { JourneyStatus } from '../../domain/status.js';
import { scopeQuery, type FigureScope } from '../forms/figure-scope.js';
import type { TableModel } from '../views/components.js';
import { authorityPath } from '../views/layout.js';
import { trustedSvg, type TrustedSvg } from '../views/trusted-svg.js';
import { inlinePicture } from '../../charts/inline-picture.js';
import type { ChartLinks } from './aim-page.js';
import { journeyListHref, type JourneyListFilter } from './journey-list.js';

export interface BreakdownPageModel {
  readonly name: string;
  readonly sentence: string;
  readonly asAtWords: string;
  readonly filterWords: string | null;
  readonly dimension: BreakdownDimension;
  /** "age band at the start". */
  readonly dimensionWords: string;
  /** Each dimension the reader can split by, with its address. */
  readonly choices: readonly { readonly dimension: BreakdownDimension; readonly label: string; readonly href: string; readonly current: boolean }[];
  readonly answer: readonly string[];
  readonly median: string | null;
  readonly withoutPercentage: string | null;
  readonly overall: string;
  readonly chart: { readonly wide: TrustedSvg; readonly narrow: TrustedSvg; readonly links: ChartLinks; readonly groups: number };
  readonly table: TableModel;
  /** What each dimension's groups are, and how the figures are read. */
  readonly notes: readonly string[];
  readonly suppressed: boolean;
  /** The way to the other view of the counts, when the reader may choose it. */
  readonly otherView: { readonly text: string; readonly href: string } | null;
  readonly aimHref: string;
}

/** The page's address for a scope, a dimension and whether small counts are hidden by choice. */
export function breakdownHref(code: string, aimId: string, scope: Pick<FigureScope, 'asAt' | 'filter'>, dimension: BreakdownDimension, hide = false, file?: 'svg' | 'png' | 'csv'): string {
  const base = authorityPath(code, `/aims/${encodeURIComponent(aimId)}/breakdown`);
  const params: Record<string, string> = file === undefined ? { by: dimension } : {};
  if (hide) params.suppress = 'yes';
  return `${base}${file === undefined ? '' : `/${dimension}.${file}`}${scopeQuery(scope, params)}`;
}

/** The notes under the table: what the dimension's groups are. */
const dimensionNotes: Readonly<Record<BreakdownDimension, string>> = {
  age: "Age in whole years on the day the journey started, in the bands of the Scottish Government's Children Looked After Statistics: under 1, 1–4, 5–11, 12–15, 16–17 (and 18 or over, which only a wrong date of birth or start date can give).",
  sex: 'Sex as recorded for the child: male, female, or other or not known; not recorded when the record has none.',
  placement: 'The placement type at the start of the journey: the first placement (aims 1 and 2), or the placement open on the day the journey started (aims 3 and 4; none recorded when the child was in no placement that day).',
  route: "The journey's route: for one that reached its milestone, the route it named (or the latest plan before it); otherwise the latest plan recorded; no plan recorded yet when there is none.",
  team: 'The team the child was allocated to on the as-at date, as the team filter counts them; names are matched without regard to case or spacing.',
  locality: "The locality recorded for the child, as the locality filter counts them; names are matched without regard to case or spacing.",
};

/** The page's model; the charts are drawn by `draw` (once per cache entry, by the route). */
export function presentBreakdownPage(figures: AuthorityFigures, scope: FigureScope, result: AimResult, published: PublishedBreakdown, mayShowCounts: boolean, draw: <T>(name: string, make: () => T) => T): BreakdownPageModel {
  const code = figures.authority.code;
  const { aim } = result;
  const { dimension, suppressed } = published;
  const words = breakdownWords(published, readBreakdown(published.groups));
  const chosenHide = suppressed && mayShowCounts;
  const chart = (layout: BreakdownChartInput['layout']) =>
    draw(`${aim.id}/breakdown/${dimension}/${suppressed ? 'hidden' : 'shown'}/${layout}`, () => trustedSvg(inlinePicture(breakdownChartSvg(breakdownChartInput(aim.name, published, layout)))));
  return {
    name: aim.name,
    sentence: result.sentence,
    asAtWords: longDate(figures.asAt),
    filterWords: filterWords(figures.filter),
    dimension,
    dimensionWords: dimensionWords[dimension],
    choices: breakdownDimensions.map((d) => ({ dimension: d, label: dimensionLabels[d], href: breakdownHref(code, aim.id, scope, d, chosenHide), current: d === dimension })),
    ...words,
    chart: {
      wide: chart('wide'),
      narrow: chart('narrow'),
      links: { svg: breakdownHref(code, aim.id, scope, dimension, chosenHide, 'svg'), png: breakdownHref(code, aim.id, scope, dimension, chosenHide, 'png'), csv: breakdownHref(code, aim.id, scope, dimension, chosenHide, 'csv') },
      groups: published.groups.length,
    },
    table: breakdownTableModel(code, aim.id, aim.name, scope, published),
    notes: [
      dimensionNotes[dimension],
      'n is the number of journeys counted: in time, late, overdue and left after the timescale, as for the aim. Waiting within the timescale and left within it are listed, not counted. The median is of the journeys that reached the milestone.',
      "The 95% interval is the Wilson score interval, as in the national view: the range the group's percentage could well have come from, given how few children it rests on. Two groups whose intervals do not overlap differ by more than chance usually makes; intervals that overlap do not prove two groups alike, and with few children they are wide.",
    ],
    suppressed,
    otherView: !mayShowCounts
      ? null
      : suppressed
        ? { text: 'Show every count', href: breakdownHref(code, aim.id, scope, dimension) }
        : { text: 'Show it as it may be shared beyond the authority, with counts under 5 as [c]', href: breakdownHref(code, aim.id, scope, dimension, true) },
    aimHref: authorityPath(code, `/aims/${encodeURIComponent(aim.id)}${scopeQuery(scope)}`),
  };
}

/** The chart's rows from what the reader may see. */
export function breakdownChartInput(aimName: string, published: PublishedBreakdown, layout: BreakdownChartInput['layout']): BreakdownChartInput {
  const { dimension } = published;
  const rows: BreakdownRow[] = published.groups.map((g) => ({
    label: groupLabel(dimension, g),
    percentage: g.percentage,
    interval: g.interval,
    text: g.percentage !== null ? `${formatPercent(g.percentage)} (${countText(g.counts.in_time)} of ${countText(g.counts.n)})` : g.percentageHidden ? 'too few to show' : 'no percentage yet',
  }));
  const all = published.all.percentage;
  return {
    rows,
    overall: all === null ? null : { percentage: all, label: `All children: ${formatPercent(all)}` },
    label: `${aimName} by ${dimensionWords[dimension]}: a dot chart of each group's percentage in time, with a line across each dot for its 95% confidence interval${all === null ? '' : ` and a dashed line down the chart for all children, ${formatPercent(all)}`}. The table below gives every figure.`,
    layout,
  };
}

const statusColumns: readonly [JourneyStatus, string][] = [
  ['late', 'Late'],
  ['overdue', 'Overdue'],
  ['left_late', 'Left after the timescale'],
  ['waiting', 'Waiting'],
  ['left_early', 'Left within the timescale'],
];

function breakdownTableModel(code: string, aimId: string, aimName: string, scope: FigureScope, published: PublishedBreakdown): TableModel {
  const { dimension } = published;
  const none = 'none yet';
  const row = (g: PublishedGroup) => {
    const count = (value: PublishedCount, list: JourneyListFilter) => (typeof value !== 'number' || value === 0 || published.suppressed ? String(value) : { text: String(value), href: groupListHref(code, aimId, scope, dimension, g, list) });
    const statistic = (text: string | null, hidden: boolean) => (hidden ? 'suppressed' : (text ?? none));
    return [
      groupLabel(dimension, g),
      count(g.counts.n, 'counted'),
      count(g.counts.in_time, 'in_time'),
      statistic(g.percentage === null ? null : formatPercent(g.percentage), g.percentageHidden),
      statistic(g.interval === null ? null : `${formatPercent(g.interval.lower)} to ${formatPercent(g.interval.upper)}`, g.percentageHidden),
      statistic(g.medianWeeks === null ? null : roundTo(g.medianWeeks).toFixed(1), g.medianHidden),
      ...statusColumns.map(([status]) => count(g.counts[status], status)),
    ];
  };
  return {
    caption: `${aimName} by ${dimensionWords[dimension]}: each group's journeys counted (n), in time, percentage in time with its 95% confidence interval, median weeks to the milestone, and the other statuses; all children last`,
    columns: ['Group', 'n', 'In time', '% in time', '95% confidence interval', 'Median weeks', ...statusColumns.map(([, label]) => label)],
    rows: [...published.groups, published.all].map(row),
  };
}

/**
 * The journeys of one count of a group: a named team or locality by the filter that already
 * exists for it (the same children, as on the as-at date); every other group by the breakdown's
 * own filter on the journey list; all children by the aim's own lists.
 */
function groupListHref(code: string, aimId: string, scope: FigureScope, dimension: BreakdownDimension, group: PublishedGroup, list: JourneyListFilter): string {
  if (group.key === 'all') return journeyListHref(code, aimId, list, scope);
  if ((dimension === 'team' || dimension === 'locality') && group.key !== notRecorded && group.name !== null) return journeyListHref(code, aimId, list, { asAt: scope.asAt, filter: { ...scope.filter, [dimension]: group.name } });
  return journeyListHref(code, aimId, list, scope, { group: { by: dimension, key: group.key } });
}
