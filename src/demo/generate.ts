/**
 * Synthetic authorities for the demo, the benchmarks and the examples: a decade of looked after
 * children on every pathway, with waits that shorten after each authority's programme start, some
 * children still waiting for years, siblings, moves, and a few of the errors real exports have.
 * Same options, same data. Every name and reference is invented.
 */
import { dateOfEpochDay, epochDay, makeDate, type PlainDate } from '../domain/date.js';
import { dayBeforeEighteenthBirthday } from '../domain/journey.js';
import type { Authority, CaseEvent, ChildRecord, Placement, PlannedEvent } from '../domain/records.js';
import { accommodated, atHome, type Draft, type PathContext } from './pathways.js';
import { Random } from './random.js';

export interface GenerateOptions {
  readonly authorities: number;
  /** Children per authority. */
  readonly children: number;
  readonly seed: string;
  /** Nothing is dated after this day; placements that continue past it are open. */
  readonly asAt: PlainDate;
  /** The first year of data; default nine years before as-at. */
  readonly firstYear?: number;
}

export interface GeneratedAuthority {
  readonly authority: Authority;
  readonly records: ChildRecord[];
}

const firstNames = ['Alex', 'Bailey', 'Cameron', 'Devon', 'Ellis', 'Finley', 'Harper', 'Jamie', 'Kai', 'Lennon', 'Morgan', 'Nico', 'Orla', 'Parker', 'Quinn', 'Rowan', 'Skye', 'Taylor', 'Jordan', 'Robin'];
const lastNames = ['Example', 'Sample', 'Testcase', 'Demo', 'Fixture', 'Mockford', 'Placeholder', 'Synthetic', 'Specimen', 'Prototype'];
const teams = ['North Team', 'South Team', 'East Team', 'West Team', 'Permanence Team'];
/** Each team's locality; the permanence team works across all of them. */
const localities: Readonly<Record<string, readonly string[]>> = {
  'North Team': ['Northfield'],
  'South Team': ['Southvale'],
  'East Team': ['Eastburn'],
  'West Team': ['Westmuir'],
  'Permanence Team': ['Northfield', 'Southvale', 'Eastburn', 'Westmuir'],
};

/** Generates `options.authorities` synthetic authorities (codes DEMO01, DEMO02, …). */
export function generateAuthorities(options: GenerateOptions): GeneratedAuthority[] {
  return Array.from({ length: options.authorities }, (_, index) =>
    generateAuthority({
      ...demoAuthorityIdentity(index),
      children: options.children,
      seed: `${options.seed}/${index + 1}`,
      asAt: options.asAt,
      firstYear: options.firstYear ?? options.asAt.year - 9,
    }),
  );
}

/** The code and name of the demo authority at `index` (0-based): obviously synthetic. */
export function demoAuthorityIdentity(index: number): { code: string; name: string } {
  return { code: `DEMO${String(index + 1).padStart(2, '0')}`, name: index === 0 ? 'Demoshire Council (synthetic demo)' : `Demo Authority ${index + 1} (synthetic)` };
}

