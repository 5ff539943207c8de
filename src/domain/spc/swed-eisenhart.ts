/**
 * The exact distribution of the number of runs, given how many useful points fall above and
 * below the centre line, and the two-sided 5% limits the IHI runs rule reads from it.
 *
 * References: Swed FS, Eisenhart C (1943) "Tables for testing randomness of grouping in a sequence
 * of alternatives", Ann Math Stat 14(1):66–87; Perla RJ, Provost LP, Murray SK (2011) "The run
 * chart: a simple analytical tool for learning from variation in healthcare processes", BMJ Qual
 * Saf 20:46–51, Table 1.
 *
 * With a points above and b below, all C(a+b, a) orders equally likely, the number of orders with
 *   r = 2k runs:   2·C(a−1, k−1)·C(b−1, k−1)
 *   r = 2k+1 runs: C(a−1, k−1)·C(b−1, k) + C(a−1, k)·C(b−1, k−1)
 *
 * Limits, the definition chosen: lower L = the smallest r with P(R ≤ r) > 0.025, and "too few"
 * when runs < L; upper U = the largest r with P(R ≥ r) > 0.025, and "too many" when runs > U.
 * So a count is flagged exactly when the tail beyond it, itself included, holds at most 2.5%.
 * Swed and Eisenhart tabulate the flagged counts themselves (for 10 above and 10 below: 6 or
 * fewer, 16 or more), which are L − 1 and U + 1 here (L = 7, U = 15).
 */
import { choose, logFactorialsTo } from './binomial.js';

/** Two limits: fewer runs than the first, or more than the second, is unusual. */
export type RunsLimits = readonly [lower: number, upper: number];

export interface RunsDistribution {
  /** `orders[r]`: how many of the equally likely orders have exactly r runs. */
  readonly orders: readonly bigint[];
  /** All orders: C(nAbove + nBelow, nAbove). */
  readonly total: bigint;
}

/** How the number of runs is distributed by chance, given the counts of useful points above and below the centre line. */
export function runsDistribution(nAbove: number, nBelow: number): RunsDistribution {
  assertCount(nAbove, 'nAbove');
  assertCount(nBelow, 'nBelow');
  const n = nAbove + nBelow;
  // Each row of binomial coefficients once (O(n) big-integer steps), not a coefficient per term:
  // a chart of thousands of journeys must still be analysed in milliseconds.
  const above = binomialRow(nAbove - 1);
  const below = binomialRow(nBelow - 1);
  const orders: bigint[] = [];
  for (let runs = 0; runs <= n; runs += 1) orders.push(ordersWithRuns(nAbove, nBelow, runs, above, below));
  return { orders, total: choose(n, nAbove) };
}

/** The exact two-sided 5% limits for the number of runs (Swed–Eisenhart), given the counts above and below the centre line. */
export function runsLimits(nAbove: number, nBelow: number): RunsLimits {
  // Long series (thousands of journeys): the tails in floating point decide the limits whenever
  // no tail lies within a hair of 2.5%; only then are the whole numbers summed. Same answer, fast.
  if (nAbove + nBelow > exactUpTo) {
    const quick = floatingLimits(nAbove, nBelow);
    if (quick !== null) return quick;
  }
  return exactRunsLimits(nAbove, nBelow);
}

const exactUpTo = 400;
/** Relative distance from 2.5% within which the floating-point tail is not trusted: a thousand times the error seen in the total probability (about 4e-10 at 13,600 points). */
const margin = 1e-6;

function exactRunsLimits(nAbove: number, nBelow: number): RunsLimits {
  const { orders, total } = runsDistribution(nAbove, nBelow);
  // P(tail) > 0.025 ⇔ tail·40 > total, on whole numbers.
  let lower = 0;
  for (let cumulative = 0n; lower < orders.length; lower += 1) {
    cumulative += orders[lower] as bigint;
    if (cumulative * 40n > total) break;
  }
  let upper = orders.length - 1;
  for (let cumulative = 0n; upper >= 0; upper -= 1) {
    cumulative += orders[upper] as bigint;
    if (cumulative * 40n > total) break;
  }
  return [lower, upper];
}

function ordersWithRuns(nAbove: number, nBelow: number, runs: number, above: readonly bigint[], below: readonly bigint[]): bigint {
  if (runs === 0) return nAbove === 0 && nBelow === 0 ? 1n : 0n;
  // One run: every useful point on one side; the general formula does not cover it.
  if (runs === 1) return (nAbove === 0) !== (nBelow === 0) ? 1n : 0n;
  const k = Math.floor(runs / 2);
  const a = (j: number) => above[j] ?? 0n;
  const b = (j: number) => below[j] ?? 0n;
  if (runs % 2 === 0) return 2n * a(k - 1) * b(k - 1);
  return a(k - 1) * b(k) + a(k) * b(k - 1);
}

/** C(m, 0), C(m, 1), …, C(m, m); empty when m is negative. */
function binomialRow(m: number): bigint[] {
  const row: bigint[] = [];
  let value = 1n;
  for (let j = 0; j <= m; j += 1) {
    row.push(value);
    value = (value * BigInt(m - j)) / BigInt(j + 1);
  }
  return row;
}

function assertCount(count: number, name: string): void {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`invalid ${name}: ${count}`);
}

/** The limits from log-space probabilities, or null when a tail is too close to 2.5% to be sure. */
function floatingLimits(nAbove: number, nBelow: number): RunsLimits | null {
  if (nAbove === 0 || nBelow === 0) return null;
  const n = nAbove + nBelow;
  const logFactorial = logFactorialsTo(n);
  const logChoose = (m: number, j: number) => (j < 0 || j > m ? -Infinity : (logFactorial[m] as number) - (logFactorial[j] as number) - (logFactorial[m - j] as number));
  const logTotal = logChoose(n, nAbove);
  const probability = (runs: number) => {
    const k = Math.floor(runs / 2);
    if (runs % 2 === 0) return 2 * Math.exp(logChoose(nAbove - 1, k - 1) + logChoose(nBelow - 1, k - 1) - logTotal);
    return Math.exp(logChoose(nAbove - 1, k - 1) + logChoose(nBelow - 1, k) - logTotal) + Math.exp(logChoose(nAbove - 1, k) + logChoose(nBelow - 1, k - 1) - logTotal);
  };
  const tail = (from: number, step: number): number | null => {
    let cumulative = 0;
    for (let runs = from; runs >= 2 && runs <= n; runs += step) {
      const next = cumulative + probability(runs);
      if (next > 0.025) return Math.abs(next - 0.025) > 0.025 * margin && Math.abs(cumulative - 0.025) > 0.025 * margin ? runs : null;
      cumulative = next;
    }
    return null;
  };
  const lower = tail(2, 1);
  const upper = tail(n, -1);
  return lower === null || upper === null ? null : [lower, upper];
}
