/**
 * An aim quarter by quarter across authorities, as small multiples: one panel an authority, each
 * with its percentage in time of the journeys settled in each quarter (dots joined by a line; a
 * quarter whose counts are suppressed is left out, a gap in the line) over the national percentage
 * of the same quarter (a dashed grey line), on one scale, so that a reader sees at a glance which
 * authorities moved and which did not. No child is in it: only what the national table publishes.
 */
import * as Plot from '@observablehq/plot';
import { quarterKey } from '../domain/aim-quarters.js';
import type { NationalQuarters } from '../domain/national/national-comparison.js';
import { fontFamily, palette, renderSvg } from './render.js';

const columns = 3;
const panelHeight = 130;

export function nationalQuartersSvg(byQuarter: NationalQuarters, aimName: string): string {
  const keys = byQuarter.quarters.map(quarterKey);
  const panels = byQuarter.authorities.map((row, i) => ({ name: row.name, col: i % columns, row: Math.floor(i / columns) }));
  const points = byQuarter.authorities.flatMap((row, i) =>
    row.cells.map((cell, q) => ({ col: i % columns, row: Math.floor(i / columns), q, percentage: cell.percentage, title: `${row.name}, ${keys[q]}: ${cell.percentage === null ? 'not published (small numbers)' : `${cell.percentage.toFixed(1)}% in time (${String(cell.inTime)} of ${String(cell.n)})`}` })),
  );
  const national = panels.flatMap((p) => byQuarter.national.cells.map((cell, q) => ({ col: p.col, row: p.row, q, percentage: cell.percentage })));
  const rows = Math.max(1, Math.ceil(panels.length / columns));
  const shown = points.filter((p) => p.percentage !== null);
  return renderSvg({
    width: 760,
    height: 40 + rows * panelHeight + 40,
    marginTop: 30,
    marginLeft: 40,
    marginBottom: 40,
    style: { fontFamily, fontSize: '10px' },
    fx: { axis: null, padding: 0.22 },
    fy: { axis: null, padding: 0.25 },
    // The first and the last quarter named under each panel, one at each end.
    x: { domain: [-0.3, Math.max(1, keys.length - 1) + 0.3], ticks: [0, keys.length - 1], tickFormat: (q: number) => keys[q] ?? '', label: null },
    y: { domain: [0, 100], ticks: [0, 50, 100], label: '% in time', grid: true },
    ariaLabel: `${aimName} quarter by quarter: one panel an authority, its percentage in time each quarter over the national percentage`,
    marks: [
      Plot.frame({ stroke: palette.lightGrey }),
      Plot.line(national, { fx: 'col', fy: 'row', x: 'q', y: 'percentage', stroke: palette.grey, strokeDasharray: '4,3', strokeWidth: 1 }),
      Plot.line(points, { fx: 'col', fy: 'row', x: 'q', y: 'percentage', stroke: palette.blue, strokeWidth: 1.5 }),
      Plot.dot(shown, { fx: 'col', fy: 'row', x: 'q', y: 'percentage', r: 2.5, fill: palette.blue, title: 'title' }),
      Plot.text(panels, { fx: 'col', fy: 'row', text: 'name', frameAnchor: 'top-left', dx: 3, dy: 3, fill: palette.darkBlue, fontWeight: 'bold' }),
      ...(panels.length === 0 ? [Plot.text(['No authority yet'], { frameAnchor: 'middle', fill: palette.grey })] : []),
    ],
  });
}
