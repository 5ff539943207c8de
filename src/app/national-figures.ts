/**
 * The national view's figures: every authority's records measured on the national aims
 * (src/domain/national). A refresh is a durable job (kind `national`; app/job-queue.ts,
 * docs/decisions/0024-durable-jobs.md): whichever process runs it works the figures out a part at
 * a time and keeps them in the database (national_results), keyed by as-at date, from-date and every
 * authority's data version. Every process reads the same stored figures; none works them out again
 * until some authority's data changes. A page asking for figures not yet stored queues the refresh
 * once (a second request finds the queued one) and shows how far it has got; a refresh whose
 * process was killed is queued again and done by another. `pace national` works them out itself
 * when none are stored (it needs no worker), and keeps them for everyone else.
 */
import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { nextTurn } from './turns.js';
import { parseDateOrThrow, type PlainDate } from '../domain/date.js';
import { nationalComparisonInParts, nationalComparisonParts, type NationalComparison } from '../domain/national/national-comparison.js';
import { dataVersions, findNationalResult, keepNationalResult, listAuthorities, loadChildRecords, type Connection, type NationalResultKey, type StoredJob } from '../store/index.js';
import type { JobQueue } from './job-queue.js';
import { nationalComparisonFromJson, nationalComparisonToJson } from './national-result-json.js';

/** The job kind of a national refresh. */
export const nationalJobKind = 'national';

/** What a refresh is given: the dates (ISO; from-date '' for none) and the data versions it was asked for. */
interface NationalJobInput {
  readonly asAt: string;
  readonly fromDate: string;
  readonly versions: string;
}

/** How far a refresh has got: parts worked out of how many (the working-out page's progress). */
export interface NationalProgress {
  readonly done: number;
  readonly total: number;
}

/** The key of the figures for these dates as every authority's data stands now. */
export async function nationalResultKey(connection: Connection, asAt: PlainDate, fromDate: PlainDate | null): Promise<NationalResultKey> {
  const [authorities, versionOf] = await Promise.all([listAuthorities(connection), dataVersions(connection)]);
  const versions = authorities.map((a) => `${a.scope.id}:${a.authority.name}:${versionOf.get(a.scope.id) ?? 0}`).join(',');
  return { asAt: asAt.toString(), fromDate: fromDate?.toString() ?? '', versions: createHash('sha256').update(versions).digest('hex') };
}

const keyText = (key: NationalResultKey) => `${key.asAt}|${key.fromDate}|${key.versions}`;

/** Stored figures already read, by key: a stored result never changes, so each process parses it once. */
const parsedResults = new WeakMap<Connection, Map<string, NationalComparison>>();
const maxParsed = 8;

/** The stored figures for `key`; null when none are stored (or what is stored cannot be read: it is then worked out again). */
export async function storedNationalFigures(connection: Connection, key: NationalResultKey): Promise<NationalComparison | null> {
  let parsed = parsedResults.get(connection);
  if (!parsed) parsedResults.set(connection, (parsed = new Map()));
  const known = parsed.get(keyText(key));
  if (known) return known;
  const stored = await findNationalResult(connection, key);
  const comparison = stored === null ? null : nationalComparisonFromJson(stored);
  if (comparison) {
    parsed.set(keyText(key), comparison);
    while (parsed.size > maxParsed) parsed.delete(parsed.keys().next().value as string);
  }
  return comparison;
}

/**
 * Works the figures out as every authority's data stands now, a part at a time (other work of the
 * process goes on in between), and keeps them under the key of the data versions read before the
 * records were: a change made meanwhile raises a version, so the next request asks for them again.
 */
export async function workOutNationalFigures(connection: Connection, asAt: PlainDate, fromDate: PlainDate | null, onProgress: (progress: NationalProgress) => void = () => {}): Promise<NationalComparison> {
  const key = await nationalResultKey(connection, asAt, fromDate);
  const stored = await storedNationalFigures(connection, key);
  if (stored) return stored;
  const authorities = await listAuthorities(connection);
  const withRecords = await Promise.all(authorities.map(async (a) => ({ authority: a.authority, records: await loadChildRecords(connection, a.scope) })));
  const total = nationalComparisonParts(withRecords);
  let done = 0;
  onProgress({ done, total });
  const comparison = await nationalComparisonInParts(withRecords, asAt, { fromDate }, () => {
    onProgress({ done: Math.min(++done, total), total });
    return nextTurn();
  });
  await keepNationalResult(connection, key, nationalComparisonToJson(comparison), Date.now());
  return comparison;
}

