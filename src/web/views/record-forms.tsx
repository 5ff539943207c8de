/** Forms to add and change a child, a placement and an event, with the error summary pattern. */
import type { VNode } from 'preact';
import { eventStatuses, eventTypeLabels, eventTypes, legalBases, placementTypeLabels, placementTypes, routeLabels, routes } from '../../domain/codes.js';
import type { Fields } from '../forms/records.js';
import { CsrfField, ErrorSummary, PageHeader, Select, SubmitOrCancel, TextInput, type FieldError } from './components.js';
import { Page, type Chrome } from './layout.js';

export interface FormProps {
  readonly chrome: Chrome;
  readonly title: string;
  readonly action: string;
  readonly cancelHref: string;
  readonly values: Fields;
  readonly errors: readonly FieldError[];
  /** Editing: the reference is shown but cannot change. */
  readonly editing: boolean;
}

const dateHint = 'For example, 2020-03-27 or 27/03/2020';

function FormPage(props: FormProps & { children: VNode[] }): VNode {
  return (
    <Page title={props.title} chrome={props.chrome} hasErrors={props.errors.length > 0}>
      <ErrorSummary errors={props.errors} />
      <PageHeader title={props.title} label={props.chrome.authority?.name} />
      <form method="post" action={props.action} novalidate>
        <CsrfField token={props.chrome.csrfToken} />
        {props.children}
        <SubmitOrCancel label="Save" cancelHref={props.cancelHref} />
      </form>
      {props.editing && <p>Saving keeps the previous version in the record's history.</p>}
    </Page>
  );
}

export function ChildForm(props: FormProps): VNode {
  const v = (name: string) => props.values[name] ?? '';
  const e = props.errors;
  return (
    <FormPage {...props}>
      <TextInput name="child_id" label="Reference" hint="Your authority's reference for the child. It cannot be changed later." value={v('child_id')} errors={e} width="ds_input--fixed-20" readOnly={props.editing} />
      <TextInput name="first_name" label="First name (optional)" value={v('first_name')} errors={e} width="ds_input--fluid-one-third" />
      <TextInput name="last_name" label="Last name (optional)" value={v('last_name')} errors={e} width="ds_input--fluid-one-third" />
      <TextInput name="date_of_birth" label="Date of birth" hint={dateHint} value={v('date_of_birth')} errors={e} width="ds_input--fixed-10" />
      <Select name="sex" label="Sex (optional)" value={v('sex')} blank="Not recorded" options={[{ value: 'M', label: 'Male' }, { value: 'F', label: 'Female' }, { value: 'X', label: 'Other or not known' }]} errors={e} />
      <TextInput name="sibling_group" label="Sibling group (optional)" hint="Children with the same sibling group are siblings." value={v('sibling_group')} errors={e} width="ds_input--fixed-20" />
      <TextInput name="worker" label="Social worker (optional)" value={v('worker')} errors={e} width="ds_input--fluid-one-third" />
      <TextInput name="team" label="Team (optional)" value={v('team')} errors={e} width="ds_input--fluid-one-third" />
      <TextInput name="locality" label="Locality (optional)" hint="The area team or locality." value={v('locality')} errors={e} width="ds_input--fluid-one-third" />
    </FormPage>
  );
}

export function PlacementForm(props: FormProps): VNode {
  const v = (name: string) => props.values[name] ?? '';
  const e = props.errors;
  return (
    <FormPage {...props}>
      <TextInput name="placement_id" label="Placement reference (optional)" hint={props.editing ? 'It cannot be changed.' : 'Leave blank and pace will make one.'} value={v('placement_id')} errors={e} width="ds_input--fixed-20" readOnly={props.editing} />
      <TextInput name="start_date" label="Start date" hint={dateHint} value={v('start_date')} errors={e} width="ds_input--fixed-10" />
      <TextInput name="end_date" label="End date (optional)" hint="The last day in the placement. Leave blank while it continues." value={v('end_date')} errors={e} width="ds_input--fixed-10" />
      <Select name="placement_type" label="Setting" value={v('placement_type')} blank="Choose a setting" options={placementTypes.map((t) => ({ value: t, label: placementTypeLabels[t] }))} errors={e} />
      <Select name="legal_basis" label="Legal basis (optional)" value={v('legal_basis')} blank="Not recorded" options={legalBases.map((b) => ({ value: b, label: b }))} errors={e} />
      <TextInput name="carer_ref" label="Carer reference (optional)" hint="A change of carer is a new placement." value={v('carer_ref')} errors={e} width="ds_input--fixed-20" />
    </FormPage>
  );
}

const eventStatusWords = { held: 'Held', planned: 'Planned, not yet held', cancelled: 'Cancelled' } as const;

export function EventForm(props: FormProps): VNode {
  const v = (name: string) => props.values[name] ?? '';
  const e = props.errors;
  return (
    <FormPage {...props}>
      <TextInput name="event_id" label="Event reference (optional)" hint={props.editing ? 'It cannot be changed.' : 'Leave blank and pace will make one.'} value={v('event_id')} errors={e} width="ds_input--fixed-20" readOnly={props.editing} />
      <Select name="event_type" label="Event" value={v('event_type')} blank="Choose an event" options={eventTypes.map((t) => ({ value: t, label: eventTypeLabels[t] }))} errors={e} />
      <Select name="status" label="Status" hint="Held: it happened. Planned: it has a date and has not happened yet. Cancelled: it will not happen on its planned date." value={v('status') || 'held'} options={eventStatuses.map((s) => ({ value: s, label: eventStatusWords[s] }))} errors={e} />
      <TextInput name="date" label="Date it happened (held only)" hint={`${dateHint}. The day it happened, not the day it is recorded. Leave empty when it is planned or was cancelled.`} value={v('date')} errors={e} width="ds_input--fixed-10" />
      <TextInput name="planned_date" label="Planned date" hint={`${dateHint}. The day it was planned for: needed when it is planned or was cancelled, and may be after today.`} value={v('planned_date')} errors={e} width="ds_input--fixed-10" />
      <Select name="route" label="Route" hint="Needed for recommendations, care plans, decisions, applications and orders." value={v('route')} blank="No route" options={routes.map((r) => ({ value: r, label: routeLabels[r] }))} errors={e} />
      <TextInput name="note" label="Note (the reason, when it was cancelled)" value={v('note')} errors={e} width="ds_input--fluid-two-thirds" />
    </FormPage>
  );
}
