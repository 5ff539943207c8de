/**
 * The paths a synthetic child takes, in day numbers: looked after at home on a CSO, accommodated,
 * or both in turn; moves, returns home, re-accommodation; the meetings, reviews and decisions on
 * the way, with lognormal delays that shorten once the authority's improvement programme starts.
 */
import type { EventType, LegalBasis, PlacementType, Route } from '../domain/codes.js';
import type { Random } from './random.js';

export interface DraftPlacement {
  start: number;
  /** Last day in it; null while it continues. */
  end: number | null;
  type: PlacementType;
  legalBasis: LegalBasis | null;
  carer: string;
}

export interface DraftEvent {
  type: EventType;
  day: number;
  route: Route | null;
  note?: string;
}

export interface Draft {
  placements: DraftPlacement[];
  events: DraftEvent[];
}

export interface PathContext {
  readonly random: Random;
  /** The day the programme started: delays shrink for journeys starting on or after it. */
  readonly programmeStart: number;
  /** Nothing after this day is kept. */
  readonly lastDay: number;
  /** Makes a new carer reference. */
  readonly newCarer: (type: PlacementType) => string;
}

const week = 7;

/** Median delays in days before and after the programme start (docs/domain.md's stages). */
const delays = {
  recommendation: [45 * week, 24 * week],
  panel: [8 * week, 5 * week],
  adm: [20 * week, 11 * week],
  application: [8 * week, 3 * week],
  order: [26 * week, 20 * week],
  adoptionAfterPoa: [50 * week, 40 * week],
  homeReview: [21 * 30.4, 16 * 30.4],
} as const;

function delay(ctx: PathContext, which: keyof typeof delays, startDay: number, sigma = 0.45): number {
  const [before, after] = delays[which];
  const median = startDay >= ctx.programmeStart ? after : before;
  // A few children wait far longer than anyone: the ones the waiting chart exists for.
  const stuck = ctx.random.chance(0.05) ? 2.5 : 1;
  return Math.max(1, Math.round(ctx.random.lognormal(median * stuck, sigma)));
}

const firstPlacementTypes = { foster: 56, kinship: 26, residential: 11, secure: 2, other: 5 } as const;
const routesAway = { kinship_order: 24, permanence_order: 30, poa: 22, adoption: 24 } as const;

/** A child looked after at home on a CSO from `start`; returns the day the run ended (null if open). */
export function atHome(ctx: PathContext, draft: Draft, start: number, thenAccommodated: boolean): number | null {
  const { random } = ctx;
  draft.placements.push({ start, end: null, type: 'home', legalBasis: 'CSO', carer: 'parents' });
  draft.events.push({ type: 'childrens_hearing', day: start, route: null });
  const reviewNever = random.chance(0.12);
  const review = start + delay(ctx, 'homeReview', start, 0.35);
  const runLength = thenAccommodated ? random.int(60, 500) : Math.round(random.lognormal(900, 0.4));
  const end = start + runLength;
  if (!reviewNever && review <= end) draft.events.push({ type: 'home_review', day: review, route: null });
  for (let day = start + random.int(250, 320); day < end; day += random.int(250, 320)) draft.events.push({ type: 'childrens_hearing', day, route: null });
  const placement = draft.placements[draft.placements.length - 1] as DraftPlacement;
  placement.end = end;
  if (!thenAccommodated) draft.events.push({ type: 'ceased_looked_after', day: end + 1, route: null });
  return end;
}

