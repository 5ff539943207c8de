/** An aim in words, as the programme wrote them, so a figure is never shown without its definition. */
import { aimSubject, type Aim, type AimFilters } from './aim.js';
import { placementTypeLabels, type JourneyRoute } from './codes.js';
import { longDate } from './date.js';
import type { JourneyKind } from './journey.js';
import { measureWords, type MeasureDefinition } from './measure-definition.js';
import { describeTimescale } from './timescale.js';

interface KindWords {
  /** Who: "children who become looked after and accommodated". */
  readonly cohort: string;
  /** The end milestone: "a permanence recommendation". */
  readonly end: string;
  /** From what the time is counted: "of becoming looked after and accommodated". */
  readonly since: string;
  /** For the backlog part: "children accommodated". */
  readonly backlogCohort: string;
}

const words: Readonly<Record<JourneyKind, KindWords>> = {
  'at-home': {
    cohort: 'children looked after at home on a Compulsory Supervision Order',
    end: 'a review of their whole period at home',
    since: 'of becoming looked after at home',
    backlogCohort: 'children looked after at home',
  },
  accommodation: {
    cohort: 'children who become looked after and accommodated',
    end: 'a permanence recommendation',
    since: 'of becoming looked after and accommodated',
    backlogCohort: 'children accommodated',
  },
  recommendation: {
    cohort: 'children with a recommendation for permanence away from home',
    end: 'an Agency Decision Maker decision',
    since: 'of the recommendation',
    backlogCohort: 'children recommended for permanence',
  },
  adm: {
    cohort: 'children whose permanence plan the Agency Decision Maker approved',
    end: 'an application lodged at court',
    since: 'of the Agency Decision Maker decision',
    backlogCohort: 'children whose plan was approved',
  },
};

/** A local measure's words: "children who become looked after and accommodated … will have a permanence planning meeting … of becoming looked after and accommodated". */
function measureSentenceWords(definition: MeasureDefinition): KindWords {
  const { cohort, end, since } = measureWords(definition);
  return { cohort, end, since, backlogCohort: cohort.replace(/ who become /, ' who became ') };
}

/**
 * "By 31 January 2019, 70% of children who become looked after and accommodated on or after
 * 2 July 2018 will have a permanence recommendation within 26 weeks of becoming looked after and
 * accommodated." Parts the aim does not set are left out rather than invented.
 */
export function aimSentence(aim: Aim): string {
  const subject = aimSubject(aim);
  const w = typeof subject === 'string' ? words[subject] : measureSentenceWords(subject);
  const by = aim.byDate ? `By ${longDate(aim.byDate)}, ` : '';
  const who = aim.targetPercent === null ? `all ${w.cohort}` : `${formatPercent(aim.targetPercent)}% of ${w.cohort}`;
  const from = aim.fromDate ? ` on or after ${longDate(aim.fromDate)}` : '';
  const { including, excluding } = filterWords(aim.filters);
  const only = including.length ? ` (${including.join('; ')})` : '';
  const except = excluding.length ? `, excluding ${listWords(excluding, 'and')},` : '';
  const opening = `${by}${who}${from}${only}${except}`;
  // "held on its planned date": a timescale of 0 days from a planned date.
  const within = typeof subject !== 'string' && subject.start.kind === 'planned' && aim.timescale.unit === 'days' && aim.timescale.days === 0 ? 'on its planned date' : `within ${describeTimescale(aim.timescale)} ${w.since}`;
  const sentence = `${capitalise(opening)} will have ${w.end} ${within}.`;
  if (!aim.backlog) return sentence;
  return `${sentence} By ${longDate(aim.backlog.byDate)}, all ${w.backlogCohort} before ${longDate(aim.backlog.startedBefore)} will have ${w.end}.`;
}

/** A plan's route as the programme's aims name it: "excluding children with a kinship or return-home plan". */
const planWords: Readonly<Record<Exclude<JourneyRoute, 'undecided'>, string>> = {
  home: 'return-home',
  kinship_order: 'kinship',
  permanence_order: 'permanence order',
  poa: 'permanence order with authority to adopt',
  adoption: 'adoption',
};

/** "children with a kinship or return-home plan", "children with no plan yet", or both joined. */
function planClause(routes: readonly JourneyRoute[]): string {
  const named = routes.filter((r): r is Exclude<JourneyRoute, 'undecided'> => r !== 'undecided').map((r) => planWords[r]);
  const parts = named.length ? [`with ${named[0] === 'adoption' ? 'an' : 'a'} ${listWords(named)} plan`] : [];
  if (routes.includes('undecided')) parts.push('with no plan yet');
  return parts.join(' or ');
}

/** The aim's filters in words: what narrows the cohort, and what is excluded from it. */
function filterWords(filters: AimFilters): { including: string[]; excluding: string[] } {
  const including: string[] = [];
  const excluding: string[] = [];
  if (filters.placementTypes?.length) including.push(`placed in ${listWords(filters.placementTypes.map((t) => placementTypeLabels[t]))} at the start`);
  if (filters.minAge !== undefined && filters.maxAge !== undefined) including.push(`aged ${filters.minAge} to ${filters.maxAge} at the start`);
  else if (filters.minAge !== undefined) including.push(`aged ${filters.minAge} or over at the start`);
  else if (filters.maxAge !== undefined) including.push(`aged ${filters.maxAge} or under at the start`);
  if (filters.routes?.length) including.push(planClause(filters.routes));
  if (filters.inSiblingGroup === true) including.push('in a sibling group');
  if (filters.teams?.length) including.push(`allocated to ${listWords(filters.teams)}`);
  if (filters.placementTypesNot?.length) excluding.push(`children placed in ${listWords(filters.placementTypesNot.map((t) => placementTypeLabels[t]))} at the start`);
  if (filters.routesNot?.length) excluding.push(`children ${planClause(filters.routesNot)}`);
  if (filters.inSiblingGroup === false) excluding.push('children in a sibling group');
  return { including, excluding };
}

function listWords(items: readonly string[], conjunction: 'or' | 'and' = 'or'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function formatPercent(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}
