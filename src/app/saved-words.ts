/**
 * What a save did, in the words every page and command that loads records uses: added, changed (a
 * record replaced, its previous version kept) and unchanged, of each kind.
 */
import type { SaveSummary } from '../store/index.js';
import { formatCount } from './format.js';

/**
 * "children 2 added, 0 changed, 0 unchanged; placements …". `count` writes each number: with commas
 * between thousands on a page (the default); the command line passes `String`, its output being read
 * by scripts as well as people.
 */
export function savedWords(saved: SaveSummary, count: (value: number) => string = formatCount): string {
  return (['children', 'placements', 'events'] as const).map((t) => `${t} ${count(saved[t].added)} added, ${count(saved[t].changed)} changed, ${count(saved[t].unchanged)} unchanged`).join('; ');
}
