/** Rounds half away from zero to `places` decimals, for showing a figure (never for computing one). */
export function roundTo(value: number, places = 1): number {
  const factor = 10 ** places;
  const scaled = Math.abs(value) * factor;
  // The small epsilon keeps 26.05 (stored as 26.04999…) rounding as a person would.
  const rounded = Math.round(scaled + 1e-9) / factor;
  return value < 0 ? -rounded : rounded;
}

export function roundOrNull(value: number | null, places = 1): number | null {
  return value === null ? null : roundTo(value, places);
}

/** "2 days", "1 day", "1.5 days". */
export function daysWords(days: number): string {
  const rounded = roundTo(days, 1);
  return `${rounded} ${rounded === 1 ? 'day' : 'days'}`;
}

/** "42 weeks", "1 week", "26.1 weeks": weeks to one decimal, a whole number without its ".0". */
export function weeksWords(weeks: number): string {
  const rounded = roundTo(weeks, 1);
  return `${rounded} ${rounded === 1 ? 'week' : 'weeks'}`;
}

const countFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });

/** A count as a person reads it: "1,351", "20,000", "999" (commas between thousands). For words, never for data. */
export function formatCount(count: number): string {
  return countFormat.format(count);
}

/** A count, or the mark that stands for one withheld ("[c]"), as a person reads it. */
export function countText(count: number | string): string {
  return typeof count === 'number' ? formatCount(count) : count;
}
