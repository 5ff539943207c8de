/** The dashboard: for each aim, its sentence, headline with counts, run chart, waiting chart and what the rules say. */
import type { VNode } from 'preact';
import type { ChartLinks, DashboardAim, DashboardModel, LinkedCount, StatusCount } from '../presenters/dashboard.js';
import { ErrorSummary, PageHeader, type FieldError } from './components.js';
import { Page, type Chrome } from './layout.js';
import { PartSlot, Svg } from './trusted-svg.js';

export function AsAtForm(props: { action: string; value: string; errors: readonly FieldError[]; extra?: Readonly<Record<string, string>> }): VNode {
  const error = props.errors.find((e) => e.field === 'as_at');
  return (
    <form method="get" action={props.action} class="pace-as-at">
      {Object.entries(props.extra ?? {}).map(([name, value]) => (
        <input type="hidden" name={name} value={value} key={name} />
      ))}
      <div class={`ds_question${error ? ' ds_question--error' : ''}`}>
        <label class="ds_label" for="as_at">
          Show the figures as at
        </label>
        <p class="ds_hint-text" id="as_at-hint">
          A date such as 2024-03-01 or 01/03/2024. Only what had happened by then is counted.
        </p>
        {error && (
          <p class="ds_question__error-message" id="as_at-error">
            {error.message}
          </p>
        )}
        <div class="pace-inline-fields">
          <input class={`ds_input ds_input--fixed-10${error ? ' ds_input--error' : ''}`} type="text" id="as_at" name="as_at" value={props.value} aria-describedby={error ? 'as_at-hint as_at-error' : 'as_at-hint'} />
          <button type="submit" class="ds_button ds_button--small">
            Show
          </button>
        </div>
      </div>
    </form>
  );
}

export function Downloads({ links, what }: { links: ChartLinks; what: string }): VNode {
  return (
    <p class="pace-downloads">
      Download the {what}:{' '}
      <a class="ds_link" href={links.svg} download>
        SVG<span class="visually-hidden"> picture of the {what}</span>
      </a>
      ,{' '}
      <a class="ds_link" href={links.png} download>
        PNG<span class="visually-hidden"> picture of the {what}</span>
      </a>
      ,{' '}
      <a class="ds_link" href={links.csv} download>
        CSV<span class="visually-hidden"> of the {what}'s data</span>
      </a>
    </p>
  );
}

/**
 * A count as a link to the journeys it counts (a plain 0 when there are none). The link's purpose
 * is given by what surrounds it: its table row and column, or the label after it.
 */
export function CountLink({ count }: { count: LinkedCount }): VNode {
  if (count.count === 0) return <span>0</span>;
  return (
    <a class="ds_link" href={count.href}>
      {count.count}
    </a>
  );
}

export function AimFigures({ aim }: { aim: DashboardAim }): VNode {
  const counted = aim.counts.filter((c) => c.counted);
  const notCounted = aim.counts.filter((c) => !c.counted);
  return (
    <div class="pace-figures">
      {aim.headline ? <p class="pace-headline">{aim.headline}</p> : <p class="pace-no-headline">{aim.noPercentage}</p>}
      <p>
        n = <CountLink count={aim.n} /> journeys counted (% in time = in time ÷ n). {aim.cohortWords}
      </p>
      <Counts counts={counted} />
      <p class="pace-counts-heading">Not counted in n:</p>
      <Counts counts={notCounted} />
      {aim.target && <p>{aim.target}</p>}
      <p>{aim.median}</p>
      <p>
        {aim.waiting}{' '}
        {aim.waitingHref && (
          <a class="ds_link" href={aim.waitingHref}>
            List them<span class="visually-hidden"> ({aim.name})</span>
          </a>
        )}
      </p>
      {aim.backlog && <p>{aim.backlog}</p>}
    </div>
  );
}

function Counts({ counts }: { counts: readonly StatusCount[] }): VNode {
  return (
    <dl class="pace-counts">
      {counts.map((c) => (
        <div key={c.status} class="pace-count">
          <dt>
            <CountLink count={c} /> {c.label.toLowerCase()}
          </dt>
          <dd class="ds_hint-text">{c.meaning}</dd>
        </div>
      ))}
    </dl>
  );
}

