/** Each chart's data as a table for the page, from the same tables the CSV downloads are made of. */
import { runChartTable, waitingChartTable } from '../../charts/aim-charts.js';
import type { AimResult } from '../figures/authority-figures.js';
import type { TableModel } from '../views/aim-page.js';
import { authorityPath } from '../views/layout.js';
import { placementLabel } from './format.js';

export function runTableModel(code: string, result: AimResult): TableModel {
  const table = runChartTable(result.chart);
  return {
    caption: `Run chart of ${result.aim.name}: each journey that reached the milestone, in the order of the chart`,
    columns: ['Point', 'Child', 'Started', 'Reached the milestone', 'Weeks', 'In the baseline', 'Part of a signal'],
    rows: table.rows.map((row) => row.map((cell, i) => (i === 1 ? childLink(code, String(cell)) : cell === null ? '' : String(cell)))),
  };
}

export function waitingTableModel(code: string, result: AimResult): TableModel {
  return {
    caption: `Waiting chart of ${result.aim.name}: each child still waiting, longest first`,
    columns: ['Child', 'Started', 'Weeks waiting', 'Due by', 'Status', 'Current placement'],
    rows: waitingChartTable(result.chart.series).rows.map((row) => [
      childLink(code, String(row[0])),
      String(row[1]),
      String(row[2]),
      String(row[3]),
      String(row[4]),
      placementLabel((row[5] ?? null) as Parameters<typeof placementLabel>[0]),
    ]),
  };
}

function childLink(code: string, childId: string): { text: string; href: string } {
  return { text: childId, href: authorityPath(code, `/children/${encodeURIComponent(childId)}`) };
}
