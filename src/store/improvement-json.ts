/**
 * Tests of change, PDSA cycles and library ideas as stored JSON, and back: dates as `YYYY-MM-DD`,
 * codes checked against the domain's lists. A stored value that does not parse is a bug.
 */
import { z } from 'zod';
import { agencies, actDecisions, testScales } from '../domain/improvement/codes.js';
import type { PdsaCycle, TestDetails } from '../domain/improvement/test-of-change.js';
import { parseDate, type PlainDate } from '../domain/date.js';

const date = z.string().transform((text, ctx) => {
  const parsed = parseDate(text);
  if (!parsed.ok) {
    ctx.addIssue({ code: 'custom', message: `invalid date: ${text}` });
    return z.NEVER;
  }
  return parsed.value;
});

const text = z.string().max(20_000);

const testJson = z.object({
  change: text,
  change_idea: z.number().int().nullable(),
  library_idea: z.number().int().nullable(),
  agencies: z.array(z.enum(agencies)),
  owner: text,
  aim_ids: z.array(z.string()),
  driver_ids: z.array(z.number().int()),
  scale: z.enum(testScales),
  // Absent for everyone: a test stored before it could run with a few reads as it did.
  runs_with: z
    .discriminatedUnion('kind', [z.object({ kind: z.literal('team'), team: z.string() }), z.object({ kind: z.literal('children'), child_ids: z.array(z.string()) })])
    .optional(),
});

const measurementJson = z.object({ date, count: z.number().int().nonnegative(), out_of: z.number().int().nonnegative().nullable(), label: z.string() });

const cycleJson = z.object({
  plan: z.object({ what: text, who: text, where: text, when: date, prediction: text, measures: text }),
  do: z.object({ date, what_happened: text, observations: text }).nullable(),
  study: z.object({ date, result: text, numbers: text, quotes: text, measurements: z.array(measurementJson).optional() }).nullable(),
  act: z.object({ date, decision: z.enum(actDecisions), next_step: text }).nullable(),
});

export function testDefinitionToJson(details: TestDetails): string {
  return JSON.stringify({
    change: details.change,
    change_idea: details.changeIdea,
    library_idea: details.libraryIdea,
    agencies: details.agencies,
    owner: details.owner,
    aim_ids: details.aimIds,
    driver_ids: details.driverIds,
    scale: details.scale,
    // Written only when not everyone, so that a test's stored definition is unchanged until it runs with a few.
    ...(details.runsWith?.kind === 'team' ? { runs_with: { kind: 'team', team: details.runsWith.team } } : {}),
    ...(details.runsWith?.kind === 'children' ? { runs_with: { kind: 'children', child_ids: details.runsWith.childIds } } : {}),
  });
}

export function testDetailsFromRow(row: { title: string; start_date: string; definition: string }): TestDetails {
  const json = testJson.parse(JSON.parse(row.definition));
  return {
    title: row.title,
    change: json.change,
    changeIdea: json.change_idea,
    libraryIdea: json.library_idea,
    agencies: json.agencies,
    owner: json.owner,
    aimIds: json.aim_ids,
    driverIds: json.driver_ids,
    start: parseStoredDate(row.start_date),
    scale: json.scale,
    ...(json.runs_with ? { runsWith: json.runs_with.kind === 'team' ? { kind: 'team', team: json.runs_with.team } : { kind: 'children', childIds: json.runs_with.child_ids } } : {}),
  };
}

export function cycleToJson(cycle: PdsaCycle): string {
  return JSON.stringify({
    plan: { ...cycle.plan, when: cycle.plan.when.toString() },
    do: cycle.do && { date: cycle.do.date.toString(), what_happened: cycle.do.whatHappened, observations: cycle.do.observations },
    study: cycle.study && {
      date: cycle.study.date.toString(),
      result: cycle.study.result,
      numbers: cycle.study.numbers,
      quotes: cycle.study.quotes,
      // Written only when there are some, as for runs_with.
      ...(cycle.study.measurements?.length ? { measurements: cycle.study.measurements.map((m) => ({ date: m.date.toString(), count: m.count, out_of: m.outOf, label: m.label })) } : {}),
    },
    act: cycle.act && { date: cycle.act.date.toString(), decision: cycle.act.decision, next_step: cycle.act.nextStep },
  });
}

export function cycleFromRow(row: { cycle_no: number; definition: string }): PdsaCycle {
  const json = cycleJson.parse(JSON.parse(row.definition));
  return {
    number: row.cycle_no,
    plan: json.plan,
    do: json.do && { date: json.do.date, whatHappened: json.do.what_happened, observations: json.do.observations },
    study: json.study && {
      date: json.study.date,
      result: json.study.result,
      numbers: json.study.numbers,
      quotes: json.study.quotes,
      ...(json.study.measurements ? { measurements: json.study.measurements.map((m) => ({ date: m.date, count: m.count, outOf: m.out_of, label: m.label })) } : {}),
    },
    act: json.act && { date: json.act.date, decision: json.act.decision, nextStep: json.act.next_step },
  };
}

/** An idea in the shared library: from the seed, or published by an authority from its test. */
export interface LibraryIdea {
  readonly id: number;
  readonly key: string;
  readonly source: 'seed' | 'published';
  readonly title: string;
  readonly alsoKnownAs: readonly string[];
  readonly agencies: readonly (typeof agencies)[number][];
  readonly aims: readonly number[];
  readonly change: string;
  readonly rationale: string;
  readonly impact: string;
  /** Published ideas: who published them, from which test, and the approved summaries. */
  readonly publishedBy: { readonly authorityName: string; readonly testNumber: number; readonly at: string } | null;
  readonly studySummary: string;
  readonly actSummary: string;
}

const libraryJson = z.object({
  also_known_as: z.array(z.string()).default([]),
  agencies: z.array(z.enum(agencies)),
  aims: z.array(z.number().int()),
  change: text,
  rationale: text.default(''),
  impact: text.default(''),
  study_summary: text.default(''),
  act_summary: text.default(''),
  authority_name: z.string().nullable().default(null),
});

export type LibraryIdeaJson = z.input<typeof libraryJson>;

export function libraryIdeaFromRow(row: { id: number; key: string; source: string; title: string; definition: string; test_no: number | null; recorded_at: string }): LibraryIdea {
  const json = libraryJson.parse(JSON.parse(row.definition));
  return {
    id: row.id,
    key: row.key,
    source: row.source === 'published' ? 'published' : 'seed',
    title: row.title,
    alsoKnownAs: json.also_known_as,
    agencies: json.agencies,
    aims: json.aims,
    change: json.change,
    rationale: json.rationale,
    impact: json.impact,
    publishedBy: row.source === 'published' ? { authorityName: json.authority_name ?? '', testNumber: row.test_no ?? 0, at: row.recorded_at } : null,
    studySummary: json.study_summary,
    actSummary: json.act_summary,
  };
}

function parseStoredDate(value: string): PlainDate {
  const parsed = parseDate(value);
  if (!parsed.ok) throw new Error(`stored date is not valid: ${value}`);
  return parsed.value;
}
