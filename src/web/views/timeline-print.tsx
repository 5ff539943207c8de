/**
 * Timelines ready to print: one A4 landscape sheet per child, each with the child's reference,
 * name, date of birth and as-at date above the timeline (which carries its own legend). A document
 * of its own rather than a page in the site's layout: on screen a short bar says how to print and
 * leads back; on paper there is nothing but the sheets.
 */
import type { VNode } from 'preact';
import type { TimelineSheet } from '../presenters/timeline.js';
import { Svg } from './trusted-svg.js';

/** No quotes, ampersands or angle brackets: JSX escapes those in the style element's text. */
export const printCss = `
@page { size: A4 landscape; margin: 10mm }
body { margin: 0; background: white; }
.pace-print-bar { padding: 1rem 1.5rem; background: #ebebeb; border-bottom: 1px solid #b3b3b3; }
.pace-print-bar p { margin: 0 0 0.5rem; }
.pace-sheets { padding: 1rem 1.5rem; }
.pace-sheet { margin: 0 0 2rem; }
.pace-sheet h2 { margin: 0 0 0.25rem; font-size: 1.25rem; }
.pace-sheet-details { display: flex; flex-wrap: wrap; gap: 0 2rem; margin: 0 0 0.5rem; font-size: 0.875rem; }
.pace-sheet-details div { display: flex; gap: 0.4rem; }
.pace-sheet-details dt { font-weight: bold; }
.pace-sheet-details dd { margin: 0; }
.pace-sheet .pace-chart svg { display: block; width: 100%; height: auto; }
@media print {
  .pace-print-bar { display: none; }
  .pace-sheets { padding: 0; }
  .pace-sheet { margin: 0; break-after: page; break-inside: avoid; }
  .pace-sheet:last-child { break-after: auto; }
  .pace-sheet .pace-chart svg { max-height: 165mm; }
}
`;

export interface PrintModel {
  readonly title: string;
  readonly back: { readonly href: string; readonly text: string };
  /** Sentences for the screen only: what is printed, and what is left out. */
  readonly notes: readonly string[];
  readonly sheets: readonly TimelineSheet[];
}

export function TimelinePrintPage({ model }: { model: PrintModel }): VNode {
  return (
    <html lang="en-GB">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${model.title} – pace`}</title>
        <link rel="stylesheet" href="/assets/sgds/css/design-system.min.css" />
        <link rel="stylesheet" href="/assets/app.css" />
        <style>{printCss}</style>
      </head>
      <body>
        <main id="main-content">
          <div class="pace-print-bar">
            <h1 class="ds_h3">{model.title}</h1>
            <p>Ready to print on A4 paper, landscape, one sheet for each child. Use your browser's Print command (Ctrl+P, or ⌘P on a Mac).</p>
            {model.notes.map((note) => (
              <p key={note}>{note}</p>
            ))}
            <p>
              <a class="ds_link" href={model.back.href}>
                {model.back.text}
              </a>
            </p>
          </div>
          <div class="pace-sheets">
            {model.sheets.map((sheet, i) => (
              <section class="pace-sheet" aria-labelledby={`sheet-${i + 1}`} key={sheet.childId}>
                <h2 id={`sheet-${i + 1}`}>{sheet.heading}</h2>
                <dl class="pace-sheet-details">
                  {sheet.details.map((d) => (
                    <div key={d.key}>
                      <dt>{d.key}</dt>
                      <dd>{d.value}</dd>
                    </div>
                  ))}
                </dl>
                <Svg svg={sheet.svg} />
              </section>
            ))}
          </div>
        </main>
      </body>
    </html>
  );
}
