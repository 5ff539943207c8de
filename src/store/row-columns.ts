/**
 * Rows sent to a writer (write-while-reading.ts) as columns, not as one value after another: a
 * column of few distinct values (days, codes, a team's name) goes as numbers in a typed array,
 * each standing for a value of the column's dictionary, and only the values the dictionary did
 * not yet hold go as text with them. A million rows then cost the thread that sends them, and the
 * thread that writes them, a few arrays a message instead of a string a value each to copy and
 * collect (docs/decisions/0013-import-speed.md).
 */

import { dateOfEpochDay, isoDate } from '../domain/date.js';

/** A column's values as numbers: an index into its dictionary, or `noValue` for NULL. */
const noValue = -1;

/** In a column of codes as bytes (`Uint8Array`), NULL. */
export const noCode = 255;

/** In a column of days, NULL. */
export const noDay = -2_147_483_648;

/**
 * A column of days as day numbers (days since 1970-01-01, `noDay` for NULL), given to the writer
 * as `YYYY-MM-DD`: the columns an import's batch already holds as numbers go as they are.
 */
export interface DayColumn {
  readonly days: Int32Array;
}

/**
 * One column of a message: its values as text (null for NULL); as indices into its dictionary
 * (`Int32Array`, `noValue` for NULL, or `Uint8Array`, `noCode` for NULL); or as days.
 */
export type SentColumn = (string | null)[] | Int32Array | Uint8Array | DayColumn;

/** One message's rows: `rows` of them, a column at a time, in the order of the columns sent. */
export interface ColumnRows {
  readonly rows: number;
  /** Each column's values. */
  readonly columns: readonly SentColumn[];
  /** For each column with a dictionary, the values it gained with these rows (appended in order); empty otherwise. */
  readonly added: readonly (readonly string[])[];
  /** For rows to compare: each row's position among the import's records of its kind. */
  readonly positions: Int32Array | null;
}

/**
 * Makes `ColumnRows` from rows given a value at a time. The columns named in `coded` get a
 * dictionary, kept across messages: a writer decodes them with a `ColumnDecoder` that has seen
 * every message before, in order.
 */
export class ColumnEncoder {
  readonly #width: number;
  readonly #coded: readonly boolean[];
  readonly #dictionaries: Map<string, number>[];
  #text: (string | null)[][] = [];
  #codes: Int32Array[] = [];
  #added: string[][] = [];
  #positions: Int32Array | null = null;
  #capacity: number;
  #rows = 0;
  #column = 0;

  constructor(columns: readonly string[], coded: ReadonlySet<string>, withPositions: boolean, capacity: number) {
    this.#width = columns.length;
    this.#coded = columns.map((column) => coded.has(column));
    this.#dictionaries = columns.map(() => new Map<string, number>());
    this.#capacity = capacity;
    this.#reset(withPositions);
  }

  get rows(): number {
    return this.#rows;
  }