/** A child accommodated from `start`: placements, reviews and the decisions on the path to permanence. */
export function accommodated(ctx: PathContext, draft: Draft, start: number, allowReaccommodation = true): void {
  const { random } = ctx;
  const after = start >= ctx.programmeStart;
  let type: PlacementType = random.weighted(firstPlacementTypes);
  let day = start;
  const placements: DraftPlacement[] = [];
  const openPlacement = (from: number, placementType: PlacementType, basis: LegalBasis) => {
    const previous = placements[placements.length - 1];
    if (previous) previous.end = from - 1;
    const placement = { start: from, end: null, type: placementType, legalBasis: basis, carer: ctx.newCarer(placementType) };
    placements.push(placement);
    return placement;
  };
  openPlacement(start, type, random.chance(0.5) ? 'CSO' : random.pick(['ICSO', 'CPO', 'S25'] as const));

  // Events of the first weeks.
  if (!random.chance(0.03)) draft.events.push({ type: 'planning_meeting_72h', day: start + random.int(1, after ? 3 : 6), route: null });
  if (random.chance(after ? 0.75 : 0.25)) draft.events.push({ type: 'early_review', day: start + random.pick([14, 21, 28]), route: null });
  draft.events.push({ type: 'childrens_hearing', day: start + random.int(1, 10), route: null });
  draft.events.push({ type: 'care_plan', day: start + 42, route: 'home' });

  // The recommendation, and where it leads.
  const recommendation = start + delay(ctx, 'recommendation', start);
  const route: Route = random.chance(0.22) ? 'home' : random.weighted(routesAway);
  if (random.chance(after ? 0.7 : 0.3)) {
    const requested = recommendation - random.int(30, 90);
    draft.events.push({ type: 'legal_advice_requested', day: requested, route: null });
    draft.events.push({ type: 'legal_advice_received', day: requested + random.int(7, 35), route: null });
  }
  if (random.chance(0.4)) draft.events.push({ type: 'permanence_planning_meeting', day: recommendation, route: null });
  draft.events.push({ type: 'permanence_recommendation', day: recommendation, route });
  draft.events.push({ type: 'care_plan', day: recommendation, route });

  let ended: number | null = null;
  if (route === 'home') {
    ended = recommendation + random.int(14, 120);
    draft.events.push({ type: 'ceased_looked_after', day: ended + 1, route: null });
  } else {
    if (random.chance(0.75)) draft.events.push({ type: 'permanence_panel', day: recommendation + delay(ctx, 'panel', recommendation), route: null });
    const adm = recommendation + delay(ctx, 'adm', recommendation);
    draft.events.push({ type: 'adm_decision', day: adm, route });
    const application = adm + delay(ctx, 'application', adm);
    draft.events.push({ type: 'court_application_lodged', day: application, route });
    const order = application + delay(ctx, 'order', application);
    draft.events.push({ type: 'order_granted', day: order, route });
    if (route === 'adoption' || route === 'poa') {
      const move = adm + random.int(30, 120);
      if (move < order) {
        day = move;
        openPlacement(move, 'adopters', route === 'poa' ? 'POA' : 'other');
      }
    }
    if (route === 'adoption' || route === 'kinship_order') {
      ended = order;
      draft.events.push({ type: 'ceased_looked_after', day: order + 1, route: null });
    } else if (route === 'poa') {
      // A permanence order with authority to adopt is followed by the adoption order, which ends
      // being looked after; a permanence order keeps the child looked after (until 18, at most).
      const adoption = order + delay(ctx, 'adoptionAfterPoa', order, 0.35);
      draft.events.push({ type: 'order_granted', day: adoption, route: 'adoption' });
      ended = adoption;
      draft.events.push({ type: 'ceased_looked_after', day: adoption + 1, route: null });
    }
  }

  // Moves of carer before the plan settles.
  const moves = random.weighted({ 0: 50, 1: 25, 2: 14, 3: 7, 5: 4 });
  let moveDay = start;
  for (let i = 0; i < Number(moves); i++) {
    moveDay += Math.round(random.lognormal(160, 0.6));
    if (moveDay <= day || (ended !== null && moveDay >= ended) || moveDay > recommendation + 200) break;
    type = random.chance(0.7) ? type : random.weighted({ foster: 60, residential: 30, kinship: 10 });
    day = moveDay;
    openPlacement(moveDay, type, placements[placements.length - 1]?.legalBasis ?? 'CSO');
  }
  placements.sort((a, b) => a.start - b.start);
  for (let i = 0; i + 1 < placements.length; i++) (placements[i] as DraftPlacement).end = (placements[i + 1] as DraftPlacement).start - 1;
  const last = placements[placements.length - 1] as DraftPlacement;
  last.end = ended;

  // Looked after reviews: 6 weeks, 3 months, 6 months, then every 6 months while accommodated.
  const reviewsUntil = Math.min(ended ?? Infinity, ctx.lastDay);
  for (const offset of [42, 91, 182]) if (start + offset <= reviewsUntil) draft.events.push({ type: 'lac_review', day: start + offset, route: null });
  for (let review = start + 364; review <= reviewsUntil; review += 182) draft.events.push({ type: 'lac_review', day: review + random.int(-7, 7), route: null });

  draft.placements.push(...placements);

  // Some returns home break down and the child is accommodated again within a year or so.
  if (route === 'home' && ended !== null && allowReaccommodation && random.chance(0.12)) {
    const back = ended + random.int(30, 400);
    const ceased = draft.events.findIndex((e) => e.type === 'ceased_looked_after' && e.day === (ended as number) + 1);
    if (ceased >= 0) draft.events.splice(ceased, 1);
    draft.placements.push({ start: ended + 1, end: back - 1, type: 'home', legalBasis: 'CSO', carer: 'parents' });
    accommodated(ctx, draft, back, false);
  }
}
