import type { Command } from 'commander';
import type { Aim } from '../../domain/aim.js';
import { aimSentence } from '../../domain/aim-sentence.js';
import type { PlainDate } from '../../domain/date.js';
import { aimFiguresJson } from '../../app/aim-json.js';
import { aimsReport } from '../../app/authority-reports.js';
import { FiguresCache } from '../../app/figures-cache.js';
import { parseMeasureEnds, parseMeasureStart } from '../../domain/measure-definition.js';
import { describeTimescale, parseTimescale } from '../../domain/timescale.js';
import { aimToJson, findAim, listAims, parseAimJson, saveAim, type AimJson } from '../../store/index.js';
import { authorityCodeArgument, dateArgument } from '../args.js';
import { authorityOrReport, exitCodes, withStore, writeJson, type Io } from '../context.js';

interface AimOptions {
  authority: string;
  id?: string;
  name?: string;
  national?: string;
  kind?: string;
  start?: string;
  end?: string;
  timescale?: string;
  from?: string;
  by?: string;
  target?: string;
  placementTypes?: string;
  placementTypesNot?: string;
  routes?: string;
  routesNot?: string;
  teams?: string;
  siblingGroup?: string;
  minAge?: string;
  maxAge?: string;
  planRoutes?: string;
  backlogBy?: string;
  backlogBefore?: string;
}

export function aimsCommand(program: Command, io: Io, done: (code: number) => void): void {
  program
    .command('aims')
    .description("measure every aim of an authority as at a date")
    .requiredOption('--authority <code>', 'the authority', authorityCodeArgument)
    .requiredOption('--as-at <date>', 'the date the figures are for', dateArgument)
    .option('--from <date>', "override every aim's from-date", dateArgument)
    .option('--json', 'print JSON')
    .action(async (options: { authority: string; asAt: PlainDate; from?: PlainDate; json?: boolean }) => {
      const result = await withStore(io, async (connection) => {
        const found = await authorityOrReport(io, connection, options.authority);
        if (!found) return null;
        return aimsReport(connection, new FiguresCache(connection), found, options.asAt, options.from ?? null);
      });
      if (result === null) return done(exitCodes.refused);
      const aims = result.aims.map((r) => aimFiguresJson(r.aim, r.figures, { journeys: true }));
      if (options.json) {
        writeJson(io, { as_at: options.asAt.toString(), aims });
      } else {
        for (const a of aims) {
          io.out.write(`${a.name}\n  ${a.sentence}\n`);
          const c = a.counts;
          io.out.write(`  ${a.percentage === null ? 'no percentage yet' : `${a.percentage}% in time`} (n = ${a.n}: ${c.in_time} in time, ${c.late} late, ${c.overdue} overdue, ${c.left_late} left after the timescale; not counted: ${c.waiting} waiting within the timescale, ${c.left_early} left within it)\n`);
          io.out.write(`  median ${a.median_weeks ?? '—'} weeks; ${a.still_waiting} still waiting${a.longest_wait_weeks === null ? '' : `, the longest for ${a.longest_wait_weeks} weeks`}\n\n`);
        }
      }
      done(exitCodes.ok);
    });

  const aim = program.command('aim').description("an authority's aims: list, add, edit");

  aim
    .command('list')
    .description('list the aims with their definitions')
    .requiredOption('--authority <code>', 'the authority', authorityCodeArgument)
    .option('--json', 'print JSON')
    .action(async (options: { authority: string; json?: boolean }) => {
      const aims = await withStore(io, async (connection) => {
        const found = await authorityOrReport(io, connection, options.authority);
        return found ? listAims(connection, found.scope) : null;
      });
      if (aims === null) return done(exitCodes.refused);
      if (options.json) writeJson(io, { aims: aims.map(aimToJson) });
      else for (const a of aims) io.out.write(`${a.id.padEnd(16)} ${a.name} (${describeTimescale(a.timescale)})\n  ${aimSentence(a)}\n`);
      done(exitCodes.ok);
    });

  for (const verb of ['add', 'edit'] as const) {
    const command = aim
      .command(verb)
      .description(verb === 'add' ? 'add an aim' : 'change an aim (only the options given); the previous definition is kept')
      .requiredOption('--authority <code>', 'the authority', authorityCodeArgument);
    if (verb === 'edit') command.argument('<id>', 'the aim to change, e.g. aim-2');
    command
      .option('--id <id>', 'a short id, e.g. aim-2-kinship (add only)')
      .option('--name <name>', 'its name')
      .option('--national <n>', 'the national aim it follows: 1, 2, 3 or 4 (sets the journey kind), or "none"')
      .option('--kind <kind>', 'journey kind: at-home, accommodation, recommendation or adm')
      .option('--start <start>', 'a local measure counted from: accommodated, at-home, at-home-or-kinship, spell, an event type EVENT[:ROUTE] (e.g. permanence_planning_meeting, adm_decision:adoption), or planned:EVENT (each event\'s planned date, to the day it is held; with --timescale "0 days": held on its planned date)')
      .option('--end <events>', 'a local measure ended by the first of these events: EVENT[:ROUTE][,…] (e.g. permanence_panel)')
      .option('--timescale <t>', 'e.g. "26 weeks", "3 days" or "24 months"')
      .option('--from <date>', 'only journeys starting on or after this date ("none" to clear)')
      .option('--by <date>', 'the date the aim is to be met by ("none" to clear)')
      .option('--target <percent>', 'the target percentage ("none" to clear)')
      .option('--placement-types <list>', 'only these placement types at the start, comma-separated ("" for any)')
      .option('--placement-types-not <list>', 'not these placement types at the start ("" for none)')
      .option('--routes <list>', "only journeys whose route is one of these (home, kinship_order, permanence_order, poa, adoption, undecided; \"\" for any)")
      .option('--routes-not <list>', 'not these routes: "kinship_order,home" keeps children with no plan yet ("" for none)')
      .option('--teams <list>', "only children of these teams (the child's team), comma-separated (\"\" for any)")
      .option('--sibling-group <which>', 'in (only children in a sibling group), not-in, or any')
      .option('--min-age <years>', 'youngest age at the start ("none" to clear)')
      .option('--max-age <years>', 'oldest age at the start ("none" to clear)')
      .option('--plan-routes <list>', 'replaced by --routes and --routes-not')
      .option('--backlog-by <date>', 'backlog part: the date by which …')
      .option('--backlog-before <date>', '… all journeys started before this date will be complete')
      .action(async (...args: unknown[]) => {
        const id = verb === 'edit' ? (args[0] as string) : undefined;
        const options = (verb === 'edit' ? args[1] : args[0]) as AimOptions;
        done(await changeAim(io, verb, id, options));
      });
  }
}

