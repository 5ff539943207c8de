/**
 * Everything the dashboard, the waiting list, the chart downloads and the API's figures need for
 * one authority as at one date, computed once from its records and aims (then cached by
 * figures-cache.ts). All the measuring is the domain's; this module only gathers it.
 */
import { aimRunChartSvg, aimWaitingChartSvg } from '../charts/aim-charts.js';
import type { Aim } from '../domain/aim.js';
import type { ChangeMark } from '../domain/improvement/change-marks.js';
import { aimFigures, type AimFigures } from '../domain/aim-figures.js';
import { aimRunChart, type AimRunChart } from '../domain/aim-run-chart.js';
import { aimSentence } from '../domain/aim-sentence.js';
import type { PlacementType } from '../domain/codes.js';
import { daysBetween, type PlainDate } from '../domain/date.js';
import type { Authority, ChildRecord } from '../domain/records.js';
import { aimSurvival, type AimSurvival } from '../domain/aim-survival.js';
import { stagesForAim, type Stage } from '../domain/stages.js';
import { authorityPath } from '../web/views/layout.js';
import { linkChartMarks } from '../web/figures/linked-chart.js';

export interface AimResult {
  readonly aim: Aim;
  readonly sentence: string;
  readonly figures: AimFigures;
  readonly chart: AimRunChart;
  /** Standalone charts, as downloaded. */
  readonly runSvg: string;
  readonly waitingSvg: string;
  /**
   * The same charts for the page, each dot and bar a link to the child. A run chart of more than
   * `maxLinkedPoints` dots is not linked (null): the page shows it as a picture, and the table on
   * the aim's page links every child.
   */
  readonly runSvgLinked: string | null;
  readonly waitingSvgLinked: string;
  /** Where the time goes, and time to the milestone with children still waiting counted. */
  readonly stages: readonly Stage[];
  readonly survival: AimSurvival;
  /** The tests of change marked on the run chart (web/improvement/marked-figures.ts), if any. */
  readonly marks?: readonly ChangeMark[];
}

/** One journey still waiting, for the waiting list. */
export interface WaitingRow {
  readonly aimId: string;
  readonly aimName: string;
  readonly childId: string;
  readonly childName: string | null;
  readonly start: PlainDate;
  readonly weeks: number;
  readonly due: PlainDate;
  /** Days from as-at to the due date (negative once overdue). */
  readonly daysToDue: number;
  readonly status: 'overdue' | 'waiting';
  readonly placementType: PlacementType | null;
}

/**
 * More dots than this and a run chart is shown as a picture rather than as links: hundreds of links
 * in one chart are more than a keyboard or screen-reader user can move through, and the page
 * would weigh megabytes.
 */
export const maxLinkedPoints = 300;

export interface AuthorityFigures {
  readonly authority: Authority;
  readonly asAt: PlainDate;
  readonly version: string;
  readonly aims: readonly AimResult[];
  readonly waiting: readonly WaitingRow[];
  readonly childCount: number;
}

/** Computes every aim's figures and charts for the authority as at `asAt`. */
export function computeAuthorityFigures(authority: Authority, aims: readonly Aim[], records: readonly ChildRecord[], asAt: PlainDate, version: string): AuthorityFigures {
  const names = new Map<string, string | null>(records.map((r) => [r.child.childId, displayName(r)]));
  const childIds = new Set(names.keys());
  const hrefOf = (childId: string) => authorityPath(authority.code, `/children/${encodeURIComponent(childId)}`);
  const results: AimResult[] = aims.map((aim) => {
    const figures = aimFigures(aim, records, asAt);
    const chart = aimRunChart(aim, records, asAt, authority.programmeStart);
    const runSvg = aimRunChartSvg(aim, chart, authority.programmeStart);
    const waitingSvg = aimWaitingChartSvg(aim, chart.series);
    return {
      aim,
      sentence: aimSentence(aim),
      figures,
      chart,
      runSvg,
      waitingSvg,
      runSvgLinked: chart.series.points.length > maxLinkedPoints ? null : linkChartMarks(runSvg, { label: `Run chart of ${aim.name}: one dot a child, each a link to the child's record`, childIds, hrefOf }),
      stages: stagesForAim(aim, records, asAt),
      survival: aimSurvival(aim, records, asAt, authority.programmeStart),
      waitingSvgLinked: linkChartMarks(waitingSvg, { label: `Waiting chart of ${aim.name}: one bar a child still waiting, each a link to the child's record`, childIds, hrefOf }),
    };
  });
  const waiting = results.flatMap((r) =>
    r.chart.series.waiting.map(
      (w): WaitingRow => ({
        aimId: r.aim.id,
        aimName: r.aim.name,
        childId: w.childId,
        childName: names.get(w.childId) ?? null,
        start: w.start,
        weeks: w.weeks,
        due: w.due,
        daysToDue: daysBetween(asAt, w.due),
        status: w.overdue ? 'overdue' : 'waiting',
        placementType: w.placementType,
      }),
    ),
  );
  return { authority, asAt, version, aims: results, waiting, childCount: records.length };
}

/** The page's copy of a run chart: each dot a link to its child. */
export function linkedRunChart(code: string, aim: Aim, svg: string, records: readonly ChildRecord[]): string {
  const childIds = new Set(records.map((r) => r.child.childId));
  return linkChartMarks(svg, { label: `Run chart of ${aim.name}: one dot a child, each a link to the child's record`, childIds, hrefOf: (childId) => authorityPath(code, `/children/${encodeURIComponent(childId)}`) });
}

export function displayName(record: ChildRecord): string | null {
  const name = [record.child.firstName, record.child.lastName].filter((part) => part !== null && part.trim() !== '').join(' ');
  return name === '' ? null : name;
}
