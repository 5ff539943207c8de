/**
 * Candidates for astronomical points. docs/run-charts.md makes the astronomical point a judgement,
 * not a computation (Perla, Provost & Murray 2011, BMJ Qual Saf 20:46–51: a point "all would
 * agree" is unusual); so this only flags candidates for a person to judge: points beyond 3 sigma
 * of an XmR (individuals) chart of the same points.
 *
 * The XmR chart: centre = mean of the points present; sigma = mean moving range / 1.128 (d2 for
 * ranges of two; Montgomery, Introduction to Statistical Quality Control). As in qicharts2's
 * `qic.i`, a moving range is taken only between neighbouring points that are both present, so a
 * missing point leaves a gap rather than joining its neighbours. Unlike qicharts2, moving ranges
 * are not screened (Nelson 1982) first: the candidates are a prompt, not a verdict.
 */

const D2 = 1.128;
const SIGMAS = 3;

/** Point numbers beyond 3 sigma on an XmR chart of the series: candidates, for a person to judge, not verdicts. */
export function astronomicalCandidates(values: readonly (number | null)[]): number[] {
  // Sums in one pass, in the points' order (as a mean over a list would add them): an aim's run
  // chart has thousands of points, and nothing need be listed but the candidates.
  let presentSum = 0;
  let presentCount = 0;
  let rangeSum = 0;
  let rangeCount = 0;
  for (let index = 0; index < values.length; index += 1) {
    const current = values[index] ?? null;
    if (current === null) continue;
    presentSum += current;
    presentCount += 1;
    const previous = index > 0 ? (values[index - 1] ?? null) : null;
    if (previous !== null) {
      rangeSum += Math.abs(current - previous);
      rangeCount += 1;
    }
  }
  if (rangeCount === 0) return [];
  const centre = presentSum / presentCount;
  const sigma = rangeSum / rangeCount / D2;
  // No variation between neighbours: no limits to be beyond.
  if (sigma === 0) return [];
  const candidates: number[] = [];
  for (let index = 0; index < values.length; index += 1) {
    const value = values[index] ?? null;
    if (value !== null && Math.abs(value - centre) > SIGMAS * sigma) candidates.push(index + 1);
  }
  return candidates;
}
