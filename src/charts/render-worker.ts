/**
 * What a render thread does (render-pool.ts): the pictures and documents that take long enough to
 * hold up every other request if the web process made them itself — a chart as a PNG, the meeting
 * pack or the poster as a PDF, a long list as CSV, an export as a workbook, a child's timeline. Its
 * input and output are plain data, copied between the threads.
 */
import type { MessagePort } from 'node:worker_threads';
import { csvText, type CsvCell } from './csv.js';
import type { AnyPackDocument } from './pack-document.js';
import { meetingPackPdf } from './pack-pdf.js';
import type { PosterDocument } from './poster-document.js';
import { posterPdf, type PosterSize } from './poster-pdf.js';
import { svgToPng } from './render.js';
import { childTimelineSvg } from './timeline-chart.js';
import { datesFromWire, type WireDated } from './wire-dates.js';
import type { ChildTimeline } from '../domain/timeline.js';
import { xlsxWorkbookOfText, type TextSheet } from './xlsx.js';

export type RenderTask =
  | { readonly kind: 'png'; readonly svg: string }
  | { readonly kind: 'csv'; readonly columns: readonly string[]; readonly rows: readonly (readonly CsvCell[])[] }
  | { readonly kind: 'xlsx'; readonly sheets: readonly TextSheet[] }
  /** A child's timeline (its dates sent as wire-dates.ts writes them), drawn as SVG. */
  | { readonly kind: 'timeline'; readonly timeline: WireDated }
  /** `progress` receives `{ done, total, step }` as each part of the pack is drawn. */
  | { readonly kind: 'pdf'; readonly pack: AnyPackDocument; readonly progress?: MessagePort }
  /** One page, so no progress: `progress` hears `{ done: 1, total: 1 }` when it is drawn. */
  | { readonly kind: 'poster'; readonly poster: PosterDocument; readonly size: PosterSize; readonly progress?: MessagePort };

export interface RenderProgress {
  readonly done: number;
  readonly total: number;
  readonly step: string;
}

export default async function render(task: RenderTask): Promise<Uint8Array> {
  switch (task.kind) {
    case 'png':
      return svgToPng(task.svg);
    case 'csv':
      return Buffer.from(csvText(task.columns, task.rows));
    case 'xlsx':
      return xlsxWorkbookOfText(task.sheets);
    case 'timeline':
      return Buffer.from(childTimelineSvg(datesFromWire<ChildTimeline>(task.timeline)));
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
