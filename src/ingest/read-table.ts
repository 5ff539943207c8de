/**
 * Reading one table into the import: the header is matched to the canonical columns, then each
 * row becomes a record in the batch or problems in the log, placed at their file, row and column.
 */
import { makeProblem, type Problem } from '../domain/quality/problem.js';
import type { AnyEvent } from '../domain/planned.js';
import type { Child, Placement } from '../domain/records.js';
import { mapColumns, type ColumnMap } from './columns.js';
import type { ImportBatch } from './import-batch.js';
import { locate, type ProblemLog } from './import-problem.js';
import { rowNormaliser, type RowContext } from './normalise.js';
import type { Profile } from './profile.js';
import type { TableSource } from './source.js';
import { idColumnOf, type TableName } from './tables.js';
import type { WriteWhileReading } from '../store/index.js';

export interface ReadTable {
  readonly table: TableName;
  readonly label: string;
  /** Null when the file had no header row. */
  readonly map: ColumnMap | null;
  readonly rows: number;
}

export interface ReadContext {
  readonly profile: Profile;
  readonly row: Omit<RowContext, 'strictWidth'>;
  readonly batch: ImportBatch;
  readonly log: ProblemLog;
  /** When the import is written while it is read: where each record that passes its row's checks goes. */
  readonly writing: WriteWhileReading | null;
}

export async function readTable(source: TableSource, context: ReadContext, strictWidth: boolean): Promise<ReadTable> {
  const { batch, log } = context;
  const { table, label } = source;
  let map: ColumnMap | null = null;
  let normalise: ReturnType<typeof rowNormaliser> | null = null;
  let rows = 0;
  // After a header that cannot be used, the rest of the table is read past unparsed (a workbook's later sheets follow it).
  let unusable = false;
  const add = (problem: Problem, row: number | null, column: string | null) => log.add(locate(problem, label, row, column));
  for await (const batchOfRows of source.batches) {
    if ('failure' in batchOfRows) {
      const { failure } = batchOfRows;
      add(makeProblem(failure.code, { detail: failure.detail }), failure.row, null);
      unusable = true;
      break;
    }
    if (unusable) continue;
    for (const row of batchOfRows.rows) {
      if (normalise === null) {
        const mapped = mapColumns(table, row.values, context.profile);
        map = mapped.map;
        for (const { problem, label: column } of mapped.problems) add(problem, row.row, column);
        if (mapped.problems.some((p) => p.problem.severity === 'error')) {
          unusable = true;
          break;
        }
        normalise = rowNormaliser(map, { ...context.row, strictWidth });
        // A column the file lacks, such as planned_date, is one it does not speak for: what pace holds of it stays.
        batch.keepStored(table, map.keptAsStored);
        context.writing?.keepStored(table, map.keptAsStored);
        continue;
      }
      rows += 1;
      const result = normalise(row);
      for (const problem of result.problems) add(problem, row.row, problem.column === null ? null : (map as ColumnMap).labelOf(problem.column));
      if (table === 'children' && result.childId !== null) batch.presentChildIds.add(result.childId);
      const record = result.record;
      if (record === null) continue;
      if (table === 'children') {
        const added = batch.addChild(record as Child, row.row);
        if (added.firstRow !== null) {
          add(makeProblem('id-duplicate', { childId: result.childId, column: 'child_id', value: result.childId, detail: String(added.firstRow) }), row.row, (map as ColumnMap).labelOf('child_id'));
          continue;
        }
        context.writing?.add(table, record as Child, added.position);
      } else if (table === 'placements') batch.addPlacement(record as Placement, row.row);
      else batch.addEvent(record as AnyEvent, row.row);
    }
    // The placements and events added go to the writer from the batch's columns.
    await context.writing?.ready();
  }
  // A placement or event id used on an earlier row: found once the whole file is read (an error,
  // so nothing is written, and the repeated record is left out of the checks across records).
  if (map !== null && table !== 'children') {
    const idColumn = idColumnOf[table];
    for (const repeat of batch.leaveOutRepeatedIds(table)) {
      add(makeProblem('id-duplicate', { childId: repeat.childId, column: idColumn, value: repeat.id, detail: String(repeat.firstRow) }), repeat.row, map.labelOf(idColumn));
    }
  }
  if (map === null && !unusable) add(makeProblem('file-empty'), null, null);
  else if (rows === 0 && !unusable) add(makeProblem('file-no-rows'), null, null);
  return { table, label, map, rows };
}
