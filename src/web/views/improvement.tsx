/** Improvement work: the overview, a test of change with its PDSA cycles, and the forms that change them. */
import type { ComponentChildren, VNode } from 'preact';
import { maxStudyMeasurements } from '../../domain/improvement/test-of-change.js';
import { measurementFields, type FormValues, type ListValues } from '../forms/improvement-forms.js';
import { Checkboxes, CsrfField, ErrorSummary, InlineLinks, LinkList, Notice, NoticeBox, PageHeader, Radios, Select, SubmitOrCancel, SummaryList, TableScroll, Tag, TextArea, TextInput, type FieldError, type Option } from './components.js';
import { Page, type Chrome } from './layout.js';
import { SvgForWidths, type ChartForWidths } from './trusted-svg.js';

export interface Link {
  readonly text: string;
  readonly href: string;
}

export interface TestRow {
  readonly number: number;
  readonly title: string;
  readonly href: string;
  readonly status: string;
  readonly statusColour: 'green' | 'blue' | 'orange' | 'grey' | 'red' | 'yellow';
  readonly aims: string;
  readonly start: string;
  readonly cycles: string;
}

export interface ImprovementModel {
  /** The answer first: the tests of change by status, and the steps the tests being tested wait for. */
  readonly summary: { readonly counts: string; readonly next: readonly Link[] };
  readonly tests: readonly TestRow[];
  readonly diagrams: readonly Link[];
  readonly newTestHref: string | null;
  readonly libraryHref: string;
  readonly meetingsHref: string;
  readonly posterHref: string;
  readonly balancingHref: string;
}

