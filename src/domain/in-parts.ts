/**
 * Long work over an authority's children done a part at a time: `between` is awaited after each
 * part, and a web server passes a turn of the event loop there (app/turns.ts), so that it goes on
 * answering other requests meanwhile (issue 18, point 3; issue 19, point 7).
 */

/** Awaited between two parts of the work. */
export type Between = () => Promise<void>;

/** `work` done on each of `items` in order, `perPart` at a time, awaiting `between` after each part. */
export async function inParts<T, R>(items: readonly T[], perPart: number, work: (item: T) => R, between: Between): Promise<R[]> {
  const done: R[] = [];
  for (let start = 0; start < items.length; start += perPart) {
    for (const item of items.slice(start, start + perPart)) done.push(work(item));
    await between();
  }
  return done;
}
