/**
 * The national view, for national analysts: each national aim compared across authorities, with no
 * child on any page. Counts under 5 (and those that would give one away) read `[c]`. The dates move
 * in whole months, and each page says which it used.
 */
import type { VNode } from 'preact';
import type { NationalAimModel } from '../presenters/national.js';
import { DataTable, ErrorSummary, PageHeader, type FieldError, type TableModel } from './components.js';
import { Downloads } from './aim-page.js';
import { Page, type Chrome } from './layout.js';
import { Svg, type TrustedSvg } from './trusted-svg.js';

export interface NationalQuery {
  readonly action: string;
  readonly asAtValue: string;
  readonly fromValue: string;
  readonly errors: readonly FieldError[];
}

function NationalForm({ query }: { query: NationalQuery }): VNode {
  const field = (name: 'as_at' | 'from', label: string, hint: string, value: string) => {
    const error = query.errors.find((e) => e.field === name);
    return (
      <div class={`ds_question${error ? ' ds_question--error' : ''}`}>
        <label class="ds_label" for={name}>
          {label}
        </label>
        <p class="ds_hint-text" id={`${name}-hint`}>
          {hint}
        </p>
        {error && (
          <p class="ds_question__error-message" id={`${name}-error`}>
            {error.message}
          </p>
        )}
        <input class={`ds_input ds_input--fixed-10${error ? ' ds_input--error' : ''}`} type="text" id={name} name={name} value={value} aria-describedby={error ? `${name}-hint ${name}-error` : `${name}-hint`} />
      </div>
    );
  };
  return (
    <form method="get" action={query.action} class="pace-as-at">
      {field('as_at', 'Show the figures as at the end of the month', 'A month, such as 2024-03 or 03/2024. A date is taken back to the end of the last whole month by then, and a month not yet ended to the last that has: figures are for whole months, so that no two tables differ by a few days’ journeys.', query.asAtValue)}
      {field('from', 'Count only journeys starting in or after the month (optional)', 'A month, such as 2020-04; a date counts from the first of its month. Leave empty to count every journey that started by the as-at date.', query.fromValue)}
      <button type="submit" class="ds_button ds_button--small">
        Show
      </button>
    </form>
  );
}

function Protection(): VNode {
  return (
    <div class="ds_inset-text">
      <div class="ds_inset-text__text">
        No child is shown here. A count under 5 reads <strong>[c]</strong> (confidential), and so does any count that would let one be worked out from the totals, or be narrowed to a few and not none (so a <strong>[c]</strong> may stand for a larger number). A percentage, interval or median that would give a hidden count away, or rests on fewer than 5 journeys, reads <strong>suppressed</strong>.
      </div>
    </div>
  );
}

export function NationalPage(props: { chrome: Chrome; periodWords: string | null; query: NationalQuery; aims: readonly NationalAimModel[] | null }): VNode {
  return (
    <Page title="National view" chrome={props.chrome} hasErrors={props.query.errors.length > 0} wide>
      <ErrorSummary errors={props.query.errors} />
      <PageHeader title="National view: the four national aims across authorities">{props.periodWords && <p class="ds_page-header__metadata">{props.periodWords}</p>}</PageHeader>
      <Protection />
      <NationalForm query={props.query} />
      {props.aims?.map((aim) => (
        <section key={aim.number} aria-labelledby={`aim-${aim.number}`}>
          <h2 id={`aim-${aim.number}`}>{aim.name}</h2>
          <p>{aim.definition}</p>
          <p class="pace-headline">{aim.headline}</p>
          <DataTable table={aim.summary} />
          <p>
            <a class="ds_link" href={aim.href}>
              Funnel plot, every count and downloads<span class="visually-hidden"> for {aim.name}</span>
            </a>
          </p>
        </section>
      ))}
    </Page>
  );
}

export function NationalAimPage(props: {
  chrome: Chrome;
  asAtWords: string;
  periodWords: string;
  query: NationalQuery;
  aim: NationalAimModel;
  funnel: TrustedSvg;
  links: { svg: string; png: string; csv: string };
  table: TableModel;
  quarters: { svg: TrustedSvg; table: TableModel; links: { svg: string; png: string; csv: string } };
  backHref: string;
}): VNode {
  const { aim } = props;
  return (
    <Page title={`${aim.name}, national view, ${props.asAtWords}`} chrome={props.chrome} hasErrors={props.query.errors.length > 0} wide>
      <ErrorSummary errors={props.query.errors} />
      <PageHeader title={aim.name} label="National view">
        <p class="ds_page-header__metadata">{props.periodWords}</p>
      </PageHeader>
      <p>{aim.definition}</p>
      <p class="pace-headline">{aim.headline}</p>
      <Protection />
      <NationalForm query={props.query} />
      <figure class="pace-figure">
        <h2>Funnel plot: each authority's percentage in time against its number of journeys</h2>
        <Svg svg={props.funnel} />
        <figcaption>
          Each dot is an authority, at its number of journeys counted (n) and its percentage in time. The line across is all authorities together; the dashed curves are the 95% limits and the dotted ones the 99.8% limits around it, narrower for larger authorities. An authority outside them differs from the national rate by more than chance usually makes. Authorities whose numbers are too small to publish are not drawn.
        </figcaption>
        <Downloads links={props.links} what="funnel plot" />
      </figure>
      <h2 id="funnel-table">The funnel plot's data</h2>
      <DataTable table={props.table} />
      <figure class="pace-figure">
        <h2 id="quarters">Quarter by quarter: each authority's percentage in time</h2>
        <Svg svg={props.quarters.svg} />
        <figcaption>
          One panel an authority: the percentage in time of the journeys whose outcome was settled in each quarter (in time on the day of the milestone; late, overdue or left after the timescale on the day after the due date), over the percentage of all authorities in the same quarter (dashed). Each quarter is published as a table of its own, with counts under 5, and those that would give one away, shown as [c]: a quarter so hidden is a gap in the line.
        </figcaption>
        <Downloads links={props.quarters.links} what="quarterly panels" />
      </figure>
      <DataTable table={props.quarters.table} />
      <p>
        <a class="ds_link" href={props.backHref}>
          Back to all four aims
        </a>
      </p>
    </Page>
  );
}
