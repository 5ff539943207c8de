/**
 * The floor below which no rule judges a chart (docs/run-charts.md, "Too few points"): the chart is
 * shown without verdicts, and the count is always said.
 */

export const MIN_USEFUL_POINTS = 10;

/** Whether a chart has too few useful points for the rules to judge it. */
export function hasTooFewPoints(nUseful: number): boolean {
  return nUseful < MIN_USEFUL_POINTS;
}

/** The words for a chart with too few useful points ("… this chart has 7"); null when there are enough. */
export function tooFewPointsMessage(nUseful: number): string | null {
  if (!hasTooFewPoints(nUseful)) return null;
  return `${MIN_USEFUL_POINTS} useful points are needed before these rules can judge; this chart has ${nUseful}`;
}
