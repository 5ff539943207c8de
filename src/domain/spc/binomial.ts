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
