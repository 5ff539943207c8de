import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFileFacts } from './encoding.js';

const dir = mkdtempSync(join(tmpdir(), 'pace-encoding-'));
const file = (name: string, bytes: Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
};

describe('settling a file’s encoding', () => {
  it('reads UTF-8 with and without a byte-order mark', async () => {
    const plain = await readFileFacts(file('plain.csv', Buffer.from('child_id,first_name\nC1,Zoë\n')));
    const bom = await readFileFacts(file('bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('child_id\nC1\n')])));
    expect(plain.ok && plain.value.encoding).toBe('utf-8');
    expect(bom.ok && bom.value.encoding).toBe('utf-8');
    expect(plain.ok && plain.value.sha256).toBe('edd27a62cd2ab2ecf2b4c3862b5ff196f8de4ea603830dd10df40496cf7c22f5');
  });

  it('takes a file that is not valid UTF-8 to be Windows-1252', async () => {
    const facts = await readFileFacts(file('ansi.csv', Buffer.from('child_id,first_name\nC1,Zo\xeb\n', 'latin1')));
    expect(facts.ok && [facts.value.encoding, facts.value.head]).toEqual(['windows-1252', 'child_id,first_name\nC1,Zoë\n']);
  });

  it('reads UTF-16 with a byte-order mark', async () => {
    const facts = await readFileFacts(file('utf16.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('child_id\tfirst_name\r\n', 'utf16le')])));
    expect(facts.ok && [facts.value.encoding, facts.value.head]).toEqual(['utf-16le', 'child_id\tfirst_name\r\n']);
  });

  it('refuses an empty file, and UTF-16 without a byte-order mark', async () => {
    expect(await readFileFacts(file('empty.csv', Buffer.alloc(0)))).toEqual({ ok: false, error: { code: 'file-empty' } });
    const utf16 = await readFileFacts(file('nobom.csv', Buffer.from('child_id\r\n', 'utf16le')));
    expect(utf16.ok ? null : utf16.error.code).toBe('file-unreadable');
  });

  it('keeps a character split across the chunks it reads as UTF-8', async () => {
    const text = `${'x'.repeat((1 << 20) - 1)}é\n`;
    const facts = await readFileFacts(file('split.csv', Buffer.from(text)));
    expect(facts.ok && facts.value.encoding).toBe('utf-8');
  });
});
