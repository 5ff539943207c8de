/**
 * The dashboard: each aim at a glance — are we getting better, the recent figure beside the figure
 * since the from-date, who is still waiting, a small run chart — then every count in one table.
 */
import type { VNode } from 'preact';
import type { FilterChoices } from '../../domain/child-filter.js';
import type { FigureScope } from '../forms/figure-scope.js';
import type { AimAnswerModel, AimGlance, DashboardModel, FigureBox, LinkedCount } from '../presenters/dashboard.js';
import { ErrorSummary, PageHeader, TableScroll, type FieldError } from './components.js';
import { Page, type Chrome } from './layout.js';
import { ScopeForm } from './scope-form.js';
import { PartSlot } from './trusted-svg.js';
import { formatCount, plural } from '../../app/format.js';

/**
 * A count as a link to the journeys it counts (a plain 0 when there are none). The link's purpose
 * is given by what surrounds it: its table row and column, or the words after it.
 */
export function CountLink({ count }: { count: LinkedCount }): VNode {
  if (count.count === 0) return <span>0</span>;
  return (
    <a class="ds_link" href={count.href}>
      {formatCount(count.count)}
    </a>
  );
}

/** The answer to "are we getting better?", marked by its kind so that the eye finds it. */
export function Answer({ answer }: { answer: AimAnswerModel }): VNode {
  return <p class={`pace-answer pace-answer--${answer.kind}`}>{answer.words}</p>;
}

/** "Last 12 months: 62.5% in time, 15 of 24", each count a link to its journeys. */
/** An aim's answer, its recent figure beside its figure since the from-date, and its target: the dashboard's card and the aim's page lead with these. */
export function AimAtAGlance({ aim }: { aim: { answer: AimAnswerModel; recent: FigureBox; since: FigureBox; name: string; target: string | null } }): VNode {
  return (
    <>
      <Answer answer={aim.answer} />
      <div class="pace-figure-boxes">
        <Figure box={aim.recent} name={aim.name} />
        <Figure box={aim.since} name={aim.name} />
      </div>
      {aim.target && <p class="pace-target">{aim.target}.</p>}
    </>
  );
}

export function Figure({ box, name }: { box: FigureBox; name: string }): VNode {
  return (
    <div class="pace-figure-box">
      <p class="pace-figure-box__label">{box.label}</p>
      <p class="pace-figure-box__value">{box.percent === null ? 'No figure yet' : `${box.percent} in time`}</p>
      <p class="pace-figure-box__counts">
        <CountLink count={box.inTime} /> of <CountLink count={box.n} /> {box.n.count === 1 ? 'journey' : 'journeys'}
        <span class="visually-hidden">
          {' '}
          ({name}, {box.label.toLowerCase()})
        </span>
      </p>
      <p class="ds_hint-text">{box.explanation}</p>
    </div>
  );
}

function Glance({ aim }: { aim: AimGlance }): VNode {
  return (
    <section class="pace-glance" aria-labelledby={`aim-${aim.id}`}>
      <h2 id={`aim-${aim.id}`} class="pace-glance__title">
        <a class="ds_link" href={aim.href}>
          {aim.name}
        </a>
      </h2>
      <AimAtAGlance aim={aim} />
      <p>
        Still waiting: <CountLink count={aim.stillWaiting} />
        {aim.stillWaiting.count > 0 && (
          <>
            , of whom <CountLink count={aim.overdue} /> overdue{aim.longestWait && `; the longest for ${aim.longestWait}`}
          </>
        )}
        .<span class="visually-hidden"> ({aim.name})</span>
      </p>
      {aim.chart && (
        <a href={`${aim.href}#run-chart`} class="pace-glance__chart">
          <img class="pace-chart-picture" src={aim.chart.src} alt={aim.chart.alt} width={560} height={320} />
        </a>
      )}
      {aim.quarters && (
        <>
          <h3 class="pace-glance__subtitle">Quarter by quarter</h3>
          <a href={aim.quarters.href} class="pace-glance__chart">
            <img class="pace-chart-picture" src={aim.quarters.src} alt={aim.quarters.alt} width={560} height={320} />
          </a>
          {aim.quarters.latest && (
            <p>
              {aim.quarters.latest.words} (<CountLink count={aim.quarters.latest.inTime} /> of <CountLink count={aim.quarters.latest.n} />
              ); {aim.quarters.latest.median}.<span class="visually-hidden"> ({aim.name})</span>
            </p>
          )}
        </>
      )}
      <p>
        <a class="ds_link" href={aim.href}>
          The charts, the children and what the rules find<span class="visually-hidden"> for {aim.name}</span>
        </a>
      </p>
    </section>
  );
}

