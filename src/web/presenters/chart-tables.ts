/** Each chart's data as a table for the page, from the same tables the CSV downloads are made of. */
import { runChartTable, stageTable, survivalTable, waitingChartTable } from '../../charts/aim-charts.js';
import type { AimViews } from '../../app/aim-views.js';
import type { AimResult } from '../../app/authority-figures.js';
import type { TableModel } from '../views/components.js';
import { authorityPath } from '../views/layout.js';
import { placementLabel } from '../../app/format.js';

export function runTableModel(code: string, result: AimResult): TableModel {
  const table = runChartTable(result.chart);
  return {
    caption: `Run chart of ${result.aim.name}: each journey that reached the milestone`,
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

export function stagesTableModel(result: AimResult, views: AimViews): TableModel {
  return {
    caption: `Stages of ${result.aim.name}: days between each pair of milestones, for journeys that reached both`,
    columns: ['Stage', 'Journeys', 'Median days', 'Lower quartile (days)', 'Upper quartile (days)'],
    rows: stageTable(views.stages).rows.map((row) => row.map((cell) => (cell === null ? '—' : String(cell)))),
  };
}

export function survivalTableModel(result: AimResult, views: AimViews): TableModel {
  // One row a step of the curve where a journey reached the milestone (the CSV has every step).
  const table = survivalTable(views.survival);
  return {
    caption: `Time to the milestone for ${result.aim.name}, children still waiting counted until today (Kaplan–Meier)`,
    columns: ['Journeys', 'Days since the start', '% still waiting', 'Still in view', 'Reached the milestone that day', 'Still waiting, last seen that day'],
    rows: table.rows.filter((row) => row[1] === 0 || Number(row[4]) > 0).map((row) => row.map((cell) => (cell === null ? '' : String(cell)))),
  };
}
