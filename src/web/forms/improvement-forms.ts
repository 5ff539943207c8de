/**
 * The improvement forms: a driver diagram node, a test of change, each part of a PDSA cycle, a
 * meeting, publishing to the library, and the poster's text. Each field is read with a message naming it and echoing
 * what was given (docs/architecture.md, "How the code reads" 5); the lifecycle rules are then the domain's, and their refusals are
 * put against the field they are about.
 */
import { isAfter, parseDate, type PlainDate } from '../../domain/date.js';
import { agencies, isActDecision, isAgency, isTestScale, isTestStatus, type TestStatus } from '../../domain/improvement/codes.js';
import type { DriverNodeKind } from '../../domain/improvement/driver-diagram.js';
import { posterPoints, posterTextParts, type PosterText, type PosterTextPart } from '../../domain/improvement/poster.js';
import { describeImprovementError } from '../../domain/improvement/improvement-words.js';
import { maxStudyMeasurements, maxTestChildren, type CyclePart, type CycleRecord, type ImprovementError, type PdsaPlan, type StudyMeasurement, type TestDetails, type TestGroup, type TestOfChange } from '../../domain/improvement/test-of-change.js';
import { normaliseName } from '../../domain/reminders/due-list.js';
import type { FieldError } from '../views/components.js';
import type { ParseResult } from './records.js';

export type FormValues = Readonly<Record<string, string>>;
export type ListValues = Readonly<Record<string, readonly string[]>>;

const maxText = 4000;

class Reader {
  readonly errors: FieldError[] = [];
  readonly values: Record<string, string> = {};
  readonly lists: Record<string, string[]> = {};
  constructor(private readonly body: Record<string, unknown>) {}

  /** A field as sent, unread. */
  raw(name: string): unknown {
    return this.body[name];
  }

  text(name: string, label: string, options: { required?: boolean; max?: number } = {}): string {
    const value = typeof this.body[name] === 'string' ? (this.body[name] as string).trim() : '';
    this.values[name] = value;
    const max = options.max ?? maxText;
    if (options.required && value === '') this.fail(name, `Enter ${label}`);
    else if (value.length > max) this.fail(name, `${capitalise(label)} must be at most ${max} characters (you entered ${value.length})`);
    return value;
  }

  date(name: string, label: string, today: PlainDate | null): PlainDate | null {
    const value = this.text(name, label);
    if (value === '') {
      if (!this.errors.some((e) => e.field === name)) this.fail(name, `Enter ${label}`);
      return null;
    }
    const parsed = parseDate(value);
    if (!parsed.ok) {
      this.fail(name, `${capitalise(label)} must be a real date, such as 2021-03-01 or 01/03/2021 (you entered ${value})`);
      return null;
    }
    if (today && isAfter(parsed.value, today)) {
      this.fail(name, `${capitalise(label)} cannot be after today, ${today.toString()} (you entered ${value})`);
      return null;
    }
    return parsed.value;
  }

  list(name: string): string[] {
    const raw = this.body[name];
    const list = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).filter((v): v is string => typeof v === 'string').map((v) => v.trim());
    this.lists[name] = list;
    return list;
  }

  fail(field: string, message: string): void {
    this.errors.push({ field, message });
  }
}

