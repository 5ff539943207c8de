/**
 * Exact binomial coefficients. The run-chart limits are tail probabilities of sums of these; in
 * floating point, a probability of 0.02506 against a cut-off of 0.025 is too close to trust, so
 * every limit in this folder is decided on whole-number counts instead.
 */

/** The number of ways to choose `k` of `n` things, exactly; 0 when `k` is out of range. */
export function choose(n: number, k: number): bigint {
  if (k < 0 || k > n || n < 0) return 0n;
  const smaller = Math.min(k, n - k);
  let result = 1n;
  for (let i = 0; i < smaller; i += 1) {
    // Each partial product is itself a binomial coefficient, so the division is exact.
    result = (result * BigInt(n - i)) / BigInt(i + 1);
  }
  return result;
}

// log(i!) for i = 0, 1, 2, …: one table for every series, grown when a longer one asks, each entry
// the one before plus log i (so the same numbers whichever series asked first).
let logFactorials = new Float64Array(2);

/** A table of log(i!) for every i from 0 to at least `n`. */
export function logFactorialsTo(n: number): Float64Array {
  if (n < logFactorials.length) return logFactorials;
  const grown = new Float64Array(Math.max(n + 1, 2 * logFactorials.length));
  grown.set(logFactorials);
  for (let i = logFactorials.length; i < grown.length; i += 1) grown[i] = (grown[i - 1] as number) + Math.log(i);
  logFactorials = grown;
  return grown;
}