  /** Starts a row (with its position, for rows to compare). */
  startRow(position = 0): void {
    if (this.#rows === this.#capacity) this.#grow();
    if (this.#positions !== null) this.#positions[this.#rows] = position;
    this.#column = 0;
  }

  /** The row's next value (text or NULL). */
  push(value: unknown): void {
    const column = this.#column++;
    if (this.#coded[column] === true) {
      const codes = this.#codes[column] as Int32Array;
      if (value === null || value === undefined) {
        codes[this.#rows] = noValue;
        return;
      }
      if (typeof value !== 'string') throw new Error(`a coded column holds text, not ${typeof value}`);
      const dictionary = this.#dictionaries[column] as Map<string, number>;
      let code = dictionary.get(value);
      if (code === undefined) {
        code = dictionary.size;
        dictionary.set(value, code);
        (this.#added[column] as string[]).push(value);
      }
      codes[this.#rows] = code;
    } else {
      if (value !== null && value !== undefined && typeof value !== 'string') throw new Error(`a column sent holds text, not ${typeof value}`);
      (this.#text[column] as (string | null)[]).push((value ?? null) as string | null);
    }
  }

  /** Ends the row begun. */
  endRow(): void {
    if (this.#column !== this.#width) throw new Error(`a row of ${this.#column} values, not ${this.#width}`);
    this.#rows += 1;
  }

  /** The rows since the last take, as one message (its typed arrays may be transferred). */
  take(): ColumnRows {
    const rows = this.#rows;
    const columns = this.#coded.map((coded, c) => (coded ? (this.#codes[c] as Int32Array).slice(0, rows) : (this.#text[c] as (string | null)[])));
    const taken: ColumnRows = { rows, columns, added: this.#added, positions: this.#positions === null ? null : this.#positions.slice(0, rows) };
    this.#reset(this.#positions !== null);
    return taken;
  }

  #reset(withPositions: boolean): void {
    this.#rows = 0;
    this.#text = this.#coded.map(() => []);
    this.#codes = this.#coded.map((coded) => new Int32Array(coded ? this.#capacity : 0));
    this.#added = this.#coded.map(() => []);
    this.#positions = withPositions ? new Int32Array(this.#capacity) : null;
  }

  #grow(): void {
    this.#capacity *= 2;
    const grow = (from: Int32Array) => {
      const grown = new Int32Array(this.#capacity);
      grown.set(from);
      return grown;
    };
    this.#codes = this.#codes.map((codes, c) => (this.#coded[c] === true ? grow(codes) : codes));
    if (this.#positions !== null) this.#positions = grow(this.#positions);
  }
}

/** Reads `ColumnRows` back, message after message, keeping each column's dictionary as it grows. */
export class ColumnDecoder {
  readonly #dictionaries: string[][] = [];

  /** The value of each row and column, one row after another (each row led by its position, when asked). */
  flat(message: ColumnRows, withPositions = false): unknown[] {
    const { rows, columns, added, positions } = message;
    for (let c = 0; c < columns.length; c++) {
      const dictionary = (this.#dictionaries[c] ??= []);
      for (const value of added[c] ?? []) dictionary.push(value);
    }
    const width = columns.length + (withPositions ? 1 : 0);
    const lead = withPositions ? 1 : 0;
    const values = new Array<unknown>(rows * width);
    if (withPositions) for (let r = 0; r < rows; r++) values[r * width] = positions === null ? r : positions[r];
    // A column at a time, its kind told once, each value put in its row's place.
    columns.forEach((column, c) => {
      const dictionary = this.#dictionaries[c] as string[];
      let at = lead + c;
      if (column instanceof Int32Array) {
        for (let r = 0; r < rows; r++, at += width) values[at] = column[r] === noValue ? null : dictionary[column[r] as number];
      } else if (column instanceof Uint8Array) {
        for (let r = 0; r < rows; r++, at += width) values[at] = column[r] === noCode ? null : dictionary[column[r] as number];
      } else if (Array.isArray(column)) {
        for (let r = 0; r < rows; r++, at += width) values[at] = column[r];
      } else {
        for (let r = 0; r < rows; r++, at += width) values[at] = column.days[r] === noDay ? null : isoDate(dateOfEpochDay(column.days[r] as number));
      }
    });
    return values;
  }
}

/** The typed arrays of a message, to be moved to the writer thread rather than copied. */
export function transferables(message: ColumnRows): ArrayBuffer[] {
  const buffers: ArrayBuffer[] = [];
  for (const column of message.columns) {
    if (column instanceof Int32Array || column instanceof Uint8Array) buffers.push(column.buffer as ArrayBuffer);
    else if (!Array.isArray(column)) buffers.push(column.days.buffer as ArrayBuffer);
  }
  if (message.positions !== null) buffers.push(message.positions.buffer as ArrayBuffer);
  return buffers;
}