export function AimCharts({ aim, headingLevel }: { aim: DashboardAim; headingLevel: 3 | 2 }): VNode {
  const Heading = headingLevel === 3 ? 'h3' : 'h2';
  return (
    <div class="pace-charts">
      <figure class="pace-figure">
        <Heading>Run chart: weeks to the milestone, one dot a child</Heading>
        {aim.runChart.kind === 'inline' ? <Svg svg={aim.runChart.svg} /> : <img class="pace-chart-picture" src={aim.runChart.src} alt={aim.runChart.alt} width={760} height={360} />}
        <figcaption>
          Each dot is a child whose journey reached the milestone, placed at the date it did. {aim.points} {aim.points === 1 ? 'dot' : 'dots'}.{' '}
          {aim.runChart.kind === 'inline' ? "Select a dot to open that child's record." : 'Too many to follow one by one here: the table on the aim’s page links every child.'}
        </figcaption>
        {aim.marksKey.length > 0 && (
          <div class="pace-marks-key">
            <p>Tests of change on this chart (a solid green line where a test started, a dashed one at each cycle's Act):</p>
            <ul>
              {aim.marksKey.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          </div>
        )}
        <Downloads links={aim.runLinks} what="run chart" />
      </figure>
      <section aria-label={`What the rules say about ${aim.name}`}>
        <Heading>What the rules say</Heading>
        <ul class="pace-verdicts">
          {aim.verdicts.map((v) => (
            <li key={v}>{v}</li>
          ))}
        </ul>
      </section>
      <figure class="pace-figure">
        <Heading>Waiting chart: weeks waited so far, one bar a child</Heading>
        <Svg svg={aim.waitingChart} />
        <figcaption>{aim.waitingCount === 0 ? 'Nobody is waiting.' : `${aim.waitingCount} ${aim.waitingCount === 1 ? 'child is' : 'children are'} still waiting for the milestone. Select a bar to open that child's record.`}</figcaption>
        <Downloads links={aim.waitingLinks} what="waiting chart" />
      </figure>
    </div>
  );
}

function SummaryTable({ aims }: { aims: readonly DashboardAim[] }): VNode {
  return (
    <div class="pace-table-scroll">
      <table class="ds_table pace-summary">
        <caption class="ds_table__caption">Every aim at a glance: % in time = in time ÷ n, where n = in time + late + overdue + left after the timescale. Each count lists its children.</caption>
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
                <a class="ds_link" href={`#aim-${aim.id}`}>
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
    </div>
  );
}

/** The part of the dashboard that is the same for every reader: the summary and each aim. */
export function DashboardAims({ model }: { model: DashboardModel }): VNode {
  return (
    <>
      {model.aims.length > 0 && <SummaryTable aims={model.aims} />}
      {model.aims.map((aim) => (
        <section class="pace-aim" aria-labelledby={`aim-${aim.id}`} key={aim.id}>
          <h2 id={`aim-${aim.id}`}>{aim.name}</h2>
          <p class="pace-sentence">{aim.sentence}</p>
          <AimFigures aim={aim} />
          <AimCharts aim={aim} headingLevel={3} />
          <p>
            <a class="ds_link" href={aim.tablesHref}>
              The data behind these charts, as tables<span class="visually-hidden"> for {aim.name}</span>
            </a>
          </p>
          <p>
            <a class="ds_link" href={aim.timelines.href}>
              {aim.timelines.text}
              <span class="visually-hidden"> for {aim.name}</span>
            </a>
          </p>
        </section>
      ))}
      {model.aims.length === 0 && <p>This authority has no aims yet.</p>}
    </>
  );
}

export function DashboardPage(props: { chrome: Chrome; model: DashboardModel | null; asAtValue: string; errors: readonly FieldError[]; action: string }): VNode {
  const { model } = props;
  return (
    <Page title={model ? `Dashboard, ${model.asAtWords}` : 'Dashboard'} chrome={props.chrome} hasErrors={props.errors.length > 0} wide>
      <ErrorSummary errors={props.errors} />
      <PageHeader title="Dashboard" label={props.chrome.authority?.name}>
        {model && <p class="ds_page-header__metadata">Figures as at {model.asAtWords}{model.programmeStart ? `; programme start ${model.programmeStart}` : '; no programme start date set'}.</p>}
      </PageHeader>
      <AsAtForm action={props.action} value={props.asAtValue} errors={props.errors} />
      {model && <PartSlot />}
    </Page>
  );
}
