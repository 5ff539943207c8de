import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvBatches, lineEnding, longestRow } from './csv-source.js';
import { readFileFacts } from './encoding.js';
import type { RowBatch } from './source.js';

const dir = mkdtempSync(join(tmpdir(), 'pace-csv-'));
let files = 0;

/** Every batch a file gives, as rows `[row, values]` and failures. */
async function read(bytes: Buffer | string): Promise<(readonly [number, readonly unknown[]] | RowBatch)[]> {
  const path = join(dir, `file-${++files}.csv`);
  writeFileSync(path, bytes);
  const facts = await readFileFacts(path);
  if (!facts.ok) throw new Error(facts.error.code);
  const out: (readonly [number, readonly unknown[]] | RowBatch)[] = [];
  for await (const batch of csvBatches(path, facts.value)) {
    if ('failure' in batch) out.push(batch);
    else for (const row of batch.rows) out.push([row.row, row.values]);
  }
  return out;
}

describe('reading a CSV file', () => {
  it('reads quoted values with separators, doubled quotes and line breaks, numbering rows as a spreadsheet does', async () => {
    expect(await read('child_id,note\nC1,"a, b"\nC2,"say ""hi"""\nC3,"two\nlines"\nC4,\n')).toEqual([
      [1, ['child_id', 'note']],
      [2, ['C1', 'a, b']],
      [3, ['C2', 'say "hi"']],
      [4, ['C3', 'two\nlines']],
      [5, ['C4', '']],
    ]);
  });

  it('reads Windows line endings, a byte-order mark, semicolons and a last line without a line ending', async () => {
    expect(await read(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('child_id;sex\r\nC1;F\r\n\r\nC2;M')]))).toEqual([
      [1, ['child_id', 'sex']],
      [2, ['C1', 'F']],
      [4, ['C2', 'M']],
    ]);
  });

  it('keeps a row that is split between the chunks it reads, and a character split between them', async () => {
    const long = 'é'.repeat(40_000);
    const rows = await read(`child_id,note\n${Array.from({ length: 5 }, (_, i) => `C${i},"${long}\n${i}"`).join('\n')}\n`);
    expect(rows).toHaveLength(6);
    expect(rows[5]).toEqual([6, ['C4', `${long}\n4`]]);
  });

  it('reads Windows-1252 text', async () => {
    expect(await read(Buffer.from('child_id,first_name\nC1,Zo\xeb\n', 'latin1'))).toEqual([
      [1, ['child_id', 'first_name']],
      [2, ['C1', 'Zoë']],
    ]);
  });

  it('names the row where a quote mark is never closed, having handed on the rows before it', async () => {
    expect(await read('child_id,note\nC1,ok\nC2,"never closed\nC3,x\n')).toEqual([
      [1, ['child_id', 'note']],
      [2, ['C1', 'ok']],
      { failure: { code: 'csv-malformed', row: 3, detail: 'a quote mark opens a value and is never closed' } },
    ]);
  });

  it('names the row where text follows a closing quote mark', async () => {
    expect(await read('child_id,note\nC1,"closed"then more\n')).toEqual([
      [1, ['child_id', 'note']],
      { failure: { code: 'csv-malformed', row: 2, detail: 'a quote mark closes a value but more text follows it before the separator' } },
    ]);
  });

  it('stops at a quote mark never closed in a large file instead of reading the rest as one value', async () => {
    const rows = await read(`child_id,note\nC1,"open\n${'C2,more text\n'.repeat(longestRow / 10)}`);
    expect(rows).toEqual([[1, ['child_id', 'note']], { failure: { code: 'csv-malformed', row: 2, detail: `a quote mark opens a value and is never closed (the row runs on for more than ${longestRow} characters)` } }]);
  });
});

describe('the line ending of a file', () => {
  it('is the one that ends the first line outside quotes', () => {
    expect(lineEnding('a,b\r\nc')).toBe('\r\n');
    expect(lineEnding('a,b\rc')).toBe('\r');
    expect(lineEnding('a,"b\r\nc"\nd')).toBe('\n');
    expect(lineEnding('a,b')).toBe('\n');
  });
});
