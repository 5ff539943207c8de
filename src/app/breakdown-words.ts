/**
 * A breakdown in words (docs/decisions/0026-breakdowns.md): each group's name in a table and in a
 * sentence, and what the breakdown says first — which group was in time least often, whether the
 * intervals overlap, and which group's median wait is longest. The page, its chart and its files
 * all name groups the same way.
 */
import type { BreakdownReading } from '../domain/breakdown-reading.js';
import { ageBands, notRecorded, type BreakdownDimension } from '../domain/breakdown.js';
import { isJourneyRoute, isPlacementType, isSex, journeyRouteLabels, placementTypeLabels, sexLabels, type JourneyRoute, type PlacementType } from '../domain/codes.js';
import type { PublishedBreakdown, PublishedGroup } from '../domain/published-breakdown.js';
import { countText, formatPercent, formatWeeks, plural } from './format.js';

/** What each dimension splits by, after "by": "Aim 2 by age band at the start". */
export const dimensionWords: Readonly<Record<BreakdownDimension, string>> = {
  age: 'age band at the start',
  sex: 'sex',
  placement: 'placement type at the start',
  route: 'route',
  team: 'team',
  locality: 'locality',
};

/** The dimensions' names on their own, for a choice: "Age band at the start". */
export const dimensionLabels: Readonly<Record<BreakdownDimension, string>> = {
  age: 'Age',
  sex: 'Sex',
  placement: 'Placement type',
  route: 'Route',
  team: 'Team',
  locality: 'Locality',
};

const placementPhrases: Readonly<Record<PlacementType, string>> = {
  home: 'at home with parents',
  kinship: 'in kinship care',
  foster: 'in foster care',
  adopters: 'with prospective adopters',
  residential: 'in residential care',
  secure: 'in secure care',
  other: 'in another setting',
};

const routePhrases: Readonly<Record<JourneyRoute, string>> = {
  home: 'whose plan is to return to or remain at home',
  kinship_order: 'whose plan is a kinship care order',
  permanence_order: 'whose plan is a permanence order',
  poa: 'whose plan is a permanence order with authority to adopt',
  adoption: 'whose plan is adoption',
  undecided: 'with no plan recorded yet',
};

type Named = Pick<PublishedGroup, 'key' | 'name'>;

/** A group's name in a table or on the chart: "12–15", "Female", "Foster care", "North", "Not recorded". */
export function groupLabel(dimension: BreakdownDimension, group: Named): string {
  if (group.key === 'all') return 'All children';
  if (group.key === notRecorded) return 'Not recorded';
  switch (dimension) {
    case 'age':
      return ageBands.find((b) => b.key === group.key)?.label ?? group.key;
    case 'sex':
      return isSex(group.key) ? capitalise(sexLabels[group.key]) : group.key;
    case 'placement':
      return isPlacementType(group.key) ? capitalise(placementTypeLabels[group.key]) : group.key;
    case 'route':
      return isJourneyRoute(group.key) ? capitalise(journeyRouteLabels[group.key]) : group.key;
    case 'team':
    case 'locality':
      return group.name ?? group.key;
    default:
      return assertNever(dimension);
  }
}

/** A group's children in a sentence: "children aged 12–15", "children who started in foster care". */
export function groupPhrase(dimension: BreakdownDimension, group: Named): string {
  if (group.key === 'all') return 'all children';
  const missing = group.key === notRecorded;
  switch (dimension) {
    case 'age': {
      const band = ageBands.find((b) => b.key === group.key);
      return `children aged ${band ? band.label.replace(/^Under/, 'under') : group.key}`;
    }
    case 'sex':
      return missing ? 'children whose sex is not recorded' : `children recorded as ${isSex(group.key) ? sexLabels[group.key] : group.key}`;
    case 'placement':
      return missing ? 'children in no placement at the start' : `children who started ${isPlacementType(group.key) ? placementPhrases[group.key] : group.key}`;
    case 'route':
      return `children ${isJourneyRoute(group.key) ? routePhrases[group.key] : group.key}`;
    case 'team':
      return missing ? 'children with no team recorded' : `children of ${teamWords(group.name ?? group.key)}`;
    case 'locality':
      return missing ? 'children with no locality recorded' : `children in ${group.name ?? group.key}`;
    default:
      return assertNever(dimension);
  }
}

/** "North East team"; a name that says "team" already is left as it is (as child-filter.ts names a team). */
function teamWords(name: string): string {
  return /\bteam\b/i.test(name) ? name : `${name} team`;
}