export function ImprovementPage(props: { chrome: Chrome; model: ImprovementModel; notice: string | null }): VNode {
  const m = props.model;
  return (
    <Page title="Improvement work" chrome={props.chrome} wide>
      <NoticeBox notice={props.notice} />
      <PageHeader title="Improvement work" label={props.chrome.authority?.name} />
      <p>{m.summary.counts}</p>
      {m.summary.next.length > 0 && (
        <p>
          Waiting for their next step: <InlineLinks links={m.summary.next} separator="; " />.
        </p>
      )}
      <p>The aims, the drivers behind them, the tests of change run as Plan-Do-Study-Act cycles, and the champions' group's meetings — beside the data that judges them.</p>
      <ul class="pace-actions ds_no-bullets">
        <li>
          <a class="ds_link" href={m.meetingsHref}>
            Meetings and meeting packs
          </a>
        </li>
        <li>
          <a class="ds_link" href={m.posterHref}>
            The poster: aims, run charts and tests of change on one page
          </a>
        </li>
        <li>
          <a class="ds_link" href={m.libraryHref}>
            Change-idea library
          </a>
        </li>
        <li>
          <a class="ds_link" href={m.balancingHref}>
            Balancing measures
          </a>
        </li>
      </ul>
      <h2>Driver diagrams</h2>
      <LinkList links={m.diagrams} />
      <h2>Tests of change</h2>
      {m.newTestHref && (
        <p>
          <a class="ds_button ds_button--secondary" href={m.newTestHref}>
            Start a test of change
          </a>
        </p>
      )}
      {m.tests.length === 0 ? (
        <p>No tests of change yet. Start one here, or from an idea in the library.</p>
      ) : (
        <TableScroll label="Tests of change">
          <table class="ds_table">
            <caption class="visually-hidden">Tests of change</caption>
            <thead>
              <tr>
                <th scope="col">Test</th>
                <th scope="col">Status</th>
                <th scope="col">Aims</th>
                <th scope="col">Started</th>
                <th scope="col">Cycles</th>
              </tr>
            </thead>
            <tbody>
              {m.tests.map((t) => (
                <tr key={t.number}>
                  <td>
                    <a class="ds_link" href={t.href}>
                      T{t.number}: {t.title}
                    </a>
                  </td>
                  <td>
                    <Tag colour={t.statusColour}>{t.status}</Tag>
                  </td>
                  <td>{t.aims}</td>
                  <td>{t.start}</td>
                  <td>{t.cycles}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </Page>
  );
}

export interface CycleView {
  readonly number: number;
  readonly heading: string;
  readonly parts: readonly { readonly title: string; readonly items: readonly { key: string; value: string }[] | null; readonly action: Link | null }[];
}

export interface TestModel {
  readonly title: string;
  readonly summary: readonly { key: string; value: ComponentChildren }[];
  readonly actions: readonly Link[];
  /** Why no new cycle may be planned now, if it may not. */
  readonly noNewCycle: string | null;
  readonly cycles: readonly CycleView[];
  readonly published: string | null;
  readonly history: readonly string[];
  /** Each aim the test serves, month by month, with this test's start and Acts marked: the Study step's data. */
  readonly measures: readonly {
    readonly name: string;
    readonly href: string;
    readonly svg: ChartForWidths;
    readonly caption: string;
    /** The same measure for just the team or children the test runs with, when it runs with a few. */
    readonly group: {
      readonly title: string;
      readonly svg: ChartForWidths;
      readonly caption: string;
      /** For named children: each month with a settled journey, and whose. */
      readonly months: readonly { readonly id: string; readonly month: string; readonly inTime: string; readonly children: readonly { readonly id: string; readonly href: string }[] }[] | null;
    } | null;
  }[];
  /** The Study numbers, one series for each thing counted. */
  readonly studies: readonly StudySeriesView[];
}

export interface StudySeriesView {
  readonly label: string;
  readonly kind: 'percent' | 'count';
  readonly svg: ChartForWidths;
  readonly caption: string;
  readonly rows: readonly { readonly cycle: string; readonly date: string; readonly count: string; readonly outOf: string; readonly value: string }[];
}

function GroupMonths({ months, title }: { months: NonNullable<NonNullable<TestModel['measures'][number]['group']>['months']>; title: string }): VNode {
  if (months.length === 0) return <p>None of their journeys has been settled in these months.</p>;
  return (
    <TableScroll label={`${title}: the months, and whose journeys were settled in each`}>
      <table class="ds_table ds_table--small">
        <caption class="visually-hidden">{title}: the months, and whose journeys were settled in each</caption>
        <thead>
          <tr>
            <th scope="col">Month</th>
            <th scope="col">In time</th>
            <th scope="col">Children</th>
          </tr>
        </thead>
        <tbody>
          {months.map((m) => (
            <tr key={m.id} id={m.id}>
              <td>{m.month}</td>
              <td>{m.inTime}</td>
              <td>
                {m.children.map((c, i) => (
                  <>
                    {i > 0 && ', '}
                    <a class="ds_link" href={c.href} key={c.id}>
                      {c.id}
                    </a>
                  </>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function StudySeriesFigure({ series }: { series: StudySeriesView }): VNode {
  return (
    <div class="pace-charts">
      <figure class="pace-figure">
        <SvgForWidths chart={series.svg} />
        <figcaption>{series.caption}</figcaption>
      </figure>
      <TableScroll label={`${series.label}: every number`}>
        <table class="ds_table ds_table--small">
          <caption>{series.label}: every number</caption>
          <thead>
            <tr>
              <th scope="col">Cycle</th>
              <th scope="col">Date</th>
              <th scope="col">Count</th>
              <th scope="col">Out of</th>
              {series.kind === 'percent' && <th scope="col">%</th>}
            </tr>
          </thead>
          <tbody>
            {series.rows.map((r, i) => (
              <tr key={i}>
                <td>{r.cycle}</td>
                <td>{r.date}</td>
                <td>{r.count}</td>
                <td>{r.outOf}</td>
                {series.kind === 'percent' && <td>{r.value}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </div>
  );
}

export function TestPage(props: { chrome: Chrome; model: TestModel; notice: string | null; back: Link }): VNode {
  const m = props.model;
  return (
    <Page title={m.title} chrome={props.chrome} wide>
      <NoticeBox notice={props.notice} />
      <PageHeader title={m.title} label={props.chrome.authority?.name} />
      <SummaryList items={m.summary} />
      {m.actions.length > 0 && (
        <LinkList links={m.actions} class="pace-actions ds_no-bullets" />
      )}
      {m.noNewCycle && <Notice>{m.noNewCycle}</Notice>}
      {m.published && <p>{m.published}</p>}
      {m.measures.length > 0 && (
        <section aria-labelledby="test-measures">
          <h2 id="test-measures">The aims it serves, month by month</h2>
          <p>Of the journeys settled in each month, the percentage in time, with this test's start and each cycle's Act marked: did the change make a difference? Select a dot for that month's journeys.</p>
          {m.measures.map((measure) => (
            <div class={measure.group ? 'pace-charts' : undefined} key={measure.href}>
              <figure class="pace-figure">
                {measure.group && <h3>The whole authority</h3>}
                <SvgForWidths chart={measure.svg} />
                <figcaption>
                  <a class="ds_link" href={measure.href}>
                    {measure.name}
                  </a>
                  {`: ${measure.caption}`}
                </figcaption>
              </figure>
              {measure.group && (
                <figure class="pace-figure">
                  <h3>{measure.group.title}</h3>
                  <SvgForWidths chart={measure.group.svg} />
                  <figcaption>{measure.group.caption}</figcaption>
                  {measure.group.months && <GroupMonths months={measure.group.months} title={`${measure.name}, ${measure.group.title.toLowerCase()}`} />}
                </figure>
              )}
            </div>
          ))}
        </section>
      )}
      {m.studies.length > 0 && (
        <section aria-labelledby="study-numbers">
          <h2 id="study-numbers">The numbers the cycles studied</h2>
          <p>Each thing the Study steps counted, across the cycles: the percentage when it was counted out of something, otherwise the count. Each dot is labelled with its cycle (C1 is cycle 1).</p>
          {m.studies.map((series) => (
            <StudySeriesFigure series={series} key={series.label} />
          ))}
        </section>
      )}
      <h2>PDSA cycles</h2>
      {m.cycles.length === 0 && <p>No cycle has been planned yet.</p>}
      {m.cycles.map((cycle) => (
        <section class="pace-cycle" aria-labelledby={`cycle-${cycle.number}`} key={cycle.number}>
          <h3 id={`cycle-${cycle.number}`}>{cycle.heading}</h3>
          {cycle.parts.map((part) => (
            <div key={part.title}>
              <h4>{part.title}</h4>
              {part.items ? <SummaryList items={part.items} /> : <p>Not recorded yet.</p>}
              {part.action && (
                <p>
                  <a class="ds_link" href={part.action.href}>
                    {part.action.text}
                  </a>
                </p>
              )}
            </div>
          ))}
        </section>
      ))}
      <h2>History of changes</h2>
      {m.history.length === 0 ? (
        <p>No changes since it was recorded.</p>
      ) : (
        <ul>
          {m.history.map((h) => (
            <li key={h}>{h}</li>
          ))}
        </ul>
      )}
      <p>
        <a class="ds_link" href={props.back.href}>
          {props.back.text}
        </a>
      </p>
    </Page>
  );
}

export interface TestFormModel {
  readonly title: string;
  readonly action: string;
  readonly cancelHref: string;
  readonly values: FormValues;
  readonly lists: ListValues;
  readonly errors: readonly FieldError[];
  readonly agencies: readonly Option[];
  readonly aims: readonly Option[];
  readonly drivers: readonly Option[];
  readonly changeIdeas: readonly Option[];
  readonly scales: readonly Option[];
  /** The teams the records name: one a test may run with. */
  readonly teams: readonly Option[];
  /** Null when adding: a new test is an idea until its first cycle. */
  readonly statuses: readonly Option[] | null;
  readonly fromLibrary: string | null;
}

export function TestForm({ chrome, model: m }: { chrome: Chrome; model: TestFormModel }): VNode {
  const v = m.values;
  const e = m.errors;
  return (
    <Page title={m.title} chrome={chrome} hasErrors={e.length > 0}>
      <ErrorSummary errors={e} />
      <PageHeader title={m.title} label={chrome.authority?.name} />
      {m.fromLibrary && <Notice>{m.fromLibrary}</Notice>}
      <form method="post" action={m.action} novalidate>
        <CsrfField token={chrome.csrfToken} />
        <input type="hidden" name="library_idea" value={v.library_idea ?? ''} />
        <TextInput name="title" label="Title" value={v.title ?? ''} errors={e} width="ds_input--fluid-two-thirds" />
        <TextArea name="change" label="The change being tested" hint="What will be done differently, in your own words." value={v.change ?? ''} errors={e} />
        <Select name="change_idea" label="Change idea it tries (optional)" hint="From the driver diagrams." value={v.change_idea ?? ''} options={m.changeIdeas} blank="None" errors={e} />
        <Checkboxes name="agencies" legend="Agencies involved" options={m.agencies} checked={m.lists.agencies ?? []} errors={e} />
        <TextInput name="owner" label="Owner" hint="The person or group who leads the test." value={v.owner ?? ''} errors={e} width="ds_input--fluid-two-thirds" />
        <Checkboxes name="aims" legend="Aims it serves" hint="The test is marked on the run chart of each." options={m.aims} checked={m.lists.aims ?? []} errors={e} />
        {m.drivers.length > 0 && <Checkboxes name="drivers" legend="Drivers it works on (optional)" options={m.drivers} checked={m.lists.drivers ?? []} errors={e} />}
        <TextInput name="start_date" label="Start date" hint="For example 2021-03-01 or 01/03/2021." value={v.start_date ?? ''} errors={e} width="ds_input--fixed-10" />
        <Radios name="scale" legend="Scale" options={m.scales} value={v.scale ?? ''} errors={e} />
        <Radios
          name="runs_with"
          legend="Who it runs with"
          hint="When it runs with a team or a few children, its page shows the aims month by month for just them, beside the whole authority."
          options={[
            { value: 'everyone', label: 'Everyone' },
            { value: 'team', label: 'A team', fields: <Select name="team" label="The team" value={v.team ?? ''} options={m.teams} blank="Choose a team" errors={e} /> },
            {
              value: 'children',
              label: 'A few named children',
              fields: <TextArea name="children" label="Their references" hint={`As the records write them, separated by commas or new lines; at most 30.`} value={v.children ?? ''} errors={e} rows={3} />,
            },
          ]}
          value={v.runs_with || 'everyone'}
          errors={e}
        />
        {m.statuses && <Select name="status" label="Status" hint="The cycles set the status; a person may move an adopted test to business as usual, or abandon a test." value={v.status ?? ''} options={m.statuses} errors={e} />}
        <SubmitOrCancel label="Save the test" cancelHref={m.cancelHref} />
      </form>
    </Page>
  );
}

export interface CycleFormModel {
  readonly title: string;
  readonly intro: string;
  readonly action: string;
  readonly cancelHref: string;
  readonly part: 'plan' | 'do' | 'study' | 'act';
  readonly values: FormValues;
  readonly errors: readonly FieldError[];
  readonly button: string;
}

export function CycleForm({ chrome, model: m }: { chrome: Chrome; model: CycleFormModel }): VNode {
  const v = m.values;
  const e = m.errors;
  const date = (name: string, label: string) => <TextInput name={name} label={label} hint="For example 2021-03-01 or 01/03/2021." value={v[name] ?? ''} errors={e} width="ds_input--fixed-10" />;
  const fields: Record<CycleFormModel['part'], VNode> = {
    plan: (
      <>
        <TextArea name="what" label="What will be tested" value={v.what ?? ''} errors={e} />
        <TextInput name="who" label="Who will do it" value={v.who ?? ''} errors={e} width="ds_input--fluid-two-thirds" />
        <TextInput name="where" label="Where" value={v.where ?? ''} errors={e} width="ds_input--fluid-two-thirds" />
        {date('when', 'When')}
        <TextArea name="prediction" label="Prediction" hint="What you expect to happen, with numbers where you can." value={v.prediction ?? ''} errors={e} />
        <TextArea name="measures" label="Measures" hint="How you will know what happened." value={v.measures ?? ''} errors={e} />
      </>
    ),
    do: (
      <>
        {date('do_date', 'Date it was done')}
        <TextArea name="what_happened" label="What happened" value={v.what_happened ?? ''} errors={e} />
        <TextArea name="observations" label="Observations (optional)" hint="Problems and surprises." value={v.observations ?? ''} errors={e} />
      </>
    ),
    study: (
      <>
        {date('study_date', 'Date it was studied')}
        <TextArea name="result" label="Result against the prediction" value={v.result ?? ''} errors={e} />
        <TextArea name="numbers" label="Numbers in words (optional)" value={v.numbers ?? ''} errors={e} />
        <StudyNumbers values={v} errors={e} />
        <TextArea name="quotes" label="What people said (optional)" hint="No child's name or details." value={v.quotes ?? ''} errors={e} />
      </>
    ),
    act: (
      <>
        {date('act_date', 'Date of the decision')}
        <Radios
          name="decision"
          legend="Decision"
          options={[
            { value: 'adopt', label: 'Adopt the change' },
            { value: 'adapt', label: 'Adapt it and test again' },
            { value: 'abandon', label: 'Abandon it' },
          ]}
          value={v.decision ?? ''}
          errors={e}
        />
        <TextArea name="next_step" label="Next step" value={v.next_step ?? ''} errors={e} />
      </>
    ),
  };
  return (
    <Page title={m.title} chrome={chrome} hasErrors={e.length > 0}>
      <ErrorSummary errors={e} />
      <PageHeader title={m.title} label={chrome.authority?.name} />
      <p>{m.intro}</p>
      <form method="post" action={m.action} novalidate>
        <CsrfField token={chrome.csrfToken} />
        {fields[m.part]}
        <SubmitOrCancel label={m.button} cancelHref={m.cancelHref} />
      </form>
    </Page>
  );
}

/** How many rows of numbers the Study form offers: those recorded and two more, at least three, at most the limit. */
function measurementRows(values: FormValues): number {
  let last = 0;
  for (let n = 1; n <= maxStudyMeasurements; n++) if (measurementFields(n).some((f) => (values[f] ?? '') !== '')) last = n;
  return Math.min(maxStudyMeasurements, Math.max(3, last + 2));
}

/** The Study's dated numbers, a row each: "7 of 9 meetings held within 72 hours" is 7, out of 9, and the label. */
function StudyNumbers({ values, errors }: { values: FormValues; errors: readonly FieldError[] }): VNode {
  return (
    <fieldset class="pace-study-numbers">
      <legend>Numbers to draw (optional)</legend>
      <p class="ds_hint-text">Each a count on a date, and what it is out of when there is one: for example 7 out of 9, meetings held within 72 hours. The test’s page draws the numbers of every cycle as a series. Leave a row empty to record nothing in it.</p>
      {Array.from({ length: measurementRows(values) }, (_, i) => {
        const [date, count, outOf, label] = measurementFields(i + 1);
        return (
          <fieldset class="pace-study-number" key={date}>
            <legend>Number {i + 1}</legend>
            <TextInput name={date} label="Date" hint="For example 2021-03-01." value={values[date] ?? ''} errors={errors} width="ds_input--fixed-10" />
            <TextInput name={count} label="Count" value={values[count] ?? ''} errors={errors} width="ds_input--fixed-4" />
            <TextInput name={outOf} label="Out of (optional)" value={values[outOf] ?? ''} errors={errors} width="ds_input--fixed-4" />
            <TextInput name={label} label="What was counted" hint="Short: meetings held within 72 hours." value={values[label] ?? ''} errors={errors} width="ds_input--fluid-two-thirds" />
          </fieldset>
        );
      })}
    </fieldset>
  );
}

export interface PublishModel {
  readonly title: string;
  readonly action: string;
  readonly cancelHref: string;
  readonly shared: readonly { key: string; value: string }[];
  readonly values: FormValues;
  readonly errors: readonly FieldError[];
}

export function PublishForm({ chrome, model: m }: { chrome: Chrome; model: PublishModel }): VNode {
  const e = m.errors;
  return (
    <Page title={m.title} chrome={chrome} hasErrors={e.length > 0}>
      <ErrorSummary errors={e} />
      <PageHeader title={m.title} label={chrome.authority?.name} />
      <p>Every authority using pace can read the library. Only what is below is shared: the test's title, the change, the agencies, and the two summaries you approve here. Nothing about any child is shared.</p>
      <SummaryList items={m.shared} />
      <form method="post" action={m.action} novalidate>
        <CsrfField token={chrome.csrfToken} />
        <TextArea name="study_summary" label="What the study found" hint="Drafted from the cycles' Study; change it as you see fit. No child's name, reference or details: pace refuses any word that is the first or last name or the reference of one of the authority's children, a child's date of birth, or the name of their worker or team, even an ordinary word that is also a name (such as Will or Grace), and shows you what to reword." value={m.values.study_summary ?? ''} errors={e} rows={6} />
        <TextArea name="act_summary" label="What was decided" hint="Drafted from the cycles' Act." value={m.values.act_summary ?? ''} errors={e} rows={4} />
        <Checkboxes
          name="consent"
          legend="Consent"
          options={[{ value: 'yes', label: 'The authority agrees to share this with every authority, and it holds no child’s name, reference or details' }]}
          checked={m.values.consent === 'yes' ? ['yes'] : []}
          errors={e}
        />
        <SubmitOrCancel label="Publish to the library" cancelHref={m.cancelHref} />
      </form>
    </Page>
  );
}
