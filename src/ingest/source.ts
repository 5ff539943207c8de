/**
 * What a reader of CSV or XLSX hands on: each table's rows in order, with the row number a
 * spreadsheet would show (the header is row 1), a cell being text or, from a workbook's real date
 * cell, a date. A file that cannot be read to the end ends with a failure, not a throw.
 */
import type { PlainDate } from '../domain/date.js';
import type { TableName } from './tables.js';

export type RawValue = string | PlainDate;

export interface RawRow {
  readonly row: number;
  readonly values: readonly RawValue[];
}

export interface SourceFailure {
  readonly code: 'file-unreadable' | 'csv-malformed';
  readonly row: number | null;
  readonly detail: string;
}

export type RowBatch = { readonly rows: readonly RawRow[] } | { readonly failure: SourceFailure };

export interface TableSource {
  readonly table: TableName;
  /** The name a person knows the table by: `children.csv`, or `book.xlsx, sheet children`. */
  readonly label: string;
  /** The rows, header first; read each table's rows to the end before asking for the next table. */
  readonly batches: AsyncIterable<RowBatch>;
}

/** Rows are handed on in batches of this many: fewer awaits per row. */
export const batchSize = 2000;
