/**
 * The poster ready to print (issue 20, point 1): a document of its own, as the meeting pack's page
 * is. On screen a bar chooses the as-at date, offers the PDFs (A3 and A4), leads to the team's
 * words and back; on paper there is only the poster, on one A3 sheet (or A4, with `?size=a4`), in
 * the shape of the PDF. It shows aggregates only: no child's name, reference or id.
 */
import type { VNode } from 'preact';
import type { PosterAim, PosterDocument, PosterSection, PosterTest } from '../../charts/poster-document.js';
import type { PosterSize } from '../../charts/poster-pdf.js';
import { ErrorSummary, NoticeBox, TableScroll, type FieldError } from './components.js';
import { Answer } from './dashboard.js';
import { AsAtForm } from './scope-form.js';
import { svgSize } from '../../charts/svg-markup.js';

/** No quotes, ampersands or angle brackets: JSX escapes those in the style element's text. */
export const posterCss = `
body { margin: 0; background: white; }
.pace-print-bar { padding: 1rem 1.5rem; background: #ebebeb; border-bottom: 1px solid #b3b3b3; }
.pace-print-bar p { margin: 0 0 0.5rem; }
.pace-print-bar .pace-as-at { margin: 0.5rem 0; }
.pace-poster { max-width: 75rem; padding: 1rem 1.5rem; color: #000; }
.pace-poster-band { background: #002d54; color: white; padding: 1rem 1.25rem; }
.pace-poster-band h1 { color: white; margin: 0 0 0.375rem; font-size: 2rem; line-height: 1.2; }
.pace-poster-band p { color: white; margin: 0 0 0.25rem; max-width: none; }
.pace-poster h2 { font-size: 1.375rem; color: #002d54; margin: 1.25rem 0 0.5rem; }
.pace-poster h3 { font-size: 1.125rem; color: #002d54; margin: 0 0 0.375rem; }
.pace-poster p, .pace-poster li { max-width: none; }
.pace-poster-aims ol { margin: 0 0 0 1.5rem; padding: 0; }
.pace-poster-aims li { margin: 0 0 0.375rem; }
.pace-poster-grid { display: grid; grid-template-columns: minmax(0, 1fr); gap: 1.5rem; }
.pace-poster .pace-answer { font-size: 1rem; font-weight: bold; margin: 0 0 0.5rem; }
.pace-poster-figures { display: flex; flex-wrap: wrap; gap: 0.25rem 2rem; margin: 0 0 0.5rem; }
.pace-poster-figure p { margin: 0; }
.pace-poster-figure__value { font-size: 1.5rem; font-weight: bold; line-height: 1.2; }
.pace-poster-figure__label, .pace-poster-figure__counts { font-size: 0.875rem; color: #5e5e5e; }
.pace-poster-target { margin: 0 0 0.5rem; }
.pace-poster .pace-chart-picture { display: block; width: 100%; min-width: 30rem; height: auto; }
.pace-poster-columns { display: grid; grid-template-columns: minmax(0, 1fr); gap: 0 2rem; margin: 1rem 0 0; }
.pace-poster-columns section { margin: 0 0 1rem; }
.pace-poster-columns h2 { margin-top: 0; }
.pace-poster-columns ul { margin: 0 0 0 1.25rem; padding: 0; }
.pace-poster-columns li { margin: 0 0 0.375rem; }
.pace-poster-tests { list-style: none; }
.pace-poster-columns .pace-poster-tests { margin-left: 0; }
.pace-poster-tests li { margin: 0 0 0.625rem; }
.pace-poster-outcome { display: block; font-size: 0.8125rem; font-weight: bold; text-transform: uppercase; letter-spacing: 0.02em; }
.pace-poster-outcome--adopt, .pace-poster-outcome--business-as-usual { color: #2d5e2d; }
.pace-poster-outcome--adapt { color: #8a4200; }
.pace-poster-outcome--abandon { color: #a81c07; }
.pace-poster-outcome--testing { color: #00529b; }
.pace-poster-outcome--idea { color: #5e5e5e; }
.pace-poster-test-title { display: block; font-weight: bold; }
.pace-poster-test-detail { display: block; font-size: 0.875rem; color: #5e5e5e; }
.pace-poster-footer { font-size: 0.8125rem; color: #5e5e5e; margin: 1rem 0 0; }
@media (min-width: 48em) {
  .pace-poster-grid { grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); }
  .pace-poster-columns { grid-auto-flow: column; grid-auto-columns: minmax(0, 1fr); }
}
@media print {
  .pace-print-bar { display: none; }
  .pace-poster { max-width: none; padding: 0; font-size: 9.5pt; line-height: 1.25; }
  .pace-poster-band { -webkit-print-color-adjust: exact; print-color-adjust: exact; padding: 4mm 5mm; }
  .pace-poster-band h1 { font-size: 24pt; }
  .pace-poster-band p { font-size: 11pt; }
  .pace-poster h2 { font-size: 15pt; margin: 3mm 0 1.5mm; }
  .pace-poster-columns h2 { margin-top: 0; }
  .pace-poster h3 { font-size: 12pt; }
  .pace-poster p, .pace-poster li { font-size: 9.5pt; margin-bottom: 1mm; }
  .pace-poster .pace-answer { font-size: 9.5pt; padding: 1.5mm 2.5mm; }
  .pace-poster-grid { grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 4mm 6mm; }
  .pace-poster-grid section { break-inside: avoid; }
  .pace-poster p.pace-poster-figure__value { font-size: 14pt; }
  .pace-poster p.pace-poster-figure__label, .pace-poster p.pace-poster-figure__counts, .pace-poster .pace-poster-test-detail, .pace-poster p.pace-poster-footer { font-size: 8pt; margin-bottom: 0; }
  .pace-poster-tests li { margin-bottom: 1.5mm; }
  .pace-poster .pace-chart-picture { width: auto; min-width: 0; max-width: 100%; max-height: 50mm; }
  .pace-poster-chart { overflow: visible; }
  .pace-poster-columns { grid-auto-flow: column; grid-auto-columns: minmax(0, 1fr); gap: 0 6mm; }
  .pace-poster-columns section { break-inside: avoid; }
}
`;

