// One scenario of `npm run bench:aims`, run in its own process so its peak memory is its own.
// Prints one JSON line with its timings.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { constants, PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { aimRunChartSvg, aimStageChartSvg, aimSurvivalChartSvg, aimWaitingChartSvg } from '../src/charts/aim-charts.js';
import { nationalAims, type Aim } from '../src/domain/aim.js';
import { aimFigures, type AimFigures } from '../src/domain/aim-figures.js';
import { aimRunChart } from '../src/domain/aim-run-chart.js';
import { aimSurvival } from '../src/domain/aim-survival.js';
import { parseDateOrThrow, type PlainDate } from '../src/domain/date.js';
import { localMeasuresOf } from '../src/app/authority-figures.js';
import { keepColumnsInSharedMemory } from '../src/app/kept-columns-memory.js';
import { deriveMeasures, putAllInOrder } from '../src/domain/journey.js';
import { parseMeasureEnds, parseMeasureStart } from '../src/domain/measure-definition.js';
import { parseTimescale } from '../src/domain/timescale.js';
import type { ChildRecord } from '../src/domain/records.js';
import { stageView } from '../src/domain/stages.js';
import { generateAuthorities } from '../src/demo/generate.js';
import { addAuthority, closeStore, loadChildRecords, openStore, saveRecords } from '../src/store/index.js';

// As the server and the pace command do when they start (docs/decisions/0022-fast-figures.md, "Fifth pass").
keepColumnsInSharedMemory();

const asAt = parseDateOrThrow('2026-11-01');
const nationalFour = nationalAims();

/** A local measure of the seed documents, as `pace aim add --start … --end … --timescale …` would make it. */
function local(id: string, start: string, ends: string, timescale: string): Aim {
  const parsedStart = parseMeasureStart(start);
  const parsedEnds = parseMeasureEnds(ends);
  const parsedTimescale = parseTimescale(timescale);
  if (!parsedStart.ok || !parsedEnds.ok || parsedTimescale === null) throw new Error(`bad measure ${id}`);
  return { id, name: id, nationalAim: null, kind: 'measure', measure: { start: parsedStart.value, ends: parsedEnds.value }, byDate: null, targetPercent: null, fromDate: null, timescale: parsedTimescale, filters: {}, backlog: null };
}

// Issue 15: twelve aims per authority, the four national ones and eight local measures.
const aims: readonly Aim[] = [
  ...nationalFour,
  local('ppm-12-weeks', 'accommodated', 'permanence_planning_meeting', '12 weeks'),
  local('panel-after-ppm', 'permanence_planning_meeting', 'permanence_panel', '12 weeks'),
  local('meeting-72h', 'accommodated', 'planning_meeting_72h', '3 days'),
  local('early-review', 'accommodated', 'early_review', '28 days'),
  local('review-18-weeks', 'spell', 'lac_review', '18 weeks'),
  local('legal-advice', 'legal_advice_requested', 'legal_advice_received', '4 weeks'),
  local('home-or-kinship-review', 'at-home-or-kinship', 'home_review', '12 months'),
  local('adoption-to-court', 'adm_decision:adoption', 'court_application_lodged,order_granted', '3 weeks'),
];

/** How many journeys an aim's figures count, from their counts by status (each journey has one). */
function journeysCounted(figures: AimFigures): number {
  return Object.values(figures.counts).reduce((sum, count) => sum + count, 0);
}

/** Every aim's figures and run-chart analysis: what a dashboard needs before drawing. */
function figuresAndAnalyses(records: readonly ChildRecord[], programmeStart: PlainDate | null, which: readonly Aim[] = aims): number {
  let journeys = 0;
  // As computeAuthorityFigures does: the local measures derived together, one pass over the children.
  deriveMeasures(records, localMeasuresOf(which), asAt);
  for (const aim of which) {
    // The journeys counted by status, as the dashboard reads them (listing them is for a list of children).
    journeys += journeysCounted(aimFigures(aim, records, asAt));
    aimRunChart(aim, records, asAt, programmeStart);
  }
  return journeys;
}

