/**
 * An aim's figures by group: the answer in words, the choice of how to split, the dot chart (wide at
 * a desk, narrow on a phone), and the table of every figure with each count a link.
 */
import type { VNode } from 'preact';
import type { FilterChoices } from '../../domain/child-filter.js';
import type { FigureScope } from '../forms/figure-scope.js';
import type { BreakdownPageModel } from '../presenters/breakdown.js';
import { Downloads } from './aim-page.js';
import { DataTable, ErrorSummary, PageHeader, type FieldError } from './components.js';
import { Page, type Chrome } from './layout.js';
import { ScopeForm } from './scope-form.js';
import { SvgForWidths } from './trusted-svg.js';

export function BreakdownPage(props: { chrome: Chrome; model: BreakdownPageModel; scope: FigureScope; choices: FilterChoices; action: string; errors: readonly FieldError[] }): VNode {
  const { model } = props;
  const whose = model.filterWords ? `: ${model.filterWords}` : '';
  const title = `${model.name} by ${model.dimensionWords}${whose}`;
  return (
    <Page title={`${title}, ${model.asAtWords}`} chrome={props.chrome} hasErrors={props.errors.length > 0} wide>
      <ErrorSummary errors={props.errors} />
      <PageHeader title={title} label={props.chrome.authority?.name}>
        <p class="ds_page-header__metadata">Figures as at {model.asAtWords}. Does any group wait longer?</p>
      </PageHeader>
      <div class="pace-answer pace-breakdown-answer">
        {model.answer.map((sentence) => (
          <p key={sentence}>{sentence}</p>
        ))}
      </div>
      {model.median && <p>{model.median}</p>}
      {model.withoutPercentage && <p>{model.withoutPercentage}</p>}
      <p>{model.overall}</p>
      <nav aria-label="Split the figures by" class="pace-count-links" id="by">
        <p class="pace-counts-heading">Split the figures by:</p>
        <ul class="ds_no-bullets">
          {model.choices.map((c) => (
            <li key={c.dimension}>
              {c.current ? (
                <strong aria-current="page">{c.label}</strong>
              ) : (
                <a class="ds_link" href={c.href}>
                  {c.label}
                </a>
              )}
            </li>
          ))}
        </ul>
      </nav>
      <details class="ds_details pace-scope-details" open={props.errors.length > 0 || model.filterWords !== null}>
        <summary class="ds_details__summary">Another date, team, locality or worker</summary>
        <div class="ds_details__text">
          <ScopeForm action={props.action} scope={props.scope} choices={props.choices} errors={props.errors} extra={{ by: model.dimension, ...(model.suppressed && model.otherView ? { suppress: 'yes' } : {}) }} />
        </div>
      </details>
      {model.suppressed && (
        <div class="ds_inset-text">
          <div class="ds_inset-text__text">
            As shared beyond the authority: a count under 5 reads <strong>[c]</strong> (confidential), and so does any count that would let one be worked out from the totals. A percentage, interval or median that would give a hidden count away, or rests on fewer than 5 journeys, reads <strong>suppressed</strong>. No count leads to its children.
          </div>
        </div>
      )}

      <h2 id="chart">% in time by {model.dimensionWords}, with 95% intervals</h2>
      <figure class="pace-figure">
        <SvgForWidths chart={model.chart} />
        <figcaption>
          {model.chart.groups === 0 ? 'No journeys yet.' : 'Each dot is a group’s percentage in time; the line across it, its 95% interval; the dashed line, all children. A group whose line lies wholly to one side of another’s differs from it by more than chance usually makes.'}
        </figcaption>
        <Downloads links={model.chart.links} what="dot chart" />
      </figure>

      <h2 id="table">Every figure</h2>
      <DataTable table={model.table} />
      <ul class="pace-verdicts">
        {model.notes.map((note) => (
          <li key={note}>{note}</li>
        ))}
      </ul>
      {model.otherView && (
        <p>
          <a class="ds_link" href={model.otherView.href}>
            {model.otherView.text}
          </a>
        </p>
      )}
      <p>
        <a class="ds_link" href={model.aimHref}>
          Back to the aim
        </a>
      </p>
    </Page>
  );
}
