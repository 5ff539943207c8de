/**
 * Reading one CSV file as a stream of rows with csv-parse: UTF-8 bytes go straight to the parser,
 * other encodings are decoded first; the separator is the one the header uses. Memory holds one
 * batch of rows at a time, whatever the size of the file.
 */
import { parse } from 'csv-parse';
import { createReadStream } from 'node:fs';
import { pipeline, Transform, type Readable } from 'node:stream';
import { decoder, type FileFacts } from './encoding.js';
import { detectSeparator } from './separator.js';
import { batchSize, type RawRow, type RowBatch } from './source.js';

/** Reads `path`, calling `onBytes` as bytes are read (for a progress bar). */
export async function* csvBatches(path: string, facts: FileFacts, onBytes: (bytes: number) => void = () => {}): AsyncGenerator<RowBatch> {
  const input = createReadStream(path, { highWaterMark: 1 << 20 });
  const parser = parse({ delimiter: detectSeparator(facts.head), bom: true, relax_column_count: true, skip_empty_lines: false });
  const counted = byteCounter(onBytes);
  const streams: (Readable | NodeJS.ReadWriteStream)[] = facts.encoding === 'utf-8' ? [input, counted, parser] : [input, counted, decoder(facts.encoding), parser];
  // Errors reach the parser, whose iteration below turns them into a failure.
  pipeline(streams as [Readable, NodeJS.ReadWriteStream], () => {});
  let row = 0;
  let rows: RawRow[] = [];
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      row += 1;
      // An empty line is a row a spreadsheet shows empty: counted, not handed on.
      if (record.length === 1 && record[0] === '') continue;
      rows.push({ row, values: record });
      if (rows.length === batchSize) {
        yield { rows };
        rows = [];
      }
    }
  } catch (error) {
    if (rows.length > 0) yield { rows };
    const code = (error as { code?: unknown }).code;
    const isCsv = typeof code === 'string' && code.startsWith('CSV_');
    yield { failure: { code: isCsv ? 'csv-malformed' : 'file-unreadable', row: row + 1, detail: error instanceof Error ? error.message : String(error) } };
    input.destroy();
    return;
  }
  if (rows.length > 0) yield { rows };
}

/** Passes bytes through, counting them (for a progress bar). */
export function byteCounter(onBytes: (bytes: number) => void): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      onBytes(chunk.length);
      callback(null, chunk);
    },
  });
}