/** The national figures, stored or worked out here and kept (`pace national`: no worker needed). */
export async function nationalFigures(connection: Connection, asAt: PlainDate, fromDate: PlainDate | null): Promise<NationalComparison> {
  return workOutNationalFigures(connection, asAt, fromDate);
}

export type NationalFiguresFound = { readonly figures: NationalComparison } | { readonly jobId: string; readonly progress: NationalProgress | null } | { readonly failure: string };

/** National refreshes: the job kind, and what a page asks for. */
export class NationalJobs {
  /** Refreshes this process has queued or found, by key, while it does so: two requests at once queue one. */
  readonly #asking = new Map<string, Promise<string>>();

  constructor(
    private readonly connection: Connection,
    private readonly queue: JobQueue,
  ) {
    queue.handle(nationalJobKind, {
      handler: async (job, context) => {
        const input = job.input as NationalJobInput;
        await workOutNationalFigures(connection, parseDateOrThrow(input.asAt), input.fromDate === '' ? null : parseDateOrThrow(input.fromDate), context.progress);
        return { asAt: input.asAt, fromDate: input.fromDate };
      },
      failureWords: 'The national figures could not be worked out because of a fault in pace. Nothing was kept. Try again; if it happens again, tell the people who run pace.',
      abandonedWords: 'The national figures could not be worked out: the server doing it stopped each time it tried. Nothing was kept. Try again; if it happens again, tell the people who run pace.',
    });
  }

  /**
   * The stored figures; or the refresh for them (queued now, unless one is queued or running) with
   * how far it has got, once `waitMs` has passed without them; or why the refresh `previousJob` (the
   * one the reader's page was showing) failed.
   */
  async figuresWithin(asAt: PlainDate, fromDate: PlainDate | null, username: string, waitMs: number, previousJob: string | null = null): Promise<NationalFiguresFound> {
    const deadline = Date.now() + waitMs;
    for (;;) {
      const key = await nationalResultKey(this.connection, asAt, fromDate);
      const stored = await storedNationalFigures(this.connection, key);
      if (stored) return { figures: stored };
      const previous = previousJob === null ? null : await this.#refresh(previousJob);
      if (previous?.state === 'failed' && previous.failure !== null) return { failure: previous.failure };
      const job = await this.#refresh(await this.#ask(key, username));
      if (job?.state === 'failed' && job.failure !== null) return { failure: job.failure };
      if (Date.now() >= deadline) return { jobId: job?.id ?? '', progress: job?.state === 'running' ? ((job.progress as NationalProgress | null) ?? null) : null };
      await sleep(Math.min(50, Math.max(0, deadline - Date.now())));
    }
  }

  async #refresh(id: string): Promise<StoredJob | null> {
    const job = await this.queue.find(id);
    return job && job.kind === nationalJobKind ? job : null;
  }

  /** The id of the queued or running refresh for `key`, queued now when there is none. */
  #ask(key: NationalResultKey, username: string): Promise<string> {
    const text = keyText(key);
    const asking = this.#asking.get(text);
    if (asking) return asking;
    const ask = (async () => {
      const active = await this.queue.active(nationalJobKind);
      const same = active.find((job) => keyText(job.input as NationalJobInput) === text);
      if (same) return same.id;
      const input: NationalJobInput = { asAt: key.asAt, fromDate: key.fromDate, versions: key.versions };
      // A refresh is for no one authority: 0 names none.
      return this.queue.enqueue(nationalJobKind, { authorityId: 0, username, input });
    })();
    this.#asking.set(text, ask);
    void ask.finally(() => this.#asking.get(text) === ask && this.#asking.delete(text)).catch(() => {});
    return ask;
  }
}
