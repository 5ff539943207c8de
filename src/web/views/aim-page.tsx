/**
 * One aim's page: the answer, the figures with every count a link, the run chart at full width (each
 * dot a link to its child), the waiting chart, what the rules find, and each chart's data as a table
 * a page at a time (the table alternative), with the whole of it as CSV.
 */
import type { VNode } from 'preact';
import type { FilterChoices } from '../../domain/child-filter.js';
import type { FigureScope } from '../forms/figure-scope.js';
import type { AimPageModel, ChartLinks, PagedTable } from '../presenters/aim-page.js';
import type { StatusCount } from '../presenters/dashboard.js';
import { DataTable, ErrorSummary, NoticeBox, PageHeader, Pagination, SummaryList, type FieldError } from './components.js';
import { AimAtAGlance, CountLink } from './dashboard.js';
import { Page, type Chrome } from './layout.js';
import { ScopeForm } from './scope-form.js';
import { SvgAndPhonePicture, SvgForWidths } from './trusted-svg.js';
import { formatCount, plural } from '../../app/format.js';

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
        CSV<span class="visually-hidden"> of the data of the {what}</span>
      </a>
    </p>
  );
}

/** A page of a table, how many there are, the way to the others, and all of it as CSV. */
/** `what` is the rows in the singular and the plural: ['child on the run chart', 'children on the run chart']. */
function Paged({ paged, what }: { paged: PagedTable; what: readonly [string, string] }): VNode {
  const shown = paged.table.rows.length;
  const all = shown === paged.total;
  const [one, many] = what;
  return (
    <div id={paged.id}>
      <p>
        {paged.total === 0 ? `No ${many} yet.` : paged.total === 1 ? `The 1 ${one}.` : all ? `All ${formatCount(paged.total)} ${many}.` : `${formatCount(paged.first)} to ${formatCount(paged.first + shown - 1)} of ${formatCount(paged.total)} ${many}; `}
        {!all && (
          <a class="ds_link" href={paged.csvHref} download>
            every one as CSV<span class="visually-hidden">: {paged.table.caption}</span>
          </a>
        )}
      </p>
      {paged.total > 0 && <DataTable table={paged.table} />}
      <Pagination page={paged.page} pages={paged.pages} hrefOf={paged.pageHref} label={`Pages of ${many}`} />
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

/** The aim's group: its lead and members in words (null when nobody has named one), and the way to change it. */
export interface AimGroupModel {
  readonly people: { readonly lead: string | null; readonly members: readonly string[] } | null;
  readonly editHref: string | null;
  readonly notice: string | null;
}

function AimGroupSection({ group }: { group: AimGroupModel }): VNode {
  const { people } = group;
  return (
    <section aria-labelledby="aim-group" class="pace-aim-group">
      <h2 id="aim-group">The aim group</h2>
      <NoticeBox notice={group.notice} />
      {people === null ? (
        <p>Nobody has named this aim's group yet.</p>
      ) : (
        <SummaryList
          items={[
            { key: 'Lead', value: people.lead ?? 'None named' },
            {
              key: 'Members',
              value:
                people.members.length === 0 ? (
                  'None named'
                ) : (
                  <ul class="ds_no-bullets">
                    {people.members.map((m) => (
                      <li key={m}>{m}</li>
                    ))}
                  </ul>
                ),
            },
          ]}
        />
      )}
      {group.editHref && (
        <p>
          <a class="ds_link" href={group.editHref}>
            {people === null ? 'Name the aim group' : 'Change the aim group'}
          </a>
        </p>
      )}
    </section>
  );
}

export function AimPage(props: { chrome: Chrome; model: AimPageModel; scope: FigureScope; choices: FilterChoices; action: string; errors: readonly FieldError[]; group: AimGroupModel }): VNode {
  const { model } = props;
  const whose = model.filterWords ? `: ${model.filterWords}` : '';
  return (
    <Page title={`${model.name}${whose}, ${model.asAtWords}`} chrome={props.chrome} hasErrors={props.errors.length > 0} wide>
      <ErrorSummary errors={props.errors} />
      <PageHeader title={`${model.name}${whose}`} label={props.chrome.authority?.name}>
        <p class="ds_page-header__metadata">Figures as at {model.asAtWords}.</p>
      </PageHeader>
      <p class="pace-sentence">{model.sentence}</p>
      <AimAtAGlance aim={model} />
      <details class="ds_details pace-scope-details" open={props.errors.length > 0 || model.filterWords !== null}>
        <summary class="ds_details__summary">Another date, team, locality or worker</summary>
        <div class="ds_details__text">
          <ScopeForm action={props.action} scope={props.scope} choices={props.choices} errors={props.errors} withWindow />
        </div>
      </details>

      <h2 id="run-chart">Run chart: weeks to the milestone, one dot a child</h2>
      <figure class="pace-figure">
        <SvgAndPhonePicture svg={model.runChart.svg} phone={model.runChart.phone} />
        <figcaption>
          {plural(model.runChart.points, 'child', 'children')} who reached the milestone, each at the date they did. The table below lists them, each a link to the child's record; on a wider screen, each dot is a link too.
        </figcaption>
        {model.runChart.marksKey.length > 0 && (
          <div class="pace-marks-key">
            <p>Tests of change on this chart (a solid purple line where a test started, a dashed one at each cycle's Act):</p>
            <ul>
              {model.runChart.marksKey.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          </div>
        )}
        <Downloads links={model.runChart.links} what="run chart" />
      </figure>

      <details class="ds_details pace-findings">
        <summary class="ds_details__summary">Everything the run-chart rules find</summary>
        <div class="ds_details__text">
          {model.findings.map((group) => (
            <section key={group.title} aria-label={group.title}>
              <h3>{group.title}</h3>
              <ul class="pace-verdicts">
                {group.findings.map((f) => (
                  <li key={f}>{f}</li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      </details>

      <h2 id="month-by-month">Month by month: % in time</h2>
      <p>
        Each dot is a month: of the journeys whose outcome was settled that month (in time on the day they reached the milestone; late, overdue or left after the timescale on the day after their due date), the percentage in time. It moves when practice changes, where the figure since the from-date moves slowly. Select a dot, or a count in the table, for that month's journeys.
      </p>
      <figure class="pace-figure">
        <SvgForWidths chart={model.months.svg} />
        <figcaption>
          {model.months.points} {model.months.points === 1 ? 'month' : 'months'} with a journey settled, of the last 36 whole months.
        </figcaption>
      </figure>
      <details class="ds_details">
        <summary class="ds_details__summary">The months' figures, and what the rules say of them</summary>
        <div class="ds_details__text">
          <ul class="pace-verdicts">
            {model.months.verdicts.map((v) => (
              <li key={v}>{v}</li>
            ))}
          </ul>
          <DataTable table={model.months.table} />
        </div>
      </details>

      <h2 id="quarter-by-quarter">Quarter by quarter: % in time and median weeks</h2>
      <p>
        The same, a quarter at a time (January to March, April to June, …): the percentage in time of the journeys settled in each quarter, and the median weeks of those that reached the milestone in it. A quarter holds three months of journeys, so its dot moves less by chance than a month's. Select a dot, or a count in the table, for that quarter's journeys.
      </p>
      <figure class="pace-figure">
        <SvgForWidths chart={model.quarters.percentSvg} />
        <figcaption>
          {model.quarters.points} {model.quarters.points === 1 ? 'quarter' : 'quarters'} with a journey settled, of the last 12 whole quarters.
        </figcaption>
      </figure>
      <figure class="pace-figure">
        <SvgForWidths chart={model.quarters.medianSvg} />
        <figcaption>Median weeks from the start to the milestone, of the journeys completed in each quarter.</figcaption>
      </figure>
      <details class="ds_details">
        <summary class="ds_details__summary">The quarters' figures, and what the rules say of them</summary>
        <div class="ds_details__text">
          <ul class="pace-verdicts">
            {model.quarters.verdicts.map((v) => (
              <li key={`percent ${v}`}>% in time: {v}</li>
            ))}
            {model.quarters.medianVerdicts.map((v) => (
              <li key={`median ${v}`}>Median weeks: {v}</li>
            ))}
          </ul>
          <DataTable table={model.quarters.table} />
        </div>
      </details>

      <h2>The figures behind the percentage</h2>
      <p>
        n = <CountLink count={model.n} /> journeys counted (% in time = in time ÷ n). {model.cohortWords}
      </p>
      <Counts counts={model.counts.filter((c) => c.counted)} />
      <p class="pace-counts-heading">Not counted in n:</p>
      <Counts counts={model.counts.filter((c) => !c.counted)} />
      <p>{model.median}</p>
      {model.backlog && <p>{model.backlog}</p>}
      <p>
        Does any group wait longer?{' '}
        <a class="ds_link" href={model.breakdownHref}>
          The same figures by age, sex, placement type, route, team and locality
        </a>
        , each with its 95% interval.
      </p>

      <h2 id="waiting-chart">Waiting chart: weeks waited so far, one bar a child</h2>
      <p>
        {model.waiting}{' '}
        {model.waitingHref && (
          <a class="ds_link" href={model.waitingHref}>
            List those in the cohort
          </a>
        )}
      </p>
      <figure class="pace-figure">
        <SvgForWidths chart={model.waitingChart.svg} />
        <figcaption>{model.waitingChart.count === 0 ? 'Nobody is waiting.' : `${formatCount(model.waitingChart.count)} ${model.waitingChart.count === 1 ? 'child is' : 'children are'} still waiting for the milestone. Select a bar to open that child's record.`}</figcaption>
        <Downloads links={model.waitingChart.links} what="waiting chart" />
      </figure>
      <p>
        <a class="ds_link" href={model.timelines.href}>
          {model.timelines.text}
        </a>
      </p>

      <h2>The run chart's data</h2>
      <Paged paged={model.runTable} what={['child on the run chart', 'children on the run chart']} />
      <h2>The waiting chart's data</h2>
      <Paged paged={model.waitingTable} what={['child waiting', 'children waiting']} />

      {model.extraCharts.map((chart) => (
        <section key={chart.id} aria-labelledby={chart.id}>
          <h2 id={chart.id}>{chart.heading}</h2>
          <p>{chart.explanation}</p>
          <figure class="pace-figure">
            <SvgForWidths chart={chart.svg} />
          </figure>
          <Downloads links={chart.links} what={chart.name} />
          <Paged paged={chart.table} what={['row', 'rows']} />
        </section>
      ))}
      <AimGroupSection group={props.group} />
      <p>
        <a class="ds_link" href={model.driversHref}>
          The driver diagram of this aim
        </a>
        , with the change ideas and the tests of change that try them.
      </p>
    </Page>
  );
}
