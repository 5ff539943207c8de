/**
 * Aim groups (issue 20, point 2; docs/decisions/0025-aim-groups.md): the programme asked each
 * authority to set up a group for each aim, "led by a person whose workload linked to a lead
 * responsibility for that aim area", of professionals from every agency able to test changes
 * (shared/seeds/004, "Forming individual aim groups"). Many of them — a health visitor, a solicitor,
 * the Reporter, a panel member — have no pace account: a person here is a pace user of the
 * authority or a named partner.
 */

/** A pace user of the authority; `name` is their display name (or user name) when read. */
export interface UserPerson {
  readonly kind: 'user';
  readonly userId: number;
  readonly name: string;
}

/** Someone without a pace account, named as the group knows them: "Dr A. Sample", "NHS health visiting". */
export interface PartnerPerson {
  readonly kind: 'partner';
  readonly name: string;
  /** Their agency or team; may be empty. */
  readonly organisation: string;
}

export type GroupPerson = UserPerson | PartnerPerson;

export interface AimGroup {
  readonly lead: GroupPerson | null;
  /** The other members: the lead is not listed again. */
  readonly members: readonly GroupPerson[];
}

export const emptyAimGroup: AimGroup = { lead: null, members: [] };

/** A person as the pages and the pack name them: "Amy Adams", or "Dr A. Sample, NHS health visiting". */
export function personWords(person: GroupPerson): string {
  switch (person.kind) {
    case 'user':
      return person.name;
    case 'partner':
      return person.organisation === '' ? person.name : `${person.name}, ${person.organisation}`;
    default:
      return unknownPerson(person);
  }
}

/**
 * One key a person: a form's value for them, and how two mentions are known to be one person. A
 * user by their account; a partner by their name and organisation, ignoring case, spaces and
 * punctuation, so that "Dr A Sample" and "dr a. sample" are the same partner. Usable as an id.
 */
export function personKey(person: GroupPerson): string {
  switch (person.kind) {
    case 'user':
      return `user-${person.userId}`;
    case 'partner':
      return `partner-${slug(person.name)}--${slug(person.organisation)}`;
    default:
      return unknownPerson(person);
  }
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/** The group as kept: members once each, and the lead not among them. */
export function normaliseGroup(group: AimGroup): AimGroup {
  const seen = new Set(group.lead ? [personKey(group.lead)] : []);
  const members = group.members.filter((m) => {
    const key = personKey(m);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { lead: group.lead, members };
}

/** Everyone in any of the groups, once each: the leads first, then the members, in the groups' order. */
export function groupPeople(groups: readonly AimGroup[]): GroupPerson[] {
  const people = new Map<string, GroupPerson>();
  for (const group of groups) if (group.lead && !people.has(personKey(group.lead))) people.set(personKey(group.lead), group.lead);
  for (const group of groups) for (const member of group.members) if (!people.has(personKey(member))) people.set(personKey(member), member);
  return [...people.values()];
}

function unknownPerson(person: never): never {
  throw new Error(`unknown kind of person: ${JSON.stringify(person)}`);
}
