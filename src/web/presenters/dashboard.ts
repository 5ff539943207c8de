/** The dashboard's view model: per aim, its sentence, headline, charts and what the rules say. */
import type { AimFigures } from '../../domain/aim-figures.js';
import type { PlainDate } from '../../domain/date.js';
import { describeTimescale } from '../../domain/timescale.js';
import type { AimResult, AuthorityFigures } from '../figures/authority-figures.js';
import { authorityPath } from '../views/layout.js';
import { trustedSvg, type TrustedSvg } from '../views/trusted-svg.js';
import { formatPercent, formatWeeks, longDate, plural } from './format.js';
import { timescaleWeeks, waitingGroupHref } from './timeline-group.js';
import { summariseVerdicts } from './verdicts.js';

export interface ChartLinks {
  readonly svg: string;
  readonly png: string;
  readonly csv: string;
}

export interface DashboardAim {
  readonly id: string;
  readonly name: string;
  readonly sentence: string;
  /** "62.5% in time", or null with `noPercentage` saying why there is none yet. */
  readonly headline: string | null;
  readonly noPercentage: string;
  /** For the summary table. */
  readonly summary: { readonly percent: string; readonly n: number; readonly inTime: number; readonly late: number; readonly overdue: number; readonly waiting: number; readonly median: string };
  readonly target: string | null;
  /** "n = 8: 5 in time, 2 late, 1 overdue; 3 waiting within the timescale". */
  readonly counts: string;
  readonly median: string;
  readonly waiting: string;
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
  return {
    id: aim.id,
    name: aim.name,
    sentence: result.sentence,
    headline: figures.percentage === null ? null : `${formatPercent(figures.percentage)} in time`,
    noPercentage: 'No percentage yet: no journey in the cohort has reached its milestone or become overdue.',
    summary: {
      percent: figures.percentage === null ? '—' : formatPercent(figures.percentage),
      n: figures.n,
      inTime: figures.counts.in_time,
      late: figures.counts.late,
      overdue: figures.counts.overdue,
      waiting: figures.counts.waiting,
      median: figures.medianWeeks === null ? '—' : formatWeeks(figures.medianWeeks),
    },
    target: aim.targetPercent === null ? null : `Target: ${aim.targetPercent}%${aim.byDate ? ` by ${longDate(aim.byDate)}` : ''}`,
    counts: countsWords(figures),
    median: figures.medianWeeks === null ? 'No journey has reached its milestone yet.' : `Median time to the milestone: ${formatWeeks(figures.medianWeeks)} (journeys that reached it).`,
    waiting:
      figures.stillWaiting === 0
        ? 'Nobody in the cohort is still waiting.'
        : `${plural(figures.stillWaiting, 'child', 'children')} in the cohort still waiting, the longest for ${formatWeeks(figures.longestWaitWeeks ?? 0)}. The waiting chart shows everyone still waiting, whenever they started.`,
    backlog: figures.backlog
      ? `Backlog: of ${plural(figures.backlog.total, 'journey')} started before ${longDate(figures.backlog.startedBefore)}, ${figures.backlog.complete} had reached the milestone and ${figures.backlog.stillWaiting} were still waiting (aim: all by ${longDate(figures.backlog.byDate)}).`
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
    verdicts: options.allVerdicts ? result.chart.verdicts : summariseVerdicts(result.chart),
    marksKey: (result.marks ?? []).map((m) => `${m.label}: ${m.description}`),
    points: result.chart.series.points.length,
    waitingCount: result.chart.series.waiting.length,
  };
}

function countsWords(figures: AimFigures): string {
  const c = figures.counts;
  const within = `${c.waiting} waiting within ${describeTimescale(figures.aim.timescale)}, not yet counted`;
  const from = figures.fromDate ? ` Journeys starting on or after ${longDate(figures.fromDate)}.` : ' Every journey, whenever it started.';
  return `n = ${figures.n}: ${c.in_time} in time, ${c.late} late, ${c.overdue} overdue; ${within}.${from}`;
}
