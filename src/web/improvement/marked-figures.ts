/**
 * An authority's figures with its tests of change marked on the run charts of the aims they serve.
 * The figures cache knows nothing of tests (they are not child records), so the marked charts are
 * made here, once per figures entry and set of marks: a changed test gives a new key, never a
 * stale chart.
 */
import { aimRunChartSvg } from '../../charts/aim-charts.js';
import { changeMarks } from '../../domain/improvement/change-marks.js';
import type { TestOfChange } from '../../domain/improvement/test-of-change.js';
import { listTests, type StoredAuthority } from '../../store/index.js';
import type { WebContext } from '../context.js';
import { linkedRunChart, maxLinkedPoints, type AuthorityFigures } from '../../app/authority-figures.js';

export async function withChangeMarks(ctx: WebContext, stored: StoredAuthority, figures: AuthorityFigures, tests?: readonly TestOfChange[]): Promise<AuthorityFigures> {
  const all = tests ?? (await listTests(ctx.connection, stored.scope));
  const marks = figures.aims.map((r) => changeMarks(all, r.aim.id, figures.asAt));
  if (marks.every((m) => m.length === 0)) return figures;
  const key = `marks|${JSON.stringify(marks.map((ms) => ms.map((m) => [m.date.toString(), m.kind, m.label, m.description])))}`;
  const records = await ctx.cache.records(stored, figures);
  return ctx.cache.derived(figures, key, () => ({
    ...figures,
    aims: figures.aims.map((result, i) => {
      const aimMarks = marks[i] ?? [];
      if (aimMarks.length === 0) return result;
      const runSvg = aimRunChartSvg(result.aim, result.chart, figures.authority.programmeStart, aimMarks);
      return { ...result, marks: aimMarks, runSvg, runSvgLinked: result.chart.series.points.length > maxLinkedPoints ? null : linkedRunChart(figures.authority.code, result.aim, runSvg, records) };
    }),
  }));
}