/** The sheet the browser prints on: A3 by default, or A4 (the same poster, smaller). */
function pageCss(size: PosterSize): string {
  return size === 'a3' ? '@page { size: A3 portrait; margin: 10mm }' : '@page { size: A4 portrait; margin: 7mm }\n@media print { .pace-poster { zoom: 0.7071; } }';
}

export interface PosterPageModel {
  readonly poster: PosterDocument;
  readonly size: PosterSize;
  readonly asAt: { readonly action: string; readonly value: string; readonly errors: readonly FieldError[] };
  /** The pages that make each PDF and then offer it. */
  readonly pdfHrefs: Readonly<Record<PosterSize, string>>;
  /** This page for printing on the other size. */
  readonly otherSize: { readonly href: string; readonly text: string };
  /** The form for the team's words, for those who may change them. */
  readonly textHref: string | null;
  /** Who saved the team's words and when, or that nobody has yet. */
  readonly savedWords: string;
  readonly notice: string | null;
  readonly back: { readonly href: string; readonly text: string };
  /**
   * Where an aim's chart is as a picture (its run chart, or a partner's quarters). A picture, not a
   * drawing in the page: a large authority's four run charts are 52,000 dots, which Chromium took
   * 13 s to lay out as part of a page and half a second to show as pictures.
   */
  readonly chartHref: (aimId: string, chart: PosterChart) => string;
}

export type PosterChart = 'run-chart' | 'quarters';

