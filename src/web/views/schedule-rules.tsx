/** The authority's schedule rules: what each reminder is, when it falls due and what meets it; and the form to change one. */
import type { VNode } from 'preact';
import type { ScheduleRuleFormValues } from '../forms/schedule-rule-form.js';
import { CsrfField, ErrorSummary, NoticeBox, PageHeader, Radios, Select, SubmitOrCancel, TableScroll, TextInput, type FieldError } from './components.js';
import { Page, type Chrome } from './layout.js';

export interface ScheduleRulesModel {
  readonly rules: readonly { readonly id: string; readonly name: string; readonly when: string; readonly metBy: string; readonly inUse: boolean; readonly editHref: string }[];
  readonly dueHref: string;
}

export function ScheduleRulesPage(props: { chrome: Chrome; model: ScheduleRulesModel; notice: string | null }): VNode {
  return (
    <Page title="Schedule rules" chrome={props.chrome} wide>
      <NoticeBox notice={props.notice} />
      <PageHeader title="Schedule rules" label={props.chrome.authority?.name} />
      <p>
        These rules say when each meeting and decision should happen. The{' '}
        <a class="ds_link" href={props.model.dueHref}>
          what is due
        </a>{' '}
        pages, the weekly e-mails and the calendar feeds all follow them. A rule is met by the event named beside it; a meeting not held by the time the next meeting falls due is missed, and a
        later event does not count for it.
      </p>
      <TableScroll label="Schedule rules">
        <table class="ds_table">
          <caption class="visually-hidden">Schedule rules</caption>
          <thead>
            <tr>
              <th scope="col">Rule</th>
              <th scope="col">Falls due</th>
              <th scope="col">Met by</th>
              <th scope="col">In use</th>
              <th scope="col">
                <span class="visually-hidden">Change</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {props.model.rules.map((rule) => (
              <tr key={rule.id}>
                <td>{rule.name}</td>
                <td>{rule.when}</td>
                <td>{rule.metBy}</td>
                <td>{rule.inUse ? 'Yes' : 'No'}</td>
                <td>
                  <a class="ds_link" href={rule.editHref}>
                    Change<span class="visually-hidden"> {rule.name}</span>
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </Page>
  );
}

export function ScheduleRuleForm(props: { chrome: Chrome; title: string; action: string; cancelHref: string; values: ScheduleRuleFormValues; errors: readonly FieldError[]; meaning: string; followsAim: string | null }): VNode {
  const v = props.values;
  const e = props.errors;
  const units = [
    { value: 'days', label: 'days' },
    { value: 'weeks', label: 'weeks' },
    { value: 'months', label: 'calendar months' },
  ];
  return (
    <Page title={props.title} chrome={props.chrome} hasErrors={e.length > 0}>
      <ErrorSummary errors={e} />
      <PageHeader title={props.title} label={props.chrome.authority?.name} />
      <p>{props.meaning}</p>
      <form method="post" action={props.action} novalidate>
        <CsrfField token={props.chrome.csrfToken} />
        <TextInput name="name" label="Name" hint="As reminders say it, in plain English." value={v.name} errors={e} width="ds_input--fluid-two-thirds" />
        <Radios
          name="enabled"
          legend="Is the rule in use?"
          options={[
            { value: 'yes', label: 'Yes' },
            { value: 'no', label: 'No: nothing is due under it' },
          ]}
          value={v.enabled}
          errors={e}
        />
        <TextInput name="after_count" label="Falls due after" hint={props.followsAim ? `Leave empty when it follows ${props.followsAim}.` : undefined} value={v.after_count} errors={e} width="ds_input--fixed-4" />
        <Select name="after_unit" label="Unit" value={v.after_unit} options={props.followsAim ? [...units, { value: 'aim', label: `the timescale of ${props.followsAim}` }] : units} errors={e} />
        <TextInput name="every_count" label="Then again every (optional)" hint="Leave both empty when it falls due once." value={v.every_count} errors={e} width="ds_input--fixed-4" />
        <Select name="every_unit" label="Repeat unit" value={v.every_unit} blank="does not repeat" options={units} errors={e} />
        <SubmitOrCancel label="Save the rule" cancelHref={props.cancelHref} />
      </form>
    </Page>
  );
}
