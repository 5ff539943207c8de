/**
 * What each API route sends, as JSON Schemas for the OpenAPI document and the page at /api/docs.
 * They describe; they do not filter (the API's serialiser is JSON.stringify, so a field missing
 * here would still be sent, and test/web/api-docs.test.ts checks real answers against them with
 * no field left undescribed). The shapes are made in src/web/api/present.ts,
 * src/domain/figures-json.ts and src/app/aim-json.ts.
 */
import { eventStatuses, eventTypes, journeyRoutes, legalBases, placementTypes, routes, sexes } from '../../domain/codes.js';
import { journeyKinds } from '../../domain/journey.js';
import { journeyStatuses } from '../../domain/status.js';
import { userRoles } from '../../store/index.js';
import type { HttpStatus } from '../errors.js';
import { journeyListFilters } from '../presenters/journey-list.js';

type Schema = Readonly<Record<string, unknown>>;

const str = (description: string): Schema => ({ type: 'string', description });
const int = (description: string): Schema => ({ type: 'integer', description });
const num = (description: string): Schema => ({ type: 'number', description });
const bool = (description: string): Schema => ({ type: 'boolean', description });
const date = (description: string): Schema => ({ type: 'string', format: 'date', description: `${description} (YYYY-MM-DD)` });
const oneOf = (values: readonly (string | number)[], description: string): Schema => ({ type: typeof values[0] === 'number' ? 'integer' : 'string', enum: [...values], description });
/** The same, or null. */
function orNull(schema: Schema, whenNull?: string): Schema {
  const type = schema.type as string;
  const description = whenNull ? `${String(schema.description)}; null ${whenNull}` : String(schema.description);
  return { ...schema, type: [type, 'null'], ...(schema.enum ? { enum: [...(schema.enum as unknown[]), null] } : {}), description };
}
/** An object whose every property is always sent, unless `optional` names it. */
function obj(description: string, properties: Record<string, Schema>, optional: readonly string[] = []): Schema {
  return { type: 'object', description, required: Object.keys(properties).filter((k) => !optional.includes(k)), properties };
}
const arr = (description: string, items: Schema): Schema => ({ type: 'array', description, items });

const counts = obj('How many of each were new, replaced with something different, or the same as already held', { added: int('New'), changed: int('Replaced (the previous version is kept)'), unchanged: int('Already held exactly so') });
const change = oneOf(['added', 'changed', 'unchanged'], 'added (status 201); changed, the previous version kept, or unchanged (status 200)');

export const childJsonSchema = obj('A child, in the canonical format’s column names', {
  child_id: str("The authority's reference for the child"),
  first_name: orNull(str('First name'), 'when not recorded'),
  last_name: orNull(str('Last name'), 'when not recorded'),
  date_of_birth: date('Date of birth'),
  sex: orNull(oneOf(sexes, 'M, F or X (other or not known)'), 'when not recorded'),
  sibling_group: orNull(str('Children sharing it are siblings'), 'when none'),
  worker: orNull(str('The allocated social worker'), 'when none'),
  team: orNull(str('The allocated team'), 'when none'),
  locality: orNull(str('The area team or locality'), 'when none'),
});

export const placementJsonSchema = obj('A placement, in the canonical format’s column names', {
  child_id: str('The child'),
  placement_id: str('Unique within the authority'),
  start_date: date('First day in the placement'),
  end_date: orNull(date('Last day in the placement'), 'while it continues'),
  placement_type: oneOf(placementTypes, 'The setting'),
  legal_basis: orNull(oneOf(legalBases, 'The legal basis'), 'when not recorded'),
  carer_ref: orNull(str('Identifies the carer or unit'), 'when not recorded'),
  recorded_date: orNull(date('The day it was entered in the source system'), 'when not known'),
});

export const eventJsonSchema = obj('An event held (a milestone), planned or cancelled, in the canonical format’s column names: PUT it back to …/events/{event_id} as it is and nothing changes', {
  child_id: str('The child'),
  event_id: str('Unique within the authority'),
  event_type: oneOf(eventTypes, 'The milestone'),
  status: oneOf(eventStatuses, 'held (a milestone, which the figures count), planned (not yet held) or cancelled'),
  date: orNull(date('The day it happened'), 'for an event planned or cancelled'),
  planned_date: orNull(date('The day it was planned for'), 'for a held event when not known'),
  route: orNull(oneOf(routes, 'The permanence route it names'), 'when it names none'),
  note: orNull(str('Free text; for a cancelled event, why it was cancelled'), 'when none'),
  recorded_date: orNull(date('The day it was entered in the source system'), 'when not known'),
});

const warning = obj('Something saved that is worth a look, in the words of the import’s rule of the same code', {
  field: str('The field'),
  code: oneOf(['cancelled-reason-missing'], 'The import’s rule: a cancelled event without a reason in its note'),
  message: str('What is wrong'),
  fix: str('What to do about it'),
});

