/**
 * Importing an export into an authority: read every table (streaming), check every row and every
 * child's records together, and only when nothing is an error, save all of it in one
 * transaction with an entry in the import log. A dry run does everything but commit. Expected
 * failures are in the report, never thrown.
 */
import type { PlainDate } from '../domain/date.js';
import { validateChildRecords } from '../domain/quality/validate.js';
import { inOneTransaction, insertAuditEntries, recordImport, startWritingWhileReading, storedChildIds, type AuthorityScope, type Connection, type ImportFile, type ImportOutcome, type SaveSummary } from '../store/index.js';
import { codeReaders } from './code-values.js';
import { dateReader } from './date-formats.js';
import { ImportBatch, type ChildGroup } from './import-batch.js';
import { locate, ProblemLog, type ImportProblem } from './import-problem.js';
import { locateSources } from './open-sources.js';
import type { Profile } from './profile.js';
import { readTable, type ReadTable } from './read-table.js';
import { saveBatch } from './save-batch.js';
import type { TableName } from './tables.js';

/** From this many bytes of files in all, the pace command writes a first import while reading it (src/store/write-while-reading.ts). */
export const writeWhileReadingFrom = 1 << 20;

export type ImportProgress =
  | { readonly phase: 'reading'; readonly bytes: number; readonly totalBytes: number }
  | { readonly phase: 'checking' }
  | { readonly phase: 'writing'; readonly records: number; readonly totalRecords: number };

export interface ImportOptions {
  readonly path: string;
  readonly scope: AuthorityScope;
  readonly profile: Profile;
  readonly dryRun: boolean;
  /** Who is importing. */
  readonly by: string;
  /** No milestone may be dated after this day. */
  readonly today: PlainDate;
  /** When the import is recorded (ISO timestamp); now, unless a test fixes it. */
  readonly at?: string;
  /** Where the import came from, for the audit log: the client's IP address, or `cli`. */
  readonly clientIp?: string | null;
  /**
   * From how many bytes of files a first import into a SQLite file is written while it is read,
   * on a connection of its own (src/store/write-while-reading.ts); never, when absent. Only a process that
   * does nothing else meanwhile should ask for it: the pace command, not the web server, whose
   * other writes would wait on the import's lock with the whole server stopped.
   */
  readonly writeWhileReadingFrom?: number;
  readonly onProgress?: (progress: ImportProgress) => void;
}

export interface ImportReport {
  readonly outcome: ImportOutcome;
  readonly dryRun: boolean;
  readonly importId: number;
  readonly files: readonly ImportFile[];
  /** Data rows read from each table. */
  readonly rows: Readonly<Record<TableName, number>>;
  readonly errors: number;
  readonly warnings: number;
  /** The problems (up to a readable number of each rule), errors first. */
  readonly problems: readonly ImportProblem[];
  /** How many problems of each rule there were. */
  readonly problemCounts: readonly { readonly code: string; readonly severity: string; readonly count: number }[];
  /** What was saved, or for a dry run what would have been; null when refused. */
  readonly saved: SaveSummary | null;
}

const none: SaveSummary = { children: { added: 0, changed: 0, unchanged: 0 }, placements: { added: 0, changed: 0, unchanged: 0 }, events: { added: 0, changed: 0, unchanged: 0 } };

