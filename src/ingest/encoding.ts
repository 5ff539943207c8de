/**
 * What a text file is written in, decided before it is parsed (docs/decisions/0003-import.md):
 * a byte-order mark names UTF-8 or UTF-16; otherwise a file that is valid UTF-8 throughout is
 * UTF-8, and any other file is Windows-1252 (what Excel's plain "CSV" writes on a UK Windows PC).
 * A file without a byte-order mark that holds NUL bytes is not text we can read.
 * The same pass hashes the file (SHA-256) for the import log.
 */
import { isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface FileFacts {
  readonly encoding: TextEncoding;
  readonly bytes: number;
  readonly sha256: string;
  /** The start of the file as text (up to 64 KB): enough to find the header and its separator. */
  readonly head: string;
}

export type FileFactsResult = { ok: true; value: FileFacts } | { ok: false; error: { code: 'file-empty' } | { code: 'file-unreadable'; detail: string } };

const headBytes = 64 * 1024;

export async function readFileFacts(path: string): Promise<FileFactsResult> {
  const hash = createHash('sha256');
  const utf8 = new Utf8Check();
  let head: Buffer | null = null;
  let bytes = 0;
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
      hash.update(chunk);
      if (head === null || head.length < headBytes) head = Buffer.concat(head === null ? [chunk] : [head, chunk]).subarray(0, headBytes);
      utf8.add(chunk);
      bytes += chunk.length;
    }
  } catch (error) {
    return { ok: false, error: { code: 'file-unreadable', detail: error instanceof Error ? error.message : String(error) } };
  }
  const start = head ?? Buffer.alloc(0);
  const encoding = byBom(start) ?? (utf8.valid() ? 'utf-8' : 'windows-1252');
  const text = new TextDecoder(encoding).decode(start);
  if (text.trim() === '') return { ok: false, error: { code: 'file-empty' } };
  if (encoding !== 'utf-16le' && encoding !== 'utf-16be' && start.includes(0)) {
    return { ok: false, error: { code: 'file-unreadable', detail: 'it holds NUL bytes: it is UTF-16 without a byte-order mark, or not a text file' } };
  }
  return { ok: true, value: { encoding, bytes, sha256: hash.digest('hex'), head: text } };
}

function byBom(start: Buffer): TextEncoding | null {
  if (start[0] === 0xef && start[1] === 0xbb && start[2] === 0xbf) return 'utf-8';
  if (start[0] === 0xff && start[1] === 0xfe) return 'utf-16le';
  if (start[0] === 0xfe && start[1] === 0xff) return 'utf-16be';
  return null;
}

/** Checks that a stream of chunks is valid UTF-8, carrying a character split between chunks. */
class Utf8Check {
  #carry: Buffer = Buffer.alloc(0);
  #valid = true;

  add(chunk: Buffer): void {
    if (!this.#valid) return;
    const buffer = this.#carry.length > 0 ? Buffer.concat([this.#carry, chunk]) : chunk;
    const cut = incompleteTail(buffer);
    this.#carry = Buffer.from(buffer.subarray(cut));
    this.#valid = isUtf8(buffer.subarray(0, cut));
  }

  valid(): boolean {
    return this.#valid && this.#carry.length === 0;
  }
}

/** Where a multi-byte character that the buffer cuts short begins (the buffer's length if none). */
function incompleteTail(buffer: Buffer): number {
  const end = buffer.length;
  let i = end - 1;
  while (i >= 0 && end - i < 4 && ((buffer[i] as number) & 0xc0) === 0x80) i--;
  if (i < 0) return end;
  const lead = buffer[i] as number;
  const length = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  return end - i < length ? i : end;
}

/** Decodes a file's bytes to text a chunk at a time (dropping a byte-order mark), carrying a character split between chunks. */
export function textDecoder(encoding: TextEncoding): { decode(chunk: Buffer): string; end(): string } {
  const text = new TextDecoder(encoding);
  return { decode: (chunk) => text.decode(chunk, { stream: true }), end: () => text.decode() };
}