const journeyProperties = {
  kind: orNull(oneOf([1, 2, 3, 4], 'The national aim whose journey this is (1 to 4)'), 'for a journey of a local measure'),
  child_id: str('The child'),
  start: date('The day the journey started'),
  end: orNull(date('The day it reached its milestone'), 'while it has not'),
  leave: orNull(date('The day the child left it without the milestone'), 'unless they did'),
  leave_reason: orNull(oneOf(['run-ended', 'left-care', 'turned-18', 'superseded'], 'Why the child left it'), 'unless they did'),
  route: oneOf(journeyRoutes, 'The permanence route (undecided until one is named)'),
  status: oneOf(journeyStatuses, 'Against the aim as at the date: in_time, late, overdue, waiting, left_late or left_early'),
  weeks: num('Weeks from start to end (or to the as-at date while waiting), to one decimal'),
  due: date('The day the aim’s timescale runs out'),
};
const journeyJsonSchema = obj('A journey measured against the aim', journeyProperties);

const aimDefinition = obj(
  'The aim as defined (as `pace aim list --json` prints it)',
  {
    id: str('The aim’s id'),
    name: str('The aim’s name'),
    national_aim: orNull(oneOf([1, 2, 3, 4], 'The national aim it measures'), 'for a local aim'),
    kind: oneOf([...journeyKinds, 'measure'], 'The journey it measures: a national kind, or measure (a local measure, defined by measure)'),
    measure: obj('A local measure: where the time is counted from and which events end it, as `pace aim add --start … --end …` writes them (docs/decisions/0029-measures.md); sent only for kind measure', { start: str('accommodated, at-home, at-home-or-kinship, spell, EVENT[:ROUTE] or planned:EVENT'), ends: arr('The events that end it, EVENT[:ROUTE]', str('An event')) }),
    by_date: orNull(date('The date the aim is to be met by'), 'when none'),
    target_percent: orNull(num('The percentage in time aimed for'), 'when none'),
    from_date: orNull(date('Journeys ending before it are not counted'), 'when none'),
    timescale: obj('How long a journey may take', { unit: oneOf(['days', 'weeks', 'months'], 'days, weeks or months'), days: int('When the unit is days'), weeks: int('When the unit is weeks'), months: int('When the unit is months') }, ['days', 'weeks', 'months']),
    filters: obj(
      'Which journeys the aim counts; each filter is sent only when set',
      {
        placement_types: arr('Only journeys starting in these settings', oneOf(placementTypes, 'A setting')),
        placement_types_not: arr('Not journeys starting in these settings', oneOf(placementTypes, 'A setting')),
        routes: arr('Only journeys on these routes', oneOf(journeyRoutes, 'A route')),
        routes_not: arr('Not journeys on these routes', oneOf(journeyRoutes, 'A route')),
        min_age: int('Youngest age at the start, in years'),
        max_age: int('Oldest age at the start, in years'),
        sibling_group: oneOf(['in', 'not_in'], 'Only children in a sibling group, or only those not'),
        teams: arr('Only children allocated to these teams', str('A team')),
      },
      ['placement_types', 'placement_types_not', 'routes', 'routes_not', 'min_age', 'max_age', 'sibling_group', 'teams'],
    ),
    backlog: orNull(obj('A backlog to clear', { by_date: date('Cleared by'), started_before: date('Journeys started before this day') }), 'when none'),
  },
  ['measure'],
);

const aimFigures = obj('One aim: its definition and its figures as at the date', {
  aim: { type: ['integer', 'string'], description: 'The national aim’s number, or the id of a local aim' },
  id: str('The aim’s id (used in the addresses of its run chart and journeys)'),
  name: str('The aim’s name'),
  national_aim: orNull(oneOf([1, 2, 3, 4], 'The national aim it measures'), 'for a local aim'),
  sentence: str('The aim in one sentence'),
  definition: aimDefinition,
  from_date: orNull(date('Journeys ending before it are not counted'), 'when none'),
  counts: obj('Journeys of each status', Object.fromEntries(journeyStatuses.map((s) => [s, int(`Journeys ${s.replace('_', ' ')}`)]))),
  n: int('The denominator: in_time + late + overdue + left_late'),
  percentage: orNull(num('in_time as a percentage of n, to one decimal'), 'when n is 0'),
  median_weeks: orNull(num('Median weeks of the journeys that have ended, to one decimal'), 'when none has'),
  still_waiting: int('Journeys still waiting for the milestone'),
  longest_wait_weeks: orNull(num('The longest wait so far, in weeks'), 'when nobody is waiting'),
  backlog: orNull(obj('The backlog’s progress', { by_date: date('Cleared by'), started_before: date('Journeys started before this day'), total: int('Journeys in the backlog'), complete: int('Of those, reached the milestone'), left: int('Of those, left without it'), still_waiting: int('Of those, still waiting') }), 'when the aim has no backlog'),
});