/** "62.5% (95% interval 38.6% to 81.5%, 10 of 16)"; `after` goes after the percentage ("62.5% in time (…)"). */
export function percentWords(group: PublishedGroup, after = ''): string {
  if (group.percentage === null || group.interval === null) return 'no percentage';
  return `${formatPercent(group.percentage)}${after} (95% interval ${formatPercent(group.interval.lower)} to ${formatPercent(group.interval.upper)}, ${countText(group.counts.in_time)} of ${countText(group.counts.n)})`;
}

export interface BreakdownWords {
  /** The answer, first: whether any group stands out, and which. */
  readonly answer: readonly string[];
  /** Which group's median wait is longest; null when fewer than two groups have one. */
  readonly median: string | null;
  /** The groups with no percentage, and why; null when every group has one. */
  readonly withoutPercentage: string | null;
  /** "All children: 62.5% in time (95% interval …, 10 of 16)." */
  readonly overall: string;
}

/** What the breakdown says, in sentences, from what the reader may see. */
export function breakdownWords(published: PublishedBreakdown, reading: BreakdownReading): BreakdownWords {
  const { dimension } = published;
  const phrase = (g: Named) => groupPhrase(dimension, g);
  const phrases = (groups: readonly Named[]) => listWords(groups.map(phrase));
  const { verdict } = reading;
  let answer: string[];
  switch (verdict.kind) {
    case 'apart':
      answer = verdict.below.map(({ group, above }) => `${capitalise(phrase(group))} were in time less often: ${percentWords(group)}, against ${listWords(above.map((a) => `${percentWords(a)} for ${phrase(a)}`))}. The intervals do not overlap.`);
      break;
    case 'overlapping': {
      const { lowest, highest } = verdict;
      const same = lowest.length === highest.length && lowest.every((g, i) => g === highest[i]);
      const each = (groups: readonly PublishedGroup[]) => (groups.length === 1 ? percentWords(groups[0] as PublishedGroup) : `${formatPercent((groups[0] as PublishedGroup).percentage as number)} each`);
      answer = [
        'No group stands out: every interval overlaps the others.',
        same ? `Every group was in time as often: ${formatPercent((lowest[0] as PublishedGroup).percentage as number)}.` : `In time least often: ${phrases(lowest)}, ${each(lowest)}; most often: ${phrases(highest)}, ${each(highest)}.`,
      ];
      break;
    }
    case 'one-group':
      answer = [`Only ${phrase(verdict.group)} have a percentage: ${percentWords(verdict.group)}. No other group has one to compare it with.`];
      break;
    case 'no-percentage':
      answer = [published.suppressed ? 'No group’s percentage is shown: each would give away a count under 5.' : 'No group has a percentage yet: no journey has reached the milestone or gone past its timescale.'];
      break;
    default:
      answer = assertNever(verdict);
  }
  return {
    answer,
    median: medianWords(reading, phrase),
    withoutPercentage:
      reading.withoutPercentage.length === 0 || verdict.kind === 'no-percentage'
        ? null
        : published.suppressed
          ? `Not shown, their numbers being too small to share: ${phrases(reading.withoutPercentage)}.`
          : `No percentage yet for ${phrases(reading.withoutPercentage)}: none of their journeys has reached the milestone or gone past its timescale.`,
    overall: published.all.percentage === null ? (published.all.percentageHidden ? 'All children: the percentage is too small to share.' : 'All children: no percentage yet.') : `All children: ${percentWords(published.all, ' in time')}.`,
  };
}

function medianWords(reading: BreakdownReading, phrase: (g: Named) => string): string | null {
  const longest = reading.longestMedian;
  if (longest === null) return null;
  const weeks = formatWeeks(longest.weeks);
  if (longest.groups.length === reading.withMedian) return `The median wait to the milestone is the same in every group that has one: ${weeks}.`;
  if (longest.groups.length > 1) return `The longest median wait to the milestone, ${weeks}, is shared by ${listWords(longest.groups.map(phrase))}.`;
  const group = longest.groups[0] as PublishedGroup;
  return `The longest median wait to the milestone: ${phrase(group)}, ${weeks}${group.completed === null ? '' : ` (${plural(group.completed, 'journey')} that reached it)`}.`;
}

/** "a", "a and b", "a, b and c". */
export function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1) as string}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function assertNever(value: never): never {
  throw new Error(`unhandled: ${JSON.stringify(value)}`);
}
