import { writeFile } from 'node:fs/promises';
import { InvalidArgumentError, type Command } from 'commander';
import { Temporal, type PlainDate } from '../../domain/date.js';
import { findAim } from '../../domain/aim.js';
import { groupAlignment, groupTimeline, selectGroup, type AlignBy, type GroupSelector } from '../../domain/timeline-group.js';
import { childTimeline } from '../../domain/timeline.js';
import { findChildRecord, listAims, loadChildRecords } from '../../store/index.js';
import { authorityCodeArgument, dateArgument, positiveIntegerArgument } from '../args.js';
import { authorityOrReport, exitCodes, withStore, type Io } from '../context.js';

interface TimelineOptions {
  authority: string;
  child?: string;
  group?: string;
  children?: string[];
  atHomeMonths?: number;
  waitingWeeks?: number;
  aim?: string;
  asAt?: PlainDate;
  align: AlignBy;
  view: 'full' | 'placements';
  withoutNames?: boolean;
  out: string;
}

function choice<T extends string>(allowed: readonly T[]) {
  return (value: string): T => {
    if (!(allowed as readonly string[]).includes(value)) throw new InvalidArgumentError(`must be ${allowed.join(' or ')} (got ${value})`);
    return value as T;
  };
}

function idList(value: string): string[] {
  return value.split(',').map((id) => id.trim()).filter((id) => id !== '');
}

export function timelineCommand(program: Command, io: Io, done: (code: number) => void): void {
  program
    .command('timeline')
    .description("draw one child's timeline, or a group's on one axis, to an SVG or PNG file")
    .requiredOption('--authority <code>', 'the authority', authorityCodeArgument)
    .option('--child <id>', "one child's timeline")
    .option('--group <name>', 'the children of a sibling group')
    .option('--children <ids>', 'chosen children, as a comma-separated list of ids', idList)
    .option('--at-home-months <n>', 'children looked after at home on a supervision order for more than n months', positiveIntegerArgument)
    .option('--waiting-weeks <n>', 'children waiting more than n weeks for the milestone of --aim', positiveIntegerArgument)
    .option('--aim <n>', 'with --waiting-weeks: the national aim number (1–4) or the aim id')
    .option('--as-at <date>', 'the date the timeline is for (default: today)', dateArgument)
    .option('--align <how>', 'for a group: calendar dates, or weeks since each journey started', choice(['calendar', 'journey'] as const), 'calendar')
    .option('--view <view>', 'for a group: full, or placements (where each child lived and every move)', choice(['full', 'placements'] as const), 'full')
    .option('--without-names', 'show reference numbers only, not names')
    .requiredOption('--out <file>', 'FILE.svg or FILE.png')
    .action(async (options: TimelineOptions) => {
      const chosen = [options.child, options.group, options.children, options.atHomeMonths, options.waitingWeeks].filter((o) => o !== undefined).length;
      if (chosen !== 1) {
        io.err.write('pace: say whose timeline: one of --child, --group, --children, --at-home-months or --waiting-weeks\n');
        return done(exitCodes.usage);
      }
      if ((options.waitingWeeks === undefined) !== (options.aim === undefined)) {
        io.err.write('pace: --waiting-weeks and --aim go together\n');
        return done(exitCodes.usage);
      }
      if (!/\.(svg|png)$/i.test(options.out)) {
        io.err.write(`pace: --out must end in .svg or .png (got ${options.out})\n`);
        return done(exitCodes.usage);
      }
      const asAt = options.asAt ?? Temporal.Now.plainDateISO('Europe/London');
      // The chart libraries load only when a chart is drawn: every other command starts faster.
      const { childTimelineSvg } = await import('../../charts/timeline-chart.js');
      const { groupTimelineSvg } = await import('../../charts/timeline-group-chart.js');
      const { svgToPng } = await import('../../charts/render.js');
      const drawn = await withStore(io, async (connection): Promise<{ svg: string; words: string } | null> => {
        const found = await authorityOrReport(io, connection, options.authority);
        if (!found) return null;
        const aims = await listAims(connection, found.scope);
        if (options.child !== undefined) {
          const record = await findChildRecord(connection, found.scope, options.child);
          if (!record) return refuse(io, `${options.authority} has no child ${options.child}`);
          const timeline = childTimeline(record, { asAt, aims });
          return { svg: childTimelineSvg(timeline, { withoutName: options.withoutNames === true }), words: `${timeline.bands.length} placements, ${timeline.moves} moves, ${timeline.marks.length} events, ${timeline.gaps.length} gaps` };
        }
        let selector: GroupSelector;
        if (options.group !== undefined) selector = { kind: 'siblings', siblingGroup: options.group };
        else if (options.children !== undefined) selector = { kind: 'chosen', childIds: options.children };
        else if (options.atHomeMonths !== undefined) selector = { kind: 'at-home-longer-than', months: options.atHomeMonths };
        else {
          const aim = findAim(aims, options.aim ?? '');
          if (!aim) return refuse(io, `${options.authority} has no aim ${options.aim ?? ''} (its aims: ${aims.map((a) => a.nationalAim ?? a.id).join(', ')})`);
          selector = { kind: 'waiting-longer-than', aim, weeks: options.waitingWeeks as number };
        }
        const selection = selectGroup(await loadChildRecords(connection, found.scope), selector, asAt);
        if (selection.records.length === 0) return refuse(io, `no children to draw: ${selection.title[0]?.toLowerCase() ?? ''}${selection.title.slice(1)}${selection.unknownIds.length > 0 ? ` (no record of ${selection.unknownIds.join(', ')})` : ''}`);
        const group = groupTimeline(selection, { asAt, aims, alignment: groupAlignment(options.align, selection) });
        return { svg: groupTimelineSvg(group, { view: options.view, withoutNames: options.withoutNames === true }), words: `${group.rows.length} ${group.rows.length === 1 ? 'child' : 'children'}` };
      });
      if (drawn === null) return done(exitCodes.refused);
      await writeFile(options.out, /\.png$/i.test(options.out) ? svgToPng(drawn.svg) : drawn.svg);
      io.out.write(`Wrote ${options.out} (${drawn.words})\n`);
      done(exitCodes.ok);
    });
}

function refuse(io: Io, message: string): null {
  io.err.write(`pace: ${message}\n`);
  return null;
}
