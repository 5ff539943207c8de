/**
 * A meeting's page: what the meeting agreed and what earlier meetings left open, each action with
 * its owner, due date and state, a button to mark it done and a link to change it; who was there;
 * and the forms to add an action and to record who came. Also the form that changes one action.
 */
import type { VNode } from 'preact';
import type { FormValues, ListValues } from '../forms/improvement-forms.js';
import type { ActionView, MeetingActionsModel } from '../presenters/meeting.js';
import { Checkboxes, CsrfField, ErrorSummary, NoticeBox, PageHeader, Select, SubmitOrCancel, Tag, TextArea, TextInput, type FieldError, type Option } from './components.js';
import { Page, type Chrome } from './layout.js';

export interface MeetingPageModel {
  /** "Champions' group, 10 March 2021". */
  readonly title: string;
  readonly notes: string;
  /** "The previous meeting was on 10 February 2021." */
  readonly previousWords: string;
  readonly packHref: string;
  readonly pdfHref: string;
  readonly meetingsHref: string;
  readonly actions: MeetingActionsModel;
  /** What "Mark done" records, when the reader may mark actions done. */
  readonly doneWords: string | null;
  /** Who was there, by name; null when nobody has recorded it. */
  readonly attendance: readonly string[] | null;
  /** The forms, for those who may change improvement work. */
  readonly forms: {
    readonly addAction: string;
    readonly attendance: string;
    /** The aim groups' members: owners to choose from, and the people to tick as there. */
    readonly people: readonly Option[];
    /** Said when no aim has a group yet. */
    readonly noGroups: string | null;
  } | null;
  readonly values: FormValues;
  readonly lists: ListValues;
  readonly errors: readonly FieldError[];
  readonly notice: string | null;
}

function ActionItem({ action, csrfToken }: { action: ActionView; csrfToken: string }): VNode {
  return (
    <li class="pace-meeting-action" id={`action-${action.number}`}>
      <h3 class="pace-meeting-action__title">{action.title}</h3>
      <dl class="pace-meeting-action__facts">
        <div>
          <dt class="visually-hidden">State</dt>
          <dd>
            <Tag colour={action.state.colour}>{action.state.text}</Tag>
          </dd>
        </div>
        <div>
          <dt>Owner</dt>
          <dd>{action.owner}</dd>
        </div>
        <div>
          <dt>Due</dt>
          <dd>{action.due}</dd>
        </div>
        {action.agreed && (
          <div>
            <dt>Agreed</dt>
            <dd>{action.agreed}</dd>
          </div>
        )}
      </dl>
      {(action.doneAction || action.editHref) && (
        <div class="pace-meeting-action__buttons">
          {action.doneAction && (
            <form method="post" action={action.doneAction} class="pace-inline-form">
              <CsrfField token={csrfToken} />
              <button type="submit" class="ds_button ds_button--secondary ds_button--small ds_no-margin">
                Mark done<span class="visually-hidden">: A{action.number}</span>
              </button>
            </form>
          )}
          {action.editHref && (
            <a class="ds_link" href={action.editHref}>
              Change<span class="visually-hidden"> A{action.number}</span>
            </a>
          )}
        </div>
      )}
    </li>
  );
}

function ActionList(props: { actions: readonly ActionView[]; none: string; csrfToken: string }): VNode {
  if (props.actions.length === 0) return <p>{props.none}</p>;
  return (
    <ul class="pace-meeting-actions">
      {props.actions.map((a) => (
        <ActionItem key={a.number} action={a} csrfToken={props.csrfToken} />
      ))}
    </ul>
  );
}

