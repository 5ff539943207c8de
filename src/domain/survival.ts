/**
 * Time to the end milestone with waiting journeys censored: the Kaplan–Meier estimate (Kaplan &
 * Meier 1958). The run chart shows only completed journeys and the waiting chart only open ones;
 * this view shows both at once, so short waits finishing first cannot fake an improvement
 * (docs/run-charts.md, "Known trap: right-censoring").
 */

export interface SurvivalStep {
  /** Days since the journey started. */
  readonly days: number;
  /** Share of journeys still without their end milestone just after this day (1 → 0). */
  readonly stillWaiting: number;
  readonly atRisk: number;
  readonly ended: number;
  readonly censored: number;
}

export interface SurvivalCurve {
  readonly n: number;
  readonly ended: number;
  readonly censored: number;
  /** Starts at day 0 with everyone waiting. */
  readonly steps: readonly SurvivalStep[];
  /** The first day on which half or more had reached the milestone; null if not yet. */
  readonly medianDays: number | null;
}

export interface SurvivalObservation {
  readonly days: number;
  /** True when the milestone was reached on `days`; false when still waiting (censored) then. */
  readonly ended: boolean;
}

/** The Kaplan–Meier curve. On a day with both, endings are counted before censorings (the usual convention). */
export function kaplanMeier(observations: readonly SurvivalObservation[]): SurvivalCurve {
  let ended = 0;
  for (const o of observations) if (o.ended) ended += 1;
  const endedDays = new Float64Array(ended);
  const censoredDays = new Float64Array(observations.length - ended);
  let e = 0;
  let c = 0;
  for (const o of observations) {
    if (o.ended) endedDays[e++] = o.days;
    else censoredDays[c++] = o.days;
  }
  return kaplanMeierOfDays(endedDays, censoredDays);
}

/**
 * The same from the days of the journeys that ended and of those still waiting (censored), for
 * callers with thousands of journeys: two lists of numbers sorted natively and walked together,
 * rather than an object for each journey and a map of days (the arrays are sorted in place).
 */
export function kaplanMeierOfDays(endedDays: Float64Array, censoredDays: Float64Array): SurvivalCurve {
  endedDays.sort();
  censoredDays.sort();
  const n = endedDays.length + censoredDays.length;
  let atRisk = n;
  let stillWaiting = 1;
  let medianDays: number | null = null;
  const steps: SurvivalStep[] = [{ days: 0, stillWaiting: 1, atRisk, ended: 0, censored: 0 }];
  let e = 0;
  let c = 0;
  while (e < endedDays.length || c < censoredDays.length) {
    // The next day on which anything happened, and how many ended and were censored on it.
    const nextEnded = e < endedDays.length ? (endedDays[e] as number) : Infinity;
    const nextCensored = c < censoredDays.length ? (censoredDays[c] as number) : Infinity;
    const day = nextEnded < nextCensored ? nextEnded : nextCensored;
    let ended = 0;
    let censored = 0;
    while (e < endedDays.length && endedDays[e] === day) {
      ended += 1;
      e += 1;
    }
    while (c < censoredDays.length && censoredDays[c] === day) {
      censored += 1;
      c += 1;
    }
    if (ended > 0) stillWaiting *= 1 - ended / atRisk;
    steps.push({ days: day, stillWaiting, atRisk, ended, censored });
    if (medianDays === null && stillWaiting <= 0.5 + 1e-12) medianDays = day;
    atRisk -= ended + censored;
  }
  return { n, ended: endedDays.length, censored: censoredDays.length, steps, medianDays };
}
