/**
 * Reading one CSV file as a stream of rows with Papa Parse's core parser: the bytes are decoded
 * in small chunks, each chunk's complete rows are parsed and handed on, and an unfinished last
 * row waits for the next chunk. The separator and the line ending are the ones the header uses.
 * Memory holds one chunk's rows at a time, whatever the size of the file.
 */
import Papa from 'papaparse';
import { createReadStream } from 'node:fs';
import { textDecoder, type FileFacts } from './encoding.js';
import { detectSeparator } from './separator.js';
import type { RawRow, RowBatch } from './source.js';

/** Bytes read at a time: small enough that a chunk's rows stay in the processor's cache. */
const chunkBytes = 64 * 1024;

/**
 * No real row of these tables is this long: text that runs on past it is a quote mark opened and
 * never closed, and is reported as that rather than read to the end of the file.
 */
export const longestRow = 1 << 20;

/** What went wrong, in words, for the parser's kinds of malformed row. */
const quoteProblems: Readonly<Record<string, string>> = {
  MissingQuotes: 'a quote mark opens a value and is never closed',
  InvalidQuotes: 'a quote mark closes a value but more text follows it before the separator',
};

/** Reads `path`, calling `onBytes` as bytes are read (for a progress bar). */
export async function* csvBatches(path: string, facts: FileFacts, onBytes: (bytes: number) => void = () => {}): AsyncGenerator<RowBatch> {
  const input = createReadStream(path, { highWaterMark: chunkBytes });
  const text = textDecoder(facts.encoding);
  const parser = new Papa.Parser({ delimiter: detectSeparator(facts.head), newline: lineEnding(facts.head) });
  let row = 0;
  let pending = '';
  // Parses the rows `pending` holds; the last one only when the file has ended (it may be cut short).
  const parse = (final: boolean): RowBatch[] => {
    const result = parser.parse(pending, 0, !final) as Papa.ParseResult<string[]>;
    pending = final ? '' : pending.substring(result.meta.cursor);
    const rows: RawRow[] = [];
    const failed = result.errors[0];
    const good = failed === undefined ? result.data.length : (failed.row ?? 0);
    for (let i = 0; i < good; i++) {
      const values = result.data[i] as string[];
      row += 1;
      // An empty line is a row a spreadsheet shows empty: counted, not handed on.
      if (values.length === 1 && values[0] === '') continue;
      rows.push({ row, values });
    }
    const batches: RowBatch[] = rows.length > 0 ? [{ rows }] : [];
    if (failed !== undefined) batches.push({ failure: { code: 'csv-malformed', row: row + 1, detail: quoteProblems[failed.code] ?? failed.message } });
    else if (pending.length > longestRow) batches.push({ failure: { code: 'csv-malformed', row: row + 1, detail: `${quoteProblems.MissingQuotes} (the row runs on for more than ${longestRow} characters)` } });
    return batches;
  };
  try {
    for await (const chunk of input as AsyncIterable<Buffer>) {
      onBytes(chunk.length);
      pending += text.decode(chunk);
      for (const batch of parse(false)) {
        yield batch;
        if ('failure' in batch) return;
      }
    }
    pending += text.end();
    for (const batch of parse(true)) yield batch;
  } catch (error) {
    yield { failure: { code: 'file-unreadable', row: row + 1, detail: error instanceof Error ? error.message : String(error) } };
  } finally {
    input.destroy();
  }
}

/** `\r\n`, `\r` or `\n`: whichever ends the first line (outside quotes); `\n` for a one-line file. */
export function lineEnding(head: string): '\r\n' | '\r' | '\n' {
  let quoted = false;
  for (let i = 0; i < head.length; i++) {
    const char = head[i];
    if (char === '"') quoted = !quoted;
    else if (!quoted && char === '\r') return head[i + 1] === '\n' ? '\r\n' : '\r';
    else if (!quoted && char === '\n') return '\n';
  }
  return '\n';
}
