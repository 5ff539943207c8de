/**
 * One JSON for one thing: an aim's figures as `pace aims --json` prints them and the API's
 * `/aims` sends them (with the run chart and the journey lists from src/domain/figures-json.ts).
 */
import type { AimFigures } from '../domain/aim-figures.js';
import { aimSentence } from '../domain/aim-sentence.js';
import type { Aim } from '../domain/aim.js';
import { cohortJourneyJson, figuresJson } from '../domain/figures-json.js';
import { aimToJson } from '../store/index.js';

/** An aim with its definition and figures; `journeys` adds every journey of its cohort. */
export function aimFiguresJson(aim: Aim, figures: AimFigures, options: { journeys?: boolean } = {}) {
  return {
    aim: aim.nationalAim ?? aim.id,
    id: aim.id,
    name: aim.name,
    national_aim: aim.nationalAim,
    sentence: aimSentence(aim),
    definition: aimToJson(aim),
    ...figuresJson(figures),
    ...(options.journeys ? { journeys: figures.journeys.map(cohortJourneyJson) } : {}),
  };
}
