/**
 * Finding an import's tables: a folder holding the three CSV files the profile names (matched
 * without regard to case), or one .xlsx workbook holding the three sheets. Each file is hashed
 * for the import log, and a CSV file's encoding is settled before it is parsed.
 */
import { createHash } from 'node:crypto';
import { createReadStream, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Transform } from 'node:stream';
import { makeProblem } from '../domain/quality/problem.js';
import type { ImportFile } from '../store/imports.js';
import { csvBatches } from './csv-source.js';
import { readFileFacts, type TextEncoding } from './encoding.js';
import { locate, type ProblemLog } from './import-problem.js';
import type { Profile } from './profile.js';
import type { TableSource } from './source.js';
import { tableNames, type TableName } from './tables.js';

export interface OpenedSources {
  readonly files: ImportFile[];
  readonly totalBytes: number;
  /** CSV rows must be as wide as their header; a workbook's may not be. */
  readonly strictWidth: boolean;
  readonly tables: AsyncIterable<TableSource>;
}

/** The order a folder's files are read in. */
const readingOrder: readonly TableName[] = ['events', 'children', 'placements'];

const encodingNames: Readonly<Record<TextEncoding, string>> = { 'utf-8': 'UTF-8', 'utf-16le': 'UTF-16 (little-endian)', 'utf-16be': 'UTF-16 (big-endian)', 'windows-1252': 'Windows-1252' };

/**
 * An import's files found, their sizes known from the file system and nothing read yet: enough to
 * decide how to write (src/ingest/import-files.ts) while `open` hashes them and settles their
 * encodings.
 */
export interface LocatedSources {
  readonly totalBytes: number;
  open(): Promise<OpenedSources>;
}

/** The tables at `path`; problems with the files go to `log`. `onBytes` counts bytes as they are read. */
export function locateSources(path: string, profile: Profile, log: ProblemLog, onBytes: (bytes: number) => void): LocatedSources {
  const stat = statOf(path);
  if (stat?.isFile() && path.toLowerCase().endsWith('.xlsx')) return { totalBytes: stat.size, open: () => openWorkbook(path, profile, log, onBytes, stat.size) };
  if (stat?.isDirectory()) return locateFolder(path, profile, log, onBytes);
  const problem = stat === null ? makeProblem('file-missing', { value: path, detail: 'children, placements and events' }) : makeProblem('file-unreadable', { detail: 'give a folder holding the CSV files, or an .xlsx workbook' });
  log.add(locate(problem, basename(path), null, null));
  return { totalBytes: 0, open: async () => ({ files: [], totalBytes: 0, strictWidth: true, tables: none() }) };
}

function locateFolder(dir: string, profile: Profile, log: ProblemLog, onBytes: (bytes: number) => void): LocatedSources {
  const present = new Map(readdirSync(dir).map((name) => [name.toLowerCase(), name]));
  const located = tableNames.map((table) => {
    const wanted = profile.tables[table].file;
    const name = present.get(wanted.toLowerCase());
    return { table, wanted, file: name === undefined ? null : { name, path: join(dir, name) } };
  });
  // A file that cannot be read counts nothing here; reading its facts says why.
  const totalBytes = located.reduce((sum, { file }) => sum + (file === null ? 0 : (statOf(file.path)?.size ?? 0)), 0);
  return { totalBytes, open: () => openFolder(located, log, onBytes) };
}

/** Each table's file in the folder, as the profile names it (`wanted`): null when there is none. */
interface LocatedFile {
  readonly table: TableName;
  readonly wanted: string;
  readonly file: { readonly name: string; readonly path: string } | null;
}

async function openFolder(located: readonly LocatedFile[], log: ProblemLog, onBytes: (bytes: number) => void): Promise<OpenedSources> {
  const files: ImportFile[] = [];
  const found: { table: TableName; path: string; label: string; facts: Awaited<ReturnType<typeof readFileFacts>> & { ok: true } }[] = [];
  for (const { table, wanted, file } of located) {
    if (file === null) {
      log.add(locate(makeProblem('file-missing', { value: wanted, detail: table }), wanted, null, null));
      continue;
    }
    const { name, path } = file;
    const facts = await readFileFacts(path);
    if (!facts.ok) {
      const problem = facts.error.code === 'file-empty' ? makeProblem('file-empty') : makeProblem('file-unreadable', { detail: facts.error.detail });
      log.add(locate(problem, name, null, null));
      continue;
    }
    files.push({ name, sha256: facts.value.sha256, bytes: facts.value.bytes });
    if (facts.value.encoding !== 'utf-8') log.add(locate(makeProblem('encoding-converted', { value: encodingNames[facts.value.encoding] }), name, null, null));
    found.push({ table, path, label: name, facts });
  }
  // The events first: of the three, theirs are the rows quickest to read against the time they take
  // to write, so that a large import written while it is read (src/store/write-while-reading.ts)
  // keeps its writer busy from the start and has rows waiting for it while the children, slower to
  // read, follow. Nothing read depends on the order: the records are checked together at the end.
  const inReadingOrder = [...found].sort((a, b) => readingOrder.indexOf(a.table) - readingOrder.indexOf(b.table));
  async function* tables(): AsyncGenerator<TableSource> {
    for (const { table, path, label, facts } of inReadingOrder) yield { table, label, batches: csvBatches(path, facts.value, onBytes) };
  }
  return { files, totalBytes: files.reduce((sum, f) => sum + f.bytes, 0), strictWidth: true, tables: tables() };
}

async function openWorkbook(path: string, profile: Profile, log: ProblemLog, onBytes: (bytes: number) => void, bytes: number): Promise<OpenedSources> {
  const name = basename(path);
  const sha256 = await hashFile(path);
  async function* tables(): AsyncGenerator<TableSource> {
    const seen = new Set<TableName>();
    // Counted on the way through: a 'data' listener would start the flow before the reader is ready.
    const input = createReadStream(path, { highWaterMark: 1 << 20 }).pipe(byteCounter(onBytes));
    // The spreadsheet library is loaded only for a workbook: it is most of an import's start-up.
    const { workbookTables } = await import('./xlsx-source.js');
    for await (const item of workbookTables(input, name, profile, path)) {
      if ('failure' in item) {
        log.add(locate(makeProblem(item.failure.code, { detail: item.failure.detail }), name, item.failure.row, null));
        return;
      }
      seen.add(item.table);
      yield item;
    }
    for (const table of tableNames) {
      if (!seen.has(table)) log.add(locate(makeProblem('file-missing', { value: `sheet ${profile.tables[table].sheet}`, detail: table }), name, null, null));
    }
  }
  return { files: [{ name, sha256, bytes }], totalBytes: bytes, strictWidth: false, tables: tables() };
}

async function hashFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) hash.update(chunk);
  return hash.digest('hex');
}

function statOf(path: string) {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

async function* none(): AsyncGenerator<TableSource> {}

/** Passes bytes through, counting them (for a progress bar). */
function byteCounter(onBytes: (bytes: number) => void): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      onBytes(chunk.length);
      callback(null, chunk);
    },
  });
}
