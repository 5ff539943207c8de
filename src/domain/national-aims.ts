/**
 * The four national aims' default timescales (docs/domain.md): every authority starts from these and
 * tailors them.
 */
import type { JourneyKind } from './journey.js';
import { months, weeks, type Timescale } from './timescale.js';

export const nationalTimescales: Readonly<Record<JourneyKind, Timescale>> = {
  'at-home': months(24),
  accommodation: weeks(26),
  recommendation: weeks(14),
  adm: weeks(3),
};