function SummaryTable({ aims }: { aims: readonly AimGlance[] }): VNode {
  return (
    <TableScroll label="Every count, by aim">
      <table class="ds_table pace-summary">
        <caption class="ds_table__caption">Every count, since each aim's from-date: % in time = in time ÷ n, where n = in time + late + overdue + left after the timescale. Each count lists its children.</caption>
        <thead>
          <tr>
            <th scope="col">Aim</th>
            <th scope="col">% in time</th>
            <th scope="col">n</th>
            <th scope="col">In time</th>
            <th scope="col">Late</th>
            <th scope="col">Overdue</th>
            <th scope="col">Left after the timescale</th>
            <th scope="col">Waiting, not yet due</th>
            <th scope="col">Left within the timescale</th>
            <th scope="col">Median time</th>
          </tr>
        </thead>
        <tbody>
          {aims.map((aim) => (
            <tr key={aim.id}>
              <th scope="row">
                <a class="ds_link" href={aim.href}>
                  {aim.name}
                </a>
              </th>
              <td>{aim.summary.percent}</td>
              <td>
                <CountLink count={aim.summary.n} />
              </td>
              {(['in_time', 'late', 'overdue', 'left_late', 'waiting', 'left_early'] as const).map((status) => (
                <td key={status}>
                  <CountLink count={aim.summary.counts[status]} />
                </td>
              ))}
              <td>{aim.summary.median}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** The part of the dashboard that is the same for every reader of these figures: each aim, then every count. */
export function DashboardAims({ model }: { model: DashboardModel }): VNode {
  if (model.aims.length === 0) return <p>This authority has no aims yet.</p>;
  return (
    <>
      <div class="pace-glances">
        {model.aims.map((aim) => (
          <Glance aim={aim} key={aim.id} />
        ))}
      </div>
      <h2>Every count</h2>
      <SummaryTable aims={model.aims} />
    </>
  );
}

export function DashboardPage(props: { chrome: Chrome; model: DashboardModel; scope: FigureScope; choices: FilterChoices; errors: readonly FieldError[]; action: string; posterHref?: string | null }): VNode {
  const { model } = props;
  const whose = model.filterWords ? `: ${model.filterWords}` : '';
  return (
    <Page title={`Dashboard${whose}, ${model.asAtWords}`} chrome={props.chrome} hasErrors={props.errors.length > 0} wide>
      <ErrorSummary errors={props.errors} />
      <PageHeader title={`Dashboard${whose}`} label={props.chrome.authority?.name}>
        <p class="ds_page-header__metadata">
          Figures as at {model.asAtWords}
          {model.programmeStart ? `; programme start ${model.programmeStart}` : '; no programme start date set'}
          {model.filterWords ? `; ${plural(model.childCount, 'child', 'children')}: ${model.filterWords}` : ''}.
        </p>
        {props.posterHref && (
          <p class="ds_page-header__metadata">
            <a class="ds_link" href={props.posterHref}>
              These aims on a poster to print
            </a>
          </p>
        )}
      </PageHeader>
      <details class="ds_details pace-scope-details" open={props.errors.length > 0 || model.filterWords !== null}>
        <summary class="ds_details__summary">Another date, team, locality or worker</summary>
        <div class="ds_details__text">
          <ScopeForm action={props.action} scope={props.scope} choices={props.choices} errors={props.errors} withWindow />
        </div>
      </details>
      <PartSlot />
    </Page>
  );
}
