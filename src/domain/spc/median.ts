/**
 * The median of a run chart's points (docs/run-charts.md, "Centre line"), ignoring missing values as
 * R's `median(x, na.rm = TRUE)` does in qicharts2 and runcharter.
 */

let scratch = new Float64Array(64);

/** The middle value of the points that are present (the mean of the two middle ones for an even count); null when none are. */
export function median(values: readonly (number | null)[]): number | null {
  // The present values in a typed array, filled in a loop (Float64Array.from walks its source
  // through an iterator), whose middle is found by selection rather than a sort: an aim's figures
  // and run chart take medians of thousands of weeks. The array is one kept for the purpose and
  // reused (nothing of it outlives the call): re-phasing takes the median of every run of nine.
  let count = 0;
  for (let i = 0; i < values.length; i++) if (values[i] !== null) count += 1;
  if (count === 0) return null;
  if (scratch.length < count) scratch = new Float64Array(Math.max(count, 2 * scratch.length));
  const present = scratch;
  let next = 0;
  let ordinary = true;
  for (let i = 0; i < values.length; i++) {
    const value = values[i] as number | null;
    if (value === null) continue;
    present[next++] = value;
    // NaN and −0 order differently in a sort than in comparisons: such a series is sorted.
    if (value !== value || Object.is(value, -0)) ordinary = false;
  }
  const middle = Math.floor(count / 2);
  if (!ordinary || !selectNth(present, count, middle)) present.subarray(0, count).sort();
  const upper = present[middle] as number;
  if (count % 2 === 1) return upper;
  // Everything before the middle is no greater than it, so the lower middle value is their largest.
  let lower = present[0] as number;
  for (let i = 1; i < middle; i++) if ((present[i] as number) > lower) lower = present[i] as number;
  return (lower + upper) / 2;
}

/**
 * Moves the value that a sort of the first `count` values would put at `nth` there, with no greater value before it and no
 * smaller one after (quickselect, Hoare's partition with a median-of-three pivot). Gives up, leaving
 * the values reordered but unsorted, after more rounds than a fair pivot would need: the caller
 * sorts instead.
 */
function selectNth(values: Float64Array, count: number, nth: number): boolean {
  let low = 0;
  let high = count - 1;
  let rounds = 0;
  const patience = 2 * Math.ceil(Math.log2(count + 1)) + 8;
  while (high > low) {
    if (++rounds > patience) return false;
    const mid = low + ((high - low) >> 1);
    const a = values[low] as number;
    const b = values[mid] as number;
    const c = values[high] as number;
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
    let i = low;
    let j = high;
    while (i <= j) {
      while ((values[i] as number) < pivot) i++;
      while ((values[j] as number) > pivot) j--;
      if (i <= j) {
        const swap = values[i] as number;
        values[i] = values[j] as number;
        values[j] = swap;
        i++;
        j--;
      }
    }
    if (nth <= j) high = j;
    else if (nth >= i) low = i;
    else return true;
  }
  return true;
}