const span = (what: string) => ({ from: int(`First point of the ${what}`), to: int(`Last point of the ${what}`), n_points: int('Points in it') });
const shift = obj('A run of at least 6 points on one side of the median', { ...span('run'), side: oneOf(['above', 'below'], 'Side of the median') });
const trend = obj('At least 5 points each rising (or each falling)', { ...span('trend'), direction: oneOf(['up', 'down'], 'Rising or falling') });
const runsLimits = { type: 'array', description: 'The fewest and most runs expected by chance (lower, upper)', items: { type: 'integer', description: 'A limit' }, minItems: 2, maxItems: 2 };
const phase = obj(
  'A stretch of the chart with its own median',
  { type: oneOf(['baseline', 'sustained'], 'The baseline, or a sustained change that re-phased the median'), median: num('Its median, in weeks'), from: int('First point the median is drawn from'), to: int('Last point the median is drawn from'), extended_to: int('Last point the median stands over'), side: oneOf(['above', 'below'], 'For a sustained phase: the side of the previous median it fell on') },
  ['side'],
);

const analysis = obj('The Anhøj and IHI analysis, as `pace spc --json` prints it (docs/run-charts.md)', {
  n_obs: int('Points'),
  cl: orNull(num('The centre line (median), in weeks'), 'with no points'),
  cl_basis: oneOf(['all points', 'baseline', 'fixed'], 'What the centre line is the median of'),
  baseline: orNull(obj('The points the median is frozen on', { from: int('First point'), to: int('Last point') }), 'when it is not frozen'),
  anhoej: obj('The Anhøj rules', { n_useful: int('Points not on the median'), longest_run: int('The longest run on one side'), longest_run_max: orNull(int('The longest run expected by chance'), 'with no useful points'), n_crossings: int('Times the line crosses the median'), n_crossings_min: orNull(int('The fewest crossings expected by chance'), 'with no useful points'), signal: bool('Either rule signals a change') }),
  ihi: obj('The IHI rules', {
    n_useful: int('Points not on the median'),
    n_above: int('Useful points above'),
    n_below: int('Useful points below'),
    shifts: arr('Every shift', shift),
    trends: arr('Every trend', trend),
    n_runs: int('Runs'),
    runs_limits: orNull(runsLimits, 'below 10 useful points'),
    runs_verdict: oneOf(['too few', 'too many', 'as expected', 'too few points'], 'What the number of runs says'),
  }),
  phases: arr('The baseline, then each re-phase', phase),
  astronomical_candidates: arr('Points beyond 3 sigma on an XmR chart, for a person to judge', int('A point')),
  too_few_points: orNull(str('Words to show instead of verdicts'), 'from 10 useful points'),
});

const finding = obj(
  'One thing the rules find; which fields are sent depends on kind',
  {
    kind: oneOf(['too-few-points', 'longest-run', 'crossings', 'shift', 'trend', 'runs', 'astronomical-candidate', 'rephased'], 'What kind of finding'),
    n_useful: int('too-few-points: useful points'),
    signal: bool('longest-run, crossings: whether it signals'),
    longest_run: int('longest-run: its length'),
    longest_run_max: int('longest-run: the most expected'),
    run: orNull(shift, 'longest-run: when it is not a shift'),
    n_crossings: int('crossings: how many'),
    n_crossings_min: int('crossings: the fewest expected'),
    shift: shift,
    trend: trend,
    verdict: oneOf(['too few', 'too many', 'as expected'], 'runs: what the number of runs says'),
    n_runs: int('runs: how many'),
    limits: runsLimits,
    n_above: int('runs: useful points above'),
    n_below: int('runs: useful points below'),
    point: int('astronomical-candidate: the point'),
    phase: phase,
    previous_median: num('rephased: the median before'),
  },
  ['n_useful', 'signal', 'longest_run', 'longest_run_max', 'run', 'n_crossings', 'n_crossings_min', 'shift', 'trend', 'verdict', 'n_runs', 'limits', 'n_above', 'n_below', 'point', 'phase', 'previous_median'],
);

