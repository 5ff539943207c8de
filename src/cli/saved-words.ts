/** What a save did, in the words every command that loads records prints them: added, changed (a record replaced, its previous version kept) and unchanged, of each kind. */
import type { SaveSummary } from '../store/index.js';

export function savedWords(saved: SaveSummary): string {
  return (['children', 'placements', 'events'] as const).map((t) => `${t} ${saved[t].added} added, ${saved[t].changed} changed, ${saved[t].unchanged} unchanged`).join('; ');
}
