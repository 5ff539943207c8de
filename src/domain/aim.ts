/**
 * An aim: a sentence with numbers (docs/domain.md, "The four national aims"). "By 31 January 2019, 70%
 * of children who become looked after and accommodated on or after 2 July 2018 will have a
 * permanence recommendation within 26 weeks of becoming looked after and accommodated."
 */
import type { JourneyRoute, PlacementType } from './codes.js';
import type { PlainDate } from './date.js';
import { nationalAimOfKind, type JourneyKind } from './journey.js';
import { nationalTimescales } from './national-aims.js';
import { nationalPresets, type MeasureDefinition } from './measure-definition.js';
import type { Timescale } from './timescale.js';

/**
 * Which journeys of the kind the aim is about (docs/measurement.md, "Status and figures"). An
 * empty or missing list means "any"; each `…Not` list excludes.
 */
export interface AimFilters {
  /** Placement type at the journey's start: one of these. */
  readonly placementTypes?: readonly PlacementType[];
  /** Placement type at the journey's start: none of these (a journey with no placement at its start passes). */
  readonly placementTypesNot?: readonly PlacementType[];
  /** The journey's own route (`undecided` when no plan is recorded): one of these. */
  readonly routes?: readonly JourneyRoute[];
  /** The journey's own route: none of these, so "not kinship or home" keeps the undecided. */
  readonly routesNot?: readonly JourneyRoute[];
  /** Age in whole years at the journey's start, inclusive bounds. */
  readonly minAge?: number;
  readonly maxAge?: number;
  /** True: only children in a sibling group; false: only children in none. */
  readonly inSiblingGroup?: boolean;
  /** The child's team: one of these. */
  readonly teams?: readonly string[];
}

/** The backlog part: "By 31 October 2017 all children accommodated before 1 April 2017 will have …". */
export interface AimBacklog {
  readonly byDate: PlainDate;
  readonly startedBefore: PlainDate;
}

export interface Aim {
  /** Stable within the authority: `aim-1` … `aim-4` for the national defaults. */
  readonly id: string;
  readonly name: string;
  readonly nationalAim: 1 | 2 | 3 | 4 | null;
  /** One of the four national kinds of journey, or `measure`: a local measure, defined by `measure`. */
  readonly kind: JourneyKind | 'measure';
  /** What a local measure counts from and to (measure-definition.ts); set when, and only when, `kind` is `measure`. */
  readonly measure?: MeasureDefinition;
  readonly byDate: PlainDate | null;
  /** Target percentage, 0–100. */
  readonly targetPercent: number | null;
  /** Only journeys starting on or after this date are in the cohort. */
  readonly fromDate: PlainDate | null;
  readonly timescale: Timescale;
  readonly filters: AimFilters;
  readonly backlog: AimBacklog | null;
}

const nationalNames: Readonly<Record<JourneyKind, string>> = {
  'at-home': 'Aim 1: review of children looked after at home',
  accommodation: 'Aim 2: permanence recommendation',
  recommendation: 'Aim 3: Agency Decision Maker decision',
  adm: 'Aim 4: application lodged at court',
};

/** The four national aims with their default timescales and no from-date: what a new authority starts with. */
export function nationalAims(): Aim[] {
  return (['at-home', 'accommodation', 'recommendation', 'adm'] as const).map((kind) => ({
    id: `aim-${nationalAimOfKind[kind]}`,
    name: nationalNames[kind],
    nationalAim: nationalAimOfKind[kind],
    kind,
    byDate: null,
    targetPercent: null,
    fromDate: null,
    timescale: nationalTimescales[kind],
    filters: {},
    backlog: null,
  }));
}

/** The aim a reader names by its id ("aim-2") or by its national aim number ("2"); null when there is none. */
export function findAim(aims: readonly Aim[], ref: string): Aim | null {
  return aims.find((a) => a.id === ref || (a.nationalAim !== null && String(a.nationalAim) === ref)) ?? null;
}

/** What an aim measures: one of the national kinds (read by the fixed rules), or a local measure's definition. */
export type AimSubject = JourneyKind | MeasureDefinition;

export function aimSubject(aim: Aim): AimSubject {
  if (aim.kind !== 'measure') return aim.kind;
  if (aim.measure === undefined) throw new Error(`aim ${aim.id} is a measure with no definition`);
  return aim.measure;
}

/** The aim's definition as a measure: a local measure's own, or its national kind's preset. */
export function aimMeasure(aim: Aim): MeasureDefinition {
  const subject = aimSubject(aim);
  return typeof subject === 'string' ? nationalPresets[subject] : subject;
}
