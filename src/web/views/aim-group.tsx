/** The form for an aim's group: its lead and members, pace users or partners without an account. */
import type { VNode } from 'preact';
import type { FormValues, ListValues } from '../forms/improvement-forms.js';
import { Checkboxes, CsrfField, ErrorSummary, PageHeader, Select, SubmitOrCancel, TextArea, TextInput, type FieldError, type Option } from './components.js';
import { Page, type Chrome } from './layout.js';

export interface AimGroupFormModel {
  readonly aimName: string;
  readonly action: string;
  readonly cancelHref: string;
  /** The authority's pace users (and anyone in the group who no longer has a role there). */
  readonly users: readonly Option[];
  readonly values: FormValues;
  readonly lists: ListValues;
  readonly errors: readonly FieldError[];
  /** Who saved the group and when, or that nobody has named one yet. */
  readonly savedWords: string;
}

const personHint = 'The name, a comma, then the organisation: for example Dr A. Sample, NHS health visiting.';

export function AimGroupForm(props: { chrome: Chrome; model: AimGroupFormModel }): VNode {
  const { model } = props;
  const e = model.errors;
  const title = `The group for ${model.aimName}`;
  return (
    <Page title={title} chrome={props.chrome} hasErrors={e.length > 0}>
      <ErrorSummary errors={e} />
      <PageHeader title={title} label={props.chrome.authority?.name} />
      <p>
        An aim group is led by someone whose work carries this part of the process, and brings in the people from every agency who can test changes in their own roles. Its lead reports on its
        tests of change at each champions' group meeting.
      </p>
      <p>Choose the people who use pace from the list; name partners without a pace account — a health visitor, a solicitor, the Reporter, a panel member — by name and organisation.</p>
      <p class="ds_hint-text">{model.savedWords}</p>
      <form method="post" action={model.action} novalidate>
        <CsrfField token={props.chrome.csrfToken} />
        <Select name="lead" label="Lead" hint="A pace user; or leave this as it is and name a partner who leads the group below." value={model.values.lead ?? ''} options={model.users} blank="None, or a partner named below" errors={e} />
        <TextInput name="lead_partner" label="Or a partner who leads the group, without a pace account" hint={personHint} value={model.values.lead_partner ?? ''} errors={e} width="ds_input--fluid-two-thirds" />
        <Checkboxes name="members" legend="Members who use pace" options={model.users} checked={model.lists.members ?? []} errors={e} />
        <TextArea name="partners" label="Partners without a pace account" hint={`One partner a line. ${personHint}`} value={model.values.partners ?? ''} errors={e} rows={5} />
        <SubmitOrCancel label="Save the group" cancelHref={model.cancelHref} />
      </form>
    </Page>
  );
}
