/**
 * The render threads: PNG pictures, the PDFs of meeting packs and posters, long CSV files and
 * workbooks are made in worker threads (piscina), so the web process's event loop goes on answering
 * other requests while they are made (issue 19, point 7: four readers of a PDF once held /health at
 * 4 s). One thread per core but one, at least one; tasks beyond the threads wait in the pool's queue.
 *
 * The pictures a page waits for — a child's timeline, a chart's PNG — are drawn in a thread of their
 * own: behind a data lead's four exports in the one queue, a child's page waited 17 s for its
 * timeline (20,000 children, two cores). Documents (PDFs, CSV files, workbooks) take the other threads.
 */
import { availableParallelism } from 'node:os';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { rowsToWire, wireBuffers, type WireRows } from './rows-wire.js';
import type { CsvCell } from './csv.js';
import type { AnyPackDocument } from './pack-document.js';
import type { PosterDocument } from './poster-document.js';
import type { PosterSize } from './poster-pdf.js';
import type { RenderProgress, RenderTask } from './render-worker.js';
import type { TextSheet } from './xlsx.js';
import type { ChildTimeline } from '../domain/timeline.js';
import { datesToWire } from './wire-dates.js';

export type { RenderProgress } from './render-worker.js';

export interface RenderPoolOptions {
  /** Threads for documents; by default one per core but one, at least one (pictures have a thread of their own). */
  readonly threads?: number;
}

export class RenderPool {
  /** PDFs, CSV files and workbooks: `threads` of them. */
  readonly #pool: Piscina<RenderTask, Uint8Array>;
  /** The pictures pages wait for: one thread, started when first asked. */
  readonly #pictures: Piscina<RenderTask, Uint8Array>;

  constructor(options: RenderPoolOptions = {}) {
    const threads = options.threads ?? Math.max(1, availableParallelism() - 1);
    const here = new URL(import.meta.url);
    // Run from the sources (the tests), the thread loads TypeScript through tsx, as the CLI does.
    const fromSources = here.pathname.endsWith('.ts');
    const pool = (maxThreads: number) =>
      new Piscina<RenderTask, Uint8Array>({
        filename: new URL(`../charts/render-worker.${fromSources ? 'ts' : 'js'}`, here).href,
        minThreads: 0,
        maxThreads,
        // A thread, once started, is kept ten minutes: starting one costs more than drawing a child's
        // timeline.
        idleTimeout: 600_000,
        execArgv: fromSources ? ['--import', 'tsx'] : [],
      });
    this.#pool = pool(threads);
    this.#pictures = pool(1);
  }

  /** The SVG as a PNG, at twice its size (render.ts, svgToPng). */
  async png(svg: string): Promise<Buffer> {
    return asBuffer(await this.#pictures.run({ kind: 'png', svg }));
  }

  /**
   * A table as CSV (csv.ts: RFC 4180, formulas neutralised). The rows go to the thread a part at a
   * time (rows-wire.ts), `between` awaited after each part.
   */
  async csv(columns: readonly string[], rows: readonly (readonly CsvCell[])[], between?: () => Promise<void>): Promise<Buffer> {
    const wire = await rowsToWire(rows, between);
    return asBuffer(await this.#pool.run({ kind: 'csv', columns, rows: wire }, { transferList: wireBuffers(wire) }));
  }

  /** The sheets as an .xlsx workbook (xlsx.ts), their rows sent as csv's are. */
  async xlsx(sheets: readonly TextSheet[], between?: () => Promise<void>): Promise<Buffer> {
    const wired: { sheet: TextSheet; rows: WireRows }[] = [];
    for (const sheet of sheets) wired.push({ sheet, rows: await rowsToWire(sheet.rows, between) });
    const task = { kind: 'xlsx' as const, sheets: wired.map(({ sheet, rows }) => ({ name: sheet.name, columns: sheet.columns, dateColumns: sheet.dateColumns, rows })) };
    return asBuffer(await this.#pool.run(task, { transferList: wired.flatMap(({ rows }) => wireBuffers(rows)) }));
  }

  /** A child's timeline drawn as SVG (timeline-chart.ts) at `size`: made ready to sit in a page (inline-picture.ts), or standalone. */
  async timelinePicture(timeline: ChildTimeline, drawing: { readonly size: 'full' | 'small'; readonly forPage: boolean }): Promise<string> {
    return asBuffer(await this.#pictures.run({ kind: 'timeline', timeline: datesToWire(timeline), ...drawing })).toString('utf8');
  }

  /** The meeting pack as a PDF; `onProgress` hears of each part as it is drawn. */
  pdf(pack: AnyPackDocument, onProgress?: (progress: RenderProgress) => void): Promise<Buffer> {
    return this.#withProgress((progress) => ({ kind: 'pdf', pack, ...progress }), onProgress);
  }

  /** The poster as a one-page PDF of `size`; `onProgress` hears when it is drawn. */
  poster(poster: PosterDocument, size: PosterSize, onProgress?: (progress: RenderProgress) => void): Promise<Buffer> {
    return this.#withProgress((progress) => ({ kind: 'poster', poster, size, ...progress }), onProgress);
  }

  async #withProgress(task: (progress: { progress?: MessagePort }) => RenderTask, onProgress?: (progress: RenderProgress) => void): Promise<Buffer> {
    if (!onProgress) return asBuffer(await this.#pool.run(task({})));
    const { port1, port2 } = new MessageChannel();
    port1.on('message', (progress: RenderProgress) => onProgress(progress));
    try {
      return asBuffer(await this.#pool.run(task({ progress: port2 }), { transferList: [port2] }));
    } finally {
      port1.close();
    }
  }

  /** Tasks finished since the pool started (for tests). */
  get completed(): number {
    return this.#pool.completed + this.#pictures.completed;
  }

  async close(): Promise<void> {
    await Promise.all([this.#pool.destroy(), this.#pictures.destroy()]);
  }
}

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