function fourCharts(aim: Aim, records: readonly ChildRecord[], programmeStart: PlainDate | null): void {
  const chart = aimRunChart(aim, records, asAt, programmeStart);
  aimRunChartSvg(aim, chart, programmeStart);
  aimWaitingChartSvg(aim, chart.series);
  aimStageChartSvg(stageView(records, asAt, { fromDate: aim.fromDate }));
  aimSurvivalChartSvg(aim, aimSurvival(aim, records, asAt, programmeStart));
}

/** The floor: one pass over every placement and event, doing nothing with them. */
function touchEveryRecord(records: readonly ChildRecord[]): number {
  let count = 0;
  for (const r of records) count += r.placements.length + r.events.length;
  return count;
}

// The process's full collections (mark-compact: every live object marked), as Node reports them
// (after the fact, from another turn of the event loop): each run's share is given beside its time.
const fullCollections: { start: number; duration: number }[] = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries() as (PerformanceEntry & { detail?: { kind?: number } })[]) {
    if (entry.detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) fullCollections.push({ start: entry.startTime, duration: entry.duration });
  }
}).observe({ entryTypes: ['gc'] });

/** Each timed run's start and end (performance.now()), by the name of what was timed. */
const runWindows = new Map<string, { start: number; end: number; ms: number }[]>();

/** The milliseconds of full collections in the median run of `name`, and how many there were in all its runs. */
async function fullCollectionsOf(name: string): Promise<{ median_run_full_collection_ms: number; full_collections: number }> {
  await sleep(100); // the last runs' collections are reported on a later turn
  const windows = [...(runWindows.get(name) ?? [])].sort((a, b) => a.ms - b.ms);
  const inWindow = (w: { start: number; end: number }) => fullCollections.filter((c) => c.start >= w.start && c.start < w.end);
  const median = windows[Math.floor(windows.length / 2)];
  return {
    median_run_full_collection_ms: median === undefined ? 0 : inWindow(median).reduce((sum, c) => sum + c.duration, 0),
    full_collections: windows.reduce((n, w) => n + inWindow(w).length, 0),
  };
}

/**
 * The times of `work` over fresh copies of the records (the domain remembers each record's
 * journeys, so without copies every run after the first would measure the memory, not the work):
 * the median, and the fastest. The machine is shared: a run is only ever slowed by other work.
 */
function timesMs<T>(runs: number, fresh: () => T, work: (input: T) => unknown, name = ''): { median: number; fastest: number } {
  const times: number[] = [];
  const windows: { start: number; end: number; ms: number }[] = [];
  for (let i = 0; i < runs; i++) {
    const input = fresh();
    const started = performance.now();
    work(input);
    const ended = performance.now();
    times.push(ended - started);
    windows.push({ start: started, end: ended, ms: ended - started });
  }
  if (name !== '') runWindows.set(name, windows);
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(runs / 2)] as number, fastest: times[0] as number };
}

/**
 * Each child's events and placements put in order once (putAllInOrder), as the store does when it
 * loads the records (store/load.ts), timed over fresh copies of the lists (each remembers its order).
 */
function orderEvents(records: readonly ChildRecord[]): void {
  putAllInOrder(records);
}

function medianMs<T>(runs: number, fresh: () => T, work: (input: T) => unknown): number {
  return timesMs(runs, fresh, work).median;
}

function copy(records: readonly ChildRecord[]): ChildRecord[] {
  return records.map((r) => ({ ...r }));
}

/**
 * One authority generated, stored in a fresh SQLite database and loaded back. What is measured
 * works on the loaded records; the generator's own copy of them is let go here, as a server would
 * never hold it.
 */