export async function importFiles(connection: Connection, options: ImportOptions): Promise<ImportReport> {
  const { profile, scope } = options;
  const progress = options.onProgress ?? (() => {});
  const at = options.at ?? new Date().toISOString();
  const log = new ProblemLog();
  const batch = new ImportBatch();
  let bytes = 0;
  let totalBytes = 0;
  const located = locateSources(options.path, profile, log, (read) => {
    bytes += read;
    progress({ phase: 'reading', bytes, totalBytes });
  });
  const writes = !options.dryRun && options.writeWhileReadingFrom !== undefined && located.totalBytes >= options.writeWhileReadingFrom;
  // The writer starts while the files are hashed and their encodings settled (about a tenth of a
  // second each for an import of 100,000 children), so that its first rows wait for neither.
  const [opened, started] = await Promise.allSettled([located.open(), writes ? startWritingWhileReading(connection, scope, { by: options.by, at }, batch) : null]);
  const writing = started.status === 'fulfilled' ? started.value : null;
  if (started.status === 'rejected') throw started.reason;
  if (opened.status === 'rejected') {
    await writing?.abandon();
    throw opened.reason;
  }
  const sources = opened.value;
  // What will be read, for the progress bar (bytes are counted only as the rows are read).
  totalBytes = sources.totalBytes;
  try {
    const read: Partial<Record<TableName, ReadTable>> = {};
    const context = { profile, batch, log, writing, row: { codes: codeReaders(profile), readDate: dateReader(profile.dateFormats) } };
    for await (const source of sources.tables) read[source.table] = await readTable(source, context, sources.strictWidth);

    progress({ phase: 'checking' });
    await checkRecords(connection, options, batch, read, log);

    const entry = { at, by: options.by, dryRun: options.dryRun, profile: profile.name, files: sources.files, errors: log.errors, warnings: log.warnings };
    const rows = { children: read.children?.rows ?? 0, placements: read.placements?.rows ?? 0, events: read.events?.rows ?? 0 };
    const report = (outcome: ImportOutcome, importId: number, saved: SaveSummary | null): ImportReport => ({
      outcome,
      dryRun: options.dryRun,
      importId,
      files: sources.files,
      rows,
      errors: log.errors,
      warnings: log.warnings,
      problems: log.problems(),
      problemCounts: log.counts(),
      saved,
    });
    if (log.errors > 0) {
      await writing?.abandon();
      return report('refused', await recordImport(connection.db, scope, { ...entry, outcome: 'refused', counts: none }), null);
    }

    const totalRecords = batch.counts.children + batch.counts.placements + batch.counts.events;
    progress({ phase: 'writing', records: 0, totalRecords });
    const outcome: ImportOutcome = options.dryRun ? 'dry-run' : 'imported';
    // The log entry of an import is part of its transaction: both are kept, or neither. So is its
    // audit entry: one for the import as a whole (its counts are in the import log).
    const logged = async (inside: Connection, saved: SaveSummary) => {
      const importId = options.dryRun ? 0 : await recordImport(inside.db, scope, { ...entry, outcome, counts: saved });
      if (!options.dryRun) await insertAuditEntries(inside.db, scope, [{ username: options.by, action: 'import', entity: 'import', recordId: String(importId), childId: null, clientIp: options.clientIp ?? null, at }]);
      return importId;
    };
    let written = 0;
    const onSaved = (count: number) => {
      written += count;
      progress({ phase: 'writing', records: written, totalRecords });
    };
    if (writing !== null) {
      const records = { children: batch.childrenRead().count, placements: batch.placementsRead().count, events: batch.eventsRead().count };
      const { saved, importId } = await writing.commit(
        records,
        async (inside, compared) => {
          // A first import's records are all written by now; a later import's that differ are saved here.
          const saved = compared === null ? allAdded(batch.counts) : await saveBatch(inside, scope, batch, { by: options.by, at }, onSaved, compared);
          return { saved, importId: await logged(inside, saved) };
        },
        (records) => progress({ phase: 'writing', records, totalRecords }),
      );
      return report(outcome, importId, saved);
    }
    const { saved, importId } = await inOneTransaction(connection, !options.dryRun, async (inside) => {
      const saved = await saveBatch(inside, scope, batch, { by: options.by, at }, onSaved);
      return { saved, importId: await logged(inside, saved) };
    });
    // A dry run's own entry is written after its rollback: it changed nothing else.
    return report(outcome, options.dryRun ? await recordImport(connection.db, scope, { ...entry, outcome, counts: saved }) : importId, saved);
  } finally {
    await writing?.abandon();
  }
}

/** What a first import saves: every record it read, added. */
function allAdded(counts: Readonly<Record<TableName, number>>): SaveSummary {
  return {
    children: { added: counts.children, changed: 0, unchanged: 0 },
    placements: { added: counts.placements, changed: 0, unchanged: 0 },
    events: { added: counts.events, changed: 0, unchanged: 0 },
  };
}

/** The rules across records, for each child in the batch, placed at their file and row. */
async function checkRecords(connection: Connection, options: ImportOptions, batch: ImportBatch, read: Partial<Record<TableName, ReadTable>>, log: ProblemLog): Promise<void> {
  const stored = await storedChildIds(connection, options.scope);
  const context = { today: options.today, isKnownChild: (id: string) => stored.has(id) || batch.presentChildIds.has(id) };
  const tableOf = { child: 'children', placement: 'placements', event: 'events' } as const;
  for (const group of batch.children()) {
    for (const problem of validateChildRecords(group, context)) {
      const kind = problem.record?.kind ?? 'child';
      const table = read[tableOf[kind]];
      const row = rowIn(group, kind, problem.record?.id ?? null);
      const column = problem.column === null ? null : (table?.map?.labelOf(problem.column) ?? problem.column);
      log.add(locate(problem, table?.label ?? tableOf[kind], row, column));
    }
  }
}

/** The row a record of the child came from; a child not in the children file has none. */
function rowIn(group: ChildGroup, kind: 'child' | 'placement' | 'event', id: string | null): number | null {
  if (kind === 'child' || id === null) return group.childRow || null;
  if (kind === 'placement') return group.placementRows[group.placements.findIndex((p) => p.placementId === id)] ?? null;
  const at = group.events.findIndex((e) => e.eventId === id);
  return at >= 0 ? (group.eventRows[at] ?? null) : (group.planRows[group.plans.findIndex((p) => p.eventId === id)] ?? null);
}