export function generateAuthority(options: { code: string; name: string; children: number; seed: string; asAt: PlainDate; firstYear: number }): GeneratedAuthority {
  const random = new Random(options.seed);
  const dates = { date: dateOfEpochDay };
  const firstDay = epochDay(makeDate(options.firstYear, 1, 1));
  const lastDay = epochDay(options.asAt);
  const programmeStart = firstDay + Math.round((lastDay - firstDay) * (0.4 + 0.2 * random.uniform()));
  let carers = 0;
  const ctx: PathContext = { random, programmeStart, lastDay, newCarer: (type) => `${type.slice(0, 3).toUpperCase()}-${String(++carers).padStart(5, '0')}` };
  const records: ChildRecord[] = [];
  let placementCount = 0;
  let eventCount = 0;
  // Plans have their own numbers, so that every held event keeps the id it had before plans.
  let planCount = 0;
  let siblingGroups = 0;

  while (records.length < options.children) {
    const siblings = random.chance(0.12) ? Math.min(random.int(2, 3), options.children - records.length) : 1;
    const group = siblings > 1 ? `SG-${String(++siblingGroups).padStart(4, '0')}` : null;
    const entry = random.int(firstDay, lastDay - 7);
    const pathway = random.weighted({ accommodated: 58, home: 28, homeThenAccommodated: 14 });
    const pathSeed = `${options.seed}/path/${records.length}`;
    const youngestAgeDays = Math.round(365 * Number(random.weighted({ 0: 25, 2: 35, 7: 25, 13: 15 })) + random.int(0, 364));
    const team = random.pick(teams);
    const locality = random.pick(localities[team] as readonly string[]);
    const worker = `Worker ${random.int(1, 40)}`;
    for (let s = 0; s < siblings; s++) {
      // Siblings share their path: the same seed gives the same dates.
      const draft = drawPath({ ...ctx, random: new Random(pathSeed) }, pathway, entry);
      if (records.length > 0 && random.chance(0.015)) addRecordingError(draft, random);
      const childId = `C${String(records.length + 1).padStart(6, '0')}`;
      const dob = entry - youngestAgeDays - s * random.int(400, 1000);
      const held = toRecord(childId, draft, dates, lastDay, new Random(`${pathSeed}/recorded/${s}`), {
        dob,
        group,
        team,
        locality,
        worker,
        first: random.pick(firstNames),
        last: random.pick(lastNames),
        sex: random.weighted({ M: 49, F: 49, X: 2 }),
        nextPlacement: () => `P${String(++placementCount).padStart(7, '0')}`,
        nextEvent: () => `E${String(++eventCount).padStart(7, '0')}`,
      });
      records.push(withPlans(held, new Random(`${pathSeed}/plans/${s}`), lastDay, () => `EP${String(++planCount).padStart(6, '0')}`));
    }
  }
  return {
    authority: { code: options.code, name: options.name, programmeStart: dates.date(programmeStart) },
    records,
  };
}

function drawPath(ctx: PathContext, pathway: 'accommodated' | 'home' | 'homeThenAccommodated', entry: number): Draft {
  const draft: Draft = { placements: [], events: [{ type: 'referral', day: entry - Math.round(ctx.random.lognormal(45, 0.6)), route: null }] };
  if (pathway === 'accommodated') accommodated(ctx, draft, entry);
  else {
    const end = atHome(ctx, draft, entry, pathway === 'homeThenAccommodated');
    if (pathway === 'homeThenAccommodated' && end !== null) accommodated(ctx, draft, end + 1);
  }
  return draft;
}

/** The errors real exports have, rarely: a lost recommendation, a decision dated before it, a lost meeting. */
function addRecordingError(draft: Draft, random: Random): void {
  const recommendation = draft.events.findIndex((e) => e.type === 'permanence_recommendation' && e.route !== 'home');
  const adm = draft.events.find((e) => e.type === 'adm_decision');
  const kind = random.weighted({ lostRecommendation: 1, admBeforeRecommendation: 1, lostMeeting: 1 });
  if (kind === 'lostRecommendation' && recommendation >= 0 && adm) {
    draft.events.splice(recommendation, 1);
  } else if (kind === 'admBeforeRecommendation' && recommendation >= 0 && adm) {
    adm.day = (draft.events[recommendation] as Draft['events'][number]).day - random.int(2, 10);
    adm.note = 'synthetic recording error: dated before the recommendation';
  } else {
    const meeting = draft.events.findIndex((e) => e.type === 'planning_meeting_72h');
    if (meeting >= 0) draft.events.splice(meeting, 1);
  }
}

interface ChildDetails {
  dob: number;
  group: string | null;
  team: string;
  locality: string;
  worker: string;
  first: string;
  last: string;
  sex: 'M' | 'F' | 'X';
  nextPlacement: () => string;
  nextEvent: () => string;
}

/**
 * Nobody is looked after past 18: placements end the day before the 18th birthday, the child
 * ceases to be looked after on the birthday, and nothing later is kept.
 */
function leaveAtEighteen(draft: Draft, dob: number): void {
  const lastChildDay = dayBeforeEighteenthBirthday(dateOfEpochDay(dob));
  draft.placements = draft.placements.filter((p) => p.start <= lastChildDay);
  draft.events = draft.events.filter((e) => e.day <= lastChildDay);
  const still = draft.placements.filter((p) => p.end === null || p.end > lastChildDay);
  if (still.length === 0) return;
  for (const p of still) p.end = lastChildDay;
  draft.events.push({ type: 'ceased_looked_after', day: lastChildDay + 1, route: null });
}

