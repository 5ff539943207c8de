/**
 * Heavy responses (issue 19, point 7): PNG pictures and the PDFs of meeting packs and posters are made in the render
 * threads (charts/render-pool.ts), never on the event loop, and each reader has at most
 * `perUser` of them in hand at once — the rest of theirs wait their turn, so one reader asking for
 * many cannot fill the threads for everyone. A PDF is a durable job (app/pdf-jobs.ts, drawn within
 * `forUser`), made once for its content: the pack of a meeting, or a poster, is plain data worked
 * out from the figures of one data version, and `pdfKey`, with its digest, names the job, so readers
 * of the same pack on any process share one job (and its progress) and, once made, its file.
 */
import { createHash } from 'node:crypto';
import pLimit from 'p-limit';
import type { AnyPackDocument } from '../charts/pack-document.js';
import type { PosterDocument } from '../charts/poster-document.js';
import type { RenderPool } from '../charts/render-pool.js';
import type { ChildTimeline } from '../domain/timeline.js';

const digests = new WeakMap<object, string>();

export interface HeavyWorkOptions {
  /** Heavy responses one reader may have in hand at once (default 2). */
  readonly perUser?: number;
}

export class HeavyWork {
  readonly #limits = new Map<string, ReturnType<typeof pLimit>>();
  readonly #perUser: number;

  constructor(
    readonly pool: RenderPool,
    options: HeavyWorkOptions = {},
  ) {
    this.#perUser = options.perUser ?? 2;
  }

  /** Runs `make` for `user` once fewer than `perUser` of theirs are running. */
  forUser<T>(user: string, make: () => Promise<T>): Promise<T> {
    let limit = this.#limits.get(user);
    if (!limit) this.#limits.set(user, (limit = pLimit(this.#perUser)));
    const result = limit(make);
    // A reader with nothing in hand needs no queue.
    const forget = () => limit.activeCount + limit.pendingCount === 0 && this.#limits.get(user) === limit && this.#limits.delete(user);
    result.then(forget, forget);
    return result;
  }

  /** How many of `user`'s heavy responses are being made, and how many wait (for tests and the health of the pool). */
  inHand(user: string): { readonly running: number; readonly waiting: number } {
    const limit = this.#limits.get(user);
    return { running: limit?.activeCount ?? 0, waiting: limit?.pendingCount ?? 0 };
  }

  /** The SVG as a PNG, made in a render thread. */
  png(user: string, svg: string): Promise<Buffer> {
    return this.forUser(user, () => this.pool.png(svg));
  }

  /** A child's timeline drawn in a render thread: by default the full drawing, for a page. */
  timelinePicture(user: string, timeline: ChildTimeline, drawing: { readonly size: 'full' | 'small'; readonly forPage: boolean } = { size: 'full', forPage: true }): Promise<string> {
    return this.forUser(user, () => this.pool.timelinePicture(timeline, drawing));
  }

  /**
   * The name of a PDF: the authority, what it is (a meeting's date; `poster-a3`) and a digest of its
   * content (worked out once for each pack or poster).
   */
  static pdfKey(scopeId: number, content: AnyPackDocument | PosterDocument, name: string): string {
    let digest = digests.get(content);
    if (digest === undefined) digests.set(content, (digest = createHash('sha256').update(JSON.stringify(content)).digest('hex')));
    return `${scopeId}|${name}|${digest}`;
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}
