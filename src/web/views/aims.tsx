/** The authority's aims: each as its sentence, and the form to change one or add another. */
import type { VNode } from 'preact';
import { eventTypeLabels, eventTypes, journeyRouteLabels, journeyRoutes, placementTypeLabels, placementTypes, routeLabels, routes } from '../../domain/codes.js';
import { startChoices } from '../../domain/measure-definition.js';
import type { AimFormValues } from '../forms/aim-form.js';
import { Checkboxes, CsrfField, ErrorSummary, NoticeBox, PageHeader, Radios, Select, SubmitOrCancel, TextInput, type FieldError } from './components.js';
import { Page, type Chrome } from './layout.js';

export interface AimsModel {
  readonly aims: readonly { id: string; name: string; sentence: string; timescale: string; chartsHref: string; editHref: string | null }[];
  readonly addHref: string | null;
}

export function AimsPage(props: { chrome: Chrome; model: AimsModel; notice: string | null }): VNode {
  return (
    <Page title="Aims" chrome={props.chrome}>
      <NoticeBox notice={props.notice} />
      <PageHeader title="Aims" label={props.chrome.authority?.name} />
      <p>Every figure on the dashboard measures one of these aims. A change keeps the previous definition in the aim's history.</p>
      {props.model.aims.map((aim) => (
        <section class="pace-aim" key={aim.id} aria-labelledby={`aim-${aim.id}`}>
          <h2 id={`aim-${aim.id}`}>{aim.name}</h2>
          <p class="pace-sentence">{aim.sentence}</p>
          <p>
            Short name <code>{aim.id}</code>; timescale {aim.timescale}.{' '}
            <a class="ds_link" href={aim.chartsHref}>
              Figures and charts<span class="visually-hidden"> for {aim.name}</span>
            </a>
            {aim.editHref && (
              <>
                {' · '}
                <a class="ds_link" href={aim.editHref}>
                  Change<span class="visually-hidden"> {aim.name}</span>
                </a>
              </>
            )}
          </p>
        </section>
      ))}
      {props.model.addHref && (
        <p>
          <a class="ds_button ds_button--secondary" href={props.model.addHref}>
            Add an aim
          </a>
        </p>
      )}
    </Page>
  );
}

const kindOptions = [
  { value: 'at-home', label: 'Aim 1 kind: looked after at home on a CSO → review of the whole period at home' },
  { value: 'accommodation', label: 'Aim 2 kind: looked after and accommodated → permanence recommendation' },
  { value: 'recommendation', label: 'Aim 3 kind: recommendation → Agency Decision Maker decision' },
  { value: 'adm', label: 'Aim 4 kind: Agency Decision Maker decision → application lodged at court' },
  { value: 'measure', label: 'A local measure: from a start and to an end you choose' },
];

const routeOptions = [{ value: '', label: 'Any route' }, ...routes.map((r) => ({ value: r, label: routeLabels[r] }))];

/** The start, end and routes of a local measure, in words; under the "local measure" choice. */
function MeasureFields(props: { v: (name: string) => string; list: (name: string) => string[]; errors: readonly FieldError[] }): VNode {
  const { v, list, errors } = props;
  return (
    <>
      <Select name="measure_start" label="Counted from" hint="The time is counted from this: a placement starting, or an event of this kind." value={v('measure_start')} blank="Choose" options={startChoices()} errors={errors} />
      <Select name="measure_start_route" label="Only when the start names this route (optional)" hint="For a start that is a recommendation, care plan, ADM decision, application or order." value={v('measure_start_route')} options={routeOptions} errors={errors} />
      <Checkboxes name="measure_ends" legend="Ended by any of these events" hint="The first of them dated on or after the start, and before the child leaves, ends the journey." options={eventTypes.map((t) => ({ value: t, label: eventTypeLabels[t] }))} checked={list('measure_ends')} errors={errors} />
      <Select name="measure_end_route" label="Only ending events naming this route (optional)" value={v('measure_end_route')} options={routeOptions} errors={errors} />
    </>
  );
}