async function changeAim(io: Io, verb: 'add' | 'edit', editId: string | undefined, options: AimOptions): Promise<number> {
  return withStore(io, async (connection) => {
    const found = await authorityOrReport(io, connection, options.authority);
    if (!found) return exitCodes.refused;
    let base: AimJson | null = null;
    if (verb === 'edit') {
      const existing = await findAim(connection, found.scope, editId as string);
      if (!existing) {
        io.err.write(`pace: ${options.authority} has no aim ${editId} (see: pace aim list --authority ${options.authority})\n`);
        return exitCodes.refused;
      }
      base = aimToJson(existing);
    } else if (options.id && (await findAim(connection, found.scope, options.id))) {
      io.err.write(`pace: ${options.authority} already has an aim ${options.id}; change it with: pace aim edit ${options.id}\n`);
      return exitCodes.refused;
    }
    const merged = mergeOptions(base, options);
    if (!merged.ok) {
      io.err.write(`pace: ${merged.message}\n`);
      return exitCodes.usage;
    }
    const parsed = parseAimJson(merged.value);
    if (!parsed.ok) {
      io.err.write(`pace: the aim is not valid:\n${parsed.error.issues.map((i) => `  - ${i}\n`).join('')}`);
      return exitCodes.usage;
    }
    const saved = await saveAim(connection, found.scope, parsed.value, { by: io.env.USER ?? 'cli' });
    io.out.write(`${saved.value.change === 'added' ? 'Added' : saved.value.change === 'changed' ? 'Changed' : 'No change to'} ${parsed.value.id}: ${aimSentence(parsed.value as Aim)}\n`);
    return exitCodes.ok;
  });
}

type Merged = { ok: true; value: Record<string, unknown> } | { ok: false; message: string };

const kindsByNational = { '1': 'at-home', '2': 'accommodation', '3': 'recommendation', '4': 'adm' } as const;

