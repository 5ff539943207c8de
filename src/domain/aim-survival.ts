/** An aim's survival view: Kaplan–Meier curves for journeys starting before and after the programme start. */
import type { Aim } from './aim.js';
import { measuredCohort, type MeasuredCohort } from './aim-figures.js';
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
  // From the cohort's columns: no journey is made as an object.
  const cohort = measuredCohort(aim, records, asAt);
  if (programmeStart === null) return { before: observe(cohort, -Infinity, Infinity), after: null, programmeStart };
  const startDay = epochDay(programmeStart);
  return { before: observe(cohort, -Infinity, startDay), after: observe(cohort, startDay, Infinity), programmeStart };
}

/** The curve of the journeys that started on or after `fromDay` and before `beforeDay`. */
function observe(cohort: MeasuredCohort, fromDay: number, beforeDay: number): SurvivalCurve {
  // The days of those that ended and of those still waiting, as numbers (kaplanMeierOfDays).
  let ended = 0;
  let censored = 0;
  for (let k = 0; k < cohort.count; k++) {
    const startDay = cohort.startDay(k);
    if (startDay < fromDay || startDay >= beforeDay) continue;
    if (cohort.list.hasEnd(cohort.row[k] as number)) ended += 1;
    else censored += 1;
  }
  const endedDays = new Float64Array(ended);
  const censoredDays = new Float64Array(censored);
  ended = 0;
  censored = 0;
  for (let k = 0; k < cohort.count; k++) {
    const startDay = cohort.startDay(k);
    if (startDay < fromDay || startDay >= beforeDay) continue;
    if (cohort.list.hasEnd(cohort.row[k] as number)) endedDays[ended++] = cohort.days[k] as number;
    else censoredDays[censored++] = cohort.days[k] as number;
  }
  return kaplanMeierOfDays(endedDays, censoredDays);
}
