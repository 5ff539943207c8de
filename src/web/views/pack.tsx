/**
 * The meeting pack ready to print on A4 (portrait): a document of its own, as the timeline print
 * page is. On screen a bar says how to print, offers the PDF and leads back; on paper there is only
 * the pack, each aim and each part starting a new sheet. Each aim leads with its answer, as the
 * dashboard's glance does.
 */
import type { ComponentChildren, VNode } from 'preact';
import { packActionWords, type PackAction, type PackActions, type PackDocument, type PartnerPackDocument } from '../../charts/pack-document.js';
import { PartnerTrendPart } from './partner-trend.js';
import { labelledPictureOf } from '../improvement/picture.js';
import { Answer } from './dashboard.js';
import { SvgForWidths } from './trusted-svg.js';
import { svgSize } from '../../charts/svg-markup.js';
import { formatCount } from '../../app/format.js';

/** No quotes, ampersands or angle brackets: JSX escapes those in the style element's text. */
export const packCss = `
@page { size: A4 portrait; margin: 12mm }
body { margin: 0; background: white; }
.pace-print-bar { padding: 1rem 1.5rem; background: #ebebeb; border-bottom: 1px solid #b3b3b3; }
.pace-print-bar p { margin: 0 0 0.5rem; }
.pace-pack { padding: 1rem 1.5rem; max-width: 60rem; }
/* On a phone, the margins of every other page: the charts' phone drawings then show their words at 8 px. */
@media (max-width: 640px) { .pace-print-bar, .pace-pack { padding: 1rem; } }
.pace-pack section { margin: 0 0 2rem; }
.pace-pack h2 { font-size: 1.5rem; margin: 0 0 0.5rem; }
.pace-pack h3 { font-size: 1.125rem; margin: 1rem 0 0.25rem; }
.pace-pack h4 { font-size: 1rem; margin: 0.75rem 0 0.25rem; }
.pace-pack p, .pace-pack li { font-size: 0.9375rem; margin: 0 0 0.25rem; }
.pace-pack .pace-headline { font-size: 1.5rem; }
.pace-pack .pace-pack-actions { padding-left: 0; margin-left: 0; list-style: none; }
.pace-pack .pace-pack-actions li { margin: 0 0 0.5rem; }
.pace-pack .pace-answer { font-size: 1.125rem; font-weight: bold; }
.pace-pack .pace-chart svg, .pace-pack .pace-chart-picture { display: block; width: 100%; height: auto; }
.pace-pack .pace-chart-picture { margin-bottom: 0.75rem; }
.pace-pack table { border-collapse: collapse; }
.pace-pack td, .pace-pack th { border-bottom: 1px solid #b3b3b3; padding: 0.25rem 0.75rem 0.25rem 0; text-align: left; }
@media print {
  .pace-print-bar { display: none; }
  .pace-pack { padding: 0; max-width: none; }
  .pace-pack section { break-before: page; margin: 0; }
  .pace-pack section.pace-pack-cover { break-before: auto; }
  .pace-pack .pace-chart, .pace-pack .pace-chart-frame { break-inside: avoid; }
  .pace-pack .pace-chart svg, .pace-pack .pace-chart-picture { max-height: 120mm; width: auto; max-width: 100%; }
}
`;

function ActionList(props: { items: readonly PackAction[]; none: string }): VNode {
  if (props.items.length === 0) return <p>{props.none}</p>;
  return (
    <ul class="pace-pack-actions">
      {props.items.map((a) => (
        <li key={a.text}>
          <strong>{a.text}</strong>
          <br />
          {a.details}
        </li>
      ))}
    </ul>
  );
}