async function storedAndLoaded(): Promise<{ records: ChildRecord[]; programmeStart: PlainDate | null; loadMs: number; reloadMs: number }> {
  const [generated] = generateAuthorities({ authorities: 1, children: 20_000, seed: 'bench-aims', asAt });
  if (!generated) throw new Error('no authority generated');
  const dir = mkdtempSync(join(tmpdir(), 'pace-bench-'));
  const connection = await openStore(`sqlite:${join(dir, 'pace.sqlite')}`);
  const added = await addAuthority(connection, generated.authority, 'bench');
  if (!added.ok) throw new Error('authority exists');
  await saveRecords(connection, added.value.scope, { children: generated.records.map((r) => r.child), placements: generated.records.flatMap((r) => r.placements), events: generated.records.flatMap((r) => r.events) }, { by: 'bench' });
  let loadStarted = performance.now();
  const records = await loadChildRecords(connection, added.value.scope);
  const loadMs = performance.now() - loadStarted;
  loadStarted = performance.now();
  await loadChildRecords(connection, added.value.scope);
  const reloadMs = performance.now() - loadStarted;
  await closeStore(connection);
  rmSync(dir, { recursive: true, force: true });
  return { records, programmeStart: generated.authority.programmeStart, loadMs, reloadMs };
}

// `one` and `all` measure the twelve aims; `one-national` and `all-national` the four national aims
// alone, each in a process of its own, so that what the twelve aims' runs leave in memory (every
// journey of every aim, remembered per list of records) does not slow the four's collections.
const scenario = process.argv[2] ?? '';
const measured = scenario.endsWith('-national') ? nationalFour : aims;
if (scenario === 'one' || scenario === 'one-national') {
  const { records, programmeStart, loadMs, reloadMs } = await storedAndLoaded();
  figuresAndAnalyses(records, programmeStart, measured); // warm up
  const rows = touchEveryRecord(records);
  console.log(
    JSON.stringify({
      scenario,
      children: records.length,
      rows,
      journeys: figuresAndAnalyses(records, programmeStart, measured),
      reference_touch_every_record_ms: medianMs(5, () => copy(records), touchEveryRecord),
      order_events_on_load_ms: medianMs(5, () => records.map((r) => ({ ...r, events: [...r.events], placements: [...r.placements] })), orderEvents),
      aims: measured.length,
      ...((times) => ({ figures_and_analyses_ms: times.median, figures_and_analyses_fastest_ms: times.fastest }))(timesMs(15, () => copy(records), (fresh) => figuresAndAnalyses(fresh, programmeStart, measured), 'figures')),
      ...(await fullCollectionsOf('figures')),
      charts_ms: medianMs(7, () => copy(records), (fresh) => nationalFour.forEach((aim) => fourCharts(aim, fresh, programmeStart))),
      load_from_sqlite_ms: loadMs,
      reload_from_sqlite_ms: reloadMs,
    }),
  );
} else if (scenario === 'all' || scenario === 'all-national') {
  const generated = generateAuthorities({ authorities: 32, children: 10_000, seed: 'bench-aims', asAt });
  const all = generated.map((g) => ({ records: g.records, programmeStart: g.authority.programmeStart }));
  // As the store does when it loads each authority's records.
  const orderStarted = performance.now();
  all.forEach((a) => orderEvents(a.records));
  const orderMs = performance.now() - orderStarted;
  all.forEach((a) => figuresAndAnalyses(a.records, a.programmeStart, measured)); // warm up
  console.log(
    JSON.stringify({
      scenario,
      authorities: all.length,
      children: all.reduce((n, a) => n + a.records.length, 0),
      aims: measured.length,
      reference_touch_every_record_ms: medianMs(3, () => all.map((a) => copy(a.records)), (fresh) => fresh.forEach(touchEveryRecord)),
      order_events_on_load_ms: orderMs,
      ...((times) => ({ figures_and_analyses_ms: times.median, figures_and_analyses_fastest_ms: times.fastest }))(timesMs(5, () => all.map((a) => ({ ...a, records: copy(a.records) })), (fresh) => fresh.forEach((a) => figuresAndAnalyses(a.records, a.programmeStart, measured)), 'figures')),
      ...(await fullCollectionsOf('figures')),
      charts_ms: medianMs(1, () => all.map((a) => ({ ...a, records: copy(a.records) })), (fresh) => fresh.forEach((a) => nationalFour.forEach((aim) => fourCharts(aim, a.records, a.programmeStart)))),
    }),
  );
} else {
  throw new Error('scenario must be one, all, one-national or all-national');
}
