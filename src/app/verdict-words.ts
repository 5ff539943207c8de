/**
 * What the rules say, for a page. A chart of thousands of points can hold hundreds of shifts and
 * trends; the dashboard says how many there are and names the latest of each kind, and the aim's
 * page lists every one.
 */
import { aimRunChartWords, type AimRunChart } from '../domain/aim-run-chart.js';
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
