import { InvalidArgumentError, type Command } from 'commander';
import { compareDates, Temporal } from '../../domain/date.js';
import { funnelPositionLabels } from '../../domain/national/funnel.js';
import { nationalFigures } from '../../app/national-figures.js';
import { nationalJson } from '../../domain/national/national-json.js';
import { nationalPeriod, parseMonthOrDay, type MonthOrDay, type NationalPeriod } from '../../domain/national/national-period.js';
import { exitCodes, withStore, writeJson, type Io } from '../context.js';

function monthOrDayArgument(value: string): MonthOrDay {
  const parsed = parseMonthOrDay(value);
  if (parsed === null) throw new InvalidArgumentError(`not a month or a date: ${value} (write YYYY-MM, or a date as YYYY-MM-DD or DD/MM/YYYY)`);
  return parsed;
}

export function nationalCommand(program: Command, io: Io, done: (code: number) => void): void {
  program
    .command('national')
    .description('compare every authority on each national aim (national definitions), counts under 5 suppressed: no child is shown; figures are for whole months')
    .option('--as-at <month>', 'the month the figures are as at the end of (YYYY-MM); a date is taken back to the end of the last whole month by then (default: the last month that has ended)', monthOrDayArgument)
    .option('--from <month>', 'count only journeys starting in or after this month (a date: from the first of its month)', monthOrDayArgument)
    .option('--json', 'print JSON')
    .action(async (options: { asAt?: MonthOrDay; from?: MonthOrDay; json?: boolean }) => {
      const period = nationalPeriod({ asAt: options.asAt ?? null, from: options.from ?? null }, Temporal.Now.plainDateISO('Europe/London'));
      if (period.fromDate && compareDates(period.fromDate, period.asAt) > 0) {
        io.err.write(`pace: --from starts on ${period.fromDate.toString()}, after the figures’ date, ${period.asAt.toString()}\n`);
        return done(exitCodes.usage);
      }
      const comparison = await withStore(io, (connection) => nationalFigures(connection, period.asAt, period.fromDate));
      const json = nationalJson(comparison);
      if (options.json) writeJson(io, json);
      else io.out.write(presentNational(json, periodWhy(period, options.asAt ?? null)));
      done(exitCodes.ok);
    });
}

/** Why the figures are as at their date, when it is not the end of the month asked for. */
function periodWhy(period: NationalPeriod, asked: MonthOrDay | null): string {
  if (period.asAtIs === 'last-ended-month') return ' (the end of the last month that has ended)';
  if (asked?.kind === 'day' && compareDates(asked.date, period.asAt) !== 0) return ` (the end of the last whole month by ${asked.date.toString()})`;
  return '';
}

type NationalView = ReturnType<typeof nationalJson>;

function presentNational(json: NationalView, why: string): string {
  const lines = [`National view as at ${json.as_at}${why}${json.from_date ? `, journeys starting on or after ${json.from_date}` : ''}. Each authority measured by the national definition of each aim.`];
  const header = ['authority'.padEnd(28), 'n'.padStart(5), 'in time'.padStart(8), 'late'.padStart(5), 'overdue'.padStart(8), 'waiting'.padStart(8), '% in time'.padStart(10), '95% CI'.padStart(12), 'median wks'.padStart(11), '  funnel'].join(' ');
  for (const aim of json.aims) {
    lines.push('', `${aim.name} (within ${aim.timescale}): ${aim.national_percentage === null ? 'no national percentage published' : `${aim.national_percentage}% in time nationally`}`, header);
    for (const r of [...aim.authorities, aim.national]) {
      const ci = r.ci95 ? `${r.ci95.lower}–${r.ci95.upper}` : '—';
      lines.push([r.name.slice(0, 28).padEnd(28), String(r.n).padStart(5), String(r.in_time).padStart(8), String(r.late).padStart(5), String(r.overdue).padStart(8), String(r.waiting).padStart(8), String(r.percentage ?? '—').padStart(10), ci.padStart(12), String(r.median_weeks ?? '—').padStart(11), `  ${r.funnel_position ? funnelPositionLabels[r.funnel_position] : ''}`].join(' ').trimEnd());
    }
  }
  lines.push('', `[c]: confidential, a count under ${json.suppressed_below}, or a count hidden with it so that it cannot be worked out from the totals. —: not published (it would reveal a hidden count, or rests on fewer than ${json.suppressed_below} journeys). Figures are for whole months.`);
  return `${lines.join('\n')}\n`;
}
