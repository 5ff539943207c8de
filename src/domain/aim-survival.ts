/** An aim's survival view: Kaplan–Meier curves for journeys starting before and after the programme start. */
import type { Aim } from './aim.js';
import { measuredJourneys } from './aim-figures.js';
import { epochDay, type PlainDate } from './date.js';
import type { ChildRecord } from './records.js';
import { kaplanMeier, type SurvivalCurve } from './survival.js';

export interface AimSurvival {
  /** All journeys when the authority has no programme start. */
  readonly before: SurvivalCurve;
  readonly after: SurvivalCurve | null;
  readonly programmeStart: PlainDate | null;
}

/** Time to the aim's end milestone; journeys still waiting are censored at the days waited so far. */
export function aimSurvival(aim: Aim, records: readonly ChildRecord[], asAt: PlainDate, programmeStart: PlainDate | null): AimSurvival {
  const journeys = measuredJourneys(aim, records, asAt);
  const observe = (list: typeof journeys) => kaplanMeier(list.map((j) => ({ days: j.days, ended: j.endDay !== null })));
  if (programmeStart === null) return { before: observe(journeys), after: null, programmeStart };
  const startDay = epochDay(programmeStart);
  return {
    before: observe(journeys.filter((j) => j.startDay < startDay)),
    after: observe(journeys.filter((j) => j.startDay >= startDay)),
    programmeStart,
  };
}
