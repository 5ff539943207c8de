/**
 * The forms of aim groups and meetings (issue 20, point 2): an aim's lead and members, who was at a
 * meeting, and an action. Each field is read with zod as text (or a list of choices), with a message
 * naming it and echoing what was given (docs/architecture.md, "How the code reads" 5); a person is
 * chosen from a list (a pace user, or a partner already named) or typed as "name, organisation".
 */
import { z } from 'zod';
import { longDate, parseDate, type PlainDate } from '../../domain/date.js';
import { normaliseGroup, personKey, type AimGroup, type GroupPerson, type PartnerPerson } from '../../domain/improvement/aim-group.js';
import { actionErrors, type ActionDetails, type ActionError, type MeetingAction } from '../../domain/improvement/meeting-actions.js';
import type { FieldError } from '../views/components.js';
import type { FormValues, ListValues } from './improvement-forms.js';
import type { ParseResult } from './records.js';

/** A person a form offers: their key is the value sent back. */
export interface PersonChoice {
  readonly key: string;
  readonly person: GroupPerson;
}

export function choicesOf(people: readonly GroupPerson[]): PersonChoice[] {
  const seen = new Set<string>();
  return people.flatMap((person) => {
    const key = personKey(person);
    if (seen.has(key)) return [];
    seen.add(key);
    return [{ key, person }];
  });
}

const text = z.union([z.string(), z.undefined()]).transform((v) => (v ?? '').trim());
const list = z.union([z.string(), z.array(z.string()), z.undefined()]).transform((v) => (v === undefined ? [] : (Array.isArray(v) ? v : [v]).map((s) => s.trim())));

const maxName = 120;
const maxOrganisation = 120;
const maxPartners = 40;
const maxActionText = 500;

class FormReader {
  readonly errors: FieldError[] = [];
  readonly values: Record<string, string> = {};
  readonly lists: Record<string, string[]> = {};
  private readonly raw: Record<string, unknown>;

  constructor(body: unknown) {
    this.raw = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  }

  text(name: string, label: string, max: number): string {
    const parsed = text.safeParse(this.raw[name]);
    const value = parsed.success ? parsed.data : '';
    this.values[name] = value;
    if (!parsed.success) this.fail(name, `${capitalise(label)} must be text (you sent ${JSON.stringify(this.raw[name])})`);
    else if (value.length > max) this.fail(name, `${capitalise(label)} must be at most ${max} characters (you entered ${value.length})`);
    return value;
  }

  list(name: string, label: string): string[] {
    const parsed = list.safeParse(this.raw[name]);
    if (!parsed.success) this.fail(name, `${capitalise(label)} must be chosen from the list (you sent ${JSON.stringify(this.raw[name])})`);
    const value = parsed.success ? parsed.data.filter((v) => v !== '') : [];
    this.lists[name] = value;
    return value;
  }

  /** A date in a form people write; null (with the field's error) when it is not one, or when it is empty and `required`. */
  date(name: string, label: string, required: boolean): PlainDate | null {
    const value = this.text(name, label, 40);
    if (this.has(name)) return null;
    if (value === '') {
      if (required) this.fail(name, `Enter ${label}`);
      return null;
    }
    const parsed = parseDate(value);
    if (!parsed.ok) {
      this.fail(name, `${capitalise(label)} must be a real date, such as 2021-03-01 or 01/03/2021 (you entered ${value})`);
      return null;
    }
    return parsed.value;
  }

  /** People typed one a line as "name, organisation"; each line's problem names the line. */
  partners(name: string, label: string, max: number): PartnerPerson[] {
    const value = this.text(name, label, max * (maxName + maxOrganisation + 4));
    if (this.has(name)) return [];
    const lines = value.split(/\r\n|\r|\n/).map((l) => l.trim());
    const people: PartnerPerson[] = [];
    lines.forEach((line, i) => {
      if (line === '' || this.has(name)) return;
      const person = this.person(name, `${capitalise(label)}, line ${i + 1}`, line);
      if (person) people.push(person);
    });
    if (!this.has(name) && people.length > max) this.fail(name, `${capitalise(label)} can name at most ${max} people, one a line (you entered ${people.length})`);
    return people;
  }

