/**
 * Everything the dashboard, the aims' pages, the waiting list, the meeting pack, the API's figures
 * and the chart downloads need for one authority as at one date, computed once from its records,
 * aims and tests of change (then cached by figures-cache.ts: docs/architecture.md, "The cache").
 * Figures are data: numbers, journeys, typed findings and change marks. Nothing here is drawn or
 * addressed; presenters draw the charts, with the links they need, from these.
 */
import type { Aim } from '../domain/aim.js';
import type { MeasureDefinition } from '../domain/measure-definition.js';
import { aimAnswer, type AimAnswer } from '../domain/aim-answer.js';
import { aimFigures, type AimFigures } from '../domain/aim-figures.js';
import { aimRunChart, type AimRunChart } from '../domain/aim-run-chart.js';
import { aimSentence } from '../domain/aim-sentence.js';
import { everyChild, type ChildFilter } from '../domain/child-filter.js';
import type { PlacementType } from '../domain/codes.js';
import { daysBetween, type PlainDate } from '../domain/date.js';
import { changeMarks, type ChangeMark } from '../domain/improvement/change-marks.js';
import type { TestOfChange } from '../domain/improvement/test-of-change.js';
import { deriveJourneysInSteps, deriveMeasures, deriveMeasuresInSteps } from '../domain/journey.js';
import type { Authority, ChildRecord } from '../domain/records.js';

export interface AimResult {
  readonly aim: Aim;
  readonly sentence: string;
  readonly figures: AimFigures;
  /** The run chart's points, the waiting bars and what the rules find. */
  readonly chart: AimRunChart;
  /** Are we getting better? The rules' answer for the chart's current phase. */
  readonly answer: AimAnswer;
  /** The tests of change serving the aim, marked on its run chart (none when no test serves it). */
  readonly marks: readonly ChangeMark[];
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

export interface AuthorityFigures {
  readonly authority: Authority;
  readonly asAt: PlainDate;
  /** Whose figures: every child's, or a team's, a locality's or a worker's. */
  readonly filter: ChildFilter;
  /** The data version the figures were computed from (src/store/data-version.ts). */
  readonly version: string;
  readonly aims: readonly AimResult[];
  readonly waiting: readonly WaitingRow[];
  readonly childCount: number;
}

/** Computes every aim's figures and run chart for the authority as at `asAt` (stages and survival when asked: aim-views.ts). */
export function computeAuthorityFigures(authority: Authority, aims: readonly Aim[], records: readonly ChildRecord[], tests: readonly TestOfChange[], asAt: PlainDate, version: string, filter: ChildFilter = everyChild): AuthorityFigures {
  deriveMeasures(records, localMeasuresOf(aims), asAt);
  const results = aims.map((aim) => aimResultOf(aim, aimRunChart(aim, records, asAt, authority.programmeStart), aimFigures(aim, records, asAt), tests, asAt));
  return figuresOf(authority, records, asAt, version, filter, results);
}

/**
 * The same figures, worked out a part at a time: every child's journeys a few hundred children at
 * a time, then each aim's figures and its run chart, awaiting `pause` between parts. With `pause`
 * waiting for a turn of the event loop (app/turns.ts), a server goes on answering other requests while an
 * authority's figures for a new as-at date are worked out (issue 19, point 7): no part takes more
 * than a few tens of milliseconds for 20,000 children. `pause` is told how many parts are done of
 * how many, for a page that shows how far the work has got.
 */
export async function computeAuthorityFiguresInParts(
  authority: Authority,
  aims: readonly Aim[],
  records: readonly ChildRecord[],
  tests: readonly TestOfChange[],
  asAt: PlainDate,
  version: string,
  filter: ChildFilter,
  pause: (done: number, total: number) => Promise<void>,
): Promise<AuthorityFigures> {
  const childParts = 250;
  // deriveJourneysInSteps stops after every whole `childParts` children.
  const steps = Math.floor(records.length / childParts);
  const measures = localMeasuresOf(aims);
  // The local measures are derived together, as many parts again (fewer children a part: each child is read for all of them).
  const measureParts = measures.length === 0 ? 0 : Math.floor(records.length / (childParts / 2));
  const total = steps + measureParts + 2 * aims.length;
  let done = 0;
  const partDone = () => pause((done += 1), total);
  // With local measures, the national journeys are derived in the same pass as theirs.
  for (const _ of deriveMeasuresInSteps(records, measures, asAt, childParts / 2)) await partDone();
  done = measureParts;
  for (const _ of deriveJourneysInSteps(records, asAt, childParts)) await partDone();
  // The journeys may have been worked out before (no steps then): the count moves on to the aims.
  done = steps + measureParts;
  const results: AimResult[] = [];
  for (const aim of aims) {
    const figures = aimFigures(aim, records, asAt);
    await partDone();
    const chart = aimRunChart(aim, records, asAt, authority.programmeStart);
    await partDone();
    results.push(aimResultOf(aim, chart, figures, tests, asAt));
  }
  return figuresOf(authority, records, asAt, version, filter, results);
}

function aimResultOf(aim: Aim, chart: AimRunChart, figures: AimFigures, tests: readonly TestOfChange[], asAt: PlainDate): AimResult {
  return { aim, sentence: aimSentence(aim), figures, chart, answer: aimAnswer(chart), marks: changeMarks(tests, aim.id, asAt) };
}

function figuresOf(authority: Authority, records: readonly ChildRecord[], asAt: PlainDate, version: string, filter: ChildFilter, results: readonly AimResult[]): AuthorityFigures {
  // The waiting list's rows are made the first time something reads them (the waiting list, the
  // API): a dashboard reads the counts alone.
  let waiting: readonly WaitingRow[] | null = null;
  return {
    authority,
    asAt,
    filter,
    version,
    aims: results,
    get waiting() {
      waiting ??= waitingRows(records, asAt, results);
      return waiting;
    },
    childCount: records.length,
  };
}

function waitingRows(records: readonly ChildRecord[], asAt: PlainDate, results: readonly AimResult[]): WaitingRow[] {
  const names = new Map<string, string | null>(records.map((r) => [r.child.childId, displayName(r)]));
  return results.flatMap((r) =>
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
}

/** "Amy Adams", or null when no name is recorded. */
export function displayName(record: ChildRecord): string | null {
  const name = [record.child.firstName, record.child.lastName].filter((part) => part !== null && part.trim() !== '').join(' ');
  return name === '' ? null : name;
}

/** The definitions of an authority's local measures (its aims of kind `measure`), to derive together. */
export function localMeasuresOf(aims: readonly Aim[]): MeasureDefinition[] {
  return aims.flatMap((aim) => (aim.kind === 'measure' && aim.measure ? [aim.measure] : []));
}
