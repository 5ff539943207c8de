/**
 * Which character separates the values of a CSV file: the canonical format says comma, Excel in
 * much of Europe writes semicolons, and Excel's "Unicode text" writes tabs. The header row
 * decides: the candidate found most often in it, outside quotes; a comma when there is a tie or
 * none at all (a one-column file).
 */

export type Separator = ',' | ';' | '\t';

const candidates: readonly Separator[] = [',', ';', '\t'];

export function detectSeparator(head: string): Separator {
  const counts = new Map<Separator, number>(candidates.map((c) => [c, 0]));
  let quoted = false;
  for (const char of head.replace(/^\uFEFF/, '')) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && counts.has(char as Separator)) counts.set(char as Separator, (counts.get(char as Separator) ?? 0) + 1);
  }
  let best: Separator = ',';
  for (const candidate of candidates) if ((counts.get(candidate) ?? 0) > (counts.get(best) ?? 0)) best = candidate;
  return best;
}
