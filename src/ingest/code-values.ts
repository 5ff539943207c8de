/**
 * Reading coded values: the canonical codes themselves (in any case), and an export's own values
 * as the profile maps them ("Foster Care - LA" → foster). Matching ignores case and surrounding
 * spaces; anything else is an unknown code, echoed back as written.
 */
import { eventStatuses, eventTypes, legalBases, placementTypes, routes, sexes } from '../domain/codes.js';
import type { Profile } from './profile.js';
import type { CodeList } from './tables.js';

const canonicalCodes: Readonly<Record<CodeList, readonly string[]>> = {
  placement_type: placementTypes,
  legal_basis: legalBases,
  sex: sexes,
  event_type: eventTypes,
  route: routes,
  status: eventStatuses,
};

export type CodeReaders = Readonly<Record<CodeList, (text: string) => string | null>>;

/** A reader for each code list: text in, canonical code out, or null when the value is not known. */
export function codeReaders(profile: Profile): CodeReaders {
  const reader = (list: CodeList) => {
    const known = new Map<string, string>();
    for (const code of canonicalCodes[list]) known.set(code.toLowerCase(), code);
    for (const [value, code] of Object.entries(profile.values[list] as Readonly<Record<string, string>>)) known.set(value.trim().toLowerCase(), code);
    // A value written exactly as a key or a canonical code (as in most files) is found without
    // making a trimmed, lower-cased copy of it first, to the same answer.
    const exact = new Map(known);
    for (const code of canonicalCodes[list]) exact.set(code, known.get(code.toLowerCase()) as string);
    return (text: string) => exact.get(text) ?? known.get(text.trim().toLowerCase()) ?? null;
  };
  return { placement_type: reader('placement_type'), legal_basis: reader('legal_basis'), sex: reader('sex'), event_type: reader('event_type'), route: reader('route'), status: reader('status') };
}