/** Applies the given options over an existing definition (or defaults for a new aim); parseAimJson checks the result. */
function mergeOptions(base: AimJson | null, o: AimOptions): Merged {
  const value: Record<string, unknown> = { ...(base ?? { national_aim: null, by_date: null, target_percent: null, from_date: null, filters: {}, backlog: null }) };
  const filters: Record<string, unknown> = { ...((base?.filters ?? {}) as Record<string, unknown>) };
  if (o.id !== undefined) value.id = o.id;
  if (o.name !== undefined) value.name = o.name;
  if (o.national !== undefined) {
    if (o.national === 'none') value.national_aim = null;
    else if (o.national in kindsByNational) {
      value.national_aim = Number(o.national);
      value.kind = kindsByNational[o.national as keyof typeof kindsByNational];
    } else return { ok: false, message: `--national must be 1, 2, 3, 4 or none (got ${o.national})` };
  }
  if (o.kind !== undefined) value.kind = o.kind;
  if (o.kind !== undefined && o.kind !== 'measure') value.measure = null;
  if (o.start !== undefined || o.end !== undefined) {
    if (o.national !== undefined && o.national !== 'none') return { ok: false, message: '--start and --end define a local measure: leave out --national (a national aim has its own start and end)' };
    if (o.kind !== undefined && o.kind !== 'measure') return { ok: false, message: `--start and --end define a local measure: leave out --kind ${o.kind}` };
    const previous = (base?.measure ?? null) as { start: string; ends: string[] } | null;
    const start = o.start ?? previous?.start;
    let ends = o.end !== undefined ? o.end.split(',').map((e) => e.trim()).filter(Boolean) : previous?.ends;
    if (start === undefined) return { ok: false, message: '--end needs --start: where is the time counted from? (accommodated, at-home, at-home-or-kinship, spell, EVENT[:ROUTE] or planned:EVENT)' };
    // A measure from planned dates ends when its own event is held.
    if (ends === undefined && start.trim().toLowerCase().startsWith('planned:')) ends = [start.trim().toLowerCase().slice('planned:'.length)];
    if (ends === undefined) return { ok: false, message: '--start needs --end: which events end the measure? (EVENT[:ROUTE][,…])' };
    const parsedStart = parseMeasureStart(start);
    if (!parsedStart.ok) return { ok: false, message: `--start: ${parsedStart.error}` };
    const parsedEnds = parseMeasureEnds(ends.join(','));
    if (!parsedEnds.ok) return { ok: false, message: `--end: ${parsedEnds.error}` };
    value.kind = 'measure';
    value.national_aim = null;
    value.measure = { start: start.trim().toLowerCase(), ends: ends.map((e) => e.toLowerCase()) };
  }
  if (o.timescale !== undefined) {
    const timescale = parseTimescale(o.timescale);
    if (!timescale) return { ok: false, message: `--timescale must read like "26 weeks", "3 days" or "24 months" (from 0 to 3650 days, 1 to 520 weeks or 1 to 120 months; got ${o.timescale})` };
    value.timescale = timescale;
  }
  const clearable = (text: string | undefined, key: string, convert: (t: string) => unknown) => {
    if (text !== undefined) value[key] = text === 'none' ? null : convert(text);
  };
  clearable(o.from, 'from_date', isoOf);
  clearable(o.by, 'by_date', isoOf);
  clearable(o.target, 'target_percent', Number);
  const list = (text: string | undefined, key: string) => {
    if (text === undefined) return;
    const items = text.split(',').map((s) => s.trim()).filter(Boolean);
    if (items.length) filters[key] = items;
    else delete filters[key];
  };
  if (o.planRoutes !== undefined) return { ok: false, message: '--plan-routes was replaced: --routes LIST keeps only journeys whose own route is in LIST, --routes-not LIST leaves them out (undecided journeys stay)' };
  delete filters.plan_routes;
  list(o.placementTypes, 'placement_types');
  list(o.placementTypesNot, 'placement_types_not');
  list(o.routes, 'routes');
  list(o.routesNot, 'routes_not');
  list(o.teams, 'teams');
  if (o.siblingGroup !== undefined) {
    if (o.siblingGroup === 'any') delete filters.sibling_group;
    else if (o.siblingGroup === 'in' || o.siblingGroup === 'not-in') filters.sibling_group = o.siblingGroup === 'in' ? 'in' : 'not_in';
    else return { ok: false, message: `--sibling-group must be in, not-in or any (got ${o.siblingGroup})` };
  }
  const age = (text: string | undefined, key: string) => {
    if (text === undefined) return;
    if (text === 'none') delete filters[key];
    else filters[key] = Number(text);
  };
  age(o.minAge, 'min_age');
  age(o.maxAge, 'max_age');
  value.filters = filters;
  if (o.backlogBy !== undefined || o.backlogBefore !== undefined) {
    if (o.backlogBy === 'none') value.backlog = null;
    else if (o.backlogBy === undefined || o.backlogBefore === undefined) return { ok: false, message: 'give --backlog-by and --backlog-before together (or --backlog-by none)' };
    else value.backlog = { by_date: isoOf(o.backlogBy), started_before: isoOf(o.backlogBefore) };
  }
  if (base === null && value.id === undefined) return { ok: false, message: 'a new aim needs --id' };
  if (base === null && value.kind === undefined) return { ok: false, message: 'a new aim needs --national or --kind' };
  if (base === null && value.timescale === undefined) return { ok: false, message: 'a new aim needs --timescale' };
  return { ok: true, value };
}

/** Accepts UK dates on the command line too; an unreadable date is passed on for the schema to name. */
function isoOf(text: string): string {
  try {
    return dateArgument(text).toString();
  } catch {
    return text;
  }
}
