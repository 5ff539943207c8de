import type { Command } from 'commander';
import type { PlainDate } from '../../domain/date.js';
import { funnelPositionLabels } from '../../domain/national/funnel.js';
import { nationalComparison } from '../../domain/national/national-comparison.js';
import { nationalJson } from '../../domain/national/national-json.js';
import { listAuthorities, loadChildRecords } from '../../store/index.js';
import { dateArgument } from '../args.js';
import { exitCodes, withStore, writeJson, type Io } from '../context.js';

export function nationalCommand(program: Command, io: Io, done: (code: number) => void): void {
  program
    .command('national')
    .description('compare every authority on each national aim (national definitions), counts under 5 suppressed: no child is shown')
    .requiredOption('--as-at <date>', 'the date the figures are for', dateArgument)
    .option('--from <date>', 'count only journeys starting on or after this date', dateArgument)
    .option('--json', 'print JSON')
    .action(async (options: { asAt: PlainDate; from?: PlainDate; json?: boolean }) => {
      const asAt = options.asAt;
      const comparison = await withStore(io, async (connection) => {
        const authorities = await listAuthorities(connection);
        const withRecords = await Promise.all(authorities.map(async (a) => ({ authority: a.authority, records: await loadChildRecords(connection, a.scope) })));
        return nationalComparison(withRecords, asAt, { fromDate: options.from ?? null });
      });
      const json = nationalJson(comparison);
      if (options.json) writeJson(io, json);
      else io.out.write(presentNational(json));
      done(exitCodes.ok);
    });
}

type NationalView = ReturnType<typeof nationalJson>;

function presentNational(json: NationalView): string {
  const lines = [`National view as at ${json.as_at}${json.from_date ? `, journeys starting on or after ${json.from_date}` : ''}. Each authority measured by the national definition of each aim.`];
  const header = ['authority'.padEnd(28), 'n'.padStart(5), 'in time'.padStart(8), 'late'.padStart(5), 'overdue'.padStart(8), 'waiting'.padStart(8), '% in time'.padStart(10), '95% CI'.padStart(12), 'median wks'.padStart(11), '  funnel'].join(' ');
  for (const aim of json.aims) {
    lines.push('', `${aim.name} (within ${aim.timescale}): ${aim.national_percentage === null ? 'no national percentage published' : `${aim.national_percentage}% in time nationally`}`, header);
    for (const r of [...aim.authorities, aim.national]) {
      const ci = r.ci95 ? `${r.ci95.lower}–${r.ci95.upper}` : '—';
      lines.push([r.name.slice(0, 28).padEnd(28), String(r.n).padStart(5), String(r.in_time).padStart(8), String(r.late).padStart(5), String(r.overdue).padStart(8), String(r.waiting).padStart(8), String(r.percentage ?? '—').padStart(10), ci.padStart(12), String(r.median_weeks ?? '—').padStart(11), `  ${r.funnel_position ? funnelPositionLabels[r.funnel_position] : ''}`].join(' ').trimEnd());
    }
  }
  lines.push('', `<5: a count under ${json.suppressed_below}, or a count hidden with it so that it cannot be worked out from the totals. —: not published (it would reveal a hidden count, or rests on fewer than ${json.suppressed_below} journeys).`);
  return `${lines.join('\n')}\n`;
}
