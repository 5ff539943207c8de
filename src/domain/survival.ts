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
  const byDay = new Map<number, { ended: number; censored: number }>();
  for (const o of observations) {
    const entry = byDay.get(o.days) ?? { ended: 0, censored: 0 };
    if (o.ended) entry.ended += 1;
    else entry.censored += 1;
    byDay.set(o.days, entry);
  }
  const days = [...byDay.keys()].sort((a, b) => a - b);
  let atRisk = observations.length;
  let stillWaiting = 1;
  let medianDays: number | null = null;
  const steps: SurvivalStep[] = [{ days: 0, stillWaiting: 1, atRisk, ended: 0, censored: 0 }];
  for (const day of days) {
    const { ended, censored } = byDay.get(day) as { ended: number; censored: number };
    if (ended > 0) stillWaiting *= 1 - ended / atRisk;
    steps.push({ days: day, stillWaiting, atRisk, ended, censored });
    if (medianDays === null && stillWaiting <= 0.5 + 1e-12) medianDays = day;
    atRisk -= ended + censored;
  }
  const ended = observations.filter((o) => o.ended).length;
  return { n: observations.length, ended, censored: observations.length - ended, steps, medianDays };
}
