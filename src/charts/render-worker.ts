/**
 * What a render thread does (render-pool.ts): the pictures and documents that take long enough to
 * hold up every other request if the web process made them itself — a chart as a PNG, the meeting
 * pack or the poster as a PDF, a long list as CSV, an export as a workbook, a child's timeline. Its
 * input and output are plain data, copied between the threads.
 */
import type { MessagePort } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { csvText } from './csv.js';
import type { AnyPackDocument } from './pack-document.js';
import { meetingPackPdf } from './pack-pdf.js';
import type { PosterDocument } from './poster-document.js';
import { posterPdf, type PosterSize } from './poster-pdf.js';
import { svgToPng } from './render.js';
import { childTimelineSvg } from './timeline-chart.js';
import { datesFromWire, type WireDated } from './wire-dates.js';
import type { ChildTimeline } from '../domain/timeline.js';
import { rowsFromWire, type WireRows } from './rows-wire.js';
import { xlsxWorkbookOfText, type TextSheet } from './xlsx.js';

/** A sheet as it comes to the thread: its rows in parts (rows-wire.ts). */
export type WireSheet = Omit<TextSheet, 'rows'> & { readonly rows: WireRows };

export type RenderTask =
  | { readonly kind: 'png'; readonly svg: string }
  | { readonly kind: 'csv'; readonly columns: readonly string[]; readonly rows: WireRows }
  | { readonly kind: 'xlsx'; readonly sheets: readonly WireSheet[] }
  /** A child's timeline (its dates sent as wire-dates.ts writes them), drawn as SVG at `size`, standalone or ready to sit in a page (inline-picture.ts). */
  | { readonly kind: 'timeline'; readonly timeline: WireDated; readonly size: 'full' | 'small'; readonly forPage: boolean }
  /** `progress` receives `{ done, total, step }` as each part of the pack is drawn. */
  | { readonly kind: 'pdf'; readonly pack: AnyPackDocument; readonly progress?: MessagePort }
  /** One page, so no progress: `progress` hears `{ done: 1, total: 1 }` when it is drawn. */
  | { readonly kind: 'poster'; readonly poster: PosterDocument; readonly size: PosterSize; readonly progress?: MessagePort };

export interface RenderProgress {
  readonly done: number;
  readonly total: number;
  readonly step: string;
}

/**
 * What the thread made, moved back to the web process rather than copied when it owns its buffer
 * alone (a workbook of an extract is tens of megabytes; a small Buffer shares a pool with others).
 */
export default async function render(task: RenderTask): Promise<Uint8Array> {
  const made = await make(task);
  return made.byteOffset === 0 && made.byteLength === made.buffer.byteLength ? (Piscina.move(made) as Uint8Array) : made;
}

async function make(task: RenderTask): Promise<Uint8Array> {
  switch (task.kind) {
    case 'png':
      return svgToPng(task.svg);
    case 'csv':
      return Buffer.from(csvText(task.columns, rowsFromWire(task.rows)));
    case 'xlsx':
      return xlsxWorkbookOfText(task.sheets.map((sheet) => ({ ...sheet, rows: rowsFromWire(sheet.rows) })));
    case 'timeline':
      return Buffer.from(childTimelineSvg(datesFromWire<ChildTimeline>(task.timeline), { size: task.size, forPage: task.forPage }));
    case 'pdf': {
      const port = task.progress;
      const pdf = await meetingPackPdf(task.pack, port ? { onProgress: (done, total, step) => port.postMessage({ done, total, step } satisfies RenderProgress) } : {});
      port?.close();
      return pdf;
    }
    case 'poster': {
      const pdf = await posterPdf(task.poster, { size: task.size });
      task.progress?.postMessage({ done: 1, total: 1, step: 'the poster' } satisfies RenderProgress);
      task.progress?.close();
      return pdf;
    }
    default:
      throw new Error(`unknown render task: ${String((task as { kind: unknown }).kind)}`);
  }
}