export function AimForm(props: { chrome: Chrome; title: string; action: string; cancelHref: string; values: AimFormValues; errors: readonly FieldError[]; adding: boolean }): VNode {
  const v = (name: string) => (typeof props.values[name] === 'string' ? (props.values[name] as string) : '');
  const list = (name: string) => (Array.isArray(props.values[name]) ? (props.values[name] as string[]) : []);
  const e = props.errors;
  return (
    <Page title={props.title} chrome={props.chrome} hasErrors={e.length > 0}>
      <ErrorSummary errors={e} />
      <PageHeader title={props.title} label={props.chrome.authority?.name} />
      <form method="post" action={props.action} novalidate>
        <CsrfField token={props.chrome.csrfToken} />
        <TextInput name="id" label="Short name" hint="Lower-case letters, digits and dashes, such as aim-2-kinship. It cannot be changed later." value={v('id')} errors={e} width="ds_input--fixed-20" readOnly={!props.adding} />
        <TextInput name="name" label="Name" value={v('name')} errors={e} width="ds_input--fluid-two-thirds" />
        <Radios
          name="kind"
          legend="What it measures"
          hint="One of the four national aims' journeys, or a local measure: for example, a permanence planning meeting within 12 weeks of becoming accommodated."
          value={v('kind')}
          options={kindOptions.map((o) => (o.value === 'measure' ? { ...o, fields: <MeasureFields v={v} list={list} errors={e} /> } : o))}
          errors={e}
        />
        <TextInput name="timescale_count" label="Timescale" hint="A whole number of days, weeks or calendar months (0 days: on the start day itself)." value={v('timescale_count')} errors={e} width="ds_input--fixed-4" />
        <Select
          name="timescale_unit"
          label="Timescale unit"
          value={v('timescale_unit')}
          options={[
            { value: 'days', label: 'days' },
            { value: 'weeks', label: 'weeks' },
            { value: 'months', label: 'months' },
          ]}
          errors={e}
        />
        <TextInput name="target_percent" label="Target percentage (optional)" value={v('target_percent')} errors={e} width="ds_input--fixed-4" />
        <TextInput name="by_date" label="To be met by (optional)" hint="For example, 2019-01-31 or 31/01/2019" value={v('by_date')} errors={e} width="ds_input--fixed-10" />
        <TextInput name="from_date" label="Only journeys starting on or after (optional)" hint="The cohort's from-date." value={v('from_date')} errors={e} width="ds_input--fixed-10" />
        <Checkboxes name="placement_types" legend="Only journeys starting in these settings (optional)" hint="None ticked means any setting." options={placementTypes.map((t) => ({ value: t, label: placementTypeLabels[t] }))} checked={list('placement_types')} errors={e} />
        <Checkboxes name="placement_types_not" legend="Leave out journeys starting in these settings (optional)" hint="None ticked leaves nobody out." options={placementTypes.map((t) => ({ value: t, label: placementTypeLabels[t] }))} checked={list('placement_types_not')} errors={e} />
        <Checkboxes
          name="routes"
          legend="Only journeys whose plan is one of these (optional)"
          hint="A journey's plan is the route of the decision that ended it, or of the latest plan recorded; it does not change once the journey has ended. None ticked means any plan."
          options={journeyRoutes.map((r) => ({ value: r, label: journeyRouteLabels[r] }))}
          checked={list('routes')}
          errors={e}
        />
        <Checkboxes
          name="routes_not"
          legend="Leave out journeys whose plan is one of these (optional)"
          hint="For example, tick kinship care order and return home to leave out kinship and rehabilitation pathways: children with no plan yet stay in."
          options={journeyRoutes.map((r) => ({ value: r, label: journeyRouteLabels[r] }))}
          checked={list('routes_not')}
          errors={e}
        />
        <TextInput name="min_age" label="Youngest age at the start (optional)" value={v('min_age')} errors={e} width="ds_input--fixed-2" />
        <TextInput name="max_age" label="Oldest age at the start (optional)" value={v('max_age')} errors={e} width="ds_input--fixed-2" />
        <Select
          name="sibling_group"
          label="Brothers and sisters (optional)"
          value={v('sibling_group')}
          options={[
            { value: '', label: 'Any child' },
            { value: 'in', label: 'Only children in a sibling group' },
            { value: 'not_in', label: 'Leave out children in a sibling group' },
          ]}
          errors={e}
        />
        <TextInput name="teams" label="Only children of these teams (optional)" hint="Team names as recorded on each child, separated by commas." value={v('teams')} errors={e} width="ds_input--fluid-two-thirds" />
        <TextInput name="backlog_by" label="Backlog: by this date (optional)" value={v('backlog_by')} errors={e} width="ds_input--fixed-10" />
        <TextInput name="backlog_before" label="Backlog: all journeys started before this date will be complete (optional)" value={v('backlog_before')} errors={e} width="ds_input--fixed-10" />
        <SubmitOrCancel label="Save the aim" cancelHref={props.cancelHref} />
      </form>
    </Page>
  );
}
