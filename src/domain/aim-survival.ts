/** An aim's survival view: Kaplan–Meier curves for journeys starting before and after the programme start. */
import type { Aim } from './aim.js';
import { measuredJourneys, type CohortJourney } from './aim-figures.js';
import { epochDay, type PlainDate } from './date.js';
import type { ChildRecord } from './records.js';
import { kaplanMeierOfDays, type SurvivalCurve } from './survival.js';

export interface AimSurvival {
  /** All journeys when the authority has no programme start. */
  readonly before: SurvivalCurve;
  readonly after: SurvivalCurve | null;
  readonly programmeStart: PlainDate | null;
}

/** Time to the aim's end milestone; journeys still waiting are censored at the days waited so far. */
export function aimSurvival(aim: Aim, records: readonly ChildRecord[], asAt: PlainDate, programmeStart: PlainDate | null): AimSurvival {
  const journeys = measuredJourneys(aim, records, asAt);
  if (programmeStart === null) return { before: observe(journeys, -Infinity, Infinity), after: null, programmeStart };
  const startDay = epochDay(programmeStart);
  return { before: observe(journeys, -Infinity, startDay), after: observe(journeys, startDay, Infinity), programmeStart };
}

/** The curve of the journeys that started on or after `fromDay` and before `beforeDay`. */
function observe(journeys: readonly CohortJourney[], fromDay: number, beforeDay: number): SurvivalCurve {
  // The days of those that ended and of those still waiting, as numbers (kaplanMeierOfDays).
  let ended = 0;
  let censored = 0;
  for (let i = 0; i < journeys.length; i++) {
    const j = journeys[i] as CohortJourney;
    if (j.startDay < fromDay || j.startDay >= beforeDay) continue;
    if (j.endDay !== null) ended += 1;
    else censored += 1;
  }
  const endedDays = new Float64Array(ended);
  const censoredDays = new Float64Array(censored);
  ended = 0;
  censored = 0;
  for (let i = 0; i < journeys.length; i++) {
    const j = journeys[i] as CohortJourney;
    if (j.startDay < fromDay || j.startDay >= beforeDay) continue;
    if (j.endDay !== null) endedDays[ended++] = j.days;
    else censoredDays[censored++] = j.days;
  }
  return kaplanMeierOfDays(endedDays, censoredDays);
}
