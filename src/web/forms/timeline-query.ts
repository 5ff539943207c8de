/**
 * The group timelines page's question, from its query string (a GET form, so it works without
 * JavaScript): which children — a sibling group, chosen references, waiting more than N weeks for
 * an aim, looked after at home more than N months — lined up how, showing what, as at when. Each
 * problem names the field and echoes what was entered.
 */
import type { GroupView } from '../../charts/timeline-group-chart.js';
import { findAim, type Aim } from '../../domain/aim.js';
import type { AlignBy, GroupSelector } from '../../domain/timeline-group.js';
import type { FieldError } from '../views/components.js';

export const groupKinds = ['siblings', 'chosen', 'waiting', 'at-home'] as const;
export type GroupKind = (typeof groupKinds)[number];

const fieldNames = ['group', 'sibling_group', 'children', 'aim', 'weeks', 'months', 'align', 'view', 'as_at'] as const;

/** The form's fields as entered. */
export type GroupFormValues = Readonly<Record<(typeof fieldNames)[number], string>>;

/** Reads the fields from a query string, trimmed; a repeated field counts once (its first value). Never fails. */
export function readGroupForm(query: Readonly<Record<string, unknown>>): GroupFormValues {
  return Object.fromEntries(fieldNames.map((name) => [name, textOf(query[name]).trim()])) as GroupFormValues;
}

function textOf(value: unknown): string {
  const first: unknown = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first : '';
}

export interface GroupQuery {
  /** Null until a group is chosen: the page shows the form alone. */
  readonly selector: GroupSelector | null;
  readonly align: AlignBy;
  readonly view: GroupView;
  /** The query string that asks for the same group again (for the downloads and the print page). */
  readonly search: string;
}

export type GroupQueryResult = { readonly ok: true; readonly value: GroupQuery } | { readonly ok: false; readonly errors: readonly FieldError[] };

/** The most references a reader may choose at once, and the longest reference. */
const maxChosen = 200;
const maxIdLength = 60;

/** The group the form asks for, checked against the authority's aims and sibling groups. */
export function parseGroupQuery(values: GroupFormValues, options: { readonly aims: readonly Aim[]; readonly siblingGroups: readonly string[]; readonly asAtText: string }): GroupQueryResult {
  const errors: FieldError[] = [];
  const fail = (field: string, message: string) => void errors.push({ field, message });
  const selector = selectorOf(values, options, fail);
  const align = oneOf(values.align, ['calendar', 'journey'] as const, 'calendar');
  if (align === null) fail('align', `Choose to line the children up by calendar date or by weeks since their journey started (you entered ${values.align})`);
  const view = oneOf(values.view, ['full', 'placements'] as const, 'full');
  if (view === null) fail('view', `Choose the full timeline or the placement history (you entered ${values.view})`);
  if (errors.length > 0 || align === null || view === null) return { ok: false, errors };
  return { ok: true, value: { selector, align, view, search: searchOf(values, options.asAtText, align, view) } };
}

function selectorOf(values: GroupFormValues, options: { readonly aims: readonly Aim[]; readonly siblingGroups: readonly string[] }, fail: (field: string, message: string) => void): GroupSelector | null {
  if (values.group === '') return null;
  const kind = oneOf(values.group, groupKinds, null);
  switch (kind) {
    case null:
      fail('group', `Choose which children to show (you entered ${values.group})`);
      return null;
    case 'siblings': {
      if (values.sibling_group === '') fail('sibling_group', 'Choose the sibling group');
      else if (!options.siblingGroups.includes(values.sibling_group)) fail('sibling_group', `There is no sibling group ${values.sibling_group} in this authority`);
      return { kind: 'siblings', siblingGroup: values.sibling_group };
    }
    case 'chosen': {
      const childIds = chosenIds(values.children);
      if (childIds.length === 0) fail('children', "Enter the children's references, separated by commas, such as A1, B2");
      else if (childIds.length > maxChosen) fail('children', `Enter at most ${maxChosen} references (you entered ${childIds.length})`);
      else if (childIds.some((id) => id.length > maxIdLength)) fail('children', `A reference is at most ${maxIdLength} characters long (you entered ${childIds.find((id) => id.length > maxIdLength)?.slice(0, maxIdLength) ?? ''}…)`);
      return { kind: 'chosen', childIds };
    }
    case 'waiting': {
      const aim = values.aim === '' ? null : findAim(options.aims, values.aim);
      if (values.aim === '') fail('aim', 'Choose the aim the children are waiting for');
      else if (aim === null) fail('aim', `There is no aim ${values.aim} in this authority`);
      const weeks = wholeNumber(values.weeks, 1000);
      if (weeks === null) fail('weeks', `Enter the weeks waited as a whole number from 0 to 1000, such as 26 (you entered ${values.weeks || 'nothing'})`);
      return aim === null || weeks === null ? null : { kind: 'waiting-longer-than', aim, weeks };
    }
    case 'at-home': {
      const months = wholeNumber(values.months, 600);
      if (months === null) fail('months', `Enter the months at home as a whole number from 0 to 600, such as 18 (you entered ${values.months || 'nothing'})`);
      return months === null ? null : { kind: 'at-home-longer-than', months };
    }
    default:
      return unreachable(kind);
  }
}

/** "A1, B2,,C3" → A1, B2, C3: each once, in the order given. */
function chosenIds(text: string): string[] {
  return [...new Set(text.split(',').map((id) => id.trim()).filter((id) => id !== ''))];
}

function wholeNumber(text: string, max: number): number | null {
  if (!/^\d{1,4}$/.test(text)) return null;
  const value = Number(text);
  return value <= max ? value : null;
}

function oneOf<T extends string, D extends T | null>(text: string, allowed: readonly T[], fallback: D): T | D | null {
  if (text === '') return fallback;
  return (allowed as readonly string[]).includes(text) ? (text as T) : null;
}

/** Only the fields the chosen group uses, so the address says exactly what is drawn. */
function searchOf(values: GroupFormValues, asAtText: string, align: AlignBy, view: GroupView): string {
  const params = new URLSearchParams();
  if (values.group !== '') params.set('group', values.group);
  const used: Readonly<Record<GroupKind, readonly (keyof GroupFormValues)[]>> = { siblings: ['sibling_group'], chosen: ['children'], waiting: ['aim', 'weeks'], 'at-home': ['months'] };
  for (const name of used[values.group as GroupKind] ?? []) params.set(name, name === 'children' ? chosenIds(values.children).join(',') : values[name]);
  params.set('align', align);
  params.set('view', view);
  params.set('as_at', asAtText);
  return params.toString();
}

function unreachable(value: never): never {
  throw new Error(`unhandled group kind: ${String(value)}`);
}
