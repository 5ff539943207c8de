/**
 * What the rules say, for a page. A chart of thousands of points can hold hundreds of shifts and
 * trends; the dashboard says how many there are and names the latest of each kind, and the aim's
 * page lists every one.
 */
import { aimRunChartWords, pointMonth, type AimRunChart } from '../domain/aim-run-chart.js';
import type { Verdict } from '../domain/spc/index.js';

/** A repeating kind with more verdicts than this is counted, and only its latest `shownPerKind` are said. */
export const untrimmedPerKind = 5;
export const shownPerKind = 3;

const repeating: ReadonlySet<Verdict['kind']> = new Set(['shift', 'trend', 'astronomical-candidate', 'rephased']);
const kindWords: Readonly<Partial<Record<Verdict['kind'], [string, string]>>> = {
  shift: ['shift', 'shifts'],
  trend: ['trend', 'trends'],
  'astronomical-candidate': ['candidate astronomical point', 'candidate astronomical points'],
  rephased: ['re-phased median', 're-phased medians'],
};

/** The chart's verdicts, in reading order, with each repeating kind cut to its latest few and counted. */
export function summariseVerdicts(chart: AimRunChart, perKind = shownPerKind): string[] {
  // The words are the baseline sentence, then one sentence per finding, in order.
  const kinds = chart.findings.map((v) => v.kind);
  const [baseline, ...sentences] = aimRunChartWords(chart);
  if (baseline === undefined) return [];
  const shown: string[] = [baseline];
  const byKind = new Map<Verdict['kind'], string[]>();
  sentences.forEach((sentence, i) => {
    const kind = kinds[i] as Verdict['kind'];
    if (!repeating.has(kind)) {
      shown.push(sentence);
      return;
    }
    if (!byKind.has(kind)) {
      byKind.set(kind, []);
      shown.push(`\u0000${kind}`);
    }
    byKind.get(kind)?.push(sentence);
  });
  return shown.flatMap((line) => {
    if (!line.startsWith('\u0000')) return [line];
    const kind = line.slice(1) as Verdict['kind'];
    const all = byKind.get(kind) ?? [];
    if (all.length <= untrimmedPerKind) return all;
    const [one, many] = kindWords[kind] ?? [kind, kind];
    return [`${all.length} ${all.length === 1 ? one : many} in all (the aim's page lists every one); the latest:`, ...all.slice(-perKind)];
  });
}

/** A group of findings for the aim's page: its title, and each finding in words, latest first. */
export interface FindingGroup {
  readonly title: string;
  readonly findings: readonly string[];
}

const groupTitles: Readonly<Record<Exclude<Verdict['kind'], 'too-few-points'>, string>> = {
  rephased: 'Re-phased medians',
  shift: 'Shifts: 6 or more in a row on one side of the median',
  trend: 'Trends: 5 or more each going the same way',
  'astronomical-candidate': 'Candidate astronomical points, for the team to judge',
  'longest-run': 'The whole chart: runs and crossings',
  crossings: 'The whole chart: runs and crossings',
  runs: 'The whole chart: runs and crossings',
};

/** Where a finding sits on the chart: its last point, or null for one about the whole chart. */
function lastPoint(finding: Verdict): number | null {
  switch (finding.kind) {
    case 'shift':
      return finding.shift.to;
    case 'trend':
      return finding.trend.to;
    case 'rephased':
      return finding.phase.to;
    case 'astronomical-candidate':
      return finding.point;
    default:
      return null;
  }
}

/**
 * Every finding, grouped for the aim's page: first those in the current phase (since the latest
 * re-phased median began or, with none, since the baseline), then the rest by rule, each group
 * latest first; the baseline sentence and the whole-chart rules last.
 */
export function findingGroups(chart: AimRunChart): FindingGroup[] {
  const [baseline, ...sentences] = aimRunChartWords(chart);
  if (baseline === undefined) return [];
  // Too few points to judge: the rules say only that, after the baseline.
  if (chart.findings.some((f) => f.kind === 'too-few-points')) return [{ title: 'What the rules say', findings: [baseline, ...sentences] }];
  const { phases } = chart.analysis;
  const current = phases[phases.length - 1];
  const currentFrom = current?.type === 'sustained' ? current.from : chart.series.baselineCount + 1;
  const currentTitle =
    current?.type === 'sustained' ? `The current phase, since ${pointMonth(chart, current.from)}` : currentFrom <= chart.series.weeks.length ? `Since the baseline, from ${pointMonth(chart, currentFrom)}` : null;
  const inCurrent: string[] = [];
  const byTitle = new Map<string, string[]>();
  chart.findings.forEach((finding, i) => {
    const sentence = sentences[i] as string;
    const last = lastPoint(finding);
    if (currentTitle !== null && last !== null && last >= currentFrom) {
      inCurrent.push(sentence);
      return;
    }
    const title = groupTitles[finding.kind as Exclude<Verdict['kind'], 'too-few-points'>];
    byTitle.set(title, [...(byTitle.get(title) ?? []), sentence]);
  });
  const wholeChart = groupTitles.runs;
  const groups: FindingGroup[] = [];
  if (inCurrent.length > 0 || currentTitle !== null) groups.push({ title: currentTitle ?? 'What the rules say', findings: inCurrent.length > 0 ? inCurrent.reverse() : ['No shift, trend or re-phased median yet.'] });
  for (const kind of ['rephased', 'shift', 'trend', 'astronomical-candidate'] as const) {
    const findings = byTitle.get(groupTitles[kind]);
    if (findings) groups.push({ title: `${groupTitles[kind]} (${findings.length})`, findings: [...findings].reverse() });
  }
  groups.push({ title: wholeChart, findings: [baseline, ...(byTitle.get(wholeChart) ?? [])] });
  return groups;
}
