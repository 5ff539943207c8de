/**
 * Anhøj's run-chart rules: an unusually long run, or unusually few crossings of the centre line,
 * signals non-random variation.
 *
 * References: qicharts2 (GitHub anhoej/qicharts2, R/helper.functions.R, `runs.analysis` and
 * `crsignal`); Anhøj J, Olesen AV (2014) "Run charts revisited: a simulation study of run chart
 * rules for detection of non-random variation in health care processes", PLoS ONE 9(11):e113825.
 *
 * qicharts2 computes `round(log2(n.useful)) + 3` and `qbinom(0.05, n.useful - 1, 0.5)` in floating
 * point. Here both are computed on whole numbers. R's `round` halves to even, JavaScript's upward,
 * but that never matters: log2(n) is a half-integer only if n² is an odd power of two, which no
 * whole n is.
 */
import { logFactorialsTo } from './binomial.js';
import { summariseRuns, type RunSummary } from './runs.js';

export interface AnhoejResult {
  readonly n_useful: number;
  readonly longest_run: number;
  /** Null when there are no useful points (log2 of 0 has no value). */
  readonly longest_run_max: number | null;
  readonly n_crossings: number;
  /** Null when there are no useful points. */
  readonly n_crossings_min: number | null;
  readonly signal: boolean;
}

/** The longest run expected by chance among `nUseful` useful points: round(log2(nUseful)) + 3. */
export function longestRunMax(nUseful: number): number {
  assertCount(nUseful, 1);
  // round(log2 n) = k exactly when 2^(2k−1) < n² < 2^(2k+1).
  const square = BigInt(nUseful) ** 2n;
  let k = 0n;
  while (square >= 2n ** (2n * k + 1n)) k += 1n;
  return Number(k) + 3;
}

/**
 * The fewest crossings expected by chance among `nUseful` useful points: the smallest k with
 * P(Binomial(nUseful − 1, ½) ≤ k) ≥ 0.05, which is R's `qbinom(0.05, nUseful − 1, 0.5)`.
 */
export function crossingsMin(nUseful: number): number {
  assertCount(nUseful, 1);
  const trials = nUseful - 1;
  // Long series: the tail in floating point decides unless it lies within a hair of 5%; only
  // then are the whole numbers summed (swed-eisenhart.ts does the same for the runs limits).
  if (trials > 400) {
    const quick = floatingCrossingsMin(trials);
    if (quick !== null) return quick;
  }
  const outcomes = 2n ** BigInt(trials);
  let ways = 1n; // C(trials, k), updated as k grows
  let cumulative = 0n;
  for (let k = 0; k <= trials; k += 1) {
    cumulative += ways;
    // cumulative / outcomes ≥ 1/20, on whole numbers.
    if (cumulative * 20n >= outcomes) return k;
    ways = (ways * BigInt(trials - k)) / BigInt(k + 1);
  }
  throw new Error(`unreachable: the binomial tail for ${nUseful} useful points never reached 5%`);
}

/** The smallest k with P(Binomial(trials, ½) ≤ k) ≥ 0.05 from log-space terms, or null when too close to call. */
function floatingCrossingsMin(trials: number): number | null {
  const margin = 1e-6;
  // log C(trials, k) from a table of log factorials (shared by every series) rather than two
  // logarithms a step.
  const logFactorial = logFactorialsTo(trials);
  const logTrials = logFactorial[trials] as number;
  const logOutcomes = trials * Math.LN2;
  let cumulative = 0;
  for (let k = 0; k <= trials; k += 1) {
    const logWays = logTrials - (logFactorial[k] as number) - (logFactorial[trials - k] as number);
    const next = cumulative + Math.exp(logWays - logOutcomes);
    if (next >= 0.05) return Math.abs(next - 0.05) > 0.05 * margin && Math.abs(cumulative - 0.05) > 0.05 * margin ? k : null;
    cumulative = next;
  }
  return null;
}

/** Anhøj's rules for a series against its centre line (`runs`: its runs, when the caller has them already). */
export function anhoejRules(values: readonly (number | null)[], cl: number, runs: RunSummary = summariseRuns(values, cl)): AnhoejResult {
  const { n_useful, longest_run, n_crossings } = runs;
  if (n_useful === 0) {
    return { n_useful, longest_run, longest_run_max: null, n_crossings, n_crossings_min: null, signal: false };
  }
  const longest_run_max = longestRunMax(n_useful);
  const n_crossings_min = crossingsMin(n_useful);
  const signal = longest_run > longest_run_max || n_crossings < n_crossings_min;
  return { n_useful, longest_run, longest_run_max, n_crossings, n_crossings_min, signal };
}

function assertCount(count: number, least: number): void {
  if (!Number.isInteger(count) || count < least) throw new RangeError(`invalid count of useful points: ${count}`);
}
