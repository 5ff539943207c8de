/**
 * Quantiles by linear interpolation between order statistics (Hyndman & Fan type 7, the default
 * of R's `quantile` and of spreadsheets' QUARTILE.INC), so a data lead can check them in Excel.
 */
export function quantile(sortedValues: ArrayLike<number>, probability: number): number | null {
  if (sortedValues.length === 0) return null;
  const position = (sortedValues.length - 1) * probability;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  const low = sortedValues[lower] as number;
  const high = sortedValues[upper] as number;
  return low + (high - low) * (position - lower);
}

export interface Quartiles {
  readonly q1: number;
  readonly median: number;
  readonly q3: number;
}

export function quartiles(values: readonly number[]): Quartiles | null {
  if (values.length === 0) return null;
  // A typed array sorts numbers natively, several times faster than a comparator on thousands of values.
  const sorted = new Float64Array(values).sort();
  return { q1: quantile(sorted, 0.25) as number, median: quantile(sorted, 0.5) as number, q3: quantile(sorted, 0.75) as number };
}