export function PosterPage({ model }: { model: PosterPageModel }): VNode {
  const p = model.poster;
  const empty = p.sections.filter((s) => s.points.length === 0).map((s) => s.heading);
  return (
    <html lang="en-GB">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${model.asAt.errors.length ? 'Error: ' : ''}Poster: ${p.title} – pace`}</title>
        <link rel="stylesheet" href="/assets/sgds/css/design-system.min.css" />
        <link rel="stylesheet" href="/assets/app.css" />
        <style>{`${posterCss}\n${pageCss(model.size)}`}</style>
      </head>
      <body>
        <main id="main-content">
          <div class="pace-print-bar">
            <ErrorSummary errors={model.asAt.errors} />
            <NoticeBox notice={model.notice} />
            <p>
              Ready to print on one {model.size === 'a3' ? 'A3' : 'A4'} sheet, portrait: use your browser's Print command (Ctrl+P, or ⌘P on a Mac). Should your browser need a second sheet for long words, the PDF always fits one.{' '}
              <a class="ds_link" href={model.otherSize.href}>
                {model.otherSize.text}
              </a>
            </p>
            <p>
              Download the poster as a PDF:{' '}
              <a class="ds_link" href={model.pdfHrefs.a3}>
                A3
              </a>
              {' · '}
              <a class="ds_link" href={model.pdfHrefs.a4}>
                A4
              </a>
            </p>
            <p>
              {model.savedWords}
              {empty.length > 0 && ` Not written yet: ${empty.map((h) => h.replace(/\?$/, '').toLowerCase()).join('; ')}.`}
              {model.textHref && (
                <>
                  {' '}
                  <a class="ds_link" href={model.textHref}>
                    Change the poster's words
                  </a>
                </>
              )}
            </p>
            {p.withheld.length > 0 && (
              <p>
                <strong>Withheld from the poster because it could identify a child: {p.withheld.join('; ')}.</strong>
              </p>
            )}
            <AsAtForm action={model.asAt.action} value={model.asAt.value} errors={model.asAt.errors} extra={model.size === 'a4' ? { size: 'a4' } : {}} />
            <p>
              <a class="ds_link" href={model.back.href}>
                {model.back.text}
              </a>
            </p>
          </div>
          <article class="pace-poster" aria-labelledby="poster-title">
            <header class="pace-poster-band">
              <h1 id="poster-title">{p.title}</h1>
              <p>{p.subtitle}</p>
              <p>{p.asAtWords}</p>
            </header>
            <section class="pace-poster-aims" aria-labelledby="poster-aims">
              <h2 id="poster-aims">Our aims</h2>
              <ol>
                {p.aimSentences.map((s) => (
                  <li key={s}>{s}</li>
                ))}
              </ol>
            </section>
            <section aria-labelledby="poster-better">
              <h2 id="poster-better">Are we getting better?</h2>
              {p.aims.length === 0 ? (
                <p>This authority has no aims yet.</p>
              ) : (
                <div class="pace-poster-grid">
                  {p.aims.map((aim, i) => (
                    <AimPanel aim={aim} index={i} key={aim.name} chartHref={model.chartHref} />
                  ))}
                </div>
              )}
            </section>
            <div class="pace-poster-columns">
              {p.sections.slice(0, 2).some((s) => s.points.length > 0) && (
                <div>
                  {p.sections.slice(0, 2).map((s, i) => (
                    <Part section={s} id={`poster-part-${i}`} key={s.heading} />
                  ))}
                </div>
              )}
              <div>
                <section aria-labelledby="poster-tests">
                  <h2 id="poster-tests">Tests of change and what we decided</h2>
                  {p.tests.length > 0 && (
                    <ul class="pace-poster-tests">
                      {p.tests.map((t) => (
                        <TestItem test={t} key={t.heading} />
                      ))}
                    </ul>
                  )}
                  {p.testsNote && <p class="pace-poster-test-detail">{p.testsNote}</p>}
                </section>
              </div>
              {p.sections.slice(2).some((s) => s.points.length > 0) && (
                <div>
                  {p.sections.slice(2).map((s, i) => (
                    <Part section={s} id={`poster-part-${i + 2}`} key={s.heading} />
                  ))}
                </div>
              )}
            </div>
            <p class="pace-poster-footer">{p.footer}</p>
          </article>
        </main>
      </body>
    </html>
  );
}

function AimPanel({ aim, index, chartHref }: { aim: PosterAim; index: number; chartHref: PosterPageModel['chartHref'] }): VNode {
  return (
    <section aria-labelledby={`poster-aim-${index}`}>
      <h3 id={`poster-aim-${index}`}>{aim.name}</h3>
      <Answer answer={aim.answer} />
      <div class="pace-poster-figures">
        {aim.figures.map((f) => (
          <div class="pace-poster-figure" key={f.label}>
            <p class="pace-poster-figure__label">{f.label}</p>
            <p class="pace-poster-figure__value">{f.value}</p>
            <p class="pace-poster-figure__counts">{f.counts}</p>
          </div>
        ))}
      </div>
      {aim.target && <p class="pace-poster-target">{aim.target}.</p>}
      {/* On a phone the chart keeps a readable size and scrolls sideways in its own box. */}
      <TableScroll label={`Run chart of ${aim.name}`} class="pace-poster-chart">
        <img class="pace-chart-picture" src={chartHref(aim.id, 'run-chart')} alt={aim.runAlt} {...svgSize(aim.runSvg)} />
      </TableScroll>
      {aim.trends && (
        <TableScroll label={`${aim.name} quarter by quarter`} class="pace-poster-chart">
          <img class="pace-chart-picture" src={chartHref(aim.id, 'quarters')} alt={aim.trends.quarters.alt} {...svgSize(aim.trends.quarters.smallSvg)} />
        </TableScroll>
      )}
    </section>
  );
}

function Part({ section, id }: { section: PosterSection; id: string }): VNode | null {
  if (section.points.length === 0) return null;
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{section.heading}</h2>
      <ul>
        {section.points.map((point, i) => (
          <li key={i}>{point}</li>
        ))}
      </ul>
    </section>
  );
}

function TestItem({ test }: { test: PosterTest }): VNode {
  return (
    <li>
      <span class={`pace-poster-outcome pace-poster-outcome--${test.outcomeKind}`}>{test.outcome}</span>
      <span class="pace-poster-test-title">{test.heading}</span>
      <span class="pace-poster-test-detail">{test.detail}</span>
    </li>
  );
}