export function MeetingPage(props: { chrome: Chrome; model: MeetingPageModel }): VNode {
  const { model } = props;
  const e = model.errors;
  const token = props.chrome.csrfToken;
  return (
    <Page title={model.title} chrome={props.chrome} hasErrors={e.length > 0}>
      <ErrorSummary errors={e} />
      <NoticeBox notice={model.notice} />
      <PageHeader title={model.title} label={props.chrome.authority?.name} />
      <p>{model.previousWords}</p>
      {model.notes && <p>Notes: {model.notes}</p>}
      <ul class="pace-actions ds_no-bullets">
        <li>
          <a class="ds_link" href={model.packHref}>
            The meeting's pack
          </a>
        </li>
        <li>
          <a class="ds_link" href={model.pdfHref}>
            The pack as a PDF
          </a>
        </li>
        <li>
          <a class="ds_link" href={model.meetingsHref}>
            All the meetings
          </a>
        </li>
      </ul>

      <h2 id="actions">Actions agreed at this meeting</h2>
      {model.doneWords && <p class="ds_hint-text">{model.doneWords}</p>}
      <ActionList actions={model.actions.agreed} none="None yet." csrfToken={token} />
      <h2 id="earlier">Actions from earlier meetings</h2>
      <p>Those still open after the previous meeting: open now, or done since.</p>
      <ActionList actions={model.actions.earlier} none="None: nothing was left open." csrfToken={token} />

      {model.forms && (
        <>
          <h2 id="add-action">Add an action</h2>
          <form method="post" action={model.forms.addAction} novalidate>
            <CsrfField token={token} />
            <TextArea name="action_text" label="What is to be done" value={model.values.action_text ?? ''} errors={e} rows={3} />
            <ActionOwnerFields people={model.forms.people} values={model.values} errors={e} noGroups={model.forms.noGroups} />
            <TextInput name="due_date" label="Due by" hint="For example 2021-04-07 or 07/04/2021." value={model.values.due_date ?? ''} errors={e} width="ds_input--fixed-10" />
            <button type="submit" class="ds_button">
              Add the action
            </button>
          </form>
        </>
      )}

      <h2 id="attendance">Who was there</h2>
      {model.attendance === null ? (
        <p>Not recorded yet.</p>
      ) : model.attendance.length === 0 ? (
        <p>Nobody is recorded as there.</p>
      ) : (
        <ul>
          {model.attendance.map((name) => (
            <li key={name}>{name}</li>
          ))}
        </ul>
      )}
      {model.forms && (
        <form method="post" action={model.forms.attendance} novalidate>
          <h3>{model.attendance === null ? 'Record who was there' : 'Change who was there'}</h3>
          <CsrfField token={token} />
          {model.forms.people.length > 0 && <Checkboxes name="attended" legend="Members of the aim groups who were there" options={model.forms.people} checked={model.lists.attended ?? []} errors={e} />}
          <TextArea name="others" label={model.forms.people.length > 0 ? 'Anyone else who was there' : 'Who was there'} hint="One a line: the name, then a comma and the organisation if you like. For example: Dr A. Sample, NHS health visiting" value={model.values.others ?? ''} errors={e} rows={3} />
          <button type="submit" class="ds_button ds_button--secondary">
            Save who was there
          </button>
        </form>
      )}
    </Page>
  );
}

/** The owner of an action: one of the aim groups' members, or someone else typed. */
function ActionOwnerFields(props: { people: readonly Option[]; values: FormValues; errors: readonly FieldError[]; noGroups: string | null }): VNode {
  return (
    <>
      {props.people.length > 0 && <Select name="owner" label="Owner" hint="A member of one of the aim groups; or someone else, typed below." value={props.values.owner ?? ''} options={props.people} blank="Someone else: type the name below" errors={props.errors} />}
      <TextInput
        name="owner_name"
        label={props.people.length > 0 ? 'Or the name of someone else' : 'Owner'}
        hint={`${props.noGroups ? `${props.noGroups} ` : ''}The name, then a comma and the organisation if you like: for example Dr A. Sample, NHS health visiting.`}
        value={props.values.owner_name ?? ''}
        errors={props.errors}
        width="ds_input--fluid-two-thirds"
      />
    </>
  );
}

export interface ActionFormModel {
  /** "Change action A1". */
  readonly title: string;
  /** "Agreed at the meeting on 10 February 2021." */
  readonly agreedWords: string;
  readonly action: string;
  readonly cancelHref: string;
  readonly people: readonly Option[];
  readonly values: FormValues;
  readonly errors: readonly FieldError[];
  /** Each earlier version: "2021-03-05: changed by ben". */
  readonly history: readonly string[];
}

export function ActionForm(props: { chrome: Chrome; model: ActionFormModel }): VNode {
  const { model } = props;
  const e = model.errors;
  return (
    <Page title={model.title} chrome={props.chrome} hasErrors={e.length > 0}>
      <ErrorSummary errors={e} />
      <PageHeader title={model.title} label={props.chrome.authority?.name} />
      <p>{model.agreedWords}</p>
      <form method="post" action={model.action} novalidate>
        <CsrfField token={props.chrome.csrfToken} />
        <TextArea name="action_text" label="What is to be done" value={model.values.action_text ?? ''} errors={e} rows={3} />
        <ActionOwnerFields people={model.people} values={model.values} errors={e} noGroups={null} />
        <TextInput name="due_date" label="Due by" hint="For example 2021-04-07 or 07/04/2021." value={model.values.due_date ?? ''} errors={e} width="ds_input--fixed-10" />
        <TextInput name="done_date" label="Done on (optional)" hint="Leave it empty while the action is open. For example 2021-04-07 or 07/04/2021." value={model.values.done_date ?? ''} errors={e} width="ds_input--fixed-10" />
        <SubmitOrCancel label="Save the action" cancelHref={model.cancelHref} />
      </form>
      {model.history.length > 0 && (
        <>
          <h2>Earlier versions</h2>
          <ul>
            {model.history.map((h) => (
              <li key={h}>{h}</li>
            ))}
          </ul>
        </>
      )}
    </Page>
  );
}