  /** One person typed as "name, organisation" (the organisation may be left out). */
  person(field: string, what: string, line: string): PartnerPerson | null {
    const comma = line.indexOf(',');
    const name = (comma < 0 ? line : line.slice(0, comma)).trim();
    const organisation = comma < 0 ? '' : line.slice(comma + 1).trim();
    if (name === '') this.fail(field, `${what}: give a name before the comma (you entered ${line})`);
    else if (name.length > maxName) this.fail(field, `${what}: a name must be at most ${maxName} characters (you entered ${name.length})`);
    else if (organisation.length > maxOrganisation) this.fail(field, `${what}: an organisation must be at most ${maxOrganisation} characters (you entered ${organisation.length})`);
    else return { kind: 'partner', name, organisation };
    return null;
  }

  has(field: string): boolean {
    return this.errors.some((e) => e.field === field);
  }

  fail(field: string, message: string): void {
    this.errors.push({ field, message });
  }
}

function capitalise(words: string): string {
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A person as one line of a form: "Dr A. Sample, NHS health visiting". */
export function personLine(person: GroupPerson): string {
  return person.kind === 'partner' && person.organisation !== '' ? `${person.name}, ${person.organisation}` : person.name;
}

// --- an aim's group ----------------------------------------------------------------------------

export const aimGroupFields = ['lead', 'lead_partner', 'members', 'partners'] as const;

/** The form's values for a group: a lead or member who uses pace by their account's key, a partner as a line. */
export function aimGroupToForm(group: AimGroup): { values: FormValues; lists: ListValues } {
  const lead = group.lead;
  return {
    values: {
      lead: lead?.kind === 'user' ? personKey(lead) : '',
      lead_partner: lead?.kind === 'partner' ? personLine(lead) : '',
      partners: group.members
        .filter((m) => m.kind === 'partner')
        .map(personLine)
        .join('\n'),
    },
    lists: { members: group.members.filter((m) => m.kind === 'user').map(personKey) },
  };
}

/**
 * An aim's group: a lead (a pace user chosen from `users`, or a partner typed) or none, members who
 * use pace (ticked from `users`), and partners without an account, one a line.
 */
export function parseAimGroupForm(body: unknown, users: readonly PersonChoice[]): { values: FormValues; lists: ListValues; result: ParseResult<AimGroup> } {
  const r = new FormReader(body);
  const byKey = new Map(users.map((u) => [u.key, u.person]));
  const leadKey = r.text('lead', 'the lead', 40);
  const leadLine = r.text('lead_partner', 'the partner who leads the group', maxName + maxOrganisation + 2);
  let lead: GroupPerson | null = null;
  if (leadKey !== '' && !byKey.has(leadKey)) r.fail('lead', `Choose the lead from the list of pace users (you sent ${leadKey})`);
  else if (leadKey !== '' && leadLine !== '') r.fail('lead_partner', 'Name one lead: choose a pace user or type a partner’s name, not both');
  else if (leadKey !== '') lead = byKey.get(leadKey) ?? null;
  else if (leadLine !== '' && !r.has('lead_partner')) lead = r.person('lead_partner', 'The partner who leads the group', leadLine);
  const memberKeys = r.list('members', 'the members who use pace');
  const unknown = memberKeys.find((k) => !byKey.has(k));
  if (unknown !== undefined) r.fail('members', `Choose the members from the list of pace users (you sent ${unknown})`);
  const partners = r.partners('partners', 'partners without a pace account', maxPartners);
  if (r.errors.length) return { values: r.values, lists: r.lists, result: { ok: false, errors: r.errors } };
  const members = [...memberKeys.map((k) => byKey.get(k) as GroupPerson), ...partners];
  return { values: r.values, lists: r.lists, result: { ok: true, value: normaliseGroup({ lead, members }) } };
}

// --- who was at a meeting ----------------------------------------------------------------------

/** The form's values for who was there: the people offered, ticked; anyone else, one a line. */
export function attendanceToForm(people: readonly GroupPerson[], offered: readonly PersonChoice[]): { values: FormValues; lists: ListValues } {
  const keys = new Set(offered.map((c) => c.key));
  return {
    values: {
      others: people
        .filter((p) => !keys.has(personKey(p)))
        .map(personLine)
        .join('\n'),
    },
    lists: { attended: people.map(personKey).filter((k) => keys.has(k)) },
  };
}

/** Who was at a meeting: people ticked from `offered` (the aim groups' members), and others typed one a line. */
export function parseAttendanceForm(body: unknown, offered: readonly PersonChoice[]): { values: FormValues; lists: ListValues; result: ParseResult<GroupPerson[]> } {
  const r = new FormReader(body);
  const byKey = new Map(offered.map((c) => [c.key, c.person]));
  const keys = r.list('attended', 'who was there');
  const unknown = keys.find((k) => !byKey.has(k));
  if (unknown !== undefined) r.fail('attended', `Choose the members who were there from the list (you sent ${unknown})`);
  const others = r.partners('others', 'others who were there', maxPartners);
  if (r.errors.length) return { values: r.values, lists: r.lists, result: { ok: false, errors: r.errors } };
  const ticked = offered.filter((c) => keys.includes(c.key)).map((c) => c.person);
  return { values: r.values, lists: r.lists, result: { ok: true, value: choicesOf([...ticked, ...others]).map((c) => c.person) } };
}

// --- an action ---------------------------------------------------------------------------------

export const actionFields = ['action_text', 'owner', 'owner_name', 'due_date', 'done_date'] as const;

/** The form's values for an action; its owner is chosen when offered, typed otherwise. */
export function actionToForm(action: MeetingAction, offered: readonly PersonChoice[]): FormValues {
  const key = personKey(action.owner);
  const chosen = offered.some((c) => c.key === key);
  return { action_text: action.text, owner: chosen ? key : '', owner_name: chosen ? '' : personLine(action.owner), due_date: action.due.toString(), done_date: action.done?.toString() ?? '' };
}

/**
 * An action agreed at the meeting on `raisedAt`: what is to be done, its owner (chosen from
 * `offered`, or typed), when it is due and, when `withDone`, the day it was done; then the domain's
 * rules (actionErrors), each put against its field.
 */
export function parseActionForm(body: unknown, offered: readonly PersonChoice[], raisedAt: PlainDate, today: PlainDate, withDone: boolean): { values: FormValues; result: ParseResult<ActionDetails> } {
  const r = new FormReader(body);
  const byKey = new Map(offered.map((c) => [c.key, c.person]));
  const actionText = r.text('action_text', 'what is to be done', maxActionText);
  if (actionText === '' && !r.has('action_text')) r.fail('action_text', 'Enter what is to be done');
  const ownerKey = r.text('owner', 'the owner', 300);
  const ownerLine = r.text('owner_name', 'the name of the owner', maxName + maxOrganisation + 2);
  let owner: GroupPerson | null = null;
  if (ownerKey !== '' && !byKey.has(ownerKey)) r.fail('owner', `Choose the owner from the list (you sent ${ownerKey})`);
  else if (ownerKey !== '' && ownerLine !== '') r.fail('owner_name', 'Choose an owner from the list or type a name, not both');
  else if (ownerKey !== '') owner = byKey.get(ownerKey) ?? null;
  else if (ownerLine !== '') owner = r.person('owner_name', 'The owner', ownerLine);
  else if (!r.has('owner') && !r.has('owner_name')) r.fail('owner', 'Choose who owns the action, or type the name of someone else');
  const due = r.date('due_date', 'the due date', true);
  const done = withDone ? r.date('done_date', 'the date it was done', false) : null;
  if (r.errors.length || owner === null || due === null) return { values: r.values, result: { ok: false, errors: r.errors } };
  const details: ActionDetails = { text: actionText, owner, due, done };
  const errors = actionErrors(details, raisedAt, today).map(actionFieldError);
  if (errors.length) return { values: r.values, result: { ok: false, errors } };
  return { values: r.values, result: { ok: true, value: details } };
}

/** A domain refusal against the field it is about. */
export function actionFieldError(error: ActionError): FieldError {
  switch (error.code) {
    case 'due-before-meeting':
      return { field: 'due_date', message: `The due date (${longDate(error.due)}) cannot be before the meeting that agreed the action (${longDate(error.raisedAt)})` };
    case 'done-before-meeting':
      return { field: 'done_date', message: `The date it was done (${longDate(error.done)}) cannot be before the meeting that agreed the action (${longDate(error.raisedAt)})` };
    case 'done-after-today':
      return { field: 'done_date', message: `The date it was done (${longDate(error.done)}) cannot be after today, ${longDate(error.today)}` };
    default:
      return unknownError(error);
  }
}

function unknownError(error: never): never {
  throw new Error(`unknown action error: ${JSON.stringify(error)}`);
}