/** The actions due and not done, those done since the previous meeting, and who was there. */
function ActionsSection({ actions }: { actions: PackActions }): VNode {
  const words = packActionWords;
  return (
    <section aria-labelledby="pack-actions">
      <h2 id="pack-actions">{words.heading}</h2>
      <p>{actions.periodWords}</p>
      <h3>{words.due}</h3>
      <ActionList items={actions.due} none={words.noneDue} />
      <h3>{words.done}</h3>
      <ActionList items={actions.done} none={words.noneDone} />
      <h3>{words.attendance}</h3>
      {actions.attendance === null ? (
        <p>{words.notRecorded}</p>
      ) : actions.attendance.length === 0 ? (
        <p>{words.nobody}</p>
      ) : (
        <ul>
          {actions.attendance.map((name) => (
            <li key={name}>{name}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The pack's document: its head, the bar to print it or download the PDF, then the pack. */
function PackShell(props: { title: string; pdfHref: string; back: { href: string; text: string }; children: ComponentChildren }): VNode {
  return (
    <html lang="en-GB">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} – pace`}</title>
        <link rel="stylesheet" href="/assets/sgds/css/design-system.min.css" />
        <link rel="stylesheet" href="/assets/app.css" />
        <style>{packCss}</style>
      </head>
      <body>
        <main id="main-content">
          <div class="pace-print-bar">
            <p>Ready to print on A4 paper, portrait: use your browser's Print command (Ctrl+P, or ⌘P on a Mac). Each aim starts a new sheet.</p>
            <p>
              <a class="ds_link" href={props.pdfHref}>
                Download the pack as a PDF
              </a>
            </p>
            <p>
              <a class="ds_link" href={props.back.href}>
                {props.back.text}
              </a>
            </p>
          </div>
          <div class="pace-pack">{props.children}</div>
        </main>
      </body>
    </html>
  );
}

/** A pack's cover: its title, the authority and the date, then what each pack says of itself. */
function PackCover(props: { pack: { readonly title: string; readonly authorityName: string; readonly asAtWords: string }; children: ComponentChildren }): VNode {
  return (
    <section class="pace-pack-cover" aria-labelledby="pack-title">
      <h1 id="pack-title" class="ds_h2">
        {props.pack.title}
      </h1>
      <p>
        <strong>{props.pack.authorityName}</strong>
      </p>
      <p>{props.pack.asAtWords}</p>
      {props.children}
    </section>
  );
}

/** An aim's part of a pack: its name, the answer and the aim in a sentence, then what each pack shows of it. */
function AimSection(props: { place: number; aim: { readonly name: string; readonly answer: Parameters<typeof Answer>[0]['answer']; readonly sentence: string }; children: ComponentChildren }): VNode {
  return (
    <section aria-labelledby={`pack-aim-${props.place}`}>
      <h2 id={`pack-aim-${props.place}`}>{props.aim.name}</h2>
      <Answer answer={props.aim.answer} />
      <p class="pace-sentence">{props.aim.sentence}</p>
      {props.children}
    </section>
  );
}

/**
 * The partners' pack (pack-document.ts): the aims with suppressed figures and their months and
 * quarters, the actions, the tests' outcomes; no child anywhere, and no count a link.
 */
export function PartnerPackPage(props: { pack: PartnerPackDocument; pdfHref: string; back: { href: string; text: string } }): VNode {
  const p = props.pack;
  return (
    <PackShell title={p.title} pdfHref={props.pdfHref} back={props.back}>
      <PackCover pack={p}>
        <p>{p.aboutWords}</p>
        <h2>Our aims</h2>
        <ol>
          {p.aimSentences.map((sentence, i) => (
            <li key={i}>{sentence}</li>
          ))}
        </ol>
      </PackCover>
      <ActionsSection actions={p.actions} />
      {p.aims.map((aim, i) => (
        <AimSection key={aim.name} place={i} aim={aim}>
          <ul>
            {aim.figures.map((f) => (
              <li key={f.label}>
                {f.label}: <strong>{f.value}</strong> ({f.counts})
              </li>
            ))}
          </ul>
          {aim.target && <p>{aim.target}.</p>}
          <PartnerTrendPart trend={aim.months} aimName={aim.name} />
          <PartnerTrendPart trend={aim.quarters} aimName={aim.name} />
        </AimSection>
      ))}
      <section aria-labelledby="pack-tests">
        <h2 id="pack-tests">Tests of change and what was decided</h2>
        {p.tests.length === 0 && !p.testsNote && <p>No test of change has started yet.</p>}
        <ul>
          {p.tests.map((t) => (
            <li key={t.heading}>
              <strong>{t.heading}</strong> — {t.outcome}. {t.detail}
            </li>
          ))}
        </ul>
        {p.testsNote && <p>{p.testsNote}</p>}
        {p.withheld.length > 0 && <p>Withheld because it could identify a child: {p.withheld.join('; ')}.</p>}
      </section>
    </PackShell>
  );
}

/**
 * The team's pack. `runChartHref` is where an aim's run chart is as a picture, drawn for a desk or
 * for a phone: the aim page's own files, as at the pack's date. A browser fetches the one that fits
 * its window (a phone's under 640 px) and draws it as a picture, not as part of the page: a large
 * authority's run chart is a dot a child, 13,600 of them, which took seconds to lay out in a page.
 */
export function PackPage(props: { pack: PackDocument; pdfHref: string; back: { href: string; text: string }; runChartHref: (aimId: string, drawnFor: 'desk' | 'phone') => string }): VNode {
  const p = props.pack;
  return (
    <PackShell title={p.title} pdfHref={props.pdfHref} back={props.back}>
      <PackCover pack={p}>
        <p>{p.periodWords}</p>
        {p.notes && <p>Notes: {p.notes}</p>}
      </PackCover>
      <ActionsSection actions={p.actions} />
      {p.aims.map((aim, i) => (
        <AimSection key={aim.name} place={i} aim={aim}>
          {aim.headline && <p class="pace-headline">{aim.headline}</p>}
          {aim.lines.map((l) => (
            <p key={l}>{l}</p>
          ))}
          <h3>Run chart: weeks to the milestone, one dot a child</h3>
          <picture class="pace-chart-frame">
            <source media="(max-width: 640px)" srcset={props.runChartHref(aim.id, 'phone')} />
            <img class="pace-chart-picture" src={props.runChartHref(aim.id, 'desk')} alt={aim.runAlt} {...svgSize(aim.runSvg)} />
          </picture>
          {aim.marksKey.length > 0 && (
            <>
              <p>Tests of change on this chart:</p>
              <ul>
                {aim.marksKey.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
            </>
          )}
          <h3>What the rules say</h3>
          <ul>
            {aim.verdicts.map((v) => (
              <li key={v}>{v}</li>
            ))}
          </ul>
          <h3>Waiting chart: weeks waited so far, one bar a child</h3>
          <SvgForWidths chart={{ wide: labelledPictureOf(aim, aim.waitingSvg, aim.waitingAlt), narrow: labelledPictureOf(aim, aim.waitingSmallSvg, aim.waitingAlt) }} />
        </AimSection>
      ))}
      <section aria-labelledby="pack-tests">
        <h2 id="pack-tests">Tests of change since the previous meeting</h2>
        <p>{p.periodWords}</p>
        {p.tests.length === 0 && <p>No PDSA cycle was planned, done, studied or acted on in this period.</p>}
        {p.tests.map((t) => (
          <div key={t.heading}>
            <h3>{t.heading}</h3>
            {t.lines.map((l) => (
              <p key={l}>{l}</p>
            ))}
            {t.cycles.map((c) => (
              <div key={c.heading}>
                <h4>{c.heading}</h4>
                {c.parts.map((part) => (
                  <div key={part.title}>
                    <p>
                      <strong>{part.title}</strong>
                    </p>
                    {part.lines.map((l) => (
                      <p key={l}>{l}</p>
                    ))}
                  </div>
                ))}
              </div>
            ))}
          </div>
        ))}
      </section>
      <section aria-labelledby="pack-balancing">
        <h2 id="pack-balancing">Balancing measures</h2>
        {p.balancing.map((b) => (
          <div key={b.name}>
            <h3>{b.name}</h3>
            <p>{b.definition}</p>
            <SvgForWidths chart={{ wide: labelledPictureOf(b, b.svg, b.alt), narrow: labelledPictureOf(b, b.smallSvg, b.alt) }} />
            <p>{b.latest}</p>
            <ul>
              {b.verdicts.map((v) => (
                <li key={v}>{v}</li>
              ))}
            </ul>
          </div>
        ))}
      </section>
      <section aria-labelledby="pack-quality">
        <h2 id="pack-quality">Data quality</h2>
        <p>{p.quality.summary}</p>
        {p.quality.rows.length === 0 ? (
          <p>No problems found.</p>
        ) : (
          <table>
            <caption class="visually-hidden">Problems by rule</caption>
            <thead>
              <tr>
                <th scope="col">Rule</th>
                <th scope="col">Kind</th>
                <th scope="col">Problems</th>
              </tr>
            </thead>
            <tbody>
              {p.quality.rows.map((r) => (
                <tr key={r.code}>
                  <td>{r.code}</td>
                  <td>{r.kind}</td>
                  <td>{formatCount(r.count)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </PackShell>
  );
}