/**
 * The day each record was entered in the case-management system: most within a fortnight, some
 * weeks later, a few months later (never after as-at).
 */
function recordedDay(random: Random, day: number, lastDay: number): number {
  const lag = random.chance(0.05) ? random.lognormal(120, 0.4) : random.lognormal(4, 1.1);
  return Math.min(lastDay, day + Math.round(lag));
}

const cancelReasons = ['chair unavailable', 'social worker absent', 'reports not ready in time', 'parents unable to attend', 'venue not available'];
const plannedTypes = new Set<CaseEvent['type']>(['planning_meeting_72h', 'early_review', 'lac_review', 'home_review', 'permanence_planning_meeting']);

/**
 * Meetings and reviews as planned (docs/decisions/0030-planned-events.md), from a random stream of
 * the child's own, so that every held event, and so every journey and figure, is as it was
 * without plans. Most meetings and reviews were held on the day planned, some days or weeks
 * later; about one review in seven was first cancelled and held later; a child still looked
 * after at as-at often has the next review planned.
 */
function withPlans(record: ChildRecord, random: Random, lastDay: number, nextPlan: () => string): ChildRecord {
  const plans: PlannedEvent[] = [];
  const events = record.events.map((event): CaseEvent => {
    if (!plannedTypes.has(event.type) || !random.chance(0.7)) return event;
    const late = random.chance(0.25) ? random.int(1, 21) : 0;
    if (event.type === 'lac_review' && random.chance(0.15)) {
      const planned = epochDay(event.date) - late - random.int(7, 28);
      plans.push({ childId: record.child.childId, eventId: nextPlan(), type: event.type, status: 'cancelled', plannedDate: dateOfEpochDay(planned), route: null, reason: random.pick(cancelReasons), recordedDate: dateOfEpochDay(Math.min(lastDay, planned)) });
    }
    return { ...event, plannedDate: dateOfEpochDay(epochDay(event.date) - late) };
  });
  const stillLookedAfter = record.placements.some((p) => p.end === null);
  if (stillLookedAfter && random.chance(0.6)) {
    plans.push({ childId: record.child.childId, eventId: nextPlan(), type: 'lac_review', status: 'planned', plannedDate: dateOfEpochDay(lastDay + random.int(7, 120)), route: null, reason: null, recordedDate: dateOfEpochDay(lastDay) });
    if (random.chance(0.2)) plans.push({ childId: record.child.childId, eventId: nextPlan(), type: 'permanence_planning_meeting', status: 'planned', plannedDate: dateOfEpochDay(lastDay + random.int(3, 60)), route: null, reason: null, recordedDate: dateOfEpochDay(lastDay) });
  }
  return plans.length === 0 ? { ...record, events } : { ...record, events, plans };
}

/** Keeps what happened by as-at: a placement ending later is open; later placements and events do not exist yet. */
function toRecord(childId: string, draft: Draft, dates: { date: (day: number) => PlainDate }, lastDay: number, recording: Random, details: ChildDetails): ChildRecord {
  leaveAtEighteen(draft, details.dob);
  const placements: Placement[] = draft.placements
    .filter((p) => p.start <= lastDay && (p.end === null || p.end >= p.start))
    .sort((a, b) => a.start - b.start)
    .map((p) => ({
      childId,
      placementId: details.nextPlacement(),
      start: dates.date(p.start),
      end: p.end === null || p.end > lastDay ? null : dates.date(p.end),
      type: p.type,
      legalBasis: p.legalBasis,
      carerRef: p.carer,
      recordedDate: dates.date(recordedDay(recording, p.start, lastDay)),
    }));
  const events: CaseEvent[] = draft.events
    .filter((e) => e.day <= lastDay)
    .sort((a, b) => a.day - b.day)
    .map((e) => ({ childId, eventId: details.nextEvent(), type: e.type, date: dates.date(e.day), route: e.route, note: e.note ?? null, recordedDate: dates.date(recordedDay(recording, e.day, lastDay)) }));
  return {
    child: {
      childId,
      firstName: details.first,
      lastName: details.last,
      dateOfBirth: dates.date(details.dob),
      sex: details.sex,
      siblingGroup: details.group,
      worker: details.worker,
      team: details.team,
      locality: details.locality,
    },
    placements,
    events,
  };
}