function readerOf(body: unknown): Reader {
  return new Reader(typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {});
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// --- driver nodes ------------------------------------------------------------------------------

export interface DriverNodeForm {
  readonly kind: DriverNodeKind;
  readonly text: string;
  readonly parentId: number | null;
  readonly libraryIdea: number | null;
}

/** A node to add (`kind` from the form) or to change (`kind` given). */
export function parseDriverNodeForm(body: unknown, fixedKind: DriverNodeKind | null): { values: FormValues; result: ParseResult<DriverNodeForm> } {
  const r = readerOf(body);
  const kindText = fixedKind ?? r.text('kind', 'what to add');
  const kind = kindText === 'primary' || kindText === 'secondary' || kindText === 'change-idea' ? kindText : null;
  if (!kind) r.fail('kind', `Choose a primary driver, a secondary driver or a change idea (you entered ${kindText || 'nothing'})`);
  const text = r.text('text', 'the words', { required: true, max: 300 });
  const parentText = r.text('parent', 'where it goes');
  const parentId = parentText === '' ? null : Number(parentText);
  if (kind && kind !== 'primary' && (parentId === null || !Number.isInteger(parentId))) r.fail('parent', kind === 'secondary' ? 'Choose the primary driver it serves' : 'Choose the secondary driver it serves');
  const ideaText = r.text('library_idea', 'the library idea');
  const libraryIdea = ideaText === '' ? null : Number(ideaText);
  if (libraryIdea !== null && !Number.isInteger(libraryIdea)) r.fail('library_idea', `Choose an idea from the library (you entered ${ideaText})`);
  if (r.errors.length || !kind) return { values: r.values, result: { ok: false, errors: r.errors } };
  return { values: r.values, result: { ok: true, value: { kind, text, parentId: kind === 'primary' ? null : parentId, libraryIdea: kind === 'change-idea' ? libraryIdea : null } } };
}

// --- tests of change ---------------------------------------------------------------------------

export interface TestFormChoices {
  readonly aimIds: readonly string[];
  /** Primary and secondary drivers (by id) and change ideas of the authority's diagrams. */
  readonly driverIds: readonly number[];
  readonly changeIdeaIds: readonly number[];
  /** The teams the authority's records name, and its children's references: who a test may run with. */
  readonly teams: readonly string[];
  readonly childIds: ReadonlySet<string>;
}

export const testFields = ['title', 'change', 'change_idea', 'owner', 'start_date', 'scale', 'status', 'library_idea'] as const;

export function testToForm(test: TestOfChange): { values: FormValues; lists: ListValues } {
  return {
    values: {
      title: test.title,
      change: test.change,
      change_idea: test.changeIdea === null ? '' : String(test.changeIdea),
      owner: test.owner,
      start_date: test.start.toString(),
      scale: test.scale,
      status: test.status,
      library_idea: test.libraryIdea === null ? '' : String(test.libraryIdea),
      runs_with: test.runsWith?.kind ?? 'everyone',
      team: test.runsWith?.kind === 'team' ? test.runsWith.team : '',
      children: test.runsWith?.kind === 'children' ? test.runsWith.childIds.join(', ') : '',
    },
    lists: { agencies: [...test.agencies], aims: [...test.aimIds], drivers: test.driverIds.map(String) },
  };
}

export function parseTestForm(body: unknown, choices: TestFormChoices, today: PlainDate): { values: FormValues; lists: ListValues; result: ParseResult<{ details: TestDetails; status: TestStatus | null }> } {
  const r = readerOf(body);
  const title = r.text('title', 'a title', { required: true, max: 200 });
  const change = r.text('change', 'the change being tested', { required: true });
  const owner = r.text('owner', 'who owns the test', { required: true, max: 200 });
  const start = r.date('start_date', 'the start date', today);
  const scaleText = r.text('scale', 'the scale');
  if (!isTestScale(scaleText)) r.fail('scale', 'Choose the scale of the test: one team, a locality or the whole authority');
  const statusText = r.text('status', 'the status');
  if (statusText !== '' && !isTestStatus(statusText)) r.fail('status', `Choose a status (you entered ${statusText})`);
  const chosenAgencies = r.list('agencies');
  if (chosenAgencies.length === 0) r.fail('agencies', 'Choose at least one agency involved');
  const badAgency = chosenAgencies.find((a) => !isAgency(a));
  if (badAgency !== undefined) r.fail('agencies', `Choose agencies from the list (${agencies.length} are offered; you sent ${badAgency})`);
  const aimIds = r.list('aims');
  if (aimIds.length === 0) r.fail('aims', 'Choose at least one aim the test serves: its run chart will show the test');
  if (aimIds.some((a) => !choices.aimIds.includes(a))) r.fail('aims', 'Choose aims from the list');
  const driverIds = r.list('drivers').map(Number);
  if (driverIds.some((id) => !choices.driverIds.includes(id))) r.fail('drivers', 'Choose drivers from the list');
  const ideaText = r.text('change_idea', 'the change idea');
  const changeIdea = ideaText === '' ? null : Number(ideaText);
  if (changeIdea !== null && !choices.changeIdeaIds.includes(changeIdea)) r.fail('change_idea', 'Choose a change idea from the driver diagrams, or none');
  const libraryText = r.text('library_idea', 'the library idea');
  const libraryIdea = libraryText === '' || !Number.isInteger(Number(libraryText)) ? null : Number(libraryText);
  const runsWith = readTestGroup(r, choices);
  if (r.errors.length || start === null || !isTestScale(scaleText) || runsWith === null) return { values: r.values, lists: r.lists, result: { ok: false, errors: r.errors } };
  return {
    values: r.values,
    lists: r.lists,
    result: {
      ok: true,
      value: {
        details: { title, change, changeIdea, libraryIdea, agencies: chosenAgencies.filter(isAgency), owner, aimIds, driverIds, start, scale: scaleText, ...(runsWith.kind === 'everyone' ? {} : { runsWith }) },
        status: isTestStatus(statusText) ? statusText : null,
      },
    },
  };
}

/**
 * Who the test runs with: everyone, a team the records name (as the records write it), or up to
 * `maxTestChildren` children's references, each one of the authority's, separated by commas, spaces
 * or new lines. Null when the form says something else.
 */
function readTestGroup(r: Reader, choices: TestFormChoices): TestGroup | null {
  const kind = r.text('runs_with', 'who the test runs with') || 'everyone';
  const teamText = r.text('team', 'the team', { max: 200 });
  const childrenText = r.text('children', 'the children’s references', { max: 2000 });
  switch (kind) {
    case 'everyone':
      return { kind: 'everyone' };
    case 'team': {
      if (teamText === '') {
        r.fail('team', 'Choose the team the test runs with');
        return null;
      }
      const team = choices.teams.find((t) => normaliseName(t) === normaliseName(teamText));
      if (team === undefined) {
        r.fail('team', `Choose a team from the list: no child’s record names the team ${teamText}`);
        return null;
      }
      return { kind: 'team', team };
    }
    case 'children': {
      const childIds = [...new Set(childrenText.split(/[\s,;]+/).filter((id) => id !== ''))];
      if (childIds.length === 0) {
        r.fail('children', 'Enter the reference of each child the test runs with');
        return null;
      }
      if (childIds.length > maxTestChildren) {
        r.fail('children', `A test can run with at most ${maxTestChildren} named children (you entered ${childIds.length}): choose a team or everyone instead`);
        return null;
      }
      const unknown = childIds.filter((id) => !choices.childIds.has(id));
      if (unknown.length > 0) {
        r.fail('children', `No child has the reference ${unknown.join(', ')}: enter references as the records write them`);
        return null;
      }
      return { kind: 'children', childIds };
    }
    default:
      r.fail('runs_with', `Choose everyone, a team or named children (you entered ${kind})`);
      return null;
  }
}

// --- PDSA cycles -------------------------------------------------------------------------------

/** The field that holds each part's date, for putting a refusal against it. */
export const partDateFields: Readonly<Record<CyclePart, string>> = { plan: 'when', do: 'do_date', study: 'study_date', act: 'act_date' };

export const partFields: Readonly<Record<CyclePart, readonly string[]>> = {
  plan: ['what', 'who', 'where', 'when', 'prediction', 'measures'],
  do: ['do_date', 'what_happened', 'observations'],
  study: ['study_date', 'result', 'numbers', 'quotes', ...Array.from({ length: maxStudyMeasurements }, (_, i) => measurementFields(i + 1)).flat()],
  act: ['act_date', 'decision', 'next_step'],
};

/** The four fields of the Study's `n`th number (from 1): its date, count, what it is out of, and label. */
export function measurementFields(n: number): [date: string, count: string, outOf: string, label: string] {
  return [`m${n}_date`, `m${n}_count`, `m${n}_out_of`, `m${n}_label`];
}

function measurementsToForm(measurements: readonly StudyMeasurement[]): FormValues {
  return Object.fromEntries(
    measurements.flatMap((m, i) => {
      const [date, count, outOf, label] = measurementFields(i + 1);
      return [
        [date, m.date.toString()],
        [count, String(m.count)],
        [outOf, m.outOf === null ? '' : String(m.outOf)],
        [label, m.label],
      ];
    }),
  );
}

/**
 * The Study's numbers: each row with anything in it needs a date (not after today), a whole count,
 * perhaps a whole "out of" no smaller than the count, and a label; empty rows are left out.
 */
function readMeasurements(r: Reader, today: PlainDate): StudyMeasurement[] {
  const measurements: StudyMeasurement[] = [];
  for (let n = 1; n <= maxStudyMeasurements; n++) {
    const [dateField, countField, outOfField, labelField] = measurementFields(n);
    const texts = [dateField, countField, outOfField, labelField].map((f) => (typeof r.raw(f) === 'string' ? (r.raw(f) as string).trim() : ''));
    if (texts.every((t) => t === '')) continue;
    const before = r.errors.length;
    const date = r.date(dateField, `the date of number ${n}`, today);
    const count = readWhole(r, countField, `the count of number ${n}`, true);
    const outOf = readWhole(r, outOfField, `what number ${n} is out of`, false);
    const label = r.text(labelField, `what number ${n} counts`, { required: true, max: 120 });
    if (count !== null && outOf !== null && count > outOf) r.fail(countField, `Number ${n}: the count (${count}) cannot be more than what it is out of (${outOf})`);
    if (r.errors.length === before && date !== null && count !== null) measurements.push({ date, count, outOf, label });
  }
  return measurements;
}

function readWhole(r: Reader, name: string, label: string, required: boolean): number | null {
  const text = r.text(name, label, { required, max: 12 });
  if (text === '') return null;
  if (!/^\d+$/.test(text)) {
    r.fail(name, `${capitalise(label)} must be a whole number, such as 7 (you entered ${text})`);
    return null;
  }
  return Number(text);
}

export function cyclePartToForm(test: TestOfChange, cycleNumber: number, part: CyclePart): FormValues {
  const cycle = test.cycles.find((c) => c.number === cycleNumber);
  if (!cycle) return {};
  switch (part) {
    case 'plan':
      return { ...cycle.plan, when: cycle.plan.when.toString() };
    case 'do':
      return cycle.do ? { do_date: cycle.do.date.toString(), what_happened: cycle.do.whatHappened, observations: cycle.do.observations } : {};
    case 'study':
      return cycle.study ? { study_date: cycle.study.date.toString(), result: cycle.study.result, numbers: cycle.study.numbers, quotes: cycle.study.quotes, ...measurementsToForm(cycle.study.measurements ?? []) } : {};
    case 'act':
      return cycle.act ? { act_date: cycle.act.date.toString(), decision: cycle.act.decision, next_step: cycle.act.nextStep } : {};
    default:
      return {};
  }
}

export function parsePlanForm(body: unknown): { values: FormValues; result: ParseResult<PdsaPlan> } {
  const r = readerOf(body);
  const what = r.text('what', 'what will be tested', { required: true });
  const who = r.text('who', 'who will do it', { required: true, max: 500 });
  const where = r.text('where', 'where', { required: true, max: 500 });
  // The plan may be for a day still to come.
  const when = r.date('when', 'when it will be done', null);
  const prediction = r.text('prediction', 'the prediction', { required: true });
  const measures = r.text('measures', 'the measures', { required: true });
  if (r.errors.length || when === null) return { values: r.values, result: { ok: false, errors: r.errors } };
  return { values: r.values, result: { ok: true, value: { what, who, where, when, prediction, measures } } };
}

/** The Do, Study or Act of a cycle. */
export function parseCyclePartForm(body: unknown, part: Exclude<CyclePart, 'plan'>, today: PlainDate): { values: FormValues; result: ParseResult<CycleRecord> } {
  const r = readerOf(body);
  switch (part) {
    case 'do': {
      const date = r.date('do_date', 'the date it was done', today);
      const whatHappened = r.text('what_happened', 'what happened', { required: true });
      const observations = r.text('observations', 'the observations');
      if (r.errors.length || date === null) return { values: r.values, result: { ok: false, errors: r.errors } };
      return { values: r.values, result: { ok: true, value: { part, value: { date, whatHappened, observations } } } };
    }
    case 'study': {
      const date = r.date('study_date', 'the date it was studied', today);
      const result = r.text('result', 'the result against the prediction', { required: true });
      const numbers = r.text('numbers', 'the numbers');
      const quotes = r.text('quotes', 'what people said');
      const measurements = readMeasurements(r, today);
      if (r.errors.length || date === null) return { values: r.values, result: { ok: false, errors: r.errors } };
      return { values: r.values, result: { ok: true, value: { part, value: { date, result, numbers, quotes, ...(measurements.length ? { measurements } : {}) } } } };
    }
    case 'act': {
      const date = r.date('act_date', 'the date of the decision', today);
      const decision = r.text('decision', 'the decision');
      if (!isActDecision(decision)) r.fail('decision', 'Choose whether to adopt, adapt or abandon the change');
      const nextStep = r.text('next_step', 'the next step', { required: true });
      if (r.errors.length || date === null || !isActDecision(decision)) return { values: r.values, result: { ok: false, errors: r.errors } };
      return { values: r.values, result: { ok: true, value: { part, value: { date, decision, nextStep } } } };
    }
    default:
      return { values: r.values, result: { ok: false, errors: [{ field: 'part', message: 'Unknown part of a cycle' }] } };
  }
}

/** A refusal of the lifecycle rules as an error against the field it is about. */
export function improvementFieldError(error: ImprovementError, part: CyclePart | 'test'): FieldError {
  const message = describeImprovementError(error);
  switch (error.code) {
    case 'dates-out-of-order':
    case 'date-in-future':
      return { field: partDateFields[error.part], message };
    case 'status-not-allowed':
      return { field: 'status', message };
    case 'start-after-first-cycle':
      return { field: 'start_date', message };
    case 'count-above-denominator':
      return { field: measurementFields(error.measurement)[1], message };
    case 'measurement-after-study':
      return { field: measurementFields(error.measurement)[0], message };
    default:
      return { field: part === 'test' ? 'title' : partDateFields[part], message };
  }
}

// --- meetings and publishing -------------------------------------------------------------------

export function parseMeetingForm(body: unknown): { values: FormValues; result: ParseResult<{ date: PlainDate; title: string; notes: string }> } {
  const r = readerOf(body);
  const date = r.date('meeting_date', 'the date of the meeting', null);
  const title = r.text('title', 'a title', { required: true, max: 200 });
  const notes = r.text('notes', 'the notes');
  if (r.errors.length || date === null) return { values: r.values, result: { ok: false, errors: r.errors } };
  return { values: r.values, result: { ok: true, value: { date, title, notes } } };
}

export function parsePublishForm(body: unknown): { values: FormValues; result: ParseResult<{ studySummary: string; actSummary: string }> } {
  const r = readerOf(body);
  const studySummary = r.text('study_summary', 'a summary of what the study found', { required: true });
  const actSummary = r.text('act_summary', 'a summary of what was decided', { required: true });
  const consent = r.text('consent', 'consent');
  if (consent !== 'yes') r.fail('consent', 'Confirm that the authority agrees to share this, and that it holds no child’s details');
  if (r.errors.length) return { values: r.values, result: { ok: false, errors: r.errors } };
  return { values: r.values, result: { ok: true, value: { studySummary, actSummary } } };
}

// --- the poster's text -------------------------------------------------------------------------

/** The form's fields for each part of the poster's text, and how much each may hold: a poster is one page. */
export const posterTextFields: Readonly<Record<PosterTextPart, { readonly field: string; readonly label: string; readonly max: number; readonly lines: number }>> = {
  done: { field: 'done', label: 'what you have done so far', max: 1200, lines: 8 },
  learning: { field: 'learning', label: 'the key learning points', max: 1200, lines: 8 },
  nextSteps: { field: 'next_steps', label: 'the next steps', max: 1200, lines: 8 },
  contact: { field: 'contact', label: 'whom to contact', max: 300, lines: 3 },
};

export function posterTextToForm(text: PosterText): FormValues {
  return Object.fromEntries(posterTextParts.map((part) => [posterTextFields[part].field, text[part]]));
}

/** The team's words for the poster: each part optional, at most its characters and points (one a line). */
export function parsePosterTextForm(body: unknown): { values: FormValues; result: ParseResult<PosterText> } {
  const r = readerOf(body);
  const read = (part: PosterTextPart): string => {
    const { field, label, max, lines } = posterTextFields[part];
    const value = r.text(field, label, { max });
    const points = posterPoints(value).length;
    if (points > lines && !r.errors.some((e) => e.field === field)) r.fail(field, `${capitalise(label)} can have at most ${lines} points, one a line (you entered ${points})`);
    return value;
  };
  const text: PosterText = { done: read('done'), learning: read('learning'), nextSteps: read('nextSteps'), contact: read('contact') };
  if (r.errors.length) return { values: r.values, result: { ok: false, errors: r.errors } };
  return { values: r.values, result: { ok: true, value: text } };
}
