/**
 * A multi-agency partner's overview of an authority (docs/decisions/0027-partner-access.md): the
 * aims as sentences; for each aim its answer, its figures with every count under 5 read `[c]`, its
 * target, and its percentage in time month by month and quarter by quarter (suppressed with the
 * figures: docs/decisions/0032-partner-charts-and-packs.md); the tests of change with their outcomes; the driver diagrams; and the way to the
 * partners' poster. Made from the partners' poster (app/poster.ts) and the driver diagrams with
 * words that could identify a child withheld (app/partner-drivers.ts): no child.
 */
import type { VNode } from 'preact';
import type { PartnerDriver, PartnerDriverDiagram } from '../../app/partner-drivers.js';
import type { PosterDocument } from '../../charts/poster-document.js';
import { suppressedMark } from '../../domain/national/suppression.js';
import { ErrorSummary, PageHeader, type FieldError } from './components.js';
import { Answer } from './dashboard.js';
import { Page, type Chrome } from './layout.js';
import { PartnerTrendPart } from './partner-trend.js';
import { AsAtForm } from './scope-form.js';

export interface PartnerModel {
  readonly poster: PosterDocument;
  readonly asAt: { readonly action: string; readonly value: string; readonly errors: readonly FieldError[] };
  readonly posterHref: string;
  readonly drivers: readonly PartnerDriverDiagram[];
}

function DriverList({ drivers }: { drivers: readonly PartnerDriver[] }): VNode {
  return (
    <ul>
      {drivers.map((d, i) => (
        <li key={i}>
          {d.kindLabel}: {d.text ?? 'withheld: its words could identify a child'}
          {d.children.length > 0 && <DriverList drivers={d.children} />}
        </li>
      ))}
    </ul>
  );
}

export function PartnerPage({ chrome, model }: { chrome: Chrome; model: PartnerModel }): VNode {
  const { poster } = model;
  return (
    <Page title={`Overview for partners: ${poster.authorityName}`} chrome={chrome}>
      <ErrorSummary errors={model.asAt.errors} />
      <PageHeader title={`${poster.authorityName}: our aims and our improvement work`} label="Overview for partners">
        <p>{poster.asAtWords}</p>
      </PageHeader>
      <p>
        This overview is for the authority’s partners in its Champions’ Group. It shows figures only, never a child: a count under 5, and any count
        that would give one away, reads <strong>{suppressedMark}</strong> (confidential), with no percentage. The charts show each month’s and
        each quarter’s percentage in time, never a child: a month whose counts are hidden is not drawn.
      </p>
      <AsAtForm action={model.asAt.action} value={model.asAt.value} errors={model.asAt.errors} />
      <p>
        <a class="ds_link" href={model.posterHref}>
          The poster, to print or as a PDF
        </a>
      </p>
      <h2>Our aims</h2>
      <ol>
        {poster.aimSentences.map((sentence, i) => (
          <li key={i}>{sentence}</li>
        ))}
      </ol>
      {poster.aims.map((aim, i) => (
        <section key={i} aria-labelledby={`partner-aim-${i}`}>
          <h2 id={`partner-aim-${i}`}>{aim.name}</h2>
          <Answer answer={aim.answer} />
          <table class="ds_table">
            <caption class="visually-hidden">Figures of {aim.name}</caption>
            <thead>
              <tr>
                <th scope="col">Journeys</th>
                <th scope="col">In time</th>
                <th scope="col">In time, of how many</th>
              </tr>
            </thead>
            <tbody>
              {aim.figures.map((f) => (
                <tr key={f.label}>
                  <th scope="row">{f.label}</th>
                  <td>{f.value}</td>
                  <td>{f.counts}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {aim.target && <p>{aim.target}.</p>}
          {aim.trends && (
            <>
              <PartnerTrendPart trend={aim.trends.months} aimName={aim.name} />
              <PartnerTrendPart trend={aim.trends.quarters} aimName={aim.name} />
            </>
          )}
        </section>
      ))}
      <h2>Tests of change</h2>
      {poster.tests.length > 0 && (
        <ul class="ds_no-bullets">
          {poster.tests.map((test, i) => (
            <li key={i}>
              <strong>{test.heading}</strong> — {test.outcome}. {test.detail}
            </li>
          ))}
        </ul>
      )}
      {poster.testsNote && <p>{poster.testsNote}</p>}
      <h2>Driver diagrams</h2>
      {model.drivers.length === 0 && <p>No aim has a driver diagram yet.</p>}
      {model.drivers.map((diagram, i) => (
        <section key={i} aria-labelledby={`partner-drivers-${i}`}>
          <h3 id={`partner-drivers-${i}`}>{diagram.aimName}</h3>
          <DriverList drivers={diagram.drivers} />
        </section>
      ))}
      {poster.withheld.length > 0 && <p>Withheld because it could identify a child: {poster.withheld.join('; ')}.</p>}
      <p>{poster.footer}</p>
    </Page>
  );
}