/** The 2xx answer of each route. */
export const ok = {
  authorities: obj('The authorities the token’s user may see', {
    authorities: arr('One for each authority', obj('An authority and the user’s role in it', { code: str('Its code, used in every address'), name: str('Its name'), programme_start: orNull(date('The programme’s start'), 'when not set'), role: oneOf(userRoles, 'The user’s role there') })),
  }),
  aims: obj('Every aim’s figures as at the date', { as_at: date('The date the figures are for'), aims: arr('One for each aim', aimFigures) }),
  runChart: obj('The aim’s run chart with the rules’ analysis', {
    aim_id: str('The aim’s id'),
    aim: { type: ['integer', 'string'], description: 'The national aim’s number, or the id of a local aim' },
    as_at: date('The date the chart is for'),
    points: arr('One for each completed journey, in order of end date', obj('A point', { point: int('Its number, from 1'), child_id: str('The child'), start: date('Start of the journey'), end: date('End of the journey'), weeks: num('Weeks it took, to one decimal'), in_signal: bool('Part of a sign of change since the baseline') })),
    baseline: obj('The points the median is frozen on', { count: int('How many'), from: orNull(int('First point'), 'with none'), to: orNull(int('Last point'), 'with none'), rule: oneOf(['programme-start', 'first-points'], 'Why these points: those before the programme start, or the first ones') }),
    analysis,
    findings: arr('What the rules find, in reading order', finding),
    verdicts: arr('The baseline, then each finding, in words', str('A sentence')),
    waiting: arr('Journeys still waiting, as bars beside the chart', obj('A waiting journey', { child_id: str('The child'), start: date('Start of the journey'), weeks: num('Weeks waited so far'), due: date('When the timescale runs out'), status: oneOf(['overdue', 'waiting'], 'Past its due date, or not yet'), placement_type: orNull(oneOf(placementTypes, 'The current placement'), 'when none') })),
  }),
  journeys: obj('The journeys behind the count', { as_at: date('The date the figures are for'), aim_id: str('The aim’s id'), status: oneOf(journeyListFilters, 'Which journeys'), journeys: arr('The journeys', journeyJsonSchema) }),
  waiting: obj('Every journey still waiting', {
    as_at: date('The date the figures are for'),
    journeys: arr('Longest first within each aim', obj('A waiting journey', { aim_id: str('The aim’s id'), child_id: str('The child'), start: date('Start of the journey'), weeks: num('Weeks waited so far, to one decimal'), due: date('When the timescale runs out'), status: oneOf(['overdue', 'waiting'], 'Past its due date, or not yet'), current_placement: orNull(oneOf(placementTypes, 'The current placement'), 'when none') })),
  }),
  child: obj('The child’s record as at the date', {
    as_at: date('The date the statuses are for'),
    child: childJsonSchema,
    placements: arr('Every placement', placementJsonSchema),
    events: arr('Every event: those held, then those planned or cancelled', eventJsonSchema),
    journeys: arr('Every journey, against each aim', obj('A journey measured against an aim', { aim_id: str('The aim’s id'), ...journeyProperties })),
  }),
  childSaved: obj('The child as saved', { change, child: childJsonSchema }),
  placementSaved: obj('The placement as saved', { change, placement: placementJsonSchema }),
  eventSaved: obj('The event as saved', { change, event: eventJsonSchema, warnings: arr('What is worth a look in what was saved (usually none)', warning) }),
  saved: obj('Everything was saved', {
    saved: obj('What changed', { children: counts, placements: counts, events: counts }),
    warnings: arr('What is worth a look in what was saved (usually none), each naming its record', obj(String(warning.description), { record: str('Which record, e.g. events[3]'), ...(warning.properties as Record<string, Schema>) })),
  }),
} as const;

const errorBody = {
  type: 'object',
  required: ['error'],
  properties: {
    error: obj(
      'What went wrong',
      {
        code: str('A code for programs, e.g. invalid-records, not-found'),
        message: str('A sentence a person can act on'),
        issues: arr('Every problem with what was sent (invalid-records only)', obj('A problem', { record: str('Which record: body, or e.g. events[3]'), field: str('The field'), message: str('What is wrong, echoing the value') })),
        reference: str('For a fault of ours (status 500): a reference to quote'),
      },
      ['issues', 'reference'],
    ),
  },
};

const errorWords: Readonly<Partial<Record<HttpStatus, string>>> = {
  400: 'The request could not be read (malformed JSON, or a date that is not one)',
  401: 'No token was sent, or it is not known or has been revoked',
  403: 'The token’s user may only view this authority (writing needs the practitioner role or above)',
  404: 'No such authority for this token (or no such record)',
  409: 'That id belongs to another child',
  413: 'The body is larger than 2 MB',
  415: 'The body is not JSON',
  422: 'What was sent is not valid; nothing was saved (every problem is listed)',
};

/** The error answers of a route, each with its words (or the words given). */
export function errors(...statuses: readonly (HttpStatus | readonly [HttpStatus, string])[]): Record<number, Schema> {
  return Object.fromEntries(
    statuses.map((s) => {
      const [status, words] = typeof s === 'number' ? [s, errorWords[s] ?? 'An error'] : s;
      return [status, { ...errorBody, description: words }];
    }),
  );
}
